package rsa

import (
	"bytes"
	"crypto"
	"crypto/rand"
	stdrsa "crypto/rsa"
	"testing"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/hash"
)

// pssMaxSalt is emLen - hLen - 2.
func pssMaxSalt(k *PrivateKey, h hash.Algorithm) int { return (k.KeySize()-1+7)/8 - h.Size() - 2 }

func TestRSAPSSSaltRules(t *testing.T) {
	k, e3 := testRSAKeys(t)
	msg := []byte("pss")
	for _, key := range []*PrivateKey{k, e3} {
		pub := key.PublicKey()
		maxSalt := pssMaxSalt(key, hash.SHA256)
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
			sig, err := key.SignPSS(msg, c.sign, hash.SHA256, hash.SHA256, false)
			if err != nil {
				t.Fatal(c.sign, err)
			}
			if len(sig) != key.Size() {
				t.Fatal(len(sig))
			}
			for _, v := range c.verify {
				err := pub.VerifyPSS(sig, msg, v.rule, hash.SHA256, hash.SHA256, false)
				if v.ok && err != nil {
					t.Fatalf("sign %d verify %d: %v", c.sign, v.rule, err)
				}
				if !v.ok {
					wantErr(t, err, core.ErrInvalidSignature, "salt rule mismatch")
				}
			}
			// Independent check with crypto/rsa (its 0 means auto-detect).
			if err := stdrsa.VerifyPSS(&key.Key().PublicKey, crypto.SHA256, sha(hash.SHA256, msg), sig,
				&stdrsa.PSSOptions{SaltLength: stdrsa.PSSSaltLengthAuto}); err != nil {
				t.Fatalf("crypto/rsa rejects our PSS signature with salt rule %d: %v", c.sign, err)
			}
		}
		// Randomized (salt) vs deterministic (no salt).
		s1, _ := key.SignPSS(msg, 0, hash.SHA256, hash.SHA256, false)
		s2, _ := key.SignPSS(msg, 0, hash.SHA256, hash.SHA256, false)
		s3, _ := key.SignPSS(msg, 16, hash.SHA256, hash.SHA256, false)
		s4, _ := key.SignPSS(msg, 16, hash.SHA256, hash.SHA256, false)
		if !bytes.Equal(s1, s2) || bytes.Equal(s3, s4) {
			t.Fatal("salt 0 must be deterministic, salt 16 randomized")
		}
		// Errors.
		_, err := key.SignPSS(msg, PSSSaltAuto, hash.SHA256, hash.SHA256, false)
		wantErr(t, err, core.ErrInvalidArgument, "AUTO when signing")
		_, err = key.SignPSS(msg, -4, hash.SHA256, hash.SHA256, false)
		wantErr(t, err, core.ErrInvalidArgument, "negative salt")
		err = pub.VerifyPSS(s1, msg, -4, hash.SHA256, hash.SHA256, false)
		wantErr(t, err, core.ErrInvalidArgument, "negative salt")
		_, err = key.SignPSS(msg, maxSalt+1, hash.SHA256, hash.SHA256, false)
		wantErr(t, err, core.ErrInvalidArgument, "salt too long")
		err = pub.VerifyPSS(s1, msg, maxSalt+1, hash.SHA256, hash.SHA256, false)
		wantErr(t, err, core.ErrInvalidSignature, "salt too long on verify")
		if _, err = key.SignPSS(msg, maxSalt, hash.SHA256, hash.SHA256, false); err != nil {
			t.Fatal("maximal explicit salt", err)
		}
	}
}

func TestRSAPSSHashes(t *testing.T) {
	k, e3 := testRSAKeys(t)
	msg := []byte("hashes")
	for _, key := range []*PrivateKey{k, e3} {
		pub := key.PublicKey()
		for _, h := range sigHashes {
			for _, m := range []hash.Algorithm{h, hash.SHA1, hash.SHA256, hash.SHA3_512} {
				if key == e3 && (h.Size() > 48 || m != h && m != hash.SHA1) {
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
						wantErr(t, err, core.ErrInvalidSignature, "MGF1 hash mismatch")
					} else if h != hash.MD5 {
						// Independent check of the same-hash case.
						opts := &stdrsa.PSSOptions{SaltLength: stdrsa.PSSSaltLengthAuto}
						if err := stdrsa.VerifyPSS(&key.Key().PublicKey, h.CryptoHash(), sha(h, msg), sig, opts); err != nil {
							t.Fatal("crypto/rsa", h, salt, err)
						}
					}
				}
			}
		}
		for _, h := range []hash.Algorithm{hash.BLAKE2b, hash.BLAKE2s, hash.SHAKE128, hash.SHAKE256, 0, 99} {
			_, err := key.SignPSS(msg, 0, h, hash.SHA256, false)
			wantErr(t, err, core.ErrUnsupportedAlgorithm, "PSS hash")
			_, err = key.SignPSS(msg, 0, hash.SHA256, h, false)
			wantErr(t, err, core.ErrUnsupportedAlgorithm, "MGF1 hash")
			err = pub.VerifyPSS(make([]byte, key.Size()), msg, 0, h, hash.SHA256, false)
			wantErr(t, err, core.ErrUnsupportedAlgorithm, "PSS hash")
		}
	}
	// SHA-512 on the 1025-bit key: emLen 128 < 64 + 64 + 2, so MAX is < 0.
	_, err := e3.SignPSS(msg, PSSSaltMaxLength, hash.SHA512, hash.SHA512, false)
	if err != nil {
		t.Fatal(err) // 128 - 64 - 2 = 62 >= 0: fine
	}
	_, err = e3.SignPSS(msg, 63, hash.SHA512, hash.SHA512, false)
	wantErr(t, err, core.ErrInvalidArgument, "salt too long for SHA-512")
}

