package aead

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/tests/vectors"
)

// apiLimits reads the "api_limits" section of tests/wycheproof_policy.json:
// parameter sizes that our API (like pyca) rejects with ValueError.
func apiLimits(t *testing.T, file string) (minNonce, maxNonce int) {
	t.Helper()
	p := vectors.LoadPolicy(t)
	var l struct {
		NonceBytes []int `json:"nonce_bytes"`
		Error      string
	}
	if err := json.Unmarshal(p.APILimits[file], &l); err != nil || len(l.NonceBytes) != 2 || l.Error != "ValueError" {
		t.Fatalf("tests/wycheproof_policy.json: api_limits[%q] missing or malformed: %v", file, err)
	}
	return l.NonceBytes[0], l.NonceBytes[1]
}

func aeadHex(t *testing.T, s string) []byte {
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// runWycheproofAEAD runs a Wycheproof aead_test_schema file through core.
// A case passes when our verdict matches vectors.Expect, or when its nonce
// size is outside the API limits recorded in the policy file and both Seal
// and Open reject it with core.ErrInvalidArgument.
func runWycheproofAEAD(t *testing.T, file string, newKey func([]byte) (AEAD, error)) {
	f := vectors.Load(t, file)
	minNonce, maxNonce := apiLimits(t, file)
	var total, asExpected, accepted, rejected, limited, limitedValid int
	for _, raw := range f.TestGroups {
		var g struct {
			KeySize, IvSize, TagSize int
			Tests                    []struct {
				TcID                                int `json:"tcId"`
				Comment, Key, Iv, Aad, Msg, Ct, Tag string
				Result                              string
				Flags                               []string
			}
		}
		if err := json.Unmarshal(raw, &g); err != nil {
			t.Fatal(err)
		}
		for _, c := range g.Tests {
			total++
			key, nonce, ad, msg := aeadHex(t, c.Key), aeadHex(t, c.Iv), aeadHex(t, c.Aad), aeadHex(t, c.Msg)
			sealed := append(aeadHex(t, c.Ct), aeadHex(t, c.Tag)...)
			want := vectors.Expect(t, file, c.Result, c.Flags)
			where := fmt.Sprintf("%s tcId %d (%s, %v)", file, c.TcID, c.Comment, c.Flags)
			a, err := newKey(key)
			if err != nil {
				t.Errorf("%s: key rejected: %v", where, err)
				continue
			}
			if len(nonce) < minNonce || len(nonce) > maxNonce {
				_, errOpen := a.Open(nil, nonce, sealed, ad)
				_, errSeal := a.Seal(nil, nonce, msg, ad)
				if !errors.Is(errOpen, core.ErrInvalidArgument) || !errors.Is(errSeal, core.ErrInvalidArgument) {
					t.Errorf("%s: %d-byte nonce outside the API limits not rejected: %v / %v", where, len(nonce), errOpen, errSeal)
					continue
				}
				limited++
				if want {
					limitedValid++
				}
				asExpected++
				continue
			}
			pt, err := a.Open(nil, nonce, sealed, ad)
			ok := err == nil && bytes.Equal(pt, msg)
			if err != nil && !errors.Is(err, core.ErrInvalidTag) {
				t.Errorf("%s: Open failed with %v, want core.ErrInvalidTag", where, err)
				continue
			}
			if want {
				// Valid cases must also encrypt to the exact ciphertext.
				ct, err := a.Seal(nil, nonce, msg, ad)
				if err != nil || !bytes.Equal(ct, sealed) {
					t.Errorf("%s: Seal = %x, %v", where, ct, err)
					continue
				}
			}
			if ok != want {
				t.Errorf("%s: accepted=%v, expected %v", where, ok, want)
				continue
			}
			asExpected++
			if ok {
				accepted++
			} else {
				rejected++
			}
		}
	}
	if total != f.NumberOfTests {
		t.Errorf("%s: ran %d cases, file declares %d", file, total, f.NumberOfTests)
	}
	msg := fmt.Sprintf("%s: %d/%d as expected (%d valid accepted, %d invalid rejected, %d rejected by the API's nonce-size limit [%d of them Wycheproof-valid], %d unexpected)",
		file, asExpected, total, accepted, rejected, limited, limitedValid, total-asExpected)
	fmt.Println(msg)
}

func TestWycheproofAESGCM(t *testing.T) {
	t.Parallel()
	runWycheproofAEAD(t, "aes_gcm_test.json", func(k []byte) (AEAD, error) { return NewAESGCM(k) })
}

func TestWycheproofChaCha20Poly1305(t *testing.T) {
	t.Parallel()
	runWycheproofAEAD(t, "chacha20_poly1305_test.json", func(k []byte) (AEAD, error) { return NewChaCha20Poly1305(k) })
}
