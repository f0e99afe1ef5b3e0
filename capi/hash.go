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
)

// outBuffer is the out() helper under another name, for exports whose output
// parameter is named out as in the ABI contract (which shadows the helper).
var outBuffer = out

// cDigestSize converts a C digest size: 0 means the default.
func cDigestSize(n C.size_t) (int, error) {
	if uint64(n) > math.MaxInt32*2 { // as in(): beyond anything pyca handles
		return 0, core.ErrOverflow
	}
	return int(n), nil
}

// cryptogo_hash_new starts an incremental hash computation (pyca's
// hashes.Hash) of algorithm alg (enum cryptogo_hash_alg) and stores a new
// handle in *out. digest_bytes is 0 for the algorithm's default; it is required
// (> 0) for CRYPTOGO_HASH_SHAKE128/SHAKE256 and, when non-zero, must equal the
// fixed size of every other algorithm (BLAKE2B 64, BLAKE2S 32, ...).
// Release the handle with cryptogo_hash_free. A handle may be used from any
// thread; calls on one handle are serialized.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM for an unknown alg
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a bad digest_bytes or a NULL out
//   - CRYPTOGO_ERR_OVERFLOW for a digest_bytes over 2^32
//
//export cryptogo_hash_new
func cryptogo_hash_new(out **C.cryptogo_hash, alg C.int, digestBytes C.size_t) (rc C.int) {
	defer guard(enter(&rc))
	if out == nil {
		return status(errNullArgument)
	}
	size, err := cDigestSize(digestBytes)
	if err != nil {
		return status(err)
	}
	h, err := hash.New(hash.Algorithm(alg), size)
	if err != nil {
		return status(err)
	}
	*out = (*C.cryptogo_hash)(newHandle(kindHash, h))
	return C.CRYPTOGO_OK
}

// cryptogo_hash_update absorbs data_len bytes of data (NULL allowed when
// data_len is 0) into the hash h.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_ALREADY_FINALIZED after cryptogo_hash_finalize
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind h
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for NULL data with a non-zero length
//
//export cryptogo_hash_update
func cryptogo_hash_update(h *C.cryptogo_hash, data *C.cryptogo_in, dataLen C.size_t) (rc C.int) {
	defer guard(enter(&rc))
	msg, err := in(data, dataLen)
	if err != nil {
		return status(err)
	}
	return status(useExclusive(unsafe.Pointer(h), kindHash, func(hs *hash.Hasher) error {
		return hs.Update(msg)
	}))
}

// cryptogo_hash_copy stores in *out a new, independent hash handle in the
// same state as h (pyca's Hash.copy()). Both must be freed.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_ALREADY_FINALIZED after cryptogo_hash_finalize
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind h
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a NULL out
//
//export cryptogo_hash_copy
func cryptogo_hash_copy(out **C.cryptogo_hash, h *C.cryptogo_hash) (rc C.int) {
	defer guard(enter(&rc))
	if out == nil {
		return status(errNullArgument)
	}
	var c *hash.Hasher
	err := useExclusive(unsafe.Pointer(h), kindHash, func(hs *hash.Hasher) (err error) {
		c, err = hs.Copy()
		return err
	})
	if err != nil {
		return status(err)
	}
	*out = (*C.cryptogo_hash)(newHandle(kindHash, c))
	return C.CRYPTOGO_OK
}

// cryptogo_hash_finalize writes the digest of h (its digest size, see
// cryptogo_hash_new) to out and finalizes h, as pyca's Hash.finalize(). When
// out_cap is too small nothing is finalized: *out_len is set to the size
// needed and the call can be retried. h must still be freed.
//
// Returns:
//   - CRYPTOGO_OK (*out_len = digest size)
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = size needed; h unchanged)
//   - CRYPTOGO_ERR_ALREADY_FINALIZED when called again
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind h
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a NULL out_len, or a NULL out with a
//     non-zero out_cap
//
//export cryptogo_hash_finalize
func cryptogo_hash_finalize(h *C.cryptogo_hash, out *C.uint8_t, outCap C.size_t, outLen *C.size_t) (rc C.int) {
	defer guard(enter(&rc))
	return status(useExclusive(unsafe.Pointer(h), kindHash, func(hs *hash.Hasher) error {
		var dst []byte
		if !hs.Finalized() { // a finalized state reports ALREADY_FINALIZED, not a size
			var err error
			if dst, err = outBuffer(out, outCap, outLen, hs.Size()); err != nil {
				return err // h is left as it was: the caller may retry
			}
		}
		return hs.FinalizeTo(dst)
	}))
}

