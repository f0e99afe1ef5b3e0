package dsa_test

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"math/big"
	"os"
	"testing"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/dsa"
	"github.com/cryptogo/libcrypto-go/core/dss"
	"github.com/cryptogo/libcrypto-go/core/hash"
	"github.com/cryptogo/libcrypto-go/core/keys"
)

type pycaFixture struct {
	Cryptography string `json:"cryptography"`
	Keys         []struct {
		Bits                    int    `json:"bits"`
		PKCS8DER                string `json:"pkcs8_der"`
		PKCS8PEM                string `json:"pkcs8_pem"`
		TraditionalDER          string `json:"traditional_der"`
		TraditionalPEM          string `json:"traditional_pem"`
		TraditionalPEMEncrypted string `json:"traditional_pem_encrypted"`
		PKCS8PEMEncrypted       string `json:"pkcs8_pem_encrypted"`
		SPKIDER                 string `json:"spki_der"`
		SPKIPEM                 string `json:"spki_pem"`
		OpenSSH                 string `json:"openssh"`
		Signatures              []struct {
			Hash string `json:"hash"`
			Msg  string `json:"msg"`
			Sig  string `json:"sig"`
		} `json:"signatures"`
	} `json:"keys"`
}

// numbers reads the hex numbers of a fixture key (json cannot fill five
// fields from one tag: they are read from a map).
type fixtureNumbers struct{ P, Q, G, Y, X []byte }

var pycaHashes = map[string]hash.Algorithm{
	"SHA1": hash.SHA1, "SHA224": hash.SHA224, "SHA256": hash.SHA256, "SHA384": hash.SHA384,
	"SHA512": hash.SHA512, "SHA3_256": hash.SHA3_256, "BLAKE2b": hash.BLAKE2b, "MD5": hash.MD5,
}

