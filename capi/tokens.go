package main

/*
#include <stdlib.h>
*/
import "C"

import "unsafe"

// Handle tokens. A token is the address of one byte in a block of C memory
// that the library allocates, never touches and never frees: no allocator
// can hand that address to anything else, and the library issues each byte
// once, so a token is unique for the life of the process (a freed handle's
// token is never reissued: it is the handle's generation, without a counter
// that could wrap). The cost is one byte of untouched address space per
// handle ever created (a 1 MiB block per 1,048,576 handles; the pages are
// never written, so they take no physical memory). Tokens are C addresses,
// never Go memory, so the garbage collector ignores them; the library never
// dereferences one.

const tokenBlock = 1 << 20

var (
	tokenBase unsafe.Pointer // current block, under tableMu
	tokenUsed int            // bytes of it issued, under tableMu
)

// newToken returns a new, never-issued token. Called with tableMu held.
func newToken() unsafe.Pointer {
	if tokenBase == nil || tokenUsed == tokenBlock {
		b := C.malloc(tokenBlock)
		if b == nil {
			panic("cryptogo: out of memory for handle tokens")
		}
		tokenBase, tokenUsed = b, 0
	}
	p := unsafe.Add(tokenBase, tokenUsed)
	tokenUsed++
	return p
}
