// Package dsa is the Digital Signature Algorithm (FIPS 186-4 section 4; DER
// signatures as RFC 3279 2.2.2 Dss-Sig-Value) over Go's crypto/dsa: pyca's
// hazmat.primitives.asymmetric.dsa. DSA is a legacy algorithm, deprecated
// by Go, by pyca and by FIPS 186-5; it is here for interoperability only.
//
// Parameters (p, q, g) are generated for pyca's four key sizes, with the
// subgroup size OpenSSL (and so pyca) picks: 1024 bits with a 160-bit q,
// 2048, 3072 and 4096 bits with a 256-bit q. crypto/dsa generates the first
// three (L1024N160, L2048N256, L3072N256); it has no 4096-bit size, so
// 4096-bit parameters are generated here by the same method crypto/dsa uses
// (random probable primes q of N bits and p = k*q + 1 of L bits, FIPS 186-4
// A.1.1 without the seed, and g = h^((p-1)/q) mod p, A.2.1), over math/big's
// ProbablyPrime.
//
// Numbers are validated as pyca validates them: p of 1024, 2048, 3072 or
// 4096 bits, q of 160, 224 or 256 bits, 1 < g < p, 0 < x < q and
// y = g^x mod p. Signatures hash the message (or take a Prehashed digest)
// and truncate the digest to the byte length of q, as FIPS 186-4 4.6 and
// OpenSSL do. Verification parses the signature as strict DER (core/dss:
// one SEQUENCE of two minimal non-negative INTEGERs, nothing after it), as
// OpenSSL does by re-encoding and comparing, and needs 0 < r, s < q.
//
// Limitation: crypto/dsa computes with math/big, which is not constant
// time: the modular exponentiations and inversions of signing, key
// generation and the y = g^x check of imported keys leak timing about the
// private key x and the nonce k. This package adds no early-exit
// comparison of secrets of its own (the checks of x and of y compare
// fixed-width encodings with crypto/subtle), but it cannot remove
// math/big's variable time. Do not use DSA where an attacker can time the
// signer; pyca deprecates DSA too.
//
// Errors are core's sentinel values: core.ErrInvalidArgument (pyca's
// ValueError) for invalid sizes and numbers, core.ErrInvalidSignature,
// core.ErrUnsupportedAlgorithm for an extendable-output hash.
package dsa

import (
	"crypto/rand"
	"crypto/subtle"
	"fmt"
	"math/big"

	//lint:ignore SA1019 DSA is what this package implements (pyca's DSA); crypto/dsa is the dependency the design names
	stddsa "crypto/dsa"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/dss"
	"github.com/cryptogo/libcrypto-go/core/hash"
	"github.com/cryptogo/libcrypto-go/core/internal/errs"
	"github.com/cryptogo/libcrypto-go/core/internal/wipe"
)

// KeySizes are the sizes of p, in bits, that GenerateParameters takes
// (pyca's generate_parameters and generate_private_key).
var KeySizes = []int{1024, 2048, 3072, 4096}

// MaxModulusBits is the largest p that signing and verification take
// (OpenSSL's OPENSSL_DSA_MAX_MODULUS_BITS): a loaded key with a larger p
// cannot sign, and its signatures never verify.
const MaxModulusBits = 10000

// MaxNumberSize bounds, in bytes, every number given to this package
// (p, q, g, y, x): far above MaxModulusBits, far from any overflow.
const MaxNumberSize = 1 << 16

// Parameters are DSA domain parameters (p, q, g): pyca's DSAParameters.
type Parameters struct {
	p stddsa.Parameters
}

// PrivateKey is a DSA private key: pyca's DSAPrivateKey.
type PrivateKey struct {
	k *stddsa.PrivateKey
}

// PublicKey is a DSA public key: pyca's DSAPublicKey.
type PublicKey struct {
	k *stddsa.PublicKey
}

// subgroupBits is the size of q OpenSSL generates for a p of bits bits.
func subgroupBits(bits int) int {
	if bits >= 2048 {
		return 256
	}
	return 160
}

