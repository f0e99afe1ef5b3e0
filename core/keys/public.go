package keys

import (
	"bytes"
	stdrsa "crypto/rsa"
	"crypto/x509"
	"encoding/asn1"
	"encoding/pem"
	"fmt"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
	"golang.org/x/crypto/ssh"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/dsa"
	"github.com/cryptogo/libcrypto-go/core/ec"
	"github.com/cryptogo/libcrypto-go/core/internal/errs"
	"github.com/cryptogo/libcrypto-go/core/internal/pbe"
	"github.com/cryptogo/libcrypto-go/core/rsa"
)

// PublicBytes serializes key, a public key, as pyca's public_bytes does,
// identical to pyca's output. Ed25519, X25519, Ed448 and X448 keys take
// SubjectPublicKeyInfo (RFC 8410) in PEM or DER, EncodingRaw with
// PublicFormatRaw, and (Ed25519 only) OpenSSH ("ssh-ed25519 AAAA..."). An
// EC key takes SubjectPublicKeyInfo (RFC 5480, uncompressed point) in PEM or
// DER, EncodingX962 with PublicFormatCompressedPoint or
// PublicFormatUncompressedPoint, and OpenSSH for P-256/384/521
// ("ecdsa-sha2-nistp256 AAAA..."). An RSA key takes:
//   - PublicFormatSubjectPublicKeyInfo ("PUBLIC KEY") or PublicFormatPKCS1
//     ("RSA PUBLIC KEY"), with EncodingPEM or EncodingDER;
//   - PublicFormatOpenSSH with EncodingOpenSSH: the OpenSSH public-key line
//     "ssh-rsa " + base64(RFC 4253 6.6 key blob), without a comment or a
//     final newline (pyca's output; golang.org/x/crypto/ssh encodes it).
//
// Errors: core.ErrInvalidArgument for any other encoding, format or pairing;
// core.ErrType when key is not a public key of this library.
func PublicBytes(key any, enc Encoding, format PublicFormat) ([]byte, error) {
	if raw, t, ok := rawPublic(key); ok {
		return curvePublicBytes(raw, t, enc, format)
	}
	if k, ok := key.(*ec.PublicKey); ok && k != nil {
		return ecPublicBytes(k, enc, format)
	}
	if k, ok := key.(*dsa.PublicKey); ok && k != nil {
		return dsaPublicBytes(k, enc, format)
	}
	k, ok := key.(*rsa.PublicKey)
	if !ok || k == nil {
		return nil, fmt.Errorf("%w: not a public key: %T", core.ErrType, key)
	}
	if format == PublicFormatOpenSSH || enc == EncodingOpenSSH {
		if format != PublicFormatOpenSSH || enc != EncodingOpenSSH {
			return nil, errs.Invalid("OpenSSH format must be used with OpenSSH encoding")
		}
		return marshalSSHPublicKey(k)
	}
	if enc != EncodingPEM && enc != EncodingDER {
		return nil, errs.Invalid("unknown encoding %d", int(enc))
	}
	var der []byte
	var label string
	switch format {
	case PublicFormatSubjectPublicKeyInfo:
		var err error
		if der, err = x509.MarshalPKIXPublicKey(k.Key()); err != nil {
			return nil, fmt.Errorf("%w: %v", core.ErrInvalidArgument, err)
		}
		label = pemPublicKey
	case PublicFormatPKCS1:
		der = x509.MarshalPKCS1PublicKey(k.Key())
		label = pemRSAPublicKey
	default:
		return nil, errs.Invalid("unknown public key format %d", int(format))
	}
	if enc == EncodingDER {
		return der, nil
	}
	return pem.EncodeToMemory(&pem.Block{Type: label, Bytes: der}), nil
}

// marshalSSHPublicKey is the OpenSSH authorized_keys form of k without a
// comment or newline, as pyca's serialize_ssh_public_key writes it.
func marshalSSHPublicKey(k *rsa.PublicKey) ([]byte, error) {
	sk, err := ssh.NewPublicKey(k.Key())
	if err != nil {
		return nil, fmt.Errorf("%w: %v", core.ErrInvalidArgument, err)
	}
	return bytes.TrimSuffix(ssh.MarshalAuthorizedKey(sk), []byte("\n")), nil
}

