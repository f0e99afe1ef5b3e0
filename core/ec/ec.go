// Package ec is elliptic-curve cryptography over the NIST prime curves
// P-224, P-256, P-384 and P-521 (SEC 2's secp224r1, secp256r1, secp384r1,
// secp521r1): ECDSA (FIPS 186-5, with RFC 6979 deterministic signatures)
// through crypto/ecdsa, and ECDH (SEC 1 3.3.1) through crypto/ecdh, P-224
// through crypto/elliptic's nistec-backed ScalarMult (crypto/ecdh has no
// P-224). pyca's hazmat.primitives.asymmetric.ec.
//
// Operations with the private key run in constant time (crypto/ecdsa and
// crypto/internal/fips140/nistec). Errors are core's sentinel values:
// core.ErrInvalidArgument (pyca's ValueError) for invalid scalars and
// points, core.ErrInvalidSignature, core.ErrUnsupportedAlgorithm for a
// curve or hash outside the supported set.
package ec

import (
	"bytes"
	"crypto"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"fmt"
	"math/big"
	"sync"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/hash"
	"github.com/cryptogo/libcrypto-go/core/internal/errs"
)

// Curve names a curve; the values are the C ABI's enum cryptogo_ec_curve.
type Curve int

// The curves.
const (
	SECP224R1 Curve = 1 // NIST P-224
	SECP256R1 Curve = 2 // NIST P-256
	SECP384R1 Curve = 3 // NIST P-384
	SECP521R1 Curve = 4 // NIST P-521
)

var errCurve = fmt.Errorf("%w: curve is not supported", core.ErrUnsupportedAlgorithm)

func (c Curve) std() (elliptic.Curve, error) {
	switch c {
	case SECP224R1:
		return elliptic.P224(), nil
	case SECP256R1:
		return elliptic.P256(), nil
	case SECP384R1:
		return elliptic.P384(), nil
	case SECP521R1:
		return elliptic.P521(), nil
	}
	return nil, errCurve
}

// Valid reports whether c is one of the four curves.
func (c Curve) Valid() bool { _, err := c.std(); return err == nil }

// Name returns pyca's curve name ("secp256r1"), "" for an invalid curve.
func (c Curve) Name() string {
	switch c {
	case SECP224R1:
		return "secp224r1"
	case SECP256R1:
		return "secp256r1"
	case SECP384R1:
		return "secp384r1"
	case SECP521R1:
		return "secp521r1"
	}
	return ""
}

// Bits returns the curve's size in bits (pyca's key_size): 224, 256, 384
// or 521; 0 for an invalid curve.
func (c Curve) Bits() int {
	s, err := c.std()
	if err != nil {
		return 0
	}
	return s.Params().BitSize
}

// Params returns the curve's domain parameters (crypto/elliptic's), nil for
// an invalid curve.
func (c Curve) Params() *elliptic.CurveParams {
	s, err := c.std()
	if err != nil {
		return nil
	}
	return s.Params()
}

// Size returns the byte length of a field element and of a scalar: 28, 32,
// 48 or 66 (the width of private values, coordinates and shared secrets).
func (c Curve) Size() int { return (c.Bits() + 7) / 8 }

// CurveOf returns the Curve of a crypto/elliptic curve, 0 for another one.
func CurveOf(s elliptic.Curve) Curve {
	for _, c := range []Curve{SECP224R1, SECP256R1, SECP384R1, SECP521R1} {
		if cs, _ := c.std(); cs == s {
			return c
		}
	}
	return 0
}

// PrivateKey is an EC private key (pyca's EllipticCurvePrivateKey). Safe
// for concurrent use.
type PrivateKey struct {
	k     *ecdsa.PrivateKey
	curve Curve

	// The crypto/ecdh form of the key (P-256/384/521), made on the first
	// Exchange: converting costs a scalar multiplication (crypto/ecdh
	// computes the public point), which would otherwise double the cost of
	// every exchange.
	dhOnce sync.Once
	dh     *ecdh.PrivateKey
	dhErr  error
	// The public key, made once (it caches its own crypto/ecdh form).
	pubOnce sync.Once
	pub     *PublicKey
}

// PublicKey is an EC public key, a point on the curve other than the point
// at infinity (pyca's EllipticCurvePublicKey). Safe for concurrent use.
type PublicKey struct {
	k     *ecdsa.PublicKey
	curve Curve

	// The crypto/ecdh form of the key, made on first use as a peer.
	dhOnce sync.Once
	dh     *ecdh.PublicKey
	dhErr  error
}