// GenerateParameters returns new parameters with a p of bits bits (1024,
// 2048, 3072 or 4096) and a q of 160 bits (1024) or 256 bits (the others),
// from crypto/rand. core.ErrInvalidArgument for another size (pyca's
// ValueError "Key size must be 1024, 2048, 3072, or 4096 bits."). Slow:
// seconds for 2048 and 3072 bits, tens of seconds for 4096.
func GenerateParameters(bits int) (*Parameters, error) {
	var sizes stddsa.ParameterSizes
	switch bits {
	case 1024:
		sizes = stddsa.L1024N160
	case 2048:
		sizes = stddsa.L2048N256
	case 3072:
		sizes = stddsa.L3072N256
	case 4096:
		p, err := generateLarge(4096, subgroupBits(4096))
		if err != nil {
			return nil, err
		}
		return &Parameters{*p}, nil
	default:
		return nil, errs.Invalid("Key size must be 1024, 2048, 3072, or 4096 bits.")
	}
	var p Parameters
	if err := stddsa.GenerateParameters(&p.p, rand.Reader, sizes); err != nil {
		return nil, err
	}
	return &p, nil
}

// mrRounds is the number of Miller-Rabin rounds of the primality tests of
// generateLarge (crypto/dsa uses 64; ProbablyPrime adds a Baillie-PSW test).
const mrRounds = 64

// generateLarge generates (p, q, g) with p of l bits and q of n bits: q a
// random probable prime, p = q*k + 1 for random l-bit candidates, then
// g = h^((p-1)/q) mod p for the first h = 2, 3, ... giving g != 1 (FIPS
// 186-4 A.1.1 and A.2.1, with random values in place of the seeded hash).
func generateLarge(l, n int) (*stddsa.Parameters, error) {
	qb := make([]byte, n/8)
	pb := make([]byte, l/8)
	q, p, r := new(big.Int), new(big.Int), new(big.Int)
	one := big.NewInt(1)
	q2 := new(big.Int)
	for {
		if _, err := rand.Read(qb); err != nil {
			return nil, err
		}
		qb[0] |= 0x80
		qb[len(qb)-1] |= 1
		q.SetBytes(qb)
		if !q.ProbablyPrime(mrRounds) {
			continue
		}
		q2.Lsh(q, 1)
		found := false
		for range 4 * l {
			if _, err := rand.Read(pb); err != nil {
				return nil, err
			}
			pb[0] |= 0x80
			p.SetBytes(pb)
			// p = X - ((X mod 2q) - 1): p ≡ 1 mod 2q, so p is odd and q | p-1.
			r.Mod(p, q2)
			r.Sub(r, one)
			p.Sub(p, r)
			if p.BitLen() != l {
				continue
			}
			if p.ProbablyPrime(mrRounds) {
				found = true
				break
			}
		}
		if found {
			break
		}
	}
	e := new(big.Int).Sub(p, one)
	e.Div(e, q)
	g := new(big.Int)
	for h := big.NewInt(2); ; h.Add(h, one) {
		g.Exp(h, e, p)
		if g.Cmp(one) != 0 {
			break
		}
	}
	return &stddsa.Parameters{P: p, Q: q, G: g}, nil
}

// number reads a big-endian unsigned integer of at most MaxNumberSize bytes.
func number(b []byte, name string) (*big.Int, error) {
	if len(b) > MaxNumberSize {
		return nil, errs.Invalid("%s is too large", name)
	}
	return new(big.Int).SetBytes(b), nil
}

// checkParameters is pyca's check of DSAParameterNumbers, in its order.
func checkParameters(p, q, g *big.Int) error {
	switch p.BitLen() {
	case 1024, 2048, 3072, 4096:
	default:
		return errs.Invalid("p must be exactly 1024, 2048, 3072, or 4096 bits long")
	}
	switch q.BitLen() {
	case 160, 224, 256:
	default:
		return errs.Invalid("q must be exactly 160, 224, or 256 bits long")
	}
	if g.Cmp(big.NewInt(1)) <= 0 || g.Cmp(p) >= 0 {
		return errs.Invalid("g, p don't satisfy 1 < g < p.")
	}
	return nil
}

