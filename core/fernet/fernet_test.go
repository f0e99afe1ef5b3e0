package fernet

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"math"
	"sync"
	"testing"
	"time"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/random"
)

// specKey is the key of the Fernet specification's vectors.
const specKey = "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4="

func mustFernet(t testing.TB, key string) *Fernet {
	t.Helper()
	f, err := New([]byte(key))
	if err != nil {
		t.Fatalf("New(%q): %v", key, err)
	}
	return f
}

func specUnix(t testing.TB, rfc3339 string) int64 {
	t.Helper()
	ts, err := time.Parse(time.RFC3339, rfc3339)
	if err != nil {
		t.Fatal(err)
	}
	return ts.Unix()
}

func TestFernetKeys(t *testing.T) {
	k := GenerateKey()
	if len(k) != KeySize {
		t.Fatalf("key length %d", len(k))
	}
	raw, err := base64.URLEncoding.DecodeString(string(k))
	if err != nil || len(raw) != RawKeySize {
		t.Fatalf("generated key %q does not decode to 32 bytes: %v", k, err)
	}
	if bytes.Equal(k, GenerateKey()) {
		t.Fatal("two generated keys are equal")
	}
	prefix := []byte("key:")
	k2 := GenerateKeyTo(append(make([]byte, 0, 64), prefix...))
	if !bytes.HasPrefix(k2, prefix) || len(k2) != len(prefix)+KeySize {
		t.Fatalf("GenerateKeyTo: %q", k2)
	}

	// pyca accepts what urlsafe_b64decode accepts, if it is 32 bytes.
	good := []string{specKey, " " + specKey + "\n", "cw/0x689RpI+jtRR7oE8h/eQsKImvJapLeSbXpwF4e4=", specKey + "junk"}
	for _, g := range good {
		if _, err := New([]byte(g)); err != nil {
			t.Errorf("New(%q): %v", g, err)
		}
	}
	bad := []string{"", specKey[:43], specKey[:40] + "====", "AAAA", base64.URLEncoding.EncodeToString(make([]byte, 33)),
		base64.URLEncoding.EncodeToString(make([]byte, 31)), base64.URLEncoding.EncodeToString(make([]byte, 1000))}
	for _, b := range bad {
		_, err := New([]byte(b))
		if !errors.Is(err, core.ErrInvalidArgument) || err.Error() != "invalid argument: Fernet key must be 32 url-safe base64-encoded bytes." {
			t.Errorf("New(%q): %v", b, err)
		}
	}
}

func TestFernetRoundTrip(t *testing.T) {
	f := mustFernet(t, string(GenerateKey()))
	for n := 0; n <= 130; n++ {
		msg := make([]byte, n)
		random.Bytes(msg)
		tok, err := f.Encrypt(msg)
		if err != nil {
			t.Fatal(err)
		}
		if len(tok) != TokenSize(n) || cap(tok) != len(tok) {
			t.Fatalf("n=%d: token length %d cap %d, TokenSize %d", n, len(tok), cap(tok), TokenSize(n))
		}
		if m := MaxPlaintextSize(len(tok)); m < n || m > n+15 {
			t.Fatalf("n=%d: MaxPlaintextSize = %d", n, m)
		}
		got, err := f.Decrypt(tok, nil)
		if err != nil || !bytes.Equal(got, msg) {
			t.Fatalf("n=%d: round trip: %v", n, err)
		}
		// Into caller buffers: no reallocation, prefix kept.
		dst := make([]byte, 3, 3+MaxPlaintextSize(len(tok)))
		copy(dst, "abc")
		got, err = f.DecryptTo(dst, tok, nil)
		if err != nil || string(got[:3]) != "abc" || !bytes.Equal(got[3:], msg) || &got[0] != &dst[0] {
			t.Fatalf("n=%d: DecryptTo did not write in place: %v", n, err)
		}
		tdst := make([]byte, 0, TokenSize(n))
		tok2, err := f.EncryptAtTimeTo(tdst, msg, 1234)
		if err != nil || &tok2[0] != &tdst[:1][0] || len(tok2) != TokenSize(n) {
			t.Fatalf("n=%d: EncryptAtTimeTo did not write in place: %v", n, err)
		}
	}
	if TokenSize(-1) != -1 || TokenSize(MaxMessageSize+1) != -1 {
		t.Fatal("TokenSize out of range")
	}
	for _, l := range []int{-5, 0, 1, 60, 95} {
		if MaxPlaintextSize(l) != 0 {
			t.Errorf("MaxPlaintextSize(%d) = %d", l, MaxPlaintextSize(l))
		}
	}
}

