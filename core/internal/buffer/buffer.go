// Package buffer has the buffer helpers of core's append-style APIs: growing a
// caller's slice in place, and a pool of scratch buffers.
package buffer

import "sync"

// Grow extends in by n bytes, reusing its capacity when it suffices, and
// returns the whole slice and the new tail (like crypto/cipher's
// sliceForAppend).
func Grow(in []byte, n int) (head, tail []byte) {
	total := len(in) + n
	if cap(in) >= total {
		head = in[:total]
	} else {
		head = make([]byte, total)
		copy(head, in)
	}
	return head, head[len(in):]
}

var pool = sync.Pool{New: func() any { return new([]byte) }}

// Get returns a pooled buffer of capacity at least n.
func Get(n int) *[]byte {
	p := pool.Get().(*[]byte)
	if cap(*p) < n {
		*p = make([]byte, 0, n)
	}
	return p
}

// Put returns a buffer to the pool, zeroing it first when it held secrets.
// Large buffers are left to the garbage collector.
func Put(p *[]byte, secret bool) {
	if secret {
		clear((*p)[:cap(*p)])
	}
	if cap(*p) <= 64<<10 {
		pool.Put(p)
	}
}
