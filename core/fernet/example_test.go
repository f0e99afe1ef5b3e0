package fernet_test

import (
	"errors"
	"fmt"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/fernet"
)

// Fernet: generate a key, encrypt, decrypt (pyca's Fernet quick start).
func ExampleFernet() {
	key := fernet.GenerateKey() // 44 bytes of url-safe base64; keep it secret
	f, err := fernet.New(key)
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
	f, _ := fernet.New([]byte("cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4="))
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
	f, _ := fernet.New(fernet.GenerateKey())
	msg := []byte("hello")
	buf := make([]byte, 0, fernet.TokenSize(len(msg)))
	token, _ := f.EncryptTo(buf, msg)
	out := make([]byte, 0, fernet.MaxPlaintextSize(len(token)))
	plain, _ := f.DecryptTo(out, token, nil)
	fmt.Println(len(token), string(plain))
	// Output: 100 hello
}

// Key rotation with MultiFernet: tokens under an old key are re-encrypted
// under the new one, keeping their timestamp.
func ExampleMultiFernet_Rotate() {
	oldKey, _ := fernet.New(fernet.GenerateKey())
	token, _ := oldKey.EncryptAtTime([]byte("secret"), 1000)

	newKey, _ := fernet.New(fernet.GenerateKey())
	m, _ := fernet.NewMultiFernet([]*fernet.Fernet{newKey, oldKey})
	rotated, _ := m.Rotate(token)

	msg, _ := newKey.Decrypt(rotated, nil)
	ts, _ := newKey.ExtractTimestamp(rotated)
	fmt.Println(string(msg), ts)
	// Output: secret 1000
}
