package avx

func cpuid1ecx() uint32
func xgetbv0() uint32
func vzeroupper()

// hasAVX: the CPU supports AVX (CPUID.1:ECX bit 28), the OS uses XSAVE
// (bit 27) and has enabled the SSE and AVX state (XCR0 bits 1 and 2).
var hasAVX = func() bool {
	ecx := cpuid1ecx()
	if ecx&(1<<27) == 0 || ecx&(1<<28) == 0 {
		return false
	}
	return xgetbv0()&6 == 6
}()
