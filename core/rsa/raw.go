package rsa

import (
	"crypto/rand"
	stdrsa "crypto/rsa"
	"fmt"
	"math/big"

	"github.com/cryptogo/libcrypto-go/core"
)

// privateRaw returns x^d mod n (RSASP1, RFC 8017 5.2.1) for x = em, an
// integer below n, using only crypto/rsa's constant-time private-key
// operation, which the standard library exposes only behind PKCS #1 v1.5
// signature padding: crypto/rsa.SignPKCS1v15 with hash 0 signs
// A = 0x00 0x01 FF×8 0x00 || T for any T of k-11 bytes. Write H for that
// fixed prefix times 256^(k-11) and W = 256^(k-11). Then:
//
//  1. Blind: x' = x·r^e mod n for a random r.
//  2. Find a, b in [0, W) with H + a ≡ x'·(H + b) (mod n), that is
//     a - x'·b ≡ (x'-1)·H (mod n): a closest-vector problem in the
//     two-dimensional lattice {(b, a) : a ≡ x'·b (mod n)}, whose reduced basis
//     has vectors of about √n while W ≈ n/2^88, so Babai rounding (against a
//     basis from a half extended Euclid on (n, x') and Lagrange reduction)
//     lands inside the box. The values here are public or blinded; only the
//     lattice arithmetic is variable time.
//  3. sA = A^d and sB = B^d with A = H + a, B = H + b, both through
//     crypto/rsa.SignPKCS1v15 (constant time, CRT, checked by crypto/rsa).
//  4. x^d = x'^d · r^-1 = sA · (sB·r)^-1 mod n. The inverse is taken of
//     sB·r, a uniformly random unit, so its variable-time inversion reveals
//     nothing.
//
// The result s is checked (s^e ≡ x mod n) before it is returned. Cost: two
// private-key operations plus small public work.
func (k *PrivateKey) privateRaw(em []byte) ([]byte, error) {
	pub := k.pub
	pub.init()
	n, size := pub.n, pub.size
	x := new(big.Int).SetBytes(em)
	tLen := size - 11
	if tLen < 32 || x.Cmp(n) >= 0 {
		return nil, fmt.Errorf("%w: key too small for this PSS signature", core.ErrUnsupportedAlgorithm)
	}
	if x.Sign() == 0 {
		return make([]byte, size), nil // 0^d; not a unit, so not reachable below
	}
	W := new(big.Int).Lsh(bigOne, uint(8*tLen))
	H := new(big.Int).SetBytes([]byte{0x00, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00})
	H.Lsh(H, uint(8*tLen))

	for attempt := 0; attempt < 8; attempt++ {
		r, err := rand.Int(rand.Reader, n)
		if err != nil {
			return nil, err
		}
		if r.Cmp(bigOne) <= 0 || new(big.Int).GCD(nil, nil, r, n).Cmp(bigOne) != 0 {
			continue
		}
		xb := new(big.Int).Exp(r, pub.e, n)
		xb.Mul(xb, x).Mod(xb, n)
		a, b, ok := solvePaddedPair(xb, n, H, W)
		if !ok {
			continue
		}
		sA, err := stdrsa.SignPKCS1v15(nil, k.key, 0, a.FillBytes(make([]byte, tLen)))
		if err != nil {
			return nil, pub.stdError(err, msgSignTooLong)
		}
		sB, err := stdrsa.SignPKCS1v15(nil, k.key, 0, b.FillBytes(make([]byte, tLen)))
		if err != nil {
			return nil, pub.stdError(err, msgSignTooLong)
		}
		t := new(big.Int).SetBytes(sB)
		t.Mul(t, r).Mod(t, n)
		if t.ModInverse(t, n) == nil {
			continue
		}
		s := new(big.Int).SetBytes(sA)
		s.Mul(s, t).Mod(s, n)
		if new(big.Int).Exp(s, pub.e, n).Cmp(x) != 0 {
			return nil, fmt.Errorf("rsa: internal error: private-key operation check failed")
		}
		return s.FillBytes(make([]byte, size)), nil
	}
	return nil, fmt.Errorf("rsa: internal error: no padded representation found")
}

