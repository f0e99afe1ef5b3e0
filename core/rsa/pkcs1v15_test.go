package rsa

import (
	"bytes"
	stdrsa "crypto/rsa"
	"math/big"
	"testing"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/hash"
)

func TestRSAPKCS1v15Encryption(t *testing.T) {
	k, e3 := testRSAKeys(t)
	for _, key := range []*PrivateKey{k, e3} {
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
		wantErr(t, err, core.ErrInvalidArgument, "message too long")
		_, err = key.DecryptPKCS1v15(make([]byte, key.Size()-1))
		wantErr(t, err, core.ErrInvalidArgument, "ciphertext length")
		_, err = key.DecryptPKCS1v15(make([]byte, key.Size()))
		wantErr(t, err, core.ErrDecryption, "zero ciphertext")
		// OAEP ciphertext through PKCS #1 v1.5 decryption.
		if key == k {
			ct, _ := pub.EncryptOAEP([]byte("x"), nil, hash.SHA1, hash.SHA1)
			_, err = key.DecryptPKCS1v15(ct)
			wantErr(t, err, core.ErrDecryption, "OAEP ciphertext")
		}
	}
}

func TestRSAPKCS1v15Signatures(t *testing.T) {
	k, e3 := testRSAKeys(t)
	msg := []byte("pkcs1")
	for _, key := range []*PrivateKey{k, e3} {
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
			if err := stdrsa.VerifyPKCS1v15(&key.Key().PublicKey, h.CryptoHash(), sha(h, msg), sig); err != nil {
				t.Fatal(h, err)
			}
			wantErr(t, pub.VerifyPKCS1v15(sig, []byte("other"), h, false), core.ErrInvalidSignature, "other message")
			other := hash.SHA256
			if h == hash.SHA256 {
				other = hash.SHA3_256 // same digest size, different OID
			}
			if h.Size() == other.Size() {
				wantErr(t, pub.VerifyPKCS1v15(sig, msg, other, false), core.ErrInvalidSignature, "other hash")
			}
			bad := bytes.Clone(sig)
			bad[len(bad)-1] ^= 1
			wantErr(t, pub.VerifyPKCS1v15(bad, msg, h, false), core.ErrInvalidSignature, "modified")
			wantErr(t, pub.VerifyPKCS1v15(sig[1:], msg, h, false), core.ErrInvalidSignature, "short")
			wantErr(t, pub.VerifyPKCS1v15(append([]byte{0}, sig...), msg, h, false), core.ErrInvalidSignature, "long")
		}
		// A signature >= n is rejected even if it is congruent to a valid one.
		sig, _ := key.SignPKCS1v15(msg, hash.SHA256, false)
		s := new(big.Int).SetBytes(sig)
		s.Add(s, key.Key().N)
		if s.BitLen() <= 8*key.Size() {
			wantErr(t, pub.VerifyPKCS1v15(s.FillBytes(make([]byte, key.Size())), msg, hash.SHA256, false), core.ErrInvalidSignature, "s + n")
		}
		for _, h := range []hash.Algorithm{hash.BLAKE2b, hash.SHAKE256, 99} { // 0 is hash.None: TestRSAPKCS1v15NoDigestInfo
			_, err := key.SignPKCS1v15(msg, h, false)
			wantErr(t, err, core.ErrUnsupportedAlgorithm, "hash")
			wantErr(t, pub.VerifyPKCS1v15(sig, msg, h, false), core.ErrUnsupportedAlgorithm, "hash")
		}
	}
	// DigestInfo without the NULL parameters (BER-ish variant pyca rejects).
	d := sha(hash.SHA256, msg)
	prefix := digestInfoPrefix(hash.SHA256)
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
	sig, err := k.privateRaw(em)
	if err != nil {
		t.Fatal(err)
	}
	wantErr(t, k.PublicKey().VerifyPKCS1v15(sig, msg, hash.SHA256, false), core.ErrInvalidSignature, "missing NULL")
}

