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
//
// Issue 12 finding 9 (the tests after rawMemory): the tail of an HMAC key
// longer than the block size (hashed into the outer state, whose block
// buffer Reset does not clear); the secret RSA number copied out for
// cryptogo_rsa_private_key_number when the output buffer is too small;
// string(password) / []rune(string(password)) copies in the PBE and PBKDF2
// code (what crypto/pbkdf2 and x/crypto/scrypt copy internally - the
// []byte(password) and HMAC pads inside crypto/pbkdf2 - cannot be reached
// and is left to the GC); the data pooled Fernet states kept between calls.

import (
	"bytes"
	"encoding"
	"go/ast"
	"go/parser"
	"go/token"
	"math/big"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
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

// ---- issue 12 finding 9 ----

// rawMemory returns the bytes of the struct an interface holding a pointer
// refers to (a hash state: crypto/sha256's digest keeps its buffer inline).
func rawMemory(t *testing.T, obj any) []byte {
	t.Helper()
	v := reflect.ValueOf(obj)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		t.Fatalf("%T is not a non-nil pointer", obj)
	}
	return unsafe.Slice((*byte)(v.UnsafePointer()), v.Elem().Type().Size())
}

// leaks reports the first window of w bytes of secret found in mem.
func leaks(mem, secret []byte, w int) (int, bool) {
	for i := 0; i+w <= len(secret); i++ {
		if bytes.Contains(mem, secret[i:i+w]) {
			return i, true
		}
	}
	return 0, false
}

// distinct returns n bytes with no repeated 4-byte window and no zero byte.
func distinct(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i*37+11) | 1
		if i%3 == 0 {
			b[i] ^= byte(i >> 2)
			b[i] |= 0x80
		}
	}
	return b
}

// An HMAC key longer than the block size is hashed into the outer state;
// the tail of the key stayed in that state's block buffer after Wipe (4
// bytes of a 100-byte key with SHA-256, once the finalization overwrote the
// first 32).
func TestSecretsHMACLongKeyTailWipedOnFree(t *testing.T) {
	for _, tc := range []struct {
		alg  hash.Algorithm
		klen int
	}{
		{hash.SHA256, 100}, {hash.SHA1, 100}, {hash.MD5, 100}, {hash.SHA224, 65},
		{hash.SHA512, 200}, {hash.SHA384, 129}, {hash.SHA3_256, 200}, {hash.BLAKE2b, 200}, {hash.BLAKE2s, 100},
	} {
		key := distinct(tc.klen)
		for _, finalize := range []bool{false, true} {
			p, rc := shimHMACNew(key, int(tc.alg))
			if rc != rcOK {
				t.Fatal(rc)
			}
			obj := object(t, p, kindHMAC)
			var states []any
			for _, name := range []string{"inner", "outer"} {
				states = append(states, field(t, obj, name).Interface())
			}
			if rc := shimHMACUpdate(p, []byte("some data")); rc != rcOK {
				t.Fatal(rc)
			}
			if finalize {
				if err := obj.(*hash.HMAC).FinalizeTo(make([]byte, tc.alg.Size())); err != nil {
					t.Fatal(err)
				}
			}
			freeOK(t, kindHMAC, p)
			for i, s := range states {
				if off, ok := leaks(rawMemory(t, s), key, 4); ok {
					t.Errorf("%s (%d-byte key, finalized %v): %s state still holds key bytes %d.. after free",
						tc.alg.Name(), tc.klen, finalize, [2]string{"inner", "outer"}[i], off)
				}
			}
		}
	}
}

