package core

// Key serialization with pyca's semantics: load_pem_private_key,
// load_der_private_key, load_pem_public_key, load_der_public_key,
// private_bytes and public_bytes, for RSA keys.
//
// Unencrypted structures are written by crypto/x509 (PKCS #1 RFC 8017
// appendix A.1, PKCS #8 RFC 5208, SubjectPublicKeyInfo RFC 5280) and come out
// byte for byte as pyca writes them. Reading follows pyca's order of checks,
// so that the same input fails with the same exception kind; the outer
// structures are read with cryptobyte (strict DER) to tell "not this format"
// from "not an RSA key", and the RSA numbers by crypto/x509.

import (
	"crypto/rsa"
	"crypto/x509"
	"encoding/asn1"
	"encoding/pem"
	"fmt"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// Encoding is pyca's serialization.Encoding; the values are the C ABI's enum
// cryptogo_encoding.
type Encoding int

// The encodings.
const (
	EncodingPEM Encoding = 1 // RFC 7468 text, 64-character lines
	EncodingDER Encoding = 2 // binary ASN.1 DER
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
)

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

	errNotRSA = fmt.Errorf("%w: not an RSA key", ErrUnsupportedAlgorithm)
)

// ---------------------------------------------------------------------------
// Private keys: dump.

// PrivateBytes serializes k as pyca's private_bytes does. password nil is
// NoEncryption(); otherwise it is BestAvailableEncryption(password):
//   - PKCS8: EncryptedPrivateKeyInfo, PBES2 with PBKDF2-HMAC-SHA256 (16-byte
//     random salt, 2048 iterations) and AES-256-CBC (RFC 8018);
//   - TraditionalOpenSSL (PEM only): "Proc-Type: 4,ENCRYPTED" and
//     "DEK-Info: AES-256-CBC,<IV in upper-case hex>", key derived from the
//     password and the first 8 IV bytes by OpenSSL's EVP_BytesToKey (MD5,
//     one round).
//
// Unencrypted output is deterministic and identical to pyca's; encrypted
// output has a fixed length for a given key, format and encoding.
//
// Errors (ErrInvalidArgument, pyca's ValueError): an unknown encoding or
// format; an empty password (pyca: "Password must be 1 or more bytes"); a
// password over 1023 bytes; DER with TraditionalOpenSSL and a password.
// Not constant time with respect to the key's size.
func (k *RSAPrivateKey) PrivateBytes(enc Encoding, format PrivateFormat, password []byte) ([]byte, error) {
	if enc != EncodingPEM && enc != EncodingDER {
		return nil, invalid("unknown encoding %d", int(enc))
	}
	if format != PrivateFormatPKCS8 && format != PrivateFormatTraditionalOpenSSL {
		return nil, invalid("unknown private key format %d", int(format))
	}
	if password != nil {
		if len(password) == 0 {
			return nil, invalid("Password must be 1 or more bytes")
		}
		if len(password) > maxDumpPassword {
			return nil, invalid("Passwords longer than %d bytes are not supported", maxDumpPassword)
		}
		if enc == EncodingDER && format == PrivateFormatTraditionalOpenSSL {
			return nil, invalid("Encryption is not supported for DER encoded traditional OpenSSL keys")
		}
	}

	var der []byte
	label := pemRSAPrivateKey
	if format == PrivateFormatPKCS8 {
		var err error
		if der, err = x509.MarshalPKCS8PrivateKey(k.key); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrInvalidArgument, err)
		}
		label = pemPrivateKey
	} else {
		der = x509.MarshalPKCS1PrivateKey(k.key)
	}
	if password == nil {
		if enc == EncodingDER {
			return der, nil
		}
		defer clear(der)
		return pem.EncodeToMemory(&pem.Block{Type: label, Bytes: der}), nil
	}

	defer clear(der)
	if format == PrivateFormatPKCS8 {
		epki, err := encryptPKCS8(der, password)
		if err != nil || enc == EncodingDER {
			return epki, err
		}
		return pem.EncodeToMemory(&pem.Block{Type: pemEncryptedPrivateKey, Bytes: epki}), nil
	}
	headers, ct, err := encryptLegacyPEM(der, password)
	if err != nil {
		return nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: pemRSAPrivateKey, Headers: headers, Bytes: ct}), nil
}

// ---------------------------------------------------------------------------
// Private keys: load.

