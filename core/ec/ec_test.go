package ec_test

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/ec"
	"github.com/cryptogo/libcrypto-go/core/hash"
	"github.com/cryptogo/libcrypto-go/core/keys"
)

type pycaFixture struct {
	Cryptography string `json:"cryptography"`
	Keys         []struct {
		Curve        string `json:"curve"`
		Private      string `json:"private"`
		PeerPrivate  string `json:"peer_private"`
		ECDH         string `json:"ecdh"`
		PKCS8DER     string `json:"pkcs8_der"`
		SEC1DER      string `json:"sec1_der"`
		SPKIDER      string `json:"spki_der"`
		Compressed   string `json:"compressed"`
		Uncompressed string `json:"uncompressed"`
		OpenSSH      string `json:"openssh"`
		Signatures   []struct {
			Hash string `json:"hash"`
			Msg  string `json:"msg"`
			Sig  string `json:"sig"`
		} `json:"signatures"`
	} `json:"keys"`
}

var fixtureHashes = map[string]hash.Algorithm{
	"SHA1": hash.SHA1, "SHA224": hash.SHA224, "SHA256": hash.SHA256, "SHA384": hash.SHA384,
	"SHA512": hash.SHA512, "SHA512_224": hash.SHA512_224, "SHA512_256": hash.SHA512_256,
	"SHA3_224": hash.SHA3_224, "SHA3_256": hash.SHA3_256, "SHA3_384": hash.SHA3_384, "SHA3_512": hash.SHA3_512,
}

