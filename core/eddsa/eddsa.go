// Package eddsa is EdDSA (RFC 8032) over edwards25519 (Ed25519, through
// crypto/ed25519) and edwards448 (Ed448, through
// github.com/cloudflare/circl/sign/ed448), pure variants with an empty
// context: pyca's ed25519 and ed448 modules.
//
// Keys are built from their raw bytes (pyca's from_private_bytes /
// from_public_bytes) or generated; PEM, PKCS #8 and SubjectPublicKeyInfo are
// package core/keys. Signing and verification run in constant time with
// respect to the private key (the underlying libraries' guarantee).
package eddsa

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/subtle"

	"github.com/cloudflare/circl/sign/ed448"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/internal/errs"
)

// Sizes in bytes (RFC 8032 5.1.5, 5.2.5).
const (
	Ed25519PublicKeySize  = ed25519.PublicKeySize // 32
	Ed25519PrivateKeySize = ed25519.SeedSize      // 32: the seed, pyca's raw private key
	Ed25519SignatureSize  = ed25519.SignatureSize // 64
	Ed448PublicKeySize    = ed448.PublicKeySize   // 57
	Ed448PrivateKeySize   = ed448.SeedSize        // 57
	Ed448SignatureSize    = ed448.SignatureSize   // 114
)

// Ed25519PrivateKey is an Ed25519 private key (pyca's Ed25519PrivateKey).
type Ed25519PrivateKey struct{ k ed25519.PrivateKey }

// Ed25519PublicKey is an Ed25519 public key (pyca's Ed25519PublicKey).
type Ed25519PublicKey struct{ k ed25519.PublicKey }

// Ed448PrivateKey is an Ed448 private key (pyca's Ed448PrivateKey).
type Ed448PrivateKey struct{ k ed448.PrivateKey }

// Ed448PublicKey is an Ed448 public key (pyca's Ed448PublicKey).
type Ed448PublicKey struct{ k ed448.PublicKey }

// GenerateEd25519 returns a new Ed25519 key from crypto/rand.
func GenerateEd25519() (*Ed25519PrivateKey, error) {
	_, k, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	return &Ed25519PrivateKey{k}, nil
}

// NewEd25519PrivateKey returns the key of a 32-byte seed (pyca's
// Ed25519PrivateKey.from_private_bytes). core.ErrInvalidArgument for
// another length. seed is copied.
func NewEd25519PrivateKey(seed []byte) (*Ed25519PrivateKey, error) {
	if len(seed) != Ed25519PrivateKeySize {
		return nil, errs.WithMessage(core.ErrInvalidArgument, "An Ed25519 private key is 32 bytes long")
	}
	return &Ed25519PrivateKey{ed25519.NewKeyFromSeed(seed)}, nil
}

// NewEd25519PublicKey returns the key of 32 bytes (pyca's
// Ed25519PublicKey.from_public_bytes: any 32 bytes are accepted, as
// OpenSSL does; a non-point never verifies). core.ErrInvalidArgument for
// another length. b is copied.
func NewEd25519PublicKey(b []byte) (*Ed25519PublicKey, error) {
	if len(b) != Ed25519PublicKeySize {
		return nil, errs.WithMessage(core.ErrInvalidArgument, "An Ed25519 public key is 32 bytes long")
	}
	return &Ed25519PublicKey{append(ed25519.PublicKey{}, b...)}, nil
}

// Sign returns the 64-byte Ed25519 signature of msg (RFC 8032 5.1.6).
func (k *Ed25519PrivateKey) Sign(msg []byte) []byte { return ed25519.Sign(k.k, msg) }

// Bytes returns a copy of the 32-byte seed (pyca's private_bytes_raw).
func (k *Ed25519PrivateKey) Bytes() []byte { return append([]byte{}, k.k.Seed()...) }

// Public returns the public key.
func (k *Ed25519PrivateKey) Public() *Ed25519PublicKey {
	return &Ed25519PublicKey{append(ed25519.PublicKey{}, k.k[32:]...)}
}

