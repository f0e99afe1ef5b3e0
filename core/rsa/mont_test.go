package rsa

import (
	"bytes"
	"crypto/rand"
	stdrsa "crypto/rsa"
	"encoding/binary"
	"math/big"
	"testing"

	"github.com/cryptogo/libcrypto-go/core/hash"
)

// TestRSAVerifyAgreesWithStdlib checks that our verification (publicOp
// over cached Montgomery constants) gives crypto/rsa's verdicts on valid and
// damaged signatures, for PKCS #1 v1.5 and PSS with each salt rule crypto/rsa
// can express, on 2048-bit and e = 3 keys.
func TestRSAVerifyAgreesWithStdlib(t *testing.T) {
	k2048, e3 := testRSAKeys(t)
	msg := []byte("two paths")
	for _, k := range []*PrivateKey{k2048, e3} {
		pub := k.PublicKey()
		damage := func(sig []byte) [][]byte {
			out := [][]byte{sig}
			for _, i := range []int{0, 1, 100, len(sig) - 1} {
				b := bytes.Clone(sig)
				b[i] ^= 0x40
				out = append(out, b)
			}
			n := k.Key().N.Bytes()
			nMinus1 := new(big.Int).Sub(k.Key().N, bigOne).FillBytes(make([]byte, len(sig)))
			return append(out, sig[1:], append([]byte{0}, sig...), n, nMinus1, make([]byte, len(sig)))
		}
		for _, h := range []hash.Algorithm{hash.SHA1, hash.SHA256, hash.SHA512, hash.SHA3_384, hash.MD5} {
			d := sha(h, msg)
			sig, _ := k.SignPKCS1v15(msg, h, false)
			for i, s := range damage(sig) {
				ours := pub.VerifyPKCS1v15(s, msg, h, false)
				std := stdrsa.VerifyPKCS1v15(pub.Key(), h.CryptoHash(), d, s)
				if (std == nil) != (ours == nil) || (i == 0) != (ours == nil) {
					t.Fatalf("PKCS1v15 %s case %d: crypto/rsa %v, ours %v", h.Name(), i, std, ours)
				}
			}
			if h == hash.MD5 {
				continue // crypto/rsa has no PSS with hash.MD5
			}
			for _, rule := range []int{PSSSaltMaxLength, PSSSaltDigestLength, 5} {
				sig, err := k.SignPSS(msg, rule, h, h, false)
				if err != nil {
					continue // SHA-512 with a 64-byte salt does not fit 1025 bits
				}
				for _, vrule := range []int{rule, PSSSaltAuto, 1} {
					sLen, auto, _ := pssSaltLength(vrule, pub.KeySize(), h.Size())
					opts := &stdrsa.PSSOptions{SaltLength: sLen}
					if auto {
						opts.SaltLength = stdrsa.PSSSaltLengthAuto
					}
					for i, s := range damage(sig) {
						ours := pub.VerifyPSS(s, msg, vrule, h, h, false)
						std := stdrsa.VerifyPSS(pub.Key(), h.CryptoHash(), d, s, opts)
						if (std == nil) != (ours == nil) {
							t.Fatalf("PSS %s rule %d/%d case %d: crypto/rsa %v, ours %v", h.Name(), rule, vrule, i, std, ours)
						}
						if i > 0 && ours == nil {
							t.Fatalf("PSS %s: damaged signature %d verified", h.Name(), i)
						}
					}
				}
			}
		}
	}
}

