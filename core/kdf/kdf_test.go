package kdf

import (
	"bytes"
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/hash"
)

// pbkdf2KATs were computed with pyca/cryptography 48:
// PBKDF2HMAC(alg, 40, b"salt", 2).derive(b"password").
var pbkdf2KATs = []struct {
	alg  hash.Algorithm
	want string
}{
	{hash.SHA1, "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957cae93136266537a8d7bf4b76c51094cc1ae010b1"},
	{hash.SHA224, "93200ffa96c5776d38fa10abdf8f5bfc0054b9718513df472d2331d2d1e66a3f97b510224f700ce7"},
	{hash.SHA256, "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43830651afcb5c862f"},
	{hash.SHA384, "54f775c6d790f21930459162fc535dbf04a939185127016a04176a0730c6f1f4fb48832ad1261baa"},
	{hash.SHA512, "e1d9c16aa681708a45f5c7c4e215ceb66e011a2e9f0040713f18aefdb866d53cf76cab2868a39b9f"},
	{hash.SHA512_224, "b8878ac5e4509c165c1b508961fa3c3afcef3f37b7b081874e718d8daea670147a7b33584f131f9f"},
	{hash.SHA512_256, "fcfd108c99cc888ec0af9f184885aff5f02d19a956afad9ccea4d56a482b851bec1af5635d574bc1"},
	{hash.SHA3_224, "7979d7e05025f5b056e995939694ad55c644f43f1f748895c4ca881177e246578ec1abe6b65f15ec"},
	{hash.SHA3_256, "4c915baedd1773383e77fcfe38114ca7514010adec24b47290ec170208423f76f876ee35e753a3f7"},
	{hash.SHA3_384, "0a163df94a9e97f05fb5bf609c4b02854299dc46099e115fad31c00656b317b88e1029d68aef38d9"},
	{hash.SHA3_512, "d6824ab17801706ad465f3196eb80dde20378696ab1fd6c68345c35825657a76954a1b24c7bc6589"},
	{hash.BLAKE2b, "40b77cc2ee4b4c44eeb5babc299be14af5670e39ea3ce14c0fe70e6c99369886ab4d693bad8bd811"},
	{hash.BLAKE2s, "7b88e65e6e95a118bc995f681a391cbd7b46e0cf9750a81100f613add62d84be7f88c3e2900b32fd"},
	{hash.MD5, "042407b552be345ad6eee2cf2f7ed01dd9662d8f0c6950eaec7124aa0c82279ed0b7e2a854d0f29e"},
}

func TestPBKDF2KnownAnswers(t *testing.T) {
	if len(pbkdf2KATs) != len(macHashes()) {
		t.Fatalf("%d KATs for %d algorithms", len(pbkdf2KATs), len(macHashes()))
	}
	pw, salt := []byte("password"), []byte("salt")
	for _, k := range pbkdf2KATs {
		want := hashHex(t, k.want)
		got, err := DerivePBKDF2HMAC(pw, salt, 2, len(want), k.alg)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: %x, %v; want %x", k.alg.Name(), got, err, want)
		}
		dst := make([]byte, len(want))
		if err := DerivePBKDF2HMACTo(dst, pw, salt, 2, k.alg); err != nil || !bytes.Equal(dst, want) {
			t.Errorf("%s: To = %x, %v", k.alg.Name(), dst, err)
		}
		// A shorter output is a prefix.
		if got, _ := DerivePBKDF2HMAC(pw, salt, 2, 5, k.alg); !bytes.Equal(got, want[:5]) {
			t.Errorf("%s: 5-byte output %x is not a prefix", k.alg.Name(), got)
		}
		if err := VerifyPBKDF2HMAC(want, pw, salt, 2, k.alg); err != nil {
			t.Errorf("%s: Verify(right key) = %v", k.alg.Name(), err)
		}
		// The length is len(expected): a prefix of the key verifies (the
		// binding checks pyca's configured length itself).
		if err := VerifyPBKDF2HMAC(want[:39], pw, salt, 2, k.alg); err != nil {
			t.Errorf("%s: Verify(39-byte prefix) = %v", k.alg.Name(), err)
		}
		longer, _ := DerivePBKDF2HMAC(pw, salt, 2, 41, k.alg)
		longer[40] ^= 0xff
		for i, bad := range [][]byte{longer, kdfFlipLast(want), kdfFlipLast(want[:1])} {
			err := VerifyPBKDF2HMAC(bad, pw, salt, 2, k.alg)
			if !errors.Is(err, core.ErrInvalidKey) || !strings.Contains(err.Error(), "Keys do not match.") {
				t.Errorf("%s: Verify(bad %d) = %v, want core.ErrInvalidKey", k.alg.Name(), i, err)
			}
		}
		if err := VerifyPBKDF2HMAC(want, []byte("passwore"), salt, 2, k.alg); !errors.Is(err, core.ErrInvalidKey) {
			t.Errorf("%s: Verify(wrong password) = %v", k.alg.Name(), err)
		}
	}
}

