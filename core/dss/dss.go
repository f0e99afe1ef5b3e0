// Package dss encodes and decodes DSA/ECDSA signatures as the DER
// Dss-Sig-Value (RFC 3279 2.2.2: SEQUENCE { r INTEGER, s INTEGER }), as
// pyca's cryptography.hazmat.primitives.asymmetric.utils
// encode_dss_signature / decode_dss_signature do. Integers are unsigned
// big-endian byte strings at this API. Built on golang.org/x/crypto/cryptobyte.
package dss

import (
	"math/big"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"

	"github.com/cryptogo/libcrypto-go/core/internal/errs"
)

// MaxIntegerSize bounds r and s (bytes, leading zeros included) on both
// sides: larger than any DSA or ECDSA group order, small enough that every
// length stays far from overflow.
const MaxIntegerSize = 1 << 16

// EncodeSignature returns the DER SEQUENCE { r INTEGER, s INTEGER } of the
// unsigned big-endian integers r and s (leading zero bytes allowed, an
// empty slice is 0). The INTEGERs are minimal, with a 0x00 byte before a
// first byte >= 0x80, exactly as pyca writes them. Errors:
// core.ErrInvalidArgument for r or s longer than MaxIntegerSize. Not
// constant time (signatures are public).
func EncodeSignature(r, s []byte) ([]byte, error) {
	if len(r) > MaxIntegerSize || len(s) > MaxIntegerSize {
		return nil, errs.Invalid("integer too large")
	}
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1BigInt(new(big.Int).SetBytes(r))
		b.AddASN1BigInt(new(big.Int).SetBytes(s))
	})
	return b.Bytes()
}

// EncodedSize returns an upper bound of len(EncodeSignature(r, s)) for
// integers of rLen and sLen bytes.
func EncodedSize(rLen, sLen int) int {
	return 3*6 + rLen + sLen + 2
}

// DecodeSignature parses a DER Dss-Sig-Value strictly, as pyca does:
// exactly one SEQUENCE of two INTEGERs with minimal DER lengths and minimal
// encodings, no trailing bytes, no negative integers. It returns r and s as
// minimal unsigned big-endian byte strings (0 is an empty slice). Errors:
// core.ErrInvalidArgument for anything else (pyca's ValueError), including
// an integer longer than MaxIntegerSize. Not constant time.
func DecodeSignature(sig []byte) (r, s []byte, err error) {
	input := cryptobyte.String(sig)
	var seq cryptobyte.String
	if !input.ReadASN1(&seq, cbasn1.SEQUENCE) || !input.Empty() {
		return nil, nil, errs.Invalid("invalid DER Dss-Sig-Value")
	}
	var out [2][]byte
	for i := range out {
		var v cryptobyte.String
		// ReadASN1 then the checks cryptobyte's ReadASN1Integer makes
		// (non-empty, minimal), plus: not negative.
		if !seq.ReadASN1(&v, cbasn1.INTEGER) || len(v) == 0 || len(v) > MaxIntegerSize+1 {
			return nil, nil, errs.Invalid("invalid DER Dss-Sig-Value")
		}
		if v[0]&0x80 != 0 {
			return nil, nil, errs.Invalid("negative integer in Dss-Sig-Value")
		}
		if len(v) > 1 && v[0] == 0 && v[1]&0x80 == 0 {
			return nil, nil, errs.Invalid("non-minimal integer in Dss-Sig-Value")
		}
		if v[0] == 0 {
			v = v[1:]
		}
		out[i] = append([]byte{}, v...)
	}
	if !seq.Empty() {
		return nil, nil, errs.Invalid("invalid DER Dss-Sig-Value")
	}
	return out[0], out[1], nil
}