func TestFernetEncryptAliasing(t *testing.T) {
	f := mustFernet(t, specKey)
	iv := bytes.Repeat([]byte{7}, 16)
	msg := []byte("the message, long enough to span several AES blocks....")
	want, _ := f.EncryptAtTimeWithIV(msg, 99, iv)
	// The message sits in dst's spare capacity, where the token is written.
	for _, off := range []int{0, 1, 20, 60} {
		buf := make([]byte, off+len(want)+len(msg))
		copy(buf[off:], msg)
		got, err := f.EncryptAtTimeWithIVTo(buf[:0], buf[off:off+len(msg)], 99, iv)
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("offset %d: %s, %v", off, got, err)
		}
	}
}

func TestFernetErrors(t *testing.T) {
	f := mustFernet(t, specKey)
	if _, err := f.EncryptAtTime([]byte("x"), -1); !errors.Is(err, core.ErrOverflow) {
		t.Errorf("negative time: %v", err)
	}
	if _, err := f.EncryptAtTimeWithIV([]byte("x"), 1, make([]byte, 15)); !errors.Is(err, core.ErrInvalidArgument) {
		t.Errorf("short IV: %v", err)
	}
	tok, _ := f.EncryptAtTime([]byte("hello"), 1000)
	raw, _ := base64.URLEncoding.DecodeString(string(tok))
	for _, bad := range []string{"", "%%%%", "gAAAAA==", string(tok[:len(tok)-2]), string(tok[1:]),
		base64.URLEncoding.EncodeToString(append([]byte{0x81}, raw[1:]...))} {
		if m, err := f.Decrypt([]byte(bad), nil); !errors.Is(err, core.ErrInvalidToken) || m != nil {
			t.Errorf("Decrypt(%q) = %q, %v", bad, m, err)
		}
	}
	// Flipping any bit of the binary token is detected.
	for i := range raw {
		for bit := 0; bit < 8; bit++ {
			c := bytes.Clone(raw)
			c[i] ^= 1 << bit
			if _, err := f.Decrypt([]byte(base64.URLEncoding.EncodeToString(c)), nil); !errors.Is(err, core.ErrInvalidToken) {
				t.Fatalf("bit %d of byte %d: %v", bit, i, err)
			}
		}
	}
	// Another key.
	g := mustFernet(t, string(GenerateKey()))
	if _, err := g.Decrypt(tok, nil); !errors.Is(err, core.ErrInvalidToken) {
		t.Errorf("foreign key: %v", err)
	}
	if _, err := g.ExtractTimestamp(tok); !errors.Is(err, core.ErrInvalidToken) {
		t.Errorf("foreign key ExtractTimestamp: %v", err)
	}
}

// forge builds a token with a valid HMAC around arbitrary bytes, as only a
// key holder could: the checks after the HMAC must still fail cleanly.
func forgeFernet(key string, body []byte) []byte {
	raw, _ := base64.URLEncoding.DecodeString(key)
	h := hmac.New(sha256.New, raw[:16])
	h.Write(body)
	return []byte(base64.URLEncoding.EncodeToString(h.Sum(bytes.Clone(body))))
}

func TestFernetForgedStructure(t *testing.T) {
	f := mustFernet(t, specKey)
	hdr := []byte{0x80, 0, 0, 0, 0, 0, 0, 0, 5}
	for _, body := range [][]byte{
		hdr,                                  // no IV, no ciphertext
		append(bytes.Clone(hdr), 1, 2, 3, 4), // short IV (pyca: ValueError from CBC)
		append(bytes.Clone(hdr), make([]byte, 16)...),    // empty ciphertext
		append(bytes.Clone(hdr), make([]byte, 16+20)...), // not a multiple of 16
		append(bytes.Clone(hdr), make([]byte, 16+32)...), // bad padding (almost surely)
	} {
		tok := forgeFernet(specKey, body)
		if m, err := f.Decrypt(tok, nil); !errors.Is(err, core.ErrInvalidToken) || m != nil {
			t.Errorf("forged %x: %q, %v", body, m, err)
		}
		// ExtractTimestamp only verifies the HMAC, as pyca.
		if ts, err := f.ExtractTimestamp(tok); err != nil || ts != 5 {
			t.Errorf("ExtractTimestamp(forged %x) = %d, %v", body, ts, err)
		}
	}
	// A bad padding leaves nothing in dst's spare capacity.
	tok := forgeFernet(specKey, append(bytes.Clone(hdr), make([]byte, 16+32)...))
	dst := bytes.Repeat([]byte{0xAA}, 64)
	if _, err := f.DecryptTo(dst[:0], tok, nil); !errors.Is(err, core.ErrInvalidToken) {
		t.Fatal(err)
	}
	if !bytes.Equal(dst[:31], make([]byte, 31)) {
		t.Errorf("output not zeroed after a padding failure: %x", dst)
	}
}

