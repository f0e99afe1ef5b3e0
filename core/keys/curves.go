package keys

import (
	"bytes"
	"encoding/pem"
	"fmt"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
	"golang.org/x/crypto/ssh"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/eddsa"
	"github.com/cryptogo/libcrypto-go/core/internal/errs"
	"github.com/cryptogo/libcrypto-go/core/xdh"
)

// The keys of RFC 8410 (Ed25519, X25519, Ed448, X448): PKCS #8 holds
// CurvePrivateKey ::= OCTET STRING inside the privateKey OCTET STRING, the
// SubjectPublicKeyInfo's BIT STRING holds the raw public key, and the
// AlgorithmIdentifier has no parameters.

// GeneratePrivateKey returns a new key of a type that takes no parameters
// (Ed25519, X25519, Ed448, X448): pyca's X.generate(). core.ErrUnsupportedAlgorithm
// for any other type (RSA has rsa.GeneratePrivateKey).
func GeneratePrivateKey(t KeyType) (any, error) {
	switch t {
	case Ed25519:
		return eddsa.GenerateEd25519()
	case Ed448:
		return eddsa.GenerateEd448()
	case X25519:
		return xdh.GenerateX25519()
	case X448:
		return xdh.GenerateX448()
	}
	return nil, fmt.Errorf("%w: no parameterless generation for key type %v", core.ErrUnsupportedAlgorithm, t)
}

// PrivateKeyFromRaw builds a private key of type t from its raw bytes (pyca's
// from_private_bytes) for Ed25519, X25519, Ed448, X448.
// core.ErrInvalidArgument for a wrong length, core.ErrUnsupportedAlgorithm
// for another type.
func PrivateKeyFromRaw(t KeyType, b []byte) (any, error) {
	switch t {
	case Ed25519:
		return eddsa.NewEd25519PrivateKey(b)
	case Ed448:
		return eddsa.NewEd448PrivateKey(b)
	case X25519:
		return xdh.NewX25519PrivateKey(b)
	case X448:
		return xdh.NewX448PrivateKey(b)
	}
	return nil, fmt.Errorf("%w: no raw private key for key type %v", core.ErrUnsupportedAlgorithm, t)
}

// PublicKeyFromRaw is PrivateKeyFromRaw for public keys (from_public_bytes).
func PublicKeyFromRaw(t KeyType, b []byte) (any, error) {
	switch t {
	case Ed25519:
		return eddsa.NewEd25519PublicKey(b)
	case Ed448:
		return eddsa.NewEd448PublicKey(b)
	case X25519:
		return xdh.NewX25519PublicKey(b)
	case X448:
		return xdh.NewX448PublicKey(b)
	}
	return nil, fmt.Errorf("%w: no raw public key for key type %v", core.ErrUnsupportedAlgorithm, t)
}

// isCurveType reports whether t is one of the RFC 8410 key types.
func isCurveType(t KeyType) bool { return t == Ed25519 || t == X25519 || t == Ed448 || t == X448 }

// curveRawSize is the size of a raw private (and public) key of type t.
func curveRawSize(t KeyType) int {
	switch t {
	case Ed25519:
		return eddsa.Ed25519PrivateKeySize
	case Ed448:
		return eddsa.Ed448PrivateKeySize
	case X25519:
		return xdh.X25519KeySize
	case X448:
		return xdh.X448KeySize
	}
	return -1
}

// rawPrivate returns the raw bytes of a curve private key and its type.
func rawPrivate(key any) ([]byte, KeyType, bool) {
	switch k := key.(type) {
	case *eddsa.Ed25519PrivateKey:
		if k != nil {
			return k.Bytes(), Ed25519, true
		}
	case *eddsa.Ed448PrivateKey:
		if k != nil {
			return k.Bytes(), Ed448, true
		}
	case *xdh.X25519PrivateKey:
		if k != nil {
			return k.Bytes(), X25519, true
		}
	case *xdh.X448PrivateKey:
		if k != nil {
			return k.Bytes(), X448, true
		}
	}
	return nil, UnknownKeyType, false
}

