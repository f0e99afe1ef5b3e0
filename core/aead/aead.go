// Package aead implements pyca's authenticated encryption with associated
// data (cryptography.hazmat.primitives.ciphers.aead): AES-GCM (NIST SP
// 800-38D) and ChaCha20-Poly1305 (RFC 8439), with pyca's key and nonce rules
// and messages, over crypto/cipher and golang.org/x/crypto/chacha20poly1305.
// Both satisfy the AEAD interface. Errors are the sentinel values of package
// core; every tag failure is core.ErrInvalidTag.
package aead

import (
	"crypto/cipher"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/internal/alias"
	"github.com/cryptogo/libcrypto-go/core/internal/errs"
	"golang.org/x/crypto/chacha20poly1305"
)

// Sizes of the AEADs, in bytes. They are the C ABI's CRYPTOGO_AESGCM_* and
// CRYPTOGO_CHACHA20POLY1305_* macros.
const (
	// TagSize is the authentication tag appended by both AEADs.
	TagSize = 16
	// AESGCMNonceSize is the recommended AES-GCM nonce size (96 bits).
	AESGCMNonceSize = 12
	// AESGCMMinNonceSize and AESGCMMaxNonceSize bound the nonce sizes that
	// AESGCM accepts, as pyca does.
	AESGCMMinNonceSize = 8
	AESGCMMaxNonceSize = 128
	// AESGCMMinKeySize and AESGCMMaxKeySize bound the AES-GCM key sizes
	// (16, 24 or 32 bytes).
	AESGCMMinKeySize = 16
	AESGCMMaxKeySize = 32
	// ChaCha20Poly1305KeySize is the ChaCha20-Poly1305 key size.
	ChaCha20Poly1305KeySize = chacha20poly1305.KeySize
	// ChaCha20Poly1305NonceSize is the only nonce size ChaCha20-Poly1305 takes.
	ChaCha20Poly1305NonceSize = chacha20poly1305.NonceSize
	// MaxInput is the largest plaintext or associated data that Seal
	// accepts (2^31 - 1 bytes): pyca raises OverflowError beyond it.
	MaxInput = 1<<31 - 1
)

// AEAD is what AESGCM and ChaCha20Poly1305 have in common: pyca's AEAD
// interface (encrypt/decrypt with a nonce and optional associated data) plus
// allocation-free Seal/Open in the style of crypto/cipher.AEAD.
type AEAD interface {
	// Encrypt returns ciphertext || tag for plaintext, authenticating ad
	// (nil or empty for none). Errors: core.ErrOverflow for a plaintext or ad of
	// 2^31 bytes or more; core.ErrInvalidArgument for a bad nonce size.
	Encrypt(nonce, plaintext, ad []byte) ([]byte, error)
	// Decrypt authenticates and decrypts ciphertext || tag. Errors:
	// core.ErrInvalidArgument for a bad nonce size; core.ErrInvalidTag for any
	// authentication failure (including a ciphertext shorter than the tag).
	Decrypt(nonce, ciphertext, ad []byte) ([]byte, error)
	// Seal is Encrypt appending to dst, like cipher.AEAD.Seal: with
	// cap(dst)-len(dst) >= SealSize it writes in place without allocating.
	// To encrypt in place use plaintext[:0] as dst; any other overlap of the
	// output with an input is core.ErrInvalidArgument.
	Seal(dst, nonce, plaintext, ad []byte) ([]byte, error)
	// Open is Decrypt appending to dst, like cipher.AEAD.Open; to decrypt in
	// place use ciphertext[:0] as dst. On failure the output region
	// dst[len(dst):len(dst)+len(ciphertext)-TagSize] is zeroed when dst
	// had room for it, and core.ErrInvalidTag is returned.
	Open(dst, nonce, ciphertext, ad []byte) ([]byte, error)
	// SealSize is the exact length of Seal's output; core.ErrOverflow when
	// plaintextLen or adLen is over MaxInput.
	SealSize(plaintextLen, adLen int) (int, error)
	// OpenSize is the exact length of Open's output for a ciphertext of
	// ciphertextLen bytes (0 when it is shorter than the tag).
	OpenSize(ciphertextLen int) int
	// Overhead is the tag size, TagSize.
	Overhead() int
	// Wipe zeroes the copy of the key the object holds and makes every later
	// call fail with core.ErrInvalidArgument. Not safe concurrently with other
	// methods.
	Wipe()
}

var (
	_ AEAD = (*AESGCM)(nil)
	_ AEAD = (*ChaCha20Poly1305)(nil)
)

var (
	errOverflow = errs.WithMessage(core.ErrOverflow, "Data or associated data too long. Max 2**31 - 1 bytes")
	errOverlap  = errs.Invalid("the output buffer overlaps an input (only exact in-place use is allowed)")
)

// ---------------------------------------------------------------------------
// Shared by both AEADs.

func sealSize(plaintextLen, adLen int) (int, error) {
	if plaintextLen < 0 || adLen < 0 || plaintextLen > MaxInput || adLen > MaxInput {
		return 0, errOverflow
	}
	return plaintextLen + TagSize, nil
}

func openSize(ciphertextLen int) int {
	if ciphertextLen < TagSize {
		return 0
	}
	return ciphertextLen - TagSize
}

// spare returns dst's spare capacity for an output of n bytes, or nil when
// dst has no room (the output then goes to fresh memory).
func spare(dst []byte, n int) []byte {
	if cap(dst)-len(dst) < n {
		return nil
	}
	return dst[len(dst) : len(dst)+n]
}

// seal runs g.Seal after the aliasing checks that crypto/cipher would
// otherwise enforce with a panic.
func seal(g cipher.AEAD, dst, nonce, plaintext, ad []byte) ([]byte, error) {
	if out := spare(dst, len(plaintext)+TagSize); out != nil {
		if alias.InexactOverlap(out, plaintext) || alias.AnyOverlap(out, ad) || alias.AnyOverlap(out, nonce) {
			return nil, errOverlap
		}
	}
	return g.Seal(dst, nonce, plaintext, ad), nil
}

// open runs g.Open with the aliasing checks, and zeroes the output region on
// failure (crypto/cipher and x/crypto do so too; this does not rely on it).
func open(g cipher.AEAD, dst, nonce, ciphertext, ad []byte) ([]byte, error) {
	if len(ciphertext) < TagSize {
		return nil, core.ErrInvalidTag
	}
	out := spare(dst, len(ciphertext)-TagSize)
	if out != nil && (alias.InexactOverlap(out, ciphertext) || alias.AnyOverlap(out, ad) || alias.AnyOverlap(out, nonce)) {
		return nil, errOverlap
	}
	res, err := g.Open(dst, nonce, ciphertext, ad)
	if err != nil {
		clear(out)
		return nil, core.ErrInvalidTag
	}
	return res, nil
}
