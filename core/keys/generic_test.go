package keys

import (
	"bytes"
	"encoding/pem"
	"errors"
	"testing"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/rsa"
)

// TestKeysGenericLayer checks the key-type plumbing: TypeOf, PublicKeyOf,
// the typed loaders against the generic ones, and dumping something that is
// not a key.
func TestKeysGenericLayer(t *testing.T) {
	k := keysFixtureKey(t, "rsa1024e3")
	if TypeOf(k) != RSA || TypeOf(k.PublicKey()) != RSA {
		t.Fatalf("TypeOf(RSA keys) = %v, %v", TypeOf(k), TypeOf(k.PublicKey()))
	}
	for _, x := range []any{nil, (*rsa.PrivateKey)(nil), (*rsa.PublicKey)(nil), "key", 42} {
		if got := TypeOf(x); got != UnknownKeyType {
			t.Errorf("TypeOf(%#v) = %v, want UnknownKeyType", x, got)
		}
		if PublicKeyOf(x) != nil {
			t.Errorf("PublicKeyOf(%#v) is not nil", x)
		}
		if _, err := PrivateBytes(x, EncodingDER, PrivateFormatPKCS8, nil); !errors.Is(err, core.ErrType) {
			t.Errorf("PrivateBytes(%#v): %v, want ErrType", x, err)
		}
		if _, err := PublicBytes(x, EncodingDER, PublicFormatSubjectPublicKeyInfo); !errors.Is(err, core.ErrType) {
			t.Errorf("PublicBytes(%#v): %v, want ErrType", x, err)
		}
	}
	if PublicKeyOf(k) != k.PublicKey() {
		t.Error("PublicKeyOf(k) is not k.PublicKey()")
	}
	if PublicKeyOf(k.PublicKey()) != nil {
		t.Error("PublicKeyOf(public key) is not nil")
	}
	// A public key is not a private key, and the reverse.
	if _, err := PrivateBytes(k.PublicKey(), EncodingDER, PrivateFormatPKCS8, nil); !errors.Is(err, core.ErrType) {
		t.Errorf("PrivateBytes(public key): %v", err)
	}
	if _, err := PublicBytes(k, EncodingDER, PublicFormatSubjectPublicKeyInfo); !errors.Is(err, core.ErrType) {
		t.Errorf("PublicBytes(private key): %v", err)
	}

	der := keysReadFile(t, "rsa1024e3.pkcs8.der")
	g, err := LoadPrivateKey(der, nil, EncodingDER)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := PrivateBytes(g, EncodingDER, PrivateFormatPKCS8, nil)
	if !bytes.Equal(a, der) {
		t.Error("generic load and dump do not round-trip")
	}
	pubDER := keysReadFile(t, "rsa1024e3.spki.der")
	gp, err := LoadPublicKey(pubDER, EncodingDER)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := PublicBytes(gp, EncodingDER, PublicFormatSubjectPublicKeyInfo); !bytes.Equal(b, pubDER) {
		t.Error("generic public load and dump do not round-trip")
	}
	if b, _ := PublicBytes(PublicKeyOf(g), EncodingDER, PublicFormatSubjectPublicKeyInfo); !bytes.Equal(b, pubDER) {
		t.Error("PublicKeyOf does not give the key's public half")
	}

	// EC keys load as EC keys from the generic loader and as
	// ErrUnsupportedAlgorithm from the RSA one.
	for _, name := range []string{"other_ec_pkcs8.der", "other_ec_sec1.der"} {
		data := keysReadFile(t, name)
		if k, err := LoadPrivateKey(data, nil, EncodingDER); err != nil || TypeOf(k) != EC {
			t.Errorf("%s: LoadPrivateKey: %v", name, err)
		}
		if _, err := LoadRSAPrivateKey(data, nil, EncodingDER); !errors.Is(err, core.ErrUnsupportedAlgorithm) {
			t.Errorf("%s: LoadRSAPrivateKey: %v", name, err)
		}
	}
	data := keysReadFile(t, "other_ed25519_spki.pem")
	if k, err := LoadPublicKey(data, EncodingPEM); err != nil || TypeOf(k) != Ed25519 {
		t.Errorf("Ed25519 public key: %v", err)
	}
	if _, err := LoadRSAPublicKey(data, EncodingPEM); !errors.Is(err, core.ErrUnsupportedAlgorithm) {
		t.Errorf("Ed25519 public key as RSA: %v", err)
	}
}

