//go:build unix

package main

// Fuzz targets that enter through the exported C ABI functions (via the
// shims of fuzzshim.go, since a _test.go file cannot use cgo), for every
// parser and every verify/decrypt path. Inputs and output buffers live in
// memory bounded by guard pages, so an over-read or over-write crashes.
//
// `go test ./capi` runs each target over its seeds (f.Add below) and its
// committed corpus (testdata/fuzz/FuzzX/); `make fuzz FUZZTIME=60s` fuzzes
// each target in turn. A crasher found by fuzzing is committed to
// testdata/fuzz/FuzzX/ so that it stays a regression test.
//
// Besides "no crash", each target checks the ABI contract: only documented
// status codes (CRYPTOGO_ERR_INTERNAL, a recovered panic, is always a bug),
// *out_len and the output buffer on success and failure (zeroed after an
// authentication failure, untouched after BUFFER_TOO_SMALL), no handle
// leaked, and round trips where an input was accepted.

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
	"unsafe"
)

// Status codes (enum cryptogo_status), for readability.
const (
	rcOK                   = 0
	rcInternal             = -1
	rcInvalidArgument      = -2
	rcBufferTooSmall       = -4
	rcInvalidHandle        = -5
	rcInvalidToken         = -6
	rcInvalidTag           = -7
	rcInvalidSignature     = -8
	rcUnsupportedAlgorithm = -11
	rcDecryptionFailed     = -12
	rcOverflow             = -13
	rcPasswordRequired     = -14
	rcPasswordUnexpected   = -15
	rcBadKeyData           = -16
)

// Enum values (include/cryptogo_types.h).
const (
	encPEM          = 1
	encDER          = 2
	privPKCS8       = 1
	pubSPKI         = 1
	hashSHA1        = 1
	hashSHA256      = 3
	hashSHA512      = 5
	fernetSpecKey   = "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4="
	fernetOtherKey  = "Ah4BeYjrq-8qh8UBoYMZJldLhQhxYnNSjAUm5WinJHc="
	slowCall        = 5 * time.Second
	maxFuzzKeyInput = 64 << 10
)

// expectRC fails unless rc is one of allowed.
func expectRC(t *testing.T, what string, rc int, allowed ...int) {
	t.Helper()
	for _, a := range allowed {
		if rc == a {
			return
		}
	}
	t.Fatalf("%s returned %d, want one of %v", what, rc, allowed)
}

// timed runs fn and fails when it takes longer than slowCall (a hang or an
// unbounded computation on attacker-controlled input is a finding too).
func timed(t *testing.T, what string, fn func()) {
	t.Helper()
	start := time.Now()
	fn()
	if d := time.Since(start); d > slowCall {
		t.Fatalf("%s took %v (> %v)", what, d, slowCall)
	}
}

// liveCheck fails when the number of live handles changed by the end of the
// test (every handle created must have been freed).
func liveCheck(t *testing.T) {
	t.Helper()
	before := shimLiveHandles()
	t.Cleanup(func() {
		if after := shimLiveHandles(); after != before {
			t.Errorf("live handles %d -> %d: a handle leaked", before, after)
		}
	})
}

func allBytes(b []byte, v byte) bool {
	for _, c := range b {
		if c != v {
			return false
		}
	}
	return true
}

// checkAuthFailure: after an authentication failure *out_len is 0 and the
// first need bytes of the buffer are zero.
func checkAuthFailure(t *testing.T, r shimResult, need int) {
	t.Helper()
	if r.Len != 0 {
		t.Fatalf("rc %d: *out_len = %d, want 0", r.RC, r.Len)
	}
	if need > len(r.Buf) {
		need = len(r.Buf)
	}
	if !allBytes(r.Buf[:need], 0) {
		t.Fatalf("rc %d: output buffer not zeroed after an authentication failure", r.RC)
	}
}

