//go:debug rsa1024min=0

// The directive above lets crypto/rsa use keys under 1024 bits in this test
// binary, as capi/rsa.go does for the C library (pyca loads and uses such
// keys; only generation requires 1024 bits).

package core

import (
	"bytes"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"testing"
)

// Test keys, generated once per test binary (key generation is the slow
// part of these tests).
var (
	rsaKeysOnce sync.Once
	rsaKey2048  *RSAPrivateKey // e = 65537
	rsaKeyE3    *RSAPrivateKey // e = 3, 1025 bits: emLen = k - 1 for PSS
	rsaKeysErr  error
)

func testRSAKeys(t *testing.T) (*RSAPrivateKey, *RSAPrivateKey) {
	t.Helper()
	rsaKeysOnce.Do(func() {
		if rsaKey2048, rsaKeysErr = GenerateRSAPrivateKey(65537, 2048); rsaKeysErr != nil {
			return
		}
		rsaKeyE3, rsaKeysErr = GenerateRSAPrivateKey(3, 1025)
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
	oaepHashes = []Hash{SHA1, SHA224, SHA256, SHA384, SHA512, SHA512_224, SHA512_256}
	sigHashes  = []Hash{SHA1, SHA224, SHA256, SHA384, SHA512, SHA512_224, SHA512_256,
		SHA3_224, SHA3_256, SHA3_384, SHA3_512, MD5}
)

func TestRSAGenerateParameters(t *testing.T) {
	for _, e := range []uint64{0, 1, 5, 17, 65535, 65539, 1 << 40} {
		_, err := GenerateRSAPrivateKey(e, 2048)
		wantErr(t, err, ErrInvalidArgument, "exponent")
	}
	for _, bits := range []int{-1, 0, 512, 1023, 16385} {
		_, err := GenerateRSAPrivateKey(65537, bits)
		wantErr(t, err, ErrInvalidArgument, "key size")
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
	k3, err := GenerateRSAPrivateKey(3, 2048)
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
	sig, err := k3.SignPKCS1v15(msg, SHA256, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := rsa.VerifyPKCS1v15(&k3.Key().PublicKey, crypto.SHA256, sha(SHA256, msg), sig); err != nil {
		t.Fatal(err)
	}
	ct, err := k3.PublicKey().EncryptOAEP(msg, nil, SHA256, SHA256)
	if err != nil {
		t.Fatal(err)
	}
	if pt, err := k3.DecryptOAEP(ct, nil, SHA256, SHA256); err != nil || !bytes.Equal(pt, msg) {
		t.Fatal(pt, err)
	}
}

func sha(h Hash, msg []byte) []byte {
	d, err := rsaDigest(msg, h, false)
	if err != nil {
		panic(err)
	}
	return d
}

func numbers(t *testing.T, k *RSAPrivateKey) [8][]byte {
	t.Helper()
	var out [8][]byte
	for c := RSAComponentN; c <= RSAComponentIQMP; c++ {
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
	for _, key := range []*RSAPrivateKey{k, e3} {
		nb := numbers(t, key)
		std := key.Key()
		checks := map[RSAComponent]*big.Int{
			RSAComponentN: std.N, RSAComponentE: big.NewInt(int64(std.E)), RSAComponentD: std.D,
			RSAComponentP: std.Primes[0], RSAComponentQ: std.Primes[1],
		}
		for c, want := range checks {
			if new(big.Int).SetBytes(nb[c-1]).Cmp(want) != 0 {
				t.Fatalf("component %d", c)
			}
		}
		p, q, d := std.Primes[0], std.Primes[1], std.D
		dmp1 := new(big.Int).Mod(d, new(big.Int).Sub(p, bigOne))
		iqmp := new(big.Int).ModInverse(q, p)
		if new(big.Int).SetBytes(nb[RSAComponentDMP1-1]).Cmp(dmp1) != 0 ||
			new(big.Int).SetBytes(nb[RSAComponentIQMP-1]).Cmp(iqmp) != 0 {
			t.Fatal("CRT values")
		}
		for c := RSAComponentN; c <= RSAComponentE; c++ {
			b, err := key.PublicKey().Number(c)
			if err != nil || !bytes.Equal(b, nb[c-1]) {
				t.Fatal("public number", c)
			}
		}
		_, err := key.PublicKey().Number(RSAComponentD)
		wantErr(t, err, ErrInvalidArgument, "private component of a public key")
		_, err = key.Number(RSAComponentIQMP + 1)
		wantErr(t, err, ErrInvalidArgument, "unknown component")

		// Round trips, with leading zeros allowed.
		k2, err := NewRSAPrivateKeyFromNumbers(append([]byte{0, 0}, nb[0]...), nb[1], nb[2], nb[3], nb[4], nb[5], nb[6], nb[7])
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
		pk, err := NewRSAPublicKeyFromNumbers(nb[0], append([]byte{0}, nb[1]...))
		if err != nil || !pk.Key().Equal(&std.PublicKey) {
			t.Fatal("public round trip", err)
		}
		// A key built from numbers works.
		sig, err := k2.SignPSS([]byte("m"), PSSSaltMaxLength, SHA256, SHA256, false)
		if err != nil {
			t.Fatal(err)
		}
		if err := pk.VerifyPSS(sig, []byte("m"), PSSSaltMaxLength, SHA256, SHA256, false); err != nil {
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
		_, err := NewRSAPrivateKeyFromNumbers(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7])
		wantErr(t, err, ErrInvalidArgument, c.name)
	}
	// Public numbers: pyca's checks.
	for name, ne := range map[string][2][]byte{
		"n < 3": {{2}, {3}}, "e < 3": {nb[0], one}, "e >= n": {{5}, {5}}, "e even": {nb[0], {4}},
	} {
		_, err := NewRSAPublicKeyFromNumbers(ne[0], ne[1])
		wantErr(t, err, ErrInvalidArgument, name)
	}
	_, err := NewRSAPublicKeyFromNumbers(nb[0], []byte{1, 0, 0, 0, 1})
	wantErr(t, err, ErrUnsupportedAlgorithm, "e > 2^31-1")
}

func TestRSAOAEP(t *testing.T) {
	k, e3 := testRSAKeys(t)
	pub := k.PublicKey()
	msg := []byte("attack at dawn")
	for _, h := range oaepHashes {
		for _, m := range oaepHashes {
			for _, label := range [][]byte{nil, []byte("label")} {
				ct, err := pub.EncryptOAEP(msg, label, h, m)
				if err != nil {
					t.Fatal(h, m, err)
				}
				if len(ct) != 256 {
					t.Fatal(len(ct))
				}
				pt, err := k.DecryptOAEP(ct, label, h, m)
				if err != nil || !bytes.Equal(pt, msg) {
					t.Fatal(h, m, pt, err)
				}
				if h == SHA256 && m == SHA1 {
					_, err = k.DecryptOAEP(ct, []byte("other"), h, m)
					wantErr(t, err, ErrDecryption, "wrong label")
					_, err = k.DecryptOAEP(ct, label, h, SHA256)
					wantErr(t, err, ErrDecryption, "wrong MGF1 hash")
					_, err = k.DecryptOAEP(ct, label, SHA1, m)
					wantErr(t, err, ErrDecryption, "wrong OAEP hash")
				}
			}
		}
	}
	// Empty and maximal messages; one byte too long.
	for _, n := range []int{0, pub.MaxOAEPPlaintextSize(SHA256)} {
		m := bytes.Repeat([]byte{7}, n)
		ct, err := pub.EncryptOAEP(m, nil, SHA256, SHA256)
		if err != nil {
			t.Fatal(err)
		}
		if pt, err := k.DecryptOAEP(ct, nil, SHA256, SHA256); err != nil || !bytes.Equal(pt, m) {
			t.Fatal(n, err)
		}
	}
	if pub.MaxOAEPPlaintextSize(SHA256) != 256-66 || k.MaxOAEPPlaintextSize(SHA512) != 256-130 {
		t.Fatal("max plaintext size")
	}
	_, err := pub.EncryptOAEP(make([]byte, 256-65), nil, SHA256, SHA256)
	wantErr(t, err, ErrInvalidArgument, "message too long")
	// The 1025-bit e=3 key with SHA-512 (k = 129 < 2*64+2): nothing fits.
	_, err = e3.PublicKey().EncryptOAEP(nil, nil, SHA512, SHA512)
	wantErr(t, err, ErrInvalidArgument, "key too small for hash")
	// Unsupported hashes.
	for _, h := range []Hash{SHA3_256, BLAKE2b, SHAKE128, MD5, 0, 99} {
		_, err = pub.EncryptOAEP(msg, nil, h, SHA256)
		wantErr(t, err, ErrUnsupportedAlgorithm, "OAEP hash")
		_, err = pub.EncryptOAEP(msg, nil, SHA256, h)
		wantErr(t, err, ErrUnsupportedAlgorithm, "MGF1 hash")
		_, err = k.DecryptOAEP(make([]byte, 256), nil, h, SHA256)
		wantErr(t, err, ErrUnsupportedAlgorithm, "OAEP hash")
	}
	// Wrong ciphertext length: pyca's ValueError; a value >= n, garbage: failure.
	ct, _ := pub.EncryptOAEP(msg, nil, SHA256, SHA256)
	for _, bad := range [][]byte{nil, ct[1:], append([]byte{0}, ct...)} {
		_, err = k.DecryptOAEP(bad, nil, SHA256, SHA256)
		wantErr(t, err, ErrInvalidArgument, "ciphertext length")
	}
	for _, bad := range [][]byte{bytes.Repeat([]byte{0xff}, 256), make([]byte, 256), k.Key().N.Bytes()} {
		_, err = k.DecryptOAEP(bad, nil, SHA256, SHA256)
		wantErr(t, err, ErrDecryption, "bad ciphertext")
	}
	bad := bytes.Clone(ct)
	bad[100] ^= 1
	_, err = k.DecryptOAEP(bad, nil, SHA256, SHA256)
	wantErr(t, err, ErrDecryption, "modified ciphertext")
}

func TestRSAPKCS1v15Encryption(t *testing.T) {
	k, e3 := testRSAKeys(t)
	for _, key := range []*RSAPrivateKey{k, e3} {
		pub := key.PublicKey()
		for _, n := range []int{0, 1, 32, pub.MaxPKCS1v15PlaintextSize()} {
			m := bytes.Repeat([]byte{0x5a}, n)
			ct, err := pub.EncryptPKCS1v15(m)
			if err != nil {
				t.Fatal(err)
			}
			if len(ct) != key.Size() {
				t.Fatal(len(ct))
			}
			if pt, err := key.DecryptPKCS1v15(ct); err != nil || !bytes.Equal(pt, m) {
				t.Fatal(n, err)
			}
		}
		_, err := pub.EncryptPKCS1v15(make([]byte, key.Size()-10))
		wantErr(t, err, ErrInvalidArgument, "message too long")
		_, err = key.DecryptPKCS1v15(make([]byte, key.Size()-1))
		wantErr(t, err, ErrInvalidArgument, "ciphertext length")
		_, err = key.DecryptPKCS1v15(make([]byte, key.Size()))
		wantErr(t, err, ErrDecryption, "zero ciphertext")
		// OAEP ciphertext through PKCS #1 v1.5 decryption.
		if key == k {
			ct, _ := pub.EncryptOAEP([]byte("x"), nil, SHA1, SHA1)
			_, err = key.DecryptPKCS1v15(ct)
			wantErr(t, err, ErrDecryption, "OAEP ciphertext")
		}
	}
}

// pssMaxSalt is emLen - hLen - 2.
func pssMaxSalt(k *RSAPrivateKey, h Hash) int { return (k.KeySize()-1+7)/8 - h.Size() - 2 }

func TestRSAPSSSaltRules(t *testing.T) {
	k, e3 := testRSAKeys(t)
	msg := []byte("pss")
	for _, key := range []*RSAPrivateKey{k, e3} {
		pub := key.PublicKey()
		maxSalt := pssMaxSalt(key, SHA256)
		if key == e3 && maxSalt != 128-32-2 {
			t.Fatal("emLen must be k-1 for a 1025-bit key", maxSalt)
		}
		// signing rule -> (verify rule -> should verify)
		type vcase struct {
			rule int
			ok   bool
		}
		cases := []struct {
			sign   int
			verify []vcase
		}{
			{PSSSaltMaxLength, []vcase{{PSSSaltMaxLength, true}, {PSSSaltAuto, true}, {maxSalt, true},
				{PSSSaltDigestLength, false}, {0, false}, {maxSalt - 1, false}}},
			{PSSSaltDigestLength, []vcase{{PSSSaltDigestLength, true}, {32, true}, {PSSSaltAuto, true},
				{PSSSaltMaxLength, false}, {31, false}, {33, false}}},
			{0, []vcase{{0, true}, {PSSSaltAuto, true}, {1, false}, {PSSSaltDigestLength, false}, {PSSSaltMaxLength, false}}},
			{1, []vcase{{1, true}, {PSSSaltAuto, true}, {0, false}, {2, false}}},
			{20, []vcase{{20, true}, {PSSSaltAuto, true}, {32, false}}},
		}
		for _, c := range cases {
			sig, err := key.SignPSS(msg, c.sign, SHA256, SHA256, false)
			if err != nil {
				t.Fatal(c.sign, err)
			}
			if len(sig) != key.Size() {
				t.Fatal(len(sig))
			}
			for _, v := range c.verify {
				err := pub.VerifyPSS(sig, msg, v.rule, SHA256, SHA256, false)
				if v.ok && err != nil {
					t.Fatalf("sign %d verify %d: %v", c.sign, v.rule, err)
				}
				if !v.ok {
					wantErr(t, err, ErrInvalidSignature, "salt rule mismatch")
				}
			}
			// Independent check with crypto/rsa (its 0 means auto-detect).
			if err := rsa.VerifyPSS(&key.Key().PublicKey, crypto.SHA256, sha(SHA256, msg), sig,
				&rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthAuto}); err != nil {
				t.Fatalf("crypto/rsa rejects our PSS signature with salt rule %d: %v", c.sign, err)
			}
		}
		// Randomized (salt) vs deterministic (no salt).
		s1, _ := key.SignPSS(msg, 0, SHA256, SHA256, false)
		s2, _ := key.SignPSS(msg, 0, SHA256, SHA256, false)
		s3, _ := key.SignPSS(msg, 16, SHA256, SHA256, false)
		s4, _ := key.SignPSS(msg, 16, SHA256, SHA256, false)
		if !bytes.Equal(s1, s2) || bytes.Equal(s3, s4) {
			t.Fatal("salt 0 must be deterministic, salt 16 randomized")
		}
		// Errors.
		_, err := key.SignPSS(msg, PSSSaltAuto, SHA256, SHA256, false)
		wantErr(t, err, ErrInvalidArgument, "AUTO when signing")
		_, err = key.SignPSS(msg, -4, SHA256, SHA256, false)
		wantErr(t, err, ErrInvalidArgument, "negative salt")
		err = pub.VerifyPSS(s1, msg, -4, SHA256, SHA256, false)
		wantErr(t, err, ErrInvalidArgument, "negative salt")
		_, err = key.SignPSS(msg, maxSalt+1, SHA256, SHA256, false)
		wantErr(t, err, ErrInvalidArgument, "salt too long")
		err = pub.VerifyPSS(s1, msg, maxSalt+1, SHA256, SHA256, false)
		wantErr(t, err, ErrInvalidSignature, "salt too long on verify")
		if _, err = key.SignPSS(msg, maxSalt, SHA256, SHA256, false); err != nil {
			t.Fatal("maximal explicit salt", err)
		}
	}
}

func TestRSAPSSHashes(t *testing.T) {
	k, e3 := testRSAKeys(t)
	msg := []byte("hashes")
	for _, key := range []*RSAPrivateKey{k, e3} {
		pub := key.PublicKey()
		for _, h := range sigHashes {
			for _, m := range []Hash{h, SHA1, SHA256, SHA3_512} {
				if key == e3 && (h.Size() > 48 || m != h && m != SHA1) {
					continue // keep the loop short on the small key
				}
				for _, salt := range []int{PSSSaltDigestLength, 0, PSSSaltMaxLength} {
					if pssMaxSalt(key, h) < 0 {
						continue
					}
					sig, err := key.SignPSS(msg, salt, h, m, false)
					if err != nil {
						t.Fatal(h, m, salt, err)
					}
					if err := pub.VerifyPSS(sig, msg, salt, h, m, false); err != nil {
						t.Fatal(h, m, salt, err)
					}
					if err := pub.VerifyPSS(sig, msg, PSSSaltAuto, h, m, false); err != nil {
						t.Fatal(h, m, salt, err)
					}
					if m != h {
						err := pub.VerifyPSS(sig, msg, salt, h, h, false)
						wantErr(t, err, ErrInvalidSignature, "MGF1 hash mismatch")
					} else if h != MD5 {
						// Independent check of the same-hash case.
						opts := &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthAuto}
						if err := rsa.VerifyPSS(&key.Key().PublicKey, h.CryptoHash(), sha(h, msg), sig, opts); err != nil {
							t.Fatal("crypto/rsa", h, salt, err)
						}
					}
				}
			}
		}
		for _, h := range []Hash{BLAKE2b, BLAKE2s, SHAKE128, SHAKE256, 0, 99} {
			_, err := key.SignPSS(msg, 0, h, SHA256, false)
			wantErr(t, err, ErrUnsupportedAlgorithm, "PSS hash")
			_, err = key.SignPSS(msg, 0, SHA256, h, false)
			wantErr(t, err, ErrUnsupportedAlgorithm, "MGF1 hash")
			err = pub.VerifyPSS(make([]byte, key.Size()), msg, 0, h, SHA256, false)
			wantErr(t, err, ErrUnsupportedAlgorithm, "PSS hash")
		}
	}
	// SHA-512 on the 1025-bit key: emLen 128 < 64 + 64 + 2, so MAX is < 0.
	_, err := e3.SignPSS(msg, PSSSaltMaxLength, SHA512, SHA512, false)
	if err != nil {
		t.Fatal(err) // 128 - 64 - 2 = 62 >= 0: fine
	}
	_, err = e3.SignPSS(msg, 63, SHA512, SHA512, false)
	wantErr(t, err, ErrInvalidArgument, "salt too long for SHA-512")
}

func TestRSAPSSMismatchedMGF1(t *testing.T) {
	k, _ := testRSAKeys(t)
	pub := k.PublicKey()
	msg := []byte("mgf1 differs")
	for _, salt := range []int{0, 20, PSSSaltDigestLength, PSSSaltMaxLength} {
		sig, err := k.SignPSS(msg, salt, SHA256, SHA1, false)
		if err != nil {
			t.Fatal(err)
		}
		if err := pub.VerifyPSS(sig, msg, salt, SHA256, SHA1, false); err != nil {
			t.Fatal(salt, err)
		}
		wantErr(t, pub.VerifyPSS(sig, msg, salt, SHA256, SHA256, false), ErrInvalidSignature, "MGF1 SHA-256")
		wantErr(t, pub.VerifyPSS(sig, msg, salt, SHA1, SHA1, false), ErrInvalidSignature, "hash SHA-1")
		wantErr(t, pub.VerifyPSS(sig, []byte("other"), salt, SHA256, SHA1, false), ErrInvalidSignature, "other message")
	}
}

func TestRSAPrehashed(t *testing.T) {
	k, _ := testRSAKeys(t)
	pub := k.PublicKey()
	msg := []byte("prehashed message")
	for _, h := range []Hash{SHA1, SHA256, SHA512, SHA3_256} {
		d := sha(h, msg)
		// PSS: sign the digest, verify the message, and the reverse.
		sig, err := k.SignPSS(d, PSSSaltDigestLength, h, h, true)
		if err != nil {
			t.Fatal(err)
		}
		if err := pub.VerifyPSS(sig, msg, PSSSaltDigestLength, h, h, false); err != nil {
			t.Fatal(err)
		}
		sig, _ = k.SignPSS(msg, 0, h, SHA1, false)
		if err := pub.VerifyPSS(sig, d, 0, h, SHA1, true); err != nil {
			t.Fatal(err)
		}
		// PKCS #1 v1.5 is deterministic: both ways give the same signature.
		s1, err := k.SignPKCS1v15(d, h, true)
		if err != nil {
			t.Fatal(err)
		}
		s2, _ := k.SignPKCS1v15(msg, h, false)
		if !bytes.Equal(s1, s2) {
			t.Fatal("prehashed PKCS1v15 differs")
		}
		if err := pub.VerifyPKCS1v15(s1, d, h, true); err != nil {
			t.Fatal(err)
		}
		// Wrong digest sizes: ValueError.
		for _, bad := range [][]byte{d[1:], append(bytes.Clone(d), 0), nil} {
			_, err = k.SignPSS(bad, 0, h, h, true)
			wantErr(t, err, ErrInvalidArgument, "prehashed size")
			wantErr(t, pub.VerifyPSS(sig, bad, 0, h, h, true), ErrInvalidArgument, "prehashed size")
			_, err = k.SignPKCS1v15(bad, h, true)
			wantErr(t, err, ErrInvalidArgument, "prehashed size")
			wantErr(t, pub.VerifyPKCS1v15(s1, bad, h, true), ErrInvalidArgument, "prehashed size")
		}
	}
}

func TestRSAPKCS1v15Signatures(t *testing.T) {
	k, e3 := testRSAKeys(t)
	msg := []byte("pkcs1")
	for _, key := range []*RSAPrivateKey{k, e3} {
		pub := key.PublicKey()
		for _, h := range sigHashes {
			sig, err := key.SignPKCS1v15(msg, h, false)
			if err != nil {
				t.Fatal(h, err)
			}
			if err := pub.VerifyPKCS1v15(sig, msg, h, false); err != nil {
				t.Fatal(h, err)
			}
			// crypto/rsa verifies ours, with its own DigestInfo table.
			if err := rsa.VerifyPKCS1v15(&key.Key().PublicKey, h.CryptoHash(), sha(h, msg), sig); err != nil {
				t.Fatal(h, err)
			}
			wantErr(t, pub.VerifyPKCS1v15(sig, []byte("other"), h, false), ErrInvalidSignature, "other message")
			other := SHA256
			if h == SHA256 {
				other = SHA3_256 // same digest size, different OID
			}
			if h.Size() == other.Size() {
				wantErr(t, pub.VerifyPKCS1v15(sig, msg, other, false), ErrInvalidSignature, "other hash")
			}
			bad := bytes.Clone(sig)
			bad[len(bad)-1] ^= 1
			wantErr(t, pub.VerifyPKCS1v15(bad, msg, h, false), ErrInvalidSignature, "modified")
			wantErr(t, pub.VerifyPKCS1v15(sig[1:], msg, h, false), ErrInvalidSignature, "short")
			wantErr(t, pub.VerifyPKCS1v15(append([]byte{0}, sig...), msg, h, false), ErrInvalidSignature, "long")
		}
		// A signature >= n is rejected even if it is congruent to a valid one.
		sig, _ := key.SignPKCS1v15(msg, SHA256, false)
		s := new(big.Int).SetBytes(sig)
		s.Add(s, key.Key().N)
		if s.BitLen() <= 8*key.Size() {
			wantErr(t, pub.VerifyPKCS1v15(s.FillBytes(make([]byte, key.Size())), msg, SHA256, false), ErrInvalidSignature, "s + n")
		}
		for _, h := range []Hash{BLAKE2b, SHAKE256, 0} {
			_, err := key.SignPKCS1v15(msg, h, false)
			wantErr(t, err, ErrUnsupportedAlgorithm, "hash")
			wantErr(t, pub.VerifyPKCS1v15(sig, msg, h, false), ErrUnsupportedAlgorithm, "hash")
		}
	}
	// DigestInfo without the NULL parameters (BER-ish variant pyca rejects).
	d := sha(SHA256, msg)
	prefix := digestInfoPrefix(SHA256)
	noNull := []byte{0x30, 0x2f, 0x30, 0x0b}
	noNull = append(noNull, prefix[4:15]...) // 06 09 <oid>
	noNull = append(noNull, 0x04, 0x20)
	noNull = append(noNull, d...)
	em := make([]byte, k.Size())
	em[1] = 1
	for i := 2; i < len(em)-len(noNull)-1; i++ {
		em[i] = 0xff
	}
	copy(em[len(em)-len(noNull):], noNull)
	sig, err := k.rsaPrivateRaw(em)
	if err != nil {
		t.Fatal(err)
	}
	wantErr(t, k.PublicKey().VerifyPKCS1v15(sig, msg, SHA256, false), ErrInvalidSignature, "missing NULL")
}

// TestRSAVerifyAgreesWithStdlib checks that our verification (publicOp
// over cached Montgomery constants) gives crypto/rsa's verdicts on valid and
// damaged signatures, for PKCS #1 v1.5 and PSS with each salt rule crypto/rsa
// can express, on 2048-bit and e = 3 keys.
func TestRSAVerifyAgreesWithStdlib(t *testing.T) {
	k2048, e3 := testRSAKeys(t)
	msg := []byte("two paths")
	for _, k := range []*RSAPrivateKey{k2048, e3} {
		pub := k.PublicKey()
		damage := func(sig []byte) [][]byte {
			out := [][]byte{sig}
			for _, i := range []int{0, 1, 100, len(sig) - 1} {
				b := bytes.Clone(sig)
				b[i] ^= 0x40
				out = append(out, b)
			}
			n := k.Key().N.Bytes()
			nMinus1 := new(big.Int).Sub(k.Key().N, bigOne).FillBytes(make([]byte, len(sig)))
			return append(out, sig[1:], append([]byte{0}, sig...), n, nMinus1, make([]byte, len(sig)))
		}
		for _, h := range []Hash{SHA1, SHA256, SHA512, SHA3_384, MD5} {
			d := sha(h, msg)
			sig, _ := k.SignPKCS1v15(msg, h, false)
			for i, s := range damage(sig) {
				ours := pub.VerifyPKCS1v15(s, msg, h, false)
				std := rsa.VerifyPKCS1v15(pub.Key(), h.CryptoHash(), d, s)
				if (std == nil) != (ours == nil) || (i == 0) != (ours == nil) {
					t.Fatalf("PKCS1v15 %s case %d: crypto/rsa %v, ours %v", h.Name(), i, std, ours)
				}
			}
			if h == MD5 {
				continue // crypto/rsa has no PSS with MD5
			}
			for _, rule := range []int{PSSSaltMaxLength, PSSSaltDigestLength, 5} {
				sig, err := k.SignPSS(msg, rule, h, h, false)
				if err != nil {
					continue // SHA-512 with a 64-byte salt does not fit 1025 bits
				}
				for _, vrule := range []int{rule, PSSSaltAuto, 1} {
					sLen, auto, _ := pssSaltLength(vrule, pub.KeySize(), h.Size())
					opts := &rsa.PSSOptions{SaltLength: sLen}
					if auto {
						opts.SaltLength = rsa.PSSSaltLengthAuto
					}
					for i, s := range damage(sig) {
						ours := pub.VerifyPSS(s, msg, vrule, h, h, false)
						std := rsa.VerifyPSS(pub.Key(), h.CryptoHash(), d, s, opts)
						if (std == nil) != (ours == nil) {
							t.Fatalf("PSS %s rule %d/%d case %d: crypto/rsa %v, ours %v", h.Name(), rule, vrule, i, std, ours)
						}
						if i > 0 && ours == nil {
							t.Fatalf("PSS %s: damaged signature %d verified", h.Name(), i)
						}
					}
				}
			}
		}
	}
}

func TestRSADigestInfoPrefixes(t *testing.T) {
	// Against crypto/rsa's table, through a signature it produces.
	k, _ := testRSAKeys(t)
	for _, h := range sigHashes {
		d := sha(h, []byte("x"))
		sig, err := rsa.SignPKCS1v15(nil, k.Key(), h.CryptoHash(), d)
		if err != nil {
			t.Fatal(err)
		}
		em, _ := k.PublicKey().publicOp(sig)
		p := digestInfoPrefix(h)
		if !bytes.Equal(em[len(em)-len(d)-len(p):len(em)-len(d)], p) {
			t.Fatalf("%s: DigestInfo prefix %x", h.Name(), p)
		}
	}
}

func TestRSAPrivateRaw(t *testing.T) {
	k, e3 := testRSAKeys(t)
	for _, key := range []*RSAPrivateKey{k, e3} {
		std := key.Key()
		for _, x := range []*big.Int{big.NewInt(0), big.NewInt(1), big.NewInt(2),
			new(big.Int).Sub(std.N, bigOne), new(big.Int).Rsh(std.N, 1)} {
			s, err := key.rsaPrivateRaw(x.FillBytes(make([]byte, key.Size())))
			if err != nil {
				t.Fatal(err)
			}
			if new(big.Int).SetBytes(s).Cmp(new(big.Int).Exp(x, std.D, std.N)) != 0 {
				t.Fatal("x^d mismatch for", x)
			}
		}
		for i := 0; i < 5; i++ {
			x, _ := rand.Int(rand.Reader, std.N)
			s, err := key.rsaPrivateRaw(x.FillBytes(make([]byte, key.Size())))
			if err != nil {
				t.Fatal(err)
			}
			if new(big.Int).SetBytes(s).Cmp(new(big.Int).Exp(x, std.D, std.N)) != 0 {
				t.Fatal("x^d mismatch")
			}
		}
	}
}

func TestRSADigestTooLarge(t *testing.T) {
	// pyca: digest_size + 2 > key size in bytes is a ValueError, also when
	// verifying. A 512-bit key (64 bytes) and SHA-512 (64 bytes).
	std, err := rsa.GenerateKey(rand.Reader, 512)
	if err != nil {
		t.Fatal(err)
	}
	k, err := NewRSAPrivateKey(std)
	if err != nil {
		t.Fatal(err)
	}
	_, err = k.SignPSS([]byte("m"), 0, SHA512, SHA512, false)
	wantErr(t, err, ErrInvalidArgument, "sign")
	err = k.PublicKey().VerifyPSS(make([]byte, 64), []byte("m"), 0, SHA512, SHA512, false)
	wantErr(t, err, ErrInvalidArgument, "verify")
	// The same small key works otherwise (as in pyca).
	sig, err := k.SignPSS([]byte("m"), PSSSaltMaxLength, SHA256, SHA256, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := k.PublicKey().VerifyPSS(sig, []byte("m"), PSSSaltAuto, SHA256, SHA256, false); err != nil {
		t.Fatal(err)
	}
	_, err = k.SignPKCS1v15([]byte("m"), SHA512, false) // 83 + 11 > 64
	wantErr(t, err, ErrInvalidArgument, "PKCS1v15 DigestInfo too long")
	ct, err := k.PublicKey().EncryptPKCS1v15([]byte("m"))
	if err != nil {
		t.Fatal(err)
	}
	if pt, err := k.DecryptPKCS1v15(ct); err != nil || string(pt) != "m" {
		t.Fatal(err)
	}
}

func TestRSAWipe(t *testing.T) {
	k, err := GenerateRSAPrivateKey(65537, 1024)
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
	if _, err := k.SignPKCS1v15([]byte("m"), SHA256, false); err == nil {
		t.Fatal("signing with a wiped key succeeded")
	}
	if _, err := k.DecryptOAEP(make([]byte, 128), nil, SHA256, SHA256); err == nil {
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
				sig, err := k.SignPSS(msg, g%2*PSSSaltMaxLength, SHA256, SHA256, false)
				if err == nil {
					err = pub.VerifyPSS(sig, msg, PSSSaltAuto, SHA256, SHA256, false)
				}
				if err == nil {
					var ct, pt []byte
					ct, err = pub.EncryptOAEP(msg, nil, SHA256, SHA1)
					if err == nil {
						pt, err = k.DecryptOAEP(ct, nil, SHA256, SHA1)
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
	std, err := rsa.GenerateMultiPrimeKey(rand.Reader, 3, 1536) //nolint:staticcheck // multi-prime on purpose
	if err != nil {
		t.Fatal(err)
	}
	k, err := NewRSAPrivateKey(std)
	if err != nil {
		t.Fatal(err)
	}
	ct, _ := k.PublicKey().EncryptOAEP([]byte("3 primes"), nil, SHA256, SHA256)
	if pt, err := k.DecryptOAEP(ct, nil, SHA256, SHA256); err != nil || string(pt) != "3 primes" {
		t.Fatal(err)
	}
	sig, err := k.SignPSS([]byte("m"), 0, SHA256, SHA1, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := k.PublicKey().VerifyPSS(sig, []byte("m"), 0, SHA256, SHA1, false); err != nil {
		t.Fatal(err)
	}
	// crypto/rsa does not check multi-prime keys beyond the public part.
	for name, mutate := range map[string]func(*rsa.PrivateKey){
		"third prime": func(k *rsa.PrivateKey) { k.Primes[2] = new(big.Int).Add(k.Primes[2], big.NewInt(2)) },
		"d":           func(k *rsa.PrivateKey) { k.D = new(big.Int).Add(k.D, big.NewInt(2)) },
	} {
		bad := &rsa.PrivateKey{PublicKey: std.PublicKey, D: new(big.Int).Set(std.D),
			Primes: []*big.Int{std.Primes[0], std.Primes[1], new(big.Int).Set(std.Primes[2])}}
		mutate(bad)
		_, err := NewRSAPrivateKey(bad)
		wantErr(t, err, ErrInvalidArgument, name)
	}
}

// Benchmarks for issue 6 (RSA at OpenSSL's pace): ours next to the
// crypto/rsa call it wraps or replaces, interleaved in one run.
var (
	rsaBenchOnce sync.Once
	rsaBenchKeys map[int]*RSAPrivateKey
)

func rsaBenchKey(b *testing.B, bits int) *RSAPrivateKey {
	rsaBenchOnce.Do(func() {
		rsaBenchKeys = map[int]*RSAPrivateKey{}
		for _, n := range []int{2048, 3072, 4096} {
			k, err := GenerateRSAPrivateKey(65537, n)
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
	d := sha(SHA256, msg)
	for _, bits := range []int{2048, 3072, 4096} {
		k := rsaBenchKey(b, bits)
		pub := k.PublicKey()
		pssSig, _ := k.SignPSS(msg, PSSSaltMaxLength, SHA256, SHA256, false)
		pkcsSig, _ := k.SignPKCS1v15(msg, SHA256, false)
		ct, _ := pub.EncryptOAEP(msg, nil, SHA256, SHA256)
		pfx := fmt.Sprintf("%d/", bits)
		b.Run(pfx+"VerifyPSS", func(b *testing.B) {
			for b.Loop() {
				if err := pub.VerifyPSS(pssSig, msg, PSSSaltMaxLength, SHA256, SHA256, false); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(pfx+"VerifyPSS-cryptorsa", func(b *testing.B) {
			for b.Loop() {
				h := sha(SHA256, msg)
				if err := rsa.VerifyPSS(pub.Key(), crypto.SHA256, h, pssSig, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(pfx+"VerifyPKCS1v15", func(b *testing.B) {
			for b.Loop() {
				if err := pub.VerifyPKCS1v15(pkcsSig, msg, SHA256, false); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(pfx+"VerifyPKCS1v15-cryptorsa", func(b *testing.B) {
			for b.Loop() {
				h := sha(SHA256, msg)
				if err := rsa.VerifyPKCS1v15(pub.Key(), crypto.SHA256, h, pkcsSig); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(pfx+"SignPSS-max", func(b *testing.B) {
			for b.Loop() {
				k.SignPSS(msg, PSSSaltMaxLength, SHA256, SHA256, false)
			}
		})
		b.Run(pfx+"SignPSS-salt0-raw", func(b *testing.B) {
			for b.Loop() {
				k.SignPSS(d, 0, SHA256, SHA256, true)
			}
		})
		b.Run(pfx+"EncryptOAEP", func(b *testing.B) {
			for b.Loop() {
				pub.EncryptOAEP(msg, nil, SHA256, SHA256)
			}
		})
		b.Run(pfx+"EncryptOAEP-cryptorsa", func(b *testing.B) {
			for b.Loop() {
				rsa.EncryptOAEPWithOptions(rand.Reader, pub.Key(), msg, &rsa.OAEPOptions{Hash: crypto.SHA256})
			}
		})
		b.Run(pfx+"EncryptPKCS1v15", func(b *testing.B) {
			for b.Loop() {
				pub.EncryptPKCS1v15(msg)
			}
		})
		b.Run(pfx+"DecryptOAEP", func(b *testing.B) {
			for b.Loop() {
				k.DecryptOAEP(ct, nil, SHA256, SHA256)
			}
		})
	}
}

// TestRSAPublicExp checks the cached public exponentiation (Montgomery
// arithmetic over addMulVVW) against big.Int.Exp on moduli of many limb
// counts (1 to 64, multiples of four and not), edge values, edge moduli and
// exponents, on each multiply-accumulate path this machine has (MULX/ADX
// and MULQ on amd64), and even moduli (no Montgomery form: big.Int.Exp).
func TestRSAPublicExp(t *testing.T) {
	k, e3 := testRSAKeys(t)
	mods := []*big.Int{k.Key().N, e3.Key().N, big.NewInt(3), big.NewInt(0xffff_fffb),
		new(big.Int).SetUint64(0xffff_ffff_ffff_ffc5), big.NewInt(1 << 20), big.NewInt(1<<40 + 2)}
	for _, bits := range []int{65, 127, 128, 129, 192, 250, 256, 320, 500, 1024, 1536, 2047, 2112, 3072, 4096, 4160} {
		n, _ := rand.Int(rand.Reader, new(big.Int).Lsh(bigOne, uint(bits)))
		n.SetBit(n, bits-1, 1).SetBit(n, 0, 1)
		mods = append(mods, n)
	}
	// Moduli with a top word of 1 and of all ones, and all-ones limbs.
	mods = append(mods, new(big.Int).Add(new(big.Int).Lsh(bigOne, 2048), big.NewInt(1)),
		new(big.Int).Sub(new(big.Int).Lsh(bigOne, 2048), big.NewInt(1)),
		new(big.Int).Sub(new(big.Int).Lsh(bigOne, 1000), big.NewInt(1)))
	paths := []bool{useADX}
	if useADX {
		paths = append(paths, false)
	}
	defer func(v bool) { useADX = v }(useADX)
	for _, adx := range paths {
		useADX = adx
		for _, n := range mods {
			for _, e := range []int{3, 5, 17, 65537, 1<<31 - 1} {
				if big.NewInt(int64(e)).Cmp(n) >= 0 {
					continue
				}
				pub := &RSAPublicKey{key: &rsa.PublicKey{N: n, E: e}}
				pub.init()
				eb := big.NewInt(int64(e))
				all := new(big.Int).Sub(new(big.Int).Lsh(bigOne, uint(n.BitLen()-1)), bigOne)
				xs := []*big.Int{big.NewInt(0), big.NewInt(1), big.NewInt(2), all,
					new(big.Int).Sub(n, bigOne), new(big.Int).Sub(n, big.NewInt(2)),
					new(big.Int).Rsh(n, 1), new(big.Int).Rsh(n, 64)}
				for range 20 {
					x, _ := rand.Int(rand.Reader, n)
					xs = append(xs, x)
				}
				for _, x := range xs {
					if x.Cmp(n) >= 0 {
						continue
					}
					want := new(big.Int).Exp(x, eb, n)
					out, ok := pub.publicOp(x.FillBytes(make([]byte, pub.Size())))
					if !ok || len(out) != pub.Size() || new(big.Int).SetBytes(out).Cmp(want) != 0 {
						t.Fatalf("adx=%v n=%x e=%d x=%x: got %x want %x", adx, n, e, x, out, want)
					}
				}
				// n itself and n+1 are out of range.
				for _, x := range []*big.Int{n, new(big.Int).Add(n, bigOne)} {
					if x.BitLen() <= 8*pub.Size() {
						if _, ok := pub.publicOp(x.FillBytes(make([]byte, pub.Size()))); ok {
							t.Fatalf("n=%x: publicOp accepted x >= n", n)
						}
					}
				}
			}
		}
	}
}

// TestAddMulVVW checks the multiply-accumulate kernel against math/big on
// every length 0..40 with random and all-ones limbs, on each path.
func TestAddMulVVW(t *testing.T) {
	defer func(v bool) { useADX = v }(useADX)
	toBig := func(x []uint) *big.Int {
		w := make([]big.Word, len(x))
		for i := range x {
			w[i] = big.Word(x[i])
		}
		return new(big.Int).SetBits(w)
	}
	for _, adx := range []bool{useADX, false} {
		useADX = adx
		for n := 0; n <= 40; n++ {
			for trial := range 20 {
				z, x := make([]uint, n+1), make([]uint, n)
				var yb [8]byte
				rand.Read(yb[:])
				y := uint(binary.LittleEndian.Uint64(yb[:]))
				for i := range x {
					var b [16]byte
					rand.Read(b[:])
					x[i], z[i] = uint(binary.LittleEndian.Uint64(b[:8])), uint(binary.LittleEndian.Uint64(b[8:]))
					if trial == 0 {
						x[i], z[i] = ^uint(0), ^uint(0)
					}
				}
				if trial == 0 {
					y = ^uint(0)
				}
				z[n] = 12345 // must stay untouched
				want := new(big.Int).Mul(toBig(x), new(big.Int).SetUint64(uint64(y)))
				want.Add(want, toBig(z[:n]))
				c := addMulVVW(z[:n], x, y)
				got := toBig(append(z[:n:n], c))
				if got.Cmp(want) != 0 || z[n] != 12345 {
					t.Fatalf("adx=%v n=%d: got %x want %x", adx, n, got, want)
				}
			}
		}
	}
}

// TestRSAEncryptInterop checks that our OAEP and PKCS #1 v1.5 encodings
// (built here, encrypted with publicOp) decrypt with crypto/rsa's own
// decryption, for every OAEP/MGF1 hash pair, with and without label, at
// empty, short and maximal message lengths, and on the e = 3 key.
func TestRSAEncryptInterop(t *testing.T) {
	k, e3 := testRSAKeys(t)
	for _, key := range []*RSAPrivateKey{k, e3} {
		pub, std := key.PublicKey(), key.Key()
		for _, h := range oaepHashes {
			for _, m := range []Hash{h, SHA1, SHA512} {
				if pub.MaxOAEPPlaintextSize(h) == 0 {
					continue
				}
				for _, n := range []int{0, 1, pub.MaxOAEPPlaintextSize(h)} {
					msg := bytes.Repeat([]byte{byte(n)}, n)
					label := []byte("label")
					if n == 1 {
						label = nil
					}
					ct, err := pub.EncryptOAEP(msg, label, h, m)
					if err != nil {
						t.Fatal(h, m, n, err)
					}
					if len(ct) != key.Size() {
						t.Fatal("ciphertext length", len(ct))
					}
					pt, err := std.Decrypt(nil, ct, &rsa.OAEPOptions{Hash: h.CryptoHash(), MGFHash: m.CryptoHash(), Label: label})
					if err != nil || !bytes.Equal(pt, msg) {
						t.Fatalf("crypto/rsa cannot decrypt our OAEP (%s/%s, %d bytes): %v", h.Name(), m.Name(), n, err)
					}
				}
			}
		}
		for _, n := range []int{0, 1, 33, pub.MaxPKCS1v15PlaintextSize()} {
			msg := bytes.Repeat([]byte{0xa5}, n)
			ct, err := pub.EncryptPKCS1v15(msg)
			if err != nil {
				t.Fatal(err)
			}
			pt, err := rsa.DecryptPKCS1v15(nil, std, ct)
			if err != nil || !bytes.Equal(pt, msg) {
				t.Fatalf("crypto/rsa cannot decrypt our PKCS #1 v1.5 (%d bytes): %v", n, err)
			}
			// The padding string is nonzero random: check it directly.
			em := new(big.Int).Exp(new(big.Int).SetBytes(ct), std.D, std.N).FillBytes(make([]byte, key.Size()))
			if em[0] != 0 || em[1] != 2 || em[len(em)-n-1] != 0 || bytes.IndexByte(em[2:len(em)-n-1], 0) >= 0 {
				t.Fatalf("bad PKCS #1 v1.5 encoding %x", em)
			}
		}
		// Two encryptions of one message differ (random seed / padding).
		c1, _ := pub.EncryptOAEP([]byte("m"), nil, SHA256, SHA256)
		c2, _ := pub.EncryptOAEP([]byte("m"), nil, SHA256, SHA256)
		c3, _ := pub.EncryptPKCS1v15([]byte("m"))
		c4, _ := pub.EncryptPKCS1v15([]byte("m"))
		if bytes.Equal(c1, c2) || bytes.Equal(c3, c4) {
			t.Fatal("encryption is not randomized")
		}
	}
}

// FuzzRSAPublicExp compares publicOp with big.Int.Exp for arbitrary odd
// moduli, exponents and inputs, on each multiply-accumulate path.
func FuzzRSAPublicExp(f *testing.F) {
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xc5}, []byte{7}, uint32(65537))
	f.Add(bytes.Repeat([]byte{0xff}, 256), bytes.Repeat([]byte{0xfe}, 256), uint32(3))
	f.Add(append([]byte{1}, make([]byte, 200)...), []byte{2}, uint32(17))
	f.Fuzz(func(t *testing.T, nb, xb []byte, e32 uint32) {
		n := new(big.Int).SetBytes(nb)
		n.SetBit(n, 0, 1)
		e := int(e32|1) & (1<<31 - 1)
		if n.Cmp(big.NewInt(3)) < 0 || e < 3 || n.BitLen() > 4200 {
			return
		}
		pub := &RSAPublicKey{key: &rsa.PublicKey{N: n, E: e}}
		pub.init()
		x := new(big.Int).SetBytes(xb)
		x.Mod(x, n)
		want := new(big.Int).Exp(x, big.NewInt(int64(e)), n)
		defer func(v bool) { useADX = v }(useADX)
		for _, adx := range []bool{useADX, false} {
			useADX = adx
			out, ok := pub.publicOp(x.FillBytes(make([]byte, pub.Size())))
			if !ok || new(big.Int).SetBytes(out).Cmp(want) != 0 {
				t.Fatalf("adx=%v n=%x e=%d x=%x: got %x want %x", adx, n, e, x, out, want)
			}
		}
	})
}
