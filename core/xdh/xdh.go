// Package xdh is the X25519 and X448 key agreement functions (RFC 7748):
// X25519 through crypto/ecdh, X448 through github.com/cloudflare/circl/dh/x448.
// pyca's x25519 and x448 modules.
//
// Exchange refuses an all-zero shared secret (a low-order peer point) with
// pyca's ValueError "Error computing shared key." (core.ErrInvalidArgument).
// Both run in constant time with respect to the private key.
package xdh

import (
	"crypto/ecdh"
	"crypto/rand"
	"crypto/subtle"

	"github.com/cloudflare/circl/dh/x448"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/internal/errs"
)

// Sizes in bytes (RFC 7748 5).
const (
	X25519KeySize = 32 // private, public and shared secret
	X448KeySize   = x448.Size
)

var errZeroSecret = errs.WithMessage(core.ErrInvalidArgument, "Error computing shared key.")

// X25519PrivateKey is an X25519 private key (pyca's X25519PrivateKey).
type X25519PrivateKey struct{ k *ecdh.PrivateKey }

// X25519PublicKey is an X25519 public key.
type X25519PublicKey struct{ k *ecdh.PublicKey }

// X448PrivateKey is an X448 private key.
type X448PrivateKey struct {
	k   x448.Key
	pub x448.Key
}

// X448PublicKey is an X448 public key.
type X448PublicKey struct{ k x448.Key }

// GenerateX25519 returns a new X25519 key from crypto/rand.
func GenerateX25519() (*X25519PrivateKey, error) {
	k, err := ecdh.X25519().GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	return &X25519PrivateKey{k}, nil
}

// NewX25519PrivateKey returns the key of 32 bytes (pyca's
// from_private_bytes; kept unclamped, as pyca returns them).
// core.ErrInvalidArgument for another length.
func NewX25519PrivateKey(b []byte) (*X25519PrivateKey, error) {
	if len(b) != X25519KeySize {
		return nil, errs.WithMessage(core.ErrInvalidArgument, "An X25519 private key is 32 bytes long")
	}
	k, err := ecdh.X25519().NewPrivateKey(b)
	if err != nil {
		return nil, errs.Invalid("%v", err)
	}
	return &X25519PrivateKey{k}, nil
}

// NewX25519PublicKey returns the key of 32 bytes (any 32 bytes, as pyca).
func NewX25519PublicKey(b []byte) (*X25519PublicKey, error) {
	if len(b) != X25519KeySize {
		return nil, errs.WithMessage(core.ErrInvalidArgument, "An X25519 public key is 32 bytes long")
	}
	k, err := ecdh.X25519().NewPublicKey(b)
	if err != nil {
		return nil, errs.Invalid("%v", err)
	}
	return &X25519PublicKey{k}, nil
}

// Bytes returns a copy of the 32 private key bytes.
func (k *X25519PrivateKey) Bytes() []byte { return k.k.Bytes() }

// Key returns the crypto/ecdh key (for crypto/x509).
func (k *X25519PrivateKey) Key() *ecdh.PrivateKey { return k.k }

// Public returns the public key.
func (k *X25519PrivateKey) Public() *X25519PublicKey { return &X25519PublicKey{k.k.PublicKey()} }

// Exchange returns the 32-byte shared secret with peer (RFC 7748 6.1);
// core.ErrInvalidArgument when it is all zeros.
func (k *X25519PrivateKey) Exchange(peer *X25519PublicKey) ([]byte, error) {
	s, err := k.k.ECDH(peer.k)
	if err != nil {
		return nil, errZeroSecret // crypto/ecdh's only failure: a low-order point
	}
	return s, nil
}

// Bytes returns a copy of the 32 public key bytes.
func (k *X25519PublicKey) Bytes() []byte { return k.k.Bytes() }

// Equal reports whether k and o are the same key.
func (k *X25519PublicKey) Equal(o *X25519PublicKey) bool {
	return k != nil && o != nil && k.k.Equal(o.k)
}

// GenerateX448 returns a new X448 key from crypto/rand.
func GenerateX448() (*X448PrivateKey, error) {
	var b [X448KeySize]byte
	if _, err := rand.Read(b[:]); err != nil {
		return nil, err
	}
	defer clear(b[:])
	return NewX448PrivateKey(b[:])
}

// NewX448PrivateKey returns the key of 56 bytes (unclamped, as pyca returns
// them). core.ErrInvalidArgument for another length.
func NewX448PrivateKey(b []byte) (*X448PrivateKey, error) {
	if len(b) != X448KeySize {
		return nil, errs.WithMessage(core.ErrInvalidArgument, "An X448 private key is 56 bytes long")
	}
	k := &X448PrivateKey{}
	copy(k.k[:], b)
	x448.KeyGen(&k.pub, &k.k)
	return k, nil
}

// NewX448PublicKey returns the key of 56 bytes (any 56 bytes, as pyca).
func NewX448PublicKey(b []byte) (*X448PublicKey, error) {
	if len(b) != X448KeySize {
		return nil, errs.WithMessage(core.ErrInvalidArgument, "An X448 public key is 56 bytes long")
	}
	k := &X448PublicKey{}
	copy(k.k[:], b)
	return k, nil
}

// Bytes returns a copy of the 56 private key bytes.
func (k *X448PrivateKey) Bytes() []byte { return append([]byte{}, k.k[:]...) }

// Public returns the public key.
func (k *X448PrivateKey) Public() *X448PublicKey { return &X448PublicKey{k.pub} }

// Wipe overwrites the private key bytes; k must not be used afterwards.
func (k *X448PrivateKey) Wipe() { clear(k.k[:]) }

// Exchange returns the 56-byte shared secret with peer (RFC 7748 6.2);
// core.ErrInvalidArgument when it is all zeros.
func (k *X448PrivateKey) Exchange(peer *X448PublicKey) ([]byte, error) {
	var s x448.Key
	x448.Shared(&s, &k.k, &peer.k)
	var zero x448.Key
	if subtle.ConstantTimeCompare(s[:], zero[:]) == 1 {
		return nil, errZeroSecret
	}
	return s[:], nil
}

// Bytes returns a copy of the 56 public key bytes.
func (k *X448PublicKey) Bytes() []byte { return append([]byte{}, k.k[:]...) }

// Equal reports whether k and o are the same key.
func (k *X448PublicKey) Equal(o *X448PublicKey) bool {
	return k != nil && o != nil && subtle.ConstantTimeCompare(k.k[:], o.k[:]) == 1
}
