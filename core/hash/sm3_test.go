package hash

import (
	"bytes"
	"encoding"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
)

// TestSM3StandardVectors: the two examples of GB/T 32905-2016 (appendix A).
func TestSM3StandardVectors(t *testing.T) {
	for _, c := range []struct{ msg, want string }{
		{"abc", "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"},
		{string(bytes.Repeat([]byte("abcd"), 16)), "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"},
	} {
		d, err := Digest(SM3, 0, []byte(c.msg))
		if err != nil || hex.EncodeToString(d) != c.want {
			t.Fatalf("SM3(%q) = %x, %v; want %s", c.msg, d, err, c.want)
		}
	}
	if SM3.Name() != "sm3" || SM3.Size() != 32 || SM3.BlockSize() != 64 || !SM3.Valid() {
		t.Fatal("SM3 table entry")
	}
}

func sm3Msg(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(31*i + 7)
	}
	return b
}

type sm3Vectors struct {
	Digests []struct {
		Len    int    `json:"len"`
		Digest string `json:"digest"`
	} `json:"digests"`
	HMAC []struct {
		KeyLen int    `json:"key_len"`
		Len    int    `json:"len"`
		MAC    string `json:"mac"`
	} `json:"hmac"`
}

// TestSM3AgainstPyca: digests and HMACs of many lengths (every padding
// boundary) as pyca/OpenSSL computed them; one-shot, byte-by-byte and
// chunked writes; Clone and MarshalBinary mid-stream.
func TestSM3AgainstPyca(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "sm3_pyca.json"))
	if err != nil {
		t.Fatal(err)
	}
	var v sm3Vectors
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	for _, c := range v.Digests {
		msg := sm3Msg(c.Len)
		want, _ := hex.DecodeString(c.Digest)
		if d, _ := Digest(SM3, 0, msg); !bytes.Equal(d, want) {
			t.Fatalf("len %d: %x, want %x", c.Len, d, want)
		}
		for _, chunk := range []int{1, 7, 64, 65} {
			h := newSM3()
			for p := msg; len(p) > 0; {
				n := min(chunk, len(p))
				h.Write(p[:n])
				p = p[n:]
			}
			if got := h.Sum(nil); !bytes.Equal(got, want) {
				t.Fatalf("len %d, chunks of %d: %x", c.Len, chunk, got)
			}
			if got := h.Sum(nil); !bytes.Equal(got, want) {
				t.Fatal("Sum changed the state")
			}
		}
		// Split at the middle: clone and marshal the running state.
		h := newSM3()
		h.Write(msg[:c.Len/2])
		state, _ := h.(encoding.BinaryMarshaler).MarshalBinary()
		restored := newSM3()
		if err := restored.(encoding.BinaryUnmarshaler).UnmarshalBinary(state); err != nil {
			t.Fatal(err)
		}
		restored.Write(msg[c.Len/2:])
		if got := restored.Sum(nil); !bytes.Equal(got, want) {
			t.Fatalf("len %d, marshaled mid-stream: %x", c.Len, got)
		}
		hs, err := New(SM3, 0)
		if err != nil {
			t.Fatal(err)
		}
		hs.Update(msg[:c.Len/3])
		cp, err := hs.Copy() // through hash.Cloner
		if err != nil {
			t.Fatal(err)
		}
		cp.Update(msg[c.Len/3:])
		if got, _ := cp.Finalize(); !bytes.Equal(got, want) {
			t.Fatalf("len %d, Hasher.Copy: %x", c.Len, got)
		}
	}
	for _, c := range v.HMAC {
		key := slices.Clone(sm3Msg(c.KeyLen))
		slices.Reverse(key)
		want, _ := hex.DecodeString(c.MAC)
		got, err := ComputeHMAC(key, SM3, sm3Msg(c.Len))
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("HMAC-SM3 key %d msg %d: %x, %v", c.KeyLen, c.Len, got, err)
		}
	}
	if err := newSM3().(encoding.BinaryUnmarshaler).UnmarshalBinary([]byte("sm3\x01short")); err == nil {
		t.Fatal("short state accepted")
	}
}

// BenchmarkSM3 reports SM3's throughput (b.SetBytes: MB/s; ns/byte is
// 1000 / MB/s) beside SHA-256's, both through Digest.
func BenchmarkSM3(b *testing.B) {
	for _, alg := range []Algorithm{SM3, SHA256} {
		for _, n := range []int{64, 1024, 16384} {
			msg := make([]byte, n)
			b.Run(alg.Name()+"/"+strconv.Itoa(n), func(b *testing.B) {
				b.SetBytes(int64(n))
				for b.Loop() {
					Digest(alg, 0, msg)
				}
			})
		}
	}
}
