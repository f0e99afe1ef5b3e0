package rsa

import (
	stdrsa "crypto/rsa"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/hash"
	"github.com/cryptogo/libcrypto-go/tests/vectors"
)

// TestWycheproofRSA runs every rsa_*_test.json file of Wycheproof through
// core: OAEP and PKCS #1 v1.5 decryption (two- and three-prime keys), PSS
// verification (with and without parameters in the key), PKCS #1 v1.5
// verification and PKCS #1 v1.5 signature generation. A file that the test
// does not know fails the test, so new files cannot be skipped silently.
// Files listed under "unsupported" in tests/wycheproof_policy.json must be
// refused with the recorded error for every case; they are counted and
// printed as unsupported.
func TestWycheproofRSA(t *testing.T) {
	dir := vectors.WycheproofDir(t)
	files, err := filepath.Glob(filepath.Join(dir, "rsa_*_test.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no rsa_*_test.json in %s: %v", dir, err)
	}
	unsupported := rsaUnsupportedPolicy(t)
	var (
		mu                                sync.Mutex // the files run in parallel
		total, unexpected, unsup, skipped int
	)
	// The group returns once every parallel file has finished.
	t.Run("files", func(t *testing.T) {
		for _, path := range files {
			name := filepath.Base(path)
			t.Run(strings.TrimSuffix(name, ".json"), func(t *testing.T) {
				t.Parallel()
				f := vectors.Load(t, name)
				c := &wpCounter{file: name, extra: map[string]int{}}
				if u, ok := unsupported[name]; ok {
					c.unsupportedErr = u
				}
				switch f.Schema {
				case "rsaes_oaep_decrypt_schema_v1.json":
					wycheproofRSADecrypt(t, f, c, true)
				case "rsaes_pkcs1_decrypt_schema_v1.json":
					wycheproofRSADecrypt(t, f, c, false)
				case "rsassa_pss_verify_schema_v1.json", "rsassa_pss_with_parameters_verify_schema.json":
					wycheproofRSAPSS(t, f, c)
				case "rsassa_pkcs1_verify_schema_v1.json":
					wycheproofRSAPKCS1Verify(t, f, c)
				case "rsassa_pkcs1_generate_schema_v1.json":
					wycheproofRSAPKCS1Sign(t, f, c)
				default:
					t.Fatalf("%s: unknown schema %q", name, f.Schema)
				}
				if c.total != f.NumberOfTests {
					t.Errorf("%s: ran %d cases, file declares %d", name, c.total, f.NumberOfTests)
				}
				t.Log(c.String())
				mu.Lock()
				defer mu.Unlock()
				total += c.total
				unexpected += c.total - c.ok - c.skipped
				unsup += c.unsupported
				skipped += c.skipped
			})
		}
	})
	t.Logf("RSA Wycheproof: %d files, %d cases, %d unexpected verdicts, %d unsupported (SHAKE PSS), %d skipped (-short)",
		len(files), total, unexpected, unsup, skipped)
}

// wpCounter counts the verdicts of one file.
type wpCounter struct {
	file           string
	total, ok      int
	unsupported    int
	skipped        int   // -short: decryptions with keys over 4096 bits
	unsupportedErr error // non-nil: every case must return this error
	extra          map[string]int
}

func (c *wpCounter) String() string {
	s := fmt.Sprintf("%s: %d/%d as expected (%d unsupported)", c.file, c.ok, c.total, c.unsupported)
	if c.skipped > 0 {
		s += fmt.Sprintf(" (%d SKIPPED under -short: private-key operations with keys over 4096 bits)", c.skipped)
	}
	if len(c.extra) > 0 {
		keys := make([]string, 0, len(c.extra))
		for k := range c.extra {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = fmt.Sprintf("%s %d", k, c.extra[k])
		}
		s += " [" + strings.Join(parts, ", ") + "]"
	}
	return s
}

// wpTest is the union of the test-case fields of the RSA schemas.
type wpTest struct {
	TcID    int      `json:"tcId"`
	Comment string   `json:"comment"`
	Flags   []string `json:"flags"`
	Msg     string   `json:"msg"`
	Ct      string   `json:"ct"`
	Label   string   `json:"label"`
	Sig     string   `json:"sig"`
	Result  string   `json:"result"`
}

