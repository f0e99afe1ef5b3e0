// Command abigen is the one source of truth for libcrypto-go's C ABI. It walks
// the //export functions of package capi with go/ast and writes:
//
//   - include/cryptogo.h: the public C header, with each export's doc comment;
//   - include/cryptogo_bindings.h: the entry points meant for language
//     bindings and leak tests only (it includes cryptogo.h);
//   - include/cryptogo_abi.json: every export of both headers (with the
//     header it belongs to), plus the status codes, enums and size macros of
//     include/cryptogo_types.h, for the bindings (Python's ctypes table,
//     Node's bridge) and the misuse-matrix test;
//   - capi/invoke_gen.go: the packed-call trampoline (see invoke.go);
//   - capi/abi_fingerprint_gen.go: the ABI fingerprint (see fingerprint.go),
//     also stored in cryptogo_abi.json, which the library returns from
//     cryptogo_abi_fingerprint and the bindings compare at load.
//
// It also enforces the ABI's rules (see rules.go), reporting file:line:
//   - every export's doc comment ends in a Returns: list, one item per line
//     (the shape is in rules.go); for an export returning a status each item
//     starts with one code of enum cryptogo_status, CRYPTOGO_OK first;
//   - every CRYPTOGO_ name a doc comment mentions exists in cryptogo_types.h;
//   - every export returning a status starts with `defer guard(enter(&rc))`;
//   - the //abigen: directives of a doc comment are known ones.
//
// Directives, on their own line at the end of an export's doc comment, next
// to //export (gofmt keeps directives there):
//
//	//abigen:bindings    declare it in cryptogo_bindings.h, not cryptogo.h
//	//abigen:nodiscard   mark it CRYPTOGO_NODISCARD although its name does
//	                     not match the nodiscard name rule (rules.go)
//
// Usage (from the repository root, or via go generate in capi):
//
//	go run ./capi/abigen [-check]
//
// With -check it writes nothing and exits 1 when the committed files differ.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

type param struct {
	Name string `json:"name"`
	Type string `json:"type"`
}

// returnItem is one line of an export's Returns: list: a status code and
// when it is returned (Code set), or for an export that returns a value, a
// description of the value (Code empty).
type returnItem struct {
	Code string `json:"code,omitempty"`
	Doc  string `json:"doc"`
}

type function struct {
	Name string `json:"name"`
	File string `json:"file"`
	// Header is the public header that declares the function:
	// "cryptogo.h", or "cryptogo_bindings.h" for //abigen:bindings exports.
	Header string `json:"header"`
	Doc    string `json:"doc"`
	Return string `json:"return"`
	// Returns is the doc comment's Returns: list, item by item.
	Returns []returnItem `json:"returns"`
	// NoDiscard is set when the header marks the function CRYPTOGO_NODISCARD
	// (its status answers a security question; see nodiscardRule).
	NoDiscard bool    `json:"nodiscard,omitempty"`
	Params    []param `json:"params"`
	// InvokeID is the function's number for cryptogo_invoke (1..n), 0 when
	// it cannot be called through it (it does not return a status).
	InvokeID int `json:"invoke_id,omitempty"`
	// goTypes are the parameters' Go type expressions (C.size_t, *C.cryptogo_in).
	goTypes []string
}

type abi struct {
	Comment   string                    `json:"comment"`
	Headers   []string                  `json:"headers"`
	Status    map[string]int            `json:"status"`
	Enums     map[string]map[string]int `json:"enums"`
	Macros    map[string]int            `json:"macros"`
	Handles   []string                  `json:"handles"`
	Functions []function                `json:"functions"`

	// Version is the library version (core.Version) this description was
	// generated with; Fingerprint is the SHA-256 of its canonical form
	// (fingerprint.go), which the library it describes returns from
	// cryptogo_abi_fingerprint.
	Version     string `json:"version"`
	Fingerprint string `json:"fingerprint"`
}

// The generated headers.
const (
	publicHeader   = "cryptogo.h"
	bindingsHeader = "cryptogo_bindings.h"
)

func main() {
	check := flag.Bool("check", false, "fail if generated files differ from the committed ones")
	root := flag.String("root", ".", "repository root")
	flag.Parse()
	if err := run(*root, *check); err != nil {
		fmt.Fprintln(os.Stderr, "abigen:", err)
		os.Exit(1)
	}
}

