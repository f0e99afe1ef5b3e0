package rsa

import (
	stdrsa "crypto/rsa"
	"fmt"
	"math/big"
	"sync"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/internal/errs"
	"github.com/cryptogo/libcrypto-go/core/internal/wipe"
)

// PrivateKey is an RSA private key (RFC 8017). It is immutable and safe
// for concurrent use; Wipe zeroes its secret values and must only be called
// when no other call is using the key (the C ABI's free guarantees that).
//
// Private-key operations (decryption, signing) go through the standard
// library's crypto/rsa, whose modular exponentiation runs in constant time
// (crypto/internal/fips140/bigmod) with CRT for two-prime keys; three-prime
// and larger keys decrypt without CRT, as crypto/rsa does.
type PrivateKey struct {
	key *stdrsa.PrivateKey
	pub *PublicKey
}

// PublicKey is an RSA public key. It is immutable and safe for concurrent
// use.
type PublicKey struct {
	key *stdrsa.PublicKey

	once sync.Once    // fills the fields below, for public-key operations
	n, e *big.Int     // copies of N and E as big.Int
	size int          // modulus size in bytes (k in RFC 8017)
	mont *montModulus // N's Montgomery constants (publicOp)
}

// The RSA number components, numbered as the C ABI's enum
// cryptogo_rsa_component (include/cryptogo_types.h). N and E are public; the
// others exist only for private keys. DMP1 = d mod (p-1), DMQ1 = d mod (q-1),
// IQMP = q^-1 mod p (pyca's RSAPrivateNumbers).
type Component int

// RSA number components.
const (
	ComponentN Component = iota + 1
	ComponentE
	ComponentD
	ComponentP
	ComponentQ
	ComponentDMP1
	ComponentDMQ1
	ComponentIQMP
)

// NewPrivateKey validates k (as pyca does when loading a key), precomputes
// its CRT values and wraps it. The caller must not use k afterwards.
//
// Two-prime keys are checked by crypto/rsa (p·q = n, d·e ≡ 1 mod p-1 and
// q-1, the CRT values, |p-q| and d not too small). Keys with more primes
// (RFC 8017 multi-prime) are checked here: the primes multiply to n and
// d·e ≡ 1 mod (r_i - 1) for each prime r_i. Primality itself is not tested.
// Errors: core.ErrInvalidArgument for an inconsistent key.
func NewPrivateKey(k *stdrsa.PrivateKey) (*PrivateKey, error) {
	if k == nil || k.N == nil || k.D == nil || len(k.Primes) < 2 {
		return nil, errs.Invalid("invalid RSA private key")
	}
	for _, p := range k.Primes {
		if p == nil || p.Cmp(bigOne) <= 0 {
			return nil, errs.Invalid("invalid RSA private key: bad prime")
		}
	}
	if len(k.Primes) > 2 {
		if err := checkMultiPrime(k); err != nil {
			return nil, err
		}
	}
	// Precompute first: it validates through crypto/rsa and caches the
	// result, so Validate returns at once (the other order does the work
	// twice). Precompute drops its error; Validate reports it.
	k.Precompute()
	if err := k.Validate(); err != nil {
		return nil, errs.Invalid("invalid RSA private key: %v", err)
	}
	pub, err := NewPublicKey(&k.PublicKey)
	if err != nil {
		return nil, err
	}
	return &PrivateKey{key: k, pub: pub}, nil
}

// checkMultiPrime checks what crypto/rsa does not check for keys with more
// than two primes (it only checks the public part of those).
func checkMultiPrime(k *stdrsa.PrivateKey) error {
	prod := new(big.Int).SetInt64(1)
	e := big.NewInt(int64(k.E))
	de := new(big.Int).Mul(k.D, e)
	pm1 := new(big.Int)
	r := new(big.Int)
	for _, p := range k.Primes {
		if p.Bit(0) == 0 {
			return errs.Invalid("invalid RSA private key: even prime")
		}
		prod.Mul(prod, p)
		pm1.Sub(p, bigOne)
		if r.Mod(de, pm1).Cmp(bigOne) != 0 {
			return errs.Invalid("invalid RSA private key: d·e ≢ 1 mod (r-1)")
		}
	}
	if prod.Cmp(k.N) != 0 {
		return errs.Invalid("invalid RSA private key: product of primes != modulus")
	}
	return nil
}

// NewPublicKey validates and wraps k.
func NewPublicKey(k *stdrsa.PublicKey) (*PublicKey, error) {
	if k == nil || k.N == nil || k.N.Sign() <= 0 || k.E < 3 || k.E%2 == 0 {
		return nil, errs.Invalid("invalid RSA public key")
	}
	return &PublicKey{key: k}, nil
}

