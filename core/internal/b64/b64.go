// Package b64 is the url-safe base64 of Fernet keys and tokens: a decoder
// that accepts exactly what Python's base64.urlsafe_b64decode accepts (the
// decoder pyca uses), an in-place encoder, and fast codecs for public token
// bodies.
package b64

import "encoding/binary"

const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// EncodeInPlace encodes the rawLen bytes at the end of buf as padded
// url-safe base64 filling all of buf, len(buf) == 4*ceil(rawLen/3). Writing
// never overtakes reading: group i is written to [4i, 4i+4) after the input
// up to offset+3i+3 was read, and 4i+4 <= offset+3i+3 since offset >=
// ceil(rawLen/3).
func EncodeInPlace(buf []byte, rawLen int) {
	si, di := len(buf)-rawLen, 0
	for ; si+3 <= len(buf); si, di = si+3, di+4 {
		v := uint(buf[si])<<16 | uint(buf[si+1])<<8 | uint(buf[si+2])
		buf[di] = alphabet[v>>18&63]
		buf[di+1] = alphabet[v>>12&63]
		buf[di+2] = alphabet[v>>6&63]
		buf[di+3] = alphabet[v&63]
	}
	switch len(buf) - si {
	case 1:
		v := uint(buf[si]) << 16
		buf[di], buf[di+1], buf[di+2], buf[di+3] = alphabet[v>>18&63], alphabet[v>>12&63], '=', '='
	case 2:
		v := uint(buf[si])<<16 | uint(buf[si+1])<<8
		buf[di], buf[di+1], buf[di+2], buf[di+3] = alphabet[v>>18&63], alphabet[v>>12&63], alphabet[v>>6&63], '='
	}
}

// decodeTable maps a character to its 6-bit value, 0xff for characters outside
// the alphabet. Both alphabets decode ('-' and '+' to 62, '_' and '/' to 63),
// as Python's urlsafe_b64decode translates -_ to +/ and then decodes.
var decodeTable = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xff
	}
	for i := 0; i < len(alphabet); i++ {
		t[alphabet[i]] = byte(i)
	}
	t['+'], t['/'] = 62, 63
	return t
}()

// DecodedMax bounds the decoded length of n characters: floor(3n/4).
func DecodedMax(n int) int { return n/4*3 + n%4*3/4 }

// PyDecode appends to dst the decoding of src by Python's
// base64.urlsafe_b64decode (binascii.a2b_base64 in its default, non-strict
// mode), the decoder pyca uses for keys and tokens:
//   - characters outside the alphabet (including bytes >= 0x80) are skipped;
//   - '=' counts as padding only after at least two data characters of a
//     quantum; once the quantum is complete the rest of the input is ignored;
//   - an incomplete final quantum (1, 2 or 3 characters without enough
//     padding) is an error; unused low bits of the last character are
//     ignored.
func PyDecode(dst, src []byte) ([]byte, bool) {
	// Fast path over whole quanta of four alphabet characters; the general
	// loop below takes over from the first other character (its state after
	// whole quanta is quad = 0, pads = 0).
	for len(src) >= 4 {
		a, b, c, d := decodeTable[src[0]], decodeTable[src[1]], decodeTable[src[2]], decodeTable[src[3]]
		if a|b|c|d >= 64 {
			break
		}
		dst = append(dst, a<<2|b>>4, b<<4|c>>2, c<<6|d)
		src = src[4:]
	}
	quad, pads := 0, 0
	var left byte
	for _, c := range src {
		if c == '=' {
			if quad >= 2 {
				pads++
				if quad+pads >= 4 {
					return dst, true
				}
			}
			continue
		}
		v := decodeTable[c]
		if v == 0xff {
			continue
		}
		pads = 0
		switch quad {
		case 0:
			left, quad = v, 1
		case 1:
			dst = append(dst, left<<2|v>>4)
			left, quad = v&0x0f, 2
		case 2:
			dst = append(dst, left<<4|v>>2)
			left, quad = v&0x03, 3
		default:
			dst = append(dst, left<<6|v)
			left, quad = 0, 0
		}
	}
	return dst, quad == 0
}

// ---------------------------------------------------------------------------
// Fast base64 for token bodies.
//
// The codecs below process 6 bytes / 8 characters per step with larger
// tables (8 KiB to encode, 4 KiB to decode). Table lookups indexed by data
// are not constant time in their cache footprint, so they only ever see
// public token bytes (header, ciphertext, HMAC tag); keys keep going through
// EncodeInPlace and PyDecode, whose tables fit in a few cache lines.