// LoadRSAPrivateKey reads an RSA private key as pyca's load_pem_private_key
// (enc = EncodingPEM) or load_der_private_key (EncodingDER) does. password
// nil is pyca's None; a non-nil empty slice is b"" (treated as no password
// for an encrypted key, and as a password for an unencrypted one, as pyca).
//
// PEM: the first block labelled PRIVATE KEY, ENCRYPTED PRIVATE KEY,
// RSA PRIVATE KEY, EC PRIVATE KEY or DSA PRIVATE KEY; legacy encryption
// ("Proc-Type: 4,ENCRYPTED") with AES-128-CBC, AES-256-CBC or DES-EDE3-CBC.
// DER: PKCS #8, PKCS #1 (and EC/DSA traditional structures, which are then
// unsupported), else an EncryptedPrivateKeyInfo. Encrypted PKCS #8: PBES2
// (PBKDF2 with HMAC-SHA1/224/256/384/512, or scrypt; AES-128/192/256-CBC,
// DES-EDE3-CBC or RC2-CBC-128), PBES1 pbeWithMD5AndDES-CBC, and the PKCS #12
// schemes with SHA-1 and 3DES, RC2-40 or RC4-128.
//
// Errors:
//   - ErrBadKeyData (pyca's ValueError): malformed data, wrong password,
//     unknown encryption algorithm, key that fails validation;
//   - ErrPasswordRequired (TypeError): the key is encrypted and password
//     is nil or empty;
//   - ErrPasswordUnexpected (TypeError): password is non-nil and the key is
//     not encrypted;
//   - ErrUnsupportedAlgorithm: a well-formed key that is not RSA (pyca
//     would return an EC, Ed25519, DSA... key);
//   - ErrInvalidArgument: an unknown encoding.
//
// A wrong password and a malformed plaintext give the same error, and CBC
// padding is checked in constant time. The key derivation runs for as many
// iterations as the key asks for; scrypt parameters needing over 1 GiB are
// refused.
func LoadRSAPrivateKey(data, password []byte, enc Encoding) (*RSAPrivateKey, error) {
	switch enc {
	case EncodingPEM:
		return loadPEMPrivateKey(data, password)
	case EncodingDER:
		return loadDERPrivateKey(data, password)
	default:
		return nil, invalid("unknown encoding %d", int(enc))
	}
}

// privateKeyLabels are the PEM labels pyca looks for.
var privateKeyLabels = map[string]bool{
	pemPrivateKey: true, pemEncryptedPrivateKey: true, pemRSAPrivateKey: true,
	pemECPrivateKey: true, pemDSAPrivateKey: true,
}

// parsedKey is a private key structure that parsed: either the PKCS #1
// RSAPrivateKey of an RSA key, or a key of another type.
type parsedKey struct {
	pkcs1 []byte // nil: not RSA
}

func loadPEMPrivateKey(data, password []byte) (*RSAPrivateKey, error) {
	var blk *pem.Block
	seen := false
	for rest := data; ; {
		var b *pem.Block
		b, rest = pem.Decode(rest)
		if b == nil {
			break
		}
		seen = true
		if privateKeyLabels[b.Type] {
			blk = b
			break
		}
	}
	if blk == nil {
		if !seen {
			return nil, fmt.Errorf("%w: unable to load PEM file", ErrBadKeyData)
		}
		return nil, fmt.Errorf("%w: valid PEM but no BEGIN/END delimiters for a private key found", ErrBadKeyData)
	}
	defer clear(blk.Bytes)

	body := blk.Bytes
	passwordUsed, decrypted := false, false
	if procType, ok := blk.Headers["Proc-Type"]; ok {
		if procType != "4,ENCRYPTED" {
			return nil, fmt.Errorf("%w: Proc-Type PEM header is not valid", ErrBadKeyData)
		}
		passwordUsed, decrypted = true, true
		dekInfo, hasDEKInfo := blk.Headers["DEK-Info"]
		pt, err := decryptLegacyPEM(dekInfo, hasDEKInfo, body, password)
		if err != nil {
			return nil, err
		}
		defer clear(pt)
		body = pt
	}

	var key parsedKey
	var err error
	switch blk.Type {
	case pemPrivateKey:
		key, err = parsePKCS8(body)
	case pemRSAPrivateKey:
		key, err = parsePKCS1(body)
	case pemECPrivateKey:
		key, err = parseSEC1(body)
	case pemDSAPrivateKey:
		key, err = parseDSA(body)
	case pemEncryptedPrivateKey:
		passwordUsed = true
		var pt []byte
		key, pt, err = decryptAndParsePKCS8(body, password)
		defer clear(pt)
	}
	if err != nil {
		if decrypted {
			// After a decryption, a plaintext that is not a key is a wrong
			// password: one error, whatever the cause.
			return nil, errIncorrectPassword
		}
		return nil, err
	}
	if password != nil && !passwordUsed {
		return nil, ErrPasswordUnexpected
	}
	return key.toRSA()
}

