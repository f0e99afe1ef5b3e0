// Package keys serializes keys with pyca's semantics and is the generic key
// layer of libcrypto-go: load_pem_private_key, load_der_private_key,
// load_pem_public_key, load_der_public_key, private_bytes and public_bytes.
//
// LoadPrivateKey and LoadPublicKey return whichever key the data holds (as
// pyca's loaders and OpenSSL's EVP_PKEY do), TypeOf tells its KeyType,
// PrivateBytes and PublicBytes dump any key, PublicKeyOf derives a public key.
// Keys are the algorithm packages' types (*rsa.PrivateKey, *rsa.PublicKey);
// those packages know nothing of PEM or PKCS #8: this package imports them,
// never the reverse (as crypto/x509.MarshalPKCS8PrivateKey takes any key).
// RSA (core/rsa), EC on P-224/P-256/P-384/P-521 (core/ec; named curves only,
// any other curve or explicit parameters is core.ErrUnsupportedAlgorithm),
// Ed25519 and Ed448 (core/eddsa), X25519 and X448 (core/xdh), DSA
// (core/dsa) are built; the key types of ML-KEM and ML-DSA are recognized when
// loading and answered with core.ErrUnsupportedAlgorithm until their
// packages exist.
//
// Unencrypted structures are written by crypto/x509 (PKCS #1 RFC 8017
// appendix A.1, PKCS #8 RFC 5208, SubjectPublicKeyInfo RFC 5280) and come out
// byte for byte as pyca writes them. Reading follows pyca's order of checks,
// so that the same input fails with the same exception kind; the outer
// structures are read with cryptobyte (strict DER) to tell "not this format"
// from "not an RSA key", and the RSA numbers by crypto/x509. Encryption
// (PKCS #8 PBES1/PBES2, PKCS #12 PBE, OpenSSL's legacy PEM) is
// core/internal/pbe. Errors are the sentinel values of package core.
package keys

import (
	"bytes"
	"encoding/asn1"
	"fmt"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/dsa"
	"github.com/cryptogo/libcrypto-go/core/ec"
	"github.com/cryptogo/libcrypto-go/core/eddsa"
	"github.com/cryptogo/libcrypto-go/core/rsa"
	"github.com/cryptogo/libcrypto-go/core/xdh"
)

// Encoding is pyca's serialization.Encoding; the values are the C ABI's enum
// cryptogo_encoding.
type Encoding int

// The encodings.
const (
	EncodingPEM Encoding = 1 // RFC 7468 text, 64-character lines
	EncodingDER Encoding = 2 // binary ASN.1 DER
	// The other values of pyca's Encoding, numbered for the C ABI. No key
	// type of this library takes them yet: ErrInvalidArgument (ValueError).
	EncodingRaw     Encoding = 3
	EncodingX962    Encoding = 4
	EncodingOpenSSH Encoding = 5
	EncodingSMIME   Encoding = 6
)

// PrivateFormat is pyca's serialization.PrivateFormat; the values are the C
// ABI's enum cryptogo_private_format.
type PrivateFormat int

// The private key formats.
const (
	// PrivateFormatPKCS8 is PKCS #8 PrivateKeyInfo (RFC 5208): PEM label
	// "PRIVATE KEY", or "ENCRYPTED PRIVATE KEY" with a password.
	PrivateFormatPKCS8 PrivateFormat = 1
	// PrivateFormatTraditionalOpenSSL is PKCS #1 RSAPrivateKey (RFC 8017):
	// PEM label "RSA PRIVATE KEY", with OpenSSL's Proc-Type/DEK-Info headers
	// when encrypted.
	PrivateFormatTraditionalOpenSSL PrivateFormat = 2
	// The other values of pyca's PrivateFormat, numbered for the C ABI; an
	// RSA key answers ErrInvalidArgument.
	PrivateFormatRaw     PrivateFormat = 3
	PrivateFormatOpenSSH PrivateFormat = 4
	PrivateFormatPKCS12  PrivateFormat = 5
)

// PublicFormat is pyca's serialization.PublicFormat; the values are the C
// ABI's enum cryptogo_public_format.
type PublicFormat int

// The public key formats.
const (
	// PublicFormatSubjectPublicKeyInfo is X.509 SubjectPublicKeyInfo
	// (RFC 5280): PEM label "PUBLIC KEY".
	PublicFormatSubjectPublicKeyInfo PublicFormat = 1
	// PublicFormatPKCS1 is PKCS #1 RSAPublicKey (RFC 8017): PEM label
	// "RSA PUBLIC KEY".
	PublicFormatPKCS1 PublicFormat = 2
	// The other values of pyca's PublicFormat, numbered for the C ABI; an RSA
	// key answers ErrInvalidArgument.
	PublicFormatRaw               PublicFormat = 3
	PublicFormatCompressedPoint   PublicFormat = 4
	PublicFormatUncompressedPoint PublicFormat = 5
	PublicFormatOpenSSH           PublicFormat = 6
)

