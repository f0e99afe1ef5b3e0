//go:build unix

package main

// Secrets held in handles are overwritten when the handle is freed through
// its *_free export. Each test creates a handle through the C ABI (shims in
// fuzzshim.go), looks up the Go object behind it in the handle table, keeps a
// reference to the memory that holds the secret (for unexported fields, via
// reflect + unsafe: test-only), frees the handle, and checks that memory.
//
// What is wiped (and what cannot be), per kind:
//   - Fernet, MultiFernet: the 32 raw key bytes (signing || encryption key).
//     Not reachable: AES key schedules inside crypto/aes and cached CBC/HMAC
//     states (left to the GC).
//   - AES-GCM, ChaCha20-Poly1305: the library's copy of the key. Not
//     reachable: the expanded AES key schedule in crypto/cipher and the key
//     copy inside x/crypto's chacha20poly1305 value.
//   - HMAC: the keyed inner and outer hash states (H(K^ipad), H(K^opad)) are
//     reset and overwritten; the raw key is never kept.
//   - RSA private key: D, the primes, Dp, Dq, Qinv (and CRT values), words
//     zeroed up to capacity. Not reachable: crypto/rsa's precomputed
//     fips140 key (dropped, left to the GC).
//   - Hash, RSA public key: hold no secret; not wiped.

import (
	"bytes"
	"encoding"
	"math/big"
	"reflect"
	"testing"
	"unsafe"

	"github.com/cryptogo/libcrypto-go/core/fernet"
	"github.com/cryptogo/libcrypto-go/core/hash"
	"github.com/cryptogo/libcrypto-go/core/rsa"
)

// field returns the (possibly unexported) field name of the struct *obj
// points to, as a usable reflect.Value aliasing the original memory.
func field(t *testing.T, obj any, name string) reflect.Value {
	t.Helper()
	v := reflect.ValueOf(obj).Elem().FieldByName(name)
	if !v.IsValid() {
		t.Fatalf("%T has no field %q (did core change? update secrets_test.go)", obj, name)
	}
	return reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
}

// object returns the Go object behind a live handle.
func object(t *testing.T, p unsafe.Pointer, k kind) any {
	t.Helper()
	h, err := lookup(p, k)
	if err != nil {
		t.Fatalf("lookup: %v", err)
	}
	return h.obj
}

func mustZero(t *testing.T, what string, b []byte) {
	t.Helper()
	if len(b) == 0 {
		t.Fatalf("%s: nothing captured", what)
	}
	if !allBytes(b, 0) {
		t.Errorf("%s not wiped on free: %x", what, b)
	}
}

func mustNonZero(t *testing.T, what string, b []byte) {
	t.Helper()
	if allBytes(b, 0) {
		t.Fatalf("%s is all zero before free: the test would prove nothing", what)
	}
}

func freeOK(t *testing.T, k kind, p unsafe.Pointer) {
	t.Helper()
	if rc := shimFree(k, p); rc != rcOK {
		t.Fatalf("free: %d", rc)
	}
	if rc := shimFree(k, p); rc != rcInvalidHandle {
		t.Fatalf("second free: %d, want INVALID_HANDLE", rc)
	}
}

func TestSecretsFernetWipedOnFree(t *testing.T) {
	p, rc := shimFernetNew([]byte(fernetSpecKey))
	if rc != rcOK {
		t.Fatal(rc)
	}
	key := field(t, object(t, p, kindFernet), "key").Bytes()
	if len(key) != 32 {
		t.Fatalf("Fernet key is %d bytes", len(key))
	}
	mustNonZero(t, "Fernet key", key)
	freeOK(t, kindFernet, p)
	mustZero(t, "Fernet key", key)
}