// Generate returns a new key on c from crypto/rand (pyca's
// generate_private_key).
func Generate(c Curve) (*PrivateKey, error) {
	s, err := c.std()
	if err != nil {
		return nil, err
	}
	k, err := ecdsa.GenerateKey(s, rand.Reader)
	if err != nil {
		return nil, err
	}
	return &PrivateKey{k: k, curve: c}, nil
}

// NewPrivateKey returns the key whose private value is the big-endian
// integer scalar (any length; pyca's derive_private_key).
// core.ErrInvalidArgument for 0 or a value not below the curve's order.
func NewPrivateKey(c Curve, scalar []byte) (*PrivateKey, error) {
	s, err := c.std()
	if err != nil {
		return nil, err
	}
	b := bytes.TrimLeft(scalar, "\x00")
	if len(b) > c.Size() {
		return nil, errs.Invalid("private_value must be a positive integer less than the curve order")
	}
	fixed := make([]byte, c.Size())
	defer clear(fixed)
	copy(fixed[c.Size()-len(b):], b)
	k, err := ecdsa.ParseRawPrivateKey(s, fixed)
	if err != nil {
		return nil, errs.Invalid("private_value must be a positive integer less than the curve order")
	}
	return &PrivateKey{k: k, curve: c}, nil
}

// NewPublicKeyFromPoint returns the key of an X9.62 / SEC 1 2.3.4 encoded
// point, uncompressed (0x04 || x || y) or compressed (0x02/0x03 || x)
// (pyca's from_encoded_point). core.ErrInvalidArgument for another
// encoding or a point not on the curve.
func NewPublicKeyFromPoint(c Curve, point []byte) (*PublicKey, error) {
	s, err := c.std()
	if err != nil {
		return nil, err
	}
	n := c.Size()
	switch {
	case len(point) == 1+2*n && point[0] == 4:
		k, err := ecdsa.ParseUncompressedPublicKey(s, point)
		if err != nil {
			return nil, errs.Invalid("Invalid EC key.")
		}
		return &PublicKey{k: k, curve: c}, nil
	case len(point) == 1+n && (point[0] == 2 || point[0] == 3):
		x, y := elliptic.UnmarshalCompressed(s, point)
		if x == nil {
			return nil, errs.Invalid("Invalid EC key.")
		}
		return NewPublicKeyFromNumbers(c, x.Bytes(), y.Bytes())
	case len(point) == 0:
		return nil, errs.Invalid("data must not be an empty byte string")
	case point[0] == 2 || point[0] == 3 || point[0] == 4:
		return nil, errs.Invalid("Invalid EC key.")
	}
	return nil, errs.Invalid("Unsupported elliptic curve point type")
}

// NewPublicKeyFromNumbers returns the key of the affine point (x, y), two
// big-endian integers of any length (pyca's
// EllipticCurvePublicNumbers.public_key()). core.ErrInvalidArgument for a
// point not on the curve.
func NewPublicKeyFromNumbers(c Curve, x, y []byte) (*PublicKey, error) {
	s, err := c.std()
	if err != nil {
		return nil, err
	}
	n := c.Size()
	xb, yb := bytes.TrimLeft(x, "\x00"), bytes.TrimLeft(y, "\x00")
	if len(xb) > n || len(yb) > n {
		return nil, errs.Invalid("Invalid EC key.")
	}
	p := make([]byte, 1+2*n)
	p[0] = 4
	copy(p[1+n-len(xb):1+n], xb)
	copy(p[1+2*n-len(yb):], yb)
	k, err := ecdsa.ParseUncompressedPublicKey(s, p)
	if err != nil {
		return nil, errs.Invalid("Invalid EC key.")
	}
	return &PublicKey{k: k, curve: c}, nil
}

// FromStd wraps a crypto/ecdsa private key on one of the four curves.
func FromStd(k *ecdsa.PrivateKey) (*PrivateKey, error) {
	c := CurveOf(k.Curve)
	if c == 0 {
		return nil, errCurve
	}
	return &PrivateKey{k: k, curve: c}, nil
}

// PublicFromStd wraps a crypto/ecdsa public key on one of the four curves.
func PublicFromStd(k *ecdsa.PublicKey) (*PublicKey, error) {
	c := CurveOf(k.Curve)
	if c == 0 {
		return nil, errCurve
	}
	return &PublicKey{k: k, curve: c}, nil
}

