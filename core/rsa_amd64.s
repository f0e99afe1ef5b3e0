//go:build amd64 && !purego

#include "textflag.h"

// addMulRow: z[0:n] += x[0:n]·y, the carry word in R9. Register
// arguments (called only from this file): DI = &z[0], SI = &x[0], DX = y,
// BX = n >= 0. Clobbers AX, BX, CX, DX, SI, DI, R8, R9, R10, R11 and the
// flags; preserves R12 and R13.
//
// With BMI2+ADX: each product from MULX, its low word gathering the
// previous high word on the CF chain (ADCX) and z[i] on the OF chain (ADOX);
// eight limbs per iteration, then four, then one at a time. Pointers and the counter
// move with LEAQ and the loop tests JCXZ, none of which touch the flags, so
// both chains run unbroken and fold into the carry word once at the end
// (the carry out always fits one word). Without ADX: MULQ, one limb per
// iteration.
TEXT ·addMulRow(SB), NOSPLIT, $0-0
	XORQ R9, R9
	CMPB ·useADX(SB), $1
	JNE  mulq
	MOVQ  BX, CX
	SHRQ  $3, CX
	ANDQ  $7, BX
	TESTQ CX, CX
	JZ    tail0
	XORQ  AX, AX // clears CF and OF

loop8:
	MULXQ 0(SI), R11, R10
	ADCXQ R9, R11
	ADOXQ 0(DI), R11
	MOVQ  R11, 0(DI)
	MULXQ 8(SI), R11, R9
	ADCXQ R10, R11
	ADOXQ 8(DI), R11
	MOVQ  R11, 8(DI)
	MULXQ 16(SI), R11, R10
	ADCXQ R9, R11
	ADOXQ 16(DI), R11
	MOVQ  R11, 16(DI)
	MULXQ 24(SI), R11, R9
	ADCXQ R10, R11
	ADOXQ 24(DI), R11
	MOVQ  R11, 24(DI)
	MULXQ 32(SI), R11, R10
	ADCXQ R9, R11
	ADOXQ 32(DI), R11
	MOVQ  R11, 32(DI)
	MULXQ 40(SI), R11, R9
	ADCXQ R10, R11
	ADOXQ 40(DI), R11
	MOVQ  R11, 40(DI)
	MULXQ 48(SI), R11, R10
	ADCXQ R9, R11
	ADOXQ 48(DI), R11
	MOVQ  R11, 48(DI)
	MULXQ 56(SI), R11, R9
	ADCXQ R10, R11
	ADOXQ 56(DI), R11
	MOVQ  R11, 56(DI)
	LEAQ  64(SI), SI
	LEAQ  64(DI), DI
	LEAQ  -1(CX), CX
	JCXZQ tail
	JMP   loop8

tail0:
	XORQ AX, AX

tail:
	// BX < 8 limbs left: four in one step if BX >= 4. The chains are live,
	// so the test uses SHRX and JCXZ, which leave the flags alone.
	MOVQ  $2, CX
	SHRXQ CX, BX, CX
	JCXZQ tail1
	MULXQ 0(SI), R11, R10
	ADCXQ R9, R11
	ADOXQ 0(DI), R11
	MOVQ  R11, 0(DI)
	MULXQ 8(SI), R11, R9
	ADCXQ R10, R11
	ADOXQ 8(DI), R11
	MOVQ  R11, 8(DI)
	MULXQ 16(SI), R11, R10
	ADCXQ R9, R11
	ADOXQ 16(DI), R11
	MOVQ  R11, 16(DI)
	MULXQ 24(SI), R11, R9
	ADCXQ R10, R11
	ADOXQ 24(DI), R11
	MOVQ  R11, 24(DI)
	LEAQ  32(SI), SI
	LEAQ  32(DI), DI
	LEAQ  -4(BX), BX

tail1:
	MOVQ BX, CX

loop1:
	JCXZQ fold
	MULXQ 0(SI), R11, R10
	ADCXQ R9, R11
	ADOXQ 0(DI), R11
	MOVQ  R11, 0(DI)
	MOVQ  R10, R9
	LEAQ  8(SI), SI
	LEAQ  8(DI), DI
	LEAQ  -1(CX), CX
	JMP   loop1

fold:
	MOVQ  $0, AX
	ADCXQ AX, R9
	ADOXQ AX, R9
	RET

mulq:
	MOVQ  DX, R8
	TESTQ BX, BX
	JZ    done

mulqloop:
	MOVQ 0(SI), AX
	MULQ R8
	ADDQ R9, AX
	ADCQ $0, DX
	ADDQ 0(DI), AX
	ADCQ $0, DX
	MOVQ AX, 0(DI)
	MOVQ DX, R9
	LEAQ 8(SI), SI
	LEAQ 8(DI), DI
	DECQ BX
	JNZ  mulqloop

done:
	RET

// func addMulVVW(z, x []uint, y uint) (c uint)
TEXT ·addMulVVW(SB), NOSPLIT, $0-64
	MOVQ z_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), BX
	MOVQ y+48(FP), DX
	CALL ·addMulRow(SB)
	MOVQ R9, c+56(FP)
	RET

// func montMulRows(t, x, y, m []uint, m0inv uint) (c uint)
//
// The rows of montModulus.mul: for each i, t[i:n+i] += x·y[i], then
// t[i:n+i] += m·(t[i]·m0inv), both carries and the previous carry bit into
// t[n+i]; returns the last carry bit. Locals: 0(SP) rows left, 8(SP) carry
// bit, 16(SP) &y[i], 24(SP) the first row's carry. R12 = &t[i], R13 = n.
TEXT ·montMulRows(SB), NOSPLIT, $32-112
	MOVQ  t_base+0(FP), R12
	MOVQ  m_len+80(FP), R13
	MOVQ  R13, 0(SP)
	MOVQ  $0, 8(SP)
	MOVQ  y_base+48(FP), AX
	MOVQ  AX, 16(SP)
	TESTQ R13, R13
	JZ    mulrowsdone

