// Package random supplies cryptographically secure random bytes.
package random

import "crypto/rand"

// Bytes fills dst with cryptographically secure random bytes from
// crypto/rand (the operating system's CSPRNG: getrandom(2) on Linux), like
// Python's os.urandom, which pyca uses for keys, IVs and nonces.
//
// It never fails: crypto/rand.Read always fills the buffer, and crashes the
// program irrecoverably in the (legacy-kernel-only) case where the operating
// system cannot supply randomness, rather than returning predictable bytes.
// Safe for concurrent use.
func Bytes(dst []byte) {
	if len(dst) == 0 {
		return
	}
	_, _ = rand.Read(dst) // documented never to return an error
}
