// Package wipe zeroes secret values that the standard library keeps in
// types without a wipe method of their own.
package wipe

import (
	"math/big"
	"unsafe"
)

// Int zeroes the words of x, up to their capacity, and sets x to 0.
func Int(x *big.Int) {
	if x == nil {
		return
	}
	w := x.Bits()
	clear(w[:cap(w)])
	x.SetInt64(0)
}

// StringView returns the bytes of b as a string without copying them, for
// APIs that take a secret as a string (crypto/pbkdf2.Key's password): a
// string(b) conversion would leave a copy no one can wipe. The string is
// valid only while b is neither modified nor wiped, so pass it only to a
// call that does not retain it, and wipe b afterwards as usual.
func StringView(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}
