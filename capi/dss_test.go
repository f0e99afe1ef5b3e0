//go:build unix

package main

import (
	"bytes"
	"encoding/hex"
	"testing"
)

// TestDSSSignatureExports: pyca's test_dss_signature values through the C
// ABI, the size query, strict decoding and the decode/encode round trip.
func TestDSSSignatureExports(t *testing.T) {
	r := []byte{0x00, 0xb5, 0xaf, 0x30, 0x78}
	s := []byte{0x62, 0x0d}
	want, _ := hex.DecodeString("300b020500b5af30780202620d")
	q := shimDSSEncode(r, s, 0)
	if q.RC != rcBufferTooSmall || q.Len != len(want) {
		t.Fatalf("size query: rc %d len %d", q.RC, q.Len)
	}
	got := shimDSSEncode(r, s, q.Len)
	if got.RC != rcOK || !bytes.Equal(got.Out(), want) {
		t.Fatalf("encode: rc %d %x", got.RC, got.Out())
	}
	if z := shimDSSEncode(nil, nil, 16); z.RC != rcOK || hex.EncodeToString(z.Out()) != "3006020100020100" {
		t.Fatalf("encode(0, 0): rc %d %x", z.RC, z.Out())
	}
	dec, rLen := shimDSSDecode(want, len(want))
	if dec.RC != rcOK || rLen != 4 || !bytes.Equal(dec.Out(), []byte{0xb5, 0xaf, 0x30, 0x78, 0x62, 0x0d}) {
		t.Fatalf("decode: rc %d r_len %d %x", dec.RC, rLen, dec.Out())
	}
	small, _ := shimDSSDecode(want, 5)
	if small.RC != rcBufferTooSmall || small.Len != 6 || small.Buf[0] != shimFill {
		t.Fatalf("decode, short buffer: rc %d len %d", small.RC, small.Len)
	}
	for _, bad := range []string{"3006020101020101000000", "300702010102020" + "1", "0000", "", "3006020180020101"} {
		b, _ := hex.DecodeString(bad)
		if res, _ := shimDSSDecode(b, 64); res.RC != rcInvalidArgument {
			t.Errorf("decode %s: rc %d, want INVALID_ARGUMENT", bad, res.RC)
		}
	}
	if res := shimDSSEncode(make([]byte, 1<<16+1), nil, 1<<17+64); res.RC != rcInvalidArgument {
		t.Errorf("encode of a 65537-byte r: rc %d", res.RC)
	}
}