func TestFernetTTL(t *testing.T) {
	f := mustFernet(t, specKey)
	tok, _ := f.EncryptAtTime([]byte("hello"), 1000)
	cases := []struct {
		ttl, now int64
		ok       bool
	}{
		{0, 1000, true}, {0, 1001, false}, {10, 1010, true}, {10, 1011, false},
		{-5, 995, true}, {-5, 996, false}, // ts + ttl < now
		{100, 940, true}, {100, 939, false}, // now + 60 < ts
		{math.MaxInt64, math.MaxInt64, true}, {math.MinInt64, 0, false},
		{0, math.MinInt64, false}, {math.MaxInt64, math.MinInt64, false},
	}
	for _, c := range cases {
		_, err := f.DecryptAtTime(tok, c.ttl, c.now)
		if (err == nil) != c.ok {
			t.Errorf("ttl %d now %d: %v, want ok=%v", c.ttl, c.now, err, c.ok)
		}
	}
	// Decrypt with a ttl uses the clock; without one, no time check at all.
	now, _ := f.Encrypt([]byte("now"))
	ttl := int64(60)
	if _, err := f.Decrypt(now, &ttl); err != nil {
		t.Errorf("fresh token with ttl: %v", err)
	}
	if _, err := f.Decrypt(tok, &ttl); !errors.Is(err, core.ErrInvalidToken) {
		t.Errorf("1970 token with ttl 60: %v", err)
	}
	if _, err := f.Decrypt(tok, nil); err != nil {
		t.Errorf("old token without ttl: %v", err)
	}
	future, _ := f.EncryptAtTime([]byte("later"), time.Now().Unix()+3600)
	if _, err := f.Decrypt(future, &ttl); !errors.Is(err, core.ErrInvalidToken) {
		t.Errorf("token from the future: %v", err)
	}
	if _, err := f.Decrypt(future, nil); err != nil {
		t.Errorf("future token without ttl: %v", err)
	}
}

// Timestamps beyond int64 (tokens written by pyca with current_time up to
// 2^64-1) decrypt and compare exactly, as Python's unbounded ints do.
func TestFernetHugeTimestamps(t *testing.T) {
	f := mustFernet(t, specKey)
	cases := []struct {
		ts  uint64
		tok string
	}{
		{math.MaxUint64, "gP__________AAECAwQFBgcICQoLDA0ODw6o4TdkEMJmMOzbWnXpSyNgkZGmgWBArA6iEdp_rifW4joQNzR5C8-vN7XI_zz2XA=="},
		{1 << 63, "gIAAAAAAAAAAAAECAwQFBgcICQoLDA0ODw6o4TdkEMJmMOzbWnXpSyMh_FzcqvYpSFmO7P-hn7sWh1C5gd2_mG7dAGvreJNNMA=="},
		{0, "gAAAAAAAAAAAAAECAwQFBgcICQoLDA0ODw6o4TdkEMJmMOzbWnXpSyPQmO5IjWJTaC5yJ9NdS_M5kO6HbecittkDDF0Zmk6guA=="},
	}
	iv := []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}
	for _, c := range cases {
		ts, err := f.ExtractTimestamp([]byte(c.tok))
		if err != nil || ts != c.ts {
			t.Errorf("ExtractTimestamp = %d, %v; want %d", ts, err, c.ts)
		}
		if m, err := f.Decrypt([]byte(c.tok), nil); err != nil || string(m) != "big" {
			t.Errorf("Decrypt: %q, %v", m, err)
		}
		tok, _ := f.encryptTo(nil, []byte("big"), c.ts, iv)
		if string(tok) != c.tok {
			t.Errorf("encrypt at %d: %s", c.ts, tok)
		}
	}
	max := []byte(cases[0].tok)
	// ts + ttl >= now for any now, but now + 60 < ts unless ts - 60 <= now.
	if _, err := f.DecryptAtTime(max, math.MaxInt64, math.MaxInt64); !errors.Is(err, core.ErrInvalidToken) {
		t.Errorf("skew with ts 2^64-1: %v", err)
	}
	zero := []byte(cases[2].tok)
	if _, err := f.DecryptAtTime(zero, math.MaxInt64, -60); err != nil {
		t.Errorf("ts 0 now -60: %v", err)
	}
	if _, err := f.DecryptAtTime(zero, math.MaxInt64, -61); !errors.Is(err, core.ErrInvalidToken) {
		t.Errorf("ts 0 now -61: %v", err)
	}
}