func loadDERPrivateKey(data, password []byte) (*RSAPrivateKey, error) {
	// pyca tries the unencrypted structures first, in this order.
	for _, parse := range []func([]byte) (parsedKey, error){parsePKCS8, parseSEC1, parsePKCS1, parseDSA} {
		if key, err := parse(data); err == nil {
			if password != nil {
				return nil, ErrPasswordUnexpected
			}
			return key.toRSA()
		}
	}
	key, pt, err := decryptAndParsePKCS8(data, password)
	defer clear(pt)
	if err != nil {
		return nil, err
	}
	return key.toRSA()
}

// decryptAndParsePKCS8 decrypts an EncryptedPrivateKeyInfo and parses the
// PrivateKeyInfo inside. The key aliases the returned plaintext, which the
// caller clears once done with the key.
func decryptAndParsePKCS8(der, password []byte) (parsedKey, []byte, error) {
	pt, err := decryptPKCS8(der, password)
	if err != nil {
		return parsedKey{}, nil, err
	}
	key, err := parsePKCS8(pt)
	if err != nil {
		return parsedKey{}, pt, errIncorrectPassword
	}
	return key, pt, nil
}

// toRSA builds and validates the RSA key (pyca validates keys on load).
func (p parsedKey) toRSA() (*RSAPrivateKey, error) {
	if p.pkcs1 == nil {
		return nil, errNotRSA
	}
	k, err := x509.ParsePKCS1PrivateKey(p.pkcs1)
	if err != nil {
		return nil, fmt.Errorf("%w: invalid RSA private key: %v", ErrBadKeyData, err)
	}
	key, err := NewRSAPrivateKey(k)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadKeyData, err)
	}
	return key, nil
}

var errMalformedKey = fmt.Errorf("%w: could not deserialize key data", ErrBadKeyData)

// parsePKCS8 parses a PrivateKeyInfo (RFC 5208 section 5):
//
//	SEQUENCE { version INTEGER (0), privateKeyAlgorithm AlgorithmIdentifier,
//	           privateKey OCTET STRING, attributes [0] IMPLICIT SET OPTIONAL }
//
// An RSA (or RSASSA-PSS, whose constraints pyca drops) key must hold a
// well-formed RSAPrivateKey; other algorithms are returned as "not RSA".
// The result aliases der.
func parsePKCS8(der []byte) (parsedKey, error) {
	input := cryptobyte.String(der)
	var seq, privateKey cryptobyte.String
	var version int64
	if !input.ReadASN1(&seq, cbasn1.SEQUENCE) || !input.Empty() ||
		!seq.ReadASN1Integer(&version) {
		return parsedKey{}, errMalformedKey
	}
	oid, _, ok := readAlgorithmIdentifier(&seq)
	if !ok || !seq.ReadASN1(&privateKey, cbasn1.OCTET_STRING) ||
		!seq.SkipOptionalASN1(cbasn1.Tag(0).ContextSpecific().Constructed()) || !seq.Empty() {
		return parsedKey{}, errMalformedKey
	}
	if version != 0 {
		return parsedKey{}, errMalformedKey
	}
	if !oid.Equal(oidRSAEncryption) && !oid.Equal(oidRSASSAPSS) {
		return parsedKey{}, nil
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
	return parsedKey{pkcs1: der}, nil
}

// parseSEC1 recognizes an ECPrivateKey (RFC 5915): SEQUENCE { version
// INTEGER (1), privateKey OCTET STRING, [0] parameters OPTIONAL, [1]
// publicKey OPTIONAL }. It is never RSA.
func parseSEC1(der []byte) (parsedKey, error) {
	input := cryptobyte.String(der)
	var seq, priv cryptobyte.String
	var version int64
	if !input.ReadASN1(&seq, cbasn1.SEQUENCE) || !input.Empty() ||
		!seq.ReadASN1Integer(&version) || version != 1 ||
		!seq.ReadASN1(&priv, cbasn1.OCTET_STRING) ||
		!seq.SkipOptionalASN1(cbasn1.Tag(0).ContextSpecific().Constructed()) ||
		!seq.SkipOptionalASN1(cbasn1.Tag(1).ContextSpecific().Constructed()) || !seq.Empty() {
		return parsedKey{}, errMalformedKey
	}
	return parsedKey{}, nil
}

// parseDSA recognizes OpenSSL's traditional DSA private key: SEQUENCE {
// version INTEGER (0), p, q, g, y, x INTEGER }. It is never RSA.
func parseDSA(der []byte) (parsedKey, error) {
	input := cryptobyte.String(der)
	var seq cryptobyte.String
	var version int64
	if !input.ReadASN1(&seq, cbasn1.SEQUENCE) || !input.Empty() ||
		!seq.ReadASN1Integer(&version) || version != 0 {
		return parsedKey{}, errMalformedKey
	}
	for range 5 {
		var n []byte
		if !seq.ReadASN1Integer(&n) {
			return parsedKey{}, errMalformedKey
		}
	}
	if !seq.Empty() {
		return parsedKey{}, errMalformedKey
	}
	return parsedKey{}, nil
}

// ---------------------------------------------------------------------------
// Public keys.

// PublicBytes serializes k as pyca's public_bytes does: SubjectPublicKeyInfo
// ("PUBLIC KEY") or PKCS #1 ("RSA PUBLIC KEY"), PEM or DER, identical to
// pyca's output. Errors: ErrInvalidArgument for an unknown encoding or format.
func (k *RSAPublicKey) PublicBytes(enc Encoding, format PublicFormat) ([]byte, error) {
	if enc != EncodingPEM && enc != EncodingDER {
		return nil, invalid("unknown encoding %d", int(enc))
	}
	var der []byte
	var label string
	switch format {
	case PublicFormatSubjectPublicKeyInfo:
		var err error
		if der, err = x509.MarshalPKIXPublicKey(k.key); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrInvalidArgument, err)
		}
		label = pemPublicKey
	case PublicFormatPKCS1:
		der = x509.MarshalPKCS1PublicKey(k.key)
		label = pemRSAPublicKey
	default:
		return nil, invalid("unknown public key format %d", int(format))
	}
	if enc == EncodingDER {
		return der, nil
	}
	return pem.EncodeToMemory(&pem.Block{Type: label, Bytes: der}), nil
}

