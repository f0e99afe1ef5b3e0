package aead

import (
	"crypto/cipher"

	"github.com/cryptogo/libcrypto-go/core/internal/errs"
	"github.com/cryptogo/libcrypto-go/core/random"
	"golang.org/x/crypto/chacha20poly1305"
)

// ChaCha20Poly1305 is the ChaCha20-Poly1305 AEAD of RFC 8439 (pyca's
// cryptography.hazmat.primitives.ciphers.aead.ChaCha20Poly1305): a 32-byte
// key, a 12-byte nonce, a 16-byte tag, optional associated data. It uses
// golang.org/x/crypto/chacha20poly1305 (constant time).
//
// Safe for concurrent use, except Wipe. Wipe zeroes the raw key copy the
// object keeps; the copy inside x/crypto's AEAD value cannot be reached to be
// wiped and stays in memory until the garbage collector reclaims it.
type ChaCha20Poly1305 struct {
	key  []byte
	aead cipher.AEAD // nil once wiped
}

// NewChaCha20Poly1305 returns a ChaCha20-Poly1305 key object. It copies key
// before any use. Errors: core.ErrInvalidArgument ("ChaCha20Poly1305 key must be
// 32 bytes.") for any other size.
func NewChaCha20Poly1305(key []byte) (*ChaCha20Poly1305, error) {
	if len(key) != ChaCha20Poly1305KeySize {
		return nil, errs.Invalid("ChaCha20Poly1305 key must be 32 bytes.")
	}
	k := append([]byte(nil), key...)
	g, err := chacha20poly1305.New(k)
	if err != nil {
		return nil, err
	}
	return &ChaCha20Poly1305{key: k, aead: g}, nil
}

// GenerateChaCha20Poly1305Key returns a new random 32-byte key (pyca's
// ChaCha20Poly1305.generate_key).
func GenerateChaCha20Poly1305Key() []byte {
	k := make([]byte, ChaCha20Poly1305KeySize)
	random.Bytes(k)
	return k
}

func (c *ChaCha20Poly1305) cipher(n int) (cipher.AEAD, error) {
	if n != ChaCha20Poly1305NonceSize {
		return nil, errs.Invalid("Nonce must be 12 bytes")
	}
	g := c.aead
	if g == nil {
		return nil, errs.ErrWiped
	}
	return g, nil
}

// SealSize implements AEAD.
func (c *ChaCha20Poly1305) SealSize(plaintextLen, adLen int) (int, error) {
	return sealSize(plaintextLen, adLen)
}

// OpenSize implements AEAD.
func (c *ChaCha20Poly1305) OpenSize(ciphertextLen int) int { return openSize(ciphertextLen) }

// Seal implements AEAD (pyca's ChaCha20Poly1305.encrypt, appending to dst).
// Checks in pyca's order: input sizes (core.ErrOverflow), then the nonce size
// (core.ErrInvalidArgument).
func (c *ChaCha20Poly1305) Seal(dst, nonce, plaintext, ad []byte) ([]byte, error) {
	if _, err := sealSize(len(plaintext), len(ad)); err != nil {
		return nil, err
	}
	g, err := c.cipher(len(nonce))
	if err != nil {
		return nil, err
	}
	return seal(g, dst, nonce, plaintext, ad)
}

// Open implements AEAD (pyca's ChaCha20Poly1305.decrypt, appending to dst).
// Constant time with respect to the tag.
func (c *ChaCha20Poly1305) Open(dst, nonce, ciphertext, ad []byte) ([]byte, error) {
	g, err := c.cipher(len(nonce))
	if err != nil {
		return nil, err
	}
	return open(g, dst, nonce, ciphertext, ad)
}

// Encrypt implements AEAD (pyca's ChaCha20Poly1305.encrypt).
func (c *ChaCha20Poly1305) Encrypt(nonce, plaintext, ad []byte) ([]byte, error) {
	n, err := sealSize(len(plaintext), len(ad))
	if err != nil {
		return nil, err
	}
	return c.Seal(make([]byte, 0, n), nonce, plaintext, ad)
}

// Decrypt implements AEAD (pyca's ChaCha20Poly1305.decrypt).
func (c *ChaCha20Poly1305) Decrypt(nonce, ciphertext, ad []byte) ([]byte, error) {
	return c.Open(make([]byte, 0, openSize(len(ciphertext))), nonce, ciphertext, ad)
}

// Overhead returns the tag size, 16.
func (c *ChaCha20Poly1305) Overhead() int { return TagSize }

// Wipe implements AEAD (see ChaCha20Poly1305 for what cannot be wiped).
func (c *ChaCha20Poly1305) Wipe() {
	clear(c.key)
	c.aead = nil
}