// Curve returns the key's curve.
func (k *PrivateKey) Curve() Curve { return k.curve }

// Key returns the crypto/ecdsa key (for crypto/x509).
func (k *PrivateKey) Key() *ecdsa.PrivateKey { return k.k }

// Bytes returns a copy of the private value, big-endian, Curve().Size()
// bytes, which the caller may wipe. A copy: crypto/ecdsa's Bytes returns
// the scalar of the FIPS key it caches for the key, and callers clear what
// they get (wiping it would corrupt concurrent operations on the key).
func (k *PrivateKey) Bytes() []byte {
	b, err := k.k.Bytes()
	if err != nil {
		panic("ec: " + err.Error()) // only for curves FromStd refuses
	}
	return bytes.Clone(b)
}

// Public returns the public key.
func (k *PrivateKey) Public() *PublicKey {
	k.pubOnce.Do(func() { k.pub = &PublicKey{k: &k.k.PublicKey, curve: k.curve} })
	return k.pub
}

// Curve returns the key's curve.
func (k *PublicKey) Curve() Curve { return k.curve }

// Key returns the crypto/ecdsa key (for crypto/x509).
func (k *PublicKey) Key() *ecdsa.PublicKey { return k.k }

// UncompressedPoint returns 0x04 || x || y (SEC 1 2.3.3).
func (k *PublicKey) UncompressedPoint() []byte {
	b, err := k.k.Bytes()
	if err != nil {
		panic("ec: " + err.Error())
	}
	return b
}

// CompressedPoint returns 0x02 or 0x03 (the parity of y) || x.
func (k *PublicKey) CompressedPoint() []byte {
	u := k.UncompressedPoint()
	n := k.curve.Size()
	out := append([]byte{2 | u[2*n]&1}, u[1:1+n]...)
	return out
}

// X returns the x coordinate, big-endian, Curve().Size() bytes.
func (k *PublicKey) X() []byte { n := k.curve.Size(); return k.UncompressedPoint()[1 : 1+n] }

// Y returns the y coordinate, big-endian, Curve().Size() bytes.
func (k *PublicKey) Y() []byte { n := k.curve.Size(); return k.UncompressedPoint()[1+n:] }

// Equal reports whether k and o are the same point on the same curve.
func (k *PublicKey) Equal(o *PublicKey) bool {
	return k != nil && o != nil && k.curve == o.curve && bytes.Equal(k.UncompressedPoint(), o.UncompressedPoint())
}

// digest returns the digest ECDSA signs: msg hashed with h, or msg itself
// when prehashed (pyca's Prehashed; it must then be h's size). ECDSA takes
// any hash, as pyca's does (OpenSSL signs the digest it is given). A SHAKE
// digest has no fixed size: it is taken prehashed only (any non-empty
// length, the caller's digest_size).
func digest(msg []byte, h hash.Algorithm, prehashed bool) ([]byte, error) {
	if !h.Valid() {
		return nil, fmt.Errorf("%w: hash algorithm %d is not supported for ECDSA", core.ErrUnsupportedAlgorithm, int(h))
	}
	if h.IsXOF() {
		if !prehashed {
			return nil, fmt.Errorf("%w: %s needs a digest size: pass its digest prehashed", core.ErrUnsupportedAlgorithm, h.Name())
		}
		if len(msg) == 0 {
			return nil, errs.Invalid("The provided data must be the same length as the hash algorithm's digest size.")
		}
		return msg, nil
	}
	if prehashed {
		if len(msg) != h.Size() {
			return nil, errs.Invalid("The provided data must be the same length as the hash algorithm's digest size.")
		}
		return msg, nil
	}
	hh, err := h.New()
	if err != nil {
		return nil, err
	}
	hh.Write(msg)
	return hh.Sum(nil), nil
}