// checkTooSmall: BUFFER_TOO_SMALL reports need in *out_len and writes nothing.
func checkTooSmall(t *testing.T, r shimResult, need int) {
	t.Helper()
	if r.RC != rcBufferTooSmall {
		t.Fatalf("out_cap %d < need %d: rc %d, want BUFFER_TOO_SMALL", len(r.Buf), need, r.RC)
	}
	if r.Len != need {
		t.Fatalf("BUFFER_TOO_SMALL: *out_len = %d, want %d", r.Len, need)
	}
	if !allBytes(r.Buf, shimFill) {
		t.Fatalf("BUFFER_TOO_SMALL: the output buffer was written")
	}
}

// ---- Fernet ----

func newFernet(t testing.TB, key string) unsafe.Pointer {
	h, rc := shimFernetNew([]byte(key))
	if rc != rcOK {
		t.Fatalf("cryptogo_fernet_new: %d", rc)
	}
	t.Cleanup(func() { shimFree(kindFernet, h) })
	return h
}

// fernetSeeds: the spec's tokens (valid and invalid) and a few made here.
func fernetSeeds(t testing.TB, f unsafe.Pointer) [][]byte {
	seeds := [][]byte{
		[]byte("gAAAAAAdwJ6wAAECAwQFBgcICQoLDA0ODy021cpGVWKZ_eEwCGM4BLLF_5CV9dOPmrhuVUPgJobwOz7JcbmrR64jVmpU4IwqDA=="),
		[]byte("gAAAAAAdwJ6xAAECAwQFBgcICQoLDA0OD3HkMATM5lFqGaerZ-fWPAl1-szkFVzXTuGb4hR8AKtwcaX1YdykQUFBQUFBQUFBQQ=="),
		[]byte("gAAAAAAdwJ6xAAECAwQFBgcICQoLDA0OD3HkMATM5lFqGaerZ-fWPA=="),
		[]byte("%%%%%%%%%%%%%AECAwQFBgcICQoLDA0OD3HkMATM5lFqGaerZ-fWPAl1-szkFVzXTuGb4hR8AKtwcaX1YdykRtfsH-p1YsUD2Q=="),
		[]byte("gAAAAAAdwJ6xAAECAwQFBgcICQoLDA0OD3HkMATM5lFqGaerZ-fWPOm73QeoCk9uGib28Xe5vz6oxq5nmxbx_v7mrfyudzUm"),
		{}, []byte("gA=="), []byte("="),
	}
	iv := bytes.Repeat([]byte{7}, 16)
	for _, msg := range []string{"", "hello", "sixteen byte msg", string(bytes.Repeat([]byte{'x'}, 100))} {
		for _, ts := range []int64{0, 499162800, 1 << 40, 1<<63 - 1} {
			r := shimFernetEncryptAtTimeWithIV(f, []byte(msg), ts, iv, shimFernetTokenBytes(len(msg)))
			if r.RC != rcOK {
				t.Fatalf("cryptogo_fernet_encrypt_at_time_with_iv: %d", r.RC)
			}
			seeds = append(seeds, r.Out())
		}
	}
	return seeds
}

// fernetDecryptCheck calls one decrypt form with an exact and a one-byte-short
// buffer and checks the contract; it returns the result with the exact buffer.
func fernetDecryptCheck(t *testing.T, h unsafe.Pointer, multi bool, token []byte, atTime, hasTTL bool, ttl, now int64) shimResult {
	need := shimFernetMsgBytesMax(len(token))
	var r shimResult
	timed(t, "fernet decrypt", func() { r = shimFernetDecrypt(h, multi, token, atTime, hasTTL, ttl, now, need) })
	expectRC(t, "fernet decrypt", r.RC, rcOK, rcInvalidToken)
	switch r.RC {
	case rcOK:
		if r.Len > need {
			t.Fatalf("OK: *out_len %d > bound %d", r.Len, need)
		}
		if len(token) < 57+16 {
			t.Fatalf("OK for a %d-byte token, too short to be valid", len(token))
		}
	case rcInvalidToken:
		checkAuthFailure(t, r, need)
	}
	if need > 0 {
		checkTooSmall(t, shimFernetDecrypt(h, multi, token, atTime, hasTTL, ttl, now, need-1), need)
	}
	return r
}

