package keys

import (
	"bytes"
	"crypto/x509"
	"encoding/asn1"
	"encoding/pem"
	"fmt"
	"math/big"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
	"golang.org/x/crypto/ssh"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/ec"
	"github.com/cryptogo/libcrypto-go/core/hash"
	"github.com/cryptogo/libcrypto-go/core/internal/errs"
)

// EC keys (RFC 5480 SubjectPublicKeyInfo, RFC 5915 ECPrivateKey, in PKCS #8
// or alone as "EC PRIVATE KEY"). A named curve other than the four of
// core/ec is core.ErrUnsupportedAlgorithm; a specifiedCurve (explicit
// parameters, SEC 1 C.2) is read as the named curve when its prime field,
// coefficients, uncompressed base point, order and cofactor are those of
// P-256, P-384 or P-521 (pyca 50 maps exactly these three) and is
// core.ErrUnsupportedAlgorithm otherwise, as pyca answers both.

var ecCurveOIDs = []struct {
	oid   asn1.ObjectIdentifier
	curve ec.Curve
}{
	{asn1.ObjectIdentifier{1, 3, 132, 0, 33}, ec.SECP224R1},
	{asn1.ObjectIdentifier{1, 2, 840, 10045, 3, 1, 7}, ec.SECP256R1},
	{asn1.ObjectIdentifier{1, 3, 132, 0, 34}, ec.SECP384R1},
	{asn1.ObjectIdentifier{1, 3, 132, 0, 35}, ec.SECP521R1},
}

var errECCurve = fmt.Errorf("%w: elliptic curve is not supported", core.ErrUnsupportedAlgorithm)

var errExplicitCurve = withReason(fmt.Errorf("%w: ECDSA keys with explicit parameters are only supported when they map to secp256r1, secp384r1, or secp521r1", core.ErrUnsupportedAlgorithm), ReasonECExplicitCurve)

// readECParameters reads ECParameters (RFC 5480 2.1.1): the four named
// curves, or explicit parameters of P-256, P-384 or P-521; another named
// curve or other explicit parameters are unsupported; anything else
// (implicitCurve, trailing data) is malformed.
func readECParameters(params cryptobyte.String) (ec.Curve, error) {
	if params.PeekASN1Tag(cbasn1.SEQUENCE) {
		var dom cryptobyte.String
		if !params.ReadASN1(&dom, cbasn1.SEQUENCE) || !params.Empty() {
			return 0, errMalformedKey
		}
		return readSpecifiedDomain(dom)
	}
	var oid asn1.ObjectIdentifier
	if !params.ReadASN1ObjectIdentifier(&oid) || !params.Empty() {
		return 0, errMalformedKey
	}
	for _, e := range ecCurveOIDs {
		if e.oid.Equal(oid) {
			return e.curve, nil
		}
	}
	return 0, errECCurve
}

var oidPrimeField = asn1.ObjectIdentifier{1, 2, 840, 10045, 1, 1}

// readSpecifiedDomain reads the body of a SpecifiedECDomain (SEC 1 C.2):
//
//	SEQUENCE { version INTEGER, fieldID SEQUENCE { fieldType OID, parameters },
//	  curve SEQUENCE { a OCTET STRING, b OCTET STRING, seed BIT STRING OPTIONAL },
//	  base OCTET STRING, order INTEGER, cofactor INTEGER OPTIONAL, ... }
//
// and returns the named curve whose parameters it holds (the cofactor must
// be present, as pyca requires; the seed and any trailing hash field are
// not compared); errExplicitCurve for a
// well-formed domain of another curve, errMalformedKey for bad structure.
func readSpecifiedDomain(dom cryptobyte.String) (ec.Curve, error) {
	var version int64
	var field, curve, a, b cryptobyte.String
	var fieldType asn1.ObjectIdentifier
	var base []byte
	order, cofactor := new(big.Int), big.NewInt(1)
	if !dom.ReadASN1Integer(&version) || !dom.ReadASN1(&field, cbasn1.SEQUENCE) ||
		!field.ReadASN1ObjectIdentifier(&fieldType) ||
		!dom.ReadASN1(&curve, cbasn1.SEQUENCE) ||
		!curve.ReadASN1(&a, cbasn1.OCTET_STRING) || !curve.ReadASN1(&b, cbasn1.OCTET_STRING) ||
		!curve.SkipOptionalASN1(cbasn1.BIT_STRING) || !curve.Empty() ||
		!dom.ReadASN1Bytes(&base, cbasn1.OCTET_STRING) || !dom.ReadASN1Integer(order) {
		return 0, errMalformedKey
	}
	hasCofactor := dom.PeekASN1Tag(cbasn1.INTEGER)
	if hasCofactor && !dom.ReadASN1Integer(cofactor) {
		return 0, errMalformedKey
	}
	if !fieldType.Equal(oidPrimeField) {
		return 0, errExplicitCurve
	}
	p := new(big.Int)
	if !field.ReadASN1Integer(p) || !field.Empty() {
		return 0, errMalformedKey
	}
	for _, c := range []ec.Curve{ec.SECP256R1, ec.SECP384R1, ec.SECP521R1} {
		cp := c.Params()
		g := make([]byte, 1+2*c.Size())
		g[0] = 4
		cp.Gx.FillBytes(g[1 : 1+c.Size()])
		cp.Gy.FillBytes(g[1+c.Size():])
		if p.Cmp(cp.P) == 0 && order.Cmp(cp.N) == 0 && hasCofactor && cofactor.Cmp(big.NewInt(1)) == 0 &&
			new(big.Int).SetBytes(a).Cmp(new(big.Int).Sub(cp.P, big.NewInt(3))) == 0 &&
			new(big.Int).SetBytes(b).Cmp(cp.B) == 0 && bytes.Equal(base, g) {
			return c, nil
		}
	}
	return 0, errExplicitCurve
}

