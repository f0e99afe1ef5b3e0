package rsa

import (
	"crypto/rand"
	stdrsa "crypto/rsa"
	"fmt"
	"math/big"

	"github.com/cryptogo/libcrypto-go/core/internal/errs"
)

// maxGenerateBits bounds GeneratePrivateKey, as OpenSSL's
// OPENSSL_RSA_MAX_MODULUS_BITS bounds pyca's generate_private_key.
const maxGenerateBits = 16384

// GeneratePrivateKey generates a key with the given public exponent and
// modulus size in bits, as pyca's rsa.generate_private_key: the exponent must
// be 3 or 65537 and the size at least 1024 bits (core.ErrInvalidArgument, pyca's
// ValueError, otherwise); sizes above 16384 bits, which OpenSSL refuses too,
// return core.ErrInvalidArgument.
//
// e = 65537 uses crypto/rsa.GenerateKey. e = 3, which crypto/rsa cannot
// generate, draws primes p ≡ q ≡ 2 (mod 3) (so gcd(3, p-1) = gcd(3, q-1) = 1)
// from crypto/rand.Prime with the top two bits set (so n has exactly the
// requested size), with |p-q| > 2^(bits/2-100), and d = 3^-1 mod
// lcm(p-1, q-1); the key is then validated by crypto/rsa like any other.
func GeneratePrivateKey(publicExponent uint64, keySize int) (*PrivateKey, error) {
	if publicExponent != 3 && publicExponent != 65537 {
		return nil, errs.Invalid("public_exponent must be either 3 (for legacy compatibility) or 65537. Almost everyone should choose 65537 here!")
	}
	if keySize < 1024 {
		return nil, errs.Invalid("key_size must be at least 1024-bits.")
	}
	if keySize > maxGenerateBits {
		return nil, errs.Invalid("key_size must be at most %d bits", maxGenerateBits)
	}
	var key *stdrsa.PrivateKey
	var err error
	if publicExponent == 65537 {
		key, err = stdrsa.GenerateKey(rand.Reader, keySize)
	} else {
		key, err = generateExponent3(keySize)
	}
	if err != nil {
		return nil, err
	}
	return NewPrivateKey(key)
}

func generateExponent3(bits int) (*stdrsa.PrivateKey, error) {
	three := big.NewInt(3)
	prime := func(n int) (*big.Int, error) {
		m := new(big.Int)
		for {
			p, err := rand.Prime(rand.Reader, n)
			if err != nil {
				return nil, err
			}
			if m.Mod(p, three).Int64() == 2 {
				return p, nil
			}
		}
	}
	for {
		p, err := prime((bits + 1) / 2)
		if err != nil {
			return nil, err
		}
		q, err := prime(bits / 2)
		if err != nil {
			return nil, err
		}
		if p.Cmp(q) < 0 {
			p, q = q, p
		}
		n := new(big.Int).Mul(p, q)
		diff := new(big.Int).Sub(p, q)
		if n.BitLen() != bits || diff.BitLen() <= bits/2-100 {
			continue
		}
		pm1 := new(big.Int).Sub(p, bigOne)
		qm1 := new(big.Int).Sub(q, bigOne)
		g := new(big.Int).GCD(nil, nil, pm1, qm1)
		lambda := new(big.Int).Mul(pm1, qm1)
		lambda.Quo(lambda, g)
		d := new(big.Int).ModInverse(three, lambda)
		if d == nil || d.BitLen() <= bits/2 {
			continue
		}
		key := &stdrsa.PrivateKey{
			PublicKey: stdrsa.PublicKey{N: n, E: 3},
			D:         d,
			Primes:    []*big.Int{p, q},
		}
		key.Precompute()
		if err := key.Validate(); err != nil {
			return nil, fmt.Errorf("rsa: generated an invalid e=3 key: %w", err)
		}
		return key, nil
	}
}