func run(root string, check bool) error {
	typesH, err := os.ReadFile(filepath.Join(root, "include", "cryptogo_types.h"))
	if err != nil {
		return err
	}
	t := parseTypes(string(typesH))
	funcs, err := exports(filepath.Join(root, "capi"), t)
	if err != nil {
		return err
	}
	// The trampoline is generated from the other exports, then parsed like
	// them so that its own declaration (and the rules) reach the header.
	invokeSrc, err := invokeSource(funcs)
	if err != nil {
		return err
	}
	invokeFuncs, err := exportsOf(token.NewFileSet(), invokeFile, invokeSrc, t)
	if err != nil {
		return err
	}
	funcs = append(funcs, invokeFuncs...)
	sort.SliceStable(funcs, func(i, j int) bool { return funcs[i].File < funcs[j].File })
	a := abi{
		Comment:   "Generated by capi/abigen from capi/*.go and include/cryptogo_types.h. DO NOT EDIT.",
		Headers:   []string{publicHeader, bindingsHeader},
		Enums:     t.enums,
		Macros:    t.macros,
		Handles:   t.handles,
		Functions: funcs,
	}
	a.Status = a.Enums["cryptogo_status"]
	if a.Version, err = libraryVersion(root); err != nil {
		return err
	}
	a.Fingerprint = fingerprint(&a)
	fpSrc, err := fingerprintSource(a.Fingerprint)
	if err != nil {
		return err
	}
	js, err := json.MarshalIndent(a, "", "  ")
	if err != nil {
		return err
	}
	js = append(js, '\n')
	outputs := map[string][]byte{
		filepath.Join(root, "include", publicHeader):        publicHeaderText(funcs),
		filepath.Join(root, "include", bindingsHeader):      bindingsHeaderText(funcs),
		filepath.Join(root, "include", "cryptogo_abi.json"): js,
		filepath.Join(root, "capi", invokeFile):             invokeSrc,
		filepath.Join(root, "capi", fingerprintFile):        fpSrc,
	}
	var stale []string
	for path, data := range outputs {
		old, _ := os.ReadFile(path)
		if bytes.Equal(old, data) {
			continue
		}
		if check {
			stale = append(stale, path)
			continue
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return err
		}
	}
	if len(stale) > 0 {
		sort.Strings(stale)
		return fmt.Errorf("stale generated files (run `make header`): %s", strings.Join(stale, ", "))
	}
	return nil
}

