package rsa

import (
	"crypto"
	"crypto/rand"
	stdrsa "crypto/rsa"
	"fmt"
	"sync"
	"testing"

	"github.com/cryptogo/libcrypto-go/core/hash"
)

// Benchmarks for issue 6 (RSA at OpenSSL's pace): ours next to the
// crypto/rsa call it wraps or replaces, interleaved in one run.
var (
	rsaBenchOnce sync.Once
	rsaBenchKeys map[int]*PrivateKey
)

func rsaBenchKey(b *testing.B, bits int) *PrivateKey {
	rsaBenchOnce.Do(func() {
		rsaBenchKeys = map[int]*PrivateKey{}
		for _, n := range []int{2048, 3072, 4096} {
			k, err := GeneratePrivateKey(65537, n)
			if err != nil {
				panic(err)
			}
			rsaBenchKeys[n] = k
		}
	})
	return rsaBenchKeys[bits]
}

func BenchmarkRSA(b *testing.B) {
	msg := []byte("benchmark message")
	d := sha(hash.SHA256, msg)
	for _, bits := range []int{2048, 3072, 4096} {
		k := rsaBenchKey(b, bits)
		pub := k.PublicKey()
		pssSig, _ := k.SignPSS(msg, PSSSaltMaxLength, hash.SHA256, hash.SHA256, false)
		pkcsSig, _ := k.SignPKCS1v15(msg, hash.SHA256, false)
		ct, _ := pub.EncryptOAEP(msg, nil, hash.SHA256, hash.SHA256)
		pfx := fmt.Sprintf("%d/", bits)
		b.Run(pfx+"VerifyPSS", func(b *testing.B) {
			for b.Loop() {
				if err := pub.VerifyPSS(pssSig, msg, PSSSaltMaxLength, hash.SHA256, hash.SHA256, false); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(pfx+"VerifyPSS-cryptorsa", func(b *testing.B) {
			for b.Loop() {
				h := sha(hash.SHA256, msg)
				if err := stdrsa.VerifyPSS(pub.Key(), crypto.SHA256, h, pssSig, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(pfx+"VerifyPKCS1v15", func(b *testing.B) {
			for b.Loop() {
				if err := pub.VerifyPKCS1v15(pkcsSig, msg, hash.SHA256, false); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(pfx+"VerifyPKCS1v15-cryptorsa", func(b *testing.B) {
			for b.Loop() {
				h := sha(hash.SHA256, msg)
				if err := stdrsa.VerifyPKCS1v15(pub.Key(), crypto.SHA256, h, pkcsSig); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(pfx+"SignPSS-max", func(b *testing.B) {
			for b.Loop() {
				k.SignPSS(msg, PSSSaltMaxLength, hash.SHA256, hash.SHA256, false)
			}
		})
		b.Run(pfx+"SignPSS-salt0-raw", func(b *testing.B) {
			for b.Loop() {
				k.SignPSS(d, 0, hash.SHA256, hash.SHA256, true)
			}
		})
		b.Run(pfx+"EncryptOAEP", func(b *testing.B) {
			for b.Loop() {
				pub.EncryptOAEP(msg, nil, hash.SHA256, hash.SHA256)
			}
		})
		b.Run(pfx+"EncryptOAEP-cryptorsa", func(b *testing.B) {
			for b.Loop() {
				stdrsa.EncryptOAEPWithOptions(rand.Reader, pub.Key(), msg, &stdrsa.OAEPOptions{Hash: crypto.SHA256})
			}
		})
		b.Run(pfx+"EncryptPKCS1v15", func(b *testing.B) {
			for b.Loop() {
				pub.EncryptPKCS1v15(msg)
			}
		})
		b.Run(pfx+"DecryptOAEP", func(b *testing.B) {
			for b.Loop() {
				k.DecryptOAEP(ct, nil, hash.SHA256, hash.SHA256)
			}
		})
	}
}
