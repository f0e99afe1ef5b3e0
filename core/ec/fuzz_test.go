package ec_test

import (
	"errors"
	"testing"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/dss"
	"github.com/cryptogo/libcrypto-go/core/ec"
	"github.com/cryptogo/libcrypto-go/core/hash"
)

var fuzzCurves = []ec.Curve{ec.SECP224R1, ec.SECP256R1, ec.SECP384R1, ec.SECP521R1}

// FuzzECPoint: X9.62 point decoding (pyca's from_encoded_point) never
// panics, refuses with core.ErrInvalidArgument only, and a point it takes
// re-encodes (compressed and uncompressed) to the same key.
func FuzzECPoint(f *testing.F) {
	for i, c := range fuzzCurves {
		k, _ := ec.Generate(c)
		f.Add(uint8(i), k.Public().UncompressedPoint())
		f.Add(uint8(i), k.Public().CompressedPoint())
	}
	f.Add(uint8(1), []byte{0})
	f.Fuzz(func(t *testing.T, ci uint8, point []byte) {
		c := fuzzCurves[int(ci)%len(fuzzCurves)]
		k, err := ec.NewPublicKeyFromPoint(c, point)
		if err != nil {
			if !errors.Is(err, core.ErrInvalidArgument) {
				t.Fatalf("unexpected error kind %v", err)
			}
			return
		}
		for _, enc := range [][]byte{k.UncompressedPoint(), k.CompressedPoint()} {
			k2, err := ec.NewPublicKeyFromPoint(c, enc)
			if err != nil || !k2.Equal(k) {
				t.Fatalf("%x re-encoded as %x does not decode to the same key: %v", point, enc, err)
			}
		}
		if _, err := ec.NewPublicKeyFromNumbers(c, k.X(), k.Y()); err != nil {
			t.Fatalf("numbers of a valid point refused: %v", err)
		}
	})
}

// FuzzECDSAVerifyDER: any signature bytes verify to nil or
// core.ErrInvalidSignature, never panic; a signature crypto/ecdsa accepts is
// strict DER by our decoder too (utils.decode_dss_signature), which
// re-encodes it byte for byte.
func FuzzECDSAVerifyDER(f *testing.F) {
	k, err := ec.NewPrivateKey(ec.SECP256R1, []byte{1, 2, 3, 4, 5, 6, 7, 8, 9})
	if err != nil {
		f.Fatal(err)
	}
	msg := []byte("fuzz")
	sig, _ := k.Sign(msg, hash.SHA256, false, true)
	f.Add(sig)
	f.Add([]byte{0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01})
	pub := k.Public()
	f.Fuzz(func(t *testing.T, sig []byte) {
		err := pub.Verify(sig, msg, hash.SHA256, false)
		if err != nil {
			if !errors.Is(err, core.ErrInvalidSignature) {
				t.Fatalf("unexpected error kind %v", err)
			}
			return
		}
		r, s, err := dss.DecodeSignature(sig)
		if err != nil {
			t.Fatalf("verified signature %x is not DER to decode_dss: %v", sig, err)
		}
		der, err := dss.EncodeSignature(r, s)
		if err != nil || string(der) != string(sig) {
			t.Fatalf("verified signature %x re-encodes to %x", sig, der)
		}
	})
}
