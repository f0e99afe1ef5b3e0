package aead

import (
	"bytes"
	"errors"
	"fmt"
	"sync"
	"syscall"
	"testing"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/random"
)

// aeadCase describes one AEAD for the generic property suite.
type aeadCase struct {
	name       string
	new        func(t testing.TB) AEAD
	nonceSizes []int // accepted sizes to exercise
	badNonces  []int // rejected sizes
}

var aeadCases = []aeadCase{
	{
		name: "AESGCM-128",
		new: func(t testing.TB) AEAD {
			k, _ := GenerateAESGCMKey(128)
			a, err := NewAESGCM(k)
			return mustAEAD(t, a, err)
		},
		nonceSizes: []int{12, 8, 16, 128},
		badNonces:  []int{0, 1, 7, 129},
	},
	{
		name: "AESGCM-256",
		new: func(t testing.TB) AEAD {
			k, _ := GenerateAESGCMKey(256)
			a, err := NewAESGCM(k)
			return mustAEAD(t, a, err)
		},
		nonceSizes: []int{12, 13},
		badNonces:  []int{0, 200},
	},
	{
		name: "ChaCha20Poly1305",
		new: func(t testing.TB) AEAD {
			a, err := NewChaCha20Poly1305(GenerateChaCha20Poly1305Key())
			return mustAEAD(t, a, err)
		},
		nonceSizes: []int{12},
		badNonces:  []int{0, 8, 11, 13, 24},
	},
}