func unhex(t *testing.T, s string) []byte {
	t.Helper()
	if len(s)%2 == 1 {
		s = "0" + s
	}
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func loadFixture(t *testing.T) (*pycaFixture, []fixtureNumbers) {
	t.Helper()
	data, err := os.ReadFile("testdata/pyca.json")
	if err != nil {
		t.Fatal(err)
	}
	var f pycaFixture
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	var raw struct {
		Keys []map[string]any `json:"keys"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	nums := make([]fixtureNumbers, len(raw.Keys))
	for i, k := range raw.Keys {
		nums[i] = fixtureNumbers{
			unhex(t, k["p"].(string)), unhex(t, k["q"].(string)), unhex(t, k["g"].(string)),
			unhex(t, k["y"].(string)), unhex(t, k["x"].(string)),
		}
	}
	return &f, nums
}

// TestPyca checks against testdata/pyca.json (pyca/cryptography's keys,
// serializations and signatures, written by testdata/gen_pyca.py): every
// serialization is byte-identical to pyca's, what pyca wrote loads back
// (also encrypted), pyca's signatures verify and ours verify.
func TestPyca(t *testing.T) {
	f, nums := loadFixture(t)
	if len(f.Keys) != 4 {
		t.Fatalf("%d keys", len(f.Keys))
	}
	nsig := 0
	for i, k := range f.Keys {
		n := nums[i]
		priv, err := dsa.NewPrivateKey(n.P, n.Q, n.G, n.Y, n.X)
		if err != nil {
			t.Fatalf("%d: %v", k.Bits, err)
		}
		pub := priv.Public()
		if priv.Bits() != k.Bits || pub.Bits() != k.Bits {
			t.Errorf("%d: Bits %d", k.Bits, priv.Bits())
		}
		if b, _ := keys.Bits(priv); b != k.Bits {
			t.Errorf("%d: keys.Bits %d", k.Bits, b)
		}
		dumps := []struct {
			name string
			got  func() ([]byte, error)
			want []byte
		}{
			{"PKCS8 DER", func() ([]byte, error) {
				return keys.PrivateBytes(priv, keys.EncodingDER, keys.PrivateFormatPKCS8, nil)
			}, unhex(t, k.PKCS8DER)},
			{"PKCS8 PEM", func() ([]byte, error) {
				return keys.PrivateBytes(priv, keys.EncodingPEM, keys.PrivateFormatPKCS8, nil)
			}, []byte(k.PKCS8PEM)},
			{"traditional DER", func() ([]byte, error) {
				return keys.PrivateBytes(priv, keys.EncodingDER, keys.PrivateFormatTraditionalOpenSSL, nil)
			}, unhex(t, k.TraditionalDER)},
			{"traditional PEM", func() ([]byte, error) {
				return keys.PrivateBytes(priv, keys.EncodingPEM, keys.PrivateFormatTraditionalOpenSSL, nil)
			}, []byte(k.TraditionalPEM)},
			{"SPKI DER", func() ([]byte, error) {
				return keys.PublicBytes(pub, keys.EncodingDER, keys.PublicFormatSubjectPublicKeyInfo)
			}, unhex(t, k.SPKIDER)},
			{"SPKI PEM", func() ([]byte, error) {
				return keys.PublicBytes(pub, keys.EncodingPEM, keys.PublicFormatSubjectPublicKeyInfo)
			}, []byte(k.SPKIPEM)},
		}
		for _, d := range dumps {
			if b, err := d.got(); err != nil || !bytes.Equal(b, d.want) {
				t.Errorf("%d %s: %x, %v\nwant %x", k.Bits, d.name, b, err, d.want)
			}
		}
		ssh, err := keys.PublicBytes(pub, keys.EncodingOpenSSH, keys.PublicFormatOpenSSH)
		if k.OpenSSH != "" {
			if err != nil || string(ssh) != k.OpenSSH {
				t.Errorf("%d OpenSSH: %q, %v", k.Bits, ssh, err)
			}
			back, err := keys.LoadSSHDSAPublicKey([]byte(k.OpenSSH + " comment\n"))
			if err != nil || !back.Equal(pub) {
				t.Errorf("%d: LoadSSHDSAPublicKey: %v", k.Bits, err)
			}
		} else if !errors.Is(err, core.ErrInvalidArgument) {
			t.Errorf("%d OpenSSH: %v, want ValueError (1024-bit only)", k.Bits, err)
		}
		for _, in := range []struct {
			data []byte
			enc  keys.Encoding
			pw   []byte
		}{
			{unhex(t, k.PKCS8DER), keys.EncodingDER, nil},
			{unhex(t, k.TraditionalDER), keys.EncodingDER, nil},
			{[]byte(k.PKCS8PEM), keys.EncodingPEM, nil},
			{[]byte(k.TraditionalPEM), keys.EncodingPEM, nil},
			{[]byte(k.TraditionalPEMEncrypted), keys.EncodingPEM, []byte("hunter2")},
			{[]byte(k.PKCS8PEMEncrypted), keys.EncodingPEM, []byte("hunter2")},
		} {
			got, err := keys.LoadPrivateKey(in.data, in.pw, in.enc)
			if err != nil {
				t.Errorf("%d: loading pyca's private key: %v", k.Bits, err)
				continue
			}
			gk := got.(*dsa.PrivateKey)
			if !bytes.Equal(gk.X(), priv.X()) || !gk.Public().Equal(pub) || keys.TypeOf(got) != keys.DSA {
				t.Errorf("%d: loaded key differs", k.Bits)
			}
			if !keys.PublicKeyEqual(keys.PublicKeyOf(got), pub) {
				t.Errorf("%d: PublicKeyOf differs", k.Bits)
			}
		}
		for _, in := range [][]byte{unhex(t, k.SPKIDER), []byte(k.SPKIPEM)} {
			enc := keys.EncodingDER
			if in[0] == '-' {
				enc = keys.EncodingPEM
			}
			got, err := keys.LoadPublicKey(in, enc)
			if err != nil || !keys.PublicKeyEqual(got, pub) || keys.TypeOf(got) != keys.DSA {
				t.Errorf("%d: loading pyca's public key: %v", k.Bits, err)
			}
		}
		// Encrypted dumps of ours load back.
		for _, format := range []keys.PrivateFormat{keys.PrivateFormatPKCS8, keys.PrivateFormatTraditionalOpenSSL} {
			b, err := keys.PrivateBytes(priv, keys.EncodingPEM, format, []byte("pw"))
			if err != nil {
				t.Fatal(err)
			}
			got, err := keys.LoadPrivateKey(b, []byte("pw"), keys.EncodingPEM)
			if err != nil || !got.(*dsa.PrivateKey).Public().Equal(pub) {
				t.Errorf("%d: encrypted round trip (format %d): %v", k.Bits, format, err)
			}
		}
		for _, s := range k.Signatures {
			h := pycaHashes[s.Hash]
			msg := unhex(t, s.Msg)
			if err := pub.Verify(unhex(t, s.Sig), msg, h, false); err != nil {
				t.Errorf("%d %s: pyca's signature: %v", k.Bits, s.Hash, err)
			}
			d, _ := hash.Digest(h, 0, msg)
			if err := pub.Verify(unhex(t, s.Sig), d, h, true); err != nil {
				t.Errorf("%d %s: pyca's signature, prehashed: %v", k.Bits, s.Hash, err)
			}
			if err := pub.Verify(unhex(t, s.Sig), append(msg, 1), h, false); !errors.Is(err, core.ErrInvalidSignature) {
				t.Errorf("%d %s: other message: %v", k.Bits, s.Hash, err)
			}
			sig, err := priv.Sign(msg, h, false)
			if err != nil || pub.Verify(sig, msg, h, false) != nil || len(sig) > priv.MaxSignatureSize() {
				t.Errorf("%d %s: our signature: %v", k.Bits, s.Hash, err)
			}
			sig, err = priv.Sign(d, h, true)
			if err != nil || pub.Verify(sig, msg, h, false) != nil {
				t.Errorf("%d %s: our prehashed signature: %v", k.Bits, s.Hash, err)
			}
			nsig++
		}
	}
	t.Logf("pyca %s: %d keys, %d signatures", f.Cryptography, len(f.Keys), nsig)
}

// TestNumbers: pyca's checks of DSAParameterNumbers / DSAPublicNumbers /
// DSAPrivateNumbers (test_invalid_parameters_values and friends).
func TestNumbers(t *testing.T) {
	_, nums := loadFixture(t)
	n := nums[0] // 1024 bits
	pow2 := func(e uint) []byte { return new(big.Int).Lsh(big.NewInt(1), e).Bytes() }
	bad := []struct {
		name          string
		p, q, g, y, x []byte
	}{
		{"p 1001 bits", pow2(1000), n.Q, n.G, n.Y, n.X},
		{"p 3101 bits", pow2(3100), n.Q, n.G, n.Y, n.X},
		{"q 151 bits", n.P, pow2(150), n.G, n.Y, n.X},
		{"q 261 bits", n.P, pow2(260), n.G, n.Y, n.X},
		{"g 0", n.P, n.Q, nil, n.Y, n.X},
		{"g 1", n.P, n.Q, []byte{1}, n.Y, n.X},
		{"g = p", n.P, n.Q, n.P, n.Y, n.X},
		{"g too large", n.P, n.Q, pow2(1200), n.Y, n.X},
	}
	for _, c := range bad {
		if _, err := dsa.NewParameters(c.p, c.q, c.g); !errors.Is(err, core.ErrInvalidArgument) {
			t.Errorf("%s: NewParameters %v", c.name, err)
		}
		if _, err := dsa.NewPublicKey(c.p, c.q, c.g, c.y); !errors.Is(err, core.ErrInvalidArgument) {
			t.Errorf("%s: NewPublicKey %v", c.name, err)
		}
		if _, err := dsa.NewPrivateKey(c.p, c.q, c.g, c.y, c.x); !errors.Is(err, core.ErrInvalidArgument) {
			t.Errorf("%s: NewPrivateKey %v", c.name, err)
		}
	}
	for name, x := range map[string][]byte{"x 0": nil, "x = q": n.Q, "x > q": pow2(200), "x wide": pow2(300)} {
		if _, err := dsa.NewPrivateKey(n.P, n.Q, n.G, n.Y, x); !errors.Is(err, core.ErrInvalidArgument) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := dsa.NewPrivateKey(n.P, n.Q, n.G, []byte{2}, n.X); !errors.Is(err, core.ErrInvalidArgument) {
		t.Errorf("wrong y: %v", err)
	}
	// y is not checked for a public key.
	if _, err := dsa.NewPublicKey(n.P, n.Q, n.G, []byte{2}); err != nil {
		t.Errorf("public key with another y: %v", err)
	}
	if _, err := dsa.NewParameters(make([]byte, dsa.MaxNumberSize+1), n.Q, n.G); !errors.Is(err, core.ErrInvalidArgument) {
		t.Errorf("huge p: %v", err)
	}
}

// TestSignErrors: Prehashed digests of the wrong size, XOF hashes, and a
// degenerate ("nilpotent") key whose r is always 0 give pyca's errors.
func TestSignErrors(t *testing.T) {
	_, nums := loadFixture(t)
	n := nums[0]
	k, err := dsa.NewPrivateKey(n.P, n.Q, n.G, n.Y, n.X)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := k.Sign(make([]byte, 20), hash.SHA224, true); !errors.Is(err, core.ErrInvalidArgument) {
		t.Errorf("prehashed size: %v", err)
	}
	if err := k.Public().Verify(make([]byte, 128), make([]byte, 20), hash.SHA224, true); !errors.Is(err, core.ErrInvalidArgument) {
		t.Errorf("verify prehashed size: %v", err)
	}
	if _, err := k.Sign(nil, hash.SHAKE128, false); !errors.Is(err, core.ErrUnsupportedAlgorithm) {
		t.Errorf("SHAKE: %v", err)
	}
	if sig, err := k.Sign(make([]byte, 40), hash.SHAKE256, true); err != nil || k.Public().Verify(sig, make([]byte, 40), hash.SHAKE256, true) != nil {
		t.Errorf("SHAKE prehashed: %v", err)
	}
	if _, err := k.Sign(nil, hash.SHAKE256, true); !errors.Is(err, core.ErrInvalidArgument) {
		t.Errorf("SHAKE prehashed, empty: %v", err)
	}
	if _, err := k.Sign(nil, hash.Algorithm(99), false); !errors.Is(err, core.ErrUnsupportedAlgorithm) {
		t.Errorf("hash 99: %v", err)
	}
	// p = 2^1024, g = 2^512: g^k = 0 mod p for every k > 1, so r = 0.
	p := new(big.Int).Lsh(big.NewInt(1), 1024).Bytes()
	g := new(big.Int).Lsh(big.NewInt(1), 512).Bytes()
	nil1, err := dsa.LoadedPrivateKey(p, n.Q, g, nil, n.X)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := nil1.Sign([]byte("anything"), hash.SHA256, false); !errors.Is(err, core.ErrInvalidArgument) {
		t.Errorf("nilpotent key: %v", err)
	}
	// Malformed and non-strict DER is an invalid signature.
	sig, _ := k.Sign([]byte("m"), hash.SHA1, false)
	pub := k.Public()
	for name, s := range map[string][]byte{
		"fake":     []byte("fakesig"),
		"trailing": append(append([]byte{}, sig...), 0),
		"empty":    nil,
	} {
		if err := pub.Verify(s, []byte("m"), hash.SHA1, false); !errors.Is(err, core.ErrInvalidSignature) {
			t.Errorf("%s: %v", name, err)
		}
	}
	r, s, _ := dss.DecodeSignature(sig)
	q := new(big.Int).SetBytes(n.Q)
	for name, rs := range map[string][2]*big.Int{
		"r = 0":     {big.NewInt(0), new(big.Int).SetBytes(s)},
		"s = 0":     {new(big.Int).SetBytes(r), big.NewInt(0)},
		"r + q":     {new(big.Int).Add(new(big.Int).SetBytes(r), q), new(big.Int).SetBytes(s)},
		"s + q":     {new(big.Int).SetBytes(r), new(big.Int).Add(new(big.Int).SetBytes(s), q)},
		"r = q":     {q, new(big.Int).SetBytes(s)},
		"s = q - 0": {new(big.Int).SetBytes(r), q},
	} {
		der, _ := dss.EncodeSignature(rs[0].Bytes(), rs[1].Bytes())
		if err := pub.Verify(der, []byte("m"), hash.SHA1, false); !errors.Is(err, core.ErrInvalidSignature) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestGenerate: parameter and key generation for pyca's sizes; other sizes
// are ValueError. 2048 and larger run without -short (seconds each).
func TestGenerate(t *testing.T) {
	for _, bits := range []int{0, 1, 512, 1023, 1536, 8192} {
		if _, err := dsa.GenerateParameters(bits); !errors.Is(err, core.ErrInvalidArgument) {
			t.Errorf("%d: %v", bits, err)
		}
	}
	sizes := []int{1024}
	if !testing.Short() {
		sizes = dsa.KeySizes
	}
	for _, bits := range sizes {
		params, err := dsa.GenerateParameters(bits)
		if err != nil {
			t.Fatal(err)
		}
		wantQ := 256
		if bits == 1024 {
			wantQ = 160
		}
		pp, qq := new(big.Int).SetBytes(params.P()), new(big.Int).SetBytes(params.Q())
		if params.Bits() != bits || qq.BitLen() != wantQ || !pp.ProbablyPrime(20) || !qq.ProbablyPrime(20) {
			t.Fatalf("%d: p %d bits, q %d bits", bits, pp.BitLen(), qq.BitLen())
		}
		pm1 := new(big.Int).Sub(pp, big.NewInt(1))
		if new(big.Int).Mod(pm1, qq).Sign() != 0 {
			t.Fatalf("%d: q does not divide p-1", bits)
		}
		if new(big.Int).Exp(new(big.Int).SetBytes(params.G()), qq, pp).Cmp(big.NewInt(1)) != 0 {
			t.Fatalf("%d: g is not of order q", bits)
		}
		if _, err := dsa.NewParameters(params.P(), params.Q(), params.G()); err != nil {
			t.Fatalf("%d: generated parameters fail pyca's checks: %v", bits, err)
		}
		k1, err := params.GenerateKey()
		if err != nil {
			t.Fatal(err)
		}
		k2, _ := params.GenerateKey()
		if k1.Public().Equal(k2.Public()) || !dsa.ParametersEqual(k1.Parameters(), k2.Public().Parameters()) {
			t.Fatalf("%d: keys of the same parameters", bits)
		}
		pub := k1.Public()
		if _, err := dsa.NewPrivateKey(pub.P(), pub.Q(), pub.G(), pub.Y(), k1.X()); err != nil {
			t.Fatalf("%d: generated key fails pyca's checks: %v", bits, err)
		}
		sig, err := k1.Sign([]byte("msg"), hash.SHA256, false)
		if err != nil || pub.Verify(sig, []byte("msg"), hash.SHA256, false) != nil {
			t.Fatalf("%d: sign/verify: %v", bits, err)
		}
	}
}