func FuzzFernetDecrypt(f *testing.F) {
	h := newFernet(f, fernetSpecKey)
	for _, s := range fernetSeeds(f, h) {
		f.Add(s, int64(60), int64(499162801), uint8(0))
		f.Add(s, int64(60), int64(499162801), uint8(3))
	}
	f.Fuzz(func(t *testing.T, token []byte, ttl, now int64, mode uint8) {
		liveCheck(t)
		atTime, hasTTL := mode&1 != 0, mode&2 != 0
		r := fernetDecryptCheck(t, h, false, token, atTime, hasTTL, ttl, now)
		if r.RC == rcOK {
			// An accepted token authenticates: its timestamp can be read, and
			// decryption without a ttl accepts it too.
			if _, rc := shimFernetExtractTimestamp(h, false, token); rc != rcOK && rc != rcOverflow {
				t.Fatalf("decrypt OK but extract_timestamp %d", rc)
			}
			r2 := shimFernetDecrypt(h, false, token, false, false, 0, 0, shimFernetMsgBytesMax(len(token)))
			if r2.RC != rcOK || !bytes.Equal(r2.Out(), r.Out()) {
				t.Fatalf("decrypt with ttl OK but without ttl: rc %d", r2.RC)
			}
		}
	})
}

func FuzzFernetExtractTimestamp(f *testing.F) {
	h := newFernet(f, fernetSpecKey)
	for _, s := range fernetSeeds(f, h) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, token []byte) {
		liveCheck(t)
		var ts int64
		var rc int
		timed(t, "extract_timestamp", func() { ts, rc = shimFernetExtractTimestamp(h, false, token) })
		expectRC(t, "cryptogo_fernet_extract_timestamp", rc, rcOK, rcInvalidToken, rcOverflow)
		if rc != rcOK {
			if ts != -12345 {
				t.Fatalf("rc %d but *out_ts was written (%d)", rc, ts)
			}
			return
		}
		if ts < 0 {
			t.Fatalf("negative timestamp %d", ts)
		}
		// (An authentic token need not decrypt: as in pyca, extract_timestamp
		// checks only the HMAC, not the padding of the payload.)
	})
}

func FuzzMultiFernet(f *testing.F) {
	primary := newFernet(f, fernetOtherKey)
	old := newFernet(f, fernetSpecKey)
	mf, rc := shimMultiFernetNew([]unsafe.Pointer{primary, old})
	if rc != rcOK {
		f.Fatalf("cryptogo_multifernet_new: %d", rc)
	}
	f.Cleanup(func() { shimFree(kindMultiFernet, mf) })
	for _, s := range fernetSeeds(f, old) {
		f.Add(s, int64(60), int64(499162801), uint8(0))
	}
	f.Fuzz(func(t *testing.T, token []byte, ttl, now int64, mode uint8) {
		liveCheck(t)
		r := fernetDecryptCheck(t, mf, true, token, mode&1 != 0, mode&2 != 0, ttl, now)
		ts, trc := shimFernetExtractTimestamp(mf, true, token)
		expectRC(t, "cryptogo_multifernet_extract_timestamp", trc, rcOK, rcInvalidToken, rcOverflow)
		if r.RC == rcOK && trc == rcInvalidToken {
			t.Fatalf("decrypt OK but extract_timestamp INVALID_TOKEN")
		}
		need := shimFernetTokenBytes(shimFernetMsgBytesMax(len(token)))
		var rot shimResult
		timed(t, "rotate", func() { rot = shimMultiFernetRotate(mf, token, need) })
		expectRC(t, "cryptogo_multifernet_rotate", rot.RC, rcOK, rcInvalidToken, rcOverflow)
		if rot.RC != rcOK {
			if rot.Len != 0 {
				t.Fatalf("rotate rc %d: *out_len = %d", rot.RC, rot.Len)
			}
			return
		}
		if trc != rcOK {
			t.Fatalf("rotate OK but extract_timestamp %d", trc)
		}
		// The rotated token carries the same message and timestamp under the
		// primary key.
		msg := shimFernetDecrypt(mf, true, token, false, false, 0, 0, shimFernetMsgBytesMax(len(token)))
		got := shimFernetDecrypt(primary, false, rot.Out(), false, false, 0, 0, shimFernetMsgBytesMax(rot.Len))
		if msg.RC != rcOK || got.RC != rcOK || !bytes.Equal(msg.Out(), got.Out()) {
			t.Fatalf("rotated token: decrypt rc %d/%d or message differs", msg.RC, got.RC)
		}
		if ts2, rc := shimFernetExtractTimestamp(primary, false, rot.Out()); rc != rcOK || ts2 != ts {
			t.Fatalf("rotated token: timestamp %d (rc %d), want %d", ts2, rc, ts)
		}
	})
}