func TestFernetExtractTimestamp(t *testing.T) {
	f := mustFernet(t, specKey)
	tok, _ := f.EncryptAtTime([]byte("x"), 123456789)
	if ts, err := f.ExtractTimestamp(tok); err != nil || ts != 123456789 {
		t.Fatalf("ExtractTimestamp = %d, %v", ts, err)
	}
	raw, _ := base64.URLEncoding.DecodeString(string(tok))
	raw[len(raw)-1] ^= 1
	if _, err := f.ExtractTimestamp([]byte(base64.URLEncoding.EncodeToString(raw))); !errors.Is(err, core.ErrInvalidToken) {
		t.Errorf("tampered: %v", err)
	}
	if _, err := f.ExtractTimestamp([]byte("not a token")); !errors.Is(err, core.ErrInvalidToken) {
		t.Errorf("garbage: %v", err)
	}
}

func TestFernetWipeAndClone(t *testing.T) {
	f := mustFernet(t, specKey)
	c, err := f.Clone()
	if err != nil {
		t.Fatal(err)
	}
	tok, _ := f.EncryptAtTime([]byte("x"), 5)
	f.Wipe()
	if !bytes.Equal(f.key, make([]byte, 32)) {
		t.Error("Wipe left key bytes")
	}
	if _, err := f.Encrypt([]byte("x")); err == nil {
		t.Error("Encrypt after Wipe succeeded")
	}
	if _, err := f.Decrypt(tok, nil); !errors.Is(err, core.ErrInvalidToken) {
		t.Errorf("Decrypt after Wipe: %v", err)
	}
	if _, err := f.ExtractTimestamp(tok); !errors.Is(err, core.ErrInvalidToken) {
		t.Errorf("ExtractTimestamp after Wipe: %v", err)
	}
	if _, err := f.Clone(); !errors.Is(err, core.ErrInvalidArgument) {
		t.Errorf("Clone after Wipe: %v", err)
	}
	if m, err := c.Decrypt(tok, nil); err != nil || string(m) != "x" {
		t.Errorf("clone after the original's Wipe: %q, %v", m, err)
	}
}

// TestFernetConcurrent shares one Fernet and one MultiFernet between
// goroutines (run with -race).
func TestFernetConcurrent(t *testing.T) {
	f := mustFernet(t, specKey)
	// Large messages take the parallel paths (helper goroutines).
	big := make([]byte, fernetParallelMin+100)
	random.Bytes(big)
	m, _ := NewMultiFernet([]*Fernet{mustFernet(t, string(GenerateKey())), f})
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			msg := make([]byte, 2+g*7)
			for i := 0; i < 100; i++ {
				binary.LittleEndian.PutUint16(msg, uint16(i))
				tok, err := f.Encrypt(msg)
				if err != nil {
					t.Error(err)
					return
				}
				if got, err := m.Decrypt(tok, nil); err != nil || !bytes.Equal(got, msg) {
					t.Errorf("goroutine %d: %v", g, err)
					return
				}
				if _, err := m.Rotate(tok); err != nil {
					t.Error(err)
					return
				}
				if i%25 == 0 {
					tok, err := f.Encrypt(big)
					if err != nil {
						t.Error(err)
						return
					}
					if got, err := f.Decrypt(tok, nil); err != nil || !bytes.Equal(got, big) {
						t.Errorf("goroutine %d, large message: %v", g, err)
						return
					}
				}
			}
		}(g)
	}
	wg.Wait()
}
