package pbe

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"strings"
	"testing"
)

func TestUnpadLength(t *testing.T) {
	for bs := range []int{8, 16} {
		bs = []int{8, 16}[bs]
		for last := range 256 {
			for _, fill := range []byte{0, byte(last), 0x10, 0xff} {
				blk := bytes.Repeat([]byte{fill}, bs)
				blk[bs-1] = byte(last)
				n, ok := unpadLength(blk, bs)
				want := last >= 1 && last <= bs && bytes.Equal(blk[bs-last:], bytes.Repeat([]byte{byte(last)}, last))
				if ok != want || (ok && n != last) {
					t.Fatalf("bs %d last %d fill %d: %d %v, want %v", bs, last, fill, n, ok, want)
				}
			}
		}
	}
}

// TestLegacyPEMKnownAnswer checks EVP_BytesToKey and the DEK-Info layout on
// a hand-computed case.
func TestLegacyPEMKnownAnswer(t *testing.T) {
	iv := bytes.Repeat([]byte{0xab}, 16)
	headers, ct, err := EncryptLegacyPEMWith([]byte("hello"), []byte("pw"), iv)
	if err != nil {
		t.Fatal(err)
	}
	if headers["DEK-Info"] != "AES-256-CBC,ABABABABABABABABABABABABABABABAB" || headers["Proc-Type"] != "4,ENCRYPTED" {
		t.Fatalf("headers %v", headers)
	}
	// key = MD5(pw||salt) || MD5(MD5(pw||salt)||pw||salt)
	d1 := md5Of([]byte("pw"), iv[:8])
	d2 := md5Of(d1, []byte("pw"), iv[:8])
	b, _ := aes.NewCipher(append(d1, d2...))
	pt := make([]byte, len(ct))
	cipher.NewCBCDecrypter(b, iv).CryptBlocks(pt, ct)
	if string(pt) != "hello"+strings.Repeat("\x0b", 11) {
		t.Fatalf("decrypted %q", pt)
	}
}

func md5Of(parts ...[]byte) []byte {
	h := md5.New()
	for _, p := range parts {
		h.Write(p)
	}
	return h.Sum(nil)
}

// Issue 12 finding 9: bmpPassword decodes in place (no []rune or string copy
// of the password, no reallocation) and still encodes non-BMP characters as
// surrogate pairs.
func TestBMPPasswordNoCopies(t *testing.T) {
	pw := []byte("p\u00e4ss \u20ac \U0001F600 \ufffd")
	got, ok := bmpPassword(pw)
	if !ok {
		t.Fatal("valid UTF-8 refused")
	}
	want := []byte{0, 'p', 0, 0xe4, 0, 's', 0, 's', 0, ' ', 0x20, 0xac, 0, ' ', 0xd8, 0x3d, 0xde, 0x00, 0, ' ', 0xff, 0xfd, 0, 0}
	if !bytes.Equal(got, want) {
		t.Fatalf("bmpPassword = %x, want %x", got, want)
	}
	if n := testing.AllocsPerRun(100, func() { _, _ = bmpPassword(pw) }); n != 1 {
		t.Errorf("bmpPassword allocates %v times, want 1 (the output only)", n)
	}
}