// NewParameters returns the parameters p, q, g (big-endian unsigned
// integers of any length) after pyca's checks (DSAParameterNumbers
// .parameters()): p of 1024, 2048, 3072 or 4096 bits, q of 160, 224 or 256
// bits, 1 < g < p; core.ErrInvalidArgument otherwise. The primality of p
// and q and the order of g are not checked (neither does pyca).
func NewParameters(p, q, g []byte) (*Parameters, error) {
	pp, err := number(p, "p")
	if err != nil {
		return nil, err
	}
	qq, err := number(q, "q")
	if err != nil {
		return nil, err
	}
	gg, err := number(g, "g")
	if err != nil {
		return nil, err
	}
	if err := checkParameters(pp, qq, gg); err != nil {
		return nil, err
	}
	return &Parameters{stddsa.Parameters{P: pp, Q: qq, G: gg}}, nil
}

// P returns p, big-endian, minimal.
func (p *Parameters) P() []byte { return p.p.P.Bytes() }

// Q returns q, big-endian, minimal.
func (p *Parameters) Q() []byte { return p.p.Q.Bytes() }

// G returns g, big-endian, minimal.
func (p *Parameters) G() []byte { return p.p.G.Bytes() }

// Bits returns the size of p in bits.
func (p *Parameters) Bits() int { return p.p.P.BitLen() }

// GenerateKey returns a new private key with these parameters: x random in
// [1, q-1] from crypto/rand, y = g^x mod p (crypto/dsa.GenerateKey;
// pyca's DSAParameters.generate_private_key). Variable time (math/big).
func (p *Parameters) GenerateKey() (*PrivateKey, error) {
	k := &stddsa.PrivateKey{PublicKey: stddsa.PublicKey{Parameters: stddsa.Parameters{
		P: new(big.Int).Set(p.p.P), Q: new(big.Int).Set(p.p.Q), G: new(big.Int).Set(p.p.G),
	}}}
	if err := stddsa.GenerateKey(k, rand.Reader); err != nil {
		return nil, fmt.Errorf("%w: %v", core.ErrInvalidArgument, err)
	}
	return &PrivateKey{k}, nil
}

// Generate returns a new key with new parameters of bits bits (pyca's
// generate_private_key); the errors of GenerateParameters.
func Generate(bits int) (*PrivateKey, error) {
	p, err := GenerateParameters(bits)
	if err != nil {
		return nil, err
	}
	return p.GenerateKey()
}

// NewPublicKey returns the public key y with the parameters p, q, g (pyca's
// DSAPublicNumbers.public_key()): the checks of NewParameters, y is not
// checked (as pyca).
func NewPublicKey(p, q, g, y []byte) (*PublicKey, error) {
	params, err := NewParameters(p, q, g)
	if err != nil {
		return nil, err
	}
	yy, err := number(y, "y")
	if err != nil {
		return nil, err
	}
	return &PublicKey{&stddsa.PublicKey{Parameters: params.p, Y: yy}}, nil
}

// NewPrivateKey returns the private key x with public value y and the
// parameters p, q, g (pyca's DSAPrivateNumbers.private_key()): the checks
// of NewParameters, then 0 < x < q ("x must be > 0 and < q.") and
// y = g^x mod p ("y must be equal to (g ** x % p)."), core.ErrInvalidArgument
// otherwise. Both checks compare fixed-width encodings in constant time;
// the exponentiation is math/big's (variable time).
func NewPrivateKey(p, q, g, y, x []byte) (*PrivateKey, error) {
	pub, err := NewPublicKey(p, q, g, y)
	if err != nil {
		return nil, err
	}
	xx, err := number(x, "x")
	if err != nil {
		return nil, err
	}
	params := &pub.k.Parameters
	if !inRange(xx, params.Q) {
		wipe.Int(xx)
		return nil, errs.Invalid("x must be > 0 and < q.")
	}
	yy := new(big.Int).Exp(params.G, xx, params.P)
	n := (params.P.BitLen() + 7) / 8
	if subtle.ConstantTimeCompare(yy.FillBytes(make([]byte, n)), fixed(pub.k.Y, n)) != 1 {
		wipe.Int(xx)
		return nil, errs.Invalid("%s", "y must be equal to (g ** x % p).")
	}
	return &PrivateKey{&stddsa.PrivateKey{PublicKey: *pub.k, X: xx}}, nil
}

