//go:debug rsa1024min=0

// The directive above lets crypto/rsa use keys under 1024 bits in this test
// binary, as capi/rsa.go does for the C library (pyca loads and uses such
// keys; only generation requires 1024 bits).

package rsa

import (
	"bytes"
	"crypto"
	"crypto/rand"
	stdrsa "crypto/rsa"
	"errors"
	"math/big"
	"sync"
	"testing"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/hash"
)

// Test keys, generated once per test binary (key generation is the slow
// part of these tests).
var (
	rsaKeysOnce sync.Once
	rsaKey2048  *PrivateKey // e = 65537
	rsaKeyE3    *PrivateKey // e = 3, 1025 bits: emLen = k - 1 for PSS
	rsaKeysErr  error
)

func testRSAKeys(t *testing.T) (*PrivateKey, *PrivateKey) {
	t.Helper()
	rsaKeysOnce.Do(func() {
		if rsaKey2048, rsaKeysErr = GeneratePrivateKey(65537, 2048); rsaKeysErr != nil {
			return
		}
		rsaKeyE3, rsaKeysErr = GeneratePrivateKey(3, 1025)
	})
	if rsaKeysErr != nil {
		t.Fatal(rsaKeysErr)
	}
	return rsaKey2048, rsaKeyE3
}

func wantErr(t *testing.T, err, kind error, what string) {
	t.Helper()
	if !errors.Is(err, kind) {
		t.Fatalf("%s: got error %v, want %v", what, err, kind)
	}
}

var (
	oaepHashes = []hash.Algorithm{hash.SHA1, hash.SHA224, hash.SHA256, hash.SHA384, hash.SHA512, hash.SHA512_224, hash.SHA512_256}
	sigHashes  = []hash.Algorithm{hash.SHA1, hash.SHA224, hash.SHA256, hash.SHA384, hash.SHA512, hash.SHA512_224, hash.SHA512_256,
		hash.SHA3_224, hash.SHA3_256, hash.SHA3_384, hash.SHA3_512, hash.MD5}
)

func TestRSAGenerateParameters(t *testing.T) {
	for _, e := range []uint64{0, 1, 5, 17, 65535, 65539, 1 << 40} {
		_, err := GeneratePrivateKey(e, 2048)
		wantErr(t, err, core.ErrInvalidArgument, "exponent")
	}
	for _, bits := range []int{-1, 0, 512, 1023, 16385} {
		_, err := GeneratePrivateKey(65537, bits)
		wantErr(t, err, core.ErrInvalidArgument, "key size")
	}
}

