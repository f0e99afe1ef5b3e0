package rsa

import (
	"encoding/binary"
	"math/big"
	"math/bits"
)

// Public-key operation.
//
// RSAVP1/RSAEP (s^e mod n) handles only public values: the modulus, the
// public exponent, and a signature or an encoding of a message being
// encrypted to this key. It therefore runs in variable time, over Montgomery
// constants computed once per key (crypto/rsa recomputes them on every call,
// about 28% of its verification time at 4096 bits) and a multiply-accumulate
// kernel in assembly on amd64 (mont_amd64.s). Private-key operations never
// come here.

// montModulus holds a public modulus as little-endian limbs with its
// Montgomery constants, R = 2^(W·len(m)) for the word size W.
type montModulus struct {
	m     []uint // the modulus, odd
	m0inv uint   // -m[0]^-1 mod 2^W
	rr    []uint // R^2 mod m, the factor into Montgomery form
}

func newMontModulus(n *big.Int) *montModulus {
	words := (n.BitLen() + bits.UintSize - 1) / bits.UintSize
	mm := &montModulus{m: natFromBig(n, words)}
	// Newton's iteration doubles the correct low bits of an inverse of the
	// odd m0 (m0·m0 ≡ 1 mod 8, so m0 is right to 3 bits): 3, 6, ..., 96.
	m0 := mm.m[0]
	inv := m0
	for range 5 {
		inv *= 2 - m0*inv
	}
	mm.m0inv = -inv
	rr := new(big.Int).Lsh(bigOne, uint(2*words*bits.UintSize))
	mm.rr = natFromBig(rr.Mod(rr, n), words)
	return mm
}

// natFromBig returns x as exactly words little-endian limbs (x fits).
func natFromBig(x *big.Int, words int) []uint {
	z := make([]uint, words)
	for i, w := range x.Bits() {
		z[i] = uint(w)
	}
	return z
}

// natSetBytes sets z to the big-endian bytes b, which fit in len(z) limbs.
func natSetBytes(z []uint, b []byte) {
	const S = bits.UintSize / 8
	clear(z)
	i := 0
	for ; len(b) >= S; i++ {
		z[i] = uint(beUint(b[len(b)-S:]))
		b = b[:len(b)-S]
	}
	for j := range b {
		z[i] |= uint(b[len(b)-1-j]) << (8 * j)
	}
}

// natFillBytes writes x big-endian into all of b, which is large enough.
func natFillBytes(b []byte, x []uint) {
	const S = bits.UintSize / 8
	clear(b)
	for _, w := range x {
		if len(b) >= S {
			putBeUint(b[len(b)-S:], w)
			b = b[:len(b)-S]
			continue
		}
		for j := range b {
			b[len(b)-1-j] = byte(w >> (8 * j))
		}
		return
	}
}

// beUint reads one big-endian word; putBeUint writes one.
func beUint(b []byte) uint {
	if bits.UintSize == 32 {
		return uint(binary.BigEndian.Uint32(b))
	}
	return uint(binary.BigEndian.Uint64(b))
}

func putBeUint(b []byte, w uint) {
	if bits.UintSize == 32 {
		binary.BigEndian.PutUint32(b, uint32(w))
		return
	}
	binary.BigEndian.PutUint64(b, uint64(w))
}

// natLess reports x < y for limbs of equal length.
func natLess(x, y []uint) bool {
	for i := len(x) - 1; i >= 0; i-- {
		if x[i] != y[i] {
			return x[i] < y[i]
		}
	}
	return false
}

// reduce finishes a Montgomery product: t (len(m) limbs) plus carry·R is
// below 2m; z = that mod m. z may alias t.
func (mm *montModulus) reduce(z, t []uint, carry uint) {
	if carry == 0 && natLess(t, mm.m) {
		copy(z, t)
		return
	}
	var b uint
	for i := range z {
		z[i], b = bits.Sub(t[i], mm.m[i], b)
	}
}