// exports parses every non-test Go file of dir (except the generated
// trampoline) and returns its //export functions, in file order then source
// order.
func exports(dir string, t typesInfo) ([]function, error) {
	fset := token.NewFileSet()
	paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	var funcs []function
	var problems []string
	for _, path := range paths {
		if strings.HasSuffix(path, "_test.go") || filepath.Base(path) == invokeFile || filepath.Base(path) == fingerprintFile {
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		fs, err := exportsOf(fset, filepath.Base(path), src, t)
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		funcs = append(funcs, fs...)
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("ABI rule violations:\n%s", strings.Join(problems, "\n"))
	}
	return funcs, nil
}

// exportsOf returns the //export functions of one Go source file, checking
// the ABI rules. Problems are reported as capi/<file>:<line>: <name>: ....
func exportsOf(fset *token.FileSet, base string, src []byte, t typesInfo) ([]function, error) {
	f, err := parser.ParseFile(fset, filepath.Join("capi", base), src, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	var funcs []function
	var problems []string
	for _, decl := range f.Decls {
		fd, ok := decl.(*ast.FuncDecl)
		if !ok || fd.Doc == nil {
			continue
		}
		d := splitDoc(fset, fd.Doc)
		if d.name == "" {
			continue
		}
		at := func(line int, msg string) {
			problems = append(problems, fmt.Sprintf("  %s:%d: %s: %s", filepath.Join("capi", base), line, d.name, msg))
		}
		if d.name != fd.Name.Name {
			at(d.exportLine, "//export name differs from the Go name")
		}
		fn := function{Name: d.name, File: base, Doc: d.text(), Return: "void", Header: publicHeader}
		for _, field := range fd.Type.Params.List {
			ct, err := cType(field.Type)
			if err != nil {
				at(fset.Position(field.Pos()).Line, err.Error())
				continue
			}
			for _, n := range field.Names {
				fn.Params = append(fn.Params, param{Name: snake(n.Name), Type: ct})
				fn.goTypes = append(fn.goTypes, types.ExprString(field.Type))
			}
		}
		if res := fd.Type.Results; res != nil && len(res.List) > 0 {
			if len(res.List) != 1 || len(res.List[0].Names) > 1 {
				at(fset.Position(res.Pos()).Line, "exports return at most one value")
				continue
			}
			ct, err := cType(res.List[0].Type)
			if err != nil {
				at(fset.Position(res.Pos()).Line, err.Error())
			}
			fn.Return = ct
			if ct == "int" && !hasGuard(fd) {
				at(fset.Position(fd.Pos()).Line, "returns a status but does not start with `defer guard(enter(&rc))`")
			}
		}
		applyRules(&fn, d, t, at)
		funcs = append(funcs, fn)
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(problems, "\n"))
	}
	return funcs, nil
}

// docLine is one line of a doc comment, without its "// " prefix, and the
// source line it is on.
type docLine struct {
	text string
	line int
}

// doc is an export's doc comment split into its parts.
type doc struct {
	name       string    // from //export
	exportLine int       // line of //export
	lines      []docLine // the doc text, trailing blank lines removed
	directives []docLine // //abigen:<directive> lines, text = "<directive>"
}

func (d doc) text() string {
	var ls []string
	for _, l := range d.lines {
		ls = append(ls, l.text)
	}
	return strings.Join(ls, "\n")
}

// splitDoc separates the //export and //abigen: directives from the doc text.
func splitDoc(fset *token.FileSet, cg *ast.CommentGroup) doc {
	var d doc
	for _, c := range cg.List {
		t := c.Text
		line := fset.Position(c.Pos()).Line
		switch {
		case strings.HasPrefix(t, "//export "):
			d.name = strings.TrimSpace(strings.TrimPrefix(t, "//export "))
			d.exportLine = line
			continue
		case strings.HasPrefix(t, directivePrefix):
			d.directives = append(d.directives, docLine{strings.TrimSpace(strings.TrimPrefix(t, directivePrefix)), line})
			continue
		}
		t = strings.TrimPrefix(t, "//")
		t = strings.TrimPrefix(t, " ")
		d.lines = append(d.lines, docLine{t, line})
	}
	for len(d.lines) > 0 && strings.TrimSpace(d.lines[len(d.lines)-1].text) == "" {
		d.lines = d.lines[:len(d.lines)-1]
	}
	return d
}

// hasGuard reports whether fd starts with `defer guard(enter(&<named result>))`.
func hasGuard(fd *ast.FuncDecl) bool {
	res := fd.Type.Results.List[0]
	if len(res.Names) != 1 || fd.Body == nil || len(fd.Body.List) == 0 {
		return false
	}
	d, ok := fd.Body.List[0].(*ast.DeferStmt)
	if !ok {
		return false
	}
	arg, ok := call(d.Call, "guard")
	if !ok {
		return false
	}
	inner, ok := arg.(*ast.CallExpr)
	if !ok {
		return false
	}
	arg, ok = call(inner, "enter")
	if !ok {
		return false
	}
	u, ok := arg.(*ast.UnaryExpr)
	if !ok || u.Op != token.AND {
		return false
	}
	id, ok := u.X.(*ast.Ident)
	return ok && id.Name == res.Names[0].Name
}

// call returns the single argument of a call to the function named name.
func call(c *ast.CallExpr, name string) (ast.Expr, bool) {
	id, ok := c.Fun.(*ast.Ident)
	if !ok || id.Name != name || len(c.Args) != 1 {
		return nil, false
	}
	return c.Args[0], true
}

var cScalars = map[string]string{
	"int": "int", "uint": "unsigned int", "size_t": "size_t", "char": "char",
	"int8_t": "int8_t", "uint8_t": "uint8_t", "int16_t": "int16_t", "uint16_t": "uint16_t",
	"int32_t": "int32_t", "uint32_t": "uint32_t", "int64_t": "int64_t", "uint64_t": "uint64_t",
	"double":      "double",
	"cryptogo_in": "const uint8_t", "cryptogo_cchar": "const char",
	"cryptogo_const_private_key": "const cryptogo_private_key",
	"cryptogo_const_public_key":  "const cryptogo_public_key",
}

// cType renders a cgo type expression (C.size_t, *C.cryptogo_in, **C.cryptogo_hash)
// as C source.
func cType(e ast.Expr) (string, error) {
	switch t := e.(type) {
	case *ast.StarExpr:
		inner, err := cType(t.X)
		if err != nil {
			return "", err
		}
		if strings.HasSuffix(inner, "*") {
			return inner + "*", nil
		}
		return inner + " *", nil
	case *ast.SelectorExpr:
		if pkg, ok := t.X.(*ast.Ident); ok && pkg.Name == "C" {
			if s, ok := cScalars[t.Sel.Name]; ok {
				return s, nil
			}
			if strings.HasPrefix(t.Sel.Name, "cryptogo_") {
				return t.Sel.Name, nil
			}
			//lint:ignore ST1005 "C" is the name of the language, not a capitalized word
			return "", fmt.Errorf("C type C.%s is not in abigen's table", t.Sel.Name)
		}
		if pkg, ok := t.X.(*ast.Ident); ok && pkg.Name == "unsafe" && t.Sel.Name == "Pointer" {
			return "void *", nil
		}
	}
	return "", fmt.Errorf("parameter type %T is not a C type", e)
}

var camel = regexp.MustCompile(`([a-z0-9])([A-Z])`)

func snake(s string) string { return strings.ToLower(camel.ReplaceAllString(s, "${1}_${2}")) }
