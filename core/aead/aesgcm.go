package aead

import (
	"crypto/aes"
	"crypto/cipher"
	"sync/atomic"

	"github.com/cryptogo/libcrypto-go/core/internal/errs"
	"github.com/cryptogo/libcrypto-go/core/random"
)

// AESGCM is AES in Galois/Counter Mode (NIST SP 800-38D) with a 16-byte tag,
// pyca's cryptography.hazmat.primitives.ciphers.aead.AESGCM: keys of 16, 24
// or 32 bytes, nonces of 8 to 128 bytes (12 recommended), optional associated
// data. It uses crypto/cipher's GCM (constant time, hardware accelerated where
// available): cipher.NewGCM for 12-byte nonces and cipher.NewGCMWithNonceSize
// for the others, built once per nonce size and cached.
//
// Safe for concurrent use, except Wipe. Wipe zeroes the raw key copy the
// object keeps, but the expanded AES key schedule inside crypto/cipher's
// objects cannot be reached to be wiped: it stays in memory until the garbage
// collector reclaims it.
type AESGCM struct {
	key   []byte
	block cipher.Block
	std   cipher.AEAD                                     // 12-byte nonces; nil once wiped
	sized [AESGCMMaxNonceSize + 1]atomic.Pointer[aeadBox] // other nonce sizes, built on first use
}

type aeadBox struct{ cipher.AEAD }

// NewAESGCM returns an AES-GCM key object. It copies key before any use.
// Errors: core.ErrInvalidArgument ("AESGCM key must be 128, 192, or 256 bits.")
// for any other key size.
func NewAESGCM(key []byte) (*AESGCM, error) {
	switch len(key) {
	case 16, 24, 32:
	default:
		return nil, errs.Invalid("AESGCM key must be 128, 192, or 256 bits.")
	}
	k := append([]byte(nil), key...)
	block, err := aes.NewCipher(k)
	if err != nil {
		return nil, err
	}
	std, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	return &AESGCM{key: k, block: block, std: std}, nil
}

// GenerateAESGCMKey returns a new random key of bits bits (pyca's
// AESGCM.generate_key). Errors: core.ErrInvalidArgument ("bit_length must be 128,
// 192, or 256") for any other size.
func GenerateAESGCMKey(bits int) ([]byte, error) {
	switch bits {
	case 128, 192, 256:
	default:
		return nil, errs.Invalid("bit_length must be 128, 192, or 256")
	}
	k := make([]byte, bits/8)
	random.Bytes(k)
	return k, nil
}

// gcm returns the GCM for a nonce of n bytes.
func (a *AESGCM) gcm(n int) (cipher.AEAD, error) {
	if n < AESGCMMinNonceSize || n > AESGCMMaxNonceSize {
		return nil, errs.Invalid("Nonce must be between 8 and 128 bytes")
	}
	std := a.std
	if std == nil {
		return nil, errs.ErrWiped
	}
	if n == AESGCMNonceSize {
		return std, nil
	}
	if b := a.sized[n].Load(); b != nil {
		return b.AEAD, nil
	}
	g, err := cipher.NewGCMWithNonceSize(a.block, n)
	if err != nil {
		return nil, err
	}
	// Two racing callers may both build one; either result is equivalent.
	a.sized[n].CompareAndSwap(nil, &aeadBox{g})
	return a.sized[n].Load().AEAD, nil
}

// SealSize implements AEAD.
func (a *AESGCM) SealSize(plaintextLen, adLen int) (int, error) {
	return sealSize(plaintextLen, adLen)
}

// OpenSize implements AEAD.
func (a *AESGCM) OpenSize(ciphertextLen int) int { return openSize(ciphertextLen) }

// Seal implements AEAD (pyca's AESGCM.encrypt, appending to dst). Checks in
// pyca's order: input sizes (core.ErrOverflow), then the nonce size
// (core.ErrInvalidArgument).
func (a *AESGCM) Seal(dst, nonce, plaintext, ad []byte) ([]byte, error) {
	if _, err := sealSize(len(plaintext), len(ad)); err != nil {
		return nil, err
	}
	g, err := a.gcm(len(nonce))
	if err != nil {
		return nil, err
	}
	return seal(g, dst, nonce, plaintext, ad)
}

// Open implements AEAD (pyca's AESGCM.decrypt, appending to dst). Like pyca
// it does not limit the input sizes. Constant time with respect to the tag.
func (a *AESGCM) Open(dst, nonce, ciphertext, ad []byte) ([]byte, error) {
	g, err := a.gcm(len(nonce))
	if err != nil {
		return nil, err
	}
	return open(g, dst, nonce, ciphertext, ad)
}

// Encrypt implements AEAD (pyca's AESGCM.encrypt).
func (a *AESGCM) Encrypt(nonce, plaintext, ad []byte) ([]byte, error) {
	n, err := sealSize(len(plaintext), len(ad))
	if err != nil {
		return nil, err
	}
	return a.Seal(make([]byte, 0, n), nonce, plaintext, ad)
}

// Decrypt implements AEAD (pyca's AESGCM.decrypt).
func (a *AESGCM) Decrypt(nonce, ciphertext, ad []byte) ([]byte, error) {
	return a.Open(make([]byte, 0, openSize(len(ciphertext))), nonce, ciphertext, ad)
}

// Overhead returns the tag size, 16.
func (a *AESGCM) Overhead() int { return TagSize }

// Wipe implements AEAD. The AES key schedules inside crypto/cipher cannot be
// wiped (see AESGCM).
func (a *AESGCM) Wipe() {
	clear(a.key)
	a.std, a.block = nil, nil
	for i := range a.sized {
		a.sized[i].Store(nil)
	}
}
