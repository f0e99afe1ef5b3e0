package core

import (
	"crypto/rsa"
)

// RSAPrivateKey is an RSA private key (RFC 8017). It is immutable and safe
// for concurrent use. Wipe zeroes its secret values.
type RSAPrivateKey struct {
	key *rsa.PrivateKey
	pub *RSAPublicKey
}

// RSAPublicKey is an RSA public key. It is immutable and safe for concurrent
// use.
type RSAPublicKey struct {
	key *rsa.PublicKey
}

// NewRSAPrivateKey validates k (as pyca does when loading a key), precomputes
// its CRT values and wraps it. The caller must not use k afterwards.
func NewRSAPrivateKey(k *rsa.PrivateKey) (*RSAPrivateKey, error) {
	if err := k.Validate(); err != nil {
		return nil, invalid("invalid RSA private key: %v", err)
	}
	k.Precompute()
	pub, err := NewRSAPublicKey(&k.PublicKey)
	if err != nil {
		return nil, err
	}
	return &RSAPrivateKey{key: k, pub: pub}, nil
}

// NewRSAPublicKey validates and wraps k.
func NewRSAPublicKey(k *rsa.PublicKey) (*RSAPublicKey, error) {
	if k == nil || k.N == nil || k.N.Sign() <= 0 || k.E < 3 || k.E%2 == 0 {
		return nil, invalid("invalid RSA public key")
	}
	return &RSAPublicKey{key: k}, nil
}

// Key returns the standard library key. Callers must not modify it.
func (k *RSAPrivateKey) Key() *rsa.PrivateKey { return k.key }

// PublicKey returns the public half of k.
func (k *RSAPrivateKey) PublicKey() *RSAPublicKey { return k.pub }

// Key returns the standard library key. Callers must not modify it.
func (k *RSAPublicKey) Key() *rsa.PublicKey { return k.key }

// KeySize returns the modulus size in bits.
func (k *RSAPrivateKey) KeySize() int { return k.key.N.BitLen() }

// KeySize returns the modulus size in bits.
func (k *RSAPublicKey) KeySize() int { return k.key.N.BitLen() }