mulrow:
	MOVQ  16(SP), AX
	MOVQ  (AX), DX
	ADDQ  $8, AX
	MOVQ  AX, 16(SP)
	MOVQ  R12, DI
	MOVQ  x_base+24(FP), SI
	MOVQ  R13, BX
	CALL  ·addMulRow(SB)
	MOVQ  R9, 24(SP)
	MOVQ  (R12), DX
	IMULQ m0inv+96(FP), DX
	MOVQ  R12, DI
	MOVQ  m_base+72(FP), SI
	MOVQ  R13, BX
	CALL  ·addMulRow(SB)
	MOVQ  24(SP), AX
	XORQ  CX, CX
	ADDQ  R9, AX
	ADCQ  $0, CX
	ADDQ  8(SP), AX
	ADCQ  $0, CX
	MOVQ  AX, (R12)(R13*8)
	MOVQ  CX, 8(SP)
	ADDQ  $8, R12
	DECQ  0(SP)
	JNZ   mulrow

mulrowsdone:
	MOVQ 8(SP), AX
	MOVQ AX, c+104(FP)
	RET

// func sqrTriangle(t, x []uint)
//
// t (zero, 2·len(x) limbs) += the products x[i]·x[j] for i < j: for each
// i < n-1, t[2i+1:n+i] += x[i+1:]·x[i] with the carry into t[n+i].
// Locals: 0(SP) the current row length n-1-i. R12 = &t[2i], R13 = &x[i].
TEXT ·sqrTriangle(SB), NOSPLIT, $8-48
	MOVQ t_base+0(FP), R12
	MOVQ x_base+24(FP), R13
	MOVQ x_len+32(FP), AX
	SUBQ $1, AX
	JLE  tridone
	MOVQ AX, 0(SP)

trirow:
	MOVQ (R13), DX
	LEAQ 8(R13), SI
	LEAQ 8(R12), DI
	MOVQ 0(SP), BX
	CALL ·addMulRow(SB)
	MOVQ 0(SP), BX
	MOVQ R9, 8(R12)(BX*8)
	ADDQ $16, R12
	ADDQ $8, R13
	DECQ 0(SP)
	JNZ  trirow

tridone:
	RET

// func montRedRows(t, m []uint, m0inv uint) (c uint)
//
// Montgomery reduction rows of montModulus.sqr: for each i,
// t[i:n+i] += m·(t[i]·m0inv), the carry word and the previous carry bit
// into t[n+i]; returns the last carry bit. Locals: 0(SP) rows left, 8(SP)
// carry bit. R12 = &t[i], R13 = n.
TEXT ·montRedRows(SB), NOSPLIT, $16-64
	MOVQ  t_base+0(FP), R12
	MOVQ  m_len+32(FP), R13
	MOVQ  R13, 0(SP)
	MOVQ  $0, 8(SP)
	TESTQ R13, R13
	JZ    reddone

redrow:
	MOVQ  (R12), DX
	IMULQ m0inv+48(FP), DX
	MOVQ  R12, DI
	MOVQ  m_base+24(FP), SI
	MOVQ  R13, BX
	CALL  ·addMulRow(SB)
	XORQ  CX, CX
	ADDQ  R9, (R12)(R13*8)
	ADCQ  $0, CX
	MOVQ  8(SP), AX
	ADDQ  AX, (R12)(R13*8)
	ADCQ  $0, CX
	MOVQ  CX, 8(SP)
	ADDQ  $8, R12
	DECQ  0(SP)
	JNZ   redrow

reddone:
	MOVQ 8(SP), AX
	MOVQ AX, c+56(FP)
	RET

// func cpuid(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32)
TEXT ·cpuid(SB), NOSPLIT, $0-24
	MOVL eaxArg+0(FP), AX
	MOVL ecxArg+4(FP), CX
	CPUID
	MOVL AX, eax+8(FP)
	MOVL BX, ebx+12(FP)
	MOVL CX, ecx+16(FP)
	MOVL DX, edx+20(FP)
	RET

// func sqrDiagADX(t, x []uint)
//
// t = 2·t + Σ x[i]²·2^(128i), len(t) = 2·len(x) >= 2: the doubling on the
// CF chain (ADCX of a limb to itself), the squares on the OF chain (ADOX);
// no carry leaves t when t holds the off-diagonal products of x². Needs
// BMI2 and ADX.
TEXT ·sqrDiagADX(SB), NOSPLIT, $0-48
	MOVQ t_base+0(FP), DI
	MOVQ x_base+24(FP), SI
	MOVQ x_len+32(FP), CX
	XORQ AX, AX

diagloop:
	MOVQ  0(SI), DX
	MULXQ DX, R10, R11
	MOVQ  0(DI), AX
	ADCXQ AX, AX
	ADOXQ R10, AX
	MOVQ  AX, 0(DI)
	MOVQ  8(DI), AX
	ADCXQ AX, AX
	ADOXQ R11, AX
	MOVQ  AX, 8(DI)
	LEAQ  8(SI), SI
	LEAQ  16(DI), DI
	LEAQ  -1(CX), CX
	JCXZQ diagdone
	JMP   diagloop

diagdone:
	RET
