package main

import (
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const testTypes = `
enum cryptogo_status { CRYPTOGO_OK = 0, CRYPTOGO_ERR_INVALID_ARGUMENT = -2, CRYPTOGO_ERR_INVALID_TAG = -7 };
#define CRYPTOGO_X_BYTES 16
typedef struct cryptogo_aesgcm cryptogo_aesgcm;
`

// export wraps a doc comment (lines without "// ") around an export named
// name returning a status, or a size_t when sized is set.
func export(name string, sized bool, doc ...string) string {
	return exportWith(name, sized, "out *C.uint8_t, outBytes C.size_t", doc...)
}

// exportWith is export with the given Go parameter list.
func exportWith(name string, sized bool, params string, doc ...string) string {
	var b strings.Builder
	b.WriteString("package main\n\nimport \"C\"\n\n")
	for _, l := range doc {
		if strings.HasPrefix(l, "//") {
			b.WriteString(l + "\n")
		} else if l == "" {
			b.WriteString("//\n")
		} else {
			b.WriteString("// " + l + "\n")
		}
	}
	b.WriteString("//export " + name + "\n")
	if sized {
		b.WriteString("func " + name + "() C.size_t { return 16 }\n")
	} else {
		b.WriteString("func " + name + "(" + params + ") (rc C.int) {\n\tdefer guard(enter(&rc))\n\treturn 0\n}\n")
	}
	return b.String()
}

func parse(t *testing.T, src string) ([]function, error) {
	t.Helper()
	return exportsOf(token.NewFileSet(), "x.go", []byte(src), parseTypes(testTypes))
}

func TestRulesAccept(t *testing.T) {
	fs, err := parse(t, export("cryptogo_x_decrypt", false,
		"cryptogo_x_decrypt does x.",
		"",
		"Returns:",
		"  - CRYPTOGO_OK (*out_len = n)",
		"  - CRYPTOGO_ERR_INVALID_TAG for any authentication failure, including",
		"    a short input",
		"  - CRYPTOGO_ERR_INVALID_ARGUMENT",
		"",
		"//abigen:bindings"))
	if err != nil {
		t.Fatal(err)
	}
	f := fs[0]
	if !f.NoDiscard || f.Header != bindingsHeader || len(f.Returns) != 3 ||
		f.Returns[1].Code != "CRYPTOGO_ERR_INVALID_TAG" ||
		f.Returns[1].Doc != "for any authentication failure, including a short input" {
		t.Fatalf("parsed %+v", f)
	}
	fs, err = parse(t, export("cryptogo_x_bytes", true, "cryptogo_x_bytes returns CRYPTOGO_X_BYTES.", "", "Returns:", "  - 16"))
	if err != nil || fs[0].NoDiscard || fs[0].Returns[0].Doc != "16" || fs[0].Header != publicHeader {
		t.Fatalf("%v %+v", err, fs)
	}
}

// TestRulesNamingAccept: an output out_len (size_t *), out_bytes inputs and
// the size names of the style pass the naming rules.
func TestRulesNamingAccept(t *testing.T) {
	for _, src := range []string{
		exportWith("cryptogo_x_encrypt", false, "out *C.uint8_t, outCap C.size_t, outLen *C.size_t", "cryptogo_x_encrypt.", "", "Returns:", "  - CRYPTOGO_OK"),
		exportWith("cryptogo_x_key_bits", false, "outBits *C.size_t", "cryptogo_x_key_bits.", "", "Returns:", "  - CRYPTOGO_OK"),
		export("cryptogo_x_messagebytes_max", true, "cryptogo_x_messagebytes_max.", "", "Returns:", "  - 16"),
		export("cryptogo_x_sizes", true, "cryptogo_x_sizes.", "", "Returns:", "  - 16"),
	} {
		if _, err := parse(t, src); err != nil {
			t.Errorf("%v", err)
		}
	}
}

func TestRulesReject(t *testing.T) {
	for _, c := range []struct {
		name, src, want string
	}{
		{"prose list", export("cryptogo_x_new", false, "cryptogo_x_new.", "", "Returns: CRYPTOGO_OK; CRYPTOGO_ERR_INVALID_ARGUMENT."),
			`x.go:7: cryptogo_x_new: "Returns:" stands alone`},
		{"no returns", export("cryptogo_x_new", false, "cryptogo_x_new."),
			`x.go:6: cryptogo_x_new: doc comment has no "Returns:" list`},
		{"unknown code", export("cryptogo_x_new", false, "cryptogo_x_new.", "", "Returns:", "  - CRYPTOGO_OK", "  - CRYPTOGO_ERR_NOPE for x"),
			"x.go:9: cryptogo_x_new: CRYPTOGO_ERR_NOPE is not a code of enum cryptogo_status"},
		{"two codes on a line", export("cryptogo_x_new", false, "cryptogo_x_new.", "", "Returns:", "  - CRYPTOGO_OK", "  - CRYPTOGO_ERR_INVALID_TAG or CRYPTOGO_ERR_INVALID_ARGUMENT"),
			"one code per line"},
		{"OK first", export("cryptogo_x_new", false, "cryptogo_x_new.", "", "Returns:", "  - CRYPTOGO_ERR_INVALID_TAG", "  - CRYPTOGO_OK"),
			"the first Returns: item is CRYPTOGO_OK"},
		{"not a code", export("cryptogo_x_new", false, "cryptogo_x_new.", "", "Returns:", "  - CRYPTOGO_OK", "  - whatever"),
			"does not start with a status code"},
		{"trailing semicolon", export("cryptogo_x_new", false, "cryptogo_x_new.", "", "Returns:", "  - CRYPTOGO_OK;"),
			"no trailing punctuation"},
		{"blank inside", export("cryptogo_x_new", false, "cryptogo_x_new.", "", "Returns:", "  - CRYPTOGO_OK", "", "  - CRYPTOGO_ERR_INVALID_TAG"),
			"x.go:9: cryptogo_x_new: inside the Returns: list"},
		{"no blank before", export("cryptogo_x_new", false, "cryptogo_x_new.", "Returns:", "  - CRYPTOGO_OK"),
			"a blank // line before it"},
		{"bad continuation", export("cryptogo_x_new", false, "cryptogo_x_new.", "", "Returns:", "  - CRYPTOGO_OK when a", "    - b"),
			"reads as a new list item"},
		{"status in a value", export("cryptogo_x_bytes", true, "cryptogo_x_bytes.", "", "Returns:", "  - CRYPTOGO_OK"),
			"not a status"},
		{"undefined name", export("cryptogo_x_new", false, "cryptogo_x_new returns CRYPTOGO_X_BYTE.", "", "Returns:", "  - CRYPTOGO_OK"),
			"x.go:5: cryptogo_x_new: CRYPTOGO_X_BYTE is not defined"},
		{"unknown directive", export("cryptogo_x_new", false, "cryptogo_x_new.", "", "Returns:", "  - CRYPTOGO_OK", "", "//abigen:binding"),
			"unknown directive //abigen:binding"},
		{"redundant nodiscard", export("cryptogo_x_verify", false, "cryptogo_x_verify.", "", "Returns:", "  - CRYPTOGO_OK", "", "//abigen:nodiscard"),
			"redundant"},
		{"nodiscard on a value", export("cryptogo_x_bytes", true, "cryptogo_x_bytes.", "", "Returns:", "  - 16", "", "//abigen:nodiscard"),
			"status only"},
		{"size function named _size", export("cryptogo_x_tag_size", true, "cryptogo_x_tag_size.", "", "Returns:", "  - 16"),
			"x.go:9: cryptogo_x_tag_size: a size function is named <noun>bytes"},
		{"status export named _size", export("cryptogo_x_digest_size", false, "cryptogo_x_digest_size.", "", "Returns:", "  - CRYPTOGO_OK"),
			"not *_size"},
		{"input out_len", exportWith("cryptogo_x_fill", false, "out *C.uint8_t, outLen C.size_t", "cryptogo_x_fill.", "", "Returns:", "  - CRYPTOGO_OK"),
			"x.go:9: cryptogo_x_fill: input parameter named out_len"},
	} {
		_, err := parse(t, c.src)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error containing %q", c.name, err, c.want)
		}
	}
}

