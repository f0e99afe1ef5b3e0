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

// cryptogo_random_bytes fills out with out_bytes cryptographically secure
// random bytes from the operating system (Go's crypto/rand, like Python's
// os.urandom, which pyca uses); out may be NULL when out_bytes is 0. It never
// fails for lack of entropy: the OS generator does not run dry.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a NULL out with a non-zero out_bytes
//   - CRYPTOGO_ERR_OVERFLOW for an out_bytes over 2^63 - 1
//
//export cryptogo_random_bytes
func cryptogo_random_bytes(out *C.uint8_t, outBytes C.size_t) (rc C.int) {
	defer guard(enter(&rc))
	if outBytes == 0 {
		return C.CRYPTOGO_OK
	}
	if out == nil {
		return status(errNullArgument)
	}
	if uint64(outBytes) > math.MaxInt {
		return status(core.ErrOverflow)
	}
	random.Bytes(unsafe.Slice((*byte)(unsafe.Pointer(out)), int(outBytes)))
	return C.CRYPTOGO_OK
}