// Key returns the crypto/ed25519 key (for x509 and ssh encoders); do not modify.
func (k *Ed25519PrivateKey) Key() ed25519.PrivateKey { return k.k }

// Wipe overwrites the secret key bytes; k must not be used afterwards.
func (k *Ed25519PrivateKey) Wipe() { clear(k.k) }

// Verify checks sig over msg (RFC 8032 5.1.7, crypto/ed25519's cofactorless
// check): core.ErrInvalidSignature when it does not verify.
func (k *Ed25519PublicKey) Verify(sig, msg []byte) error {
	if len(sig) != Ed25519SignatureSize || !ed25519.Verify(k.k, msg, sig) {
		return core.ErrInvalidSignature
	}
	return nil
}

// Bytes returns a copy of the 32 public key bytes (pyca's public_bytes_raw).
func (k *Ed25519PublicKey) Bytes() []byte { return append([]byte{}, k.k...) }

// Key returns the crypto/ed25519 key; do not modify.
func (k *Ed25519PublicKey) Key() ed25519.PublicKey { return k.k }

// Equal reports whether k and o are the same key.
func (k *Ed25519PublicKey) Equal(o *Ed25519PublicKey) bool {
	return k != nil && o != nil && subtle.ConstantTimeCompare(k.k, o.k) == 1
}

// GenerateEd448 returns a new Ed448 key from crypto/rand.
func GenerateEd448() (*Ed448PrivateKey, error) {
	_, k, err := ed448.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	return &Ed448PrivateKey{k}, nil
}

// NewEd448PrivateKey returns the key of a 57-byte seed (pyca's
// Ed448PrivateKey.from_private_bytes). core.ErrInvalidArgument for another
// length.
func NewEd448PrivateKey(seed []byte) (*Ed448PrivateKey, error) {
	if len(seed) != Ed448PrivateKeySize {
		return nil, errs.WithMessage(core.ErrInvalidArgument, "An Ed448 private key is 57 bytes long")
	}
	return &Ed448PrivateKey{ed448.NewKeyFromSeed(seed)}, nil
}

// NewEd448PublicKey returns the key of 57 bytes (pyca's
// Ed448PublicKey.from_public_bytes; any 57 bytes, a non-point never
// verifies). core.ErrInvalidArgument for another length.
func NewEd448PublicKey(b []byte) (*Ed448PublicKey, error) {
	if len(b) != Ed448PublicKeySize {
		return nil, errs.WithMessage(core.ErrInvalidArgument, "An Ed448 public key is 57 bytes long")
	}
	return &Ed448PublicKey{append(ed448.PublicKey{}, b...)}, nil
}

// Sign returns the 114-byte Ed448 signature of msg (RFC 8032 5.2.6, empty
// context).
func (k *Ed448PrivateKey) Sign(msg []byte) []byte { return ed448.Sign(k.k, msg, "") }

// Bytes returns a copy of the 57-byte seed.
func (k *Ed448PrivateKey) Bytes() []byte { return append([]byte{}, k.k.Seed()...) }

// Public returns the public key.
func (k *Ed448PrivateKey) Public() *Ed448PublicKey {
	return &Ed448PublicKey{append(ed448.PublicKey{}, k.k[Ed448PrivateKeySize:]...)}
}

// Wipe overwrites the secret key bytes; k must not be used afterwards.
func (k *Ed448PrivateKey) Wipe() { clear(k.k) }

// Verify checks sig over msg (RFC 8032 5.2.7, empty context):
// core.ErrInvalidSignature when it does not verify.
func (k *Ed448PublicKey) Verify(sig, msg []byte) error {
	if len(sig) != Ed448SignatureSize || !ed448.Verify(k.k, msg, sig, "") {
		return core.ErrInvalidSignature
	}
	return nil
}

// Bytes returns a copy of the 57 public key bytes.
func (k *Ed448PublicKey) Bytes() []byte { return append([]byte{}, k.k...) }

// Equal reports whether k and o are the same key.
func (k *Ed448PublicKey) Equal(o *Ed448PublicKey) bool {
	return k != nil && o != nil && subtle.ConstantTimeCompare(k.k, o.k) == 1
}
