package keys

import (
	"bytes"
	"encoding/base64"
	"encoding/pem"
	"fmt"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/dsa"
	"github.com/cryptogo/libcrypto-go/core/hash"
	"github.com/cryptogo/libcrypto-go/core/internal/errs"
)

// DSA keys (RFC 3279 2.3.2): the AlgorithmIdentifier of id-dsa carries
// Dss-Parms ::= SEQUENCE { p, q, g INTEGER }; the SubjectPublicKeyInfo's
// BIT STRING holds DSAPublicKey ::= INTEGER (y); PKCS #8's privateKey holds
// INTEGER (x), as OpenSSL writes it; OpenSSL's traditional "DSA PRIVATE
// KEY" is SEQUENCE { version INTEGER (0), p, q, g, y, x INTEGER }. Numbers
// are read as non-negative INTEGERs (a negative one is malformed), and keys
// are built with dsa.LoadedPrivateKey / LoadedPublicKey: loading checks
// what OpenSSL's decoder does (p, q, g, x non-zero; a PKCS #8 key's y is
// computed as g^x mod p), not pyca's numbers checks, which pyca applies
// only to keys built from numbers.

// readDSSParms reads Dss-Parms, the whole of params (nothing after it).
func readDSSParms(params cryptobyte.String) (p, q, g []byte, ok bool) {
	var seq cryptobyte.String
	if !params.ReadASN1(&seq, cbasn1.SEQUENCE) || !params.Empty() ||
		!seq.ReadASN1Integer(&p) || !seq.ReadASN1Integer(&q) || !seq.ReadASN1Integer(&g) || !seq.Empty() {
		return nil, nil, nil, false
	}
	return p, q, g, true
}

// readDSAInteger reads one non-negative INTEGER that is the whole of der.
func readDSAInteger(der []byte) ([]byte, bool) {
	in := cryptobyte.String(der)
	var v []byte
	if !in.ReadASN1Integer(&v) || !in.Empty() {
		return nil, false
	}
	return v, true
}

// parsePKCS8DSA reads the DSA key of a PrivateKeyInfo.
func parsePKCS8DSA(params, privateKey []byte) (parsedKey, error) {
	p, q, g, ok := readDSSParms(params)
	if !ok {
		return parsedKey{}, errMalformedKey
	}
	x, ok := readDSAInteger(privateKey)
	if !ok {
		return parsedKey{}, errMalformedKey
	}
	return parsedKey{typ: DSA, dsa: [5][]byte{p, q, g, nil, x}}, nil
}

// toDSA builds a parsed DSA private key.
func (p parsedKey) toDSA() (any, error) {
	n := p.dsa
	k, err := dsa.LoadedPrivateKey(n[0], n[1], n[2], n[3], n[4])
	if err != nil {
		return nil, fmt.Errorf("%w: invalid DSA private key", core.ErrBadKeyData)
	}
	return k, nil
}

// dsaPublicFromSPKI builds a public key from a SubjectPublicKeyInfo's parts.
// Parameters must be present (RFC 3279's inherited parameters are refused).
func dsaPublicFromSPKI(params, key []byte) (any, error) {
	p, q, g, ok := readDSSParms(params)
	if !ok {
		return nil, errMalformedKey
	}
	y, ok := readDSAInteger(key)
	if !ok {
		return nil, errMalformedKey
	}
	k, err := dsa.LoadedPublicKey(p, q, g, y)
	if err != nil {
		return nil, fmt.Errorf("%w: invalid DSA public key", core.ErrBadKeyData)
	}
	return k, nil
}

// addDSAAlgorithm adds the AlgorithmIdentifier { id-dsa, Dss-Parms }.
func addDSAAlgorithm(b *cryptobyte.Builder, k *dsa.PublicKey) {
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1ObjectIdentifier(oidOf(DSA))
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1BigInt(k.Key().P)
			b.AddASN1BigInt(k.Key().Q)
			b.AddASN1BigInt(k.Key().G)
		})
	})
}

