package keys

import (
	"fmt"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/internal/pbe"
)

var errMalformedKey = fmt.Errorf("%w: could not deserialize key data", core.ErrBadKeyData)

// parsePKCS8 parses a PrivateKeyInfo (RFC 5208 section 5):
//
//	SEQUENCE { version INTEGER (0), privateKeyAlgorithm AlgorithmIdentifier,
//	           privateKey OCTET STRING, attributes [0] IMPLICIT SET OPTIONAL }
//
// An RSA (or RSASSA-PSS, whose constraints pyca drops) key must hold a
// well-formed RSAPrivateKey; keys of other algorithms are returned with
// their type only (UnknownKeyType for an algorithm not in keyTypeOIDs).
// The result aliases der.
func parsePKCS8(der []byte) (parsedKey, error) {
	input := cryptobyte.String(der)
	var seq, privateKey cryptobyte.String
	var version int64
	if !input.ReadASN1(&seq, cbasn1.SEQUENCE) || !input.Empty() ||
		!seq.ReadASN1Integer(&version) {
		return parsedKey{}, errMalformedKey
	}
	oid, params, ok := pbe.ReadAlgorithmIdentifier(&seq)
	if !ok || !seq.ReadASN1(&privateKey, cbasn1.OCTET_STRING) ||
		!seq.SkipOptionalASN1(cbasn1.Tag(0).ContextSpecific().Constructed()) {
		return parsedKey{}, errMalformedKey
	}
	typ := keyTypeOf(oid)
	if isCurveType(typ) {
		// RFC 8410 keys may be OneAsymmetricKey (RFC 5958): version 1 with
		// an optional [1] publicKey, which OpenSSL reads and ignores.
		if !seq.SkipOptionalASN1(cbasn1.Tag(1).ContextSpecific()) || !seq.Empty() ||
			(version != 0 && version != 1) {
			return parsedKey{}, errMalformedKey
		}
		return parseCurvePrivate(typ, params, privateKey)
	}
	if !seq.Empty() || version != 0 {
		return parsedKey{}, errMalformedKey
	}
	if typ == EC {
		return parsePKCS8EC(params, privateKey)
	}
	if typ == DSA {
		return parsePKCS8DSA(params, privateKey)
	}
	if typ != RSA {
		return parsedKey{typ: typ}, nil
	}
	return parsePKCS1(privateKey)
}

// parsePKCS1 checks the structure of an RSAPrivateKey (RFC 8017 appendix
// A.1.2) as pyca reads it: version 0, eight non-negative INTEGERs, no other
// prime infos (multi-prime keys are refused). The numbers are checked later,
// by toRSA.
func parsePKCS1(der []byte) (parsedKey, error) {
	input := cryptobyte.String(der)
	var seq cryptobyte.String
	var version int64
	if !input.ReadASN1(&seq, cbasn1.SEQUENCE) || !input.Empty() ||
		!seq.ReadASN1Integer(&version) || version != 0 {
		return parsedKey{}, errMalformedKey
	}
	for range 8 {
		var n []byte
		if !seq.ReadASN1Integer(&n) { // *[]byte: non-negative only
			return parsedKey{}, errMalformedKey
		}
	}
	if !seq.Empty() {
		return parsedKey{}, errMalformedKey
	}
	return parsedKey{typ: RSA, pkcs1: der}, nil
}

// parseSEC1 reads a traditional ECPrivateKey (RFC 5915), whose [0]
// parameters name the curve.
func parseSEC1(der []byte) (parsedKey, error) { return parseECPrivateKey(der, 0, nil) }

// parseDSA recognizes OpenSSL's traditional DSA private key: SEQUENCE {
// version INTEGER (0), p, q, g, y, x INTEGER }.
func parseDSA(der []byte) (parsedKey, error) {
	input := cryptobyte.String(der)
	var seq cryptobyte.String
	var version int64
	if !input.ReadASN1(&seq, cbasn1.SEQUENCE) || !input.Empty() ||
		!seq.ReadASN1Integer(&version) || version != 0 {
		return parsedKey{}, errMalformedKey
	}
	var n [5][]byte
	for i := range n {
		if !seq.ReadASN1Integer(&n[i]) { // *[]byte: non-negative only
			return parsedKey{}, errMalformedKey
		}
	}
	if !seq.Empty() {
		return parsedKey{}, errMalformedKey
	}
	return parsedKey{typ: DSA, dsa: n}, nil
}
