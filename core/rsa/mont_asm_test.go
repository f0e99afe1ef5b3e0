//go:build amd64 && !purego

package rsa

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

var updateAsm = flag.Bool("update", false, "rewrite the generated regions of mont_amd64.s")

// TestRSAAsmUpToDate checks the generated regions of mont_amd64.s: each runs
// from a "// {{directive}}" line to the next "// {{end}}" line, and holds
// what the directive expands to. {{limbs N}} is N unrolled
// multiply-accumulate steps of the row kernel, {{kernels}} the fully
// unrolled kernels for the common modulus sizes, {{pick P SLOT}} the choice
// of kernel at the start of a row loop. With -update the regions are
// rewritten in place.
func TestRSAAsmUpToDate(t *testing.T) {
	have, err := os.ReadFile("mont_amd64.s")
	if err != nil {
		t.Fatal(err)
	}
	got := expandRSAAsm(string(have))
	if *updateAsm && got != string(have) {
		if err := os.WriteFile("mont_amd64.s", []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if got != string(have) {
		t.Fatal("mont_amd64.s has stale generated regions: go test -run RSAAsmUpToDate -update ./core/rsa")
	}
}

// rsaAsmSizes are the limb counts with unrolled kernels (1024- to 4096-bit
// moduli).
var rsaAsmSizes = []int{16, 32, 48, 64}

// expandRSAAsm returns src with every generated region regenerated.
func expandRSAAsm(src string) string {
	var out strings.Builder
	inRegion := false
	for _, line := range strings.SplitAfter(src, "\n") {
		d, hasPrefix := strings.CutPrefix(strings.TrimSpace(line), "// {{")
		d, hasSuffix := strings.CutSuffix(d, "}}")
		isMarker := hasPrefix && hasSuffix
		switch {
		case isMarker && d == "end":
			inRegion = false
		case inRegion:
			continue // replaced by the expansion written at the marker
		case isMarker:
			out.WriteString(line)
			out.WriteString(asmDirective(strings.Fields(d)))
			inRegion = true
			continue
		}
		out.WriteString(line)
	}
	return out.String()
}

// asmDirective expands one marker's directive.
func asmDirective(f []string) string {
	var out strings.Builder
	switch f[0] {
	case "limbs":
		n, _ := strconv.Atoi(f[1])
		out.WriteString(asmLimbs(n))
	case "kernels":
		for _, n := range rsaAsmSizes {
			fmt.Fprintf(&out, "// addMulRow%d is addMulRow for n = %d with BMI2+ADX, unrolled (BX unused).\n", n, n)
			fmt.Fprintf(&out, "TEXT ·addMulRow%d(SB), NOSPLIT, $0-0\n\tXORQ R9, R9 // clears CF and OF\n", n)
			out.WriteString(asmLimbs(n))
			out.WriteString("\tMOVQ  $0, AX\n\tADCXQ AX, R9\n\tADOXQ AX, R9\n\tRET\n\n")
		}
	case "pick":
		p := f[1]
		fmt.Fprintf(&out, "\tLEAQ ·addMulRow(SB), AX\n\tCMPB ·useADX(SB), $1\n\tJNE  %spicked\n", p)
		for _, n := range rsaAsmSizes {
			fmt.Fprintf(&out, "\tCMPQ R13, $%d\n\tJNE  %snot%d\n\tLEAQ ·addMulRow%d(SB), AX\n\tJMP  %spicked\n\n%snot%d:\n", n, p, n, n, p, p, n)
		}
		fmt.Fprintf(&out, "\n%spicked:\n\tMOVQ AX, %s(SP)\n", p, f[2])
	}
	return out.String()
}

// asmLimbs is n steps of the row kernel's body: limb j's product
// from MULX, the previous high word added on the CF chain, z[j] on the OF
// chain; the high words alternate between R10 and R9 (R9 holds the last).
func asmLimbs(n int) string {
	var b strings.Builder
	for j := range n {
		hi, prev := "R10", "R9"
		if j%2 == 1 {
			hi, prev = prev, hi
		}
		fmt.Fprintf(&b, "\tMULXQ %d(SI), R11, %s\n\tADCXQ %s, R11\n\tADOXQ %d(DI), R11\n\tMOVQ  R11, %d(DI)\n", 8*j, hi, prev, 8*j, 8*j)
	}
	return b.String()
}
