//go:build amd64 && !purego

package rsa

// The Montgomery arithmetic of publicOp has its inner loops in assembly
// (mont_amd64.s): a multiply-accumulate row kernel (MULX with two carry
// chains, ADCX and ADOX, when the CPU has BMI2 and ADX, else MULQ) and the
// row loops of montModulus.mul and .sqr around it, so that no Go call is
// made per row. mont_noasm.go has the same functions in Go.

// addMulVVW sets z[0:len(x)] += x·y and returns the carry word (z and x are
// little-endian limbs; len(z) >= len(x)).
//
//go:noescape
func addMulVVW(z, x []uint, y uint) (c uint)

// montMulRows runs the rows of word-by-word Montgomery multiplication over
// t (2n limbs, zero): x·y + m·Y with Y chosen per row so that the low n limbs
// of t vanish; the result is t[n:] plus the returned carry bit times R.
// len(x) = len(y) = len(m) = n.
//
//go:noescape
func montMulRows(t, x, y, m []uint, m0inv uint) (c uint)

// sqrTriangle adds to t (2·len(x) limbs, zero) the products x[i]·x[j] for
// i < j, each once.
//
//go:noescape
func sqrTriangle(t, x []uint)

// montRedRows runs Montgomery reduction over t (2n limbs, n = len(m)): it
// adds m·Y so that the low n limbs vanish; the result is t[n:] plus the
// returned carry bit times R.
//
//go:noescape
func montRedRows(t, m []uint, m0inv uint) (c uint)

// sqrDiagADX is sqrDiag for CPUs with BMI2 and ADX; len(x) >= 1.
//
//go:noescape
func sqrDiagADX(t, x []uint)

// sqrDiag sets t = 2·t + Σ x[i]²·2^(2·W·i) (t holding the off-diagonal
// products of x², len(t) = 2·len(x)).
func sqrDiag(t, x []uint) {
	if useADX && len(x) > 0 {
		sqrDiagADX(t, x)
		return
	}
	sqrDiagGeneric(t, x)
}

// addMulRow is the assembly row kernel with register arguments, and
// addMulRow16...64 its unrolled versions for the common modulus sizes; they
// are called only from mont_amd64.s (which staticcheck cannot see).
//
//lint:ignore U1000 called from mont_amd64.s
func addMulRow()

//lint:ignore U1000 called from mont_amd64.s
func addMulRow16()

//lint:ignore U1000 called from mont_amd64.s
func addMulRow32()

//lint:ignore U1000 called from mont_amd64.s
func addMulRow48()

//lint:ignore U1000 called from mont_amd64.s
func addMulRow64()

// cpuid executes CPUID with the given EAX and ECX.
func cpuid(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32)

// useADX selects the MULX/ADCX/ADOX path of the kernel (read by the
// assembly); tests clear it to exercise the MULQ path.
var useADX = hasADX()

func hasADX() bool {
	if maxLeaf, _, _, _ := cpuid(0, 0); maxLeaf < 7 {
		return false
	}
	_, ebx, _, _ := cpuid(7, 0)
	const bmi2, adx = 1 << 8, 1 << 19
	return ebx&bmi2 != 0 && ebx&adx != 0
}