func unhex(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestPyca checks, against testdata/pyca.json (written by pyca/cryptography
// through testdata/gen_pyca.py), that deterministic ECDSA signatures
// (RFC 6979), prehashed or not, ECDH secrets and every serialization are
// byte-identical to pyca's, and that what pyca wrote loads back.
func TestPyca(t *testing.T) {
	data, err := os.ReadFile("testdata/pyca.json")
	if err != nil {
		t.Fatal(err)
	}
	var f pycaFixture
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	nsig := 0
	for _, k := range f.Keys {
		curve := wycheproofCurves[k.Curve]
		priv, err := ec.NewPrivateKey(curve, unhex(t, k.Private))
		if err != nil {
			t.Fatalf("%s: %v", k.Curve, err)
		}
		peer, err := ec.NewPrivateKey(curve, unhex(t, k.PeerPrivate))
		if err != nil {
			t.Fatal(err)
		}
		if s, err := priv.Exchange(peer.Public()); err != nil || hex.EncodeToString(s) != k.ECDH {
			t.Errorf("%s: ECDH %x, %v", k.Curve, s, err)
		}
		if s, err := peer.Exchange(priv.Public()); err != nil || hex.EncodeToString(s) != k.ECDH {
			t.Errorf("%s: ECDH (other side) %x, %v", k.Curve, s, err)
		}
		dumps := []struct {
			name string
			got  func() ([]byte, error)
			want string
		}{
			{"PKCS8", func() ([]byte, error) {
				return keys.PrivateBytes(priv, keys.EncodingDER, keys.PrivateFormatPKCS8, nil)
			}, k.PKCS8DER},
			{"SEC1", func() ([]byte, error) {
				return keys.PrivateBytes(priv, keys.EncodingDER, keys.PrivateFormatTraditionalOpenSSL, nil)
			}, k.SEC1DER},
			{"SPKI", func() ([]byte, error) {
				return keys.PublicBytes(priv.Public(), keys.EncodingDER, keys.PublicFormatSubjectPublicKeyInfo)
			}, k.SPKIDER},
			{"compressed", func() ([]byte, error) {
				return keys.PublicBytes(priv.Public(), keys.EncodingX962, keys.PublicFormatCompressedPoint)
			}, k.Compressed},
			{"uncompressed", func() ([]byte, error) {
				return keys.PublicBytes(priv.Public(), keys.EncodingX962, keys.PublicFormatUncompressedPoint)
			}, k.Uncompressed},
		}
		for _, d := range dumps {
			if b, err := d.got(); err != nil || hex.EncodeToString(b) != d.want {
				t.Errorf("%s %s: %x, %v\nwant %s", k.Curve, d.name, b, err, d.want)
			}
		}
		if k.OpenSSH != "" {
			b, err := keys.PublicBytes(priv.Public(), keys.EncodingOpenSSH, keys.PublicFormatOpenSSH)
			if err != nil || string(b) != k.OpenSSH {
				t.Errorf("%s OpenSSH: %q, %v", k.Curve, b, err)
			}
		}
		for _, der := range []string{k.PKCS8DER, k.SEC1DER} {
			got, err := keys.LoadPrivateKey(unhex(t, der), nil, keys.EncodingDER)
			if err != nil || !got.(*ec.PrivateKey).Public().Equal(priv.Public()) {
				t.Errorf("%s: loading pyca's private key: %v", k.Curve, err)
			}
		}
		for _, enc := range []string{k.Compressed, k.Uncompressed} {
			p, err := ec.NewPublicKeyFromPoint(curve, unhex(t, enc))
			if err != nil || !p.Equal(priv.Public()) {
				t.Errorf("%s: from_encoded_point: %v", k.Curve, err)
			}
		}
		for _, s := range k.Signatures {
			h := fixtureHashes[s.Hash]
			msg := unhex(t, s.Msg)
			sig, err := priv.Sign(msg, h, false, true)
			if err != nil || hex.EncodeToString(sig) != s.Sig {
				t.Errorf("%s %s msg %d bytes: %x, %v\nwant %s", k.Curve, s.Hash, len(msg), sig, err, s.Sig)
				continue
			}
			d, _ := hash.Digest(h, 0, msg)
			if pre, err := priv.Sign(d, h, true, true); err != nil || !bytes.Equal(pre, sig) {
				t.Errorf("%s %s: prehashed signature differs: %v", k.Curve, s.Hash, err)
			}
			if err := priv.Public().Verify(sig, msg, h, false); err != nil {
				t.Errorf("%s %s: verify: %v", k.Curve, s.Hash, err)
			}
			nsig++
		}
	}
	t.Logf("cryptography %s: %d curves, %d deterministic signatures byte-identical", f.Cryptography, len(f.Keys), nsig)
}

func TestScalarsAndPoints(t *testing.T) {
	for _, c := range []ec.Curve{ec.SECP224R1, ec.SECP256R1, ec.SECP384R1, ec.SECP521R1} {
		if _, err := ec.NewPrivateKey(c, nil); !errors.Is(err, core.ErrInvalidArgument) {
			t.Errorf("%s: scalar 0: %v", c.Name(), err)
		}
		if _, err := ec.NewPrivateKey(c, bytes.Repeat([]byte{0xff}, c.Size())); !errors.Is(err, core.ErrInvalidArgument) {
			t.Errorf("%s: scalar >= order: %v", c.Name(), err)
		}
		k, err := ec.NewPrivateKey(c, append(make([]byte, 40), 7)) // leading zeros are fine
		if err != nil {
			t.Fatalf("%s: %v", c.Name(), err)
		}
		if b := k.Bytes(); len(b) != c.Size() || b[c.Size()-1] != 7 {
			t.Errorf("%s: private value %x", c.Name(), b)
		}
		p := k.Public()
		n, err := ec.NewPublicKeyFromNumbers(c, p.X(), p.Y())
		if err != nil || !n.Equal(p) {
			t.Errorf("%s: from numbers: %v", c.Name(), err)
		}
		bad := append([]byte{}, p.UncompressedPoint()...)
		bad[len(bad)-1] ^= 1
		if _, err := ec.NewPublicKeyFromPoint(c, bad); !errors.Is(err, core.ErrInvalidArgument) {
			t.Errorf("%s: off-curve point: %v", c.Name(), err)
		}
		if _, err := ec.NewPublicKeyFromPoint(c, []byte{0}); !errors.Is(err, core.ErrInvalidArgument) {
			t.Errorf("%s: point at infinity: %v", c.Name(), err)
		}
		if bits, _ := keys.Bits(k); bits != c.Bits() {
			t.Errorf("%s: Bits %d", c.Name(), bits)
		}
		sig, err := k.Sign([]byte("m"), hash.SHA256, false, false)
		if err != nil || len(sig) > ec.MaxSignatureSize(c) {
			t.Errorf("%s: random signature %d bytes, max %d, %v", c.Name(), len(sig), ec.MaxSignatureSize(c), err)
		}
		if err := p.Verify(sig, []byte("m"), hash.SHA256, false); err != nil {
			t.Errorf("%s: verify: %v", c.Name(), err)
		}
		if err := p.Verify(sig, []byte("n"), hash.SHA256, false); !errors.Is(err, core.ErrInvalidSignature) {
			t.Errorf("%s: wrong message: %v", c.Name(), err)
		}
	}
	a, _ := ec.Generate(ec.SECP256R1)
	b, _ := ec.Generate(ec.SECP384R1)
	if _, err := a.Exchange(b.Public()); !errors.Is(err, core.ErrInvalidArgument) {
		t.Errorf("curve mismatch: %v", err)
	}
	if _, err := ec.Generate(5); !errors.Is(err, core.ErrUnsupportedAlgorithm) {
		t.Errorf("curve 5: %v", err)
	}
	if _, err := a.Sign(nil, hash.SHAKE128, false, true); !errors.Is(err, core.ErrUnsupportedAlgorithm) {
		t.Errorf("SHAKE128: %v", err)
	}
	if _, err := a.Sign(make([]byte, 31), hash.SHA256, true, true); !errors.Is(err, core.ErrInvalidArgument) {
		t.Errorf("short prehashed: %v", err)
	}
}

// TestSerialization covers the PEM forms: encrypted PKCS #8 and legacy
// PEM-encrypted "EC PRIVATE KEY" round trips, and the format errors.
func TestSerialization(t *testing.T) {
	k, _ := ec.Generate(ec.SECP384R1)
	for _, format := range []keys.PrivateFormat{keys.PrivateFormatPKCS8, keys.PrivateFormatTraditionalOpenSSL} {
		pem, err := keys.PrivateBytes(k, keys.EncodingPEM, format, []byte("pw"))
		if err != nil {
			t.Fatal(err)
		}
		if format == keys.PrivateFormatTraditionalOpenSSL &&
			(!strings.Contains(string(pem), "BEGIN EC PRIVATE KEY") || !strings.Contains(string(pem), "DEK-Info: AES-256-CBC")) {
			t.Errorf("traditional PEM:\n%s", pem)
		}
		got, err := keys.LoadPrivateKey(pem, []byte("pw"), keys.EncodingPEM)
		if err != nil || !bytes.Equal(got.(*ec.PrivateKey).Bytes(), k.Bytes()) {
			t.Errorf("format %d: round trip: %v", format, err)
		}
		if _, err := keys.LoadPrivateKey(pem, []byte("wrong"), keys.EncodingPEM); !errors.Is(err, core.ErrBadKeyData) {
			t.Errorf("format %d: wrong password: %v", format, err)
		}
	}
	pub := k.Public()
	for _, c := range []struct {
		enc    keys.Encoding
		format keys.PublicFormat
	}{
		{keys.EncodingX962, keys.PublicFormatSubjectPublicKeyInfo},
		{keys.EncodingDER, keys.PublicFormatCompressedPoint},
		{keys.EncodingRaw, keys.PublicFormatRaw},
		{keys.EncodingDER, keys.PublicFormatPKCS1},
	} {
		if _, err := keys.PublicBytes(pub, c.enc, c.format); !errors.Is(err, core.ErrInvalidArgument) {
			t.Errorf("PublicBytes(%d, %d): %v", c.enc, c.format, err)
		}
	}
	if _, err := keys.PrivateBytes(k, keys.EncodingRaw, keys.PrivateFormatRaw, nil); !errors.Is(err, core.ErrInvalidArgument) {
		t.Errorf("raw private: %v", err)
	}
	p224, _ := ec.Generate(ec.SECP224R1)
	if _, err := keys.PublicBytes(p224.Public(), keys.EncodingOpenSSH, keys.PublicFormatOpenSSH); !errors.Is(err, core.ErrInvalidArgument) {
		t.Errorf("P-224 OpenSSH: %v", err)
	}
	spki, _ := keys.PublicBytes(pub, keys.EncodingPEM, keys.PublicFormatSubjectPublicKeyInfo)
	if got, err := keys.LoadPublicKey(spki, keys.EncodingPEM); err != nil || !keys.PublicKeyEqual(got, pub) {
		t.Errorf("SPKI PEM round trip: %v", err)
	}
}

// TestUnsupportedCurves: a secp256k1 key is UnsupportedAlgorithm, as pyca
// answers it; malformed explicit parameters and a corrupted key are bad
// data (explicit parameters proper: TestExplicitParameters in core/keys).
func TestUnsupportedCurves(t *testing.T) {
	// openssl ecparam -name secp256k1 -genkey -noout | openssl pkey -pubout -outform DER
	k1SPKI := unhexS("3056301006072a8648ce3d020106052b8104000a03420004" +
		"79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798" +
		"483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8")
	if _, err := keys.LoadPublicKey(k1SPKI, keys.EncodingDER); !errors.Is(err, core.ErrUnsupportedAlgorithm) {
		t.Errorf("secp256k1 SPKI: %v", err)
	}
	k, _ := ec.Generate(ec.SECP256R1)
	der, _ := keys.PublicBytes(k.Public(), keys.EncodingDER, keys.PublicFormatSubjectPublicKeyInfo)
	// Replace the namedCurve OID by an (empty) specifiedCurve SEQUENCE.
	explicit := bytes.Replace(der, unhexS("06082a8648ce3d030107"), unhexS("3008020101020101020101"), 1)
	explicit[1] += 1
	explicit[3] += 1
	if _, err := keys.LoadPublicKey(explicit, keys.EncodingDER); !errors.Is(err, core.ErrBadKeyData) {
		t.Errorf("malformed explicit parameters: %v", err)
	}
	bad := append([]byte{}, der...)
	bad[len(bad)-1] ^= 1
	if _, err := keys.LoadPublicKey(bad, keys.EncodingDER); !errors.Is(err, core.ErrBadKeyData) {
		t.Errorf("off-curve SPKI: %v", err)
	}
}

func unhexS(s string) []byte {
	b, err := hex.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return b
}

// TestExchangeConcurrent: the crypto/ecdh forms cached in the keys on first
// exchange are made once, safely, when many goroutines exchange at once
// (go test -race); and reading (then wiping, as the C ABI does) the private
// value meanwhile corrupts neither exchanges nor signatures (crypto/ecdsa's
// Bytes returns its cached scalar: ec.PrivateKey.Bytes must copy it).
func TestExchangeConcurrent(t *testing.T) {
	for _, c := range []ec.Curve{ec.SECP224R1, ec.SECP256R1} {
		a, _ := ec.Generate(c)
		b, _ := ec.Generate(c)
		want, err := b.Exchange(a.Public())
		if err != nil {
			t.Fatal(err)
		}
		pub := b.Public()
		var wg sync.WaitGroup
		for range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range 20 {
					clear(a.Bytes())
					got, err := a.Exchange(pub)
					if err != nil || !bytes.Equal(got, want) {
						t.Errorf("%s: concurrent exchange: %x, %v", c.Name(), got, err)
					}
					sig, err := a.Sign([]byte("m"), hash.SHA256, false, false)
					if err != nil || a.Public().Verify(sig, []byte("m"), hash.SHA256, false) != nil {
						t.Errorf("%s: concurrent signature does not verify: %v", c.Name(), err)
					}
				}
			}()
		}
		wg.Wait()
	}
}