func TestRSAGenerate(t *testing.T) {
	k, e3 := testRSAKeys(t)
	if k.KeySize() != 2048 || k.Key().E != 65537 || k.Size() != 256 {
		t.Fatalf("got %d bits, e=%d", k.KeySize(), k.Key().E)
	}
	if e3.KeySize() != 1025 || e3.Key().E != 3 || e3.Size() != 129 || e3.PublicKey().KeySize() != 1025 {
		t.Fatalf("got %d bits, e=%d", e3.KeySize(), e3.Key().E)
	}
	// An e=3 key of a common size, and its basic operations.
	k3, err := GeneratePrivateKey(3, 2048)
	if err != nil {
		t.Fatal(err)
	}
	if k3.KeySize() != 2048 || k3.Key().E != 3 {
		t.Fatalf("got %d bits, e=%d", k3.KeySize(), k3.Key().E)
	}
	p, q := k3.Key().Primes[0], k3.Key().Primes[1]
	three := big.NewInt(3)
	for _, r := range []*big.Int{p, q} {
		if new(big.Int).Mod(r, three).Int64() != 2 || !r.ProbablyPrime(10) || r.BitLen() != 1024 {
			t.Fatal("bad prime")
		}
	}
	msg := []byte("e=3")
	sig, err := k3.SignPKCS1v15(msg, hash.SHA256, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := stdrsa.VerifyPKCS1v15(&k3.Key().PublicKey, crypto.SHA256, sha(hash.SHA256, msg), sig); err != nil {
		t.Fatal(err)
	}
	ct, err := k3.PublicKey().EncryptOAEP(msg, nil, hash.SHA256, hash.SHA256)
	if err != nil {
		t.Fatal(err)
	}
	if pt, err := k3.DecryptOAEP(ct, nil, hash.SHA256, hash.SHA256); err != nil || !bytes.Equal(pt, msg) {
		t.Fatal(pt, err)
	}
}

func sha(h hash.Algorithm, msg []byte) []byte {
	d, err := digest(msg, h, false)
	if err != nil {
		panic(err)
	}
	return d
}

func numbers(t *testing.T, k *PrivateKey) [8][]byte {
	t.Helper()
	var out [8][]byte
	for c := ComponentN; c <= ComponentIQMP; c++ {
		b, err := k.Number(c)
		if err != nil {
			t.Fatal(err)
		}
		if len(b) == 0 || b[0] == 0 {
			t.Fatalf("component %d not minimal: %x", c, b)
		}
		out[c-1] = b
	}
	return out
}

func TestRSANumbers(t *testing.T) {
	k, e3 := testRSAKeys(t)
	for _, key := range []*PrivateKey{k, e3} {
		nb := numbers(t, key)
		std := key.Key()
		checks := map[Component]*big.Int{
			ComponentN: std.N, ComponentE: big.NewInt(int64(std.E)), ComponentD: std.D,
			ComponentP: std.Primes[0], ComponentQ: std.Primes[1],
		}
		for c, want := range checks {
			if new(big.Int).SetBytes(nb[c-1]).Cmp(want) != 0 {
				t.Fatalf("component %d", c)
			}
		}
		p, q, d := std.Primes[0], std.Primes[1], std.D
		dmp1 := new(big.Int).Mod(d, new(big.Int).Sub(p, bigOne))
		iqmp := new(big.Int).ModInverse(q, p)
		if new(big.Int).SetBytes(nb[ComponentDMP1-1]).Cmp(dmp1) != 0 ||
			new(big.Int).SetBytes(nb[ComponentIQMP-1]).Cmp(iqmp) != 0 {
			t.Fatal("CRT values")
		}
		for c := ComponentN; c <= ComponentE; c++ {
			b, err := key.PublicKey().Number(c)
			if err != nil || !bytes.Equal(b, nb[c-1]) {
				t.Fatal("public number", c)
			}
		}
		_, err := key.PublicKey().Number(ComponentD)
		wantErr(t, err, core.ErrInvalidArgument, "private component of a public key")
		_, err = key.Number(ComponentIQMP + 1)
		wantErr(t, err, core.ErrInvalidArgument, "unknown component")

		// Round trips, with leading zeros allowed.
		k2, err := NewPrivateKeyFromNumbers(append([]byte{0, 0}, nb[0]...), nb[1], nb[2], nb[3], nb[4], nb[5], nb[6], nb[7])
		if err != nil {
			t.Fatal(err)
		}
		if !k2.Key().Equal(std) {
			t.Fatal("private round trip")
		}
		for i, b := range numbers(t, k2) {
			if !bytes.Equal(b, nb[i]) {
				t.Fatal("private round trip, component", i+1)
			}
		}
		pk, err := NewPublicKeyFromNumbers(nb[0], append([]byte{0}, nb[1]...))
		if err != nil || !pk.Key().Equal(&std.PublicKey) {
			t.Fatal("public round trip", err)
		}
		// A key built from numbers works.
		sig, err := k2.SignPSS([]byte("m"), PSSSaltMaxLength, hash.SHA256, hash.SHA256, false)
		if err != nil {
			t.Fatal(err)
		}
		if err := pk.VerifyPSS(sig, []byte("m"), PSSSaltMaxLength, hash.SHA256, hash.SHA256, false); err != nil {
			t.Fatal(err)
		}
	}
}

func TestRSAFromNumbersValidation(t *testing.T) {
	k, _ := testRSAKeys(t)
	nb := numbers(t, k)
	one := []byte{1}
	add := func(b []byte, v int64) []byte {
		return new(big.Int).Add(new(big.Int).SetBytes(b), big.NewInt(v)).Bytes()
	}
	big1 := append([]byte{1}, make([]byte, len(nb[0]))...) // > n
	cases := []struct {
		name string
		set  func(n *[8][]byte)
	}{
		{"n < 3", func(n *[8][]byte) { n[0] = []byte{2} }},
		{"p >= n", func(n *[8][]byte) { n[3] = big1 }},
		{"q >= n", func(n *[8][]byte) { n[4] = big1 }},
		{"dmp1 >= n", func(n *[8][]byte) { n[5] = big1 }},
		{"dmq1 >= n", func(n *[8][]byte) { n[6] = big1 }},
		{"iqmp >= n", func(n *[8][]byte) { n[7] = big1 }},
		{"d >= n", func(n *[8][]byte) { n[2] = big1 }},
		{"e < 3", func(n *[8][]byte) { n[1] = one }},
		{"e >= n", func(n *[8][]byte) { n[1] = n[0] }},
		{"e even", func(n *[8][]byte) { n[1] = []byte{1, 0, 0} }},
		{"dmp1 even", func(n *[8][]byte) { n[5] = add(n[5], 1) }},
		{"dmq1 even", func(n *[8][]byte) { n[6] = add(n[6], 1) }},
		{"p*q != n", func(n *[8][]byte) { n[3] = add(n[3], 2) }},
		{"wrong d", func(n *[8][]byte) { n[2] = add(n[2], 2) }},
		{"wrong dmp1", func(n *[8][]byte) { n[5] = add(n[5], 2) }},
		{"wrong dmq1", func(n *[8][]byte) { n[6] = add(n[6], 2) }},
		{"wrong iqmp", func(n *[8][]byte) { n[7] = add(n[7], 1) }},
		{"wrong e", func(n *[8][]byte) { n[1] = []byte{1, 0, 3} }},
		{"empty", func(n *[8][]byte) { *n = [8][]byte{} }},
	}
	for _, c := range cases {
		n := nb
		c.set(&n)
		_, err := NewPrivateKeyFromNumbers(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7])
		wantErr(t, err, core.ErrInvalidArgument, c.name)
	}
	// Public numbers: pyca's checks.
	for name, ne := range map[string][2][]byte{
		"n < 3": {{2}, {3}}, "e < 3": {nb[0], one}, "e >= n": {{5}, {5}}, "e even": {nb[0], {4}},
	} {
		_, err := NewPublicKeyFromNumbers(ne[0], ne[1])
		wantErr(t, err, core.ErrInvalidArgument, name)
	}
	_, err := NewPublicKeyFromNumbers(nb[0], []byte{1, 0, 0, 0, 1})
	wantErr(t, err, core.ErrUnsupportedAlgorithm, "e > 2^31-1")
}

