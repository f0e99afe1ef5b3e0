package keys

import (
	"bytes"
	"crypto/elliptic"
	"crypto/x509"
	"errors"
	"math/big"
	"testing"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/ec"
)

// specifiedDomain builds SEC 1 C.2 explicit parameters of a crypto/elliptic
// curve, as OpenSSL's "-param_enc explicit" writes them (a = p - 3; the base
// point uncompressed, or compressed with compressedBase), through edit to
// spoil one field; cofactor 0 omits it.
func specifiedDomain(c elliptic.Curve, seed, compressedBase bool, edit func(p, n *big.Int), cofactor int64) []byte {
	cp := c.Params()
	p, n := new(big.Int).Set(cp.P), new(big.Int).Set(cp.N)
	if edit != nil {
		edit(p, n)
	}
	size := (cp.BitSize + 7) / 8
	g := make([]byte, 1+2*size)
	g[0] = 4
	cp.Gx.FillBytes(g[1 : 1+size])
	cp.Gy.FillBytes(g[1+size:])
	if compressedBase {
		g = elliptic.MarshalCompressed(c, cp.Gx, cp.Gy)
	}
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1Int64(1)
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1ObjectIdentifier(oidPrimeField)
			b.AddASN1BigInt(p)
		})
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1OctetString(new(big.Int).Sub(cp.P, big.NewInt(3)).FillBytes(make([]byte, size)))
			b.AddASN1OctetString(cp.B.FillBytes(make([]byte, size)))
			if seed {
				b.AddASN1BitString(bytes.Repeat([]byte{0xc4}, 20))
			}
		})
		b.AddASN1OctetString(g)
		b.AddASN1BigInt(n)
		if cofactor != 0 {
			b.AddASN1Int64(cofactor)
		}
	})
	return b.BytesOrPanic()
}

// withDomain replaces the namedCurve OID of a P-256/384/521/224 SPKI or
// SEC 1 key (as crypto/x509 writes them) by explicit parameters.
func withDomain(t testing.TB, der []byte, c ec.Curve, dom []byte) []byte {
	t.Helper()
	var oid []byte
	for _, e := range ecCurveOIDs {
		if e.curve == c {
			var b cryptobyte.Builder
			b.AddASN1ObjectIdentifier(e.oid)
			oid = b.BytesOrPanic()
		}
	}
	// Re-encode: parse the outer structure generically and rebuild it.
	var rebuild func(in cryptobyte.String) []byte
	rebuild = func(in cryptobyte.String) []byte {
		var b cryptobyte.Builder
		for !in.Empty() {
			var el cryptobyte.String
			var tag cbasn1.Tag
			if !in.ReadAnyASN1Element(&el, &tag) {
				t.Fatal("bad DER")
			}
			switch {
			case bytes.Equal(el, oid):
				b.AddBytes(dom)
			case tag&0x20 != 0:
				var body cryptobyte.String
				el.ReadAnyASN1(&body, &tag)
				inner := rebuild(body)
				b.AddASN1(tag, func(b *cryptobyte.Builder) { b.AddBytes(inner) })
			default:
				b.AddBytes(el)
			}
		}
		return b.BytesOrPanic()
	}
	out := rebuild(der)
	if bytes.Equal(out, der) {
		t.Fatal("no namedCurve to replace")
	}
	return out
}

// TestExplicitParameters: explicit parameters equal to P-256, P-384 or
// P-521 (with or without the seed) load as the named curve in SPKI, SEC 1
// and PKCS #8, as pyca 50 maps them; P-224's, a compressed base point, or
// no or another cofactor, a wrong prime or order are pyca's UnsupportedAlgorithm with
// ReasonECExplicitCurve.
func TestExplicitParameters(t *testing.T) {
	for _, c := range []ec.Curve{ec.SECP224R1, ec.SECP256R1, ec.SECP384R1, ec.SECP521R1} {
		k, err := ec.Generate(c)
		if err != nil {
			t.Fatal(err)
		}
		spki, _ := x509.MarshalPKIXPublicKey(k.Key().Public())
		sec1, _ := x509.MarshalECPrivateKey(k.Key())
		pkcs8, _ := x509.MarshalPKCS8PrivateKey(k.Key())
		std := elliptic.P256()
		switch c {
		case ec.SECP224R1:
			std = elliptic.P224()
		case ec.SECP384R1:
			std = elliptic.P384()
		case ec.SECP521R1:
			std = elliptic.P521()
		}
		for _, v := range []struct {
			name string
			dom  []byte
			ok   bool
		}{
			{"seed", specifiedDomain(std, true, false, nil, 1), c != ec.SECP224R1},
			{"no seed", specifiedDomain(std, false, false, nil, 1), c != ec.SECP224R1},
			{"compressed base", specifiedDomain(std, false, true, nil, 1), false},
			{"no cofactor", specifiedDomain(std, false, false, nil, 0), false},
			{"cofactor 2", specifiedDomain(std, false, false, nil, 2), false},
			{"wrong p", specifiedDomain(std, false, false, func(p, _ *big.Int) { p.Sub(p, big.NewInt(2)) }, 1), false},
			{"wrong n", specifiedDomain(std, false, false, func(_, n *big.Int) { n.Add(n, big.NewInt(2)) }, 1), false},
		} {
			pub, err := LoadPublicKey(withDomain(t, spki, c, v.dom), EncodingDER)
			priv, err2 := LoadPrivateKey(withDomain(t, sec1, c, v.dom), nil, EncodingDER)
			// PKCS #8 holds the curve in its AlgorithmIdentifier only.
			priv8, err3 := LoadPrivateKey(withDomain(t, pkcs8, c, v.dom), nil, EncodingDER)
			for i, e := range []error{err, err2, err3} {
				if v.ok && e != nil {
					t.Errorf("%s %s (%d): %v", c.Name(), v.name, i, e)
				}
				if !v.ok && (!errors.Is(e, core.ErrUnsupportedAlgorithm) || ReasonOf(e) != ReasonECExplicitCurve) {
					t.Errorf("%s %s (%d): %v, want explicit-curve UnsupportedAlgorithm", c.Name(), v.name, i, e)
				}
			}
			if v.ok {
				if !PublicKeyEqual(pub, k.Public()) || priv.(*ec.PrivateKey).Curve() != c || priv8.(*ec.PrivateKey).Curve() != c {
					t.Errorf("%s %s: loaded a different key", c.Name(), v.name)
				}
			}
		}
	}
}

