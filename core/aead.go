package core

import (
	"crypto/aes"
	"crypto/cipher"
	"sync/atomic"
	"unsafe"

	"golang.org/x/crypto/chacha20poly1305"
)

// Sizes of the AEADs, in bytes. They are the C ABI's CRYPTOGO_AESGCM_* and
// CRYPTOGO_CHACHA20POLY1305_* macros.
const (
	// AEADTagSize is the authentication tag appended by both AEADs.
	AEADTagSize = 16
	// AESGCMNonceSize is the recommended AES-GCM nonce size (96 bits).
	AESGCMNonceSize = 12
	// AESGCMMinNonceSize and AESGCMMaxNonceSize bound the nonce sizes that
	// AESGCM accepts, as pyca does.
	AESGCMMinNonceSize = 8
	AESGCMMaxNonceSize = 128
	// ChaCha20Poly1305KeySize is the ChaCha20-Poly1305 key size.
	ChaCha20Poly1305KeySize = chacha20poly1305.KeySize
	// ChaCha20Poly1305NonceSize is the only nonce size ChaCha20-Poly1305 takes.
	ChaCha20Poly1305NonceSize = chacha20poly1305.NonceSize
	// AEADMaxInput is the largest plaintext or associated data that Seal
	// accepts (2^31 - 1 bytes): pyca raises OverflowError beyond it.
	AEADMaxInput = 1<<31 - 1
)

// AEAD is what AESGCM and ChaCha20Poly1305 have in common: pyca's AEAD
// interface (encrypt/decrypt with a nonce and optional associated data) plus
// allocation-free Seal/Open in the style of crypto/cipher.AEAD.
type AEAD interface {
	// Encrypt returns ciphertext || tag for plaintext, authenticating ad
	// (nil or empty for none). Errors: ErrOverflow for a plaintext or ad of
	// 2^31 bytes or more; ErrInvalidArgument for a bad nonce size.
	Encrypt(nonce, plaintext, ad []byte) ([]byte, error)
	// Decrypt authenticates and decrypts ciphertext || tag. Errors:
	// ErrInvalidArgument for a bad nonce size; ErrInvalidTag for any
	// authentication failure (including a ciphertext shorter than the tag).
	Decrypt(nonce, ciphertext, ad []byte) ([]byte, error)
	// Seal is Encrypt appending to dst, like cipher.AEAD.Seal: with
	// cap(dst)-len(dst) >= SealSize it writes in place without allocating.
	// To encrypt in place use plaintext[:0] as dst; any other overlap of the
	// output with an input is ErrInvalidArgument.
	Seal(dst, nonce, plaintext, ad []byte) ([]byte, error)
	// Open is Decrypt appending to dst, like cipher.AEAD.Open; to decrypt in
	// place use ciphertext[:0] as dst. On failure the output region
	// dst[len(dst):len(dst)+len(ciphertext)-AEADTagSize] is zeroed when dst
	// had room for it, and ErrInvalidTag is returned.
	Open(dst, nonce, ciphertext, ad []byte) ([]byte, error)
	// SealSize is the exact length of Seal's output; ErrOverflow when
	// plaintextLen or adLen is over AEADMaxInput.
	SealSize(plaintextLen, adLen int) (int, error)
	// OpenSize is the exact length of Open's output for a ciphertext of
	// ciphertextLen bytes (0 when it is shorter than the tag).
	OpenSize(ciphertextLen int) int
	// Overhead is the tag size, AEADTagSize.
	Overhead() int
	// Wipe zeroes the copy of the key the object holds and makes every later
	// call fail with ErrInvalidArgument. Not safe concurrently with other
	// methods.
	Wipe()
}

var (
	_ AEAD = (*AESGCM)(nil)
	_ AEAD = (*ChaCha20Poly1305)(nil)
)

var (
	errAEADOverflow = wrapMsg(ErrOverflow, "Data or associated data too long. Max 2**31 - 1 bytes")
	errWiped        = invalid("the key object was wiped")
	errOverlap      = invalid("the output buffer overlaps an input (only exact in-place use is allowed)")
)

func wrapMsg(kind error, msg string) error { return &msgError{kind: kind, msg: msg} }

// msgError carries pyca's exact message while errors.Is still finds its kind.
type msgError struct {
	kind error
	msg  string
}

func (e *msgError) Error() string { return e.msg }
func (e *msgError) Unwrap() error { return e.kind }