// deterministicHash returns the crypto.Hash RFC 6979 runs its HMAC over:
// SHA-1, SHA-2, SHA-3 and MD5, the hashes pyca 50 signs deterministically
// that crypto/ecdsa can run. SM3 (pyca signs it; crypto has no SM3 to give
// crypto/ecdsa), BLAKE2 and SHAKE (pyca's OpenSSL fails on them) are
// core.ErrUnsupportedAlgorithm.
func deterministicHash(h hash.Algorithm) (crypto.Hash, error) {
	switch h {
	case hash.SHA1, hash.SHA224, hash.SHA256, hash.SHA384, hash.SHA512, hash.SHA512_224, hash.SHA512_256,
		hash.SHA3_224, hash.SHA3_256, hash.SHA3_384, hash.SHA3_512, hash.MD5:
		if ch := h.CryptoHash(); ch.Available() {
			return ch, nil
		}
	}
	return 0, fmt.Errorf("%w: deterministic ECDSA signing with %s is not supported", core.ErrUnsupportedAlgorithm, h.Name())
}

// Sign returns the DER ECDSA-Sig-Value (RFC 3279 2.2.3) of msg hashed with h
// (or of the digest msg when prehashed; pyca's Prehashed). With
// deterministic, the nonce is RFC 6979's (crypto/ecdsa with a nil random
// source; pyca's deterministic_signing=True); otherwise it is random, mixed
// with the key and the digest (crypto/ecdsa's hedged signing).
// Every hash of core/hash is taken (SHAKE prehashed only, see digest);
// deterministic signing takes those of deterministicHash.
// core.ErrUnsupportedAlgorithm for another hash, core.ErrInvalidArgument
// for a prehashed msg of the wrong size.
func (k *PrivateKey) Sign(msg []byte, h hash.Algorithm, prehashed, deterministic bool) ([]byte, error) {
	var dh crypto.Hash
	if deterministic {
		var err error
		if dh, err = deterministicHash(h); err != nil {
			return nil, err
		}
	}
	d, err := digest(msg, h, prehashed)
	if err != nil {
		return nil, err
	}
	if deterministic {
		return k.k.Sign(nil, d, dh)
	}
	return ecdsa.SignASN1(rand.Reader, k.k, d)
}

// MaxSignatureSize returns the largest DER signature on c: 2 INTEGERs of
// Size()+1 bytes in a SEQUENCE.
func MaxSignatureSize(c Curve) int {
	n := c.Size() + 1 + 2 // INTEGER: tag, length (< 128), value with sign byte
	if c.Size()+1 >= 128 {
		n++
	}
	body := 2 * n
	if body >= 128 {
		return body + 3
	}
	return body + 2
}

// Verify checks sig, a DER ECDSA-Sig-Value, over msg (see Sign).
// core.ErrInvalidSignature for a signature that does not verify or is not
// strict DER; the hash errors of Sign.
func (k *PublicKey) Verify(sig, msg []byte, h hash.Algorithm, prehashed bool) error {
	d, err := digest(msg, h, prehashed)
	if err != nil {
		return err
	}
	if !ecdsa.VerifyASN1(k.k, d, sig) {
		return core.ErrInvalidSignature
	}
	return nil
}

// Exchange returns the ECDH shared secret with peer (SEC 1 3.3.1: the x
// coordinate of d*Q, Curve().Size() bytes; pyca's exchange(ECDH(), peer)).
// core.ErrInvalidArgument when peer is on another curve.
func (k *PrivateKey) Exchange(peer *PublicKey) ([]byte, error) {
	if peer.curve != k.curve {
		return nil, errs.Invalid("peer_public_key and self are not on the same curve")
	}
	if k.curve == SECP224R1 {
		d := k.Bytes()
		defer clear(d)
		px, py := new(big.Int).SetBytes(peer.X()), new(big.Int).SetBytes(peer.Y())
		//lint:ignore SA1019 crypto/ecdh has no P-224; P224().ScalarMult is constant time (nistec)
		x, _ := elliptic.P224().ScalarMult(px, py, d)
		if x == nil || (x.Sign() == 0) {
			return nil, errs.Invalid("Error computing shared key.")
		}
		return x.FillBytes(make([]byte, k.curve.Size())), nil
	}
	k.dhOnce.Do(func() { k.dh, k.dhErr = k.k.ECDH() })
	if k.dhErr != nil {
		return nil, fmt.Errorf("%w: %v", core.ErrInvalidArgument, k.dhErr)
	}
	peer.dhOnce.Do(func() { peer.dh, peer.dhErr = peer.k.ECDH() })
	if peer.dhErr != nil {
		return nil, errs.Invalid("Invalid EC key.")
	}
	priv, pub := k.dh, peer.dh
	s, err := priv.ECDH(pub)
	if err != nil {
		return nil, errs.Invalid("Error computing shared key.")
	}
	return s, nil
}
