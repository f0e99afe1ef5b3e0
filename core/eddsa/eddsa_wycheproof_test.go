package eddsa_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/eddsa"
	"github.com/cryptogo/libcrypto-go/tests/vectors"
)

// TestWycheproofEdDSA runs ed25519_test.json and ed448_test.json: every
// case is verified with the group's raw public key; a valid case must
// verify, an invalid one must fail with core.ErrInvalidSignature (the files
// have no acceptable case; vectors.Expect would ask the policy if they had).
func TestWycheproofEdDSA(t *testing.T) {
	for _, tc := range []struct {
		file   string
		newKey func([]byte) (interface{ Verify(sig, msg []byte) error }, error)
	}{
		{"ed25519_test.json", func(b []byte) (interface{ Verify(sig, msg []byte) error }, error) {
			return eddsa.NewEd25519PublicKey(b)
		}},
		{"ed448_test.json", func(b []byte) (interface{ Verify(sig, msg []byte) error }, error) {
			return eddsa.NewEd448PublicKey(b)
		}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			f := vectors.Load(t, tc.file)
			if f.Schema != "eddsa_verify_schema_v1.json" {
				t.Fatalf("unknown schema %q", f.Schema)
			}
			total, valid, invalid := 0, 0, 0
			for _, raw := range f.TestGroups {
				var g struct {
					PublicKey struct {
						PK vectors.HexBytes `json:"pk"`
					} `json:"publicKey"`
					Tests []struct {
						TcID   int              `json:"tcId"`
						Msg    vectors.HexBytes `json:"msg"`
						Sig    vectors.HexBytes `json:"sig"`
						Result string           `json:"result"`
						Flags  []string         `json:"flags"`
					} `json:"tests"`
				}
				if err := json.Unmarshal(raw, &g); err != nil {
					t.Fatal(err)
				}
				key, err := tc.newKey(g.PublicKey.PK)
				if err != nil {
					t.Fatalf("public key: %v", err)
				}
				for _, c := range g.Tests {
					total++
					want := vectors.Expect(t, tc.file, c.Result, c.Flags)
					err := key.Verify(c.Sig, c.Msg)
					switch {
					case want && err != nil:
						t.Errorf("tcId %d: valid signature refused: %v", c.TcID, err)
					case !want && !errors.Is(err, core.ErrInvalidSignature):
						t.Errorf("tcId %d: invalid signature: %v, want ErrInvalidSignature", c.TcID, err)
					case want:
						valid++
					default:
						invalid++
					}
				}
			}
			if total != f.NumberOfTests {
				t.Errorf("ran %d cases, file declares %d", total, f.NumberOfTests)
			}
			t.Logf("%s: %d cases, %d valid verified, %d invalid refused", tc.file, total, valid, invalid)
		})
	}
}
