package pbe

import (
	"crypto/md5"
	"crypto/sha1"
	"encoding/binary"
	"hash"
	"unicode/utf16"
	"unicode/utf8"
)

// pbkdf1 is PBKDF1 (RFC 8018 section 5.1); n must not exceed the hash size.
func pbkdf1(h func() hash.Hash, password, salt []byte, iter, n int) []byte {
	d := h()
	d.Write(password)
	d.Write(salt)
	t := d.Sum(nil)
	for i := 1; i < iter; i++ {
		d.Reset()
		d.Write(t)
		t = d.Sum(t[:0])
	}
	return t[:n]
}

// PKCS #12 key derivation purposes (RFC 7292 appendix B.3).
const (
	pkcs12KeyID = 1
	pkcs12IVID  = 2
)

// pkcs12KDF is the PKCS #12 key derivation (RFC 7292 appendix B.2) with
// SHA-1; password is the BMPString form of the password with its two-byte
// terminator.
func pkcs12KDF(password, salt []byte, id byte, iter, n int) []byte {
	const u, v = sha1.Size, 64
	fill := func(s []byte) []byte {
		if len(s) == 0 {
			return nil
		}
		out := make([]byte, v*((len(s)+v-1)/v))
		for i := range out {
			out[i] = s[i%len(s)]
		}
		return out
	}
	d := make([]byte, v)
	for i := range d {
		d[i] = id
	}
	I := append(fill(salt), fill(password)...)
	defer clear(I)
	var out []byte
	h := sha1.New()
	for len(out) < n {
		h.Reset()
		h.Write(d)
		h.Write(I)
		a := h.Sum(nil)
		for j := 1; j < iter; j++ {
			h.Reset()
			h.Write(a)
			a = h.Sum(a[:0])
		}
		out = append(out, a...)
		if len(out) >= n {
			break
		}
		// I_j = (I_j + B + 1) mod 2^(8v) for each v-byte block I_j of I,
		// where B is A repeated to v bytes.
		var b [v]byte
		for i := range b {
			b[i] = a[i%u]
		}
		for j := 0; j < len(I); j += v {
			carry := uint16(1)
			for k := v - 1; k >= 0; k-- {
				s := uint16(I[j+k]) + uint16(b[k]) + carry
				I[j+k] = byte(s)
				carry = s >> 8
			}
		}
	}
	return out[:n]
}

// bmpPassword converts a UTF-8 password to a NUL-terminated BMPString
// (UTF-16BE) for the PKCS #12 KDF. A password that is not UTF-8 cannot be
// right (pyca: "Incorrect password").
func bmpPassword(password []byte) ([]byte, bool) {
	if !utf8.Valid(password) {
		return nil, false
	}
	// Decoded in place into an output sized for the worst case (2 bytes of
	// UTF-16 per byte of UTF-8, plus the terminator), so that no
	// intermediate copy ([]rune, string, []uint16) or reallocation leaves the
	// password where the caller's clear(bmp) cannot reach it.
	out := make([]byte, 0, 2*len(password)+2)
	for i := 0; i < len(password); {
		r, size := utf8.DecodeRune(password[i:])
		i += size
		if r1, r2 := utf16.EncodeRune(r); r1 != utf8.RuneError {
			out = binary.BigEndian.AppendUint16(out, uint16(r1))
			out = binary.BigEndian.AppendUint16(out, uint16(r2))
			continue
		}
		out = binary.BigEndian.AppendUint16(out, uint16(r))
	}
	return append(out, 0, 0), true
}

// evpBytesToKey is OpenSSL's EVP_BytesToKey with MD5 and one iteration, the
// key derivation of legacy PEM encryption.
func evpBytesToKey(password, salt []byte, n int) []byte {
	var out, prev []byte
	for len(out) < n {
		h := md5.New()
		h.Write(prev)
		h.Write(password)
		h.Write(salt)
		prev = h.Sum(nil)
		out = append(out, prev...)
	}
	return out[:n]
}