func mustAEAD(t testing.TB, a AEAD, err error) AEAD {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func symRand(n int) []byte {
	b := make([]byte, n)
	random.Bytes(b)
	return b
}

// TestAEADProperties is the generic AEAD suite (in the spirit of Go's
// cryptotest.TestAEAD), run against every AEAD.
func TestAEADProperties(t *testing.T) {
	for _, c := range aeadCases {
		t.Run(c.name, func(t *testing.T) {
			a := c.new(t)
			for _, ns := range c.nonceSizes {
				for _, n := range []int{0, 1, 15, 16, 17, 100} {
					for _, adLen := range []int{0, 5} {
						t.Run(fmt.Sprintf("nonce%d/pt%d/ad%d", ns, n, adLen), func(t *testing.T) {
							testAEADOnce(t, a, symRand(ns), symRand(n), symRand(adLen))
						})
					}
				}
			}
			for _, ns := range c.badNonces {
				nonce := make([]byte, ns)
				if _, err := a.Encrypt(nonce, []byte("x"), nil); !errors.Is(err, core.ErrInvalidArgument) {
					t.Errorf("Encrypt with a %d-byte nonce: %v", ns, err)
				}
				if _, err := a.Decrypt(nonce, make([]byte, 32), nil); !errors.Is(err, core.ErrInvalidArgument) {
					t.Errorf("Decrypt with a %d-byte nonce: %v", ns, err)
				}
			}
			if a.Overhead() != TagSize {
				t.Errorf("Overhead %d", a.Overhead())
			}
		})
	}
}

func testAEADOnce(t *testing.T, a AEAD, nonce, pt, ad []byte) {
	nonce0, pt0, ad0 := bytes.Clone(nonce), bytes.Clone(pt), bytes.Clone(ad)
	untouched := func(what string) {
		t.Helper()
		if !bytes.Equal(nonce, nonce0) || !bytes.Equal(pt, pt0) || !bytes.Equal(ad, ad0) {
			t.Fatalf("%s modified an input", what)
		}
	}

	ct, err := a.Encrypt(nonce, pt, ad)
	if err != nil {
		t.Fatal(err)
	}
	untouched("Encrypt")
	if size, _ := a.SealSize(len(pt), len(ad)); len(ct) != size || size != len(pt)+TagSize {
		t.Fatalf("ciphertext length %d, SealSize %d", len(ct), size)
	}
	if a.OpenSize(len(ct)) != len(pt) {
		t.Fatalf("OpenSize %d", a.OpenSize(len(ct)))
	}
	ct0 := bytes.Clone(ct)
	got, err := a.Decrypt(nonce, ct, ad)
	if err != nil || !bytes.Equal(got, pt) {
		t.Fatalf("round trip: %v", err)
	}
	untouched("Decrypt")
	if !bytes.Equal(ct, ct0) {
		t.Fatal("Decrypt modified the ciphertext")
	}
	// nil and empty associated data are the same.
	if len(ad) == 0 {
		if got, err := a.Decrypt(nonce, ct, []byte{}); err != nil || !bytes.Equal(got, pt) {
			t.Fatalf("empty vs nil ad: %v", err)
		}
	}

	// Seal/Open append after a prefix, in place when there is room.
	prefix := []byte("prefix")
	dst := append(make([]byte, 0, len(prefix)+len(ct)), prefix...)
	sealed, err := a.Seal(dst, nonce, pt, ad)
	if err != nil || !bytes.Equal(sealed[:len(prefix)], prefix) || &sealed[0] != &dst[0] {
		t.Fatalf("Seal into dst: %v", err)
	}
	odst := append(make([]byte, 0, len(prefix)+len(pt)), prefix...)
	opened, err := a.Open(odst, nonce, ct, ad)
	if err != nil || !bytes.Equal(opened[len(prefix):], pt) || !bytes.Equal(opened[:len(prefix)], prefix) {
		t.Fatalf("Open into dst: %v", err)
	}
	if len(pt) > 0 && &opened[0] != &odst[0] {
		t.Fatal("Open reallocated although dst had room")
	}

	// Exact in-place encryption and decryption.
	buf := make([]byte, len(pt), len(pt)+TagSize)
	copy(buf, pt)
	inplace, err := a.Seal(buf[:0], nonce, buf, ad)
	if err != nil || !bytes.Equal(inplace, ct) {
		t.Fatalf("in-place Seal: %v", err)
	}
	back, err := a.Open(inplace[:0], nonce, inplace, ad)
	if err != nil || !bytes.Equal(back, pt) {
		t.Fatalf("in-place Open: %v", err)
	}
	// An inexact overlap is refused, never a panic.
	if len(pt) > 1 {
		big := make([]byte, len(pt)+TagSize+1)
		copy(big[1:], pt)
		if _, err := a.Seal(big[:0], nonce, big[1:1+len(pt)], ad); !errors.Is(err, core.ErrInvalidArgument) {
			t.Fatalf("overlapping Seal: %v", err)
		}
		copy(big[1:], ct)
		if _, err := a.Open(big[:0], nonce, big[1:1+len(ct)], ad); !errors.Is(err, core.ErrInvalidArgument) {
			t.Fatalf("overlapping Open: %v", err)
		}
	}

	// Every tampering fails with core.ErrInvalidTag and zeroes the output region.
	fail := func(what string, nonce, ct, ad []byte) {
		t.Helper()
		out := bytes.Repeat([]byte{0xAA}, len(ct)+8)
		res, err := a.Open(out[:0], nonce, ct, ad)
		if !errors.Is(err, core.ErrInvalidTag) || res != nil {
			t.Fatalf("%s: got %v, %v; want core.ErrInvalidTag", what, res, err)
		}
		if n := a.OpenSize(len(ct)); !bytes.Equal(out[:n], make([]byte, n)) {
			t.Fatalf("%s: output not zeroed", what)
		}
		if _, err := a.Decrypt(nonce, ct, ad); !errors.Is(err, core.ErrInvalidTag) {
			t.Fatalf("%s: Decrypt: %v", what, err)
		}
	}
	for i := 0; i < len(nonce); i += max(1, len(nonce)/4) {
		n := bytes.Clone(nonce)
		n[i] ^= 0x01
		fail("flipped nonce", n, ct, ad)
	}
	fail("extra ad", nonce, ct, append(bytes.Clone(ad), 0))
	if len(ad) > 0 {
		x := bytes.Clone(ad)
		x[0] ^= 0x80
		fail("flipped ad", nonce, ct, x)
		fail("no ad", nonce, ct, nil)
	}
	for bit := 0; bit < 8*TagSize; bit++ {
		c := bytes.Clone(ct)
		c[len(pt)+bit/8] ^= 1 << (bit % 8)
		fail("flipped tag bit", nonce, c, ad)
	}
	for i := 0; i < len(pt); i += max(1, len(pt)/8) {
		c := bytes.Clone(ct)
		c[i] ^= 0x10
		fail("flipped ciphertext", nonce, c, ad)
	}
	fail("truncated", nonce, ct[:len(ct)-1], ad)
	fail("extended", nonce, append(bytes.Clone(ct), 0), ad)
	fail("shorter than the tag", nonce, ct[:TagSize-1], ad)
	fail("empty", nonce, nil, ad)
	untouched("failed Open")
	if !bytes.Equal(ct, ct0) {
		t.Fatal("a failed Open modified the ciphertext")
	}
	// A failed in-place Open zeroes the buffer it was given.
	if len(pt) > 0 {
		c := bytes.Clone(ct)
		c[len(c)-1] ^= 1
		if _, err := a.Open(c[:0], nonce, c, ad); !errors.Is(err, core.ErrInvalidTag) {
			t.Fatal(err)
		}
		if !bytes.Equal(c[:len(pt)], make([]byte, len(pt))) {
			t.Fatal("failed in-place Open did not zero the output")
		}
	}
}

func TestAEADKeys(t *testing.T) {
	for _, n := range []int{0, 1, 15, 17, 23, 25, 31, 33, 64} {
		_, err := NewAESGCM(make([]byte, n))
		if !errors.Is(err, core.ErrInvalidArgument) || err.Error() != "invalid argument: AESGCM key must be 128, 192, or 256 bits." {
			t.Errorf("AESGCM %d-byte key: %v", n, err)
		}
	}
	for _, n := range []int{16, 24, 32} {
		if _, err := NewAESGCM(make([]byte, n)); err != nil {
			t.Errorf("AESGCM %d-byte key: %v", n, err)
		}
	}
	for _, n := range []int{0, 16, 31, 33} {
		_, err := NewChaCha20Poly1305(make([]byte, n))
		if !errors.Is(err, core.ErrInvalidArgument) || err.Error() != "invalid argument: ChaCha20Poly1305 key must be 32 bytes." {
			t.Errorf("ChaCha20Poly1305 %d-byte key: %v", n, err)
		}
	}
	for _, bits := range []int{0, 64, 512} {
		if _, err := GenerateAESGCMKey(bits); !errors.Is(err, core.ErrInvalidArgument) {
			t.Errorf("GenerateAESGCMKey(%d): %v", bits, err)
		}
	}
	if k, _ := GenerateAESGCMKey(192); len(k) != 24 {
		t.Error("GenerateAESGCMKey(192)")
	}
	if len(GenerateChaCha20Poly1305Key()) != 32 {
		t.Error("GenerateChaCha20Poly1305Key")
	}
	// The key is copied: changing the caller's buffer changes nothing.
	key := make([]byte, 32)
	a, _ := NewAESGCM(key)
	c, _ := NewChaCha20Poly1305(key)
	nonce := make([]byte, 12)
	ca, _ := a.Encrypt(nonce, []byte("m"), nil)
	cc, _ := c.Encrypt(nonce, []byte("m"), nil)
	key[0] = 1
	if _, err := a.Decrypt(nonce, ca, nil); err != nil {
		t.Error("AESGCM shares the caller's key buffer")
	}
	if _, err := c.Decrypt(nonce, cc, nil); err != nil {
		t.Error("ChaCha20Poly1305 shares the caller's key buffer")
	}
}

func TestAEADMessages(t *testing.T) {
	a, _ := NewAESGCM(make([]byte, 16))
	c, _ := NewChaCha20Poly1305(make([]byte, 32))
	if _, err := a.Encrypt(make([]byte, 7), nil, nil); err == nil || err.Error() != "invalid argument: Nonce must be between 8 and 128 bytes" {
		t.Errorf("AESGCM nonce message: %v", err)
	}
	if _, err := c.Encrypt(make([]byte, 7), nil, nil); err == nil || err.Error() != "invalid argument: Nonce must be 12 bytes" {
		t.Errorf("ChaCha20Poly1305 nonce message: %v", err)
	}
}

// TestAEADOverflow: pyca raises OverflowError on encryption when the data or
// the associated data is 2^31 bytes or more, before looking at the nonce; it
// does not limit decryption. The 2 GiB input is an untouched anonymous
// mapping, so the test costs no memory.
func TestAEADOverflow(t *testing.T) {
	huge, err := syscall.Mmap(-1, 0, MaxInput+1, syscall.PROT_READ, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		t.Skipf("cannot map 2 GiB of address space: %v", err)
	}
	defer syscall.Munmap(huge)
	for _, c := range aeadCases {
		a := c.new(t)
		for _, nonce := range [][]byte{make([]byte, 12), make([]byte, 3)} {
			if _, err := a.Seal(nil, nonce, huge, nil); !errors.Is(err, core.ErrOverflow) {
				t.Errorf("%s: Seal of 2^31 bytes: %v", c.name, err)
			}
			if _, err := a.Seal(nil, nonce, nil, huge); !errors.Is(err, core.ErrOverflow) {
				t.Errorf("%s: Seal with 2^31 bytes of ad: %v", c.name, err)
			}
			if _, err := a.Encrypt(nonce, huge, nil); !errors.Is(err, core.ErrOverflow) {
				t.Errorf("%s: Encrypt of 2^31 bytes: %v", c.name, err)
			}
		}
		if _, err := a.Open(nil, make([]byte, 3), huge, nil); !errors.Is(err, core.ErrInvalidArgument) {
			t.Errorf("%s: Open with a bad nonce checks the nonce first: %v", c.name, err)
		}
		if n, err := a.SealSize(MaxInput, MaxInput); err != nil || n != MaxInput+TagSize {
			t.Errorf("%s: SealSize at the limit: %d, %v", c.name, n, err)
		}
		for _, sz := range [][2]int{{MaxInput + 1, 0}, {0, MaxInput + 1}, {-1, 0}} {
			if _, err := a.SealSize(sz[0], sz[1]); !errors.Is(err, core.ErrOverflow) {
				t.Errorf("%s: SealSize%v: %v", c.name, sz, err)
			}
		}
	}
}

func TestAEADWipe(t *testing.T) {
	for _, c := range aeadCases {
		a := c.new(t)
		nonce := make([]byte, 12)
		ct, _ := a.Encrypt(nonce, []byte("m"), nil)
		a.Wipe()
		if _, err := a.Encrypt(nonce, []byte("m"), nil); !errors.Is(err, core.ErrInvalidArgument) {
			t.Errorf("%s: Encrypt after Wipe: %v", c.name, err)
		}
		if _, err := a.Decrypt(nonce, ct, nil); !errors.Is(err, core.ErrInvalidArgument) {
			t.Errorf("%s: Decrypt after Wipe: %v", c.name, err)
		}
		var key []byte
		switch k := a.(type) {
		case *AESGCM:
			key = k.key
		case *ChaCha20Poly1305:
			key = k.key
		}
		if !bytes.Equal(key, make([]byte, len(key))) {
			t.Errorf("%s: Wipe left key bytes", c.name)
		}
	}
}

// TestAEADConcurrent shares each AEAD between goroutines, with several
// nonce sizes so that AESGCM builds its per-size GCMs concurrently (-race).
func TestAEADConcurrent(t *testing.T) {
	for _, c := range aeadCases {
		a := c.new(t)
		var wg sync.WaitGroup
		for g := 0; g < 8; g++ {
			wg.Add(1)
			go func(g int) {
				defer wg.Done()
				for i := 0; i < 50; i++ {
					nonce := symRand(c.nonceSizes[(g+i)%len(c.nonceSizes)])
					pt := symRand(i)
					ct, err := a.Encrypt(nonce, pt, nil)
					if err != nil {
						t.Error(err)
						return
					}
					if got, err := a.Decrypt(nonce, ct, nil); err != nil || !bytes.Equal(got, pt) {
						t.Errorf("%s: %v", c.name, err)
						return
					}
				}
			}(g)
		}
		wg.Wait()
	}
}