var bigOne = big.NewInt(1)

// Key returns the standard library key. Callers must not modify it.
func (k *PrivateKey) Key() *stdrsa.PrivateKey { return k.key }

// PublicKey returns the public half of k.
func (k *PrivateKey) PublicKey() *PublicKey { return k.pub }

// Key returns the standard library key. Callers must not modify it.
func (k *PublicKey) Key() *stdrsa.PublicKey { return k.key }

// KeySize returns the modulus size in bits.
func (k *PrivateKey) KeySize() int { return k.key.N.BitLen() }

// KeySize returns the modulus size in bits.
func (k *PublicKey) KeySize() int { return k.key.N.BitLen() }

// Equal reports whether k and x have the same modulus and public exponent
// (pyca's __eq__ on RSA public keys). Not constant time (public values).
func (k *PublicKey) Equal(x *PublicKey) bool { return k.key.Equal(x.key) }

// Size returns the modulus size in bytes: the size of every signature and
// ciphertext of the key.
func (k *PublicKey) Size() int { return (k.key.N.BitLen() + 7) / 8 }

// Size returns the modulus size in bytes: the size of every signature and
// ciphertext of the key.
func (k *PrivateKey) Size() int { return (k.key.N.BitLen() + 7) / 8 }

// init fills the values cached for public-key operations (lazily, so that a
// key built by any constructor gets them).
func (k *PublicKey) init() {
	k.once.Do(func() {
		k.n = new(big.Int).Set(k.key.N)
		k.e = big.NewInt(int64(k.key.E))
		k.size = (k.n.BitLen() + 7) / 8
		if k.n.Bit(0) == 1 { // else no Montgomery form; big.Int.Exp
			k.mont = newMontModulus(k.n)
		}
	})
}

// Wipe zeroes the secret values of k held in math/big integers: D, the
// primes, Dp, Dq, Qinv and the CRT values of extra primes (including the
// spare capacity of their word arrays), and drops the standard library's
// precomputed private key. That precomputed key (crypto/internal bigmod
// values of d, p, q, dP, dQ, qInv) is unexported and cannot be zeroed: it is
// left to the garbage collector, as are temporaries of past operations. The
// key must not be used after Wipe (operations then fail).
func (k *PrivateKey) Wipe() {
	key := k.key
	if key == nil {
		return
	}
	wipe.Int(key.D)
	for _, p := range key.Primes {
		wipe.Int(p)
	}
	pc := &key.Precomputed
	wipe.Int(pc.Dp)
	wipe.Int(pc.Dq)
	wipe.Int(pc.Qinv)
	// CRTValues is deprecated but still filled by Precompute for keys with
	// more than two primes: its secrets are wiped like the others.
	crt := pc.CRTValues //lint:ignore SA1019 wiping the values Precompute still fills
	for i := range crt {
		wipe.Int(crt[i].Exp)
		wipe.Int(crt[i].Coeff)
		wipe.Int(crt[i].R)
	}
	key.Precomputed = stdrsa.PrecomputedValues{}
}

// Number returns one number of the public key, big-endian without leading
// zeros: ComponentN or ComponentE (pyca's RSAPublicNumbers). Other
// components return core.ErrInvalidArgument.
func (k *PublicKey) Number(c Component) ([]byte, error) {
	switch c {
	case ComponentN:
		return k.key.N.Bytes(), nil
	case ComponentE:
		return big.NewInt(int64(k.key.E)).Bytes(), nil
	}
	return nil, errs.Invalid("not a public RSA component: %d", c)
}

// Number returns one number of the private key, big-endian without leading
// zeros (pyca's RSAPrivateNumbers): n, e, d, p, q, dmp1, dmq1, iqmp. For a key
// with more than two primes, p and q are the first two and dmp1, dmq1, iqmp
// belong to them (as OpenSSL reports). An unknown component returns
// core.ErrInvalidArgument. The result is a fresh copy the caller should clear.
func (k *PrivateKey) Number(c Component) ([]byte, error) {
	key := k.key
	var x *big.Int
	switch c {
	case ComponentN, ComponentE:
		return k.pub.Number(c)
	case ComponentD:
		x = key.D
	case ComponentP:
		x = key.Primes[0]
	case ComponentQ:
		x = key.Primes[1]
	case ComponentDMP1:
		x = key.Precomputed.Dp
	case ComponentDMQ1:
		x = key.Precomputed.Dq
	case ComponentIQMP:
		x = key.Precomputed.Qinv
	default:
		return nil, errs.Invalid("not an RSA component: %d", c)
	}
	if x == nil {
		return nil, errs.Invalid("RSA component %d is not available (key was wiped?)", c)
	}
	return x.Bytes(), nil
}

