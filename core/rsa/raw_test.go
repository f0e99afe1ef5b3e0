package rsa

import (
	"crypto/rand"
	"math/big"
	"testing"
)

func TestRSAPrivateRaw(t *testing.T) {
	k, e3 := testRSAKeys(t)
	for _, key := range []*PrivateKey{k, e3} {
		std := key.Key()
		for _, x := range []*big.Int{big.NewInt(0), big.NewInt(1), big.NewInt(2),
			new(big.Int).Sub(std.N, bigOne), new(big.Int).Rsh(std.N, 1)} {
			s, err := key.privateRaw(x.FillBytes(make([]byte, key.Size())))
			if err != nil {
				t.Fatal(err)
			}
			if new(big.Int).SetBytes(s).Cmp(new(big.Int).Exp(x, std.D, std.N)) != 0 {
				t.Fatal("x^d mismatch for", x)
			}
		}
		for i := 0; i < 5; i++ {
			x, _ := rand.Int(rand.Reader, std.N)
			s, err := key.privateRaw(x.FillBytes(make([]byte, key.Size())))
			if err != nil {
				t.Fatal(err)
			}
			if new(big.Int).SetBytes(s).Cmp(new(big.Int).Exp(x, std.D, std.N)) != 0 {
				t.Fatal("x^d mismatch")
			}
		}
	}
}