// TestNoDiscardRule pins which names the rule marks.
func TestNoDiscardRule(t *testing.T) {
	for name, want := range map[string]bool{
		"cryptogo_aesgcm_decrypt": true, "cryptogo_fernet_decrypt_at_time": true,
		"cryptogo_rsa_decrypt_oaep": true, "cryptogo_hmac_verify": true, "cryptogo_rsa_verify_pss": true,
		"cryptogo_pbkdf2_hmac_verify": true, "cryptogo_rsa_private_key_load": true,
		"cryptogo_rsa_public_key_from_numbers": true, "cryptogo_fernet_extract_timestamp": true,
		"cryptogo_multifernet_rotate": true, "cryptogo_rsa_recover_pkcs1v15": true, "cryptogo_private_key_load": true,
		"cryptogo_public_key_load": true, "cryptogo_private_key_dump": false, "cryptogo_fernet_key_canonicalize": false,
		"cryptogo_hash_digestbytes": false, "cryptogo_public_key_equal": false,
		"cryptogo_aesgcm_encrypt": false, "cryptogo_hmac_finalize": false, "cryptogo_rsa_private_key_dump": false,
		"cryptogo_rsa_generate": false, "cryptogo_hash_update": false, "cryptogo_aesgcm_free": false,
	} {
		if got := nodiscardRule.MatchString(name); got != want {
			t.Errorf("%s: nodiscard %v, want %v", name, got, want)
		}
	}
}

// TestGeneratedUpToDate is `go run ./capi/abigen -check` as a test.
func TestGeneratedUpToDate(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "include", "cryptogo_types.h")); err != nil {
		t.Skip("not in the repository")
	}
	if err := run(root, true); err != nil {
		t.Fatal(err)
	}
}
