package main

/*
#include "cryptogo_types.h"
*/
import "C"

import (
	"github.com/cryptogo/libcrypto-go/core/dss"
)

// cryptogo_dss_signature_encode writes the DER Dss-Sig-Value
// SEQUENCE { r INTEGER, s INTEGER } (RFC 3279; pyca's
// asymmetric.utils.encode_dss_signature(r, s)) to out. r and s are unsigned
// big-endian integers (leading zero bytes allowed; NULL with length 0 is
// 0), each at most 65536 bytes. The output is byte-identical to pyca's and
// at most r_len + s_len + 20 bytes.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = size needed)
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for r or s over 65536 bytes, a NULL
//     out_len, or a NULL pointer with a non-zero length
//   - CRYPTOGO_ERR_OVERFLOW for a length too large to be a buffer
//
//export cryptogo_dss_signature_encode
func cryptogo_dss_signature_encode(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	r *C.cryptogo_in, rLen C.size_t, s *C.cryptogo_in, sLen C.size_t) (rc C.int) {
	defer guard(enter(&rc))
	if outLen == nil {
		return status(errNullArgument)
	}
	rb, err := in(r, rLen)
	if err != nil {
		return status(err)
	}
	sb, err := in(s, sLen)
	if err != nil {
		return status(err)
	}
	der, err := dss.EncodeSignature(rb, sb)
	if err != nil {
		return status(err)
	}
	dst, err := rsaOut(out, outCap, outLen, len(der))
	if err != nil {
		return status(err)
	}
	copy(dst, der)
	return C.CRYPTOGO_OK
}

// cryptogo_dss_signature_decode parses a DER Dss-Sig-Value strictly (pyca's
// asymmetric.utils.decode_dss_signature: one SEQUENCE of two minimal,
// non-negative INTEGERs, minimal lengths, no trailing bytes) and writes r
// then s to out, each unsigned big-endian without leading zero bytes (0 is
// empty): r is out[0, *out_r_len), s the rest up to *out_len. A buffer of
// sig_len bytes always suffices.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for anything that is not such a DER
//     value (pyca's ValueError), a NULL out_len or out_r_len, or a NULL
//     pointer with a non-zero length
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = size needed)
//   - CRYPTOGO_ERR_OVERFLOW for a length too large to be a buffer
//
//export cryptogo_dss_signature_decode
func cryptogo_dss_signature_decode(out *C.uint8_t, outCap C.size_t, outLen *C.size_t, outRLen *C.size_t,
	sig *C.cryptogo_in, sigLen C.size_t) (rc C.int) {
	defer guard(enter(&rc))
	if outLen == nil || outRLen == nil {
		return status(errNullArgument)
	}
	b, err := in(sig, sigLen)
	if err != nil {
		return status(err)
	}
	r, s, err := dss.DecodeSignature(b)
	if err != nil {
		return status(err)
	}
	dst, err := rsaOut(out, outCap, outLen, len(r)+len(s))
	if err != nil {
		return status(err)
	}
	copy(dst, r)
	copy(dst[len(r):], s)
	setLen(outRLen, len(r))
	return C.CRYPTOGO_OK
}
