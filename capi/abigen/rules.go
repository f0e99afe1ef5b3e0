package main

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// The Returns: list. Every export's doc comment ends with it, as its own
// paragraph, one item per line, in gofmt's list shape:
//
//	// Returns:
//	//   - CRYPTOGO_OK (*out_len = pt_len + 16)
//	//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = size needed)
//	//   - CRYPTOGO_ERR_INVALID_TAG for any authentication failure, including
//	//     ct_len < 16 (*out_len = 0)
//
// "Returns:" alone on its line after a blank //; each item "  - " then its
// text; a long item continues on lines indented by four spaces; no blank
// line inside the list, nothing after it (but directives), no trailing "."
// or ";". For an export returning a status (int), each item starts with one
// code of enum cryptogo_status, followed by when it is returned; CRYPTOGO_OK
// comes first; a code is listed once and no item names a second code. For an
// export returning a value (size_t, const char *), items describe the value
// and name no status code.

const (
	returnsHead  = "Returns:"
	itemPrefix   = "  - "
	contPrefix   = "    "
	statusReturn = "int"
)

var (
	statusCodeRe = regexp.MustCompile(`\bCRYPTOGO_(?:OK|ERR_[A-Z0-9_]+)\b`)
	itemCodeRe   = regexp.MustCompile(`^(CRYPTOGO_[A-Z0-9_]+)(?: (\S.*))?$`)
	cryptogoName = regexp.MustCompile(`\bCRYPTOGO_[A-Z0-9_]+\b`)
	listMarkerRe = regexp.MustCompile(`^([-*+]|\d+[.)]) `)
)

// Directives: //abigen:<name> on its own line in an export's doc comment.
const directivePrefix = "//abigen:"

// nodiscardRule names the exports whose status answers a security question
// about their input, so that ignoring it is a bug: the header marks them
// CRYPTOGO_NODISCARD (warn_unused_result / [[nodiscard]]).
//
//	*_decrypt*           AEAD, Fernet, RSA: the output means nothing unless CRYPTOGO_OK
//	*_verify*            HMAC, PBKDF2, RSA signatures: the status is the answer
//	*_recover*           RSA signature recovery: the output means nothing unless CRYPTOGO_OK
//	*_load               key bytes from outside: is it a valid key
//	*_from_numbers       key numbers from outside: is it a valid key
//	*_extract_timestamp  the timestamp of a token that did not authenticate means nothing
//	*_rotate             re-encrypts a token only if it authenticates
//
// An export outside the rule opts in with //abigen:nodiscard.
var nodiscardRule = regexp.MustCompile(`_(decrypt|verify|recover|load|from_numbers|extract_timestamp|rotate)(_|$)`)

// Size names: one style (issue 11). A size is "<noun>bytes" fused as in
// libsodium (cryptogo_aesgcm_tagbytes, cryptogo_hash_digestbytes), with
// _min/_max suffixes, and "_bits" for a key size in bits: no export is named
// *_size. An output length is "size_t *out_len"; an input that says how many
// bytes to produce is "out_bytes" (cryptogo_random_bytes), never an input
// named out_len, which reads as the output pointer of every other export.
var sizeNameRule = regexp.MustCompile(`_size$`)

const outLenParam = "out_len"

// checkNaming applies the size-name rules to fn's name and parameters.
func checkNaming(fn *function, line int, at func(int, string)) {
	if sizeNameRule.MatchString(fn.Name) {
		at(line, "a size function is named <noun>bytes, <noun>bytes_min/_max or <noun>_bits, not *_size")
	}
	for _, p := range fn.Params {
		if p.Name == outLenParam && !strings.HasSuffix(p.Type, "*") {
			at(line, "input parameter named out_len: out_len is the size_t * of an output; name a requested length out_bytes")
		}
	}
}

// applyRules checks fn's doc comment d against the ABI's doc rules and fills
// fn.Returns, fn.Header and fn.NoDiscard. Problems go to at(line, message).
func applyRules(fn *function, d doc, t typesInfo, at func(int, string)) {
	checkNaming(fn, d.exportLine, at)
	explicitNoDiscard := false
	seen := map[string]bool{}
	for _, dir := range d.directives {
		if seen[dir.text] {
			at(dir.line, "directive "+directivePrefix+dir.text+" given twice")
		}
		seen[dir.text] = true
		switch dir.text {
		case "bindings":
			fn.Header = bindingsHeader
		case "nodiscard":
			explicitNoDiscard = true
		default:
			at(dir.line, fmt.Sprintf("unknown directive %s%s (known: %sbindings, %snodiscard)",
				directivePrefix, dir.text, directivePrefix, directivePrefix))
		}
	}

	byRule := nodiscardRule.MatchString(fn.Name)
	if explicitNoDiscard && byRule {
		at(d.exportLine, directivePrefix+"nodiscard is redundant: the name rule already marks it")
	}
	fn.NoDiscard = byRule || explicitNoDiscard
	if fn.NoDiscard && fn.Return != statusReturn {
		at(d.exportLine, "CRYPTOGO_NODISCARD applies to exports returning a status only")
	}

	// CRYPTOGO_ names in the text; those of the Returns: list are checked
	// item by item in parseReturns.
	for _, l := range d.lines {
		if strings.HasPrefix(strings.TrimSpace(l.text), returnsHead) {
			break
		}
		checkNames(l.text, l.line, t, at)
	}
	fn.Returns = parseReturns(fn, d, t, at)
}

// checkNames reports the CRYPTOGO_ names of text that cryptogo_types.h does
// not define.
func checkNames(text string, line int, t typesInfo, at func(int, string)) {
	for _, n := range cryptogoName.FindAllString(text, -1) {
		if !t.names[n] {
			at(line, n+" is not defined in include/cryptogo_types.h")
		}
	}
}

