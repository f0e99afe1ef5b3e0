package fernet

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/random"
)

// TestFernetCanonicalPath checks the streaming decryption of canonical
// tokens (decryptCanonical, with its parallel variant above
// fernetParallelMin) against the general path, which decodes exactly as
// Python does, on valid tokens and on hostile variants of them.
func TestFernetCanonicalPath(t *testing.T) {
	f := mustFernet(t, specKey)
	sizes := []int{0, 1, 2, 15, 16, 17, 31, 32, 33, 47, 48, 100, 3071, 3072, 3073, 4096, 10000}
	if !testing.Short() {
		sizes = append(sizes, fernetParallelMin-1, fernetParallelMin+15, fernetParallelMin+16, 200003)
	} else {
		sizes = append(sizes, fernetParallelMin+16)
	}
	var rnd [4]byte
	rand := func(n int) int { random.Bytes(rnd[:]); return int(binary.LittleEndian.Uint32(rnd[:]) % uint32(n)) }
	counts := map[[2]bool]int{} // {handled, ok} -> cases
	defer func() {
		t.Logf("canonical path: %d decrypted, %d rejected; %d left to the general path",
			counts[[2]bool{true, true}], counts[[2]bool{true, false}], counts[[2]bool{false, true}])
	}()
	// allOf reports whether b is all c.
	allOf := func(b []byte, c byte) bool { return bytes.Count(b, []byte{c}) == len(b) }
	check := func(desc string, tok []byte) {
		t.Helper()
		want, werr := f.decryptGeneral(nil, tok, false, 0, 0)
		spare := MaxPlaintextSize(len(tok))
		dst := bytes.Repeat([]byte{0xAA}, 3+spare)[:3]
		got, handled, gerr := f.decryptCanonical(dst, tok, false, 0, 0)
		counts[[2]bool{handled, gerr == nil}]++
		// Without a result, the output region is untouched or zeroed.
		if region := dst[3 : 3+spare]; (!handled || gerr != nil) && !allOf(region, 0) && !allOf(region, 0xAA) {
			t.Fatalf("%s: output region not zeroed (handled %v, %v)", desc, handled, gerr)
		}
		if !handled {
			got, gerr = f.DecryptTo(dst, tok, nil)
		}
		if (werr == nil) != (gerr == nil) {
			t.Fatalf("%s (len %d): general %v, canonical %v (handled %v)", desc, len(tok), werr, gerr, handled)
		}
		if werr != nil {
			if !errors.Is(gerr, core.ErrInvalidToken) || got != nil {
				t.Fatalf("%s: %v", desc, gerr)
			}
			return
		}
		if string(got[:3]) != "\xaa\xaa\xaa" || !bytes.Equal(got[3:], want) {
			t.Fatalf("%s: plaintexts differ", desc)
		}
	}
	for _, n := range sizes {
		msg := make([]byte, n)
		random.Bytes(msg)
		tok, _ := f.EncryptAtTime(msg, 12345)
		if got, handled, err := f.decryptCanonical(nil, tok, false, 0, 0); !handled || err != nil || !bytes.Equal(got, msg) {
			t.Fatalf("n=%d: canonical path: handled %v, %v", n, handled, err)
		}
		check(fmt.Sprintf("n=%d valid", n), tok)
		std := strings.NewReplacer("-", "+", "_", "/").Replace(string(tok))
		check(fmt.Sprintf("n=%d standard alphabet", n), []byte(std))
		check(fmt.Sprintf("n=%d no padding", n), bytes.TrimRight(tok, "="))
		check(fmt.Sprintf("n=%d extra padding", n), append(bytes.Clone(tok), "===="...))
		check(fmt.Sprintf("n=%d appended quanta", n), append(bytes.TrimRight(tok, "="), "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"...))
		check(fmt.Sprintf("n=%d data after padding", n), append(bytes.Clone(tok), "QUJD"...))
		check(fmt.Sprintf("n=%d truncated", n), tok[:len(tok)-4])
		iters := 60
		if n > 20000 {
			iters = 12
		}
		for it := 0; it < iters; it++ {
			c := bytes.Clone(tok)
			pos := rand(len(c))
			switch it % 6 {
			case 0: // another alphabet character
				c[pos] = urlAlphabet[rand(64)]
			case 1: // any byte
				c[pos] = byte(rand(256))
			case 2: // a skipped character inserted (not canonical any more)
				c = append(c[:pos], append([]byte{"\n =%\xff"[rand(5)]}, c[pos:]...)...)
			case 3: // near the ends, where the header and tail are
				if pos%2 == 0 {
					pos = rand(min(40, len(c)))
				} else {
					pos = len(c) - 1 - rand(min(80, len(c)))
				}
				c[pos] = urlAlphabet[rand(64)]
			case 4: // a character removed
				c = append(c[:pos], c[pos+1:]...)
			case 5: // '=' somewhere
				c[pos] = '='
			}
			check(fmt.Sprintf("n=%d mutation %d at %d", n, it%6, pos), c)
		}
	}
	// Forged tokens (valid HMAC) with bad padding or structure, through
	// both paths.
	for _, ctLen := range []int{16, 32, 48, fernetParallelMin + 32} {
		body := append([]byte{0x80, 0, 0, 0, 0, 0, 0, 0, 9}, make([]byte, 16+ctLen)...)
		random.Bytes(body[9:])
		check(fmt.Sprintf("forged ct %d", ctLen), forgeFernet(specKey, body))
	}
}

// urlAlphabet is the url-safe base64 alphabet (RFC 4648 section 5).
const urlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
