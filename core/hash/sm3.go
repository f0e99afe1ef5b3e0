package hash

import (
	"encoding/binary"
	"errors"
	stdhash "hash"
	"math/bits"
)

// SM3 (GB/T 32905-2016, also ISO/IEC 10118-3:2018 and
// draft-sca-cfrg-sm3): a Merkle-Damgard hash with 64-byte blocks, a 32-byte
// state and digest, and SHA-256's padding (0x80, zeros, the 64-bit
// big-endian bit length). Neither the standard library nor
// golang.org/x/crypto has it; this follows the standard's text, in the shape
// of crypto/sha256 (a digest type with x/nx buffering and a block function).
// Runs in constant time for a given input length (no data-dependent branches
// or indexing).

const (
	sm3Size      = 32
	sm3BlockSize = 64
	sm3Magic     = "sm3\x01" // MarshalBinary's prefix
)

// sm3IV is the initial value IV (GB/T 32905-2016, 4.1).
var sm3IV = [8]uint32{0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e}

// sm3T holds T_j <<< j (mod 32) for j = 0..63: the constant T_j is
// 0x79cc4519 for j < 16 and 0x7a879d8a after (4.2), rotated as the
// compression function uses it (5.3.3: SS1 = ((A <<< 12) + E + (T_j <<< j)) <<< 7).
var sm3T = func() (t [64]uint32) {
	for j := range t {
		c := uint32(0x79cc4519)
		if j >= 16 {
			c = 0x7a879d8a
		}
		t[j] = bits.RotateLeft32(c, j%32)
	}
	return t
}()

type sm3Digest struct {
	h   [8]uint32
	x   [sm3BlockSize]byte
	nx  int
	len uint64
}

// newSM3 returns a new SM3 hash.Hash (also encoding.BinaryMarshaler,
// BinaryUnmarshaler and hash.Cloner, as crypto/sha256's).
func newSM3() stdhash.Hash {
	d := new(sm3Digest)
	d.Reset()
	return d
}

func (d *sm3Digest) Reset() {
	d.h = sm3IV
	d.nx = 0
	d.len = 0
}

func (d *sm3Digest) Size() int      { return sm3Size }
func (d *sm3Digest) BlockSize() int { return sm3BlockSize }

func (d *sm3Digest) Write(p []byte) (int, error) {
	n := len(p)
	d.len += uint64(n)
	if d.nx > 0 {
		c := copy(d.x[d.nx:], p)
		d.nx += c
		p = p[c:]
		if d.nx == sm3BlockSize {
			sm3Block(&d.h, d.x[:])
			d.nx = 0
		}
	}
	if len(p) >= sm3BlockSize {
		m := len(p) &^ (sm3BlockSize - 1)
		sm3Block(&d.h, p[:m])
		p = p[m:]
	}
	if len(p) > 0 {
		d.nx = copy(d.x[:], p)
	}
	return n, nil
}

// Sum appends the digest of what was written so far to b; d is unchanged.
func (d *sm3Digest) Sum(b []byte) []byte {
	c := *d
	return append(b, c.checkSum()...)
}

// checkSum pads (5.2: 1 bit, zeros to 448 mod 512 bits, the 64-bit length)
// and returns the digest.
func (d *sm3Digest) checkSum() []byte {
	bitLen := d.len << 3
	var pad [sm3BlockSize + 8]byte
	pad[0] = 0x80
	n := 1 + (55-d.len)%64 // so that len + n = 56 mod 64
	binary.BigEndian.PutUint64(pad[n:], bitLen)
	d.Write(pad[:n+8])
	out := make([]byte, sm3Size)
	for i, v := range d.h {
		binary.BigEndian.PutUint32(out[4*i:], v)
	}
	return out
}

// Clone returns an independent copy (hash.Cloner).
func (d *sm3Digest) Clone() (stdhash.Cloner, error) {
	c := *d
	return &c, nil
}