// marshalDSAPrivate is marshalPrivate for DSA keys: PKCS #8 (x alone, the
// parameters in the AlgorithmIdentifier) or the traditional "DSA PRIVATE
// KEY", byte for byte as OpenSSL (and so pyca) writes them.
func marshalDSAPrivate(k *dsa.PrivateKey, format PrivateFormat) ([]byte, string, error) {
	sk := k.Key()
	var b cryptobyte.Builder
	if format == PrivateFormatPKCS8 {
		pub := k.Public()
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1Uint64(0)
			addDSAAlgorithm(b, pub)
			b.AddASN1(cbasn1.OCTET_STRING, func(b *cryptobyte.Builder) { b.AddASN1BigInt(sk.X) })
		})
		der, err := b.Bytes()
		if err != nil {
			return nil, "", fmt.Errorf("%w: %v", core.ErrInvalidArgument, err)
		}
		return der, pemPrivateKey, nil
	}
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1Uint64(0)
		b.AddASN1BigInt(sk.P)
		b.AddASN1BigInt(sk.Q)
		b.AddASN1BigInt(sk.G)
		b.AddASN1BigInt(sk.Y)
		b.AddASN1BigInt(sk.X)
	})
	der, err := b.Bytes()
	if err != nil {
		return nil, "", fmt.Errorf("%w: %v", core.ErrInvalidArgument, err)
	}
	return der, pemDSAPrivateKey, nil
}

// marshalDSASPKI writes the SubjectPublicKeyInfo of k.
func marshalDSASPKI(k *dsa.PublicKey) []byte {
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		addDSAAlgorithm(b, k)
		var y cryptobyte.Builder
		y.AddASN1BigInt(k.Key().Y)
		b.AddASN1BitString(y.BytesOrPanic())
	})
	return b.BytesOrPanic()
}

// dsaPublicBytes is PublicBytes for DSA keys: SubjectPublicKeyInfo (PEM,
// DER) and OpenSSH ("ssh-dss AAAA...", RFC 4253 6.6, 1024-bit keys only as
// pyca: "SSH supports only 1024 bit DSA keys"); anything else is
// core.ErrInvalidArgument (pyca's ValueError).
func dsaPublicBytes(k *dsa.PublicKey, enc Encoding, format PublicFormat) ([]byte, error) {
	if enc == EncodingRaw || format == PublicFormatRaw {
		if enc != EncodingRaw || format != PublicFormatRaw {
			return nil, errs.Invalid("When using Raw both encoding and format must be Raw")
		}
		return nil, errs.Invalid("format is invalid with this key")
	}
	if enc == EncodingX962 || format == PublicFormatCompressedPoint || format == PublicFormatUncompressedPoint {
		if enc != EncodingX962 {
			return nil, errs.Invalid("Point formats must be used with X962 encoding")
		}
		return nil, errs.Invalid("X962 encoding must be used with CompressedPoint or UncompressedPoint format")
	}
	if format == PublicFormatOpenSSH || enc == EncodingOpenSSH {
		if format != PublicFormatOpenSSH || enc != EncodingOpenSSH {
			return nil, errs.Invalid("OpenSSH format must be used with OpenSSH encoding")
		}
		if k.Bits() != 1024 {
			return nil, errs.Invalid("SSH supports only 1024 bit DSA keys")
		}
		blob := marshalSSHDSS(k)
		out := make([]byte, len(sshDSS)+1+base64.StdEncoding.EncodedLen(len(blob)))
		copy(out, sshDSS+" ")
		base64.StdEncoding.Encode(out[len(sshDSS)+1:], blob)
		return out, nil
	}
	if enc != EncodingPEM && enc != EncodingDER {
		return nil, errs.Invalid("unknown encoding %d", int(enc))
	}
	if format != PublicFormatSubjectPublicKeyInfo {
		return nil, errs.Invalid("format is invalid with this key")
	}
	der := marshalDSASPKI(k)
	if enc == EncodingDER {
		return der, nil
	}
	return pem.EncodeToMemory(&pem.Block{Type: pemPublicKey, Bytes: der}), nil
}

var errNotDSA = fmt.Errorf("%w: not a DSA key", core.ErrType)

// DSAPublicOf returns the public half of a DSA private or public key;
// core.ErrType for another key.
func DSAPublicOf(key any) (*dsa.PublicKey, error) {
	switch k := key.(type) {
	case *dsa.PrivateKey:
		if k != nil {
			return k.Public(), nil
		}
	case *dsa.PublicKey:
		if k != nil {
			return k, nil
		}
	}
	return nil, errNotDSA
}

// DSANumber returns a number of a DSA key (see dsa.PrivateKey.Number and
// dsa.PublicKey.Number); core.ErrType for another key.
func DSANumber(key any, c dsa.Component) ([]byte, error) {
	switch k := key.(type) {
	case *dsa.PrivateKey:
		if k != nil {
			return k.Number(c)
		}
	case *dsa.PublicKey:
		if k != nil {
			return k.Number(c)
		}
	}
	return nil, errNotDSA
}

