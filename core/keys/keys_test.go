package keys

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/internal/pbe"
	"github.com/cryptogo/libcrypto-go/core/rsa"
)

// keysDir holds the key fixtures, core/testdata/keys (shared with the C,
// Python and stress tests, which name it from the repository root).
const keysDir = "../testdata/keys"

// keyCases is cases.json, written by testdata/keys/make_fixtures.py: inputs
// and pyca 50's verdict on each.
type keysCases struct {
	Passwords map[string]*string `json:"passwords"`
	Private   []struct {
		Name     string            `json:"name"`
		Encoding string            `json:"encoding"`
		File     string            `json:"file"`
		Data     string            `json:"data"`
		Expect   map[string]string `json:"expect"`
	} `json:"private"`
	Public []struct {
		Name     string `json:"name"`
		Encoding string `json:"encoding"`
		File     string `json:"file"`
		Data     string `json:"data"`
		Expect   string `json:"expect"`
	} `json:"public"`
}

func keysReadFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(keysDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func keysLoadCases(t *testing.T) *keysCases {
	t.Helper()
	var c keysCases
	if err := json.Unmarshal(keysReadFile(t, "cases.json"), &c); err != nil {
		t.Fatal(err)
	}
	return &c
}

func keysCaseData(t *testing.T, file, data string) []byte {
	t.Helper()
	if file != "" {
		return keysReadFile(t, file)
	}
	b, err := base64.StdEncoding.DecodeString(data)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func keysEncodingOf(s string) Encoding {
	if s == "der" {
		return EncodingDER
	}
	return EncodingPEM
}

// checkVerdict compares our result with pyca's verdict. pyca's exceptions
// map to our errors as the C ABI maps codes to exceptions.
func keysCheckVerdict(n []byte, err error, verdict string) error {
	if h, ok := strings.CutPrefix(verdict, "ok:"); ok {
		if err != nil {
			return fmt.Errorf("pyca loads it, we fail: %v", err)
		}
		if got := sha256.Sum256(n); hex.EncodeToString(got[:]) != h {
			return fmt.Errorf("loaded a different key")
		}
		return nil
	}
	want := map[string]error{
		"nonrsa":               core.ErrUnsupportedAlgorithm, // pyca returns an EC/Ed25519/DSA key
		"UnsupportedAlgorithm": core.ErrUnsupportedAlgorithm,
		"TypeError:required":   core.ErrPasswordRequired,
		"TypeError:unexpected": core.ErrPasswordUnexpected,
		"ValueError":           core.ErrBadKeyData,
		"PanicException":       core.ErrBadKeyData, // pyca 50 panics on an AES DEK-Info IV of 8..15 bytes
	}[verdict]
	if want == nil {
		return fmt.Errorf("unknown verdict %q", verdict)
	}
	if !errors.Is(err, want) {
		return fmt.Errorf("pyca: %s, we: %v (want %v)", verdict, err, want)
	}
	return nil
}

// TestKeysLoadPrivateAsPyca: every fixture (pyca- and openssl-written, other
// key types, mutated inputs) with every password gives pyca's verdict.
func TestKeysLoadPrivateAsPyca(t *testing.T) {
	c := keysLoadCases(t)
	total, agree := 0, 0
	for _, kc := range c.Private {
		data := keysCaseData(t, kc.File, kc.Data)
		for pname, verdict := range kc.Expect {
			var password []byte
			if p := c.Passwords[pname]; p != nil {
				password, _ = hex.DecodeString(*p)
				if password == nil {
					password = []byte{}
				}
			}
			total++
			key, err := LoadPrivateKey(data, password, keysEncodingOf(kc.Encoding))
			var n []byte
			if err == nil && verdict == "nonrsa" && TypeOf(key) != RSA && TypeOf(key) != UnknownKeyType {
				agree++ // pyca returns a key of another algorithm, and so do we
				continue
			}
			if err == nil {
				k, ok := key.(*rsa.PrivateKey)
				if !ok || TypeOf(key) != RSA {
					t.Fatalf("%s: LoadPrivateKey returned a %T (%v)", kc.Name, key, TypeOf(key))
				}
				n = k.Key().N.Bytes()
			}
			if e := keysCheckVerdict(n, err, verdict); e != nil {
				t.Errorf("%s (password %s): %v", kc.Name, pname, e)
				continue
			}
			agree++
		}
	}
	t.Logf("private key loading: %d/%d verdicts as pyca", agree, total)
}

func TestKeysLoadPublicAsPyca(t *testing.T) {
	c := keysLoadCases(t)
	agree := 0
	for _, kc := range c.Public {
		key, err := LoadPublicKey(keysCaseData(t, kc.File, kc.Data), keysEncodingOf(kc.Encoding))
		var n []byte
		if err == nil && kc.Expect == "nonrsa" && TypeOf(key) != RSA && TypeOf(key) != UnknownKeyType {
			agree++ // pyca returns a key of another algorithm, and so do we
			continue
		}
		if err == nil {
			k, ok := key.(*rsa.PublicKey)
			if !ok || TypeOf(key) != RSA {
				t.Fatalf("%s: LoadPublicKey returned a %T (%v)", kc.Name, key, TypeOf(key))
			}
			n = k.Key().N.Bytes()
		}
		if e := keysCheckVerdict(n, err, kc.Expect); e != nil {
			t.Errorf("%s: %v", kc.Name, e)
			continue
		}
		agree++
	}
	t.Logf("public key loading: %d/%d verdicts as pyca", agree, len(c.Public))
}

func keysFixtureKey(t testing.TB, name string) *rsa.PrivateKey {
	t.Helper()
	k, err := LoadRSAPrivateKey(keysReadFile(t, name+".pkcs1.der"), nil, EncodingDER)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// TestKeysConcurrent shares one key between goroutines (run with -race).
func TestKeysConcurrent(t *testing.T) {
	k := keysFixtureKey(t, "rsa1024e3")
	want, _ := PrivateBytes(k, EncodingDER, PrivateFormatPKCS8, nil)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 5 {
				got, err := PrivateBytes(k, EncodingDER, PrivateFormatPKCS8, nil)
				if err != nil || !bytes.Equal(got, want) {
					t.Errorf("goroutine %d: %v", i, err)
					return
				}
				if _, err := PrivateBytes(k, EncodingPEM, PrivateFormatTraditionalOpenSSL, []byte("pw")); err != nil {
					t.Error(err)
				}
				if _, err := PublicBytes(k.PublicKey(), EncodingPEM, PublicFormatSubjectPublicKeyInfo); err != nil {
					t.Error(err)
				}
				if _, err := LoadRSAPrivateKey(want, nil, EncodingDER); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
}

// FuzzKeysLoad: no input panics, and every failure is one of the documented
// kinds. The seeds are the fixtures; `go test` runs only them.
func FuzzKeysLoad(f *testing.F) {
	entries, err := os.ReadDir(keysDir)
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		if ext := filepath.Ext(e.Name()); ext == ".pem" || ext == ".der" {
			f.Add(keysReadFile(f, e.Name()), []byte("correct horse"), true)
		}
	}
	// Mutated iteration counts and scrypt costs would make most runs spend
	// seconds in key derivation, which is not what this fuzzes.
	oldIter, oldMem := pbe.MaxPBEIterations, pbe.MaxScryptMemory
	pbe.MaxPBEIterations, pbe.MaxScryptMemory = 5000, 1<<24
	f.Cleanup(func() { pbe.MaxPBEIterations, pbe.MaxScryptMemory = oldIter, oldMem })
	f.Fuzz(func(t *testing.T, data, password []byte, withPassword bool) {
		if !withPassword {
			password = nil
		}
		for _, enc := range []Encoding{EncodingPEM, EncodingDER} {
			_, err := LoadPrivateKey(data, password, enc)
			if err != nil && !errors.Is(err, core.ErrBadKeyData) && !errors.Is(err, core.ErrPasswordRequired) &&
				!errors.Is(err, core.ErrPasswordUnexpected) && !errors.Is(err, core.ErrUnsupportedAlgorithm) {
				t.Errorf("private, encoding %d: unexpected error kind %v", enc, err)
			}
			_, err = LoadPublicKey(data, enc)
			if err != nil && !errors.Is(err, core.ErrBadKeyData) && !errors.Is(err, core.ErrUnsupportedAlgorithm) &&
				!errors.Is(err, core.ErrInvalidArgument) {
				t.Errorf("public, encoding %d: unexpected error kind %v", enc, err)
			}
		}
	})
}
