package core

import (
	"bytes"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/subtle"
	"encoding/binary"
	"fmt"
	"hash"
	"math/big"
	"math/bits"
	"sync"
)

// RSAPrivateKey is an RSA private key (RFC 8017). It is immutable and safe
// for concurrent use; Wipe zeroes its secret values and must only be called
// when no other call is using the key (the C ABI's free guarantees that).
//
// Private-key operations (decryption, signing) go through the standard
// library's crypto/rsa, whose modular exponentiation runs in constant time
// (crypto/internal/fips140/bigmod) with CRT for two-prime keys; three-prime
// and larger keys decrypt without CRT, as crypto/rsa does.
type RSAPrivateKey struct {
	key *rsa.PrivateKey
	pub *RSAPublicKey
}

// RSAPublicKey is an RSA public key. It is immutable and safe for concurrent
// use.
type RSAPublicKey struct {
	key *rsa.PublicKey

	once sync.Once    // fills the fields below, for public-key operations
	n, e *big.Int     // copies of N and E as big.Int
	size int          // modulus size in bytes (k in RFC 8017)
	mont *montModulus // N's Montgomery constants (publicOp)
}

// The RSA number components, numbered as the C ABI's enum
// cryptogo_rsa_component (include/cryptogo_types.h). N and E are public; the
// others exist only for private keys. DMP1 = d mod (p-1), DMQ1 = d mod (q-1),
// IQMP = q^-1 mod p (pyca's RSAPrivateNumbers).
type RSAComponent int

// RSA number components.
const (
	RSAComponentN RSAComponent = iota + 1
	RSAComponentE
	RSAComponentD
	RSAComponentP
	RSAComponentQ
	RSAComponentDMP1
	RSAComponentDMQ1
	RSAComponentIQMP
)

// PSS salt length rules (pyca's padding.PSS.MAX_LENGTH, DIGEST_LENGTH and
// AUTO); a value >= 0 is an explicit salt length in bytes. The values are the
// C ABI's enum cryptogo_pss_salt.
const (
	// PSSSaltMaxLength is the longest salt the key allows when signing
	// (emLen - hLen - 2, emLen = ceil((modBits-1)/8)); when verifying, the
	// salt must have exactly that length (as OpenSSL, hence pyca).
	PSSSaltMaxLength = -1
	// PSSSaltDigestLength is a salt as long as the digest.
	PSSSaltDigestLength = -2
	// PSSSaltAuto accepts any salt length; verification only.
	PSSSaltAuto = -3
)

// rsaMaxGenerateBits bounds GenerateRSAPrivateKey, as OpenSSL's
// OPENSSL_RSA_MAX_MODULUS_BITS bounds pyca's generate_private_key.
const rsaMaxGenerateBits = 16384