func TestRSADigestInfoPrefixes(t *testing.T) {
	// Against crypto/rsa's table, through a signature it produces.
	k, _ := testRSAKeys(t)
	for _, h := range sigHashes {
		d := sha(h, []byte("x"))
		sig, err := stdrsa.SignPKCS1v15(nil, k.Key(), h.CryptoHash(), d)
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

// TestRSAPKCS1v15NoDigestInfo: hash.None signs and verifies the payload T
// itself (pyca's utils.NoDigestInfo()). Signing DigestInfo || SHA-256(msg)
// raw is the SHA-256 signature of msg; crypto/rsa's raw mode (hash 0)
// verifies ours; OpenSSL's raw rules for short signatures and lengths.
func TestRSAPKCS1v15NoDigestInfo(t *testing.T) {
	k, e3 := testRSAKeys(t)
	msg := []byte("no digest info")
	for _, key := range []*PrivateKey{k, e3} {
		pub := key.PublicKey()
		tPayload := append(digestInfoPrefix(hash.SHA256), sha(hash.SHA256, msg)...)
		raw, err := key.SignPKCS1v15(tPayload, hash.None, false)
		if err != nil {
			t.Fatal(err)
		}
		withHash, _ := key.SignPKCS1v15(msg, hash.SHA256, false)
		if !bytes.Equal(raw, withHash) {
			t.Fatal("raw signature of DigestInfo || digest differs from the SHA-256 signature")
		}
		if err := pub.VerifyPKCS1v15(raw, tPayload, hash.None, false); err != nil {
			t.Fatal(err)
		}
		for _, n := range []int{0, 1, 20, key.Size() - 11} {
			m := bytes.Repeat([]byte{0xa5}, n)
			sig, err := key.SignPKCS1v15(m, hash.None, false)
			if err != nil || len(sig) != key.Size() {
				t.Fatal(n, err)
			}
			if err := stdrsa.VerifyPKCS1v15(&key.Key().PublicKey, 0, m, sig); err != nil {
				t.Fatal(n, err)
			}
			if err := pub.VerifyPKCS1v15(sig, m, hash.None, false); err != nil {
				t.Fatal(n, err)
			}
			wantErr(t, pub.VerifyPKCS1v15(sig, append(m, 0), hash.None, false), core.ErrInvalidSignature, "longer payload")
			if n > 0 {
				wantErr(t, pub.VerifyPKCS1v15(sig, m[1:], hash.None, false), core.ErrInvalidSignature, "shorter payload")
			}
		}
		_, err = key.SignPKCS1v15(make([]byte, key.Size()-10), hash.None, false)
		wantErr(t, err, core.ErrInvalidArgument, "payload too long")
		_, err = key.SignPKCS1v15(tPayload, hash.None, true)
		wantErr(t, err, core.ErrInvalidArgument, "prehashed without hash")
		wantErr(t, pub.VerifyPKCS1v15(raw, tPayload, hash.None, true), core.ErrInvalidArgument, "prehashed without hash")
		// The DigestInfo payload does not verify as SHA-256 when the
		// signature is over other data, and the raw payload needs the prefix.
		wantErr(t, pub.VerifyPKCS1v15(raw, sha(hash.SHA256, msg), hash.None, false), core.ErrInvalidSignature, "digest without prefix")
		wantErr(t, pub.VerifyPKCS1v15(append([]byte{0}, raw...), tPayload, hash.None, false), core.ErrInvalidSignature, "longer signature")
		if raw[0] != 0 {
			wantErr(t, pub.VerifyPKCS1v15(raw[1:], tPayload, hash.None, false), core.ErrInvalidSignature, "truncated signature")
		}
	}
	// A signature with a leading zero byte verifies with the byte stripped
	// (OpenSSL reads a raw signature as a number); with a hash it must not.
	pub := k.PublicKey()
	for i := 0; ; i++ {
		m := []byte{byte(i), byte(i >> 8), byte(i >> 16)}
		sig, err := k.SignPKCS1v15(m, hash.None, false)
		if err != nil {
			t.Fatal(err)
		}
		if sig[0] != 0 {
			continue
		}
		if err := pub.VerifyPKCS1v15(sig[1:], m, hash.None, false); err != nil {
			t.Fatal("stripped leading zero:", err)
		}
		break
	}
	for i := 0; ; i++ {
		m := []byte{byte(i), byte(i >> 8), byte(i >> 16)}
		sig, _ := k.SignPKCS1v15(m, hash.SHA256, false)
		if sig[0] != 0 {
			continue
		}
		wantErr(t, pub.VerifyPKCS1v15(sig[1:], m, hash.SHA256, false), core.ErrInvalidSignature, "stripped zero with a hash")
		break
	}
}