type wpRSAPrivate struct {
	Modulus         string          `json:"modulus"`
	PublicExponent  string          `json:"publicExponent"`
	PrivateExponent string          `json:"privateExponent"`
	Prime1          string          `json:"prime1"`
	Prime2          string          `json:"prime2"`
	Exponent1       string          `json:"exponent1"`
	Exponent2       string          `json:"exponent2"`
	Coefficient     string          `json:"coefficient"`
	OtherPrimeInfos json.RawMessage `json:"otherPrimeInfos"`
}

// wpGroup is the union of the group fields of the RSA schemas.
type wpGroup struct {
	Type            string       `json:"type"`
	KeySize         int          `json:"keySize"`
	Sha             string       `json:"sha"`
	Mgf             string       `json:"mgf"`
	MgfSha          string       `json:"mgfSha"`
	SLen            int          `json:"sLen"`
	PrivateKey      wpRSAPrivate `json:"privateKey"`
	PrivateKeyPkcs8 string       `json:"privateKeyPkcs8"`
	PublicKey       struct {
		Modulus        string `json:"modulus"`
		PublicExponent string `json:"publicExponent"`
	} `json:"publicKey"`
	Tests []wpTest `json:"tests"`
}

func wpGroups(t *testing.T, f *vectors.File) []wpGroup {
	t.Helper()
	out := make([]wpGroup, len(f.TestGroups))
	for i, raw := range f.TestGroups {
		if err := json.Unmarshal(raw, &out[i]); err != nil {
			t.Fatalf("group %d: %v", i, err)
		}
	}
	return out
}

func wpHex(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatalf("bad hex %q: %v", s, err)
	}
	return b
}

// wpHash maps a Wycheproof hash name to a hash.Algorithm.
func wpHash(t *testing.T, name string) hash.Algorithm {
	t.Helper()
	m := map[string]hash.Algorithm{
		"SHA-1": hash.SHA1, "SHA-224": hash.SHA224, "SHA-256": hash.SHA256, "SHA-384": hash.SHA384, "SHA-512": hash.SHA512,
		"SHA-512/224": hash.SHA512_224, "SHA-512/256": hash.SHA512_256, "SHA3-224": hash.SHA3_224, "SHA3-256": hash.SHA3_256,
		"SHA3-384": hash.SHA3_384, "SHA3-512": hash.SHA3_512, "SHAKE128": hash.SHAKE128, "SHAKE256": hash.SHAKE256, "MD5": hash.MD5,
	}
	h, ok := m[name]
	if !ok {
		t.Fatalf("unknown hash %q", name)
	}
	return h
}

// rsaUnsupportedPolicy reads the "unsupported" section of
// tests/wycheproof_policy.json: file -> the error every case must return.
func rsaUnsupportedPolicy(t *testing.T) map[string]error {
	t.Helper()
	p := vectors.LoadPolicy(t)
	out := map[string]error{}
	for file, raw := range p.Unsupported {
		if file == "comment" {
			continue
		}
		var e struct{ Error, Why string }
		if err := json.Unmarshal(raw, &e); err != nil || e.Why == "" {
			t.Fatalf("tests/wycheproof_policy.json: unsupported[%q] malformed: %v", file, err)
		}
		switch e.Error {
		case "UnsupportedAlgorithm":
			out[file] = core.ErrUnsupportedAlgorithm
		case "ValueError":
			out[file] = core.ErrInvalidArgument
		default:
			t.Fatalf("tests/wycheproof_policy.json: unsupported[%q]: unknown error %q", file, e.Error)
		}
	}
	return out
}

// verdict records one case: err is the operation's error, got whether the
// output matched (for operations with an output).
func (c *wpCounter) verdict(t *testing.T, tc wpTest, want bool, err error, outputOK bool, invalidErrs ...error) {
	t.Helper()
	c.total++
	if c.unsupportedErr != nil {
		if errors.Is(err, c.unsupportedErr) {
			c.ok++
			c.unsupported++
		} else {
			t.Errorf("%s tcId %d: want %v (unsupported), got %v", c.file, tc.TcID, c.unsupportedErr, err)
		}
		return
	}
	switch {
	case want && err == nil && outputOK:
		c.ok++
		c.extra["valid accepted"]++
	case want:
		t.Errorf("%s tcId %d (%s, %v): want success, got err=%v outputOK=%v", c.file, tc.TcID, tc.Comment, tc.Flags, err, outputOK)
	case err == nil:
		t.Errorf("%s tcId %d (%s, %v): want failure, got success", c.file, tc.TcID, tc.Comment, tc.Flags)
	default:
		for _, e := range invalidErrs {
			if errors.Is(err, e) {
				c.ok++
				c.extra["invalid rejected with "+errName(e)]++
				return
			}
		}
		t.Errorf("%s tcId %d (%s): failed with unexpected error kind: %v", c.file, tc.TcID, tc.Comment, err)
	}
}