// parseECPrivateKey reads an ECPrivateKey (RFC 5915 3); outer is the curve
// of the enclosing PKCS #8 AlgorithmIdentifier (0 for a traditional key,
// whose [0] parameters are then required). The structure's errors are
// returned; errors of the key's values are kept in the parsedKey for toKey.
func parseECPrivateKey(der []byte, outer ec.Curve, outerErr error) (parsedKey, error) {
	input := cryptobyte.String(der)
	var seq, priv, params, pubField cryptobyte.String
	var version int64
	var hasParams, hasPub bool
	if !input.ReadASN1(&seq, cbasn1.SEQUENCE) || !input.Empty() ||
		!seq.ReadASN1Integer(&version) || version != 1 ||
		!seq.ReadASN1(&priv, cbasn1.OCTET_STRING) ||
		!seq.ReadOptionalASN1(&params, &hasParams, cbasn1.Tag(0).ContextSpecific().Constructed()) ||
		!seq.ReadOptionalASN1(&pubField, &hasPub, cbasn1.Tag(1).ContextSpecific().Constructed()) || !seq.Empty() {
		return parsedKey{}, errMalformedKey
	}
	var pub asn1.BitString
	if hasPub && (!pubField.ReadASN1BitString(&pub) || !pubField.Empty() || pub.BitLength%8 != 0) {
		return parsedKey{}, errMalformedKey
	}
	p := parsedKey{typ: EC, ecPriv: priv, ecCurve: outer, ecErr: outerErr}
	if hasPub {
		p.ecPub = pub.Bytes
	}
	if hasParams {
		c, err := readECParameters(params)
		switch {
		case err == errMalformedKey:
			return parsedKey{}, err
		case p.ecErr == nil && outer == 0:
			p.ecCurve, p.ecErr = c, err
		case p.ecErr == nil && err == nil && c != outer:
			p.ecErr = errMalformedKey
		}
	} else if outer == 0 && outerErr == nil {
		return parsedKey{}, errMalformedKey
	}
	return p, nil
}

// parsePKCS8EC reads the EC key of a PrivateKeyInfo.
func parsePKCS8EC(params, privateKey []byte) (parsedKey, error) {
	c, err := readECParameters(params)
	if err == errMalformedKey {
		return parsedKey{}, err
	}
	return parseECPrivateKey(privateKey, c, err)
}

// toEC builds the private key and checks a stored public key against it
// (pyca, through OpenSSL's EC_KEY_check_key).
func (p parsedKey) toEC() (any, error) {
	if p.ecErr != nil {
		return nil, p.ecErr
	}
	// pyca reads the privateKey OCTET STRING as exactly the curve's width
	// (RFC 5915: ceiling(log2(n)/8) octets), shorter or longer alike.
	if len(p.ecPriv) != p.ecCurve.Size() {
		return nil, withReason(fmt.Errorf("%w: EC private key is not encoded properly: private key value is too short", core.ErrBadKeyData), ReasonECPrivateValueLength)
	}
	k, err := ec.NewPrivateKey(p.ecCurve, p.ecPriv)
	if err != nil {
		return nil, withReason(fmt.Errorf("%w: invalid EC private key", core.ErrBadKeyData), ReasonECInvalidKey)
	}
	if p.ecPub != nil {
		pub, err := ec.NewPublicKeyFromPoint(p.ecCurve, p.ecPub)
		if err != nil || !pub.Equal(k.Public()) {
			return nil, withReason(fmt.Errorf("%w: EC public key does not match the private key", core.ErrBadKeyData), ReasonECInvalidKey)
		}
	}
	return k, nil
}

// ecPublicFromSPKI builds a public key from a SubjectPublicKeyInfo's parts.
func ecPublicFromSPKI(params, point []byte) (any, error) {
	c, err := readECParameters(params)
	if err != nil {
		return nil, err
	}
	if len(point) == 1 && point[0] == 0 {
		return nil, withReason(fmt.Errorf("%w: cannot load an EC public key where the point is at infinity", core.ErrBadKeyData), ReasonECPointAtInfinity)
	}
	k, err := ec.NewPublicKeyFromPoint(c, point)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", core.ErrBadKeyData, err)
	}
	return k, nil
}