func TestKeyTypeString(t *testing.T) {
	want := map[KeyType]string{
		UnknownKeyType: "unknown", RSA: "RSA", EC: "EC", Ed25519: "Ed25519", X25519: "X25519",
		Ed448: "Ed448", X448: "X448", DSA: "DSA", MLKEM768: "ML-KEM-768", MLKEM1024: "ML-KEM-1024",
		MLDSA44: "ML-DSA-44", MLDSA65: "ML-DSA-65", MLDSA87: "ML-DSA-87",
		13: "KeyType(13)", -1: "KeyType(-1)",
	}
	for k, s := range want {
		if k.String() != s {
			t.Errorf("KeyType(%d).String() = %q, want %q", int(k), k.String(), s)
		}
	}
}

// TestKeyTypeOIDs checks that the algorithm identifiers of the fixtures of
// other key types are told apart.
func TestKeyTypeOIDs(t *testing.T) {
	for name, want := range map[string]KeyType{
		"other_ec_pkcs8.der": EC,
		"rsa2048.pkcs8.der":  RSA,
	} {
		p, err := parsePKCS8(keysReadFile(t, name))
		if err != nil || p.typ != want {
			t.Errorf("%s: type %v, %v; want %v", name, p.typ, err, want)
		}
	}
	for name, want := range map[string]KeyType{"other_ec_sec1.der": EC, "other_dsa_trad.der": DSA} {
		data := keysReadFile(t, name)
		p, err := parseSEC1(data)
		if want == DSA {
			p, err = parseDSA(data)
		}
		if err != nil || p.typ != want {
			t.Errorf("%s: type %v, %v; want %v", name, p.typ, err, want)
		}
	}
}

// TestKeyTypeOIDsPEM reads the type of the PKCS #8 PEM fixtures of other
// algorithms.
func TestKeyTypeOIDsPEM(t *testing.T) {
	for name, want := range map[string]KeyType{"other_ed25519.pem": Ed25519, "other_rsapss.pem": RSA} {
		blk, _ := pem.Decode(keysReadFile(t, name))
		if blk == nil {
			t.Fatalf("%s: no PEM block", name)
		}
		p, err := parsePKCS8(blk.Bytes)
		if err != nil || p.typ != want {
			t.Errorf("%s: type %v, %v; want %v", name, p.typ, err, want)
		}
	}
}

// TestKeyTypeValues pins the values of KeyType: they are the C ABI's enum
// cryptogo_key_type and must never change.
func TestKeyTypeValues(t *testing.T) {
	for typ, want := range map[KeyType]int{
		UnknownKeyType: 0, RSA: 1, EC: 2, Ed25519: 3, X25519: 4, Ed448: 5, X448: 6, DSA: 7,
		MLKEM768: 8, MLKEM1024: 9, MLDSA44: 10, MLDSA65: 11, MLDSA87: 12,
	} {
		if int(typ) != want {
			t.Errorf("%v = %d, want %d", typ, int(typ), want)
		}
	}
}

// TestKeysBitsAndEqual checks Bits and PublicKeyEqual.
func TestKeysBitsAndEqual(t *testing.T) {
	k1 := keysFixtureKey(t, "rsa1024e3")
	k2 := keysFixtureKey(t, "rsa2048")
	for key, want := range map[any]int{k1: 1024, k1.PublicKey(): 1024, k2: 2048, k2.PublicKey(): 2048} {
		if got, err := Bits(key); got != want || err != nil {
			t.Errorf("Bits(%T) = %d, %v; want %d", key, got, err, want)
		}
	}
	for _, x := range []any{nil, (*rsa.PublicKey)(nil), "key"} {
		if _, err := Bits(x); !errors.Is(err, core.ErrType) {
			t.Errorf("Bits(%#v): %v, want ErrType", x, err)
		}
	}
	again, err := LoadPublicKey(keysReadFile(t, "rsa1024e3.spki.der"), EncodingDER)
	if err != nil {
		t.Fatal(err)
	}
	if !PublicKeyEqual(k1.PublicKey(), again) || !PublicKeyEqual(again, k1.PublicKey()) {
		t.Error("the same public key, loaded twice, is not equal")
	}
	for _, pair := range [][2]any{
		{k1.PublicKey(), k2.PublicKey()}, {k1.PublicKey(), k1}, {k1, k1}, {nil, nil},
		{(*rsa.PublicKey)(nil), (*rsa.PublicKey)(nil)}, {k1.PublicKey(), (*rsa.PublicKey)(nil)},
	} {
		if PublicKeyEqual(pair[0], pair[1]) {
			t.Errorf("PublicKeyEqual(%T, %T) = true", pair[0], pair[1])
		}
	}
}

