package keys

import (
	"crypto/x509"
	"encoding/pem"
	"fmt"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/dsa"
	"github.com/cryptogo/libcrypto-go/core/ec"
	"github.com/cryptogo/libcrypto-go/core/internal/errs"
	"github.com/cryptogo/libcrypto-go/core/internal/pbe"
	"github.com/cryptogo/libcrypto-go/core/rsa"
)

// PrivateBytes serializes key, a private key (*rsa.PrivateKey, or an
// Ed25519, X25519, Ed448 or X448 key of core/eddsa and core/xdh), as pyca's
// private_bytes does. The curve keys take PKCS8 (RFC 8410) or, with
// EncodingRaw, PrivateFormatRaw and no password, their raw bytes;
// TraditionalOpenSSL is ErrInvalidArgument for them. An EC key (core/ec)
// takes PKCS8 (RFC 5915 ECPrivateKey inside, with the public key and without
// parameters) and TraditionalOpenSSL (SEC 1 "EC PRIVATE KEY", with both), as
// OpenSSL writes them. A DSA key (core/dsa) takes PKCS8 (INTEGER x, the
// parameters in the AlgorithmIdentifier) and TraditionalOpenSSL ("DSA
// PRIVATE KEY": version, p, q, g, y, x). password nil is NoEncryption(); otherwise it is
// BestAvailableEncryption(password):
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
// Errors (core.ErrInvalidArgument, pyca's ValueError): an unknown encoding
// or format; an empty password (pyca: "Password must be 1 or more bytes"); a
// password over 1023 bytes; DER with TraditionalOpenSSL and a password.
// core.ErrType (pyca's TypeError) when key is not a private key of this
// library. Not constant time with respect to the key's size.
func PrivateBytes(key any, enc Encoding, format PrivateFormat, password []byte) ([]byte, error) {
	if raw, _, ok := rawPrivate(key); ok && (enc == EncodingRaw || format == PrivateFormatRaw) {
		if enc != EncodingRaw || format != PrivateFormatRaw || password != nil {
			clear(raw)
			return nil, errs.Invalid("When using Raw both encoding and format must be Raw and encryption_algorithm must be NoEncryption()")
		}
		return raw, nil
	}
	if enc != EncodingPEM && enc != EncodingDER {
		return nil, errs.Invalid("unknown encoding %d", int(enc))
	}
	if format != PrivateFormatPKCS8 && format != PrivateFormatTraditionalOpenSSL {
		return nil, errs.Invalid("unknown private key format %d", int(format))
	}
	if password != nil {
		if len(password) == 0 {
			return nil, errs.Invalid("Password must be 1 or more bytes")
		}
		if len(password) > pbe.MaxDumpPassword {
			return nil, errs.Invalid("Passwords longer than %d bytes are not supported", pbe.MaxDumpPassword)
		}
		if enc == EncodingDER && format == PrivateFormatTraditionalOpenSSL {
			return nil, errs.Invalid("Encryption is not supported for DER encoded traditional OpenSSL keys")
		}
	}

	der, label, err := marshalPrivate(key, format)
	if err != nil {
		return nil, err
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
		epki, err := pbe.EncryptPKCS8(der, password)
		if err != nil || enc == EncodingDER {
			return epki, err
		}
		return pem.EncodeToMemory(&pem.Block{Type: pemEncryptedPrivateKey, Bytes: epki}), nil
	}
	headers, ct, err := pbe.EncryptLegacyPEM(der, password)
	if err != nil {
		return nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: label, Headers: headers, Bytes: ct}), nil
}

