package rc2

import (
	"bytes"
	"encoding/hex"
	"testing"
)

// RFC 2268 section 5 test vectors.
func TestVectors(t *testing.T) {
	vectors := []struct {
		key, pt, ct string
		bits        int
	}{
		{"0000000000000000", "0000000000000000", "ebb773f993278eff", 63},
		{"ffffffffffffffff", "ffffffffffffffff", "278b27e42e2f0d49", 64},
		{"3000000000000000", "1000000000000001", "30649edf9be7d2c2", 64},
		{"88", "0000000000000000", "61a8a244adacccf0", 64},
		{"88bca90e90875a", "0000000000000000", "6ccf4308974c267f", 64},
		{"88bca90e90875a7f0f79c384627bafb2", "0000000000000000", "1a807d272bbe5db1", 64},
		{"88bca90e90875a7f0f79c384627bafb2", "0000000000000000", "2269552ab0f85ca6", 128},
		{"88bca90e90875a7f0f79c384627bafb216f80a6f85920584c42fceb0be255daf1e", "0000000000000000", "5b78d3a43dfff1f1", 129},
	}
	for _, v := range vectors {
		key, _ := hex.DecodeString(v.key)
		pt, _ := hex.DecodeString(v.pt)
		c, err := New(key, v.bits)
		if err != nil {
			t.Fatal(err)
		}
		out := make([]byte, 8)
		c.Encrypt(out, pt)
		if hex.EncodeToString(out) != v.ct {
			t.Errorf("key %s bits %d: encrypt %x, want %s", v.key, v.bits, out, v.ct)
		}
		c.Decrypt(out, out)
		if !bytes.Equal(out, pt) {
			t.Errorf("key %s bits %d: decrypt %x", v.key, v.bits, out)
		}
	}
}
