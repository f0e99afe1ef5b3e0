package ec_test

import (
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"testing"

	"github.com/cryptogo/libcrypto-go/core/ec"
	"github.com/cryptogo/libcrypto-go/core/hash"
)

// The benchmarks behind the C and Python rows of issue 13 (tests/bench):
// each operation through core/ec beside the same operation on the standard
// library alone, so that a profile (go test -bench X -cpuprofile) shows
// what is ours and what is crypto/ecdsa's or crypto/ecdh's.

var benchMsg = make([]byte, 64)

func BenchmarkECDSASignP256(b *testing.B) {
	k, _ := ec.Generate(ec.SECP256R1)
	for b.Loop() {
		if _, err := k.Sign(benchMsg, hash.SHA256, false, false); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStdECDSASignP256(b *testing.B) {
	k, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	for b.Loop() {
		d := sha256.Sum256(benchMsg)
		if _, err := ecdsa.SignASN1(rand.Reader, k, d[:]); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkECDSAVerifyP256(b *testing.B) {
	k, _ := ec.Generate(ec.SECP256R1)
	sig, _ := k.Sign(benchMsg, hash.SHA256, false, false)
	pub := k.Public()
	for b.Loop() {
		if err := pub.Verify(sig, benchMsg, hash.SHA256, false); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStdECDSAVerifyP256(b *testing.B) {
	k, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	d := sha256.Sum256(benchMsg)
	sig, _ := ecdsa.SignASN1(rand.Reader, k, d[:])
	for b.Loop() {
		d := sha256.Sum256(benchMsg)
		if !ecdsa.VerifyASN1(&k.PublicKey, d[:], sig) {
			b.Fatal("invalid")
		}
	}
}

func BenchmarkECDHP256(b *testing.B) {
	k, _ := ec.Generate(ec.SECP256R1)
	p, _ := ec.Generate(ec.SECP256R1)
	pub := p.Public()
	for b.Loop() {
		if _, err := k.Exchange(pub); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStdECDHP256(b *testing.B) {
	k, _ := ecdh.P256().GenerateKey(rand.Reader)
	p, _ := ecdh.P256().GenerateKey(rand.Reader)
	pub := p.PublicKey()
	for b.Loop() {
		if _, err := k.ECDH(pub); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGenerateP256(b *testing.B) {
	for b.Loop() {
		if _, err := ec.Generate(ec.SECP256R1); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStdGenerateP256(b *testing.B) {
	for b.Loop() {
		if _, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader); err != nil {
			b.Fatal(err)
		}
	}
}