// The secret RSA number cryptogo_rsa_private_key_number copies out of the key
// was not cleared when the output buffer was too small.
func TestSecretsRSANumberClearedOnShortBuffer(t *testing.T) {
	p, rc := shimPrivateKeyLoad(keyFixture("rsa1024e3.pkcs8.pem"), nil, false, encPEM)
	if rc != rcOK {
		t.Fatal(rc)
	}
	defer freeOK(t, kindPrivateKey, p)
	var got [][]byte
	orig := privateNumber
	privateNumber = func(k *rsa.PrivateKey, c rsa.Component) ([]byte, error) {
		b, err := orig(k, c)
		got = append(got, b)
		return b, err
	}
	defer func() { privateNumber = orig }()
	const componentD = 3 // CRYPTOGO_RSA_D
	for _, outCap := range []int{0, 10, 4096} {
		got = nil
		r := shimRSAPrivateKeyNumber(p, componentD, outCap)
		want := rcOK
		if outCap < 100 {
			want = -4 // BUFFER_TOO_SMALL
		}
		if r.RC != want {
			t.Fatalf("out_cap %d: rc %d, want %d", outCap, r.RC, want)
		}
		if len(got) != 1 || len(got[0]) < 100 {
			t.Fatalf("out_cap %d: captured %d numbers", outCap, len(got))
		}
		if !allBytes(got[0], 0) {
			t.Errorf("out_cap %d: the copy of d was not cleared (rc %d)", outCap, r.RC)
		}
	}
}

// The PBE code converted passwords with string(password) and
// []rune(string(password)): copies that nothing can wipe. It must pass
// password bytes on without making such copies (what crypto/pbkdf2 and
// x/crypto/scrypt copy internally is beyond reach: see secrets_test.go).
func TestSecretsPasswordNotCopiedIntoStrings(t *testing.T) {
	for _, dir := range []string{"../core/internal/pbe", "../core/kdf"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: %v", dir, err)
		}
		fset := token.NewFileSet()
		for _, path := range files {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				c, ok := n.(*ast.CallExpr)
				if !ok || len(c.Args) != 1 {
					return true
				}
				conv := ""
				switch fn := c.Fun.(type) {
				case *ast.Ident:
					if fn.Name == "string" {
						conv = "string"
					}
				case *ast.ArrayType:
					if id, ok := fn.Elt.(*ast.Ident); ok && id.Name == "rune" {
						conv = "[]rune"
					}
				}
				if conv == "" {
					return true
				}
				var arg strings.Builder
				ast.Inspect(c.Args[0], func(m ast.Node) bool {
					if id, ok := m.(*ast.Ident); ok {
						arg.WriteString(strings.ToLower(id.Name) + " ")
					}
					return true
				})
				if a := arg.String(); strings.Contains(a, "password") || strings.Contains(a, "pw") || strings.Contains(a, "bmp") {
					t.Errorf("%s: %s(...) copies a password into memory that cannot be wiped", fset.Position(c.Pos()), conv)
				}
				return true
			})
		}
	}
}

// Pooled Fernet states kept the previous call's data (the decrypted last
// block, the token's pieces, the MAC) after they were returned to the pool.
func TestSecretsFernetPooledStateCleared(t *testing.T) {
	p, rc := shimFernetNew([]byte(fernetSpecKey))
	if rc != rcOK {
		t.Fatal(rc)
	}
	defer freeOK(t, kindFernet, p)
	msg := []byte("a message in the pooled state test")
	tok := shimFernetEncryptAtTimeWithIV(p, msg, 1000, bytes.Repeat([]byte{7}, 16), 256)
	if tok.RC != rcOK {
		t.Fatal(tok.RC)
	}
	dec := shimFernetDecrypt(p, false, tok.Out(), true, true, 100, 1000, 256)
	if dec.RC != rcOK || !bytes.Equal(dec.Out(), msg) {
		t.Fatalf("decrypt: %d %q", dec.RC, dec.Out())
	}
	f := object(t, p, kindFernet).(*fernet.Fernet)
	pool := field(t, f, "state").Interface().(*sync.Pool)
	s := pool.Get()
	defer pool.Put(s)
	for _, name := range []string{"sum", "last", "iv", "hdr", "tail", "tag"} {
		v := field(t, s, name)
		b := unsafe.Slice((*byte)(unsafe.Pointer(v.UnsafeAddr())), v.Type().Size())
		if !allBytes(b, 0) {
			t.Errorf("pooled Fernet state: %s holds the last call's data: %x", name, b)
		}
	}
}
