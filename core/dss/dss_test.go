package dss

import (
	"bytes"
	"encoding/hex"
	"errors"
	"math/big"
	"testing"

	"github.com/cryptogo/libcrypto-go/core"
)

func unhex(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestDSSPycaVectors: pyca's test_dss_signature values, byte for byte.
func TestDSSPycaVectors(t *testing.T) {
	r2, _ := new(big.Int).SetString("1037234182290683143945502320610861668562885151617", 10)
	s2, _ := new(big.Int).SetString("559776156650501990899426031439030258256861634312", 10)
	for _, c := range []struct {
		r, s []byte
		der  string
	}{
		{[]byte{1}, []byte{1}, "3006020101020101"},
		{nil, nil, "3006020100020100"},
		{[]byte{0, 0, 1}, []byte{0}, "3006020101020100"},
		{r2.Bytes(), s2.Bytes(), "302d021500b5af307867fb8b54390013cc67020ddf1f2c0b810214620d3b22ab5031440c3e35eab6f481298f9e9f08"},
	} {
		der, err := EncodeSignature(c.r, c.s)
		if err != nil || hex.EncodeToString(der) != c.der {
			t.Fatalf("encode %x %x = %x, %v; want %s", c.r, c.s, der, err, c.der)
		}
		if len(der) > EncodedSize(len(c.r), len(c.s)) {
			t.Fatalf("EncodedSize too small for %x", der)
		}
		r, s, err := DecodeSignature(der)
		if err != nil {
			t.Fatal(err)
		}
		if new(big.Int).SetBytes(r).Cmp(new(big.Int).SetBytes(c.r)) != 0 || new(big.Int).SetBytes(s).Cmp(new(big.Int).SetBytes(c.s)) != 0 {
			t.Fatalf("decode %s = %x %x", c.der, r, s)
		}
		if len(r) > 0 && r[0] == 0 || len(s) > 0 && s[0] == 0 {
			t.Fatalf("decode %s: not minimal %x %x", c.der, r, s)
		}
	}
}

// TestDSSDecodeStrict: what pyca's strict DER parser refuses.
func TestDSSDecodeStrict(t *testing.T) {
	for name, h := range map[string]string{
		"trailing bytes (pyca)":         "3006020101020101000000",
		"invalid lengths (pyca)":        "30070201010202 01",
		"BER end of contents (pyca)":    "0000",
		"empty":                         "",
		"negative r":                    "3006020180020101",
		"negative s":                    "30060201010201ff",
		"non-minimal r":                 "300702020001020101",
		"non-minimal zero":              "300702020000020101",
		"empty integer":                 "30050200020101",
		"one integer":                   "3003020101",
		"three integers":                "3009020101020101020101",
		"not a sequence":                "3106020101020101",
		"indefinite length":             "3080020101020101 0000",
		"long-form length, not minimal": "308106020101020101",
		"wrong inner tag":               "3006020101030101",
	} {
		b := unhex(t, removeSpaces(h))
		if _, _, err := DecodeSignature(b); !errors.Is(err, core.ErrInvalidArgument) {
			t.Errorf("%s: %v, want core.ErrInvalidArgument", name, err)
		}
	}
	// A high first byte needs the 0x00 prefix, which is then minimal.
	r, s, err := DecodeSignature(unhex(t, "300702020080020101"))
	if err != nil || !bytes.Equal(r, []byte{0x80}) || !bytes.Equal(s, []byte{1}) {
		t.Fatalf("0x80: %x %x %v", r, s, err)
	}
}

func removeSpaces(s string) string { return string(bytes.ReplaceAll([]byte(s), []byte(" "), nil)) }

func TestDSSLimits(t *testing.T) {
	big := make([]byte, MaxIntegerSize+1)
	if _, err := EncodeSignature(big, nil); !errors.Is(err, core.ErrInvalidArgument) {
		t.Fatal(err)
	}
	ok := bytes.Repeat([]byte{0xff}, MaxIntegerSize)
	der, err := EncodeSignature(ok, ok)
	if err != nil || len(der) > EncodedSize(len(ok), len(ok)) {
		t.Fatal(err, len(der))
	}
	r, s, err := DecodeSignature(der)
	if err != nil || !bytes.Equal(r, ok) || !bytes.Equal(s, ok) {
		t.Fatal(err)
	}
}

func FuzzDSSDecode(f *testing.F) {
	f.Add([]byte{0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01})
	f.Fuzz(func(t *testing.T, sig []byte) {
		r, s, err := DecodeSignature(sig)
		if err != nil {
			return
		}
		// A signature that decodes re-encodes to itself (DER is unique).
		der, err := EncodeSignature(r, s)
		if err != nil || !bytes.Equal(der, sig) {
			t.Fatalf("%x decodes but re-encodes to %x (%v)", sig, der, err)
		}
	})
}
