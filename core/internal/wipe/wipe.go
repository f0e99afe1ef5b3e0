// Package wipe zeroes secret values that the standard library keeps in
// types without a wipe method of their own.
package wipe

import "math/big"

// Int zeroes the words of x, up to their capacity, and sets x to 0.
func Int(x *big.Int) {
	if x == nil {
		return
	}
	w := x.Bits()
	clear(w[:cap(w)])
	x.SetInt64(0)
}
