// Command capi is libcrypto-go's C ABI: built with -buildmode=c-shared it
// becomes libcrypto-go.so. It only translates between C and package core:
// buffers, handles and status codes. No cryptographic decision is made here.
//
// Conventions every export follows (see include/cryptogo_types.h):
//   - it returns C.int: CRYPTOGO_OK or a negative status code, and starts with
//     `defer guard(enter(&rc))` so that no panic ever reaches the host process;
//   - buffers are pointer + length; outputs come first (out, out_cap, out_len),
//     then inputs, then nonce/key/handle; input pointers are *C.cryptogo_in;
//   - an output too small returns CRYPTOGO_ERR_BUFFER_TOO_SMALL with *out_len
//     set to the size needed (out may be NULL with out_cap 0 to query it);
//   - handles are opaque pointers from the handle table below.
package main

/*
#cgo CFLAGS: -I${SRCDIR}/../include
#include "cryptogo_types.h"
*/
import "C"

import (
	"errors"
	"math"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/cryptogo/libcrypto-go/capi/internal/avx"
	"github.com/cryptogo/libcrypto-go/core"
)

func main() {}

// enter prepares the CPU for Go code on entry to an export (see package avx)
// and returns rc, so that every export begins with one line:
// `func cryptogo_x(...) (rc C.int) { defer guard(enter(&rc)); ... }`.
func enter(rc *C.int) *C.int {
	avx.Clean()
	return rc
}

// guard recovers a panic into CRYPTOGO_ERR_INTERNAL. Every export defers it
// first, with its argument evaluated on entry by enter.
func guard(rc *C.int) {
	if r := recover(); r != nil {
		*rc = C.CRYPTOGO_ERR_INTERNAL
	}
}

// status maps a core error to its status code: the one mapping from core
// errors to the ABI.
func status(err error) C.int {
	switch {
	case err == nil:
		return C.CRYPTOGO_OK
	case errors.Is(err, errBufferTooSmall):
		return C.CRYPTOGO_ERR_BUFFER_TOO_SMALL
	case errors.Is(err, errInvalidHandle):
		return C.CRYPTOGO_ERR_INVALID_HANDLE
	case errors.Is(err, core.ErrInvalidToken):
		return C.CRYPTOGO_ERR_INVALID_TOKEN
	case errors.Is(err, core.ErrInvalidTag):
		return C.CRYPTOGO_ERR_INVALID_TAG
	case errors.Is(err, core.ErrInvalidSignature):
		return C.CRYPTOGO_ERR_INVALID_SIGNATURE
	case errors.Is(err, core.ErrInvalidKey):
		return C.CRYPTOGO_ERR_INVALID_KEY
	case errors.Is(err, core.ErrAlreadyFinalized):
		return C.CRYPTOGO_ERR_ALREADY_FINALIZED
	case errors.Is(err, core.ErrUnsupportedAlgorithm):
		return C.CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM
	case errors.Is(err, core.ErrDecryption):
		return C.CRYPTOGO_ERR_DECRYPTION_FAILED
	case errors.Is(err, core.ErrOverflow):
		return C.CRYPTOGO_ERR_OVERFLOW
	case errors.Is(err, core.ErrPasswordRequired):
		return C.CRYPTOGO_ERR_PASSWORD_REQUIRED
	case errors.Is(err, core.ErrPasswordUnexpected):
		return C.CRYPTOGO_ERR_PASSWORD_UNEXPECTED
	case errors.Is(err, core.ErrBadKeyData):
		return C.CRYPTOGO_ERR_BAD_KEY_DATA
	case errors.Is(err, core.ErrType):
		return C.CRYPTOGO_ERR_TYPE
	case errors.Is(err, core.ErrInvalidArgument):
		return C.CRYPTOGO_ERR_INVALID_ARGUMENT
	default:
		return C.CRYPTOGO_ERR_INTERNAL
	}
}

var (
	errBufferTooSmall = errors.New("output buffer too small")
	errInvalidHandle  = errors.New("invalid handle")
	errNullArgument   = errors.New("required pointer is NULL") // -> INVALID_ARGUMENT
)

func init() {
	errNullArgument = errors.Join(core.ErrInvalidArgument, errNullArgument)
}

// maxInput is the ABI-wide bound on one input buffer (2^32-1 bytes): any
// longer length is refused with CRYPTOGO_ERR_OVERFLOW before the buffer is
// read, so a garbage length never walks off the caller's memory. Larger data
// goes through the incremental hash/HMAC APIs in pieces. Families with a
// lower limit (pyca's 2^31-1 for AEAD data) check it in core.
const maxInput = math.MaxUint32