// TestRSAPublicExp checks the cached public exponentiation (Montgomery
// arithmetic over addMulVVW) against big.Int.Exp on moduli of many limb
// counts (1 to 64, multiples of four and not), edge values, edge moduli and
// exponents, on each multiply-accumulate path this machine has (MULX/ADX
// and MULQ on amd64), and even moduli (no Montgomery form: big.Int.Exp).
func TestRSAPublicExp(t *testing.T) {
	k, e3 := testRSAKeys(t)
	mods := []*big.Int{k.Key().N, e3.Key().N, big.NewInt(3), big.NewInt(0xffff_fffb),
		new(big.Int).SetUint64(0xffff_ffff_ffff_ffc5), big.NewInt(1 << 20), big.NewInt(1<<40 + 2)}
	for _, bits := range []int{65, 127, 128, 129, 192, 250, 256, 320, 500, 1024, 1536, 2047, 2112, 3072, 4096, 4160} {
		n, _ := rand.Int(rand.Reader, new(big.Int).Lsh(bigOne, uint(bits)))
		n.SetBit(n, bits-1, 1).SetBit(n, 0, 1)
		mods = append(mods, n)
	}
	// Moduli with a top word of 1 and of all ones, and all-ones limbs.
	mods = append(mods, new(big.Int).Add(new(big.Int).Lsh(bigOne, 2048), big.NewInt(1)),
		new(big.Int).Sub(new(big.Int).Lsh(bigOne, 2048), big.NewInt(1)),
		new(big.Int).Sub(new(big.Int).Lsh(bigOne, 1000), big.NewInt(1)))
	paths := []bool{useADX}
	if useADX {
		paths = append(paths, false)
	}
	defer func(v bool) { useADX = v }(useADX)
	for _, adx := range paths {
		useADX = adx
		for _, n := range mods {
			for _, e := range []int{3, 5, 17, 65537, 1<<31 - 1} {
				if big.NewInt(int64(e)).Cmp(n) >= 0 {
					continue
				}
				pub := &PublicKey{key: &stdrsa.PublicKey{N: n, E: e}}
				pub.init()
				eb := big.NewInt(int64(e))
				all := new(big.Int).Sub(new(big.Int).Lsh(bigOne, uint(n.BitLen()-1)), bigOne)
				xs := []*big.Int{big.NewInt(0), big.NewInt(1), big.NewInt(2), all,
					new(big.Int).Sub(n, bigOne), new(big.Int).Sub(n, big.NewInt(2)),
					new(big.Int).Rsh(n, 1), new(big.Int).Rsh(n, 64)}
				for range 20 {
					x, _ := rand.Int(rand.Reader, n)
					xs = append(xs, x)
				}
				for _, x := range xs {
					if x.Cmp(n) >= 0 {
						continue
					}
					want := new(big.Int).Exp(x, eb, n)
					out, ok := pub.publicOp(x.FillBytes(make([]byte, pub.Size())))
					if !ok || len(out) != pub.Size() || new(big.Int).SetBytes(out).Cmp(want) != 0 {
						t.Fatalf("adx=%v n=%x e=%d x=%x: got %x want %x", adx, n, e, x, out, want)
					}
				}
				// n itself and n+1 are out of range.
				for _, x := range []*big.Int{n, new(big.Int).Add(n, bigOne)} {
					if x.BitLen() <= 8*pub.Size() {
						if _, ok := pub.publicOp(x.FillBytes(make([]byte, pub.Size()))); ok {
							t.Fatalf("n=%x: publicOp accepted x >= n", n)
						}
					}
				}
			}
		}
	}
}

// TestAddMulVVW checks the multiply-accumulate kernel against math/big on
// every length 0..40 with random and all-ones limbs, on each path.
func TestAddMulVVW(t *testing.T) {
	defer func(v bool) { useADX = v }(useADX)
	toBig := func(x []uint) *big.Int {
		w := make([]big.Word, len(x))
		for i := range x {
			w[i] = big.Word(x[i])
		}
		return new(big.Int).SetBits(w)
	}
	for _, adx := range []bool{useADX, false} {
		useADX = adx
		for n := 0; n <= 40; n++ {
			for trial := range 20 {
				z, x := make([]uint, n+1), make([]uint, n)
				var yb [8]byte
				rand.Read(yb[:])
				y := uint(binary.LittleEndian.Uint64(yb[:]))
				for i := range x {
					var b [16]byte
					rand.Read(b[:])
					x[i], z[i] = uint(binary.LittleEndian.Uint64(b[:8])), uint(binary.LittleEndian.Uint64(b[8:]))
					if trial == 0 {
						x[i], z[i] = ^uint(0), ^uint(0)
					}
				}
				if trial == 0 {
					y = ^uint(0)
				}
				z[n] = 12345 // must stay untouched
				want := new(big.Int).Mul(toBig(x), new(big.Int).SetUint64(uint64(y)))
				want.Add(want, toBig(z[:n]))
				c := addMulVVW(z[:n], x, y)
				got := toBig(append(z[:n:n], c))
				if got.Cmp(want) != 0 || z[n] != 12345 {
					t.Fatalf("adx=%v n=%d: got %x want %x", adx, n, got, want)
				}
			}
		}
	}
}