// enc2 maps 12 bits to their two url-safe base64 characters, first
// character in the low byte.
var enc2 = func() (t [1 << 12]uint16) {
	for i := range t {
		t[i] = uint16(alphabet[i>>6]) | uint16(alphabet[i&63])<<8
	}
	return t
}()

// badChar marks a character outside the alphabet in dec4; it survives
// ORing the four lookups of a quantum.
const badChar = 1 << 31

// dec4[k][c] is character c at position k of a quantum, shifted to its
// place in the 24-bit group (both alphabets, like decodeTable), or badChar.
var dec4 = func() (t [4][256]uint32) {
	for c := range 256 {
		v := uint32(decodeTable[c])
		for k := range 4 {
			if v == 0xff {
				t[k][c] = badChar
			} else {
				t[k][c] = v << (18 - 6*k)
			}
		}
	}
	return t
}()

// quantum decodes the four characters packed little-endian in v into a
// 24-bit group, with badChar set if one is outside the alphabet.
func quantum(v uint32) uint32 {
	t := &dec4
	return t[0][byte(v)] | t[1][byte(v>>8)] | t[2][byte(v>>16)] | t[3][v>>24]
}

// DecodeQuanta decodes src, whole quanta of four alphabet characters
// without padding, into dst[:len(src)/4*3]. It reports false if a character
// is outside the alphabet (dst then holds garbage). Not constant time.
func DecodeQuanta(dst, src []byte) bool {
	src = src[:len(src)/4*4]
	dst = dst[:len(src)/4*3]
	var bad uint32
	for len(src) >= 8 && len(dst) >= 8 {
		v := binary.LittleEndian.Uint64(src)
		x, y := quantum(uint32(v)), quantum(uint32(v>>32))
		bad |= x | y
		binary.BigEndian.PutUint64(dst, uint64(x)<<40|uint64(y&0xffffff)<<16)
		src, dst = src[8:], dst[6:]
	}
	for len(src) >= 4 && len(dst) >= 3 {
		x := quantum(binary.LittleEndian.Uint32(src))
		bad |= x
		dst[0], dst[1], dst[2] = byte(x>>16), byte(x>>8), byte(x)
		src, dst = src[4:], dst[3:]
	}
	return bad&badChar == 0
}

// Encoder encodes a binary token in place, as its bytes become final: the
// token is built in the last rawLen bytes of buf (len(buf) ==
// 4*ceil(rawLen/3)) and encoded forwards over buf. Every write lands below
// the next byte to read (see EncodeInPlace), so the encoder can trail the
// writer of the binary token at any distance.
type Encoder struct {
	buf    []byte
	si, di int // next binary byte to read, next character to write
}

// NewEncoder returns an Encoder for a token of rawLen bytes built at the end
// of buf.
func NewEncoder(buf []byte, rawLen int) Encoder {
	return Encoder{buf: buf, si: len(buf) - rawLen}
}

// UpTo encodes the whole 3-byte groups before buf[end]; it reads nothing at
// or after end.
func (e *Encoder) UpTo(end int) {
	buf, si, di := e.buf[:end], e.si, e.di
	// 8-byte loads and stores: the store [di, di+8) stays below si+6 (the
	// first unread byte) as di+8 <= si+6 <=> group+2 <= offset, true while
	// si+8 <= len(buf).
	for ; si+8 <= len(buf); si, di = si+6, di+8 {
		v := binary.BigEndian.Uint64(buf[si:])
		binary.LittleEndian.PutUint64(buf[di:], uint64(enc2[v>>52])|
			uint64(enc2[v>>40&0xfff])<<16|
			uint64(enc2[v>>28&0xfff])<<32|
			uint64(enc2[v>>16&0xfff])<<48)
	}
	for ; si+3 <= len(buf); si, di = si+3, di+4 {
		v := uint(buf[si])<<16 | uint(buf[si+1])<<8 | uint(buf[si+2])
		binary.LittleEndian.PutUint32(buf[di:], uint32(enc2[v>>12])|uint32(enc2[v&0xfff])<<16)
	}
	e.si, e.di = si, di
}

// Finish encodes the rest of the token, with padding.
func (e *Encoder) Finish() {
	e.UpTo(len(e.buf))
	buf, si, di := e.buf, e.si, e.di
	switch len(buf) - si {
	case 1:
		v := uint(buf[si]) << 4
		buf[di], buf[di+1], buf[di+2], buf[di+3] = byte(enc2[v]), byte(enc2[v]>>8), '=', '='
	case 2:
		v := uint(buf[si])<<16 | uint(buf[si+1])<<8
		buf[di], buf[di+1] = byte(enc2[v>>12]), byte(enc2[v>>12]>>8)
		buf[di+2], buf[di+3] = byte(enc2[v&0xfff]), '='
	}
}
