package keys

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"math/big"
	"os"
	"strings"
	"testing"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/dsa"
	"github.com/cryptogo/libcrypto-go/core/hash"
)

// dsaFixtureKey is the 1024-bit key of core/dsa/testdata/pyca.json (pyca's
// key and serializations, written by core/dsa/testdata/gen_pyca.py).
func dsaFixture(t testing.TB) (priv *dsa.PrivateKey, f map[string]any) {
	t.Helper()
	data, err := os.ReadFile("../dsa/testdata/pyca.json")
	if err != nil {
		t.Fatal(err)
	}
	var all struct {
		Keys []map[string]any `json:"keys"`
	}
	if err := json.Unmarshal(data, &all); err != nil {
		t.Fatal(err)
	}
	f = all.Keys[0]
	der, _ := hex.DecodeString(f["traditional_der"].(string))
	k, err := LoadPrivateKey(der, nil, EncodingDER)
	if err != nil {
		t.Fatal(err)
	}
	return k.(*dsa.PrivateKey), f
}

// TestDSAGenericLayer: DSA keys through the generic functions (TypeOf,
// PublicKeyOf, Bits, PublicKeyEqual, the typed loaders, dumps of what pyca
// refuses).
func TestDSAGenericLayer(t *testing.T) {
	k, f := dsaFixture(t)
	pub := PublicKeyOf(k)
	if TypeOf(k) != DSA || TypeOf(pub) != DSA || TypeOf((*dsa.PrivateKey)(nil)) != UnknownKeyType ||
		TypeOf((*dsa.PublicKey)(nil)) != UnknownKeyType {
		t.Fatalf("TypeOf: %v %v", TypeOf(k), TypeOf(pub))
	}
	if PublicKeyOf(pub) != nil || PublicKeyOf((*dsa.PrivateKey)(nil)) != nil {
		t.Error("PublicKeyOf of a public key / nil is not nil")
	}
	for _, key := range []any{k, pub} {
		if b, err := Bits(key); err != nil || b != 1024 {
			t.Errorf("Bits(%T) = %d, %v", key, b, err)
		}
	}
	if !PublicKeyEqual(pub, k.Public()) || PublicKeyEqual(pub, k) || PublicKeyEqual(pub, keysFixtureKey(t, "rsa1024e3").PublicKey()) {
		t.Error("PublicKeyEqual")
	}
	other, _ := dsa.Generate(1024)
	if PublicKeyEqual(pub, other.Public()) {
		t.Error("different DSA keys are equal")
	}
	der, _ := hex.DecodeString(f["pkcs8_der"].(string))
	if _, err := LoadRSAPrivateKey(der, nil, EncodingDER); !errors.Is(err, core.ErrUnsupportedAlgorithm) {
		t.Errorf("LoadRSAPrivateKey(DSA): %v", err)
	}
	spki, _ := hex.DecodeString(f["spki_der"].(string))
	if _, err := LoadRSAPublicKey(spki, EncodingDER); !errors.Is(err, core.ErrUnsupportedAlgorithm) {
		t.Errorf("LoadRSAPublicKey(DSA): %v", err)
	}
	// A DSA SubjectPublicKeyInfo under the "RSA PUBLIC KEY" label: pyca's
	// incorrect delimiter.
	blk := []byte("-----BEGIN RSA PUBLIC KEY-----\n" + base64.StdEncoding.EncodeToString(spki) + "\n-----END RSA PUBLIC KEY-----\n")
	if _, err := LoadPublicKey(blk, EncodingPEM); !errors.Is(err, core.ErrBadKeyData) {
		t.Errorf("DSA key under RSA PUBLIC KEY: %v", err)
	}
	// What pyca refuses for a DSA key: ValueError.
	for _, c := range []struct {
		enc    Encoding
		format PrivateFormat
		pw     []byte
	}{
		{EncodingRaw, PrivateFormatRaw, nil}, {EncodingDER, PrivateFormatRaw, nil}, {EncodingRaw, PrivateFormatPKCS8, nil},
		{EncodingX962, PrivateFormatPKCS8, nil}, {EncodingDER, PrivateFormatTraditionalOpenSSL, []byte("pw")},
		{EncodingPEM, PrivateFormatOpenSSH, nil},
	} {
		if _, err := PrivateBytes(k, c.enc, c.format, c.pw); !errors.Is(err, core.ErrInvalidArgument) {
			t.Errorf("PrivateBytes(%d, %d): %v", c.enc, c.format, err)
		}
	}
	for _, c := range []struct {
		enc    Encoding
		format PublicFormat
	}{
		{EncodingPEM, PublicFormatPKCS1}, {EncodingRaw, PublicFormatRaw}, {EncodingRaw, PublicFormatSubjectPublicKeyInfo},
		{EncodingX962, PublicFormatUncompressedPoint}, {EncodingPEM, PublicFormatCompressedPoint},
		{EncodingPEM, PublicFormatOpenSSH}, {EncodingOpenSSH, PublicFormatSubjectPublicKeyInfo}, {EncodingSMIME, PublicFormatSubjectPublicKeyInfo},
	} {
		if _, err := PublicBytes(pub, c.enc, c.format); !errors.Is(err, core.ErrInvalidArgument) {
			t.Errorf("PublicBytes(%d, %d): %v", c.enc, c.format, err)
		}
	}
	if n, err := DSANumber(pub, dsa.ComponentX); !errors.Is(err, core.ErrInvalidArgument) {
		t.Errorf("public x: %x %v", n, err)
	}
	if _, err := DSANumber(keysFixtureKey(t, "rsa1024e3"), dsa.ComponentP); !errors.Is(err, core.ErrType) {
		t.Errorf("DSANumber(RSA): %v", err)
	}
	if _, err := DSASign(pub, nil, hash.SHA256, false); !errors.Is(err, core.ErrType) {
		t.Errorf("DSASign(public): %v", err)
	}
	if err := DSAVerify(k, nil, nil, hash.SHA256, false); !errors.Is(err, core.ErrType) {
		t.Errorf("DSAVerify(private): %v", err)
	}
	if n, err := DSASignatureMaxSize(k); err != nil || n < 46 {
		t.Errorf("DSASignatureMaxSize: %d %v", n, err)
	}
}