// cryptogo_hash_free releases a hash handle. NULL is a no-op.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_HANDLE for a freed, unknown or wrong-kind handle
//
//export cryptogo_hash_free
func cryptogo_hash_free(h *C.cryptogo_hash) (rc C.int) {
	defer guard(enter(&rc))
	return status(free(unsafe.Pointer(h), kindHash))
}

// cryptogo_hash_digest writes the digest of data with algorithm alg to out in
// one call. digest_bytes is as for cryptogo_hash_new (0 = default; the output
// length for SHAKE128/SHAKE256).
//
// Returns:
//   - CRYPTOGO_OK (*out_len = digest size)
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = size needed)
//   - CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM for an unknown alg
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a bad digest_bytes, a NULL out_len, or
//     a NULL buffer with a non-zero length
//   - CRYPTOGO_ERR_OVERFLOW for a digest_bytes over 2^32
//
//export cryptogo_hash_digest
func cryptogo_hash_digest(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	data *C.cryptogo_in, dataLen C.size_t, alg C.int, digestBytes C.size_t) (rc C.int) {
	defer guard(enter(&rc))
	msg, err := in(data, dataLen)
	if err != nil {
		return status(err)
	}
	size, err := cDigestSize(digestBytes)
	if err != nil {
		return status(err)
	}
	size, err = hash.Algorithm(alg).OutputSize(size)
	if err != nil {
		return status(err)
	}
	dst, err := outBuffer(out, outCap, outLen, size)
	if err != nil {
		return status(err)
	}
	return status(hash.DigestTo(dst, hash.Algorithm(alg), msg))
}

// cryptogo_hash_digestbytes stores the digest size in bytes of algorithm alg
// in *out_bytes (pyca's digest_size): 0 for SHAKE128/SHAKE256, whose size
// the caller chooses.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM for an unknown alg
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a NULL out_bytes
//
//export cryptogo_hash_digestbytes
func cryptogo_hash_digestbytes(outBytes *C.size_t, alg C.int) (rc C.int) {
	defer guard(enter(&rc))
	if outBytes == nil {
		return status(errNullArgument)
	}
	if !hash.Algorithm(alg).Valid() {
		return status(core.ErrUnsupportedAlgorithm)
	}
	*outBytes = C.size_t(hash.Algorithm(alg).Size())
	return C.CRYPTOGO_OK
}

// cryptogo_hash_blockbytes stores the internal block size in bytes of
// algorithm alg in *out_bytes (pyca's block_size; the rate for SHA-3 and
// SHAKE).
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM for an unknown alg
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a NULL out_bytes
//
//export cryptogo_hash_blockbytes
func cryptogo_hash_blockbytes(outBytes *C.size_t, alg C.int) (rc C.int) {
	defer guard(enter(&rc))
	if outBytes == nil {
		return status(errNullArgument)
	}
	if !hash.Algorithm(alg).Valid() {
		return status(core.ErrUnsupportedAlgorithm)
	}
	*outBytes = C.size_t(hash.Algorithm(alg).BlockSize())
	return C.CRYPTOGO_OK
}

// cryptogo_hash_digestbytes_max returns CRYPTOGO_HASH_DIGESTBYTES_MAX, the
// largest fixed digest size (SHA-512, SHA3-512, BLAKE2b): a buffer this large
// holds any digest but SHAKE's and any HMAC.
//
// Returns:
//   - 64
//
//export cryptogo_hash_digestbytes_max
func cryptogo_hash_digestbytes_max() C.size_t { return C.size_t(hash.MaxDigestSize) }