// mul sets z = x·y·R^-1 mod m for x, y < m (word-by-word Montgomery
// multiplication, Gueron, "Efficient Software Implementations of Modular
// Exponentiation", algorithm 4). t is scratch of 2·len(m) limbs; z may alias
// x or y.
func (mm *montModulus) mul(z, x, y, t []uint) {
	n := len(mm.m)
	t = t[:2*n]
	clear(t)
	c := montMulRows(t, x[:n], y[:n], mm.m, mm.m0inv)
	mm.reduce(z, t[n:], c)
}

// sqr sets z = x²·R^-1 mod m for x < m: the products x[i]·x[j] for i < j
// once, doubled, plus the squares x[i]², then Montgomery reduction (about
// 3/4 of mul's work). t is scratch of 2·len(m) limbs; z may alias x.
func (mm *montModulus) sqr(z, x, t []uint) {
	n := len(mm.m)
	t = t[:2*n]
	clear(t)
	sqrTriangle(t, x[:n])
	sqrDiag(t, x[:n])
	mm.reduce(z, t[n:], montRedRows(t, mm.m, mm.m0inv))
}

// sqrDiagGeneric sets t = 2·t + Σ x[i]²·2^(2·W·i), len(t) = 2·len(x), for
// t holding the off-diagonal products of x² (so nothing carries out).
func sqrDiagGeneric(t, x []uint) {
	var shifted, c uint
	for i := range x {
		hi, lo := bits.Mul(x[i], x[i])
		t0, t1 := t[2*i], t[2*i+1]
		d0 := t0<<1 | shifted
		d1 := t1<<1 | t0>>(bits.UintSize-1)
		shifted = t1 >> (bits.UintSize - 1)
		t[2*i], c = bits.Add(d0, lo, c)
		t[2*i+1], c = bits.Add(d1, hi, c)
	}
}

// exp sets z = x^e mod m for x < m and an odd e >= 3 (NewPublicKey
// refuses other exponents), left to right. The last step, the
// multiplication that bit 0 of the odd e asks for, takes the plain x, which
// leaves the result out of Montgomery form for free. Variable time.
func (mm *montModulus) exp(z, x []uint, e uint) {
	n := len(mm.m)
	var stack [4 * 64]uint // up to 4096-bit moduli without allocating
	buf := stack[:]
	if len(buf) < 4*n {
		buf = make([]uint, 4*n)
	}
	acc, xm, t := buf[:n], buf[n:2*n], buf[2*n:4*n]
	mm.mul(xm, x, mm.rr, t)
	copy(acc, xm)
	for i := bits.Len(e) - 2; i > 0; i-- {
		mm.sqr(acc, acc, t)
		if e>>uint(i)&1 == 1 {
			mm.mul(acc, acc, xm, t)
		}
	}
	mm.sqr(acc, acc, t)
	mm.mul(z, acc, x, t)
}

// publicOp returns sig^e mod n as Size() bytes (RSAVP1, RFC 8017 5.2.2), or
// false when len(sig) != Size() or sig >= n, as RFC 8017 8.1.2 and 8.2.2
// require. Variable time: public values only (see above).
func (k *PublicKey) publicOp(sig []byte) ([]byte, bool) {
	k.init()
	if len(sig) != k.size {
		return nil, false
	}
	mm := k.mont
	if mm == nil { // an even modulus (pyca accepts one in public numbers)
		x := new(big.Int).SetBytes(sig)
		if x.Cmp(k.n) >= 0 {
			return nil, false
		}
		return x.Exp(x, k.e, k.n).FillBytes(make([]byte, k.size)), true
	}
	n := len(mm.m)
	var stack [2 * 64]uint
	buf := stack[:]
	if len(buf) < 2*n {
		buf = make([]uint, 2*n)
	}
	x, z := buf[:n], buf[n:2*n]
	natSetBytes(x, sig)
	if !natLess(x, mm.m) {
		return nil, false
	}
	mm.exp(z, x, uint(k.key.E))
	out := make([]byte, k.size)
	natFillBytes(out, z)
	return out, true
}