// ---- AEAD ----

func fuzzAEAD(f *testing.F, k kind, key []byte, nonceOK func(int) bool) {
	h, rc := shimAEADNew(k, key)
	if rc != rcOK {
		f.Fatalf("AEAD new: %d", rc)
	}
	f.Cleanup(func() { shimFree(k, h) })
	n12 := bytes.Repeat([]byte{1}, 12)
	for _, pt := range [][]byte{nil, []byte("a"), bytes.Repeat([]byte("0123456789abcdef"), 5)} {
		r := shimAEAD(k, true, h, pt, []byte("ad"), n12, len(pt)+16)
		f.Add(r.Out(), []byte("ad"), n12, uint16(0))
		f.Add(r.Out(), []byte("ad"), n12, uint16(3))
	}
	f.Add([]byte{}, []byte{}, []byte{}, uint16(0))
	f.Add(bytes.Repeat([]byte{0}, 15), []byte{}, n12, uint16(0))
	f.Add(bytes.Repeat([]byte{0}, 16), []byte{}, bytes.Repeat([]byte{2}, 8), uint16(0))
	f.Add(bytes.Repeat([]byte{0}, 40), []byte{}, bytes.Repeat([]byte{2}, 128), uint16(0))
	f.Add(bytes.Repeat([]byte{0}, 40), []byte{}, bytes.Repeat([]byte{2}, 129), uint16(0))
	f.Fuzz(func(t *testing.T, ct, ad, nonce []byte, flip uint16) {
		liveCheck(t)
		need := max(len(ct)-16, 0)
		r := shimAEAD(k, false, h, ct, ad, nonce, need)
		if !nonceOK(len(nonce)) {
			if r.RC != rcInvalidArgument {
				t.Fatalf("decrypt with a %d-byte nonce: rc %d, want INVALID_ARGUMENT", len(nonce), r.RC)
			}
			return
		}
		expectRC(t, "AEAD decrypt", r.RC, rcOK, rcInvalidTag)
		if r.RC == rcOK {
			t.Logf("random ciphertext authenticated (nonce %x)", nonce)
			if r.Len != need {
				t.Fatalf("OK: *out_len %d, want %d", r.Len, need)
			}
		} else {
			checkAuthFailure(t, r, need)
		}
		if need > 0 {
			checkTooSmall(t, shimAEAD(k, false, h, ct, ad, nonce, need-1), need)
		}
		// Round trip with the fuzzed bytes as plaintext; a flipped bit in the
		// result must be rejected and leave the output zeroed.
		sealed := shimAEAD(k, true, h, ct, ad, nonce, len(ct)+16)
		if sealed.RC != rcOK || sealed.Len != len(ct)+16 {
			t.Fatalf("encrypt: rc %d, *out_len %d", sealed.RC, sealed.Len)
		}
		checkTooSmall(t, shimAEAD(k, true, h, ct, ad, nonce, len(ct)+15), len(ct)+16)
		opened := shimAEAD(k, false, h, sealed.Out(), ad, nonce, len(ct))
		if opened.RC != rcOK || !bytes.Equal(opened.Out(), ct) {
			t.Fatalf("round trip: rc %d", opened.RC)
		}
		if flip != 0 {
			bad := bytes.Clone(sealed.Out())
			i := int(flip) % (len(bad) * 8)
			bad[i/8] ^= 1 << (i % 8)
			r := shimAEAD(k, false, h, bad, ad, nonce, len(ct))
			if r.RC != rcInvalidTag {
				t.Fatalf("tampered ciphertext (bit %d): rc %d, want INVALID_TAG", i, r.RC)
			}
			checkAuthFailure(t, r, len(ct))
		}
	})
}

