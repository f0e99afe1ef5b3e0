package main

/*
#include "cryptogo_types.h"
*/
import "C"

import (
	"math"
	"unsafe"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/hash"
	"github.com/cryptogo/libcrypto-go/core/kdf"
)

// pbkdf2Iterations converts a C iteration count (pyca takes any usize; Go's
// crypto/pbkdf2 an int: counts past 2^63 - 1, which would run for ages, are
// OVERFLOW).
func pbkdf2Iterations(n C.uint64_t) (int, error) {
	if uint64(n) > math.MaxInt {
		return 0, core.ErrOverflow
	}
	return int(n), nil
}

// cryptogo_pbkdf2_hmac_derive derives out_bytes bytes into out (the caller's
// buffer of exactly out_bytes bytes) with PBKDF2 (RFC 8018) using HMAC with
// alg (any enum cryptogo_hash_alg but SHAKE), as pyca's
// PBKDF2HMAC(algorithm, length, salt, iterations).derive(password). out_bytes
// may be 0 (nothing written); iterations must be >= 1. Takes time
// proportional to iterations * out_bytes, independent of the password's
// contents.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for iterations 0, an out_bytes over
//     (2^32 - 1) * digest size, or a NULL buffer with a non-zero length
//   - CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM for SHAKE or an unknown alg
//   - CRYPTOGO_ERR_OVERFLOW for iterations >= 2^63 or an out_bytes over 2^32
//
//export cryptogo_pbkdf2_hmac_derive
func cryptogo_pbkdf2_hmac_derive(out *C.uint8_t, outBytes C.size_t,
	password *C.cryptogo_in, passwordLen C.size_t, salt *C.cryptogo_in, saltLen C.size_t,
	iterations C.uint64_t, alg C.int) (rc C.int) {
	defer guard(enter(&rc))
	pw, err := in(password, passwordLen)
	if err != nil {
		return status(err)
	}
	s, err := in(salt, saltLen)
	if err != nil {
		return status(err)
	}
	iter, err := pbkdf2Iterations(iterations)
	if err != nil {
		return status(err)
	}
	if uint64(outBytes) > math.MaxInt32*2 { // as in(): beyond what pyca handles
		return status(core.ErrOverflow)
	}
	if outBytes > 0 && out == nil {
		return status(errNullArgument)
	}
	var dst []byte
	if outBytes > 0 {
		dst = unsafe.Slice((*byte)(unsafe.Pointer(out)), int(outBytes))
	}
	return status(kdf.DerivePBKDF2HMACTo(dst, pw, s, iter, hash.Algorithm(alg)))
}

// cryptogo_pbkdf2_hmac_verify derives expected_len bytes as
// cryptogo_pbkdf2_hmac_derive does and compares them with expected in constant
// time, as pyca's PBKDF2HMAC.verify(password, expected_key). The length
// rule: the derived length is expected_len, which must be at least 1 (an
// empty expected key would match every password, so expected_len == 0 is
// CRYPTOGO_ERR_INVALID_ARGUMENT, before anything is derived). A binding that
// fixes a length beforehand (pyca's PBKDF2HMAC(length=...)) must reject an
// expected key of another length itself (pyca raises InvalidKey).
//
// Returns:
//   - CRYPTOGO_OK when the keys match
//   - CRYPTOGO_ERR_INVALID_KEY when they do not
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for expected_len == 0, and as for
//     cryptogo_pbkdf2_hmac_derive
//   - CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM as for cryptogo_pbkdf2_hmac_derive
//   - CRYPTOGO_ERR_OVERFLOW as for cryptogo_pbkdf2_hmac_derive
//
//export cryptogo_pbkdf2_hmac_verify
func cryptogo_pbkdf2_hmac_verify(expected *C.cryptogo_in, expectedLen C.size_t,
	password *C.cryptogo_in, passwordLen C.size_t, salt *C.cryptogo_in, saltLen C.size_t,
	iterations C.uint64_t, alg C.int) (rc C.int) {
	defer guard(enter(&rc))
	want, err := in(expected, expectedLen)
	if err != nil {
		return status(err)
	}
	pw, err := in(password, passwordLen)
	if err != nil {
		return status(err)
	}
	s, err := in(salt, saltLen)
	if err != nil {
		return status(err)
	}
	iter, err := pbkdf2Iterations(iterations)
	if err != nil {
		return status(err)
	}
	return status(kdf.VerifyPBKDF2HMAC(want, pw, s, iter, hash.Algorithm(alg)))
}
