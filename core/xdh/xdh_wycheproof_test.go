package xdh_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/xdh"
	"github.com/cryptogo/libcrypto-go/tests/vectors"
)

// TestWycheproofXDH runs x25519_test.json and x448_test.json: each case's
// raw private and public values through NewX*PrivateKey / NewX*PublicKey and
// Exchange. Acceptable cases take the decision of
// tests/wycheproof_policy.json (only an all-zero secret is refused, as pyca);
// an invalid case must fail (X448: a 57-byte public value, refused by
// NewX448PublicKey).
func TestWycheproofXDH(t *testing.T) {
	type exch func(priv, pub []byte) ([]byte, error)
	x25519 := func(priv, pub []byte) ([]byte, error) {
		k, err := xdh.NewX25519PrivateKey(priv)
		if err != nil {
			return nil, err
		}
		p, err := xdh.NewX25519PublicKey(pub)
		if err != nil {
			return nil, err
		}
		return k.Exchange(p)
	}
	x448 := func(priv, pub []byte) ([]byte, error) {
		k, err := xdh.NewX448PrivateKey(priv)
		if err != nil {
			return nil, err
		}
		p, err := xdh.NewX448PublicKey(pub)
		if err != nil {
			return nil, err
		}
		return k.Exchange(p)
	}
	for _, tc := range []struct {
		file string
		fn   exch
	}{{"x25519_test.json", x25519}, {"x448_test.json", x448}} {
		t.Run(tc.file, func(t *testing.T) {
			f := vectors.Load(t, tc.file)
			if f.Schema != "xdh_comp_schema_v1.json" {
				t.Fatalf("unknown schema %q", f.Schema)
			}
			total, accepted, refused, acceptable := 0, 0, 0, 0
			for _, raw := range f.TestGroups {
				var g struct {
					Tests []struct {
						TcID    int              `json:"tcId"`
						Public  vectors.HexBytes `json:"public"`
						Private vectors.HexBytes `json:"private"`
						Shared  vectors.HexBytes `json:"shared"`
						Result  string           `json:"result"`
						Flags   []string         `json:"flags"`
					} `json:"tests"`
				}
				if err := json.Unmarshal(raw, &g); err != nil {
					t.Fatal(err)
				}
				for _, c := range g.Tests {
					total++
					if c.Result == "acceptable" {
						acceptable++
					}
					want := vectors.Expect(t, tc.file, c.Result, c.Flags)
					s, err := tc.fn(c.Private, c.Public)
					switch {
					case want && err != nil:
						t.Errorf("tcId %d %v: refused: %v", c.TcID, c.Flags, err)
					case want && !bytes.Equal(s, c.Shared):
						t.Errorf("tcId %d: shared %x, want %x", c.TcID, s, c.Shared)
					case !want && !errors.Is(err, core.ErrInvalidArgument):
						t.Errorf("tcId %d %v: %x, %v, want ErrInvalidArgument", c.TcID, c.Flags, s, err)
					case want:
						accepted++
					default:
						refused++
					}
				}
			}
			if total != f.NumberOfTests {
				t.Errorf("ran %d cases, file declares %d", total, f.NumberOfTests)
			}
			t.Logf("%s: %d cases (%d acceptable), %d accepted with the expected secret, %d refused", tc.file, total, acceptable, accepted, refused)
		})
	}
}
