package main

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"unsafe"
)

const (
	rcType     = -3
	keyTypeRSA = 1
	hashNone   = 0
)

// loadKeyPair loads core/testdata/keys/<name>.pkcs8.pem and its public half.
func loadKeyPair(t *testing.T, name string) (priv, pub unsafe.Pointer) {
	t.Helper()
	pem := keyFixture(name + ".pkcs8.pem")
	if pem == nil {
		t.Fatalf("missing core/testdata/keys/%s.pkcs8.pem", name)
	}
	priv, rc := shimPrivateKeyLoad(pem, nil, false, encPEM)
	if rc != rcOK {
		t.Fatalf("cryptogo_private_key_load: %d", rc)
	}
	pub, rc = shimPrivateKeyPublicKey(priv)
	if rc != rcOK {
		t.Fatalf("cryptogo_private_key_public_key: %d", rc)
	}
	t.Cleanup(func() {
		shimFree(kindPublicKey, pub)
		shimFree(kindPrivateKey, priv)
	})
	return priv, pub
}

// TestGenericKeyLayer checks the generic key handles: type, bits, equality,
// and the handle-kind rules (a public-key handle where a private one is
// expected, or the reverse, is CRYPTOGO_ERR_INVALID_HANDLE; a key of another
// algorithm is CRYPTOGO_ERR_TYPE).
func TestGenericKeyLayer(t *testing.T) {
	priv, pub := loadKeyPair(t, "rsa1024e3")
	_, pub2 := loadKeyPair(t, "rsa2048")
	if typ, rc := shimPrivateKeyType(priv); rc != rcOK || typ != keyTypeRSA {
		t.Errorf("private_key_type = %d, %d", typ, rc)
	}
	if typ, rc := shimPublicKeyType(pub); rc != rcOK || typ != keyTypeRSA {
		t.Errorf("public_key_type = %d, %d", typ, rc)
	}
	if n, rc := shimPrivateKeyBits(priv); rc != rcOK || n != 1024 {
		t.Errorf("private_key_bits = %d, %d", n, rc)
	}
	if n, rc := shimPublicKeyBits(pub2); rc != rcOK || n != 2048 {
		t.Errorf("public_key_bits = %d, %d", n, rc)
	}

	spki, rc := shimPublicKeyLoad(keyFixture("rsa1024e3.spki.der"), encDER)
	if rc != rcOK {
		t.Fatalf("public_key_load: %d", rc)
	}
	defer shimFree(kindPublicKey, spki)
	for _, c := range []struct {
		a, b unsafe.Pointer
		want bool
	}{{pub, spki, true}, {spki, pub, true}, {pub, pub, true}, {pub, pub2, false}} {
		if eq, rc := shimPublicKeyEqual(c.a, c.b); rc != rcOK || eq != c.want {
			t.Errorf("public_key_equal = %v, %d; want %v", eq, rc, c.want)
		}
	}

	// Handle kinds: public for private and private for public.
	if _, rc := shimPublicKeyEqual(pub, priv); rc != rcInvalidHandle {
		t.Errorf("public_key_equal(private handle) = %d", rc)
	}
	if _, rc := shimPrivateKeyBits(pub); rc != rcInvalidHandle {
		t.Errorf("private_key_bits(public handle) = %d", rc)
	}
	if _, rc := shimPublicKeyType(priv); rc != rcInvalidHandle {
		t.Errorf("public_key_type(private handle) = %d", rc)
	}
	if r := shimRSASignPKCS1v15(pub, []byte("m"), hashSHA256, false, 128); r.RC != rcInvalidHandle {
		t.Errorf("sign_pkcs1v15(public handle) = %d", r.RC)
	}
	if r := shimRSAEncryptPKCS1v15(priv, []byte("m"), 128); r.RC != rcInvalidHandle {
		t.Errorf("encrypt_pkcs1v15(private handle) = %d", r.RC)
	}
	if rc := shimFree(kindPrivateKey, pub); rc != rcInvalidHandle {
		t.Errorf("private_key_free(public handle) = %d", rc)
	}
	if rc := shimFree(kindPublicKey, priv); rc != rcInvalidHandle {
		t.Errorf("public_key_free(private handle) = %d", rc)
	}

	// A key of another algorithm behind the right handle kind: CRYPTOGO_ERR_TYPE
	// from the RSA operations, while the generic layer still answers.
	notRSA := newHandle(kindPrivateKey, struct{}{})
	defer shimFree(kindPrivateKey, notRSA)
	notRSAPub := newHandle(kindPublicKey, struct{}{})
	defer shimFree(kindPublicKey, notRSAPub)
	if r := shimRSASignPKCS1v15(notRSA, []byte("m"), hashSHA256, false, 128); r.RC != rcType {
		t.Errorf("sign_pkcs1v15(non-RSA key) = %d", r.RC)
	}
	if r := shimRSARecoverPKCS1v15(notRSAPub, make([]byte, 128), hashNone, 128); r.RC != rcType {
		t.Errorf("recover_pkcs1v15(non-RSA key) = %d", r.RC)
	}
	if typ, rc := shimPrivateKeyType(notRSA); rc != rcOK || typ != 0 {
		t.Errorf("private_key_type(non-key) = %d, %d", typ, rc)
	}
	if eq, rc := shimPublicKeyEqual(notRSAPub, pub); rc != rcOK || eq {
		t.Errorf("public_key_equal(non-key, RSA) = %v, %d", eq, rc)
	}
}