// TestReservedEncodingsAndFormats: the values of pyca's enums no key type
// takes yet answer ErrInvalidArgument (pyca's ValueError) for an RSA key.
func TestReservedEncodingsAndFormats(t *testing.T) {
	k := keysFixtureKey(t, "rsa1024e3")
	for _, enc := range []Encoding{EncodingRaw, EncodingX962, EncodingOpenSSH, EncodingSMIME} {
		if _, err := PrivateBytes(k, enc, PrivateFormatPKCS8, nil); !errors.Is(err, core.ErrInvalidArgument) {
			t.Errorf("PrivateBytes(encoding %d): %v", enc, err)
		}
		if _, err := PublicBytes(k.PublicKey(), enc, PublicFormatSubjectPublicKeyInfo); !errors.Is(err, core.ErrInvalidArgument) {
			t.Errorf("PublicBytes(encoding %d): %v", enc, err)
		}
		if _, err := LoadPublicKey([]byte("x"), enc); !errors.Is(err, core.ErrInvalidArgument) {
			t.Errorf("LoadPublicKey(encoding %d): %v", enc, err)
		}
		if _, err := LoadPrivateKey([]byte("x"), nil, enc); !errors.Is(err, core.ErrInvalidArgument) {
			t.Errorf("LoadPrivateKey(encoding %d): %v", enc, err)
		}
	}
	for _, f := range []PrivateFormat{PrivateFormatRaw, PrivateFormatOpenSSH, PrivateFormatPKCS12} {
		if _, err := PrivateBytes(k, EncodingPEM, f, nil); !errors.Is(err, core.ErrInvalidArgument) {
			t.Errorf("PrivateBytes(format %d): %v", f, err)
		}
	}
	for _, f := range []PublicFormat{PublicFormatRaw, PublicFormatCompressedPoint, PublicFormatUncompressedPoint, PublicFormatOpenSSH} {
		if _, err := PublicBytes(k.PublicKey(), EncodingPEM, f); !errors.Is(err, core.ErrInvalidArgument) {
			t.Errorf("PublicBytes(format %d): %v", f, err)
		}
	}
}

// TestSPKIUnusedBitsIsMalformed: a SubjectPublicKeyInfo whose BIT STRING
// declares unused bits is bad data (pyca's ValueError) whatever its
// algorithm, not an unsupported algorithm (pyca's test
// test_load_der_public_key_bit_string_padding, an Ed25519 key).
func TestSPKIUnusedBitsIsMalformed(t *testing.T) {
	block, _ := pem.Decode(keysReadFile(t, "other_ed25519_spki.pem"))
	if block == nil {
		t.Fatal("no PEM block")
	}
	der := bytes.Clone(block.Bytes)
	// SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (03 21 00 <32 bytes>) }
	i := bytes.Index(der, []byte{0x03, 0x21, 0x00})
	if i < 0 {
		t.Fatalf("no 33-byte BIT STRING in %x", der)
	}
	if _, err := LoadPublicKey(der, EncodingDER); err != nil {
		t.Fatalf("well-formed Ed25519 SPKI: %v", err)
	}
	der[i+2] = 0x01 // one unused bit
	if _, err := LoadPublicKey(der, EncodingDER); !errors.Is(err, core.ErrBadKeyData) {
		t.Errorf("Ed25519 SPKI with an unused bit: %v, want bad key data", err)
	}
}