// NewPublicKeyFromNumbers builds a public key from n and e (big-endian,
// leading zeros allowed), validated as pyca's RSAPublicNumbers.public_key():
// n >= 3, 3 <= e < n, e odd (core.ErrInvalidArgument otherwise). Exponents above
// 2^31-1, which crypto/rsa cannot represent, return core.ErrUnsupportedAlgorithm.
func NewPublicKeyFromNumbers(n, e []byte) (*PublicKey, error) {
	N := new(big.Int).SetBytes(n)
	E := new(big.Int).SetBytes(e)
	if N.Cmp(big.NewInt(3)) < 0 {
		return nil, errs.Invalid("n must be >= 3.")
	}
	if E.Cmp(big.NewInt(3)) < 0 || E.Cmp(N) >= 0 {
		return nil, errs.Invalid("e must be >= 3 and < n.")
	}
	if E.Bit(0) == 0 {
		return nil, errs.Invalid("e must be odd.")
	}
	if E.BitLen() > 31 {
		return nil, fmt.Errorf("%w: RSA public exponents above 2^31-1 are not supported", core.ErrUnsupportedAlgorithm)
	}
	return NewPublicKey(&stdrsa.PublicKey{N: N, E: int(E.Int64())})
}

// NewPrivateKeyFromNumbers builds a private key from its numbers
// (big-endian, leading zeros allowed), validated as pyca's
// RSAPrivateNumbers.private_key(): every number below n, 3 <= e < n, e, dmp1
// and dmq1 odd, p·q = n (with pyca's messages), then the consistency of d,
// dmp1, dmq1 and iqmp with p, q and e (OpenSSL's RSA_check_key; here
// crypto/rsa's checks, see NewPrivateKey). Errors: core.ErrInvalidArgument;
// core.ErrUnsupportedAlgorithm for e > 2^31-1.
func NewPrivateKeyFromNumbers(n, e, d, p, q, dmp1, dmq1, iqmp []byte) (*PrivateKey, error) {
	toInt := func(b []byte) *big.Int { return new(big.Int).SetBytes(b) }
	N, E, D, P, Q := toInt(n), toInt(e), toInt(d), toInt(p), toInt(q)
	DP, DQ, QI := toInt(dmp1), toInt(dmq1), toInt(iqmp)
	fail := func(err error) (*PrivateKey, error) {
		for _, x := range []*big.Int{D, P, Q, DP, DQ, QI} {
			wipe.Int(x)
		}
		return nil, err
	}
	switch {
	case N.Cmp(big.NewInt(3)) < 0:
		return fail(errs.Invalid("modulus must be >= 3."))
	case P.Cmp(N) >= 0:
		return fail(errs.Invalid("p must be < modulus."))
	case Q.Cmp(N) >= 0:
		return fail(errs.Invalid("q must be < modulus."))
	case DP.Cmp(N) >= 0:
		return fail(errs.Invalid("dmp1 must be < modulus."))
	case DQ.Cmp(N) >= 0:
		return fail(errs.Invalid("dmq1 must be < modulus."))
	case QI.Cmp(N) >= 0:
		return fail(errs.Invalid("iqmp must be < modulus."))
	case D.Cmp(N) >= 0:
		return fail(errs.Invalid("private_exponent must be < modulus."))
	case E.Cmp(big.NewInt(3)) < 0 || E.Cmp(N) >= 0:
		return fail(errs.Invalid("public_exponent must be >= 3 and < modulus."))
	case E.Bit(0) == 0:
		return fail(errs.Invalid("public_exponent must be odd."))
	case DP.Bit(0) == 0:
		return fail(errs.Invalid("dmp1 must be odd."))
	case DQ.Bit(0) == 0:
		return fail(errs.Invalid("dmq1 must be odd."))
	case new(big.Int).Mul(P, Q).Cmp(N) != 0:
		return fail(errs.Invalid("p*q must equal modulus."))
	case P.Bit(0) == 0 || Q.Bit(0) == 0:
		return fail(errs.Invalid("Invalid private key"))
	case E.BitLen() > 31:
		return fail(fmt.Errorf("%w: RSA public exponents above 2^31-1 are not supported", core.ErrUnsupportedAlgorithm))
	}
	key := &stdrsa.PrivateKey{
		PublicKey:   stdrsa.PublicKey{N: N, E: int(E.Int64())},
		D:           D,
		Primes:      []*big.Int{P, Q},
		Precomputed: stdrsa.PrecomputedValues{Dp: DP, Dq: DQ, Qinv: QI},
	}
	k, err := NewPrivateKey(key)
	if err != nil {
		return fail(err)
	}
	return k, nil
}
