package aead_test

import (
	"encoding/hex"
	"fmt"

	"github.com/cryptogo/libcrypto-go/core/aead"
)

// AES-GCM with associated data (pyca's AESGCM).
func ExampleAESGCM() {
	key := make([]byte, 16)
	for i := range key {
		key[i] = byte(i)
	}
	a, _ := aead.NewAESGCM(key) // or aead.GenerateAESGCMKey(256)
	defer a.Wipe()
	nonce := make([]byte, aead.AESGCMNonceSize) // never reuse a nonce with one key
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
	key := make([]byte, aead.ChaCha20Poly1305KeySize)
	for i := range key {
		key[i] = byte(i)
	}
	c, _ := aead.NewChaCha20Poly1305(key)
	nonce := make([]byte, aead.ChaCha20Poly1305NonceSize)

	buf := make([]byte, 5, 5+aead.TagSize)
	copy(buf, "hello")
	ct, _ := c.Seal(buf[:0], nonce, buf, []byte("header")) // encrypts in place
	fmt.Println(hex.EncodeToString(ct))
	pt, _ := c.Open(ct[:0], nonce, ct, []byte("header")) // decrypts in place
	fmt.Println(string(pt))
	// Output:
	// 70dd2e5dc203508c9dc9ea588908c98442697080b8
	// hello
}
