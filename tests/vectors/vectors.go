// Package vectors locates and loads the external test vectors that every layer
// of libcrypto-go is tested against: Wycheproof and the Fernet specification's
// acceptance vectors. They are read where they lie (../shared by default) and
// never copied into the repository.
//
// Environment:
//
//	CRYPTOGO_SHARED           folder holding wycheproof/ and fernet-spec/ (default ../shared
//	                          from the repository root)
//	WYCHEPROOF_DIR            a Wycheproof checkout or its testvectors_v1 folder
//	FERNET_SPEC_DIR           a fernet/spec checkout
//	CRYPTOGO_REQUIRE_VECTORS  when 1, missing vectors fail the test instead of skipping
//
// Under -short (make check, and the -race pass of make test) the Wycheproof
// groups skip: the full run of make test covers them. The Fernet spec's few
// vectors always run.
//
// The decisions for Wycheproof's "acceptable" verdicts live in one policy file,
// tests/wycheproof_policy.json, read by every layer's tests.
package vectors

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
)

// RepoRoot is the repository root (found from this source file's location).
func RepoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

func sharedDir() string {
	if d := os.Getenv("CRYPTOGO_SHARED"); d != "" {
		return d
	}
	return filepath.Join(RepoRoot(), "..", "shared")
}

// WycheproofDir returns the folder holding Wycheproof's *_test.json files, or
// skips the test (fails it under CRYPTOGO_REQUIRE_VECTORS=1) when it is missing.
func WycheproofDir(tb testing.TB) string {
	tb.Helper()
	SkipShort(tb)
	candidates := []string{}
	if d := os.Getenv("WYCHEPROOF_DIR"); d != "" {
		candidates = append(candidates, filepath.Join(d, "testvectors_v1"), d)
	} else {
		candidates = append(candidates, filepath.Join(sharedDir(), "wycheproof"))
	}
	for _, d := range candidates {
		if m, _ := filepath.Glob(filepath.Join(d, "*_test.json")); len(m) > 0 {
			return d
		}
	}
	missing(tb, "Wycheproof vectors", candidates,
		"point WYCHEPROOF_DIR at a checkout of https://github.com/C2SP/wycheproof (or CRYPTOGO_SHARED at a folder with wycheproof/)")
	return ""
}

// FernetSpecDir returns the folder with the Fernet spec's generate.json,
// verify.json and invalid.json, or skips/fails like WycheproofDir.
func FernetSpecDir(tb testing.TB) string {
	d := os.Getenv("FERNET_SPEC_DIR")
	if d == "" {
		d = filepath.Join(sharedDir(), "fernet-spec")
	}
	if _, err := os.Stat(filepath.Join(d, "generate.json")); err == nil {
		return d
	}
	missing(tb, "Fernet spec vectors", []string{d},
		"point FERNET_SPEC_DIR at a checkout of https://github.com/fernet/spec")
	return ""
}

func missing(tb testing.TB, what string, looked []string, how string) {
	tb.Helper()
	msg := fmt.Sprintf("\n*** %s NOT FOUND (looked in %v) ***\n*** these tests are SKIPPED: %s ***\n", what, looked, how)
	if os.Getenv("CRYPTOGO_REQUIRE_VECTORS") == "1" {
		tb.Fatal(msg + "*** CRYPTOGO_REQUIRE_VECTORS=1: failing instead of skipping ***")
	}
	fmt.Fprint(os.Stderr, msg)
	tb.Skip(msg)
}

// File is a Wycheproof test file; groups are left raw for the caller's schema.
type File struct {
	Algorithm     string            `json:"algorithm"`
	Schema        string            `json:"schema"`
	NumberOfTests int               `json:"numberOfTests"`
	Notes         map[string]any    `json:"notes"`
	TestGroups    []json.RawMessage `json:"testGroups"`
}

// Load reads one Wycheproof file by name (for example "aes_gcm_test.json").
func Load(tb testing.TB, name string) *File {
	tb.Helper()
	SkipShort(tb)
	path := filepath.Join(WycheproofDir(tb), name)
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("reading %s: %v", path, err)
	}
	var f File
	if err := json.Unmarshal(data, &f); err != nil {
		tb.Fatalf("parsing %s: %v", path, err)
	}
	return &f
}

// SkipShort skips a Wycheproof vector group under -short.
func SkipShort(tb testing.TB) {
	tb.Helper()
	if testing.Short() {
		tb.Skip("Wycheproof vector group: skipped under -short (make test runs it)")
	}
}

// Policy holds the decision for every flag that Wycheproof marks
// "acceptable": whether libcrypto-go (following pyca) accepts such input.
type Policy struct {
	// Flags maps a flag to "valid" (we accept) or "invalid" (we reject).
	Flags map[string]string `json:"flags"`
	// Files overrides Flags for one file: file name -> flag -> decision.
	Files map[string]map[string]string `json:"files"`
	// APILimits: file -> the parameter sizes our API (like pyca) rejects.
	APILimits map[string]json.RawMessage `json:"api_limits"`
	// Unsupported: file -> the error every case must return, and why.
	Unsupported map[string]json.RawMessage `json:"unsupported"`
}

// HexBytes is a byte string written in hex in a vector file.
type HexBytes []byte

// UnmarshalJSON decodes a JSON string of hex digits.
func (h *HexBytes) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	var err error
	*h, err = hex.DecodeString(s)
	return err
}

var (
	policyMu sync.Mutex
	policy   *Policy
)

// LoadPolicy reads tests/wycheproof_policy.json.
func LoadPolicy(tb testing.TB) *Policy {
	tb.Helper()
	policyMu.Lock() // vector groups run in parallel
	defer policyMu.Unlock()
	if policy != nil {
		return policy
	}
	data, err := os.ReadFile(filepath.Join(RepoRoot(), "tests", "wycheproof_policy.json"))
	if err != nil {
		tb.Fatalf("reading the Wycheproof policy: %v", err)
	}
	var p Policy
	if err := json.Unmarshal(data, &p); err != nil {
		tb.Fatalf("parsing the Wycheproof policy: %v", err)
	}
	policy = &p
	return policy
}

// Expect returns whether a case must succeed ("valid") or fail ("invalid"). A
// case marked "acceptable" takes the decision recorded for its flags in the
// policy (file override first); an acceptable case whose flags have no
// decision fails the test, so every such verdict is a recorded choice.
func Expect(tb testing.TB, file, result string, flags []string) bool {
	tb.Helper()
	switch result {
	case "valid":
		return true
	case "invalid":
		return false
	}
	p := LoadPolicy(tb)
	for _, f := range flags {
		if d, ok := p.Files[file][f]; ok {
			return d == "valid"
		}
	}
	for _, f := range flags {
		if d, ok := p.Flags[f]; ok {
			return d == "valid"
		}
	}
	tb.Fatalf("%s: acceptable case with flags %v has no decision in tests/wycheproof_policy.json", file, flags)
	return false
}