// NewRSAPrivateKey validates k (as pyca does when loading a key), precomputes
// its CRT values and wraps it. The caller must not use k afterwards.
//
// Two-prime keys are checked by crypto/rsa (p·q = n, d·e ≡ 1 mod p-1 and
// q-1, the CRT values, |p-q| and d not too small). Keys with more primes
// (RFC 8017 multi-prime) are checked here: the primes multiply to n and
// d·e ≡ 1 mod (r_i - 1) for each prime r_i. Primality itself is not tested.
// Errors: ErrInvalidArgument for an inconsistent key.
func NewRSAPrivateKey(k *rsa.PrivateKey) (*RSAPrivateKey, error) {
	if k == nil || k.N == nil || k.D == nil || len(k.Primes) < 2 {
		return nil, invalid("invalid RSA private key")
	}
	for _, p := range k.Primes {
		if p == nil || p.Cmp(bigOne) <= 0 {
			return nil, invalid("invalid RSA private key: bad prime")
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
		return nil, invalid("invalid RSA private key: %v", err)
	}
	pub, err := NewRSAPublicKey(&k.PublicKey)
	if err != nil {
		return nil, err
	}
	return &RSAPrivateKey{key: k, pub: pub}, nil
}

// checkMultiPrime checks what crypto/rsa does not check for keys with more
// than two primes (it only checks the public part of those).
func checkMultiPrime(k *rsa.PrivateKey) error {
	prod := new(big.Int).SetInt64(1)
	e := big.NewInt(int64(k.E))
	de := new(big.Int).Mul(k.D, e)
	pm1 := new(big.Int)
	r := new(big.Int)
	for _, p := range k.Primes {
		if p.Bit(0) == 0 {
			return invalid("invalid RSA private key: even prime")
		}
		prod.Mul(prod, p)
		pm1.Sub(p, bigOne)
		if r.Mod(de, pm1).Cmp(bigOne) != 0 {
			return invalid("invalid RSA private key: d·e ≢ 1 mod (r-1)")
		}
	}
	if prod.Cmp(k.N) != 0 {
		return invalid("invalid RSA private key: product of primes != modulus")
	}
	return nil
}

// NewRSAPublicKey validates and wraps k.
func NewRSAPublicKey(k *rsa.PublicKey) (*RSAPublicKey, error) {
	if k == nil || k.N == nil || k.N.Sign() <= 0 || k.E < 3 || k.E%2 == 0 {
		return nil, invalid("invalid RSA public key")
	}
	return &RSAPublicKey{key: k}, nil
}

var bigOne = big.NewInt(1)

// Key returns the standard library key. Callers must not modify it.
func (k *RSAPrivateKey) Key() *rsa.PrivateKey { return k.key }

// PublicKey returns the public half of k.
func (k *RSAPrivateKey) PublicKey() *RSAPublicKey { return k.pub }

// Key returns the standard library key. Callers must not modify it.
func (k *RSAPublicKey) Key() *rsa.PublicKey { return k.key }

// KeySize returns the modulus size in bits.
func (k *RSAPrivateKey) KeySize() int { return k.key.N.BitLen() }

// KeySize returns the modulus size in bits.
func (k *RSAPublicKey) KeySize() int { return k.key.N.BitLen() }

// Size returns the modulus size in bytes: the size of every signature and
// ciphertext of the key.
func (k *RSAPublicKey) Size() int { return (k.key.N.BitLen() + 7) / 8 }

// Size returns the modulus size in bytes: the size of every signature and
// ciphertext of the key.
func (k *RSAPrivateKey) Size() int { return (k.key.N.BitLen() + 7) / 8 }

// init fills the values cached for public-key operations (lazily, so that a
// key built by any constructor gets them).
func (k *RSAPublicKey) init() {
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
func (k *RSAPrivateKey) Wipe() {
	key := k.key
	if key == nil {
		return
	}
	wipeInt(key.D)
	for _, p := range key.Primes {
		wipeInt(p)
	}
	pc := &key.Precomputed
	wipeInt(pc.Dp)
	wipeInt(pc.Dq)
	wipeInt(pc.Qinv)
	for i := range pc.CRTValues {
		wipeInt(pc.CRTValues[i].Exp)
		wipeInt(pc.CRTValues[i].Coeff)
		wipeInt(pc.CRTValues[i].R)
	}
	key.Precomputed = rsa.PrecomputedValues{}
}

// wipeInt zeroes the words of x, up to their capacity, and sets x to 0.
func wipeInt(x *big.Int) {
	if x == nil {
		return
	}
	w := x.Bits()
	clear(w[:cap(w)])
	x.SetInt64(0)
}

// ---------------------------------------------------------------------------
// Generation and numbers.

// GenerateRSAPrivateKey generates a key with the given public exponent and
// modulus size in bits, as pyca's rsa.generate_private_key: the exponent must
// be 3 or 65537 and the size at least 1024 bits (ErrInvalidArgument, pyca's
// ValueError, otherwise); sizes above 16384 bits, which OpenSSL refuses too,
// return ErrInvalidArgument.
//
// e = 65537 uses crypto/rsa.GenerateKey. e = 3, which crypto/rsa cannot
// generate, draws primes p ≡ q ≡ 2 (mod 3) (so gcd(3, p-1) = gcd(3, q-1) = 1)
// from crypto/rand.Prime with the top two bits set (so n has exactly the
// requested size), with |p-q| > 2^(bits/2-100), and d = 3^-1 mod
// lcm(p-1, q-1); the key is then validated by crypto/rsa like any other.
func GenerateRSAPrivateKey(publicExponent uint64, keySize int) (*RSAPrivateKey, error) {
	if publicExponent != 3 && publicExponent != 65537 {
		return nil, invalid("public_exponent must be either 3 (for legacy compatibility) or 65537. Almost everyone should choose 65537 here!")
	}
	if keySize < 1024 {
		return nil, invalid("key_size must be at least 1024-bits.")
	}
	if keySize > rsaMaxGenerateBits {
		return nil, invalid("key_size must be at most %d bits", rsaMaxGenerateBits)
	}
	var key *rsa.PrivateKey
	var err error
	if publicExponent == 65537 {
		key, err = rsa.GenerateKey(rand.Reader, keySize)
	} else {
		key, err = generateRSAExponent3(keySize)
	}
	if err != nil {
		return nil, err
	}
	return NewRSAPrivateKey(key)
}

func generateRSAExponent3(bits int) (*rsa.PrivateKey, error) {
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
		key := &rsa.PrivateKey{
			PublicKey: rsa.PublicKey{N: n, E: 3},
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

// Number returns one number of the public key, big-endian without leading
// zeros: RSAComponentN or RSAComponentE (pyca's RSAPublicNumbers). Other
// components return ErrInvalidArgument.
func (k *RSAPublicKey) Number(c RSAComponent) ([]byte, error) {
	switch c {
	case RSAComponentN:
		return k.key.N.Bytes(), nil
	case RSAComponentE:
		return big.NewInt(int64(k.key.E)).Bytes(), nil
	}
	return nil, invalid("not a public RSA component: %d", c)
}

// Number returns one number of the private key, big-endian without leading
// zeros (pyca's RSAPrivateNumbers): n, e, d, p, q, dmp1, dmq1, iqmp. For a key
// with more than two primes, p and q are the first two and dmp1, dmq1, iqmp
// belong to them (as OpenSSL reports). An unknown component returns
// ErrInvalidArgument. The result is a fresh copy the caller should clear.
func (k *RSAPrivateKey) Number(c RSAComponent) ([]byte, error) {
	key := k.key
	var x *big.Int
	switch c {
	case RSAComponentN, RSAComponentE:
		return k.pub.Number(c)
	case RSAComponentD:
		x = key.D
	case RSAComponentP:
		x = key.Primes[0]
	case RSAComponentQ:
		x = key.Primes[1]
	case RSAComponentDMP1:
		x = key.Precomputed.Dp
	case RSAComponentDMQ1:
		x = key.Precomputed.Dq
	case RSAComponentIQMP:
		x = key.Precomputed.Qinv
	default:
		return nil, invalid("not an RSA component: %d", c)
	}
	if x == nil {
		return nil, invalid("RSA component %d is not available (key was wiped?)", c)
	}
	return x.Bytes(), nil
}

// NewRSAPublicKeyFromNumbers builds a public key from n and e (big-endian,
// leading zeros allowed), validated as pyca's RSAPublicNumbers.public_key():
// n >= 3, 3 <= e < n, e odd (ErrInvalidArgument otherwise). Exponents above
// 2^31-1, which crypto/rsa cannot represent, return ErrUnsupportedAlgorithm.
func NewRSAPublicKeyFromNumbers(n, e []byte) (*RSAPublicKey, error) {
	N := new(big.Int).SetBytes(n)
	E := new(big.Int).SetBytes(e)
	if N.Cmp(big.NewInt(3)) < 0 {
		return nil, invalid("n must be >= 3.")
	}
	if E.Cmp(big.NewInt(3)) < 0 || E.Cmp(N) >= 0 {
		return nil, invalid("e must be >= 3 and < n.")
	}
	if E.Bit(0) == 0 {
		return nil, invalid("e must be odd.")
	}
	if E.BitLen() > 31 {
		return nil, fmt.Errorf("%w: RSA public exponents above 2^31-1 are not supported", ErrUnsupportedAlgorithm)
	}
	return NewRSAPublicKey(&rsa.PublicKey{N: N, E: int(E.Int64())})
}

// NewRSAPrivateKeyFromNumbers builds a private key from its numbers
// (big-endian, leading zeros allowed), validated as pyca's
// RSAPrivateNumbers.private_key(): every number below n, 3 <= e < n, e, dmp1
// and dmq1 odd, p·q = n (with pyca's messages), then the consistency of d,
// dmp1, dmq1 and iqmp with p, q and e (OpenSSL's RSA_check_key; here
// crypto/rsa's checks, see NewRSAPrivateKey). Errors: ErrInvalidArgument;
// ErrUnsupportedAlgorithm for e > 2^31-1.
func NewRSAPrivateKeyFromNumbers(n, e, d, p, q, dmp1, dmq1, iqmp []byte) (*RSAPrivateKey, error) {
	toInt := func(b []byte) *big.Int { return new(big.Int).SetBytes(b) }
	N, E, D, P, Q := toInt(n), toInt(e), toInt(d), toInt(p), toInt(q)
	DP, DQ, QI := toInt(dmp1), toInt(dmq1), toInt(iqmp)
	fail := func(err error) (*RSAPrivateKey, error) {
		for _, x := range []*big.Int{D, P, Q, DP, DQ, QI} {
			wipeInt(x)
		}
		return nil, err
	}
	switch {
	case N.Cmp(big.NewInt(3)) < 0:
		return fail(invalid("modulus must be >= 3."))
	case P.Cmp(N) >= 0:
		return fail(invalid("p must be < modulus."))
	case Q.Cmp(N) >= 0:
		return fail(invalid("q must be < modulus."))
	case DP.Cmp(N) >= 0:
		return fail(invalid("dmp1 must be < modulus."))
	case DQ.Cmp(N) >= 0:
		return fail(invalid("dmq1 must be < modulus."))
	case QI.Cmp(N) >= 0:
		return fail(invalid("iqmp must be < modulus."))
	case D.Cmp(N) >= 0:
		return fail(invalid("private_exponent must be < modulus."))
	case E.Cmp(big.NewInt(3)) < 0 || E.Cmp(N) >= 0:
		return fail(invalid("public_exponent must be >= 3 and < modulus."))
	case E.Bit(0) == 0:
		return fail(invalid("public_exponent must be odd."))
	case DP.Bit(0) == 0:
		return fail(invalid("dmp1 must be odd."))
	case DQ.Bit(0) == 0:
		return fail(invalid("dmq1 must be odd."))
	case new(big.Int).Mul(P, Q).Cmp(N) != 0:
		return fail(invalid("p*q must equal modulus."))
	case P.Bit(0) == 0 || Q.Bit(0) == 0:
		return fail(invalid("Invalid private key"))
	case E.BitLen() > 31:
		return fail(fmt.Errorf("%w: RSA public exponents above 2^31-1 are not supported", ErrUnsupportedAlgorithm))
	}
	key := &rsa.PrivateKey{
		PublicKey:   rsa.PublicKey{N: N, E: int(E.Int64())},
		D:           D,
		Primes:      []*big.Int{P, Q},
		Precomputed: rsa.PrecomputedValues{Dp: DP, Dq: DQ, Qinv: QI},
	}
	k, err := NewRSAPrivateKey(key)
	if err != nil {
		return fail(err)
	}
	return k, nil
}

// ---------------------------------------------------------------------------
// Hash rules.

// oaepHash checks an OAEP or OAEP-MGF1 hash: SHA-1 or SHA-2 (pyca with
// OpenSSL accepts SHA-1 and SHA-224/256/384/512; SHA-512/224 and SHA-512/256
// are accepted here as well, they are SHA-2 too).
func oaepHash(h Hash) (crypto.Hash, error) {
	switch h {
	case SHA1, SHA224, SHA256, SHA384, SHA512, SHA512_224, SHA512_256:
		return h.CryptoHash(), nil
	}
	return 0, fmt.Errorf("%w: %s is not supported for RSA-OAEP (SHA-1 and SHA-2 only)", ErrUnsupportedAlgorithm, hashLabel(h))
}

// signatureHash checks a hash for RSA signatures (message hash of PKCS1v15
// and PSS, and PSS's MGF1 hash): SHA-1, SHA-2, SHA-3 and MD5, the digests
// OpenSSL's RSA signatures accept. BLAKE2 and SHAKE are
// ErrUnsupportedAlgorithm, as in pyca.
func signatureHash(h Hash) error {
	switch h {
	case SHA1, SHA224, SHA256, SHA384, SHA512, SHA512_224, SHA512_256,
		SHA3_224, SHA3_256, SHA3_384, SHA3_512, MD5:
		return nil
	}
	return fmt.Errorf("%w: %s is not supported for RSA signatures", ErrUnsupportedAlgorithm, hashLabel(h))
}

func hashLabel(h Hash) string {
	if h.Valid() {
		return h.Name()
	}
	return fmt.Sprintf("hash algorithm %d", int(h))
}

// rsaDigest hashes msg with h, or, for a prehashed msg (pyca's
// utils.Prehashed), checks that it has the digest's size.
func rsaDigest(msg []byte, h Hash, prehashed bool) ([]byte, error) {
	if prehashed {
		if len(msg) != h.Size() {
			return nil, invalid("The provided data must be the same length as the hash algorithm's digest size.")
		}
		return msg, nil
	}
	hh, err := h.New()
	if err != nil {
		return nil, err
	}
	hh.Write(msg)
	return hh.Sum(nil), nil
}

// stdError maps an error of crypto/rsa in a signing or encryption call.
func (k *RSAPublicKey) stdError(err error, tooLong string) error {
	switch {
	case err == nil:
		return nil
	case err == rsa.ErrMessageTooLong:
		return invalid("%s", tooLong)
	case k.KeySize() < 1024:
		// crypto/rsa refuses keys under 1024 bits unless GODEBUG=rsa1024min=0
		// (the C library sets it; see capi/rsa.go).
		return fmt.Errorf("%w: %v", ErrUnsupportedAlgorithm, err)
	}
	return fmt.Errorf("rsa: %w", err)
}

const (
	msgDataTooLong = "Data too long for key size. Encrypt less data or use a larger key size."
	msgSignTooLong = "Digest or salt length too long for key size. Use a larger key or shorter salt length if you are specifying a PSS salt"
	msgCiphertext  = "Ciphertext length must be equal to key size."
)

// ---------------------------------------------------------------------------
// Encryption.

// MaxOAEPPlaintextSize returns the longest message EncryptOAEP accepts with
// OAEP hash h: k - 2·hLen - 2 bytes (0 when the key is too small).
func (k *RSAPublicKey) MaxOAEPPlaintextSize(h Hash) int {
	return max(0, k.Size()-2*h.Size()-2)
}

// MaxPKCS1v15PlaintextSize returns the longest message EncryptPKCS1v15
// accepts: k - 11 bytes.
func (k *RSAPublicKey) MaxPKCS1v15PlaintextSize() int { return max(0, k.Size()-11) }

// MaxOAEPPlaintextSize is the public key's MaxOAEPPlaintextSize: an upper
// bound of DecryptOAEP's output.
func (k *RSAPrivateKey) MaxOAEPPlaintextSize(h Hash) int { return k.pub.MaxOAEPPlaintextSize(h) }

// MaxPKCS1v15PlaintextSize is the public key's MaxPKCS1v15PlaintextSize: an
// upper bound of DecryptPKCS1v15's output.
func (k *RSAPrivateKey) MaxPKCS1v15PlaintextSize() int { return k.pub.MaxPKCS1v15PlaintextSize() }

// EncryptOAEP encrypts msg with RSAES-OAEP (RFC 8017, 7.1) and returns a
// ciphertext of Size() bytes. hash is the OAEP (label) hash, mgf1Hash the
// MGF1 hash; each SHA-1 or SHA-2 (ErrUnsupportedAlgorithm otherwise). label
// may be empty (pyca's label=None). A message over MaxOAEPPlaintextSize
// returns ErrInvalidArgument. The EME-OAEP encoding (7.1.1 step 2, random
// seed from crypto/rand) is built here and encrypted with publicOp (the
// cached variable-time public path; only public values and the message,
// which is being encrypted to this key anyway, enter it — the seed is
// masked into EM first, as in every implementation).
func (k *RSAPublicKey) EncryptOAEP(msg, label []byte, hash, mgf1Hash Hash) ([]byte, error) {
	if _, err := oaepHash(hash); err != nil {
		return nil, err
	}
	if _, err := oaepHash(mgf1Hash); err != nil {
		return nil, err
	}
	h, err := hash.New()
	if err != nil {
		return nil, err
	}
	mgf, err := mgf1Hash.New()
	if err != nil {
		return nil, err
	}
	size, hLen := k.Size(), h.Size()
	if size < 2*hLen+2 || len(msg) > size-2*hLen-2 {
		return nil, invalid(msgDataTooLong)
	}
	// EM = 0x00 || maskedSeed || maskedDB, DB = lHash || PS || 0x01 || M.
	em := make([]byte, size)
	seed := em[1 : 1+hLen]
	db := em[1+hLen:]
	h.Write(label)
	h.Sum(db[:0])
	db[len(db)-len(msg)-1] = 0x01
	copy(db[len(db)-len(msg):], msg)
	if _, err := rand.Read(seed); err != nil {
		return nil, err
	}
	mgf1XOR(db, mgf, seed)
	mgf1XOR(seed, mgf, db)
	ct, ok := k.publicOp(em)
	clear(em)
	if !ok {
		return nil, fmt.Errorf("rsa: internal error: encoded message not below the modulus")
	}
	return ct, nil
}

// DecryptOAEP decrypts an RSAES-OAEP ciphertext (RFC 8017, 7.1.2) with the
// given OAEP and MGF1 hashes and label. A ciphertext that is not exactly
// Size() bytes returns ErrInvalidArgument ("Ciphertext length must be equal
// to key size.", as pyca, which checks the length first); every other
// failure is ErrDecryption, without detail. The private-key operation and
// the padding check are crypto/rsa's and run in constant time.
func (k *RSAPrivateKey) DecryptOAEP(ct, label []byte, hash, mgf1Hash Hash) ([]byte, error) {
	h, err := oaepHash(hash)
	if err != nil {
		return nil, err
	}
	mh, err := oaepHash(mgf1Hash)
	if err != nil {
		return nil, err
	}
	if len(ct) != k.Size() {
		return nil, invalid(msgCiphertext)
	}
	pt, err := k.key.Decrypt(nil, ct, &rsa.OAEPOptions{Hash: h, MGFHash: mh, Label: label})
	if err != nil {
		return nil, ErrDecryption
	}
	return pt, nil
}

// EncryptPKCS1v15 encrypts msg with RSAES-PKCS1-v1_5 (RFC 8017, 7.2) and
// returns a ciphertext of Size() bytes. A message over
// MaxPKCS1v15PlaintextSize returns ErrInvalidArgument. The encoding
// 0x00 0x02 PS 0x00 M (PS: nonzero random bytes from crypto/rand, at least
// 8) is built here and encrypted with publicOp (variable time, public path).
func (k *RSAPublicKey) EncryptPKCS1v15(msg []byte) ([]byte, error) {
	size := k.Size()
	if size < 11 || len(msg) > size-11 {
		return nil, invalid(msgDataTooLong)
	}
	em := make([]byte, size)
	em[1] = 0x02
	ps := em[2 : size-len(msg)-1]
	if err := nonZeroRandomBytes(ps); err != nil {
		return nil, err
	}
	copy(em[size-len(msg):], msg)
	ct, ok := k.publicOp(em)
	clear(em)
	if !ok {
		return nil, fmt.Errorf("rsa: internal error: encoded message not below the modulus")
	}
	return ct, nil
}

// nonZeroRandomBytes fills b with random nonzero bytes from crypto/rand.
func nonZeroRandomBytes(b []byte) error {
	if _, err := rand.Read(b); err != nil {
		return err
	}
	for i := range b {
		for b[i] == 0 {
			if _, err := rand.Read(b[i : i+1]); err != nil {
				return err
			}
		}
	}
	return nil
}

// DecryptPKCS1v15 decrypts an RSAES-PKCS1-v1_5 ciphertext (RFC 8017,
// 7.2.2). A ciphertext that is not exactly Size() bytes returns
// ErrInvalidArgument; any other failure, including bad padding, returns
// ErrDecryption (pyca's ValueError "Decryption failed"). The private-key
// operation and padding check are crypto/rsa's constant-time code; a caller
// must still not reveal to an attacker whether decryption failed
// (Bleichenbacher). Note: pyca on OpenSSL >= 3.2 instead returns a
// pseudo-random plaintext for bad padding (implicit rejection); this library
// always reports the failure.
func (k *RSAPrivateKey) DecryptPKCS1v15(ct []byte) ([]byte, error) {
	if len(ct) != k.Size() {
		return nil, invalid(msgCiphertext)
	}
	pt, err := rsa.DecryptPKCS1v15(nil, k.key, ct)
	if err != nil {
		return nil, ErrDecryption
	}
	return pt, nil
}

// ---------------------------------------------------------------------------
// Public-key operation.
//
// RSAVP1/RSAEP (s^e mod n) handles only public values: the modulus, the
// public exponent, and a signature or an encoding of a message being
// encrypted to this key. It therefore runs in variable time, over Montgomery
// constants computed once per key (crypto/rsa recomputes them on every call,
// about 28% of its verification time at 4096 bits) and a multiply-accumulate
// kernel in assembly on amd64 (rsa_amd64.s). Private-key operations never
// come here.

// montModulus holds a public modulus as little-endian limbs with its
// Montgomery constants, R = 2^(W·len(m)) for the word size W.
type montModulus struct {
	m     []uint // the modulus, odd
	m0inv uint   // -m[0]^-1 mod 2^W
	rr    []uint // R^2 mod m, the factor into Montgomery form
}

func newMontModulus(n *big.Int) *montModulus {
	words := (n.BitLen() + bits.UintSize - 1) / bits.UintSize
	mm := &montModulus{m: natFromBig(n, words)}
	// Newton's iteration doubles the correct low bits of an inverse of the
	// odd m0 (m0·m0 ≡ 1 mod 8, so m0 is right to 3 bits): 3, 6, ..., 96.
	m0 := mm.m[0]
	inv := m0
	for range 5 {
		inv *= 2 - m0*inv
	}
	mm.m0inv = -inv
	rr := new(big.Int).Lsh(bigOne, uint(2*words*bits.UintSize))
	mm.rr = natFromBig(rr.Mod(rr, n), words)
	return mm
}

// natFromBig returns x as exactly words little-endian limbs (x fits).
func natFromBig(x *big.Int, words int) []uint {
	z := make([]uint, words)
	for i, w := range x.Bits() {
		z[i] = uint(w)
	}
	return z
}

// natSetBytes sets z to the big-endian bytes b, which fit in len(z) limbs.
func natSetBytes(z []uint, b []byte) {
	const S = bits.UintSize / 8
	clear(z)
	i := 0
	for ; len(b) >= S; i++ {
		z[i] = uint(beUint(b[len(b)-S:]))
		b = b[:len(b)-S]
	}
	for j := range b {
		z[i] |= uint(b[len(b)-1-j]) << (8 * j)
	}
}

// natFillBytes writes x big-endian into all of b, which is large enough.
func natFillBytes(b []byte, x []uint) {
	const S = bits.UintSize / 8
	clear(b)
	for _, w := range x {
		if len(b) >= S {
			putBeUint(b[len(b)-S:], w)
			b = b[:len(b)-S]
			continue
		}
		for j := range b {
			b[len(b)-1-j] = byte(w >> (8 * j))
		}
		return
	}
}

// beUint reads one big-endian word; putBeUint writes one.
func beUint(b []byte) uint {
	if bits.UintSize == 32 {
		return uint(binary.BigEndian.Uint32(b))
	}
	return uint(binary.BigEndian.Uint64(b))
}

func putBeUint(b []byte, w uint) {
	if bits.UintSize == 32 {
		binary.BigEndian.PutUint32(b, uint32(w))
		return
	}
	binary.BigEndian.PutUint64(b, uint64(w))
}

// natLess reports x < y for limbs of equal length.
func natLess(x, y []uint) bool {
	for i := len(x) - 1; i >= 0; i-- {
		if x[i] != y[i] {
			return x[i] < y[i]
		}
	}
	return false
}

// reduce finishes a Montgomery product: t (len(m) limbs) plus carry·R is
// below 2m; z = that mod m. z may alias t.
func (mm *montModulus) reduce(z, t []uint, carry uint) {
	if carry == 0 && natLess(t, mm.m) {
		copy(z, t)
		return
	}
	var b uint
	for i := range z {
		z[i], b = bits.Sub(t[i], mm.m[i], b)
	}
}

// mul sets z = x·y·R^-1 mod m for x, y < m (word-by-word Montgomery
// multiplication, Gueron, "Efficient Software Implementations of Modular
// Exponentiation", algorithm 4). t is scratch of 2·len(m) limbs; z may alias
// x or y.
func (mm *montModulus) mul(z, x, y, t []uint) {
	n := len(mm.m)
	t = t[:2*n]
	clear(t)
	c := montMulRows(t, x[:n], y[:n], mm.m, mm.m0inv)
	mm.reduce(z, t[n:], c)
}

// sqr sets z = x²·R^-1 mod m for x < m: the products x[i]·x[j] for i < j
// once, doubled, plus the squares x[i]², then Montgomery reduction (about
// 3/4 of mul's work). t is scratch of 2·len(m) limbs; z may alias x.
func (mm *montModulus) sqr(z, x, t []uint) {
	n := len(mm.m)
	t = t[:2*n]
	clear(t)
	sqrTriangle(t, x[:n])
	sqrDiag(t, x[:n])
	mm.reduce(z, t[n:], montRedRows(t, mm.m, mm.m0inv))
}

// sqrDiagGeneric sets t = 2·t + Σ x[i]²·2^(2·W·i), len(t) = 2·len(x), for
// t holding the off-diagonal products of x² (so nothing carries out).
func sqrDiagGeneric(t, x []uint) {
	var shifted, c uint
	for i := range x {
		hi, lo := bits.Mul(x[i], x[i])
		t0, t1 := t[2*i], t[2*i+1]
		d0 := t0<<1 | shifted
		d1 := t1<<1 | t0>>(bits.UintSize-1)
		shifted = t1 >> (bits.UintSize - 1)
		t[2*i], c = bits.Add(d0, lo, c)
		t[2*i+1], c = bits.Add(d1, hi, c)
	}
}

// exp sets z = x^e mod m for x < m and an odd e >= 3 (NewRSAPublicKey
// refuses other exponents), left to right. The last step, the
// multiplication that bit 0 of the odd e asks for, takes the plain x, which
// leaves the result out of Montgomery form for free. Variable time.
func (mm *montModulus) exp(z, x []uint, e uint) {
	n := len(mm.m)
	var stack [4 * 64]uint // up to 4096-bit moduli without allocating
	buf := stack[:]
	if len(buf) < 4*n {
		buf = make([]uint, 4*n)
	}
	acc, xm, t := buf[:n], buf[n:2*n], buf[2*n:4*n]
	mm.mul(xm, x, mm.rr, t)
	copy(acc, xm)
	for i := bits.Len(e) - 2; i > 0; i-- {
		mm.sqr(acc, acc, t)
		if e>>uint(i)&1 == 1 {
			mm.mul(acc, acc, xm, t)
		}
	}
	mm.sqr(acc, acc, t)
	mm.mul(z, acc, x, t)
}

// publicOp returns sig^e mod n as Size() bytes (RSAVP1, RFC 8017 5.2.2), or
// false when len(sig) != Size() or sig >= n, as RFC 8017 8.1.2 and 8.2.2
// require. Variable time: public values only (see above).
func (k *RSAPublicKey) publicOp(sig []byte) ([]byte, bool) {
	k.init()
	if len(sig) != k.size {
		return nil, false
	}
	mm := k.mont
	if mm == nil { // an even modulus (pyca accepts one in public numbers)
		x := new(big.Int).SetBytes(sig)
		if x.Cmp(k.n) >= 0 {
			return nil, false
		}
		return x.Exp(x, k.e, k.n).FillBytes(make([]byte, k.size)), true
	}
	n := len(mm.m)
	var stack [2 * 64]uint
	buf := stack[:]
	if len(buf) < 2*n {
		buf = make([]uint, 2*n)
	}
	x, z := buf[:n], buf[n:2*n]
	natSetBytes(x, sig)
	if !natLess(x, mm.m) {
		return nil, false
	}
	mm.exp(z, x, uint(k.key.E))
	out := make([]byte, k.size)
	natFillBytes(out, z)
	return out, true
}

// ---------------------------------------------------------------------------
// PSS (RFC 8017, 8.1 and 9.1).

// pssSaltLength resolves a salt-length rule for a key of modBits bits and a
// digest of hLen bytes: the exact length (negative when MAX_LENGTH does not
// fit the key), or auto for PSSSaltAuto.
func pssSaltLength(rule, modBits, hLen int) (sLen int, auto bool, err error) {
	emLen := (modBits - 1 + 7) / 8
	switch {
	case rule == PSSSaltMaxLength:
		return emLen - hLen - 2, false, nil
	case rule == PSSSaltDigestLength:
		return hLen, false, nil
	case rule == PSSSaltAuto:
		return 0, true, nil
	case rule < 0:
		return 0, false, invalid("salt_length must be zero or greater.")
	}
	return rule, false, nil
}

// pssHashes checks the PSS hashes and the digest size against the key, as
// pyca does for both signing and verifying.
func pssHashes(keyBytes int, hash, mgf1Hash Hash) (hash.Hash, hash.Hash, error) {
	if err := signatureHash(hash); err != nil {
		return nil, nil, err
	}
	if err := signatureHash(mgf1Hash); err != nil {
		return nil, nil, err
	}
	if hash.Size()+2 > keyBytes {
		return nil, nil, invalid("Digest too large for key size. Use a larger key or different digest.")
	}
	h, err := hash.New()
	if err != nil {
		return nil, nil, err
	}
	m, err := mgf1Hash.New()
	if err != nil {
		return nil, nil, err
	}
	return h, m, nil
}

// SignPSS signs msg with RSASSA-PSS (RFC 8017, 8.1.1) and returns a
// signature of Size() bytes. hash is the message hash, mgf1Hash the MGF1
// hash (may differ, as pyca allows); both SHA-1, SHA-2, SHA-3 or MD5. With
// prehashed, msg is already the digest (its length must be the digest size).
// saltLength is PSSSaltMaxLength, PSSSaltDigestLength or an explicit length
// >= 0 (including 0); PSSSaltAuto and other negative values, a digest too
// large for the key, or a salt that does not fit (emLen < hLen + sLen + 2)
// return ErrInvalidArgument.
//
// When mgf1Hash equals hash and the salt is not empty, this is
// crypto/rsa.SignPSS. Otherwise (an empty salt, which crypto/rsa reads as
// "automatic", or a different MGF1 hash, which it cannot express) the
// EMSA-PSS encoding is built here and the private-key operation is
// rsaPrivateRaw: two constant-time crypto/rsa private-key operations, twice
// the cost of the common path. Either way the secret exponent is only ever
// used by crypto/rsa's constant-time code.
func (k *RSAPrivateKey) SignPSS(msg []byte, saltLength int, hash, mgf1Hash Hash, prehashed bool) ([]byte, error) {
	h, mgf, err := pssHashes(k.Size(), hash, mgf1Hash)
	if err != nil {
		return nil, err
	}
	digest, err := rsaDigest(msg, hash, prehashed)
	if err != nil {
		return nil, err
	}
	if saltLength == PSSSaltAuto {
		return nil, invalid("PSS salt length can only be set to Auto when verifying")
	}
	modBits := k.KeySize()
	sLen, _, err := pssSaltLength(saltLength, modBits, h.Size())
	if err != nil {
		return nil, err
	}
	emBits := modBits - 1
	emLen := (emBits + 7) / 8
	if sLen < 0 || emLen < h.Size()+sLen+2 {
		return nil, invalid(msgSignTooLong)
	}
	if mgf1Hash == hash && sLen > 0 {
		ch := hash.CryptoHash()
		sig, err := rsa.SignPSS(rand.Reader, k.key, ch, digest, &rsa.PSSOptions{SaltLength: sLen, Hash: ch})
		return sig, k.pub.stdError(err, msgSignTooLong)
	}
	salt := make([]byte, sLen)
	if _, err := rand.Read(salt); err != nil {
		return nil, err
	}
	em := emsaPSSEncode(digest, emBits, salt, h, mgf)
	return k.rsaPrivateRaw(em)
}

// VerifyPSS verifies an RSASSA-PSS signature (RFC 8017, 8.1.2) of msg (or,
// with prehashed, of the digest msg). saltLength is an explicit length >= 0
// (the salt must have exactly that length), PSSSaltDigestLength,
// PSSSaltMaxLength (exactly emLen - hLen - 2, as OpenSSL) or PSSSaltAuto
// (any length). It returns ErrInvalidSignature for any mismatch, including a
// signature that is not exactly Size() bytes or not below n;
// ErrInvalidArgument for a bad salt rule, a digest too large for the key
// (pyca's ValueError) or a prehashed digest of the wrong size;
// ErrUnsupportedAlgorithm for a hash outside SHA-1/SHA-2/SHA-3/MD5.
// Verification handles public data only and does not run in constant time
// (publicOp, then EMSA-PSS-VERIFY here).
func (k *RSAPublicKey) VerifyPSS(sig, msg []byte, saltLength int, hash, mgf1Hash Hash, prehashed bool) error {
	h, mgf, err := pssHashes(k.Size(), hash, mgf1Hash)
	if err != nil {
		return err
	}
	digest, err := rsaDigest(msg, hash, prehashed)
	if err != nil {
		return err
	}
	modBits := k.KeySize()
	sLen, auto, err := pssSaltLength(saltLength, modBits, h.Size())
	if err != nil {
		return err
	}
	if sLen < 0 {
		return ErrInvalidSignature // MAX_LENGTH does not fit this key
	}
	if auto {
		sLen = -1
	}
	return k.verifyPSSDigest(sig, digest, sLen, h, mgf)
}

// verifyPSSDigest is RSASSA-PSS-VERIFY of a digest; sLen < 0
// accepts any salt length.
func (k *RSAPublicKey) verifyPSSDigest(sig, digest []byte, sLen int, h, mgf hash.Hash) error {
	em, ok := k.publicOp(sig)
	if !ok {
		return ErrInvalidSignature
	}
	emBits := k.KeySize() - 1
	emLen := (emBits + 7) / 8
	// I2OSP(m, emLen): when emLen = k - 1 the top byte must be zero.
	if len(em) > emLen {
		if em[0] != 0 {
			return ErrInvalidSignature
		}
		em = em[1:]
	}
	if !emsaPSSVerify(digest, em, emBits, sLen, h, mgf) {
		return ErrInvalidSignature
	}
	return nil
}

// mgf1XOR xors out with MGF1(seed, len(out)) using h (RFC 8017, B.2.1).
func mgf1XOR(out []byte, h hash.Hash, seed []byte) {
	var counter [4]byte
	var digest []byte
	for done := 0; done < len(out); {
		h.Reset()
		h.Write(seed)
		h.Write(counter[:])
		digest = h.Sum(digest[:0])
		done += subtle.XORBytes(out[done:], out[done:], digest)
		for i := 3; i >= 0; i-- {
			if counter[i]++; counter[i] != 0 {
				break
			}
		}
	}
}

var pssZeros [8]byte

// emsaPSSEncode is EMSA-PSS-ENCODE (RFC 8017, 9.1.1) for a digest mHash,
// with message hash h and MGF1 hash mgf. The caller checked that
// emLen >= hLen + sLen + 2.
func emsaPSSEncode(mHash []byte, emBits int, salt []byte, h, mgf hash.Hash) []byte {
	hLen, sLen, emLen := h.Size(), len(salt), (emBits+7)/8
	em := make([]byte, emLen)
	psLen := emLen - sLen - hLen - 2
	db := em[:emLen-hLen-1]
	H := em[emLen-hLen-1 : emLen-1]
	h.Reset()
	h.Write(pssZeros[:])
	h.Write(mHash)
	h.Write(salt)
	h.Sum(H[:0])
	db[psLen] = 0x01
	copy(db[psLen+1:], salt)
	mgf1XOR(db, mgf, H)
	db[0] &= 0xff >> (8*emLen - emBits)
	em[emLen-1] = 0xbc
	return em
}

// emsaPSSVerify is EMSA-PSS-VERIFY (RFC 8017, 9.1.2) with an exact salt
// length sLen, or any salt length when sLen < 0 (pyca's AUTO). em is
// modified.
func emsaPSSVerify(mHash, em []byte, emBits, sLen int, h, mgf hash.Hash) bool {
	hLen, emLen := h.Size(), (emBits+7)/8
	if len(em) != emLen || len(mHash) != hLen || emLen < hLen+2 {
		return false
	}
	if sLen >= 0 && emLen < hLen+sLen+2 {
		return false
	}
	if em[emLen-1] != 0xbc {
		return false
	}
	db := em[:emLen-hLen-1]
	H := em[emLen-hLen-1 : emLen-1]
	mask := byte(0xff >> (8*emLen - emBits))
	if db[0]&^mask != 0 {
		return false
	}
	mgf1XOR(db, mgf, H)
	db[0] &= mask
	psLen := emLen - hLen - sLen - 2
	if sLen < 0 {
		psLen = 0
		for psLen < len(db) && db[psLen] == 0 {
			psLen++
		}
		if psLen == len(db) {
			return false
		}
	}
	for _, b := range db[:psLen] {
		if b != 0 {
			return false
		}
	}
	if db[psLen] != 0x01 {
		return false
	}
	salt := db[psLen+1:]
	h.Reset()
	h.Write(pssZeros[:])
	h.Write(mHash)
	h.Write(salt)
	return subtle.ConstantTimeCompare(h.Sum(nil), H) == 1
}

// ---------------------------------------------------------------------------
// PKCS #1 v1.5 signatures (RFC 8017, 8.2 and 9.2).

// SignPKCS1v15 signs msg (or, with prehashed, the digest msg) with
// RSASSA-PKCS1-v1_5 and returns a signature of Size() bytes. hash is SHA-1,
// SHA-2, SHA-3 or MD5 (ErrUnsupportedAlgorithm otherwise); a key too small
// for the DigestInfo returns ErrInvalidArgument. Uses
// crypto/rsa.SignPKCS1v15 (deterministic, constant time).
func (k *RSAPrivateKey) SignPKCS1v15(msg []byte, hash Hash, prehashed bool) ([]byte, error) {
	if err := signatureHash(hash); err != nil {
		return nil, err
	}
	digest, err := rsaDigest(msg, hash, prehashed)
	if err != nil {
		return nil, err
	}
	sig, err := rsa.SignPKCS1v15(nil, k.key, hash.CryptoHash(), digest)
	return sig, k.pub.stdError(err, msgSignTooLong)
}

// VerifyPKCS1v15 verifies an RSASSA-PKCS1-v1_5 signature of msg (or, with
// prehashed, of the digest msg). The encoded message must be exactly
// 0x00 0x01 FF..FF 0x00 DigestInfo with the DER DigestInfo of hash including
// its NULL parameters (RFC 8017 9.2; no BER variants, no missing NULL).
// ErrInvalidSignature for any mismatch (also a signature not exactly Size()
// bytes or not below n); ErrInvalidArgument for a prehashed digest of the
// wrong size; ErrUnsupportedAlgorithm for a hash outside
// SHA-1/SHA-2/SHA-3/MD5. Does not run in constant time (public data only:
// publicOp, then a comparison of the whole encoded message, as crypto/rsa).
func (k *RSAPublicKey) VerifyPKCS1v15(sig, msg []byte, hash Hash, prehashed bool) error {
	if err := signatureHash(hash); err != nil {
		return err
	}
	digest, err := rsaDigest(msg, hash, prehashed)
	if err != nil {
		return err
	}
	return k.verifyPKCS1v15Digest(sig, digest, hash)
}

// verifyPKCS1v15Digest is RSASSA-PKCS1-V1_5-VERIFY of a digest.
func (k *RSAPublicKey) verifyPKCS1v15Digest(sig, digest []byte, hash Hash) error {
	em, ok := k.publicOp(sig)
	if !ok {
		return ErrInvalidSignature
	}
	prefix := digestInfoPrefix(hash)
	tLen := len(prefix) + len(digest)
	if len(em) < tLen+11 {
		return ErrInvalidSignature
	}
	want := make([]byte, len(em))
	want[1] = 0x01
	for i := 2; i < len(em)-tLen-1; i++ {
		want[i] = 0xff
	}
	copy(want[len(em)-tLen:], prefix)
	copy(want[len(em)-len(digest):], digest)
	if !bytes.Equal(em, want) {
		return ErrInvalidSignature
	}
	return nil
}

// digestInfoPrefix returns the DER encoding of DigestInfo (RFC 8017 9.2,
// note 1) up to the digest value, for a hash accepted by signatureHash.
func digestInfoPrefix(h Hash) []byte {
	var oid []byte
	switch h {
	case MD5:
		oid = []byte{0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x05}
	case SHA1:
		oid = []byte{0x2b, 0x0e, 0x03, 0x02, 0x1a}
	default:
		// 2.16.840.1.101.3.4.2.x (NIST hash algorithms).
		arc := map[Hash]byte{
			SHA256: 1, SHA384: 2, SHA512: 3, SHA224: 4, SHA512_224: 5,
			SHA512_256: 6, SHA3_224: 7, SHA3_256: 8, SHA3_384: 9, SHA3_512: 10,
		}[h]
		oid = []byte{0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, arc}
	}
	hLen := h.Size()
	algID := append([]byte{0x30, byte(len(oid) + 4), 0x06, byte(len(oid))}, oid...)
	algID = append(algID, 0x05, 0x00)
	out := append([]byte{0x30, byte(len(algID) + 2 + hLen)}, algID...)
	return append(out, 0x04, byte(hLen))
}

// ---------------------------------------------------------------------------
// Raw private-key operation through crypto/rsa.

// rsaPrivateRaw returns x^d mod n (RSASP1, RFC 8017 5.2.1) for x = em, an
// integer below n, using only crypto/rsa's constant-time private-key
// operation, which the standard library exposes only behind PKCS #1 v1.5
// signature padding: rsa.SignPKCS1v15 with hash 0 signs
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
//     rsa.SignPKCS1v15 (constant time, CRT, checked by crypto/rsa).
//  4. x^d = x'^d · r^-1 = sA · (sB·r)^-1 mod n. The inverse is taken of
//     sB·r, a uniformly random unit, so its variable-time inversion reveals
//     nothing.
//
// The result s is checked (s^e ≡ x mod n) before it is returned. Cost: two
// private-key operations plus small public work.
func (k *RSAPrivateKey) rsaPrivateRaw(em []byte) ([]byte, error) {
	pub := k.pub
	pub.init()
	n, size := pub.n, pub.size
	x := new(big.Int).SetBytes(em)
	tLen := size - 11
	if tLen < 32 || x.Cmp(n) >= 0 {
		return nil, fmt.Errorf("%w: key too small for this PSS signature", ErrUnsupportedAlgorithm)
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
		sA, err := rsa.SignPKCS1v15(nil, k.key, 0, a.FillBytes(make([]byte, tLen)))
		if err != nil {
			return nil, pub.stdError(err, msgSignTooLong)
		}
		sB, err := rsa.SignPKCS1v15(nil, k.key, 0, b.FillBytes(make([]byte, tLen)))
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
// rsaPrivateRaw.
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
