package xdh_test

import (
	"crypto/ecdh"
	"crypto/rand"
	"testing"

	"github.com/cryptogo/libcrypto-go/core/xdh"
)

// X25519 through core/xdh beside crypto/ecdh alone (issue 13's benchmark
// rows): core/xdh adds nothing but the zero-secret check.

func BenchmarkX25519(b *testing.B) {
	k, _ := xdh.GenerateX25519()
	p, _ := xdh.GenerateX25519()
	pub := p.Public()
	for b.Loop() {
		if _, err := k.Exchange(pub); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStdX25519(b *testing.B) {
	k, _ := ecdh.X25519().GenerateKey(rand.Reader)
	p, _ := ecdh.X25519().GenerateKey(rand.Reader)
	pub := p.PublicKey()
	for b.Loop() {
		if _, err := k.ECDH(pub); err != nil {
			b.Fatal(err)
		}
	}
}
