package main

/*
#include "cryptogo_types.h"
*/
import "C"

import (
	"unsafe"

	"github.com/cryptogo/libcrypto-go/core/hash"
)

// cryptogo_hmac_new starts an HMAC (RFC 2104; pyca's hmac.HMAC) of algorithm
// alg (enum cryptogo_hash_alg, any but SHAKE) keyed with key_len bytes of key
// (any length; NULL allowed when key_len is 0) and stores a new handle in
// *out. The key is absorbed during the call and not kept; the keyed state is
// wiped by cryptogo_hmac_free. A handle may be used from any thread; calls on
// one handle are serialized.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM for SHAKE128, SHAKE256 or an unknown
//     alg
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a NULL out, or a NULL key with a
//     non-zero length
//
//export cryptogo_hmac_new
func cryptogo_hmac_new(out **C.cryptogo_hmac, key *C.cryptogo_in, keyLen C.size_t, alg C.int) (rc C.int) {
	defer guard(enter(&rc))
	if out == nil {
		return status(errNullArgument)
	}
	k, err := in(key, keyLen)
	if err != nil {
		return status(err)
	}
	// The key bytes are only read while hashing them into the HMAC state
	// (never retained), so they need no copy out of C memory.
	m, err := hash.NewHMAC(k, hash.Algorithm(alg))
	if err != nil {
		return status(err)
	}
	*out = (*C.cryptogo_hmac)(newHandle(kindHMAC, m))
	return C.CRYPTOGO_OK
}

// cryptogo_hmac_update absorbs data_len bytes of data (NULL allowed when
// data_len is 0) into the HMAC h.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_ALREADY_FINALIZED after finalize or verify
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind h
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for NULL data with a non-zero length
//
//export cryptogo_hmac_update
func cryptogo_hmac_update(h *C.cryptogo_hmac, data *C.cryptogo_in, dataLen C.size_t) (rc C.int) {
	defer guard(enter(&rc))
	msg, err := in(data, dataLen)
	if err != nil {
		return status(err)
	}
	return status(useExclusive(unsafe.Pointer(h), kindHMAC, func(m *hash.HMAC) error {
		return m.Update(msg)
	}))
}

// cryptogo_hmac_copy stores in *out a new, independent HMAC handle in the same
// state as h (same key, same data so far; pyca's HMAC.copy()). Both must be
// freed.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_ALREADY_FINALIZED after finalize or verify
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind h
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a NULL out
//
//export cryptogo_hmac_copy
func cryptogo_hmac_copy(out **C.cryptogo_hmac, h *C.cryptogo_hmac) (rc C.int) {
	defer guard(enter(&rc))
	if out == nil {
		return status(errNullArgument)
	}
	var c *hash.HMAC
	err := useExclusive(unsafe.Pointer(h), kindHMAC, func(m *hash.HMAC) (err error) {
		c, err = m.Copy()
		return err
	})
	if err != nil {
		return status(err)
	}
	*out = (*C.cryptogo_hmac)(newHandle(kindHMAC, c))
	return C.CRYPTOGO_OK
}

// cryptogo_hmac_finalize writes the MAC of h (the digest size of its hash,
// at most CRYPTOGO_HASH_DIGESTBYTES_MAX) to out and finalizes h, as pyca's
// HMAC.finalize(). When out_cap is too small nothing is finalized: *out_len
// is set to the size needed and the call can be retried. h must still be
// freed.
//
// Returns:
//   - CRYPTOGO_OK (*out_len = MAC size)
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = size needed; h unchanged)
//   - CRYPTOGO_ERR_ALREADY_FINALIZED when called again or after verify
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind h
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a NULL out_len, or a NULL out with a
//     non-zero out_cap
//
//export cryptogo_hmac_finalize
func cryptogo_hmac_finalize(h *C.cryptogo_hmac, out *C.uint8_t, outCap C.size_t, outLen *C.size_t) (rc C.int) {
	defer guard(enter(&rc))
	return status(useExclusive(unsafe.Pointer(h), kindHMAC, func(m *hash.HMAC) error {
		var dst []byte
		if !m.Finalized() { // a finalized state reports ALREADY_FINALIZED, not a size
			var err error
			if dst, err = outBuffer(out, outCap, outLen, m.Size()); err != nil {
				return err // h is left as it was: the caller may retry
			}
		}
		return m.FinalizeTo(dst)
	}))
}

// cryptogo_hmac_verify finalizes h and compares its MAC with the sig_len
// bytes of sig in constant time, as pyca's HMAC.verify(): sig must be the
// full MAC (a truncated MAC does not verify). h is finalized whether or not
// the MAC matches; it must still be freed.
//
// Returns:
//   - CRYPTOGO_OK when the MAC matches
//   - CRYPTOGO_ERR_INVALID_SIGNATURE when it does not
//   - CRYPTOGO_ERR_ALREADY_FINALIZED after finalize or verify
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind h
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a NULL sig with a non-zero length
//
//export cryptogo_hmac_verify
func cryptogo_hmac_verify(h *C.cryptogo_hmac, sig *C.cryptogo_in, sigLen C.size_t) (rc C.int) {
	defer guard(enter(&rc))
	s, err := in(sig, sigLen)
	if err != nil {
		return status(err)
	}
	return status(useExclusive(unsafe.Pointer(h), kindHMAC, func(m *hash.HMAC) error {
		return m.Verify(s)
	}))
}

// cryptogo_hmac_free wipes the keyed state of an HMAC handle and releases it.
// NULL is a no-op.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_HANDLE for a freed, unknown or wrong-kind handle
//
//export cryptogo_hmac_free
func cryptogo_hmac_free(h *C.cryptogo_hmac) (rc C.int) {
	defer guard(enter(&rc))
	return status(free(unsafe.Pointer(h), kindHMAC))
}

// cryptogo_hmac_compute writes the HMAC with algorithm alg of data under key
// to out in one call. Sizes and NULL rules as for cryptogo_hmac_new and
// cryptogo_hmac_finalize.
//
// Returns:
//   - CRYPTOGO_OK (*out_len = MAC size)
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = size needed)
//   - CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM for SHAKE128, SHAKE256 or an unknown
//     alg
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a NULL out_len, or a NULL buffer with a
//     non-zero length
//
//export cryptogo_hmac_compute
func cryptogo_hmac_compute(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	data *C.cryptogo_in, dataLen C.size_t, key *C.cryptogo_in, keyLen C.size_t, alg C.int) (rc C.int) {
	defer guard(enter(&rc))
	msg, err := in(data, dataLen)
	if err != nil {
		return status(err)
	}
	k, err := in(key, keyLen)
	if err != nil {
		return status(err)
	}
	a := hash.Algorithm(alg)
	if a.Size() == 0 { // SHAKE or unknown: core says which error
		return status(hash.ComputeHMACTo(nil, k, a, msg))
	}
	dst, err := outBuffer(out, outCap, outLen, a.Size())
	if err != nil {
		return status(err)
	}
	return status(hash.ComputeHMACTo(dst, k, a, msg))
}