// marshalPrivate returns the DER of key in format (PKCS #8 PrivateKeyInfo,
// or the algorithm's traditional structure) and its PEM label.
func marshalPrivate(key any, format PrivateFormat) (der []byte, label string, err error) {
	switch k := key.(type) {
	case *rsa.PrivateKey:
		if k == nil {
			break
		}
		if format == PrivateFormatPKCS8 {
			if der, err = x509.MarshalPKCS8PrivateKey(k.Key()); err != nil {
				return nil, "", fmt.Errorf("%w: %v", core.ErrInvalidArgument, err)
			}
			return der, pemPrivateKey, nil
		}
		return x509.MarshalPKCS1PrivateKey(k.Key()), pemRSAPrivateKey, nil
	case *ec.PrivateKey:
		if k != nil {
			return marshalECPrivate(k, format)
		}
	case *dsa.PrivateKey:
		if k != nil {
			return marshalDSAPrivate(k, format)
		}
	}
	if raw, t, ok := rawPrivate(key); ok {
		defer clear(raw)
		if format != PrivateFormatPKCS8 {
			return nil, "", errs.Invalid("format is invalid with this key")
		}
		return marshalCurvePKCS8(t, raw), pemPrivateKey, nil
	}
	return nil, "", fmt.Errorf("%w: not a private key: %T", core.ErrType, key)
}

// LoadPrivateKey reads a private key as pyca's load_pem_private_key
// (enc = EncodingPEM) or load_der_private_key (EncodingDER) does. password
// nil is pyca's None; a non-nil empty slice is b"" (treated as no password
// for an encrypted key, and as a password for an unencrypted one, as pyca).
//
// PEM: the first block labelled PRIVATE KEY, ENCRYPTED PRIVATE KEY,
// RSA PRIVATE KEY, EC PRIVATE KEY or DSA PRIVATE KEY; legacy encryption
// ("Proc-Type: 4,ENCRYPTED") with AES-128-CBC, AES-256-CBC or DES-EDE3-CBC.
// DER: PKCS #8, SEC 1 ECPrivateKey, PKCS #1, DSA's traditional structure,
// else an EncryptedPrivateKeyInfo. Encrypted PKCS #8: PBES2
// (PBKDF2 with HMAC-SHA1/224/256/384/512, or scrypt; AES-128/192/256-CBC,
// DES-EDE3-CBC or RC2-CBC-128), PBES1 pbeWithMD5AndDES-CBC, and the PKCS #12
// schemes with SHA-1 and 3DES, RC2-40 or RC4-128.
//
// Errors:
//   - core.ErrBadKeyData (pyca's ValueError): malformed data, wrong password,
//     unknown encryption algorithm, key that fails validation;
//   - core.ErrPasswordRequired (TypeError): the key is encrypted and password
//     is nil or empty;
//   - core.ErrPasswordUnexpected (TypeError): password is non-nil and the key is
//     not encrypted;
//   - core.ErrUnsupportedAlgorithm: a well-formed key of an algorithm this
//     library does not implement yet (pyca would return an EC, Ed25519,
//     DSA... key);
//   - core.ErrInvalidArgument: an unknown encoding.
//
// A wrong password and a malformed plaintext give the same error, and CBC
// padding is checked in constant time. The key derivation runs for as many
// iterations as the key asks for; scrypt parameters needing over 1 GiB are
// refused.
//
// The result is one of the algorithm packages' private keys: today
// *rsa.PrivateKey (see TypeOf). The errors are core's sentinel values.
func LoadPrivateKey(data, password []byte, enc Encoding) (any, error) {
	switch enc {
	case EncodingPEM:
		return loadPEMPrivateKey(data, password)
	case EncodingDER:
		return loadDERPrivateKey(data, password)
	default:
		return nil, errs.Invalid("unknown encoding %d", int(enc))
	}
}

// LoadRSAPrivateKey is LoadPrivateKey for a caller that needs an RSA key:
// a well-formed key of another algorithm is core.ErrUnsupportedAlgorithm.
func LoadRSAPrivateKey(data, password []byte, enc Encoding) (*rsa.PrivateKey, error) {
	key, err := LoadPrivateKey(data, password, enc)
	if err != nil {
		return nil, err
	}
	k, ok := key.(*rsa.PrivateKey)
	if !ok {
		return nil, unsupported(TypeOf(key))
	}
	return k, nil
}

