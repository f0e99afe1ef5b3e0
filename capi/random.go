package main

/*
#include "cryptogo_types.h"
*/
import "C"

import (
	"math"
	"unsafe"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/random"
)

// cryptogo_random_bytes fills out with out_len cryptographically secure random
// bytes from the operating system (Go's crypto/rand, like Python's
// os.urandom, which pyca uses). out_len is the number of bytes to write (an
// input, not a pointer); out may be NULL when out_len is 0. It never fails
// for lack of entropy: the OS generator does not run dry.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a NULL out with a non-zero out_len
//   - CRYPTOGO_ERR_OVERFLOW for an out_len over 2^63 - 1
//
//export cryptogo_random_bytes
func cryptogo_random_bytes(out *C.uint8_t, outLen C.size_t) (rc C.int) {
	defer guard(enter(&rc))
	if outLen == 0 {
		return C.CRYPTOGO_OK
	}
	if out == nil {
		return status(errNullArgument)
	}
	if uint64(outLen) > math.MaxInt {
		return status(core.ErrOverflow)
	}
	random.Bytes(unsafe.Slice((*byte)(unsafe.Pointer(out)), int(outLen)))
	return C.CRYPTOGO_OK
}