func FuzzAESGCMDecrypt(f *testing.F) {
	fuzzAEAD(f, kindAESGCM, bytes.Repeat([]byte{0x42}, 16), func(n int) bool { return n >= 8 && n <= 128 })
}

func FuzzChaCha20Poly1305Decrypt(f *testing.F) {
	fuzzAEAD(f, kindChaCha20Poly1305, bytes.Repeat([]byte{0x42}, 32), func(n int) bool { return n == 12 })
}

// ---- RSA key loading ----

// keyFixture reads core's key fixtures (nil when absent).
func keyFixture(name string) []byte {
	b, _ := os.ReadFile(filepath.Join("..", "core", "testdata", "keys", name))
	return b
}

var (
	correctHorse = []byte("correct horse")
	privFixtures = []string{"rsa1024e3.pkcs1.pem", "rsa1024e3.pkcs8.pem", "enc_pyca_pkcs8.pem", "enc_pyca_trad.pem",
		"enc_ossl_aes128_sha1.pem", "enc_ossl_scrypt.pem", "enc_ossl_legacy_des3.pem", "enc_ossl_pbes1_sha1_3des.pem",
		"enc_ossl_pbes1_md5_des.pem", "enc_ossl_rc2.pem", "other_ec_pkcs8.pem", "other_ed25519.pem", "other_dsa_trad.pem",
		"rsa1024e3.pkcs8.der", "rsa2048.pkcs1.der", "enc_pyca_pkcs8.der", "enc_ossl_aes256.der", "other_ec_pkcs8.der",
		"other_ec_sec1.der", "other_dsa_trad.der"}
	pubFixtures = []string{"rsa1024e3.spki.pem", "rsa1024e3.pkcs1pub.pem", "rsa2048.spki.pem", "other_ec_spki.pem",
		"other_ed25519_spki.pem", "rsa1024e3.spki.der", "rsa1024e3.pkcs1pub.der", "rsa2048.spki.der", "rsa2048.pkcs1pub.der"}
)

func fuzzPrivateKeyLoad(f *testing.F, encoding int) {
	for _, name := range privFixtures {
		if b := keyFixture(name); b != nil {
			f.Add(b, correctHorse, true)
			f.Add(b, []byte{}, false)
		}
	}
	f.Add([]byte("-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n"), []byte{}, true)
	f.Add([]byte{0x30, 0x80}, []byte{}, false)
	f.Fuzz(func(t *testing.T, data, password []byte, hasPassword bool) {
		if len(data) > maxFuzzKeyInput {
			return
		}
		liveCheck(t)
		var h unsafe.Pointer
		var rc int
		timed(t, "cryptogo_private_key_load", func() {
			h, rc = shimPrivateKeyLoad(data, password, hasPassword, encoding)
		})
		expectRC(t, "cryptogo_private_key_load", rc, rcOK, rcBadKeyData, rcPasswordRequired,
			rcPasswordUnexpected, rcUnsupportedAlgorithm)
		if rc != rcOK {
			if h != nil {
				t.Fatalf("rc %d but *out was set", rc)
			}
			return
		}
		defer func() {
			if rc := shimFree(kindPrivateKey, h); rc != rcOK {
				t.Fatalf("free: %d", rc)
			}
		}()
		// An accepted key serializes, and reloads to the same key.
		d1 := shimPrivateKeyDump(h, encDER, privPKCS8, 1<<16)
		if d1.RC != rcOK {
			t.Fatalf("dump of a loaded key: %d", d1.RC)
		}
		h2, rc := shimPrivateKeyLoad(d1.Out(), nil, false, encDER)
		if rc != rcOK {
			t.Fatalf("reload of a dumped key: %d", rc)
		}
		defer shimFree(kindPrivateKey, h2)
		if d2 := shimPrivateKeyDump(h2, encDER, privPKCS8, 1<<16); d2.RC != rcOK || !bytes.Equal(d1.Out(), d2.Out()) {
			t.Fatalf("dump/load/dump differs (rc %d)", d2.RC)
		}
	})
}

