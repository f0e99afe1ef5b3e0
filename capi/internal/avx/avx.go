// Package avx clears the upper halves of the AVX registers on entry to the
// C ABI.
//
// A caller that leaves them dirty (OpenSSL's AVX-512 code does, as seen when
// pyca's ChaCha20 ran on the same thread) makes every legacy-SSE instruction
// Go then executes (SHA-NI, AES-NI GCM, and through them HMAC, PBKDF2, RSA)
// pay a state-transition penalty: PBKDF2 measured 45x slower. VZEROUPPER on
// entry to every export restores a clean state for about a cycle.
package avx

// Clean executes VZEROUPPER where the CPU and OS support AVX; elsewhere it
// does nothing.
func Clean() {
	if hasAVX {
		vzeroupper()
	}
}