// in borrows a caller's input buffer for the duration of a call, without
// copying. NULL is allowed only with length 0. Never retain the slice.
func in(p *C.cryptogo_in, n C.size_t) ([]byte, error) {
	if n == 0 {
		return nil, nil
	}
	if p == nil {
		return nil, errNullArgument
	}
	if uint64(n) > maxInput {
		return nil, core.ErrOverflow
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(p)), int(n)), nil
}

// out prepares a caller's output buffer for an output of exactly need bytes:
// it sets *outLen = need and returns out[:need], or errBufferTooSmall when
// outCap < need. The returned slice aliases caller memory: write in place.
func out(p *C.uint8_t, outCap C.size_t, outLen *C.size_t, need int) ([]byte, error) {
	if outLen == nil {
		return nil, errNullArgument
	}
	*outLen = C.size_t(need)
	if uint64(outCap) < uint64(need) {
		return nil, errBufferTooSmall
	}
	if need == 0 {
		return []byte{}, nil
	}
	if p == nil {
		return nil, errNullArgument
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(p)), need), nil
}

// setLen stores the final length of an output whose exact size was only
// known after the operation (at most the need passed to out).
func setLen(outLen *C.size_t, n int) { *outLen = C.size_t(n) }

// ---------------------------------------------------------------------------
// Handle table.
//
// A handle is an opaque C pointer: a token (see tokens.go) that is never
// issued twice in the life of the process, so a freed handle can never
// resolve to a later object, however many handles are created and freed
// after it (the token is the generation). The Go object behind it is a
// *handle carrying its kind and a lock: operations hold the read lock (or the
// write lock for mutable state such as a hash), free holds the write lock, so
// an in-flight call finishes before its object is wiped, and every later call
// sees the handle as dead; free then removes the token from the table.
// Unknown, freed and wrong-kind pointers are errInvalidHandle, and the
// library never dereferences a handle pointer.

type kind uint8

const (
	kindFernet kind = iota + 1
	kindMultiFernet
	kindHash
	kindHMAC
	kindAESGCM
	kindChaCha20Poly1305
	kindPrivateKey // any algorithm: the core key value (keys.TypeOf)
	kindPublicKey
)

type handle struct {
	mu   sync.RWMutex
	kind kind
	dead bool
	obj  any
}

// wiper is implemented by objects holding secrets; free calls Wipe.
type wiper interface{ Wipe() }

var (
	tableMu   sync.RWMutex
	table     = map[unsafe.Pointer]*handle{} // live tokens, under tableMu
	liveCount atomic.Int64
)

// newHandle registers obj under a new opaque pointer.
func newHandle(k kind, obj any) unsafe.Pointer {
	h := &handle{kind: k, obj: obj}
	tableMu.Lock()
	p := newToken()
	table[p] = h
	tableMu.Unlock()
	liveCount.Add(1)
	return p
}

// lookup returns the live handle of kind k behind p.
func lookup(p unsafe.Pointer, k kind) (*handle, error) {
	tableMu.RLock()
	h := table[p]
	tableMu.RUnlock()
	if h == nil || h.kind != k {
		return nil, errInvalidHandle
	}
	return h, nil
}

// use runs fn on the object behind p under the handle's read lock, for
// objects that are safe to share between threads (keys, Fernet instances).
func use[T any](p unsafe.Pointer, k kind, fn func(T) error) error {
	h, err := lookup(p, k)
	if err != nil {
		return err
	}
	h.mu.RLock()
	defer h.mu.RUnlock()
	if h.dead {
		return errInvalidHandle
	}
	return fn(h.obj.(T))
}

// useExclusive is use under the write lock, for mutable state (hash, HMAC).
func useExclusive[T any](p unsafe.Pointer, k kind, fn func(T) error) error {
	h, err := lookup(p, k)
	if err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.dead {
		return errInvalidHandle
	}
	return fn(h.obj.(T))
}