// rawPublic returns the raw bytes of a curve public key and its type.
func rawPublic(key any) ([]byte, KeyType, bool) {
	switch k := key.(type) {
	case *eddsa.Ed25519PublicKey:
		if k != nil {
			return k.Bytes(), Ed25519, true
		}
	case *eddsa.Ed448PublicKey:
		if k != nil {
			return k.Bytes(), Ed448, true
		}
	case *xdh.X25519PublicKey:
		if k != nil {
			return k.Bytes(), X25519, true
		}
	case *xdh.X448PublicKey:
		if k != nil {
			return k.Bytes(), X448, true
		}
	}
	return nil, UnknownKeyType, false
}

func oidOf(t KeyType) []int {
	for _, e := range keyTypeOIDs {
		if e.typ == t {
			return e.oid
		}
	}
	panic("keys: no OID for " + t.String())
}

// marshalCurvePKCS8 writes the PKCS #8 PrivateKeyInfo of RFC 8410 section
// 7 (version 0, no attributes, no public key), as OpenSSL and pyca do.
func marshalCurvePKCS8(t KeyType, raw []byte) []byte {
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1Uint64(0)
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { b.AddASN1ObjectIdentifier(oidOf(t)) })
		b.AddASN1(cbasn1.OCTET_STRING, func(b *cryptobyte.Builder) {
			b.AddASN1OctetString(raw)
		})
	})
	return b.BytesOrPanic()
}

// marshalCurveSPKI writes the SubjectPublicKeyInfo of RFC 8410 section 4.
func marshalCurveSPKI(t KeyType, raw []byte) []byte {
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { b.AddASN1ObjectIdentifier(oidOf(t)) })
		b.AddASN1BitString(raw)
	})
	return b.BytesOrPanic()
}

// parseCurvePrivate reads the CurvePrivateKey inside a PKCS #8 privateKey.
func parseCurvePrivate(t KeyType, params, privateKey []byte) (parsedKey, error) {
	in := cryptobyte.String(privateKey)
	var raw cryptobyte.String
	if len(params) != 0 || !in.ReadASN1(&raw, cbasn1.OCTET_STRING) || !in.Empty() ||
		len(raw) != curveRawSize(t) {
		return parsedKey{}, errMalformedKey
	}
	return parsedKey{typ: t, raw: raw}, nil
}

// curvePublicBytes serializes a curve public key (see PublicBytes).
func curvePublicBytes(raw []byte, t KeyType, enc Encoding, format PublicFormat) ([]byte, error) {
	if enc == EncodingRaw || format == PublicFormatRaw {
		if enc != EncodingRaw || format != PublicFormatRaw {
			return nil, errs.Invalid("When using Raw both encoding and format must be Raw")
		}
		return raw, nil
	}
	if format == PublicFormatOpenSSH || enc == EncodingOpenSSH {
		if format != PublicFormatOpenSSH || enc != EncodingOpenSSH {
			return nil, errs.Invalid("OpenSSH format must be used with OpenSSH encoding")
		}
		if t != Ed25519 {
			return nil, errs.Invalid("Unsupported key type for OpenSSH serialization")
		}
		k, _ := eddsaPublic(raw)
		sk, err := ssh.NewPublicKey(k)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", core.ErrInvalidArgument, err)
		}
		return bytes.TrimSuffix(ssh.MarshalAuthorizedKey(sk), []byte("\n")), nil
	}
	if enc != EncodingPEM && enc != EncodingDER {
		return nil, errs.Invalid("unknown encoding %d", int(enc))
	}
	if format != PublicFormatSubjectPublicKeyInfo {
		return nil, errs.Invalid("format is invalid with this key")
	}
	der := marshalCurveSPKI(t, raw)
	if enc == EncodingDER {
		return der, nil
	}
	return pem.EncodeToMemory(&pem.Block{Type: pemPublicKey, Bytes: der}), nil
}

func eddsaPublic(raw []byte) (any, error) {
	k, err := eddsa.NewEd25519PublicKey(raw)
	if err != nil {
		return nil, err
	}
	return k.Key(), nil
}

// curvePublicFromSPKI builds a public key from a SubjectPublicKeyInfo's parts.
func curvePublicFromSPKI(t KeyType, params, raw []byte) (any, error) {
	if len(params) != 0 || len(raw) != curveRawSize(t) {
		return nil, errMalformedKey
	}
	return PublicKeyFromRaw(t, raw)
}