func TestRSAWipe(t *testing.T) {
	k, err := GeneratePrivateKey(65537, 1024)
	if err != nil {
		t.Fatal(err)
	}
	std := k.Key()
	d, p := std.D, std.Primes[0]
	words := d.Bits()[:cap(d.Bits())]
	k.Wipe()
	if d.Sign() != 0 || p.Sign() != 0 || std.Precomputed.Dp != nil {
		t.Fatal("not wiped")
	}
	for _, w := range words {
		if w != 0 {
			t.Fatal("D's words not cleared")
		}
	}
	// Operations fail cleanly afterwards.
	if _, err := k.SignPKCS1v15([]byte("m"), hash.SHA256, false); err == nil {
		t.Fatal("signing with a wiped key succeeded")
	}
	if _, err := k.DecryptOAEP(make([]byte, 128), nil, hash.SHA256, hash.SHA256); err == nil {
		t.Fatal("decrypting with a wiped key succeeded")
	}
	k.Wipe() // idempotent
}

func TestRSAConcurrent(t *testing.T) {
	k, _ := testRSAKeys(t)
	pub := k.PublicKey()
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 3; i++ {
				msg := []byte{byte(g), byte(i)}
				sig, err := k.SignPSS(msg, g%2*PSSSaltMaxLength, hash.SHA256, hash.SHA256, false)
				if err == nil {
					err = pub.VerifyPSS(sig, msg, PSSSaltAuto, hash.SHA256, hash.SHA256, false)
				}
				if err == nil {
					var ct, pt []byte
					ct, err = pub.EncryptOAEP(msg, nil, hash.SHA256, hash.SHA1)
					if err == nil {
						pt, err = k.DecryptOAEP(ct, nil, hash.SHA256, hash.SHA1)
						if err == nil && !bytes.Equal(pt, msg) {
							err = errors.New("round trip")
						}
					}
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
}

func TestRSAMultiPrimeValidation(t *testing.T) {
	//lint:ignore SA1019 a multi-prime key on purpose: its validation is tested
	std, err := stdrsa.GenerateMultiPrimeKey(rand.Reader, 3, 1536)
	if err != nil {
		t.Fatal(err)
	}
	k, err := NewPrivateKey(std)
	if err != nil {
		t.Fatal(err)
	}
	ct, _ := k.PublicKey().EncryptOAEP([]byte("3 primes"), nil, hash.SHA256, hash.SHA256)
	if pt, err := k.DecryptOAEP(ct, nil, hash.SHA256, hash.SHA256); err != nil || string(pt) != "3 primes" {
		t.Fatal(err)
	}
	sig, err := k.SignPSS([]byte("m"), 0, hash.SHA256, hash.SHA1, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := k.PublicKey().VerifyPSS(sig, []byte("m"), 0, hash.SHA256, hash.SHA1, false); err != nil {
		t.Fatal(err)
	}
	// crypto/rsa does not check multi-prime keys beyond the public part.
	for name, mutate := range map[string]func(*stdrsa.PrivateKey){
		"third prime": func(k *stdrsa.PrivateKey) { k.Primes[2] = new(big.Int).Add(k.Primes[2], big.NewInt(2)) },
		"d":           func(k *stdrsa.PrivateKey) { k.D = new(big.Int).Add(k.D, big.NewInt(2)) },
	} {
		bad := &stdrsa.PrivateKey{PublicKey: std.PublicKey, D: new(big.Int).Set(std.D),
			Primes: []*big.Int{std.Primes[0], std.Primes[1], new(big.Int).Set(std.Primes[2])}}
		mutate(bad)
		_, err := NewPrivateKey(bad)
		wantErr(t, err, core.ErrInvalidArgument, name)
	}
}