// solvePaddedPair finds a, b in [0, W) with a - x·b ≡ (x-1)·H (mod n), see
// privateRaw.
func solvePaddedPair(x, n, H, W *big.Int) (a, b *big.Int, ok bool) {
	c := new(big.Int).Sub(x, bigOne)
	c.Mul(c, H).Mod(c, n)
	u, v := reducedLatticeBasis(x, n)
	// Target for the lattice vector w: (b, a) = (0, c) + w ≈ (W/2, W/2).
	half := new(big.Int).Rsh(W, 1)
	tb := new(big.Int).Set(half)
	ta := new(big.Int).Sub(half, c)
	det := new(big.Int).Mul(u[0], v[1])
	det.Sub(det, new(big.Int).Mul(u[1], v[0]))
	if det.Sign() == 0 {
		return nil, nil, false
	}
	// Cramer's rule: t = α·u + β·v.
	al := new(big.Int).Mul(tb, v[1])
	al.Sub(al, new(big.Int).Mul(ta, v[0]))
	be := new(big.Int).Mul(u[0], ta)
	be.Sub(be, new(big.Int).Mul(u[1], tb))
	al = roundDiv(al, det)
	be = roundDiv(be, det)
	b = new(big.Int).Mul(al, u[0])
	b.Add(b, new(big.Int).Mul(be, v[0]))
	a = new(big.Int).Mul(al, u[1])
	a.Add(a, new(big.Int).Mul(be, v[1]))
	a.Add(a, c)
	if a.Sign() < 0 || b.Sign() < 0 || a.Cmp(W) >= 0 || b.Cmp(W) >= 0 {
		return nil, nil, false
	}
	chk := new(big.Int).Mul(x, b)
	chk.Sub(a, chk).Sub(chk, c).Mod(chk, n)
	if chk.Sign() != 0 {
		return nil, nil, false
	}
	return a, b, true
}

// reducedLatticeBasis returns a Lagrange-reduced basis (u, v), as (b, a)
// pairs, of the lattice {(b, a) : a ≡ x·b (mod n)}, starting from two
// consecutive rows of the extended Euclidean algorithm on (n, x) around √n.
func reducedLatticeBasis(x, n *big.Int) (u, v [2]*big.Int) {
	// Rows (t_i, r_i) with r_i ≡ t_i·x (mod n); consecutive rows have
	// determinant ±n, so they form a basis.
	rp, tp := new(big.Int).Set(n), new(big.Int)
	r, t := new(big.Int).Mod(x, n), big.NewInt(1)
	halfBits := n.BitLen() / 2
	q := new(big.Int)
	for r.BitLen() > halfBits {
		rn := new(big.Int)
		q.QuoRem(rp, r, rn)
		tn := new(big.Int).Mul(q, t)
		tn.Sub(tp, tn)
		rp, tp, r, t = r, t, rn, tn
	}
	u = [2]*big.Int{tp, rp}
	v = [2]*big.Int{t, r}
	norm := func(w [2]*big.Int) *big.Int {
		s := new(big.Int).Mul(w[0], w[0])
		return s.Add(s, new(big.Int).Mul(w[1], w[1]))
	}
	for i := 0; i < 4*n.BitLen(); i++ {
		if norm(u).Cmp(norm(v)) > 0 {
			u, v = v, u
		}
		nu := norm(u)
		if nu.Sign() == 0 {
			break
		}
		dot := new(big.Int).Mul(u[0], v[0])
		dot.Add(dot, new(big.Int).Mul(u[1], v[1]))
		m := roundDiv(dot, nu)
		if m.Sign() == 0 {
			break
		}
		v = [2]*big.Int{
			new(big.Int).Sub(v[0], new(big.Int).Mul(m, u[0])),
			new(big.Int).Sub(v[1], new(big.Int).Mul(m, u[1])),
		}
	}
	return u, v
}

// roundDiv returns p/q rounded to the nearest integer (q != 0).
func roundDiv(p, q *big.Int) *big.Int {
	p2 := new(big.Int).Lsh(p, 1)
	q2 := new(big.Int).Lsh(q, 1)
	if q.Sign() < 0 {
		p2.Neg(p2)
		q2.Neg(q2)
	}
	p2.Add(p2, new(big.Int).Abs(q))
	// floor((2p + |q|) / 2|q|), with Div's Euclidean (floor for q2 > 0).
	return p2.Div(p2, q2)
}