// privateKeyLabels are the PEM labels pyca looks for.
var privateKeyLabels = map[string]bool{
	pemPrivateKey: true, pemEncryptedPrivateKey: true, pemRSAPrivateKey: true,
	pemECPrivateKey: true, pemDSAPrivateKey: true,
}

// parsedKey is a private key structure that parsed: its type and, for an
// RSA key, its PKCS #1 RSAPrivateKey.
type parsedKey struct {
	typ   KeyType
	pkcs1 []byte // RSA only
	raw   []byte // Ed25519, X25519, Ed448, X448: the raw private key

	// EC: the curve (or the error that it is unsupported), the private
	// value and the optional stored public point.
	ecCurve ec.Curve
	ecErr   error
	ecPriv  []byte
	ecPub   []byte

	// DSA: p, q, g, y (nil in PKCS #8, which stores no y), x.
	dsa [5][]byte
}

func loadPEMPrivateKey(data, password []byte) (any, error) {
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
			return nil, fmt.Errorf("%w: unable to load PEM file", core.ErrBadKeyData)
		}
		return nil, fmt.Errorf("%w: valid PEM but no BEGIN/END delimiters for a private key found", core.ErrBadKeyData)
	}
	defer clear(blk.Bytes)

	body := blk.Bytes
	passwordUsed, decrypted := false, false
	if procType, ok := blk.Headers["Proc-Type"]; ok {
		if procType != "4,ENCRYPTED" {
			return nil, fmt.Errorf("%w: Proc-Type PEM header is not valid", core.ErrBadKeyData)
		}
		passwordUsed, decrypted = true, true
		dekInfo, hasDEKInfo := blk.Headers["DEK-Info"]
		pt, err := pbe.DecryptLegacyPEM(dekInfo, hasDEKInfo, body, password)
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
			return nil, pbe.ErrIncorrectPassword
		}
		return nil, err
	}
	if password != nil && !passwordUsed {
		return nil, core.ErrPasswordUnexpected
	}
	return key.toKey()
}

func loadDERPrivateKey(data, password []byte) (any, error) {
	// pyca tries the unencrypted structures first, in this order.
	for _, parse := range []func([]byte) (parsedKey, error){parsePKCS8, parseSEC1, parsePKCS1, parseDSA} {
		if key, err := parse(data); err == nil {
			if password != nil {
				return nil, core.ErrPasswordUnexpected
			}
			return key.toKey()
		}
	}
	key, pt, err := decryptAndParsePKCS8(data, password)
	defer clear(pt)
	if err != nil {
		return nil, err
	}
	return key.toKey()
}

// decryptAndParsePKCS8 decrypts an EncryptedPrivateKeyInfo and parses the
// PrivateKeyInfo inside. The key aliases the returned plaintext, which the
// caller clears once done with the key.
func decryptAndParsePKCS8(der, password []byte) (parsedKey, []byte, error) {
	pt, err := pbe.DecryptPKCS8(der, password)
	if err != nil {
		return parsedKey{}, nil, err
	}
	key, err := parsePKCS8(pt)
	if err != nil {
		return parsedKey{}, pt, pbe.ErrIncorrectPassword
	}
	return key, pt, nil
}

// toKey builds and validates the key (pyca validates keys on load).
func (p parsedKey) toKey() (any, error) {
	if isCurveType(p.typ) {
		return PrivateKeyFromRaw(p.typ, p.raw)
	}
	if p.typ == EC {
		return p.toEC()
	}
	if p.typ == DSA {
		return p.toDSA()
	}
	if p.typ != RSA {
		return nil, unsupported(p.typ)
	}
	k, err := x509.ParsePKCS1PrivateKey(p.pkcs1)
	if err != nil {
		return nil, fmt.Errorf("%w: invalid RSA private key: %v", core.ErrBadKeyData, err)
	}
	key, err := rsa.NewPrivateKey(k)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", core.ErrBadKeyData, err)
	}
	return key, nil
}