// free releases the handle p of kind k: NULL is a no-op; an unknown, freed or
// wrong-kind pointer is errInvalidHandle. The object is wiped if it holds
// secrets.
//
// The handle's own lock waits for calls in flight on it and serializes
// concurrent frees of the same handle (the second sees it dead). It is
// released with defer, and the handle is marked dead and removed from the
// table before Wipe runs, so a panic in Wipe (recovered by the export's
// guard) leaves a dead, unlocked handle that never resolves again.
func free(p unsafe.Pointer, k kind) error {
	if p == nil {
		return nil
	}
	h, err := lookup(p, k)
	if err != nil {
		return err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.dead {
		return errInvalidHandle
	}
	h.dead = true
	obj := h.obj
	h.obj = nil
	tableMu.Lock()
	delete(table, p)
	tableMu.Unlock()
	liveCount.Add(-1)
	if w, ok := obj.(wiper); ok {
		w.Wipe()
	}
	return nil
}

// cryptogo_strerror returns a static, NUL-terminated English description of a
// status code. The string must not be freed or modified.
//
// Returns:
//   - a static string
//   - "unknown status code" for a code not in enum cryptogo_status
//
//export cryptogo_strerror
func cryptogo_strerror(code C.int) *C.cryptogo_cchar {
	if s, ok := statusText[code]; ok {
		return s
	}
	return unknownStatus
}

var unknownStatus = cstr("unknown status code")

var statusText = map[C.int]*C.cryptogo_cchar{
	C.CRYPTOGO_OK:                        cstr("success"),
	C.CRYPTOGO_ERR_INTERNAL:              cstr("internal error"),
	C.CRYPTOGO_ERR_INVALID_ARGUMENT:      cstr("invalid argument"),
	C.CRYPTOGO_ERR_TYPE:                  cstr("wrong type of argument"),
	C.CRYPTOGO_ERR_BUFFER_TOO_SMALL:      cstr("output buffer too small"),
	C.CRYPTOGO_ERR_INVALID_HANDLE:        cstr("invalid, freed or wrong-kind handle"),
	C.CRYPTOGO_ERR_INVALID_TOKEN:         cstr("invalid token"),
	C.CRYPTOGO_ERR_INVALID_TAG:           cstr("invalid tag"),
	C.CRYPTOGO_ERR_INVALID_SIGNATURE:     cstr("invalid signature"),
	C.CRYPTOGO_ERR_INVALID_KEY:           cstr("invalid key"),
	C.CRYPTOGO_ERR_ALREADY_FINALIZED:     cstr("context was already finalized"),
	C.CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM: cstr("unsupported algorithm"),
	C.CRYPTOGO_ERR_DECRYPTION_FAILED:     cstr("decryption failed"),
	C.CRYPTOGO_ERR_OVERFLOW:              cstr("input too large"),
	C.CRYPTOGO_ERR_PASSWORD_REQUIRED:     cstr("password was not given but private key is encrypted"),
	C.CRYPTOGO_ERR_PASSWORD_UNEXPECTED:   cstr("password was given but private key is not encrypted"),
	C.CRYPTOGO_ERR_BAD_KEY_DATA:          cstr("could not deserialize key data: malformed, unsupported or wrong password"),
}

// cstr makes a C string that lives for the whole process.
func cstr(s string) *C.cryptogo_cchar { return (*C.cryptogo_cchar)(C.CString(s)) }

// cryptogo_debug_live_handles stores the number of live handles of every kind
// (created and not yet freed) in *out_count. For leak tests and the
// bindings' own checks.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_ARGUMENT if out_count is NULL
//
//abigen:bindings
//export cryptogo_debug_live_handles
func cryptogo_debug_live_handles(outCount *C.size_t) (rc C.int) {
	defer guard(enter(&rc))
	if outCount == nil {
		return status(errNullArgument)
	}
	*outCount = C.size_t(liveCount.Load())
	return C.CRYPTOGO_OK
}

// cryptogo_inputbytes_max returns CRYPTOGO_INPUTBYTES_MAX, the longest input
// buffer any function accepts (2^32 - 1 bytes): a longer length is
// CRYPTOGO_ERR_OVERFLOW, before the buffer is read. Larger data goes through
// the incremental hash and HMAC functions in pieces.
//
// Returns:
//   - 4294967295
//
//export cryptogo_inputbytes_max
func cryptogo_inputbytes_max() C.size_t { return C.size_t(maxInput) }

// cryptogo_version returns the library's version as a static string
// ("MAJOR.MINOR.PATCH").
//
// Returns:
//   - a static string
//
//export cryptogo_version
func cryptogo_version() *C.cryptogo_cchar { return versionString }

var versionString = cstr(core.Version)

// cryptogo_abi_fingerprint returns the fingerprint of the ABI this library
// was built with: 64 hexadecimal digits, the SHA-256 of the canonical form of
// its exports' signatures and invoke numbers, status codes, enums, size
// macros and handle types (capi/abigen/fingerprint.go). The
// cryptogo_abi.json generated with the library carries the same value as
// "fingerprint"; the bindings compare the two when they load the library and
// refuse a library built from another ABI. The string must not be freed or
// modified.
//
// Returns:
//   - a static string of 64 lowercase hexadecimal digits
//
//abigen:bindings
//export cryptogo_abi_fingerprint
func cryptogo_abi_fingerprint() *C.cryptogo_cchar { return abiFingerprintString }

var abiFingerprintString = cstr(abiFingerprint)