func errName(e error) string {
	switch e {
	case core.ErrDecryption:
		return "core.ErrDecryption"
	case core.ErrInvalidArgument:
		return "core.ErrInvalidArgument"
	case core.ErrInvalidSignature:
		return "core.ErrInvalidSignature"
	}
	return e.Error()
}

// wpPrivateKey builds the group's private key: from its numbers through
// NewPrivateKeyFromNumbers for two-prime keys (and checks it equals the
// PKCS #8 encoding's), from the PKCS #8 DER (crypto/x509, then
// NewPrivateKey) for multi-prime keys and for groups that give no primes.
func wpPrivateKey(t *testing.T, g *wpGroup, c *wpCounter) *PrivateKey {
	t.Helper()
	der := wpHex(t, g.PrivateKeyPkcs8)
	parsed, err := x509.ParsePKCS8PrivateKey(der)
	if err != nil {
		t.Fatalf("%s: PKCS #8 key: %v", c.file, err)
	}
	std, ok := parsed.(*stdrsa.PrivateKey)
	if !ok {
		t.Fatalf("%s: PKCS #8 key is %T", c.file, parsed)
	}
	pk := g.PrivateKey
	multi := len(pk.OtherPrimeInfos) > 0 && string(pk.OtherPrimeInfos) != "null" && string(pk.OtherPrimeInfos) != "[]"
	if multi != (len(std.Primes) > 2) {
		t.Fatalf("%s: otherPrimeInfos disagrees with the PKCS #8 key (%d primes)", c.file, len(std.Primes))
	}
	if multi || pk.Prime1 == "" {
		k, err := NewPrivateKey(std)
		if err != nil {
			t.Fatalf("%s: NewPrivateKey: %v", c.file, err)
		}
		if multi {
			c.extra["keys with 3 primes (PKCS #8)"]++
		} else {
			c.extra["keys from PKCS #8 (no primes in JSON)"]++
		}
		return k
	}
	k, err := NewPrivateKeyFromNumbers(wpHex(t, pk.Modulus), wpHex(t, pk.PublicExponent),
		wpHex(t, pk.PrivateExponent), wpHex(t, pk.Prime1), wpHex(t, pk.Prime2),
		wpHex(t, pk.Exponent1), wpHex(t, pk.Exponent2), wpHex(t, pk.Coefficient))
	if err != nil {
		t.Fatalf("%s: NewPrivateKeyFromNumbers: %v", c.file, err)
	}
	if !k.Key().Equal(std) {
		t.Fatalf("%s: key from numbers differs from the PKCS #8 key", c.file)
	}
	return k
}

func wycheproofRSADecrypt(t *testing.T, f *vectors.File, c *wpCounter, oaep bool) {
	for _, g := range wpGroups(t, f) {
		if testing.Short() && g.KeySize > 4096 {
			// crypto/rsa's 8192-bit decryption costs ~0.1 s per case here.
			c.total += len(g.Tests)
			c.skipped += len(g.Tests)
			continue
		}
		k := wpPrivateKey(t, &g, c)
		var h, m hash.Algorithm
		if oaep {
			if g.Mgf != "MGF1" {
				t.Fatalf("%s: mgf %q", c.file, g.Mgf)
			}
			h, m = wpHash(t, g.Sha), wpHash(t, g.MgfSha)
		}
		for _, tc := range g.Tests {
			want := vectors.Expect(t, c.file, tc.Result, tc.Flags)
			ct := wpHex(t, tc.Ct)
			var pt []byte
			var err error
			if oaep {
				pt, err = k.DecryptOAEP(ct, wpHex(t, tc.Label), h, m)
			} else {
				pt, err = k.DecryptPKCS1v15(ct)
			}
			outputOK := err == nil && hex.EncodeToString(pt) == tc.Msg
			// A ciphertext of the wrong length is pyca's ValueError
			// ("Ciphertext length must be equal to key size."); any other
			// failure is the uniform decryption error.
			lengthErr := core.ErrDecryption
			if len(ct) != k.Size() {
				lengthErr = core.ErrInvalidArgument
			}
			c.verdict(t, tc, want, err, outputOK, lengthErr)
		}
	}
}