func FuzzRSAPrivateKeyLoadPEM(f *testing.F) { fuzzPrivateKeyLoad(f, encPEM) }
func FuzzRSAPrivateKeyLoadDER(f *testing.F) { fuzzPrivateKeyLoad(f, encDER) }

func fuzzPublicKeyLoad(f *testing.F, encoding int) {
	for _, name := range pubFixtures {
		if b := keyFixture(name); b != nil {
			f.Add(b)
		}
	}
	f.Add([]byte("-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n"))
	f.Add([]byte{0x30, 0x00})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzKeyInput {
			return
		}
		liveCheck(t)
		var h unsafe.Pointer
		var rc int
		timed(t, "cryptogo_public_key_load", func() { h, rc = shimPublicKeyLoad(data, encoding) })
		expectRC(t, "cryptogo_public_key_load", rc, rcOK, rcBadKeyData, rcUnsupportedAlgorithm, rcInvalidArgument)
		if rc != rcOK {
			if h != nil {
				t.Fatalf("rc %d but *out was set", rc)
			}
			return
		}
		defer func() {
			if rc := shimFree(kindPublicKey, h); rc != rcOK {
				t.Fatalf("free: %d", rc)
			}
		}()
		d1 := shimPublicKeyDump(h, encDER, pubSPKI, 1<<16)
		if d1.RC != rcOK {
			t.Fatalf("dump of a loaded key: %d", d1.RC)
		}
		h2, rc := shimPublicKeyLoad(d1.Out(), encDER)
		if rc != rcOK {
			t.Fatalf("reload of a dumped key: %d", rc)
		}
		defer shimFree(kindPublicKey, h2)
		if d2 := shimPublicKeyDump(h2, encDER, pubSPKI, 1<<16); d2.RC != rcOK || !bytes.Equal(d1.Out(), d2.Out()) {
			t.Fatalf("dump/load/dump differs (rc %d)", d2.RC)
		}
	})
}

func FuzzRSAPublicKeyLoadPEM(f *testing.F) { fuzzPublicKeyLoad(f, encPEM) }
func FuzzRSAPublicKeyLoadDER(f *testing.F) { fuzzPublicKeyLoad(f, encDER) }

// ---- RSA operations ----

// rsaFuzzKey loads core's 1024-bit (e = 3) fixture key and its public key.
func rsaFuzzKey(f *testing.F) (priv, pub unsafe.Pointer, size int) {
	pem := keyFixture("rsa1024e3.pkcs8.pem")
	if pem == nil {
		f.Fatal("missing core/testdata/keys/rsa1024e3.pkcs8.pem")
	}
	priv, rc := shimPrivateKeyLoad(pem, nil, false, encPEM)
	if rc != rcOK {
		f.Fatalf("cryptogo_private_key_load: %d", rc)
	}
	pub, rc = shimPrivateKeyPublicKey(priv)
	if rc != rcOK {
		f.Fatalf("cryptogo_private_key_public_key: %d", rc)
	}
	f.Cleanup(func() {
		shimFree(kindPublicKey, pub)
		shimFree(kindPrivateKey, priv)
	})
	return priv, pub, 128
}

func fuzzHash(b uint8) int { return int(b%18) - 1 } // -1..16: SHA1..MD5 plus invalid values