// fixed returns v as n big-endian bytes, or a value of n bytes that no
// n-byte encoding of a smaller number equals when v does not fit.
func fixed(v *big.Int, n int) []byte {
	if (v.BitLen()+7)/8 > n {
		return append(make([]byte, n), 0) // n+1 bytes: never equal
	}
	return v.FillBytes(make([]byte, n))
}

// inRange reports 0 < x < q without an early exit on x: both are compared
// as fixed-width encodings (q is public; its width bounds x's).
func inRange(x, q *big.Int) bool {
	n := (q.BitLen() + 7) / 8
	if (x.BitLen()+7)/8 > n {
		return false // x is wider than q: its size, not its value, says so
	}
	xb := x.FillBytes(make([]byte, n))
	defer clear(xb)
	qb := q.FillBytes(make([]byte, n))
	return ctLess(xb, qb) && !ctZero(xb)
}

// ctLess reports a < b for equal-length big-endian values in constant time.
func ctLess(a, b []byte) bool {
	lt, gt := 0, 0
	for i := range a {
		x, y := int(a[i]), int(b[i])
		undecided := 1 ^ (lt | gt)
		lt |= undecided & ((x - y) >> 8 & 1)
		gt |= undecided & ((y - x) >> 8 & 1)
	}
	return lt == 1
}

func ctZero(a []byte) bool {
	var acc byte
	for _, v := range a {
		acc |= v
	}
	return subtle.ConstantTimeByteEq(acc, 0) == 1
}

// FromStd wraps a crypto/dsa private key (a copy of its numbers), with the
// checks of LoadedPrivateKey.
func FromStd(k *stddsa.PrivateKey) (*PrivateKey, error) {
	return LoadedPrivateKey(k.P.Bytes(), k.Q.Bytes(), k.G.Bytes(), k.Y.Bytes(), k.X.Bytes())
}

// LoadedPrivateKey builds the private key of numbers read from a
// serialized key (PKCS #8, OpenSSL's traditional format): unlike
// NewPrivateKey it makes no pyca check (pyca loads such keys as OpenSSL
// hands them over, and refuses only their use); it needs p, q, g and x
// positive and numbers of at most MaxNumberSize bytes, else
// core.ErrInvalidArgument. y nil is computed as g^x mod p (what OpenSSL
// does for a PKCS #8 key, which stores no y); p and x must then have at
// most MaxModulusBits bits, which bounds the work.
func LoadedPrivateKey(p, q, g, y, x []byte) (*PrivateKey, error) {
	var v [5]*big.Int
	for i, b := range [][]byte{p, q, g, y, x} {
		if len(b) > MaxNumberSize {
			return nil, errs.Invalid("DSA number too large")
		}
		v[i] = new(big.Int).SetBytes(b)
	}
	if v[0].Sign() == 0 || v[1].Sign() == 0 || v[2].Sign() == 0 || v[4].Sign() == 0 {
		return nil, errs.Invalid("invalid DSA key")
	}
	if y == nil {
		if v[0].BitLen() > MaxModulusBits || v[4].BitLen() > MaxModulusBits {
			return nil, errs.Invalid("invalid DSA key")
		}
		v[3].Exp(v[2], v[4], v[0])
	}
	return &PrivateKey{&stddsa.PrivateKey{
		PublicKey: stddsa.PublicKey{Parameters: stddsa.Parameters{P: v[0], Q: v[1], G: v[2]}, Y: v[3]},
		X:         v[4],
	}}, nil
}

// LoadedPublicKey is LoadedPrivateKey for a public key (SubjectPublicKeyInfo,
// OpenSSH): p, q and g must be positive.
func LoadedPublicKey(p, q, g, y []byte) (*PublicKey, error) {
	var v [4]*big.Int
	for i, b := range [][]byte{p, q, g, y} {
		if len(b) > MaxNumberSize {
			return nil, errs.Invalid("DSA number too large")
		}
		v[i] = new(big.Int).SetBytes(b)
	}
	if v[0].Sign() == 0 || v[1].Sign() == 0 || v[2].Sign() == 0 {
		return nil, errs.Invalid("invalid DSA key")
	}
	return &PublicKey{&stddsa.PublicKey{Parameters: stddsa.Parameters{P: v[0], Q: v[1], G: v[2]}, Y: v[3]}}, nil
}