// marshalECPrivate is marshalPrivate for EC keys: PKCS #8 (ECPrivateKey
// without parameters, with the public key) or SEC 1 "EC PRIVATE KEY" (with
// both), as OpenSSL writes them.
func marshalECPrivate(k *ec.PrivateKey, format PrivateFormat) ([]byte, string, error) {
	if format == PrivateFormatPKCS8 {
		der, err := x509.MarshalPKCS8PrivateKey(k.Key())
		if err != nil {
			return nil, "", fmt.Errorf("%w: %v", core.ErrInvalidArgument, err)
		}
		return der, pemPrivateKey, nil
	}
	der, err := x509.MarshalECPrivateKey(k.Key())
	if err != nil {
		return nil, "", fmt.Errorf("%w: %v", core.ErrInvalidArgument, err)
	}
	return der, pemECPrivateKey, nil
}

// ecPublicBytes is PublicBytes for EC keys: SubjectPublicKeyInfo (PEM,
// DER), X962 with CompressedPoint or UncompressedPoint, OpenSSH for P-256,
// P-384 and P-521 ("ecdsa-sha2-nistp256 ..."), as pyca.
func ecPublicBytes(k *ec.PublicKey, enc Encoding, format PublicFormat) ([]byte, error) {
	if enc == EncodingX962 || format == PublicFormatCompressedPoint || format == PublicFormatUncompressedPoint {
		if enc != EncodingX962 {
			return nil, errs.Invalid("Point formats must be used with X962 encoding")
		}
		switch format {
		case PublicFormatCompressedPoint:
			return k.CompressedPoint(), nil
		case PublicFormatUncompressedPoint:
			return k.UncompressedPoint(), nil
		}
		return nil, errs.Invalid("X962 encoding must be used with CompressedPoint or UncompressedPoint format")
	}
	if format == PublicFormatOpenSSH || enc == EncodingOpenSSH {
		if format != PublicFormatOpenSSH || enc != EncodingOpenSSH {
			return nil, errs.Invalid("OpenSSH format must be used with OpenSSH encoding")
		}
		if k.Curve() == ec.SECP224R1 {
			return nil, errs.Invalid("Unsupported curve for ssh serialization")
		}
		sk, err := ssh.NewPublicKey(k.Key())
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
	der, err := x509.MarshalPKIXPublicKey(k.Key())
	if err != nil {
		return nil, fmt.Errorf("%w: %v", core.ErrInvalidArgument, err)
	}
	if enc == EncodingDER {
		return der, nil
	}
	return pem.EncodeToMemory(&pem.Block{Type: pemPublicKey, Bytes: der}), nil
}

var errNotEC = fmt.Errorf("%w: not an EC key", core.ErrType)

// ECCurveOf returns the curve of an EC private or public key; core.ErrType
// for another key.
func ECCurveOf(key any) (ec.Curve, error) {
	switch k := key.(type) {
	case *ec.PrivateKey:
		if k != nil {
			return k.Curve(), nil
		}
	case *ec.PublicKey:
		if k != nil {
			return k.Curve(), nil
		}
	}
	return 0, errNotEC
}

// ECDSASignatureMaxSize returns the largest DER signature of an EC key.
func ECDSASignatureMaxSize(key any) (int, error) {
	c, err := ECCurveOf(key)
	if err != nil {
		return 0, err
	}
	return ec.MaxSignatureSize(c), nil
}

// ECDSASign signs msg with an EC private key (see ec.PrivateKey.Sign).
func ECDSASign(priv any, msg []byte, h hash.Algorithm, prehashed, deterministic bool) ([]byte, error) {
	k, ok := priv.(*ec.PrivateKey)
	if !ok || k == nil {
		return nil, errNotEC
	}
	return k.Sign(msg, h, prehashed, deterministic)
}

// ECDSAVerify verifies a DER signature with an EC public key (see
// ec.PublicKey.Verify).
func ECDSAVerify(pub any, sig, msg []byte, h hash.Algorithm, prehashed bool) error {
	k, ok := pub.(*ec.PublicKey)
	if !ok || k == nil {
		return errNotEC
	}
	return k.Verify(sig, msg, h, prehashed)
}

// ECDHExchange computes the ECDH shared secret of an EC private key and an
// EC public key: core.ErrType for other keys, core.ErrInvalidArgument for
// keys on different curves (pyca's ValueError).
func ECDHExchange(priv, peer any) ([]byte, error) {
	k, ok := priv.(*ec.PrivateKey)
	p, ok2 := peer.(*ec.PublicKey)
	if !ok || !ok2 || k == nil || p == nil {
		return nil, errNotEC
	}
	return k.Exchange(p)
}
