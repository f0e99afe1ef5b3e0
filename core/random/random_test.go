package random

import (
	"bytes"
	"sync"
	"testing"
)

func TestRandomBytes(t *testing.T) {
	Bytes(nil) // no-op
	Bytes([]byte{})
	seen := map[string]bool{}
	for _, n := range []int{1, 16, 32, 1000, 1 << 16} {
		a, b := make([]byte, n), make([]byte, n)
		Bytes(a)
		Bytes(b)
		if n >= 16 && (bytes.Equal(a, b) || bytes.Equal(a, make([]byte, n))) {
			t.Fatalf("Bytes(%d): repeated or zero output", n)
		}
		if n >= 16 {
			if seen[string(a[:16])] {
				t.Fatal("repeated 16-byte prefix")
			}
			seen[string(a[:16])] = true
		}
	}
	// Roughly balanced bits over 64 KiB (expect 262144 ± ~512 per sigma).
	buf := make([]byte, 1<<16)
	Bytes(buf)
	ones := 0
	for _, b := range buf {
		for ; b != 0; b &= b - 1 {
			ones++
		}
	}
	if ones < 262144-5000 || ones > 262144+5000 {
		t.Fatalf("%d one bits in 524288", ones)
	}
}

func TestRandomBytesConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b := make([]byte, 64)
			for i := 0; i < 100; i++ {
				Bytes(b)
			}
		}()
	}
	wg.Wait()
}