// ---------------------------------------------------------------------------
// AES-GCM.

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
// Errors: ErrInvalidArgument ("AESGCM key must be 128, 192, or 256 bits.")
// for any other key size.
func NewAESGCM(key []byte) (*AESGCM, error) {
	switch len(key) {
	case 16, 24, 32:
	default:
		return nil, invalid("AESGCM key must be 128, 192, or 256 bits.")
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
// AESGCM.generate_key). Errors: ErrInvalidArgument ("bit_length must be 128,
// 192, or 256") for any other size.
func GenerateAESGCMKey(bits int) ([]byte, error) {
	switch bits {
	case 128, 192, 256:
	default:
		return nil, invalid("bit_length must be 128, 192, or 256")
	}
	k := make([]byte, bits/8)
	RandomBytes(k)
	return k, nil
}

// gcm returns the GCM for a nonce of n bytes.
func (a *AESGCM) gcm(n int) (cipher.AEAD, error) {
	if n < AESGCMMinNonceSize || n > AESGCMMaxNonceSize {
		return nil, invalid("Nonce must be between 8 and 128 bytes")
	}
	std := a.std
	if std == nil {
		return nil, errWiped
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
// pyca's order: input sizes (ErrOverflow), then the nonce size
// (ErrInvalidArgument).
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
func (a *AESGCM) Overhead() int { return AEADTagSize }

// Wipe implements AEAD. The AES key schedules inside crypto/cipher cannot be
// wiped (see AESGCM).
func (a *AESGCM) Wipe() {
	clear(a.key)
	a.std, a.block = nil, nil
	for i := range a.sized {
		a.sized[i].Store(nil)
	}
}

// ---------------------------------------------------------------------------
// ChaCha20-Poly1305.

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
// before any use. Errors: ErrInvalidArgument ("ChaCha20Poly1305 key must be
// 32 bytes.") for any other size.
func NewChaCha20Poly1305(key []byte) (*ChaCha20Poly1305, error) {
	if len(key) != ChaCha20Poly1305KeySize {
		return nil, invalid("ChaCha20Poly1305 key must be 32 bytes.")
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
	RandomBytes(k)
	return k
}

func (c *ChaCha20Poly1305) cipher(n int) (cipher.AEAD, error) {
	if n != ChaCha20Poly1305NonceSize {
		return nil, invalid("Nonce must be 12 bytes")
	}
	g := c.aead
	if g == nil {
		return nil, errWiped
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
// Checks in pyca's order: input sizes (ErrOverflow), then the nonce size
// (ErrInvalidArgument).
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
func (c *ChaCha20Poly1305) Overhead() int { return AEADTagSize }

// Wipe implements AEAD (see ChaCha20Poly1305 for what cannot be wiped).
func (c *ChaCha20Poly1305) Wipe() {
	clear(c.key)
	c.aead = nil
}

// ---------------------------------------------------------------------------
// Shared by both AEADs.

func sealSize(plaintextLen, adLen int) (int, error) {
	if plaintextLen < 0 || adLen < 0 || plaintextLen > AEADMaxInput || adLen > AEADMaxInput {
		return 0, errAEADOverflow
	}
	return plaintextLen + AEADTagSize, nil
}

func openSize(ciphertextLen int) int {
	if ciphertextLen < AEADTagSize {
		return 0
	}
	return ciphertextLen - AEADTagSize
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
	if out := spare(dst, len(plaintext)+AEADTagSize); out != nil {
		if inexactOverlap(out, plaintext) || anyOverlap(out, ad) || anyOverlap(out, nonce) {
			return nil, errOverlap
		}
	}
	return g.Seal(dst, nonce, plaintext, ad), nil
}

// open runs g.Open with the aliasing checks, and zeroes the output region on
// failure (crypto/cipher and x/crypto do so too; this does not rely on it).
func open(g cipher.AEAD, dst, nonce, ciphertext, ad []byte) ([]byte, error) {
	if len(ciphertext) < AEADTagSize {
		return nil, ErrInvalidTag
	}
	out := spare(dst, len(ciphertext)-AEADTagSize)
	if out != nil && (inexactOverlap(out, ciphertext) || anyOverlap(out, ad) || anyOverlap(out, nonce)) {
		return nil, errOverlap
	}
	res, err := g.Open(dst, nonce, ciphertext, ad)
	if err != nil {
		clear(out)
		return nil, ErrInvalidTag
	}
	return res, nil
}

// anyOverlap reports whether x and y share any memory (crypto/internal/alias).
func anyOverlap(x, y []byte) bool {
	return len(x) > 0 && len(y) > 0 &&
		uintptr(unsafe.Pointer(&x[0])) <= uintptr(unsafe.Pointer(&y[len(y)-1])) &&
		uintptr(unsafe.Pointer(&y[0])) <= uintptr(unsafe.Pointer(&x[len(x)-1]))
}

// inexactOverlap reports whether x and y share memory other than an
// identical start (exact in-place use is allowed).
func inexactOverlap(x, y []byte) bool {
	if len(x) == 0 || len(y) == 0 || &x[0] == &y[0] {
		return false
	}
	return anyOverlap(x, y)
}