// LoadPublicKey reads a public key as pyca's load_pem_public_key
// (enc = EncodingPEM) or load_der_public_key (EncodingDER) does.
//
// PEM: the first block must be "PUBLIC KEY" (SubjectPublicKeyInfo) or
// "RSA PUBLIC KEY" (PKCS #1, or a SubjectPublicKeyInfo holding an RSA key).
// DER: SubjectPublicKeyInfo, else PKCS #1. RSASSA-PSS keys are read as plain
// RSA keys, as pyca does.
//
// Errors: core.ErrBadKeyData (ValueError) for malformed data or another PEM
// label; core.ErrUnsupportedAlgorithm for a well-formed key of an algorithm
// this library does not implement yet; core.ErrInvalidArgument for an
// unknown encoding or invalid numbers. The result is one of the algorithm
// packages' public keys: today *rsa.PublicKey (see TypeOf).
func LoadPublicKey(data []byte, enc Encoding) (any, error) {
	switch enc {
	case EncodingPEM:
		blk, _ := pem.Decode(data)
		if blk == nil {
			return nil, fmt.Errorf("%w: unable to load PEM file", core.ErrBadKeyData)
		}
		switch blk.Type {
		case pemPublicKey:
			return parseSPKI(blk.Bytes)
		case pemRSAPublicKey:
			k, err := parsePKCS1Public(blk.Bytes)
			if err == nil {
				return k, nil
			}
			k2, err2 := parseSPKI(blk.Bytes)
			if err2 == errNotRSA || (err2 == nil && TypeOf(k2) != RSA) {
				return nil, fmt.Errorf("%w: incorrect PEM delimiter for key type", core.ErrBadKeyData)
			}
			if err2 != nil {
				return nil, err
			}
			return k2, nil
		default:
			return nil, fmt.Errorf("%w: valid PEM but no BEGIN PUBLIC KEY/END PUBLIC KEY delimiters", core.ErrBadKeyData)
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
		return nil, errs.Invalid("unknown encoding %d", int(enc))
	}
}

// LoadRSAPublicKey is LoadPublicKey for a caller that needs an RSA key: a
// well-formed key of another algorithm is core.ErrUnsupportedAlgorithm.
func LoadRSAPublicKey(data []byte, enc Encoding) (*rsa.PublicKey, error) {
	key, err := LoadPublicKey(data, enc)
	if err != nil {
		return nil, err
	}
	k, ok := key.(*rsa.PublicKey)
	if !ok {
		return nil, unsupported(TypeOf(key))
	}
	return k, nil
}

// parseSPKI parses a SubjectPublicKeyInfo: SEQUENCE { algorithm
// AlgorithmIdentifier, subjectPublicKey BIT STRING }.
func parseSPKI(der []byte) (any, error) {
	input := cryptobyte.String(der)
	var seq cryptobyte.String
	var bits asn1.BitString
	if !input.ReadASN1(&seq, cbasn1.SEQUENCE) || !input.Empty() {
		return nil, errMalformedKey
	}
	oid, params, ok := pbe.ReadAlgorithmIdentifier(&seq)
	if !ok || !seq.ReadASN1BitString(&bits) || !seq.Empty() {
		return nil, errMalformedKey
	}
	// Every public key pyca reads is whole bytes: a BIT STRING with unused
	// bits is malformed whatever the algorithm (pyca's ValueError), which is
	// checked before the algorithm is (an Ed25519 key with unused bits is bad
	// data, not an unsupported algorithm).
	if bits.BitLength%8 != 0 {
		return nil, errMalformedKey
	}
	typ := keyTypeOf(oid)
	if isCurveType(typ) {
		return curvePublicFromSPKI(typ, params, bits.Bytes)
	}
	if typ == EC {
		return ecPublicFromSPKI(params, bits.Bytes)
	}
	if typ == DSA {
		return dsaPublicFromSPKI(params, bits.Bytes)
	}
	if typ != RSA {
		return nil, unsupported(typ)
	}
	return parsePKCS1Public(bits.Bytes)
}

// parsePKCS1Public parses an RSAPublicKey: SEQUENCE { modulus INTEGER,
// publicExponent INTEGER }.
func parsePKCS1Public(der []byte) (*rsa.PublicKey, error) {
	k, err := x509.ParsePKCS1PublicKey(der)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", core.ErrBadKeyData, err)
	}
	return rsa.NewPublicKey(&stdrsa.PublicKey{N: k.N, E: k.E})
}