// KeyType identifies the algorithm of a key, as pyca's key classes and
// OpenSSL's EVP_PKEY types do. The values are the C ABI's enum
// cryptogo_key_type and never change; the ones after RSA are reserved for
// the families to come, so that adding one changes no signature.
type KeyType int

// The key types.
const (
	// UnknownKeyType is the type of anything that is not a key of this
	// library.
	UnknownKeyType KeyType = 0
	// RSA is *rsa.PrivateKey and *rsa.PublicKey (package core/rsa).
	RSA KeyType = 1
	// EC is an elliptic-curve key (ECDSA and ECDH; SEC 1, RFC 5480). Reserved.
	EC KeyType = 2
	// Ed25519 is an EdDSA key over Curve25519 (RFC 8032). Reserved.
	Ed25519 KeyType = 3
	// X25519 is an X25519 key agreement key (RFC 7748). Reserved.
	X25519 KeyType = 4
	// Ed448 is an EdDSA key over Curve448 (RFC 8032). Reserved.
	Ed448 KeyType = 5
	// X448 is an X448 key agreement key (RFC 7748). Reserved.
	X448 KeyType = 6
	// DSA is *dsa.PrivateKey and *dsa.PublicKey (package core/dsa; FIPS 186-4).
	DSA KeyType = 7
	// MLKEM768 is an ML-KEM-768 key (FIPS 203). Reserved.
	MLKEM768 KeyType = 8
	// MLKEM1024 is an ML-KEM-1024 key (FIPS 203). Reserved.
	MLKEM1024 KeyType = 9
	// MLDSA44 is an ML-DSA-44 key (FIPS 204). Reserved.
	MLDSA44 KeyType = 10
	// MLDSA65 is an ML-DSA-65 key (FIPS 204). Reserved.
	MLDSA65 KeyType = 11
	// MLDSA87 is an ML-DSA-87 key (FIPS 204). Reserved.
	MLDSA87 KeyType = 12
)

var keyTypeNames = [...]string{
	UnknownKeyType: "unknown", RSA: "RSA", EC: "EC", Ed25519: "Ed25519", X25519: "X25519",
	Ed448: "Ed448", X448: "X448", DSA: "DSA", MLKEM768: "ML-KEM-768", MLKEM1024: "ML-KEM-1024",
	MLDSA44: "ML-DSA-44", MLDSA65: "ML-DSA-65", MLDSA87: "ML-DSA-87",
}

// String returns the algorithm's name ("RSA", "Ed25519", "ML-DSA-65"...).
func (t KeyType) String() string {
	if t < 0 || int(t) >= len(keyTypeNames) {
		return fmt.Sprintf("KeyType(%d)", int(t))
	}
	return keyTypeNames[t]
}

// TypeOf returns the type of key, a private or public key of one of the
// algorithm packages, or UnknownKeyType for anything else (including nil).
func TypeOf(key any) KeyType {
	switch k := key.(type) {
	case *rsa.PrivateKey:
		if k != nil {
			return RSA
		}
	case *rsa.PublicKey:
		if k != nil {
			return RSA
		}
	case *ec.PrivateKey:
		if k != nil {
			return EC
		}
	case *ec.PublicKey:
		if k != nil {
			return EC
		}
	case *dsa.PrivateKey:
		if k != nil {
			return DSA
		}
	case *dsa.PublicKey:
		if k != nil {
			return DSA
		}
	}
	if _, t, ok := rawPrivate(key); ok {
		return t
	}
	if _, t, ok := rawPublic(key); ok {
		return t
	}
	return UnknownKeyType
}

// PublicKeyOf returns the public key of priv (pyca's private_key.public_key()),
// or nil when priv is not a private key of this library.
func PublicKeyOf(priv any) any {
	switch k := priv.(type) {
	case *rsa.PrivateKey:
		if k != nil {
			return k.PublicKey()
		}
	case *ec.PrivateKey:
		if k != nil {
			return k.Public()
		}
	case *dsa.PrivateKey:
		if k != nil {
			return k.Public()
		}
	case *eddsa.Ed25519PrivateKey:
		if k != nil {
			return k.Public()
		}
	case *eddsa.Ed448PrivateKey:
		if k != nil {
			return k.Public()
		}
	case *xdh.X25519PrivateKey:
		if k != nil {
			return k.Public()
		}
	case *xdh.X448PrivateKey:
		if k != nil {
			return k.Public()
		}
	}
	return nil
}