// MarshalBinary is the running state: magic, h, the buffered block, length.
func (d *sm3Digest) MarshalBinary() ([]byte, error) {
	b := make([]byte, 0, len(sm3Magic)+8*4+sm3BlockSize+8)
	b = append(b, sm3Magic...)
	for _, v := range d.h {
		b = binary.BigEndian.AppendUint32(b, v)
	}
	b = append(b, d.x[:d.nx]...)
	b = append(b, make([]byte, sm3BlockSize-d.nx)...)
	return binary.BigEndian.AppendUint64(b, d.len), nil
}

// UnmarshalBinary restores a state written by MarshalBinary.
func (d *sm3Digest) UnmarshalBinary(b []byte) error {
	if len(b) != len(sm3Magic)+8*4+sm3BlockSize+8 || string(b[:len(sm3Magic)]) != sm3Magic {
		return errors.New("sm3: invalid hash state")
	}
	b = b[len(sm3Magic):]
	for i := range d.h {
		d.h[i] = binary.BigEndian.Uint32(b[4*i:])
	}
	b = b[32:]
	copy(d.x[:], b[:sm3BlockSize])
	d.len = binary.BigEndian.Uint64(b[sm3BlockSize:])
	d.nx = int(d.len % sm3BlockSize)
	return nil
}

func sm3P0(x uint32) uint32 { return x ^ bits.RotateLeft32(x, 9) ^ bits.RotateLeft32(x, 17) }
func sm3P1(x uint32) uint32 { return x ^ bits.RotateLeft32(x, 15) ^ bits.RotateLeft32(x, 23) }

// sm3Block runs the compression function CF (5.3) over each 64-byte block of
// p, updating h (V_{i+1} = CF(V_i, B_i) = ABCDEFGH xor V_i).
func sm3Block(h *[8]uint32, p []byte) {
	var w [68]uint32
	for len(p) >= sm3BlockSize {
		// Message expansion (5.3.2): W_0..W_67; W'_j = W_j xor W_{j+4}.
		for i := 0; i < 16; i++ {
			w[i] = binary.BigEndian.Uint32(p[4*i:])
		}
		for j := 16; j < 68; j++ {
			w[j] = sm3P1(w[j-16]^w[j-9]^bits.RotateLeft32(w[j-3], 15)) ^ bits.RotateLeft32(w[j-13], 7) ^ w[j-6]
		}
		a, b, c, d, e, f, g, hh := h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]
		// Rounds 0..15: FF_j = X^Y^Z, GG_j = X^Y^Z.
		for j := 0; j < 16; j++ {
			a12 := bits.RotateLeft32(a, 12)
			ss1 := bits.RotateLeft32(a12+e+sm3T[j], 7)
			ss2 := ss1 ^ a12
			tt1 := (a ^ b ^ c) + d + ss2 + (w[j] ^ w[j+4])
			tt2 := (e ^ f ^ g) + hh + ss1 + w[j]
			d, c, b, a = c, bits.RotateLeft32(b, 9), a, tt1
			hh, g, f, e = g, bits.RotateLeft32(f, 19), e, sm3P0(tt2)
		}
		// Rounds 16..63: FF_j = majority, GG_j = choose.
		for j := 16; j < 64; j++ {
			a12 := bits.RotateLeft32(a, 12)
			ss1 := bits.RotateLeft32(a12+e+sm3T[j], 7)
			ss2 := ss1 ^ a12
			tt1 := ((a & b) | (a & c) | (b & c)) + d + ss2 + (w[j] ^ w[j+4])
			tt2 := ((e & f) | (^e & g)) + hh + ss1 + w[j]
			d, c, b, a = c, bits.RotateLeft32(b, 9), a, tt1
			hh, g, f, e = g, bits.RotateLeft32(f, 19), e, sm3P0(tt2)
		}
		h[0] ^= a
		h[1] ^= b
		h[2] ^= c
		h[3] ^= d
		h[4] ^= e
		h[5] ^= f
		h[6] ^= g
		h[7] ^= hh
		p = p[sm3BlockSize:]
	}
	clear(w[:])
}