func FuzzRSADecryptOAEP(f *testing.F) {
	priv, pub, size := rsaFuzzKey(f)
	for _, h := range []int{hashSHA1, hashSHA256} {
		r := shimRSAEncryptOAEP(pub, []byte("hello"), []byte("label"), h, h, size)
		f.Add(r.Out(), []byte("label"), uint8(h+1), uint8(h+1))
	}
	f.Add(make([]byte, size), []byte{}, uint8(hashSHA256+1), uint8(hashSHA1+1))
	f.Add([]byte{1}, []byte{}, uint8(0), uint8(200))
	f.Fuzz(func(t *testing.T, ct, label []byte, hb, mb uint8) {
		liveCheck(t)
		hash, mgf1 := fuzzHash(hb), fuzzHash(mb)
		var r shimResult
		timed(t, "decrypt_oaep", func() { r = shimRSADecryptOAEP(priv, ct, label, hash, mgf1, size) })
		expectRC(t, "cryptogo_rsa_decrypt_oaep", r.RC, rcOK, rcDecryptionFailed, rcInvalidArgument, rcUnsupportedAlgorithm)
		if r.RC == rcOK && (len(ct) != size || r.Len > size) {
			t.Fatalf("OK for a %d-byte ciphertext, *out_len %d", len(ct), r.Len)
		}
		// Round trip with the fuzzed bytes as plaintext, when they fit.
		enc := shimRSAEncryptOAEP(pub, ct, label, hash, mgf1, size)
		expectRC(t, "cryptogo_rsa_encrypt_oaep", enc.RC, rcOK, rcInvalidArgument, rcUnsupportedAlgorithm)
		if enc.RC == rcOK {
			dec := shimRSADecryptOAEP(priv, enc.Out(), label, hash, mgf1, size)
			if dec.RC != rcOK || !bytes.Equal(dec.Out(), ct) {
				t.Fatalf("OAEP round trip: rc %d", dec.RC)
			}
		}
	})
}

func FuzzRSADecryptPKCS1v15(f *testing.F) {
	priv, pub, size := rsaFuzzKey(f)
	for _, m := range []string{"", "hello", string(bytes.Repeat([]byte{'m'}, 117))} {
		r := shimRSAEncryptPKCS1v15(pub, []byte(m), size)
		f.Add(r.Out())
	}
	f.Add(make([]byte, size))
	f.Add(bytes.Repeat([]byte{0xff}, size))
	f.Add([]byte{0, 2})
	f.Fuzz(func(t *testing.T, ct []byte) {
		liveCheck(t)
		var r shimResult
		timed(t, "decrypt_pkcs1v15", func() { r = shimRSADecryptPKCS1v15(priv, ct, size) })
		expectRC(t, "cryptogo_rsa_decrypt_pkcs1v15", r.RC, rcOK, rcDecryptionFailed, rcInvalidArgument)
		if r.RC == rcOK && (len(ct) != size || r.Len > size-11) {
			t.Fatalf("OK for a %d-byte ciphertext, *out_len %d", len(ct), r.Len)
		}
		if len(ct) <= size-11 {
			enc := shimRSAEncryptPKCS1v15(pub, ct, size)
			if enc.RC != rcOK {
				t.Fatalf("encrypt_pkcs1v15 of %d bytes: %d", len(ct), enc.RC)
			}
			if dec := shimRSADecryptPKCS1v15(priv, enc.Out(), size); dec.RC != rcOK || !bytes.Equal(dec.Out(), ct) {
				t.Fatalf("PKCS1v15 round trip: rc %d", dec.RC)
			}
		}
	})
}

