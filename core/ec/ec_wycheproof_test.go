package ec_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/dss"
	"github.com/cryptogo/libcrypto-go/core/ec"
	"github.com/cryptogo/libcrypto-go/core/hash"
	"github.com/cryptogo/libcrypto-go/core/keys"
	"github.com/cryptogo/libcrypto-go/tests/vectors"
)

var wycheproofHashes = map[string]hash.Algorithm{
	"SHA-224": hash.SHA224, "SHA-256": hash.SHA256, "SHA-384": hash.SHA384, "SHA-512": hash.SHA512,
	"SHA3-224": hash.SHA3_224, "SHA3-256": hash.SHA3_256, "SHA3-384": hash.SHA3_384, "SHA3-512": hash.SHA3_512,
	"SHAKE128": hash.SHAKE128, "SHAKE256": hash.SHAKE256,
}

var wycheproofCurves = map[string]ec.Curve{
	"secp224r1": ec.SECP224R1, "secp256r1": ec.SECP256R1, "secp384r1": ec.SECP384R1, "secp521r1": ec.SECP521R1,
}

// ecdsaFiles are the DER-signature files of the four curves (the P1363
// files: TestWycheproofECDSAP1363).
var ecdsaFiles = []string{
	"ecdsa_secp224r1_sha224_test.json", "ecdsa_secp224r1_sha256_test.json", "ecdsa_secp224r1_sha512_test.json",
	"ecdsa_secp224r1_sha3_224_test.json", "ecdsa_secp224r1_sha3_256_test.json", "ecdsa_secp224r1_sha3_512_test.json",
	"ecdsa_secp224r1_shake128_test.json",
	"ecdsa_secp256r1_sha256_test.json", "ecdsa_secp256r1_sha512_test.json", "ecdsa_secp256r1_sha3_256_test.json",
	"ecdsa_secp256r1_sha3_512_test.json", "ecdsa_secp256r1_shake128_test.json",
	"ecdsa_secp384r1_sha256_test.json", "ecdsa_secp384r1_sha384_test.json", "ecdsa_secp384r1_sha512_test.json",
	"ecdsa_secp384r1_sha3_384_test.json", "ecdsa_secp384r1_sha3_512_test.json", "ecdsa_secp384r1_shake256_test.json",
	"ecdsa_secp521r1_sha512_test.json", "ecdsa_secp521r1_sha3_512_test.json", "ecdsa_secp521r1_shake256_test.json",
}

// unsupportedPolicy reads the "unsupported" section of the policy: file ->
// the error every case must give.
func unsupportedPolicy(t *testing.T) map[string]error {
	out := map[string]error{}
	for file, raw := range vectors.LoadPolicy(t).Unsupported {
		var e struct {
			Error string `json:"error"`
		}
		if json.Unmarshal(raw, &e) == nil && e.Error == "UnsupportedAlgorithm" {
			out[file] = core.ErrUnsupportedAlgorithm
		}
	}
	return out
}

