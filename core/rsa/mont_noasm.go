//go:build !amd64 || purego

package rsa

import "math/bits"

// addMulVVW sets z[0:len(x)] += x·y and returns the carry word (z and x are
// little-endian limbs; len(z) >= len(x)). Portable version of
// mont_amd64.s.
func addMulVVW(z, x []uint, y uint) (c uint) {
	z = z[:len(x)]
	for i, xi := range x {
		hi, lo := bits.Mul(xi, y)
		var cc uint
		lo, cc = bits.Add(lo, z[i], 0)
		hi += cc
		lo, cc = bits.Add(lo, c, 0)
		hi += cc
		z[i] = lo
		c = hi
	}
	return c
}

var useADX = false

// montMulRows: see mont_amd64.go.
func montMulRows(t, x, y, m []uint, m0inv uint) (c uint) {
	n := len(m)
	for i := range n {
		c1 := addMulVVW(t[i:n+i], x, y[i])
		c2 := addMulVVW(t[i:n+i], m, t[i]*m0inv)
		t[n+i], c = bits.Add(c1, c2, c)
	}
	return c
}

// sqrTriangle: see mont_amd64.go.
func sqrTriangle(t, x []uint) {
	n := len(x)
	for i := range n - 1 {
		t[n+i] = addMulVVW(t[2*i+1:n+i], x[i+1:], x[i])
	}
}

// montRedRows: see mont_amd64.go.
func montRedRows(t, m []uint, m0inv uint) (c uint) {
	n := len(m)
	for i := range n {
		c1 := addMulVVW(t[i:n+i], m, t[i]*m0inv)
		t[n+i], c = bits.Add(t[n+i], c1, c)
	}
	return c
}

// sqrDiag: see mont_amd64.go.
func sqrDiag(t, x []uint) { sqrDiagGeneric(t, x) }
