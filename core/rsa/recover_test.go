package rsa_test

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/hash"
	"github.com/cryptogo/libcrypto-go/core/keys"
	"github.com/cryptogo/libcrypto-go/core/rsa"
)

// TestRecoverPKCS1v15Pyca replays pyca's answers to
// recover_data_from_signature (testdata/recover_pkcs1v15.json, written by
// testdata/make_recover_vectors.py with cryptography 50.0.2): the recovered
// bytes for every hash that succeeds, InvalidSignature or
// UnsupportedAlgorithm for the others.
func TestRecoverPKCS1v15Pyca(t *testing.T) {
	var vectors struct {
		Keys []struct {
			Key   string `json:"key"`
			Cases []struct {
				Name string                       `json:"name"`
				Sig  string                       `json:"sig"`
				Want map[string]map[string]string `json:"want"`
			} `json:"cases"`
		} `json:"keys"`
	}
	b, err := os.ReadFile(filepath.Join("testdata", "recover_pkcs1v15.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &vectors); err != nil {
		t.Fatal(err)
	}
	algs := map[string]hash.Algorithm{"none": hash.None}
	for a := hash.SHA1; a.Valid(); a++ {
		algs[a.Name()] = a
	}
	n := 0
	for _, kv := range vectors.Keys {
		pem, err := os.ReadFile(filepath.Join("..", "testdata", "keys", kv.Key))
		if err != nil {
			t.Fatal(err)
		}
		priv, err := keys.LoadPrivateKey(pem, nil, keys.EncodingPEM)
		if err != nil {
			t.Fatal(err)
		}
		pub := priv.(*rsa.PrivateKey).PublicKey()
		for _, c := range kv.Cases {
			sig, _ := hex.DecodeString(c.Sig)
			for name, alg := range algs {
				if alg == hash.SHAKE128 || alg == hash.SHAKE256 {
					continue // not in pyca's table (not a fixed-size hash object there)
				}
				if alg == hash.SM3 {
					// Not in pyca's table either; RSA signatures with SM3
					// are not implemented here (UnsupportedAlgorithm).
					if _, err := pub.RecoverPKCS1v15(sig, alg); !errors.Is(err, core.ErrUnsupportedAlgorithm) {
						t.Errorf("%s %s sm3: %v, want UnsupportedAlgorithm", kv.Key, c.Name, err)
					}
					continue
				}
				want, ok := c.Want[name]
				if !ok {
					want = map[string]string{"error": "InvalidSignature"}
				}
				got, err := pub.RecoverPKCS1v15(sig, alg)
				n++
				switch {
				case want["error"] == "InvalidSignature":
					if !errors.Is(err, core.ErrInvalidSignature) {
						t.Errorf("%s %s %s: got %x, %v; want InvalidSignature", kv.Key, c.Name, name, got, err)
					}
				case want["error"] == "UnsupportedAlgorithm":
					if !errors.Is(err, core.ErrUnsupportedAlgorithm) {
						t.Errorf("%s %s %s: got %x, %v; want UnsupportedAlgorithm", kv.Key, c.Name, name, got, err)
					}
				case want["error"] != "":
					t.Errorf("%s %s %s: unexpected pyca answer %v", kv.Key, c.Name, name, want)
				default:
					w, _ := hex.DecodeString(want["ok"])
					if err != nil || !bytes.Equal(got, w) {
						t.Errorf("%s %s %s: got %x, %v; want %x", kv.Key, c.Name, name, got, err, w)
					}
				}
			}
		}
	}
	if n < 1000 {
		t.Fatalf("only %d checks: vectors missing?", n)
	}
}

// TestRecoverPKCS1v15RoundTrip recovers what SignPKCS1v15 signed.
func TestRecoverPKCS1v15RoundTrip(t *testing.T) {
	pem, err := os.ReadFile(filepath.Join("..", "testdata", "keys", "rsa2048.pkcs8.pem"))
	if err != nil {
		t.Fatal(err)
	}
	priv, err := keys.LoadPrivateKey(pem, nil, keys.EncodingPEM)
	if err != nil {
		t.Fatal(err)
	}
	k := priv.(*rsa.PrivateKey)
	digest := bytes.Repeat([]byte{7}, 32)
	sig, err := k.SignPKCS1v15(digest, hash.SHA256, true)
	if err != nil {
		t.Fatal(err)
	}
	got, err := k.PublicKey().RecoverPKCS1v15(sig, hash.SHA256)
	if err != nil || !bytes.Equal(got, digest) {
		t.Fatalf("got %x, %v", got, err)
	}
	if _, err := k.PublicKey().RecoverPKCS1v15(sig, hash.Algorithm(99)); !errors.Is(err, core.ErrUnsupportedAlgorithm) {
		t.Fatalf("unknown hash: %v", err)
	}
}