func TestSecretsMultiFernetWipedOnFree(t *testing.T) {
	f1, _ := shimFernetNew([]byte(fernetSpecKey))
	f2, _ := shimFernetNew([]byte(fernetOtherKey))
	mf, rc := shimMultiFernetNew([]unsafe.Pointer{f1, f2})
	if rc != rcOK {
		t.Fatal(rc)
	}
	freeOK(t, kindFernet, f1)
	freeOK(t, kindFernet, f2)
	fernets := field(t, object(t, mf, kindMultiFernet), "fernets").Interface().([]*fernet.Fernet)
	var keys [][]byte
	for i, f := range fernets {
		k := field(t, f, "key").Bytes()
		mustNonZero(t, "MultiFernet key", k)
		keys = append(keys, k)
		_ = i
	}
	if len(keys) != 2 {
		t.Fatalf("MultiFernet holds %d keys", len(keys))
	}
	freeOK(t, kindMultiFernet, mf)
	for _, k := range keys {
		mustZero(t, "MultiFernet key", k)
	}
}

func TestSecretsAEADWipedOnFree(t *testing.T) {
	for _, tc := range []struct {
		k   kind
		key []byte
	}{
		{kindAESGCM, bytes.Repeat([]byte{0x42}, 16)},
		{kindAESGCM, bytes.Repeat([]byte{0x42}, 32)},
		{kindChaCha20Poly1305, bytes.Repeat([]byte{0x42}, 32)},
	} {
		p, rc := shimAEADNew(tc.k, tc.key)
		if rc != rcOK {
			t.Fatal(rc)
		}
		key := field(t, object(t, p, tc.k), "key").Bytes()
		if !bytes.Equal(key, tc.key) {
			t.Fatalf("kind %d: key copy differs", tc.k)
		}
		freeOK(t, tc.k, p)
		mustZero(t, "AEAD key", key)
	}
}

func TestSecretsHMACWipedOnFree(t *testing.T) {
	p, rc := shimHMACNew([]byte("a secret HMAC key"), hashSHA256)
	if rc != rcOK {
		t.Fatal(rc)
	}
	if rc := shimHMACUpdate(p, []byte("data")); rc != rcOK {
		t.Fatal(rc)
	}
	obj := object(t, p, kindHMAC)
	fresh, err := hash.Algorithm(hashSHA256).New()
	if err != nil {
		t.Fatal(err)
	}
	freshState, _ := fresh.(encoding.BinaryMarshaler).MarshalBinary()
	var states []encoding.BinaryMarshaler
	for _, name := range []string{"inner", "outer"} {
		h := field(t, obj, name).Interface()
		m, ok := h.(encoding.BinaryMarshaler)
		if !ok {
			t.Fatalf("HMAC %s state %T cannot be inspected", name, h)
		}
		st, _ := m.MarshalBinary()
		if bytes.Equal(st, freshState) {
			t.Fatalf("HMAC %s state is not keyed before free", name)
		}
		states = append(states, m)
	}
	freeOK(t, kindHMAC, p)
	for i, m := range states {
		st, _ := m.MarshalBinary()
		if !bytes.Equal(st, freshState) {
			t.Errorf("HMAC state %d still holds keyed data after free", i)
		}
	}
}

func TestSecretsRSAPrivateKeyWipedOnFree(t *testing.T) {
	pem := keyFixture("rsa1024e3.pkcs8.pem")
	p, rc := shimPrivateKeyLoad(pem, nil, false, encPEM)
	if rc != rcOK {
		t.Fatal(rc)
	}
	k := object(t, p, kindPrivateKey).(*rsa.PrivateKey).Key()
	k.Precompute()
	ints := map[string]*big.Int{"D": k.D, "Dp": k.Precomputed.Dp, "Dq": k.Precomputed.Dq, "Qinv": k.Precomputed.Qinv}
	for i, prime := range k.Primes {
		ints["prime"+string(rune('0'+i))] = prime
	}
	words := map[string][]big.Word{}
	for name, x := range ints {
		if x == nil || x.Sign() == 0 {
			t.Fatalf("%s is empty before free", name)
		}
		w := x.Bits()
		words[name] = w[:cap(w)]
	}
	freeOK(t, kindPrivateKey, p)
	for name, w := range words {
		for _, v := range w {
			if v != 0 {
				t.Errorf("RSA %s not wiped on free", name)
				break
			}
		}
	}
	if k.D.Sign() != 0 {
		t.Errorf("RSA D = %v after free", k.D)
	}
}