// LoadRSAPublicKey reads an RSA public key as pyca's load_pem_public_key
// (enc = EncodingPEM) or load_der_public_key (EncodingDER) does.
//
// PEM: the first block must be "PUBLIC KEY" (SubjectPublicKeyInfo) or
// "RSA PUBLIC KEY" (PKCS #1, or a SubjectPublicKeyInfo holding an RSA key).
// DER: SubjectPublicKeyInfo, else PKCS #1. RSASSA-PSS keys are read as plain
// RSA keys, as pyca does.
//
// Errors: ErrBadKeyData (ValueError) for malformed data or another PEM label;
// ErrUnsupportedAlgorithm for a well-formed key that is not RSA;
// ErrInvalidArgument for an unknown encoding or invalid numbers.
func LoadRSAPublicKey(data []byte, enc Encoding) (*RSAPublicKey, error) {
	switch enc {
	case EncodingPEM:
		blk, _ := pem.Decode(data)
		if blk == nil {
			return nil, fmt.Errorf("%w: unable to load PEM file", ErrBadKeyData)
		}
		switch blk.Type {
		case pemPublicKey:
			return parseSPKI(blk.Bytes)
		case pemRSAPublicKey:
			k, err := parsePKCS1Public(blk.Bytes)
			if err == nil {
				return k, nil
			}
			k, err2 := parseSPKI(blk.Bytes)
			if err2 == errNotRSA {
				return nil, fmt.Errorf("%w: incorrect PEM delimiter for key type", ErrBadKeyData)
			}
			if err2 != nil {
				return nil, err
			}
			return k, nil
		default:
			return nil, fmt.Errorf("%w: valid PEM but no BEGIN PUBLIC KEY/END PUBLIC KEY delimiters", ErrBadKeyData)
		}
	case EncodingDER:
		k, err := parseSPKI(data)
		if err == nil || err == errNotRSA {
			return k, err
		}
		if k, err2 := parsePKCS1Public(data); err2 == nil {
			return k, nil
		}
		return nil, err
	default:
		return nil, invalid("unknown encoding %d", int(enc))
	}
}

// parseSPKI parses a SubjectPublicKeyInfo: SEQUENCE { algorithm
// AlgorithmIdentifier, subjectPublicKey BIT STRING }.
func parseSPKI(der []byte) (*RSAPublicKey, error) {
	input := cryptobyte.String(der)
	var seq cryptobyte.String
	var bits asn1.BitString
	if !input.ReadASN1(&seq, cbasn1.SEQUENCE) || !input.Empty() {
		return nil, errMalformedKey
	}
	oid, _, ok := readAlgorithmIdentifier(&seq)
	if !ok || !seq.ReadASN1BitString(&bits) || !seq.Empty() {
		return nil, errMalformedKey
	}
	if !oid.Equal(oidRSAEncryption) && !oid.Equal(oidRSASSAPSS) {
		return nil, errNotRSA
	}
	if bits.BitLength%8 != 0 {
		return nil, errMalformedKey
	}
	return parsePKCS1Public(bits.Bytes)
}

// parsePKCS1Public parses an RSAPublicKey: SEQUENCE { modulus INTEGER,
// publicExponent INTEGER }.
func parsePKCS1Public(der []byte) (*RSAPublicKey, error) {
	k, err := x509.ParsePKCS1PublicKey(der)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadKeyData, err)
	}
	return NewRSAPublicKey(&rsa.PublicKey{N: k.N, E: k.E})
}