// TestECLoadReasons: the cases where pyca's message is precise.
func TestECLoadReasons(t *testing.T) {
	// SPKI of P-256 holding the point at infinity (pyca's test vector text).
	inf := []byte{0x30, 0x19, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08,
		0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x03, 0x02, 0x00, 0x00}
	if _, err := LoadPublicKey(inf, EncodingDER); !errors.Is(err, core.ErrBadKeyData) || ReasonOf(err) != ReasonECPointAtInfinity {
		t.Errorf("infinity: %v", err)
	}
	k, _ := ec.Generate(ec.SECP256R1)
	sec1, _ := x509.MarshalECPrivateKey(k.Key())
	priv := k.Bytes()
	for _, v := range []struct {
		name   string
		value  []byte
		reason LoadReason
	}{
		{"31 bytes", priv[1:], ReasonECPrivateValueLength},
		{"33 bytes", append([]byte{0}, priv...), ReasonECPrivateValueLength},
		{"order", ec.SECP256R1.Params().N.FillBytes(make([]byte, 32)), ReasonECInvalidKey},
		{"zero", make([]byte, 32), ReasonECInvalidKey},
	} {
		// Rebuild the SEC 1 key without its public key.
		var b cryptobyte.Builder
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1Int64(1)
			b.AddASN1OctetString(v.value)
			b.AddASN1(cbasn1.Tag(0).ContextSpecific().Constructed(), func(b *cryptobyte.Builder) {
				b.AddASN1ObjectIdentifier(ecCurveOIDs[1].oid)
			})
		})
		_, err := LoadPrivateKey(b.BytesOrPanic(), nil, EncodingDER)
		if !errors.Is(err, core.ErrBadKeyData) || ReasonOf(err) != v.reason {
			t.Errorf("%s: %v (reason %d)", v.name, err, ReasonOf(err))
		}
	}
	other, _ := ec.Generate(ec.SECP256R1)
	mismatch := bytes.Replace(sec1, k.Public().UncompressedPoint(), other.Public().UncompressedPoint(), 1)
	if _, err := LoadPrivateKey(mismatch, nil, EncodingDER); ReasonOf(err) != ReasonECInvalidKey {
		t.Errorf("mismatched public key: %v", err)
	}
}

// FuzzECPrivateKeySEC1: SEC 1 ECPrivateKey DER (and what mutates from it)
// never panics, fails only with the documented kinds, and a key that loads
// dumps to SEC 1 and reloads as the same key. Seeds: a key of each curve,
// with and without its public key, and with explicit parameters.
func FuzzECPrivateKeySEC1(f *testing.F) {
	for _, c := range []ec.Curve{ec.SECP224R1, ec.SECP256R1, ec.SECP384R1, ec.SECP521R1} {
		k, err := ec.Generate(c)
		if err != nil {
			f.Fatal(err)
		}
		der, _ := x509.MarshalECPrivateKey(k.Key())
		f.Add(der)
		p8, _ := x509.MarshalPKCS8PrivateKey(k.Key())
		f.Add(p8)
		if c == ec.SECP256R1 {
			f.Add(withDomain(f, der, c, specifiedDomain(elliptic.P256(), true, false, nil, 1)))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		key, err := LoadPrivateKey(data, nil, EncodingDER)
		if err != nil {
			if !errors.Is(err, core.ErrBadKeyData) && !errors.Is(err, core.ErrUnsupportedAlgorithm) {
				t.Fatalf("unexpected error kind %v", err)
			}
			return
		}
		k, ok := key.(*ec.PrivateKey)
		if !ok {
			return // another algorithm's key
		}
		der, err := PrivateBytes(k, EncodingDER, PrivateFormatTraditionalOpenSSL, nil)
		if err != nil {
			t.Fatalf("dump: %v", err)
		}
		back, err := LoadPrivateKey(der, nil, EncodingDER)
		if err != nil {
			t.Fatalf("reload: %v", err)
		}
		if b := back.(*ec.PrivateKey); !b.Public().Equal(k.Public()) || !bytes.Equal(b.Bytes(), k.Bytes()) {
			t.Fatal("reloaded a different key")
		}
	})
}
