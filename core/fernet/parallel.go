package fernet

import (
	"crypto/aes"
	"crypto/cipher"
	"runtime"

	"github.com/cryptogo/libcrypto-go/core/internal/b64"
)

// Streaming paths for large tokens.

const (
	// fernetChunk is the step of the fused single-core loops: small enough
	// that a chunk stays in L1 between its CBC, HMAC and base64 passes.
	fernetChunk = 3 << 10
	// fernetParallelMin is the ciphertext size from which encryption and
	// decryption use a second goroutine. Measured on a loaded 2-core
	// machine: at 64 and 128 KiB the hand-off costs about what it saves
	// (the second core is often busy), at 1 MiB it saves 20-35%.
	fernetParallelMin = 256 << 10
	// fernetParChunk is the hand-off step between the two goroutines.
	fernetParChunk = 16 << 10
)

// parallelOK reports whether a second goroutine can run at the same time.
func parallelOK() bool { return runtime.GOMAXPROCS(0) > 1 }

// fernetDecryptParallel is the body loop of decryptCanonical on two
// goroutines, without duplicating any work: the caller decodes the body
// quanta (chars) into out[bodyOff:] and feeds the HMAC, chunk by chunk, and
// hands each fernetParChunk of authenticated-so-far ciphertext to a helper
// goroutine that CBC-decrypts it in place. It returns how much of out is
// decrypted (c) and fed to the HMAC (m), or false if a character is outside
// the alphabet. Nothing is released here: the caller checks the HMAC before
// anything else.
func fernetDecryptParallel(s *fernetState, cbc cipher.BlockMode, out []byte, bodyOff int, chars []byte) (c, m int, good bool) {
	const step = fernetChunk / 3 * 4
	steps := make(chan int, len(chars)/4*3/fernetParChunk+2)
	done := make(chan any, 1)
	go func() {
		c := 0
		defer func() {
			if r := recover(); r != nil {
				done <- helperPanic{r}
				return
			}
			done <- c
		}()
		for e := range steps {
			e &^= aes.BlockSize - 1
			cbc.CryptBlocks(out[c:e], out[c:e])
			c = e
		}
	}()
	good, sent := true, 0
	for i := 0; i < len(chars); i += step {
		src := chars[i:min(i+step, len(chars))]
		if !b64.DecodeQuanta(out[bodyOff+i/4*3:], src) {
			good = false
			break
		}
		end := bodyOff + (i+len(src))/4*3
		s.mac.Write(out[m:end])
		m = end
		if m-sent >= fernetParChunk {
			steps <- m
			sent = m
		}
	}
	if good && sent < m {
		steps <- m
	}
	close(steps)
	switch r := (<-done).(type) {
	case helperPanic:
		panic(r.v)
	case int:
		c = r
	}
	return c, m, good
}

// helperPanic carries a helper goroutine's panic to the calling goroutine,
// where the C ABI's guard can recover it.
type helperPanic struct{ v any }

// fernetEncryptParallel is the body loop of encryptTo on two goroutines: a
// helper CBC-encrypts msg into the token chunk by chunk, while the caller
// authenticates and base64-encodes each chunk behind it.
func fernetEncryptParallel(s *fernetState, cbc cipher.BlockMode, enc *b64.Encoder, off int, raw, msg []byte) {
	full := len(msg)
	body := raw[fernetHeader:]
	steps := make(chan int, (full+fernetParChunk-1)/fernetParChunk+1)
	var panicked any // written before the helper's last send
	go func() {
		defer func() {
			if r := recover(); r != nil {
				panicked = r
				steps <- -1
			}
		}()
		for p := 0; p < full; {
			q := min(p+fernetParChunk, full)
			cbc.CryptBlocks(body[p:q], msg[p:q])
			steps <- q
			p = q
		}
	}()
	s.mac.Write(raw[:fernetHeader])
	for p := 0; p < full; {
		q := <-steps
		if q < 0 {
			panic(panicked)
		}
		s.mac.Write(body[p:q])
		enc.UpTo(off + fernetHeader + q)
		p = q
	}
}
