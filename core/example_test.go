package core_test

import (
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/cryptogo/libcrypto-go/core"
)

// Fernet: generate a key, encrypt, decrypt (pyca's Fernet quick start).
func ExampleFernet() {
	key := core.GenerateFernetKey() // 44 bytes of url-safe base64; keep it secret
	f, err := core.NewFernet(key)
	if err != nil {
		panic(err)
	}
	defer f.Wipe()

	token, _ := f.Encrypt([]byte("my deep dark secret"))
	msg, err := f.Decrypt(token, nil) // nil: no ttl
	fmt.Println(string(msg), err)

	ttl := int64(60)
	_, err = f.Decrypt(token[:len(token)-4], &ttl)
	fmt.Println(errors.Is(err, core.ErrInvalidToken))
	// Output:
	// my deep dark secret <nil>
	// true
}

// Deterministic tokens, for test vectors only: these bytes are what pyca's
// Fernet writes for the same key, time and IV.
func ExampleFernet_EncryptAtTimeWithIV() {
	f, _ := core.NewFernet([]byte("cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4="))
	token, _ := f.EncryptAtTimeWithIV([]byte("secret message"), 499162800, make([]byte, 16))
	fmt.Println(string(token))
	ts, _ := f.ExtractTimestamp(token)
	fmt.Println(ts)
	// Output:
	// gAAAAAAdwJ6wAAAAAAAAAAAAAAAAAAAAAOCujh65vZD0RL374ovw7A7WcOUGbujP5abgUr3cjXj0VAEJ-KY8paSOuUlP2-Cq2A==
	// 499162800
}

// Fernet into a caller's buffer: no allocation for the output.
func ExampleFernet_EncryptTo() {
	f, _ := core.NewFernet(core.GenerateFernetKey())
	msg := []byte("hello")
	buf := make([]byte, 0, core.FernetTokenSize(len(msg)))
	token, _ := f.EncryptTo(buf, msg)
	out := make([]byte, 0, core.FernetMaxPlaintextSize(len(token)))
	plain, _ := f.DecryptTo(out, token, nil)
	fmt.Println(len(token), string(plain))
	// Output: 100 hello
}

// Key rotation with MultiFernet: tokens under an old key are re-encrypted
// under the new one, keeping their timestamp.
func ExampleMultiFernet_Rotate() {
	oldKey, _ := core.NewFernet(core.GenerateFernetKey())
	token, _ := oldKey.EncryptAtTime([]byte("secret"), 1000)

	newKey, _ := core.NewFernet(core.GenerateFernetKey())
	m, _ := core.NewMultiFernet([]*core.Fernet{newKey, oldKey})
	rotated, _ := m.Rotate(token)

	msg, _ := newKey.Decrypt(rotated, nil)
	ts, _ := newKey.ExtractTimestamp(rotated)
	fmt.Println(string(msg), ts)
	// Output: secret 1000
}

// AES-GCM with associated data (pyca's AESGCM).
func ExampleAESGCM() {
	key := make([]byte, 16)
	for i := range key {
		key[i] = byte(i)
	}
	a, _ := core.NewAESGCM(key) // or core.GenerateAESGCMKey(256)
	defer a.Wipe()
	nonce := make([]byte, core.AESGCMNonceSize) // never reuse a nonce with one key
	ct, _ := a.Encrypt(nonce, []byte("hello"), []byte("header"))
	fmt.Println(hex.EncodeToString(ct))

	pt, err := a.Decrypt(nonce, ct, []byte("header"))
	fmt.Println(string(pt), err)
	_, err = a.Decrypt(nonce, ct, []byte("other header"))
	fmt.Println(err)
	// Output:
	// 21b3eb3ff65d3d5721d6b080d1be9116cb656c6114
	// hello <nil>
	// invalid tag
}

// ChaCha20-Poly1305, sealing in place (pyca's ChaCha20Poly1305).
func ExampleChaCha20Poly1305() {
	key := make([]byte, core.ChaCha20Poly1305KeySize)
	for i := range key {
		key[i] = byte(i)
	}
	c, _ := core.NewChaCha20Poly1305(key)
	nonce := make([]byte, core.ChaCha20Poly1305NonceSize)

	buf := make([]byte, 5, 5+core.AEADTagSize)
	copy(buf, "hello")
	ct, _ := c.Seal(buf[:0], nonce, buf, []byte("header")) // encrypts in place
	fmt.Println(hex.EncodeToString(ct))
	pt, _ := c.Open(ct[:0], nonce, ct, []byte("header")) // decrypts in place
	fmt.Println(string(pt))
	// Output:
	// 70dd2e5dc203508c9dc9ea588908c98442697080b8
	// hello
}

func ExampleRandomBytes() {
	iv := make([]byte, 16)
	core.RandomBytes(iv) // crypto/rand, like os.urandom
	fmt.Println(len(iv))
	// Output: 16
}