// DSASignatureMaxSize returns the largest DER signature of a DSA key.
func DSASignatureMaxSize(key any) (int, error) {
	k, err := DSAPublicOf(key)
	if err != nil {
		return 0, err
	}
	return dsa.MaxSignatureSize(k.Key().Q.BitLen()), nil
}

// DSASign signs msg with a DSA private key (see dsa.PrivateKey.Sign).
func DSASign(priv any, msg []byte, h hash.Algorithm, prehashed bool) ([]byte, error) {
	k, ok := priv.(*dsa.PrivateKey)
	if !ok || k == nil {
		return nil, errNotDSA
	}
	return k.Sign(msg, h, prehashed)
}

// DSAVerify verifies a DER signature with a DSA public key (see
// dsa.PublicKey.Verify).
func DSAVerify(pub any, sig, msg []byte, h hash.Algorithm, prehashed bool) error {
	k, ok := pub.(*dsa.PublicKey)
	if !ok || k == nil {
		return errNotDSA
	}
	return k.Verify(sig, msg, h, prehashed)
}

// sshDSS is the OpenSSH key type of DSA keys (RFC 4253 6.6).
const sshDSS = "ssh-dss"

// marshalSSHDSS writes the RFC 4253 6.6 key blob: string "ssh-dss", mpint
// p, q, g, y (RFC 4251 5). golang.org/x/crypto/ssh no longer encodes DSA
// keys, so the blob is written here.
func marshalSSHDSS(k *dsa.PublicKey) []byte {
	var b cryptobyte.Builder
	b.AddUint32LengthPrefixed(func(b *cryptobyte.Builder) { b.AddBytes([]byte(sshDSS)) })
	for _, v := range [][]byte{k.P(), k.Q(), k.G(), k.Y()} {
		b.AddUint32LengthPrefixed(func(b *cryptobyte.Builder) {
			if len(v) > 0 && v[0]&0x80 != 0 {
				b.AddUint8(0)
			}
			b.AddBytes(v)
		})
	}
	return b.BytesOrPanic()
}

// readSSHString reads an RFC 4251 string (uint32 length, bytes).
func readSSHString(s *cryptobyte.String, out *cryptobyte.String) bool {
	var n uint32
	var v []byte
	if !s.ReadUint32(&n) || uint64(n) > uint64(len(*s)) || !s.ReadBytes(&v, int(n)) {
		return false
	}
	*out = v
	return true
}

// readSSHMpint reads a non-negative RFC 4251 mpint in its minimal form.
func readSSHMpint(s *cryptobyte.String) ([]byte, bool) {
	var v cryptobyte.String
	if !readSSHString(s, &v) {
		return nil, false
	}
	if len(v) > 0 && (v[0]&0x80 != 0 || v[0] == 0 && (len(v) == 1 || v[1]&0x80 == 0)) {
		return nil, false // negative or not minimal
	}
	if len(v) > 0 && v[0] == 0 {
		v = v[1:]
	}
	return v, true
}

// LoadSSHDSAPublicKey reads an OpenSSH public key line "ssh-dss AAAA...
// [comment]" (RFC 4253 6.6: mpints p, q, g, y, with the same key type
// inside the blob). core.ErrBadKeyData for anything else.
func LoadSSHDSAPublicKey(data []byte) (*dsa.PublicKey, error) {
	bad := fmt.Errorf("%w: not an ssh-dss public key", core.ErrBadKeyData)
	fields := bytes.Fields(data)
	if len(fields) < 2 || string(fields[0]) != sshDSS {
		return nil, bad
	}
	blob := make([]byte, base64.StdEncoding.DecodedLen(len(fields[1])))
	n, err := base64.StdEncoding.Strict().Decode(blob, fields[1])
	if err != nil {
		return nil, bad
	}
	in := cryptobyte.String(blob[:n])
	var typ cryptobyte.String
	if !readSSHString(&in, &typ) || string(typ) != sshDSS {
		return nil, bad
	}
	var v [4][]byte
	for i := range v {
		var ok bool
		if v[i], ok = readSSHMpint(&in); !ok {
			return nil, bad
		}
	}
	if !in.Empty() {
		return nil, bad
	}
	k, err := dsa.LoadedPublicKey(v[0], v[1], v[2], v[3])
	if err != nil {
		return nil, fmt.Errorf("%w: invalid DSA public key", core.ErrBadKeyData)
	}
	return k, nil
}
