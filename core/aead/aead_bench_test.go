package aead

import (
	"testing"

	"golang.org/x/crypto/chacha20poly1305"
)

func BenchmarkAESGCMSeal1K(b *testing.B) {
	a, _ := NewAESGCM(make([]byte, 16))
	benchSeal(b, a)
}

func BenchmarkChaCha20Poly1305Seal1K(b *testing.B) {
	c, _ := NewChaCha20Poly1305(make([]byte, 32))
	benchSeal(b, c)
}

func benchSeal(b *testing.B, a AEAD) {
	nonce, pt := make([]byte, 12), make([]byte, 1024)
	dst := make([]byte, 0, len(pt)+TagSize)
	b.SetBytes(int64(len(pt)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := a.Seal(dst, nonce, pt, nil); err != nil {
			b.Fatal(err)
		}
	}
}

var aeadBenchSizes = []struct {
	name string
	n    int
}{{"64B", 64}, {"4KiB", 4 << 10}, {"1MiB", 1 << 20}}

// BenchmarkAEAD measures Seal and Open of both AEADs at the sizes of the C and
// Python benchmarks, 12-byte nonce, no associated data, caller buffers.
func BenchmarkAEAD(b *testing.B) {
	a128, _ := NewAESGCM(make([]byte, 16))
	a256, _ := NewAESGCM(make([]byte, 32))
	cc, _ := NewChaCha20Poly1305(make([]byte, 32))
	ciphers := []struct {
		name string
		a    AEAD
	}{{"AES128GCM", a128}, {"AES256GCM", a256}, {"ChaCha20Poly1305", cc}}
	for _, c := range ciphers {
		for _, s := range aeadBenchSizes {
			nonce, pt := make([]byte, 12), make([]byte, s.n)
			ct, _ := c.a.Encrypt(nonce, pt, nil)
			b.Run(c.name+"/Seal/"+s.name, func(b *testing.B) {
				dst := make([]byte, 0, len(ct))
				b.SetBytes(int64(s.n))
				b.ReportAllocs()
				for b.Loop() {
					if _, err := c.a.Seal(dst, nonce, pt, nil); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run(c.name+"/Open/"+s.name, func(b *testing.B) {
				dst := make([]byte, 0, len(pt))
				b.SetBytes(int64(s.n))
				b.ReportAllocs()
				for b.Loop() {
					if _, err := c.a.Open(dst, nonce, ct, nil); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkAEADBaseline is golang.org/x/crypto's ChaCha20-Poly1305 alone, at
// BenchmarkAEAD's sizes: the bound for ChaCha20Poly1305, which adds only
// constant-time checks around it.
func BenchmarkAEADBaseline(b *testing.B) {
	g, _ := chacha20poly1305.New(make([]byte, 32))
	for _, s := range aeadBenchSizes {
		nonce, pt := make([]byte, 12), make([]byte, s.n)
		ct := g.Seal(nil, nonce, pt, nil)
		b.Run("x-crypto-ChaCha20Poly1305/Seal/"+s.name, func(b *testing.B) {
			dst := make([]byte, 0, len(ct))
			b.SetBytes(int64(s.n))
			for b.Loop() {
				g.Seal(dst, nonce, pt, nil)
			}
		})
		b.Run("x-crypto-ChaCha20Poly1305/Open/"+s.name, func(b *testing.B) {
			dst := make([]byte, 0, len(pt))
			b.SetBytes(int64(s.n))
			for b.Loop() {
				if _, err := g.Open(dst, nonce, ct, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