// TestWycheproofECDSA runs the ECDSA DER files of the four curves: the
// group's key through keys.LoadPublicKey (SubjectPublicKeyInfo DER) and
// ec.NewPublicKeyFromPoint (the uncompressed point), which must agree, then
// Verify. None of these files has an acceptable case. The SHAKE files use
// RFC 8692's output sizes (SHAKE128: 32 bytes, SHAKE256: 64), as a pyca
// user passes ECDSA(SHAKE128(32)); a file the policy lists as unsupported
// must give its error on every case.
func TestWycheproofECDSA(t *testing.T) {
	unsupported := unsupportedPolicy(t)
	for _, file := range ecdsaFiles {
		t.Run(file, func(t *testing.T) {
			t.Parallel()
			f := vectors.Load(t, file)
			if f.Schema != "ecdsa_verify_schema_v1.json" {
				t.Fatalf("unknown schema %q", f.Schema)
			}
			wantErr := unsupported[file]
			total, accepted, rejected, refused := 0, 0, 0, 0
			for _, raw := range f.TestGroups {
				var g struct {
					PublicKey struct {
						Curve        string           `json:"curve"`
						Uncompressed vectors.HexBytes `json:"uncompressed"`
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
				pk := key.(*ec.PublicKey)
				pt, err := ec.NewPublicKeyFromPoint(wycheproofCurves[g.PublicKey.Curve], g.PublicKey.Uncompressed)
				if err != nil || !pt.Equal(pk) {
					t.Fatalf("point and SubjectPublicKeyInfo disagree: %v", err)
				}
				for _, c := range g.Tests {
					total++
					err := verifyWycheproof(pk, c.Sig, c.Msg, h)
					if wantErr != nil {
						if !errors.Is(err, wantErr) {
							t.Errorf("tcId %d: %v, want %v", c.TcID, err, wantErr)
						}
						refused++
						continue
					}
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
			t.Logf("%s: %d cases, %d accepted, %d rejected, %d unsupported", file, total, accepted, rejected, refused)
		})
	}
}

// TestWycheproofECDH runs ecdh_<curve>_test.json (peer key as a DER
// SubjectPublicKeyInfo, through keys.LoadPublicKey) and
// ecdh_<curve>_ecpoint_test.json (peer key as an X9.62 point, through
// ec.NewPublicKeyFromPoint). Acceptable cases take the policy's decision:
// compressed points are valid, explicit curve parameters and BER are not.
func TestWycheproofECDH(t *testing.T) {
	for _, name := range []string{"secp224r1", "secp256r1", "secp384r1", "secp521r1"} {
		for _, point := range []bool{false, true} {
			file := fmt.Sprintf("ecdh_%s_test.json", name)
			schema := "ecdh_test_schema_v1.json"
			if point {
				file = fmt.Sprintf("ecdh_%s_ecpoint_test.json", name)
				schema = "ecdh_ecpoint_test_schema_v1.json"
			}
			t.Run(file, func(t *testing.T) {
				t.Parallel()
				f := vectors.Load(t, file)
				if f.Schema != schema {
					t.Fatalf("unknown schema %q", f.Schema)
				}
				total, acceptable, accepted, refused := 0, 0, 0, 0
				for _, raw := range f.TestGroups {
					var g struct {
						Curve string `json:"curve"`
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
					curve := wycheproofCurves[g.Curve]
					if curve == 0 {
						t.Fatalf("unknown curve %q", g.Curve)
					}
					for _, c := range g.Tests {
						total++
						if c.Result == "acceptable" {
							acceptable++
						}
						want := vectors.Expect(t, file, c.Result, c.Flags)
						s, err := func() ([]byte, error) {
							priv, err := ec.NewPrivateKey(curve, c.Private)
							if err != nil {
								return nil, fmt.Errorf("private key: %w", err)
							}
							var pub any
							if point {
								pub, err = ec.NewPublicKeyFromPoint(curve, c.Public)
							} else {
								pub, err = keys.LoadPublicKey(c.Public, keys.EncodingDER)
							}
							if err != nil {
								return nil, err
							}
							return keys.ECDHExchange(priv, pub)
						}()
						switch {
						case want && err != nil:
							t.Errorf("tcId %d %v: refused: %v", c.TcID, c.Flags, err)
						case want && !bytes.Equal(s, c.Shared):
							t.Errorf("tcId %d: shared %x, want %x", c.TcID, s, c.Shared)
						case !want && err == nil:
							t.Errorf("tcId %d %v: accepted (%x), want an error", c.TcID, c.Flags, s)
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
				t.Logf("%s: %d cases (%d acceptable), %d accepted with the expected secret, %d refused", file, total, acceptable, accepted, refused)
			})
		}
	}
}

// verifyWycheproof verifies a DER signature of msg; a SHAKE digest is
// computed here at RFC 8692's size and verified prehashed.
func verifyWycheproof(pk *ec.PublicKey, sig, msg []byte, h hash.Algorithm) error {
	switch h {
	case hash.SHAKE128, hash.SHAKE256:
		size := 32
		if h == hash.SHAKE256 {
			size = 64
		}
		d, err := hash.Digest(h, size, msg)
		if err != nil {
			return err
		}
		return pk.Verify(sig, d, h, true)
	}
	return pk.Verify(sig, msg, h, false)
}

// TestWycheproofECDSAP1363 runs the P1363 files (raw r || s) of the four
// curves as a pyca user must: a signature that is not exactly twice the
// curve's size is invalid; otherwise r and s become DER through
// dss.EncodeSignature (pyca's utils.encode_dss_signature) and verify as
// in TestWycheproofECDSA. Every case is counted; the files of curves Go
// lacks (secp256k1, Brainpool) must refuse their key with
// core.ErrUnsupportedAlgorithm and count as unsupported.
func TestWycheproofECDSAP1363(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(vectors.WycheproofDir(t), "ecdsa_*_p1363_test.json"))
	if err != nil {
		t.Fatal(err)
	}
	unsupported := unsupportedPolicy(t)
	n := 0
	for _, path := range files {
		file := filepath.Base(path)
		var curve ec.Curve
		for name, c := range wycheproofCurves {
			if strings.HasPrefix(file, "ecdsa_"+name+"_") {
				curve = c
			}
		}
		n++
		t.Run(file, func(t *testing.T) {
			t.Parallel()
			f := vectors.Load(t, file)
			if f.Schema != "ecdsa_p1363_verify_schema_v1.json" {
				t.Fatalf("unknown schema %q", f.Schema)
			}
			wantErr := unsupported[file]
			total, accepted, rejected, badSize, refused := 0, 0, 0, 0, 0
			for _, raw := range f.TestGroups {
				var g struct {
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
				if !ok && curve != 0 {
					t.Fatalf("unknown hash %q", g.Sha)
				}
				key, err := keys.LoadPublicKey(g.PublicKeyDer, keys.EncodingDER)
				if curve == 0 {
					if !errors.Is(err, core.ErrUnsupportedAlgorithm) {
						t.Fatalf("key of an unsupported curve: %v", err)
					}
					total += len(g.Tests)
					refused += len(g.Tests)
					continue
				}
				if err != nil {
					t.Fatalf("public key: %v", err)
				}
				pk := key.(*ec.PublicKey)
				if pk.Curve() != curve {
					t.Fatalf("key on %s in a %s file", pk.Curve().Name(), curve.Name())
				}
				size := curve.Size()
				for _, c := range g.Tests {
					total++
					want := vectors.Expect(t, file, c.Result, c.Flags)
					if len(c.Sig) != 2*size {
						if want {
							t.Errorf("tcId %d %v: valid signature of %d bytes, not %d", c.TcID, c.Flags, len(c.Sig), 2*size)
						}
						badSize++
						continue
					}
					der, err := dss.EncodeSignature(c.Sig[:size], c.Sig[size:])
					if err != nil {
						t.Fatalf("tcId %d: encode: %v", c.TcID, err)
					}
					err = verifyWycheproof(pk, der, c.Msg, h)
					if wantErr != nil {
						if !errors.Is(err, wantErr) {
							t.Errorf("tcId %d: %v, want %v", c.TcID, err, wantErr)
						}
						refused++
						continue
					}
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
			t.Logf("%s: %d cases, %d accepted, %d rejected (%d by size, %d by verification), %d unsupported",
				file, total, accepted, badSize+rejected, badSize, rejected, refused)
		})
	}
	if n == 0 {
		t.Fatal("no ecdsa_*_p1363_test.json file")
	}
}