// TestRSARecoverPKCS1v15 replays pyca's recover_data_from_signature answers
// (core/rsa/testdata/recover_pkcs1v15.json) through the C ABI.
func TestRSARecoverPKCS1v15(t *testing.T) {
	var v struct {
		Keys []struct {
			Key   string `json:"key"`
			Cases []struct {
				Name string                       `json:"name"`
				Sig  string                       `json:"sig"`
				Want map[string]map[string]string `json:"want"`
			} `json:"cases"`
		} `json:"keys"`
	}
	b, err := os.ReadFile(filepath.Join("..", "core", "rsa", "testdata", "recover_pkcs1v15.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	algs := map[string]int{"none": hashNone, "sha1": 1, "sha256": hashSHA256, "sha512": 5, "sha3-256": 9, "md5": 16, "blake2b": 14}
	n := 0
	for _, kv := range v.Keys {
		_, pub := loadKeyPair(t, kv.Key[:len(kv.Key)-len(".pkcs8.pem")])
		size, _ := shimPublicKeyBits(pub)
		size = (size + 7) / 8
		for _, c := range kv.Cases {
			sig, _ := hex.DecodeString(c.Sig)
			for name, alg := range algs {
				n++
				want, ok := c.Want[name]
				r := shimRSARecoverPKCS1v15(pub, sig, alg, size)
				switch {
				case !ok || want["error"] == "InvalidSignature":
					if r.RC != rcInvalidSignature || r.Len != 0 {
						t.Errorf("%s %s %s: rc %d, len %d; want INVALID_SIGNATURE", kv.Key, c.Name, name, r.RC, r.Len)
					}
				case want["error"] == "UnsupportedAlgorithm":
					if r.RC != rcUnsupportedAlgorithm {
						t.Errorf("%s %s %s: rc %d; want UNSUPPORTED_ALGORITHM", kv.Key, c.Name, name, r.RC)
					}
				default:
					w, _ := hex.DecodeString(want["ok"])
					if r.RC != rcOK || !bytes.Equal(r.Out(), w) {
						t.Errorf("%s %s %s: rc %d, %x; want %x", kv.Key, c.Name, name, r.RC, r.Out(), w)
					}
				}
			}
		}
		// Too small a buffer: the key size, before any work.
		if r := shimRSARecoverPKCS1v15(pub, make([]byte, size), hashNone, size-1); r.RC != rcBufferTooSmall || r.Len != size {
			t.Errorf("small buffer: rc %d, len %d", r.RC, r.Len)
		}
	}
	if n < 500 {
		t.Fatalf("only %d checks", n)
	}
}

// TestFernetKeyCanonicalize: what cryptogo_fernet_new accepts, canonicalized.
func TestFernetKeyCanonicalize(t *testing.T) {
	const spec = "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4="
	for _, k := range []string{spec, "\n" + spec + " ", "cw/0x689RpI+jtRR7oE8h/eQsKImvJapLeSbXpwF4e4=", spec + "=="} {
		if r := shimFernetKeyCanonicalize([]byte(k), 44); r.RC != rcOK || string(r.Out()) != spec {
			t.Errorf("canonicalize(%q) = %d, %q", k, r.RC, r.Out())
		}
	}
	for _, k := range []string{"", spec[:43], "AAAA"} {
		if r := shimFernetKeyCanonicalize([]byte(k), 44); r.RC != rcInvalidArgument {
			t.Errorf("canonicalize(%q) = %d", k, r.RC)
		}
	}
	if r := shimFernetKeyCanonicalize([]byte(spec), 43); r.RC != rcBufferTooSmall || r.Len != 44 {
		t.Errorf("small buffer: %d, %d", r.RC, r.Len)
	}
}