func TestRSAPSSMismatchedMGF1(t *testing.T) {
	k, _ := testRSAKeys(t)
	pub := k.PublicKey()
	msg := []byte("mgf1 differs")
	for _, salt := range []int{0, 20, PSSSaltDigestLength, PSSSaltMaxLength} {
		sig, err := k.SignPSS(msg, salt, hash.SHA256, hash.SHA1, false)
		if err != nil {
			t.Fatal(err)
		}
		if err := pub.VerifyPSS(sig, msg, salt, hash.SHA256, hash.SHA1, false); err != nil {
			t.Fatal(salt, err)
		}
		wantErr(t, pub.VerifyPSS(sig, msg, salt, hash.SHA256, hash.SHA256, false), core.ErrInvalidSignature, "MGF1 SHA-256")
		wantErr(t, pub.VerifyPSS(sig, msg, salt, hash.SHA1, hash.SHA1, false), core.ErrInvalidSignature, "hash SHA-1")
		wantErr(t, pub.VerifyPSS(sig, []byte("other"), salt, hash.SHA256, hash.SHA1, false), core.ErrInvalidSignature, "other message")
	}
}

func TestRSAPrehashed(t *testing.T) {
	k, _ := testRSAKeys(t)
	pub := k.PublicKey()
	msg := []byte("prehashed message")
	for _, h := range []hash.Algorithm{hash.SHA1, hash.SHA256, hash.SHA512, hash.SHA3_256} {
		d := sha(h, msg)
		// PSS: sign the digest, verify the message, and the reverse.
		sig, err := k.SignPSS(d, PSSSaltDigestLength, h, h, true)
		if err != nil {
			t.Fatal(err)
		}
		if err := pub.VerifyPSS(sig, msg, PSSSaltDigestLength, h, h, false); err != nil {
			t.Fatal(err)
		}
		sig, _ = k.SignPSS(msg, 0, h, hash.SHA1, false)
		if err := pub.VerifyPSS(sig, d, 0, h, hash.SHA1, true); err != nil {
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
			wantErr(t, err, core.ErrInvalidArgument, "prehashed size")
			wantErr(t, pub.VerifyPSS(sig, bad, 0, h, h, true), core.ErrInvalidArgument, "prehashed size")
			_, err = k.SignPKCS1v15(bad, h, true)
			wantErr(t, err, core.ErrInvalidArgument, "prehashed size")
			wantErr(t, pub.VerifyPKCS1v15(s1, bad, h, true), core.ErrInvalidArgument, "prehashed size")
		}
	}
}

func TestRSADigestTooLarge(t *testing.T) {
	// pyca: digest_size + 2 > key size in bytes is a ValueError, also when
	// verifying. A 512-bit key (64 bytes) and SHA-512 (64 bytes).
	std, err := stdrsa.GenerateKey(rand.Reader, 512)
	if err != nil {
		t.Fatal(err)
	}
	k, err := NewPrivateKey(std)
	if err != nil {
		t.Fatal(err)
	}
	_, err = k.SignPSS([]byte("m"), 0, hash.SHA512, hash.SHA512, false)
	wantErr(t, err, core.ErrInvalidArgument, "sign")
	err = k.PublicKey().VerifyPSS(make([]byte, 64), []byte("m"), 0, hash.SHA512, hash.SHA512, false)
	wantErr(t, err, core.ErrInvalidArgument, "verify")
	// The same small key works otherwise (as in pyca).
	sig, err := k.SignPSS([]byte("m"), PSSSaltMaxLength, hash.SHA256, hash.SHA256, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := k.PublicKey().VerifyPSS(sig, []byte("m"), PSSSaltAuto, hash.SHA256, hash.SHA256, false); err != nil {
		t.Fatal(err)
	}
	_, err = k.SignPKCS1v15([]byte("m"), hash.SHA512, false) // 83 + 11 > 64
	wantErr(t, err, core.ErrInvalidArgument, "PKCS1v15 DigestInfo too long")
	ct, err := k.PublicKey().EncryptPKCS1v15([]byte("m"))
	if err != nil {
		t.Fatal(err)
	}
	if pt, err := k.DecryptPKCS1v15(ct); err != nil || string(pt) != "m" {
		t.Fatal(err)
	}
}