// Bits returns the size of key, a private or public key, in bits (pyca's
// key_size: the modulus size of an RSA key). Ed25519, X25519, Ed448 and X448
// keys have no key_size in pyca: they answer OpenSSL's EVP_PKEY_get_bits,
// 256, 253, 456 and 448. An EC key answers its curve's size (224, 256, 384,
// 521), a DSA key the size of p. core.ErrType when key is not a key of this
// library.
func Bits(key any) (int, error) {
	switch k := key.(type) {
	case *rsa.PrivateKey:
		if k != nil {
			return k.KeySize(), nil
		}
	case *rsa.PublicKey:
		if k != nil {
			return k.KeySize(), nil
		}
	}
	if c, err := ECCurveOf(key); err == nil {
		return c.Bits(), nil
	}
	if k, err := DSAPublicOf(key); err == nil {
		return k.Bits(), nil
	}
	switch TypeOf(key) {
	case Ed25519:
		return 256, nil
	case X25519:
		return 253, nil
	case Ed448:
		return 456, nil
	case X448:
		return 448, nil
	}
	return 0, fmt.Errorf("%w: not a key: %T", core.ErrType, key)
}

// PublicKeyEqual reports whether a and b are the same public key (pyca's
// __eq__ on public keys): same type and same public values (an RSA key's n
// and e). Keys of different types, and anything that is not a public key of
// this library, are unequal. Not constant time (public values).
func PublicKeyEqual(a, b any) bool {
	switch x := a.(type) {
	case *rsa.PublicKey:
		y, ok := b.(*rsa.PublicKey)
		return x != nil && ok && y != nil && x.Equal(y)
	case *ec.PublicKey:
		y, ok := b.(*ec.PublicKey)
		return x != nil && ok && y != nil && x.Equal(y)
	case *dsa.PublicKey:
		y, ok := b.(*dsa.PublicKey)
		return x != nil && ok && y != nil && x.Equal(y)
	}
	ra, ta, oka := rawPublic(a)
	rb, tb, okb := rawPublic(b)
	return oka && okb && ta == tb && bytes.Equal(ra, rb)
}

// PEM labels.
const (
	pemPrivateKey          = "PRIVATE KEY"
	pemEncryptedPrivateKey = "ENCRYPTED PRIVATE KEY"
	pemRSAPrivateKey       = "RSA PRIVATE KEY"
	pemECPrivateKey        = "EC PRIVATE KEY"
	pemDSAPrivateKey       = "DSA PRIVATE KEY"
	pemPublicKey           = "PUBLIC KEY"
	pemRSAPublicKey        = "RSA PUBLIC KEY"
)

var (
	oidRSAEncryption = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 1}
	oidRSASSAPSS     = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 10}

	// errNotRSA is the answer for a well-formed key of an algorithm this
	// library does not implement yet (pyca would return an EC, Ed25519,
	// DSA... key).
	errNotRSA = fmt.Errorf("%w: not an RSA key", core.ErrUnsupportedAlgorithm)
)

// keyTypeOIDs maps the algorithm identifiers of PKCS #8 and
// SubjectPublicKeyInfo to key types: RFC 8017 (RSA, RSASSA-PSS), RFC 5480
// (EC), RFC 8410 (Ed25519, X25519, Ed448, X448), RFC 3279 (DSA), and NIST's
// arcs for ML-KEM (FIPS 203) and ML-DSA (FIPS 204). ML-KEM-512, which pyca
// does not offer, is not listed: UnknownKeyType, answered with the same
// error as the reserved types.
var keyTypeOIDs = []struct {
	oid asn1.ObjectIdentifier
	typ KeyType
}{
	{oidRSAEncryption, RSA},
	{oidRSASSAPSS, RSA},
	{asn1.ObjectIdentifier{1, 2, 840, 10045, 2, 1}, EC},
	{asn1.ObjectIdentifier{1, 3, 101, 112}, Ed25519},
	{asn1.ObjectIdentifier{1, 3, 101, 110}, X25519},
	{asn1.ObjectIdentifier{1, 3, 101, 113}, Ed448},
	{asn1.ObjectIdentifier{1, 3, 101, 111}, X448},
	{asn1.ObjectIdentifier{1, 2, 840, 10040, 4, 1}, DSA},
	{asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 4, 2}, MLKEM768},
	{asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 4, 3}, MLKEM1024},
	{asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 3, 17}, MLDSA44},
	{asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 3, 18}, MLDSA65},
	{asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 3, 19}, MLDSA87},
}

// keyTypeOf returns the key type of an algorithm identifier, UnknownKeyType
// for one not in keyTypeOIDs.
func keyTypeOf(oid asn1.ObjectIdentifier) KeyType {
	for _, e := range keyTypeOIDs {
		if oid.Equal(e.oid) {
			return e.typ
		}
	}
	return UnknownKeyType
}

// unsupported returns the error for a well-formed key of type t that this
// library cannot build yet: the same value for every such type, as before
// those types were told apart.
func unsupported(KeyType) error { return errNotRSA }