func kdfFlipLast(b []byte) []byte {
	c := bytes.Clone(b)
	c[len(c)-1] ^= 1
	return c
}

func TestPBKDF2Arguments(t *testing.T) {
	pw, salt := []byte("pw"), []byte("salt")
	// pyca: length 0 derives b"", with empty password and salt too.
	if dk, err := DerivePBKDF2HMAC(nil, nil, 1, 0, hash.SHA256); err != nil || len(dk) != 0 || dk == nil {
		t.Errorf("length 0: %x (nil %v), %v", dk, dk == nil, err)
	}
	// An empty expected key is refused (issue 12 finding 8): it matched
	// every password.
	if err := VerifyPBKDF2HMAC(nil, pw, salt, 1, hash.SHA256); !errors.Is(err, core.ErrInvalidArgument) {
		t.Errorf("Verify(empty) = %v, want ErrInvalidArgument", err)
	}
	// pyca: ValueError("iterations must be greater than or equal to 1.").
	for _, it := range []int{0} {
		if _, err := DerivePBKDF2HMAC(pw, salt, it, 32, hash.SHA256); !errors.Is(err, core.ErrInvalidArgument) ||
			!strings.Contains(err.Error(), "iterations must be greater than or equal to 1.") {
			t.Errorf("iterations %d: %v", it, err)
		}
	}
	// pyca: OverflowError for negative length or iterations.
	if _, err := DerivePBKDF2HMAC(pw, salt, -1, 32, hash.SHA256); !errors.Is(err, core.ErrOverflow) {
		t.Errorf("iterations -1: %v", err)
	}
	if _, err := DerivePBKDF2HMAC(pw, salt, 1, -1, hash.SHA256); !errors.Is(err, core.ErrOverflow) {
		t.Errorf("length -1: %v", err)
	}
	// RFC 8018: dkLen <= (2^32-1) * hLen. Checked before any allocation.
	for _, alg := range []hash.Algorithm{hash.SHA1, hash.MD5, hash.SHA512} {
		max := (1<<32 - 1) * alg.Size()
		if _, err := DerivePBKDF2HMAC(pw, salt, 1, max+1, alg); !errors.Is(err, core.ErrInvalidArgument) ||
			!strings.Contains(err.Error(), "Requested length too large.") {
			t.Errorf("%s length %d: %v", alg.Name(), max+1, err)
		}
		if err := pbkdf2Check(1, max, alg); err != nil {
			t.Errorf("%s length %d (the maximum): %v", alg.Name(), max, err)
		}
	}
	for _, alg := range []hash.Algorithm{hash.SHAKE128, hash.SHAKE256, 0, hash.SM3 + 1} {
		if _, err := DerivePBKDF2HMAC(pw, salt, 1, 32, alg); !errors.Is(err, core.ErrUnsupportedAlgorithm) {
			t.Errorf("alg %d: %v", alg, err)
		}
		if err := VerifyPBKDF2HMAC(make([]byte, 32), pw, salt, 1, alg); !errors.Is(err, core.ErrUnsupportedAlgorithm) {
			t.Errorf("Verify alg %d: %v", alg, err)
		}
	}
}

// Helpers shared with core/hash's tests.

func macHashes() []hash.Algorithm {
	var hs []hash.Algorithm
	for alg := hash.SHA1; alg <= hash.MD5; alg++ {
		if !alg.IsXOF() {
			hs = append(hs, alg)
		}
	}
	return hs
}

func hashHex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatalf("bad hex %q: %v", s, err)
	}
	return b
}

// Issue 12 finding 8: an empty expected key matched every password.
func TestVerifyPBKDF2HMACRefusesEmptyExpected(t *testing.T) {
	for _, pw := range []string{"", "pw", "any password"} {
		err := VerifyPBKDF2HMAC(nil, []byte(pw), []byte("salt"), 1, hash.SHA256)
		if !errors.Is(err, core.ErrInvalidArgument) {
			t.Fatalf("VerifyPBKDF2HMAC(empty expected, %q) = %v, want ErrInvalidArgument", pw, err)
		}
	}
}