// dsaSeq builds a DER SEQUENCE of the given INTEGER values (as int64s or
// byte strings, negative ones allowed) for the malformed-key tests.
func dsaDER(f func(b *cryptobyte.Builder)) []byte {
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, f)
	return b.BytesOrPanic()
}

// TestDSAMalformed: structures pyca (OpenSSL) refuses are ValueError
// (ErrBadKeyData): negative numbers, p = 0 (pyca's
// test_load_pkcs8_invalid_dsa_parameters), missing parameters, trailing data.
func TestDSAMalformed(t *testing.T) {
	k, _ := dsaFixture(t)
	std := k.Key()
	trad := func(mod func(i int) []byte) []byte {
		return dsaDER(func(b *cryptobyte.Builder) {
			b.AddASN1Int64(0)
			for i, v := range [][]byte{std.P.Bytes(), std.Q.Bytes(), std.G.Bytes(), std.Y.Bytes(), std.X.Bytes()} {
				if m := mod(i); m != nil {
					b.AddASN1(cbasn1.INTEGER, func(b *cryptobyte.Builder) { b.AddBytes(m) })
					continue
				}
				b.AddASN1BigInt(new(big.Int).SetBytes(v))
			}
		})
	}
	if _, err := LoadPrivateKey(trad(func(int) []byte { return nil }), nil, EncodingDER); err != nil {
		t.Fatalf("well-formed traditional key: %v", err)
	}
	for name, mod := range map[string]func(int) []byte{
		"negative x": func(i int) []byte {
			if i == 4 {
				return []byte{0xff}
			}
			return nil
		},
		"p = 0": func(i int) []byte {
			if i == 0 {
				return []byte{0}
			}
			return nil
		},
		"g = 0": func(i int) []byte {
			if i == 2 {
				return []byte{0}
			}
			return nil
		},
	} {
		if _, err := LoadPrivateKey(trad(mod), nil, EncodingDER); !errors.Is(err, core.ErrBadKeyData) {
			t.Errorf("%s: %v", name, err)
		}
	}
	pycaP0 := []byte("0D\x02\x01\x000'\x06\x07*\x86H\xce8\x04\x010\x1c\x02\x01\x00" +
		"\x02\x14*F\x00\x02\x02\x01)\x04\x16\x02\x14<\x06\x01\x00F\x00" +
		"\x02\x00\x02\x02\x01)\x04\x16\x02\x14<\x06\x01\x00\x00\x00" +
		"\x86H\xce8\x04\x010\x1c\x02\x14*\x04\xf7\r")
	if _, err := LoadPrivateKey(pycaP0, nil, EncodingDER); !errors.Is(err, core.ErrBadKeyData) {
		t.Errorf("pyca's PKCS #8 key with p = 0: %v", err)
	}
	// SubjectPublicKeyInfo without parameters, or with trailing data in them.
	spki := func(params func(b *cryptobyte.Builder)) []byte {
		return dsaDER(func(b *cryptobyte.Builder) {
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				b.AddASN1ObjectIdentifier(oidOf(DSA))
				params(b)
			})
			var y cryptobyte.Builder
			y.AddASN1BigInt(std.Y)
			b.AddASN1BitString(y.BytesOrPanic())
		})
	}
	for name, params := range map[string]func(b *cryptobyte.Builder){
		"no parameters":   func(*cryptobyte.Builder) {},
		"NULL parameters": func(b *cryptobyte.Builder) { b.AddASN1NULL() },
		"two integers": func(b *cryptobyte.Builder) {
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { b.AddASN1BigInt(std.P); b.AddASN1BigInt(std.Q) })
		},
	} {
		if _, err := LoadPublicKey(spki(params), EncodingDER); !errors.Is(err, core.ErrBadKeyData) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestSSHDSA: the ssh-dss parser takes what it writes and refuses the rest.
func TestSSHDSA(t *testing.T) {
	k, f := dsaFixture(t)
	line := f["openssh"].(string)
	for _, in := range []string{line, line + "\n", line + " user@host\n", "  " + line} {
		got, err := LoadSSHDSAPublicKey([]byte(in))
		if err != nil || !got.Equal(k.Public()) {
			t.Errorf("%q: %v", in, err)
		}
	}
	blob, _ := base64.StdEncoding.DecodeString(strings.Fields(line)[1])
	for name, in := range map[string]string{
		"empty":         "",
		"type only":     "ssh-dss",
		"other type":    "ssh-rsa " + strings.Fields(line)[1],
		"bad base64":    "ssh-dss AAAA*",
		"truncated":     "ssh-dss " + base64.StdEncoding.EncodeToString(blob[:len(blob)-1]),
		"trailing":      "ssh-dss " + base64.StdEncoding.EncodeToString(append(append([]byte{}, blob...), 0)),
		"inner ssh-rsa": "ssh-dss " + base64.StdEncoding.EncodeToString(append([]byte("\x00\x00\x00\x07ssh-rsa"), blob[11:]...)),
	} {
		if _, err := LoadSSHDSAPublicKey([]byte(in)); !errors.Is(err, core.ErrBadKeyData) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// FuzzSSHDSAPublicKey: the ssh-dss parser never panics, and what it accepts
// writes back (for 1024-bit keys) to a line that parses to the same key.
func FuzzSSHDSAPublicKey(f *testing.F) {
	_, fx := dsaFixture(f)
	f.Add([]byte(fx["openssh"].(string)))
	f.Add([]byte("ssh-dss AAAAB3NzaC1kc3MAAAAA"))
	f.Fuzz(func(t *testing.T, data []byte) {
		k, err := LoadSSHDSAPublicKey(data)
		if err != nil {
			if !errors.Is(err, core.ErrBadKeyData) {
				t.Fatalf("error kind: %v", err)
			}
			return
		}
		if k.Bits() != 1024 {
			return
		}
		out, err := PublicBytes(k, EncodingOpenSSH, PublicFormatOpenSSH)
		if err != nil {
			t.Fatal(err)
		}
		back, err := LoadSSHDSAPublicKey(out)
		if err != nil || !back.Equal(k) || !bytes.HasPrefix(out, []byte("ssh-dss ")) {
			t.Fatalf("round trip: %v", err)
		}
	})
}