// Key returns the crypto/dsa key (for golang.org/x/crypto/ssh).
func (k *PrivateKey) Key() *stddsa.PrivateKey { return k.k }

// Key returns the crypto/dsa key (for golang.org/x/crypto/ssh).
func (k *PublicKey) Key() *stddsa.PublicKey { return k.k }

// Public returns the public key.
func (k *PrivateKey) Public() *PublicKey { return &PublicKey{&k.k.PublicKey} }

// Parameters returns the key's parameters.
func (k *PrivateKey) Parameters() *Parameters { return &Parameters{k.k.Parameters} }

// Parameters returns the key's parameters.
func (k *PublicKey) Parameters() *Parameters { return &Parameters{k.k.Parameters} }

// Bits returns the size of p in bits (pyca's key_size).
func (k *PrivateKey) Bits() int { return k.k.P.BitLen() }

// Bits returns the size of p in bits (pyca's key_size).
func (k *PublicKey) Bits() int { return k.k.P.BitLen() }

// P returns p, big-endian, minimal.
func (k *PublicKey) P() []byte { return k.k.P.Bytes() }

// Q returns q, big-endian, minimal.
func (k *PublicKey) Q() []byte { return k.k.Q.Bytes() }

// G returns g, big-endian, minimal.
func (k *PublicKey) G() []byte { return k.k.G.Bytes() }

// Y returns y, big-endian, minimal.
func (k *PublicKey) Y() []byte { return k.k.Y.Bytes() }

// X returns the private value x, big-endian, as many bytes as q has (a
// fixed width: the length does not tell x's size). The caller wipes it.
func (k *PrivateKey) X() []byte {
	n := (k.k.Q.BitLen() + 7) / 8
	if (k.k.X.BitLen()+7)/8 > n { // a loaded key with x >= q
		return k.k.X.Bytes()
	}
	return k.k.X.FillBytes(make([]byte, n))
}

// Wipe zeroes x. The key must not be used afterwards.
func (k *PrivateKey) Wipe() { wipe.Int(k.k.X) }

// Component names a number of a key; the values are the C ABI's enum
// cryptogo_dsa_component.
type Component int

// The numbers of a key (pyca's DSAParameterNumbers p, q, g,
// DSAPublicNumbers y, DSAPrivateNumbers x).
const (
	ComponentP Component = 1
	ComponentQ Component = 2
	ComponentG Component = 3
	ComponentY Component = 4
	ComponentX Component = 5 // private keys only
)

// Number returns p, q, g or y, big-endian, minimal (0 is empty);
// core.ErrInvalidArgument for another component.
func (k *PublicKey) Number(c Component) ([]byte, error) {
	switch c {
	case ComponentP:
		return k.P(), nil
	case ComponentQ:
		return k.Q(), nil
	case ComponentG:
		return k.G(), nil
	case ComponentY:
		return k.Y(), nil
	}
	return nil, errs.Invalid("unknown DSA public key component %d", int(c))
}

// Number returns p, q, g, y (as PublicKey.Number) or x (as X: the byte
// length of q); core.ErrInvalidArgument for another component.
func (k *PrivateKey) Number(c Component) ([]byte, error) {
	if c == ComponentX {
		return k.X(), nil
	}
	if c < ComponentP || c > ComponentY {
		return nil, errs.Invalid("unknown DSA private key component %d", int(c))
	}
	return k.Public().Number(c)
}

// Equal reports whether k and o have the same p, q, g and y (OpenSSL's
// EVP_PKEY_eq; public values, not constant time).
func (k *PublicKey) Equal(o *PublicKey) bool {
	if k == nil || o == nil {
		return false
	}
	a, b := k.k, o.k
	return a.P.Cmp(b.P) == 0 && a.Q.Cmp(b.Q) == 0 && a.G.Cmp(b.G) == 0 && a.Y.Cmp(b.Y) == 0
}

