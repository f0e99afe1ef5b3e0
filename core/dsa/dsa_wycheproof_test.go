package dsa_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/dsa"
	"github.com/cryptogo/libcrypto-go/core/dss"
	"github.com/cryptogo/libcrypto-go/core/hash"
	"github.com/cryptogo/libcrypto-go/core/keys"
	"github.com/cryptogo/libcrypto-go/tests/vectors"
)

var wycheproofHashes = map[string]hash.Algorithm{"SHA-1": hash.SHA1, "SHA-224": hash.SHA224, "SHA-256": hash.SHA256}

// dsaFiles are Wycheproof's DSA files: DER signatures, and the same keys
// with IEEE P1363 (r || s) signatures.
var dsaFiles = []string{
	"dsa_2048_224_sha224_test.json", "dsa_2048_224_sha256_test.json", "dsa_2048_256_sha256_test.json",
	"dsa_3072_256_sha256_test.json",
	"dsa_2048_224_sha224_p1363_test.json", "dsa_2048_224_sha256_p1363_test.json",
	"dsa_2048_256_sha256_p1363_test.json", "dsa_3072_256_sha256_p1363_test.json",
}

// p1363ToDER converts r || s to DER as a pyca user would (split in two
// halves of the byte length of q, then encode_dss_signature). A signature
// of another length has no DER form: nil (invalid).
func p1363ToDER(sig []byte, qLen int) []byte {
	if len(sig) != 2*qLen {
		return nil
	}
	der, err := dss.EncodeSignature(sig[:qLen], sig[qLen:])
	if err != nil {
		return nil
	}
	return der
}

// TestWycheproofDSA runs the DSA files: the group's key through
// keys.LoadPublicKey (SubjectPublicKeyInfo DER), which must agree with the
// numbers (dsa.NewPublicKey), then Verify. MissingZero (acceptable) is
// invalid by the policy (strict DER).
func TestWycheproofDSA(t *testing.T) {
	for _, file := range dsaFiles {
		t.Run(file, func(t *testing.T) {
			t.Parallel()
			f := vectors.Load(t, file)
			p1363 := strings.Contains(file, "_p1363_")
			want := "dsa_verify_schema_v1.json"
			if p1363 {
				want = "dsa_p1363_verify_schema_v1.json"
			}
			if f.Schema != want {
				t.Fatalf("unknown schema %q", f.Schema)
			}
			total, accepted, rejected := 0, 0, 0
			for _, raw := range f.TestGroups {
				var g struct {
					PublicKey struct {
						P, Q, G, Y vectors.HexBytes
					} `json:"publicKey"`
					PublicKeyDer vectors.HexBytes `json:"publicKeyDer"`
					Sha          string           `json:"sha"`
					Tests        []struct {
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
				h, ok := wycheproofHashes[g.Sha]
				if !ok {
					t.Fatalf("unknown hash %q", g.Sha)
				}
				key, err := keys.LoadPublicKey(g.PublicKeyDer, keys.EncodingDER)
				if err != nil {
					t.Fatalf("public key: %v", err)
				}
				pk := key.(*dsa.PublicKey)
				num, err := dsa.NewPublicKey(g.PublicKey.P, g.PublicKey.Q, g.PublicKey.G, g.PublicKey.Y)
				if err != nil || !num.Equal(pk) {
					t.Fatalf("numbers and SubjectPublicKeyInfo disagree: %v", err)
				}
				qLen := len(pk.Q())
				for _, c := range g.Tests {
					total++
					sig := []byte(c.Sig)
					if p1363 {
						sig = p1363ToDER(sig, qLen)
					}
					err := pk.Verify(sig, c.Msg, h, false)
					want := vectors.Expect(t, file, c.Result, c.Flags)
					switch {
					case want && err != nil:
						t.Errorf("tcId %d %v: valid signature refused: %v", c.TcID, c.Flags, err)
					case !want && !errors.Is(err, core.ErrInvalidSignature):
						t.Errorf("tcId %d %v: invalid signature: %v, want ErrInvalidSignature", c.TcID, c.Flags, err)
					case want:
						accepted++
					default:
						rejected++
					}
				}
			}
			if total != f.NumberOfTests {
				t.Errorf("ran %d cases, file declares %d", total, f.NumberOfTests)
			}
			t.Logf("%s: %d cases, %d accepted, %d rejected", file, total, accepted, rejected)
		})
	}
}