// TestRSAEncryptInterop checks that our OAEP and PKCS #1 v1.5 encodings
// (built here, encrypted with publicOp) decrypt with crypto/rsa's own
// decryption, for every OAEP/MGF1 hash pair, with and without label, at
// empty, short and maximal message lengths, and on the e = 3 key.
func TestRSAEncryptInterop(t *testing.T) {
	k, e3 := testRSAKeys(t)
	for _, key := range []*PrivateKey{k, e3} {
		pub, std := key.PublicKey(), key.Key()
		for _, h := range oaepHashes {
			for _, m := range []hash.Algorithm{h, hash.SHA1, hash.SHA512} {
				if pub.MaxOAEPPlaintextSize(h) == 0 {
					continue
				}
				for _, n := range []int{0, 1, pub.MaxOAEPPlaintextSize(h)} {
					msg := bytes.Repeat([]byte{byte(n)}, n)
					label := []byte("label")
					if n == 1 {
						label = nil
					}
					ct, err := pub.EncryptOAEP(msg, label, h, m)
					if err != nil {
						t.Fatal(h, m, n, err)
					}
					if len(ct) != key.Size() {
						t.Fatal("ciphertext length", len(ct))
					}
					pt, err := std.Decrypt(nil, ct, &stdrsa.OAEPOptions{Hash: h.CryptoHash(), MGFHash: m.CryptoHash(), Label: label})
					if err != nil || !bytes.Equal(pt, msg) {
						t.Fatalf("crypto/rsa cannot decrypt our OAEP (%s/%s, %d bytes): %v", h.Name(), m.Name(), n, err)
					}
				}
			}
		}
		for _, n := range []int{0, 1, 33, pub.MaxPKCS1v15PlaintextSize()} {
			msg := bytes.Repeat([]byte{0xa5}, n)
			ct, err := pub.EncryptPKCS1v15(msg)
			if err != nil {
				t.Fatal(err)
			}
			//lint:ignore SA1019 interoperability with the standard library's PKCS #1 v1.5 decryption is the point
			pt, err := stdrsa.DecryptPKCS1v15(nil, std, ct)
			if err != nil || !bytes.Equal(pt, msg) {
				t.Fatalf("crypto/rsa cannot decrypt our PKCS #1 v1.5 (%d bytes): %v", n, err)
			}
			// The padding string is nonzero random: check it directly.
			em := new(big.Int).Exp(new(big.Int).SetBytes(ct), std.D, std.N).FillBytes(make([]byte, key.Size()))
			if em[0] != 0 || em[1] != 2 || em[len(em)-n-1] != 0 || bytes.IndexByte(em[2:len(em)-n-1], 0) >= 0 {
				t.Fatalf("bad PKCS #1 v1.5 encoding %x", em)
			}
		}
		// Two encryptions of one message differ (random seed / padding).
		c1, _ := pub.EncryptOAEP([]byte("m"), nil, hash.SHA256, hash.SHA256)
		c2, _ := pub.EncryptOAEP([]byte("m"), nil, hash.SHA256, hash.SHA256)
		c3, _ := pub.EncryptPKCS1v15([]byte("m"))
		c4, _ := pub.EncryptPKCS1v15([]byte("m"))
		if bytes.Equal(c1, c2) || bytes.Equal(c3, c4) {
			t.Fatal("encryption is not randomized")
		}
	}
}

// FuzzRSAPublicExp compares publicOp with big.Int.Exp for arbitrary odd
// moduli, exponents and inputs, on each multiply-accumulate path.
func FuzzRSAPublicExp(f *testing.F) {
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xc5}, []byte{7}, uint32(65537))
	f.Add(bytes.Repeat([]byte{0xff}, 256), bytes.Repeat([]byte{0xfe}, 256), uint32(3))
	f.Add(append([]byte{1}, make([]byte, 200)...), []byte{2}, uint32(17))
	f.Fuzz(func(t *testing.T, nb, xb []byte, e32 uint32) {
		n := new(big.Int).SetBytes(nb)
		n.SetBit(n, 0, 1)
		e := int(e32|1) & (1<<31 - 1)
		if n.Cmp(big.NewInt(3)) < 0 || e < 3 || n.BitLen() > 4200 {
			return
		}
		pub := &PublicKey{key: &stdrsa.PublicKey{N: n, E: e}}
		pub.init()
		x := new(big.Int).SetBytes(xb)
		x.Mod(x, n)
		want := new(big.Int).Exp(x, big.NewInt(int64(e)), n)
		defer func(v bool) { useADX = v }(useADX)
		for _, adx := range []bool{useADX, false} {
			useADX = adx
			out, ok := pub.publicOp(x.FillBytes(make([]byte, pub.Size())))
			if !ok || new(big.Int).SetBytes(out).Cmp(want) != 0 {
				t.Fatalf("adx=%v n=%x e=%d x=%x: got %x want %x", adx, n, e, x, out, want)
			}
		}
	})
}