func wycheproofRSAPSS(t *testing.T, f *vectors.File, c *wpCounter) {
	for _, g := range wpGroups(t, f) {
		pub, err := NewPublicKeyFromNumbers(wpHex(t, g.PublicKey.Modulus), wpHex(t, g.PublicKey.PublicExponent))
		if err != nil {
			t.Fatalf("%s: public key: %v", c.file, err)
		}
		if pub.KeySize() != g.KeySize {
			t.Fatalf("%s: key size %d, group says %d", c.file, pub.KeySize(), g.KeySize)
		}
		h := wpHash(t, g.Sha)
		var m hash.Algorithm
		switch g.Mgf {
		case "MGF1":
			m = wpHash(t, g.MgfSha)
		case "SHAKE128", "SHAKE256":
			// RFC 8702: SHAKE as the mask function. Not expressible: pass the
			// SHAKE as both hashes, which the API refuses.
			m = wpHash(t, g.Mgf)
			if c.unsupportedErr == nil {
				t.Fatalf("%s: mask function %s without an 'unsupported' policy", c.file, g.Mgf)
			}
		default:
			t.Fatalf("%s: unknown mgf %q", c.file, g.Mgf)
		}
		for _, tc := range g.Tests {
			want := vectors.Expect(t, c.file, tc.Result, tc.Flags)
			err := pub.VerifyPSS(wpHex(t, tc.Sig), wpHex(t, tc.Msg), g.SLen, h, m, false)
			c.verdict(t, tc, want, err, true, core.ErrInvalidSignature)
			// The same case with pyca's AUTO salt length and prehashed: a
			// valid signature must still verify.
			if want && c.unsupportedErr == nil {
				d := sha(h, wpHex(t, tc.Msg))
				if err := pub.VerifyPSS(wpHex(t, tc.Sig), d, PSSSaltAuto, h, m, true); err != nil {
					t.Errorf("%s tcId %d: AUTO salt, prehashed: %v", c.file, tc.TcID, err)
				}
			}
		}
	}
}

func wycheproofRSAPKCS1Verify(t *testing.T, f *vectors.File, c *wpCounter) {
	for _, g := range wpGroups(t, f) {
		pub, err := NewPublicKeyFromNumbers(wpHex(t, g.PublicKey.Modulus), wpHex(t, g.PublicKey.PublicExponent))
		if err != nil {
			t.Fatalf("%s: public key: %v", c.file, err)
		}
		h := wpHash(t, g.Sha)
		for _, tc := range g.Tests {
			want := vectors.Expect(t, c.file, tc.Result, tc.Flags)
			err := pub.VerifyPKCS1v15(wpHex(t, tc.Sig), wpHex(t, tc.Msg), h, false)
			c.verdict(t, tc, want, err, true, core.ErrInvalidSignature)
		}
	}
}

func wycheproofRSAPKCS1Sign(t *testing.T, f *vectors.File, c *wpCounter) {
	for _, g := range wpGroups(t, f) {
		k := wpPrivateKey(t, &g, c)
		pub, err := NewPublicKeyFromNumbers(wpHex(t, g.PrivateKey.Modulus), wpHex(t, g.PrivateKey.PublicExponent))
		if err != nil {
			t.Fatal(err)
		}
		h := wpHash(t, g.Sha)
		for _, tc := range g.Tests {
			want := vectors.Expect(t, c.file, tc.Result, tc.Flags)
			sig, err := k.SignPKCS1v15(wpHex(t, tc.Msg), h, false)
			outputOK := err == nil && hex.EncodeToString(sig) == tc.Sig
			if outputOK {
				if verr := pub.VerifyPKCS1v15(sig, wpHex(t, tc.Msg), h, false); verr != nil {
					t.Errorf("%s tcId %d: our signature does not verify: %v", c.file, tc.TcID, verr)
				}
			}
			c.verdict(t, tc, want, err, outputOK, core.ErrInvalidArgument)
		}
	}
}