// parseReturns reads the Returns: list at the end of d (see the shape above).
func parseReturns(fn *function, d doc, t typesInfo, at func(int, string)) []returnItem {
	r := -1
	for i, l := range d.lines {
		if strings.HasPrefix(strings.TrimSpace(l.text), returnsHead) {
			r = i
		}
	}
	if r < 0 {
		at(d.exportLine, `doc comment has no "Returns:" list`)
		return nil
	}
	head := d.lines[r]
	if head.text != returnsHead {
		at(head.line, `"Returns:" stands alone on its line, then one "//   - <item>" line per item`)
		return nil
	}
	if r == 0 || d.lines[r-1].text != "" {
		at(head.line, `"Returns:" starts a paragraph: a blank // line before it`)
	}
	status := fn.Return == statusReturn
	var items []returnItem
	var lines []int
	for _, l := range d.lines[r+1:] {
		switch {
		case strings.HasPrefix(l.text, itemPrefix) && !strings.HasPrefix(l.text, itemPrefix+" "):
			items = append(items, returnItem{Doc: strings.TrimSpace(strings.TrimPrefix(l.text, itemPrefix))})
			lines = append(lines, l.line)
		case len(items) > 0 && strings.HasPrefix(l.text, contPrefix) && !strings.HasPrefix(l.text, contPrefix+" "):
			if m := listMarkerRe.FindString(l.text[len(contPrefix):]); m != "" {
				at(l.line, fmt.Sprintf("a continuation line starting with %q reads as a new list item (gofmt): rewrap it", strings.TrimSpace(m)))
			}
			items[len(items)-1].Doc += " " + strings.TrimSpace(l.text)
		default:
			at(l.line, `inside the Returns: list, a line is an item "//   - <item>" or its continuation "//     <more>"`)
			return nil
		}
	}
	if len(items) == 0 {
		at(head.line, `empty Returns: list: one "//   - <item>" line per item`)
		return nil
	}
	codes := map[string]bool{}
	for i := range items {
		it, line := &items[i], lines[i]
		if strings.HasSuffix(it.Doc, ".") || strings.HasSuffix(it.Doc, ";") || strings.HasSuffix(it.Doc, ",") {
			at(line, fmt.Sprintf("Returns: item ends in %q: one item per line, no trailing punctuation", it.Doc[len(it.Doc)-1:]))
		}
		if !status {
			if c := statusCodeRe.FindString(it.Doc); c != "" {
				at(line, fmt.Sprintf("returns %s, not a status: its Returns: items describe the value and name no status code (%s)", fn.Return, c))
			} else {
				checkNames(it.Doc, line, t, at)
			}
			continue
		}
		m := itemCodeRe.FindStringSubmatch(it.Doc)
		if m == nil {
			at(line, "Returns: item does not start with a status code (CRYPTOGO_OK, CRYPTOGO_ERR_...)")
			continue
		}
		code := m[1]
		if _, ok := t.status[code]; !ok {
			at(line, code+" is not a code of enum cryptogo_status")
		}
		if codes[code] {
			at(line, code+" is listed twice: one line per code")
		}
		codes[code] = true
		if c := statusCodeRe.FindString(m[2]); c != "" {
			at(line, fmt.Sprintf("the %s item also names %s: one code per line", code, c))
		} else {
			checkNames(m[2], line, t, at)
		}
		if i == 0 && code != "CRYPTOGO_OK" {
			at(line, "the first Returns: item is CRYPTOGO_OK")
		}
		it.Code, it.Doc = code, m[2]
	}
	return items
}

// typesInfo is what abigen reads from include/cryptogo_types.h.
type typesInfo struct {
	enums   map[string]map[string]int
	status  map[string]int  // enum cryptogo_status
	macros  map[string]int  // numeric CRYPTOGO_* macros
	handles []string        // opaque handle types
	names   map[string]bool // every CRYPTOGO_* name it defines
}

var (
	enumRe    = regexp.MustCompile(`(?s)enum\s+(\w+)\s*\{(.*?)\}`)
	memberRe  = regexp.MustCompile(`(\w+)\s*=\s*(-?\d+)`)
	macroRe   = regexp.MustCompile(`(?m)^#define\s+(CRYPTOGO_\w+)\s+(-?\d+)`)
	anyDefRe  = regexp.MustCompile(`(?m)^\s*#\s*define\s+(CRYPTOGO_\w+)`)
	handleRe  = regexp.MustCompile(`typedef\s+struct\s+(cryptogo_\w+)\s+(\w+);`)
	commentRe = regexp.MustCompile(`(?s)/\*.*?\*/`)
)

// parseTypes reads the enums, macros and opaque handle types of the
// hand-written types header.
func parseTypes(h string) typesInfo {
	h = commentRe.ReplaceAllString(h, "")
	t := typesInfo{enums: map[string]map[string]int{}, macros: map[string]int{}, names: map[string]bool{}}
	for _, m := range enumRe.FindAllStringSubmatch(h, -1) {
		members := map[string]int{}
		for _, mm := range memberRe.FindAllStringSubmatch(m[2], -1) {
			v, _ := strconv.Atoi(mm[2])
			members[mm[1]] = v
			t.names[mm[1]] = true
		}
		t.enums[m[1]] = members
	}
	t.status = t.enums["cryptogo_status"]
	for _, m := range macroRe.FindAllStringSubmatch(h, -1) {
		v, _ := strconv.Atoi(m[2])
		t.macros[m[1]] = v
	}
	for _, m := range anyDefRe.FindAllStringSubmatch(h, -1) {
		t.names[m[1]] = true
	}
	for _, m := range handleRe.FindAllStringSubmatch(h, -1) {
		t.handles = append(t.handles, m[1])
	}
	return t
}