func FuzzRSAVerifyPSS(f *testing.F) {
	priv, pub, size := rsaFuzzKey(f)
	for _, salt := range []int{-2, -1, 0, 20} {
		r := shimRSASignPSS(priv, []byte("msg"), salt, hashSHA256, hashSHA256, false, size)
		f.Add(r.Out(), []byte("msg"), int16(salt), uint8(hashSHA256+1), uint8(hashSHA256+1), false, uint16(0))
		f.Add(r.Out(), []byte("msg"), int16(-3), uint8(hashSHA256+1), uint8(hashSHA256+1), false, uint16(9))
	}
	f.Add(make([]byte, size), make([]byte, 32), int16(-3), uint8(hashSHA256+1), uint8(hashSHA1+1), true, uint16(0))
	f.Fuzz(func(t *testing.T, sig, msg []byte, salt int16, hb, mb uint8, prehashed bool, flip uint16) {
		liveCheck(t)
		hash, mgf1 := fuzzHash(hb), fuzzHash(mb)
		var rc int
		timed(t, "verify_pss", func() { rc = shimRSAVerifyPSS(pub, sig, msg, int(salt), hash, mgf1, prehashed) })
		expectRC(t, "cryptogo_rsa_verify_pss", rc, rcOK, rcInvalidSignature, rcInvalidArgument, rcUnsupportedAlgorithm)
		if rc == rcOK && len(sig) != size {
			t.Fatalf("OK for a %d-byte signature", len(sig))
		}
		// Sign the fuzzed message; the signature verifies, with AUTO too, and
		// a flipped bit does not.
		if salt < -2 {
			return
		}
		s := shimRSASignPSS(priv, msg, int(salt), hash, mgf1, prehashed, size)
		expectRC(t, "cryptogo_rsa_sign_pss", s.RC, rcOK, rcInvalidArgument, rcUnsupportedAlgorithm)
		if s.RC != rcOK {
			return
		}
		if rc := shimRSAVerifyPSS(pub, s.Out(), msg, int(salt), hash, mgf1, prehashed); rc != rcOK {
			t.Fatalf("verify of a fresh PSS signature (salt %d): %d", salt, rc)
		}
		if rc := shimRSAVerifyPSS(pub, s.Out(), msg, -3, hash, mgf1, prehashed); rc != rcOK {
			t.Fatalf("verify (AUTO) of a fresh PSS signature: %d", rc)
		}
		if flip != 0 {
			bad := bytes.Clone(s.Out())
			i := int(flip) % (len(bad) * 8)
			bad[i/8] ^= 1 << (i % 8)
			if rc := shimRSAVerifyPSS(pub, bad, msg, int(salt), hash, mgf1, prehashed); rc != rcInvalidSignature {
				t.Fatalf("tampered PSS signature (bit %d): %d", i, rc)
			}
		}
	})
}

func FuzzRSAVerifyPKCS1v15(f *testing.F) {
	priv, pub, size := rsaFuzzKey(f)
	for _, h := range []int{hashSHA1, hashSHA256, hashSHA512} {
		r := shimRSASignPKCS1v15(priv, []byte("msg"), h, false, size)
		f.Add(r.Out(), []byte("msg"), uint8(h+1), false, uint16(0))
		f.Add(r.Out(), []byte("msg"), uint8(h+1), false, uint16(77))
	}
	f.Add(make([]byte, size), make([]byte, 20), uint8(hashSHA1+1), true, uint16(0))
	f.Fuzz(func(t *testing.T, sig, msg []byte, hb uint8, prehashed bool, flip uint16) {
		liveCheck(t)
		hash := fuzzHash(hb)
		var rc int
		timed(t, "verify_pkcs1v15", func() { rc = shimRSAVerifyPKCS1v15(pub, sig, msg, hash, prehashed) })
		expectRC(t, "cryptogo_rsa_verify_pkcs1v15", rc, rcOK, rcInvalidSignature, rcInvalidArgument, rcUnsupportedAlgorithm)
		if rc == rcOK && len(sig) != size {
			t.Fatalf("OK for a %d-byte signature", len(sig))
		}
		s := shimRSASignPKCS1v15(priv, msg, hash, prehashed, size)
		expectRC(t, "cryptogo_rsa_sign_pkcs1v15", s.RC, rcOK, rcInvalidArgument, rcUnsupportedAlgorithm)
		if s.RC != rcOK {
			return
		}
		if rc := shimRSAVerifyPKCS1v15(pub, s.Out(), msg, hash, prehashed); rc != rcOK {
			t.Fatalf("verify of a fresh PKCS1v15 signature: %d", rc)
		}
		if flip != 0 {
			bad := bytes.Clone(s.Out())
			i := int(flip) % (len(bad) * 8)
			bad[i/8] ^= 1 << (i % 8)
			if rc := shimRSAVerifyPKCS1v15(pub, bad, msg, hash, prehashed); rc != rcInvalidSignature {
				t.Fatalf("tampered PKCS1v15 signature (bit %d): %d", i, rc)
			}
		}
	})
}