// digest hashes msg with h (or checks the length of the digest msg when
// prehashed) and truncates the digest to the byte length of q (FIPS 186-4
// 4.6; OpenSSL truncates to BN_num_bytes(q)). Every hash of core/hash is
// taken, as pyca's DSA signs any digest; an XOF (SHAKE), whose output size
// the algorithm alone does not give, only prehashed: its digest may then
// have any non-zero length (the caller chose the XOF's output size), else
// core.ErrUnsupportedAlgorithm.
func digest(msg []byte, h hash.Algorithm, prehashed bool, q *big.Int) ([]byte, error) {
	if !h.Valid() || (h.IsXOF() && !prehashed) {
		return nil, fmt.Errorf("%w: hash algorithm %d is not supported for DSA", core.ErrUnsupportedAlgorithm, int(h))
	}
	var d []byte
	if prehashed {
		if h.IsXOF() && len(msg) == 0 || !h.IsXOF() && len(msg) != h.Size() {
			return nil, errs.Invalid("The provided data must be the same length as the hash algorithm's digest size.")
		}
		d = msg
	} else {
		var err error
		if d, err = hash.Digest(h, 0, msg); err != nil {
			return nil, err
		}
	}
	if n := (q.BitLen() + 7) / 8; len(d) > n {
		d = d[:n]
	}
	return d, nil
}

// MaxSignatureSize returns the largest DER signature of a key whose q has
// qBits bits: two INTEGERs of up to qBytes+1 bytes in a SEQUENCE.
func MaxSignatureSize(qBits int) int {
	n := (qBits+7)/8 + 1
	return dss.EncodedSize(n, n)
}

// MaxSignatureSize returns the largest DER signature of k.
func (k *PrivateKey) MaxSignatureSize() int { return MaxSignatureSize(k.k.Q.BitLen()) }

// Sign returns the DER Dss-Sig-Value (RFC 3279 2.2.2) of msg hashed with h
// (or of the digest msg when prehashed; pyca's Prehashed), the digest
// truncated to the byte length of q, with a random nonce from crypto/rand
// (crypto/dsa.Sign). Errors: core.ErrUnsupportedAlgorithm for an XOF or an
// unknown hash; core.ErrInvalidArgument for a prehashed msg of the wrong
// size, and for a key that cannot sign (q not a whole number of bytes, p
// over MaxModulusBits, degenerate numbers for which crypto/dsa finds no
// signature, such as pyca's "nilpotent" test key; pyca's ValueError).
// Variable time (math/big).
func (k *PrivateKey) Sign(msg []byte, h hash.Algorithm, prehashed bool) ([]byte, error) {
	d, err := digest(msg, h, prehashed, k.k.Q)
	if err != nil {
		return nil, err
	}
	if k.k.P.BitLen() > MaxModulusBits {
		return nil, errs.Invalid("DSA modulus too large")
	}
	r, s, err := stddsa.Sign(rand.Reader, k.k, d)
	if err != nil {
		return nil, errs.Invalid("DSA signing failed: %v", err)
	}
	return dss.EncodeSignature(r.Bytes(), s.Bytes())
}

// Verify checks sig, a DER Dss-Sig-Value, over msg (see Sign):
// core.ErrInvalidSignature for a signature that is not strict DER (as
// OpenSSL, which re-encodes it and compares), has r or s outside [1, q-1],
// or does not verify, and for a key OpenSSL would not verify with (q not
// of 160, 224 or 256 bits, p over MaxModulusBits). The hash errors of Sign.
// Not constant time (public values).
func (k *PublicKey) Verify(sig, msg []byte, h hash.Algorithm, prehashed bool) error {
	d, err := digest(msg, h, prehashed, k.k.Q)
	if err != nil {
		return err
	}
	switch k.k.Q.BitLen() {
	case 160, 224, 256:
	default:
		return core.ErrInvalidSignature
	}
	if k.k.P.BitLen() > MaxModulusBits {
		return core.ErrInvalidSignature
	}
	rb, sb, err := dss.DecodeSignature(sig)
	if err != nil {
		return core.ErrInvalidSignature
	}
	r, s := new(big.Int).SetBytes(rb), new(big.Int).SetBytes(sb)
	if !stddsa.Verify(k.k, d, r, s) {
		return core.ErrInvalidSignature
	}
	return nil
}

// ParametersEqual reports whether a and b are the same parameters.
func ParametersEqual(a, b *Parameters) bool {
	return a != nil && b != nil && a.p.P.Cmp(b.p.P) == 0 && a.p.Q.Cmp(b.p.Q) == 0 && a.p.G.Cmp(b.p.G) == 0
}
