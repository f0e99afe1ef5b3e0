// Command gorunner is the conformance runner for libcrypto-go's Go core
// (the packages under core/). It reads JSON-lines requests on stdin and writes one answer
// per line on stdout; the protocol is tests/conformance/PROTOCOL.md.
//
// It only translates between the protocol and core's API: every decision is
// core's. Core errors are reported by their pyca names (the same mapping as the
// C ABI's status codes and the Python binding's exceptions).
package main

import (
	"bufio"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"

	"github.com/cryptogo/libcrypto-go/core"
	coreaead "github.com/cryptogo/libcrypto-go/core/aead"
	"github.com/cryptogo/libcrypto-go/core/fernet"
	"github.com/cryptogo/libcrypto-go/core/hash"
	"github.com/cryptogo/libcrypto-go/core/kdf"
	"github.com/cryptogo/libcrypto-go/core/keys"
	"github.com/cryptogo/libcrypto-go/core/rsa"
)

type request map[string]any

type answer map[string]any

// errUnsupported marks an operation (or parameter) this runner cannot do.
var errUnsupported = errors.New("unsupported")

func unsupported(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errUnsupported, fmt.Sprintf(format, args...))
}

// errorKind maps a core error to pyca's exception name.
func errorKind(err error) string {
	switch {
	case errors.Is(err, core.ErrInvalidToken):
		return "InvalidToken"
	case errors.Is(err, core.ErrInvalidTag):
		return "InvalidTag"
	case errors.Is(err, core.ErrInvalidSignature):
		return "InvalidSignature"
	case errors.Is(err, core.ErrInvalidKey):
		return "InvalidKey"
	case errors.Is(err, core.ErrAlreadyFinalized):
		return "AlreadyFinalized"
	case errors.Is(err, core.ErrUnsupportedAlgorithm):
		return "UnsupportedAlgorithm"
	case errors.Is(err, core.ErrDecryption):
		return "ValueError"
	case errors.Is(err, core.ErrOverflow):
		return "OverflowError"
	case errors.Is(err, core.ErrPasswordRequired), errors.Is(err, core.ErrPasswordUnexpected):
		return "TypeError"
	case errors.Is(err, core.ErrBadKeyData):
		return "ValueError"
	case errors.Is(err, core.ErrType):
		return "TypeError"
	case errors.Is(err, core.ErrInvalidArgument):
		return "ValueError"
	}
	return "InternalError"
}

func (r request) str(k string) string {
	s, _ := r[k].(string)
	return s
}

// bytes decodes a hex field; a missing or null field is nil, "" is empty
// non-nil (pyca's None versus b"").
func (r request) bytes(k string) []byte {
	v, ok := r[k]
	if !ok || v == nil {
		return nil
	}
	s, _ := v.(string)
	b, err := hex.DecodeString(s)
	if err != nil {
		panic(fmt.Sprintf("field %s: bad hex", k))
	}
	if b == nil {
		b = []byte{}
	}
	return b
}

func (r request) isNull(k string) bool { v, ok := r[k]; return !ok || v == nil }

func (r request) int(k string) int64 {
	switch v := r[k].(type) {
	case json.Number:
		i, err := v.Int64()
		if err != nil {
			panic(fmt.Sprintf("field %s: %v", k, err))
		}
		return i
	case string:
		i, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			panic(fmt.Sprintf("field %s: %v", k, err))
		}
		return i
	}
	panic(fmt.Sprintf("field %s: not a number", k))
}

var hashByName = func() map[string]hash.Algorithm {
	m := map[string]hash.Algorithm{}
	for h := hash.Algorithm(1); h < 64; h++ {
		if h.Valid() {
			m[h.Name()] = h
		}
	}
	return m
}()

func hashAlg(name string) (hash.Algorithm, error) {
	h, ok := hashByName[name]
	if !ok {
		return 0, unsupported("hash %q", name)
	}
	return h, nil
}

func hx(b []byte) string { return hex.EncodeToString(b) }

// Keys from numbers are cached: the driver sends the same key many times.
var (
	privCache = map[string]*rsa.PrivateKey{}
	pubCache  = map[string]*rsa.PublicKey{}
)

var privFields = []string{"n", "e", "d", "p", "q", "dmp1", "dmq1", "iqmp"}

func privateKey(r request) (*rsa.PrivateKey, error) {
	id := r.str("n") + "/" + r.str("d") + "/" + r.str("p")
	if k, ok := privCache[id]; ok {
		return k, nil
	}
	b := make([][]byte, len(privFields))
	for i, f := range privFields {
		b[i] = r.bytes(f)
	}
	k, err := rsa.NewPrivateKeyFromNumbers(b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7])
	if err != nil {
		return nil, err
	}
	privCache[id] = k
	return k, nil
}

func publicKey(r request) (*rsa.PublicKey, error) {
	id := r.str("n") + "/" + r.str("e")
	if k, ok := pubCache[id]; ok {
		return k, nil
	}
	k, err := rsa.NewPublicKeyFromNumbers(r.bytes("n"), r.bytes("e"))
	if err != nil {
		return nil, err
	}
	pubCache[id] = k
	return k, nil
}

// hashPair reads the request's "hash" and "mgf1_hash" (OAEP and PSS).
func hashPair(r request) (h, mgf1 hash.Algorithm, err error) {
	if h, err = hashAlg(r.str("hash")); err != nil {
		return 0, 0, err
	}
	mgf1, err = hashAlg(r.str("mgf1_hash"))
	return h, mgf1, err
}

func pssSalt(r request) (int, error) {
	switch v := r["salt"].(type) {
	case string:
		switch v {
		case "max":
			return rsa.PSSSaltMaxLength, nil
		case "digest":
			return rsa.PSSSaltDigestLength, nil
		case "auto":
			return rsa.PSSSaltAuto, nil
		}
		return 0, unsupported("salt rule %q", v)
	case json.Number:
		i, err := v.Int64()
		return int(i), err
	}
	return 0, unsupported("salt %v", r["salt"])
}

func encoding(r request) (keys.Encoding, error) {
	switch r.str("encoding") {
	case "pem":
		return keys.EncodingPEM, nil
	case "der":
		return keys.EncodingDER, nil
	}
	return 0, unsupported("encoding %q", r.str("encoding"))
}

func numbers(get func(rsa.Component) ([]byte, error), private bool) (answer, error) {
	comps := []rsa.Component{rsa.ComponentN, rsa.ComponentE}
	if private {
		comps = append(comps, rsa.ComponentD, rsa.ComponentP, rsa.ComponentQ,
			rsa.ComponentDMP1, rsa.ComponentDMQ1, rsa.ComponentIQMP)
	}
	a := answer{}
	for i, c := range comps {
		b, err := get(c)
		if err != nil {
			return nil, err
		}
		a[privFields[i]] = hx(b)
	}
	return a, nil
}

type aead interface {
	Encrypt(nonce, plaintext, ad []byte) ([]byte, error)
	Decrypt(nonce, ciphertext, ad []byte) ([]byte, error)
}

func aeadOps(newAEAD func([]byte) (aead, error)) (enc, dec func(request) (answer, error)) {
	enc = func(r request) (answer, error) {
		a, err := newAEAD(r.bytes("key"))
		if err != nil {
			return nil, err
		}
		ct, err := a.Encrypt(r.bytes("nonce"), r.bytes("pt"), r.bytes("aad"))
		if err != nil {
			return nil, err
		}
		return answer{"ct": hx(ct)}, nil
	}
	dec = func(r request) (answer, error) {
		a, err := newAEAD(r.bytes("key"))
		if err != nil {
			return nil, err
		}
		pt, err := a.Decrypt(r.bytes("nonce"), r.bytes("ct"), r.bytes("aad"))
		if err != nil {
			return nil, err
		}
		return answer{"pt": hx(pt)}, nil
	}
	return
}

var ops = map[string]func(request) (answer, error){}

func init() {
	ops["hash"] = func(r request) (answer, error) {
		h, err := hashAlg(r.str("alg"))
		if err != nil {
			return nil, err
		}
		size := 0
		if !r.isNull("length") {
			size = int(r.int("length"))
		}
		d, err := hash.Digest(h, size, r.bytes("data"))
		if err != nil {
			return nil, err
		}
		return answer{"digest": hx(d)}, nil
	}
	ops["hmac"] = func(r request) (answer, error) {
		h, err := hashAlg(r.str("alg"))
		if err != nil {
			return nil, err
		}
		mac, err := hash.ComputeHMAC(r.bytes("key"), h, r.bytes("data"))
		if err != nil {
			return nil, err
		}
		return answer{"mac": hx(mac)}, nil
	}
	ops["hmac.verify"] = func(r request) (answer, error) {
		h, err := hashAlg(r.str("alg"))
		if err != nil {
			return nil, err
		}
		m, err := hash.NewHMAC(r.bytes("key"), h)
		if err != nil {
			return nil, err
		}
		if err := m.Update(r.bytes("data")); err != nil {
			return nil, err
		}
		return answer{}, m.Verify(r.bytes("mac"))
	}
	ops["pbkdf2"] = func(r request) (answer, error) {
		h, err := hashAlg(r.str("alg"))
		if err != nil {
			return nil, err
		}
		k, err := kdf.DerivePBKDF2HMAC(r.bytes("password"), r.bytes("salt"), int(r.int("iterations")),
			int(r.int("length")), h)
		if err != nil {
			return nil, err
		}
		return answer{"key": hx(k)}, nil
	}
	ops["aesgcm.encrypt"], ops["aesgcm.decrypt"] = aeadOps(func(k []byte) (aead, error) { return coreaead.NewAESGCM(k) })
	ops["chacha20poly1305.encrypt"], ops["chacha20poly1305.decrypt"] = aeadOps(func(k []byte) (aead, error) {
		return coreaead.NewChaCha20Poly1305(k)
	})
	ops["fernet.encrypt"] = func(r request) (answer, error) {
		f, err := fernet.New([]byte(r.str("key")))
		if err != nil {
			return nil, err
		}
		tok, err := f.EncryptAtTimeWithIV(r.bytes("pt"), r.int("time"), r.bytes("iv"))
		if err != nil {
			return nil, err
		}
		return answer{"token": string(tok)}, nil
	}
	ops["fernet.decrypt"] = func(r request) (answer, error) {
		f, err := fernet.New([]byte(r.str("key")))
		if err != nil {
			return nil, err
		}
		var pt []byte
		if r.isNull("ttl") {
			pt, err = f.Decrypt([]byte(r.str("token")), nil)
		} else {
			pt, err = f.DecryptAtTime([]byte(r.str("token")), r.int("ttl"), r.int("time"))
		}
		if err != nil {
			return nil, err
		}
		return answer{"pt": hx(pt)}, nil
	}
	ops["rsa.oaep.encrypt"] = func(r request) (answer, error) {
		k, err := publicKey(r)
		if err != nil {
			return nil, err
		}
		h, m, err := hashPair(r)
		if err != nil {
			return nil, err
		}
		ct, err := k.EncryptOAEP(r.bytes("pt"), r.bytes("label"), h, m)
		if err != nil {
			return nil, err
		}
		return answer{"ct": hx(ct)}, nil
	}
	ops["rsa.oaep.decrypt"] = func(r request) (answer, error) {
		k, err := privateKey(r)
		if err != nil {
			return nil, err
		}
		h, m, err := hashPair(r)
		if err != nil {
			return nil, err
		}
		pt, err := k.DecryptOAEP(r.bytes("ct"), r.bytes("label"), h, m)
		if err != nil {
			return nil, err
		}
		return answer{"pt": hx(pt)}, nil
	}
	ops["rsa.pkcs1v15.encrypt"] = func(r request) (answer, error) {
		k, err := publicKey(r)
		if err != nil {
			return nil, err
		}
		ct, err := k.EncryptPKCS1v15(r.bytes("pt"))
		if err != nil {
			return nil, err
		}
		return answer{"ct": hx(ct)}, nil
	}
	ops["rsa.pkcs1v15.decrypt"] = func(r request) (answer, error) {
		k, err := privateKey(r)
		if err != nil {
			return nil, err
		}
		pt, err := k.DecryptPKCS1v15(r.bytes("ct"))
		if err != nil {
			return nil, err
		}
		return answer{"pt": hx(pt)}, nil
	}
	ops["rsa.pss.sign"] = func(r request) (answer, error) {
		k, err := privateKey(r)
		if err != nil {
			return nil, err
		}
		h, m, err := hashPair(r)
		if err != nil {
			return nil, err
		}
		salt, err := pssSalt(r)
		if err != nil {
			return nil, err
		}
		sig, err := k.SignPSS(r.bytes("msg"), salt, h, m, false)
		if err != nil {
			return nil, err
		}
		return answer{"sig": hx(sig)}, nil
	}
	ops["rsa.pss.verify"] = func(r request) (answer, error) {
		k, err := publicKey(r)
		if err != nil {
			return nil, err
		}
		h, m, err := hashPair(r)
		if err != nil {
			return nil, err
		}
		salt, err := pssSalt(r)
		if err != nil {
			return nil, err
		}
		return answer{}, k.VerifyPSS(r.bytes("sig"), r.bytes("msg"), salt, h, m, false)
	}
	ops["rsa.pkcs1v15.sign"] = func(r request) (answer, error) {
		k, err := privateKey(r)
		if err != nil {
			return nil, err
		}
		h, err := hashAlg(r.str("hash"))
		if err != nil {
			return nil, err
		}
		sig, err := k.SignPKCS1v15(r.bytes("msg"), h, false)
		if err != nil {
			return nil, err
		}
		return answer{"sig": hx(sig)}, nil
	}
	ops["rsa.pkcs1v15.verify"] = func(r request) (answer, error) {
		k, err := publicKey(r)
		if err != nil {
			return nil, err
		}
		h, err := hashAlg(r.str("hash"))
		if err != nil {
			return nil, err
		}
		return answer{}, k.VerifyPKCS1v15(r.bytes("sig"), r.bytes("msg"), h, false)
	}
	ops["key.load"] = func(r request) (answer, error) {
		enc, err := encoding(r)
		if err != nil {
			return nil, err
		}
		// The generic loaders, as the C ABI's cryptogo_*_key_load: whichever
		// algorithm the data holds; RSA is the only one with numbers to report.
		if r.str("kind") == "private" {
			k, err := keys.LoadPrivateKey(r.bytes("data"), r.bytes("password"), enc)
			if err != nil {
				return nil, err
			}
			if keys.TypeOf(k) != keys.RSA {
				return nil, core.ErrUnsupportedAlgorithm
			}
			return numbers(k.(*rsa.PrivateKey).Number, true)
		}
		k, err := keys.LoadPublicKey(r.bytes("data"), enc)
		if err != nil {
			return nil, err
		}
		if keys.TypeOf(k) != keys.RSA {
			return nil, core.ErrUnsupportedAlgorithm
		}
		return numbers(k.(*rsa.PublicKey).Number, false)
	}
	ops["key.dump"] = func(r request) (answer, error) {
		enc, err := encoding(r)
		if err != nil {
			return nil, err
		}
		var data []byte
		if r.str("kind") == "private" {
			k, err := privateKey(r)
			if err != nil {
				return nil, err
			}
			var f keys.PrivateFormat
			switch r.str("format") {
			case "pkcs8":
				f = keys.PrivateFormatPKCS8
			case "traditional":
				f = keys.PrivateFormatTraditionalOpenSSL
			default:
				return nil, unsupported("format %q", r.str("format"))
			}
			data, err = keys.PrivateBytes(k, enc, f, r.bytes("password"))
			if err != nil {
				return nil, err
			}
		} else {
			k, err := publicKey(r)
			if err != nil {
				return nil, err
			}
			var f keys.PublicFormat
			switch r.str("format") {
			case "spki":
				f = keys.PublicFormatSubjectPublicKeyInfo
			case "pkcs1":
				f = keys.PublicFormatPKCS1
			default:
				return nil, unsupported("format %q", r.str("format"))
			}
			data, err = keys.PublicBytes(k, enc, f)
			if err != nil {
				return nil, err
			}
		}
		return answer{"data": hx(data)}, nil
	}
}

func handle(r request) (a answer) {
	id := r["id"]
	defer func() {
		if p := recover(); p != nil {
			a = answer{"id": id, "ok": false, "error": "InternalError",
				"message": fmt.Sprintf("panic: %v", p)}
			fmt.Fprintf(os.Stderr, "panic in %v: %v\n%s", r["op"], p, debug.Stack())
		}
	}()
	op := r.str("op")
	if op == "hello" {
		names := make([]string, 0, len(ops))
		for k := range ops {
			names = append(names, k)
		}
		sort.Strings(names)
		return answer{"id": id, "ok": true, "name": "libcrypto-go core (Go)", "version": core.Version,
			"errors": "pyca", "ops": names}
	}
	fn, ok := ops[op]
	if !ok {
		return answer{"id": id, "unsupported": true, "message": "unknown op " + op}
	}
	out, err := fn(r)
	if errors.Is(err, errUnsupported) {
		return answer{"id": id, "unsupported": true, "message": err.Error()}
	}
	if err != nil {
		return answer{"id": id, "ok": false, "error": errorKind(err), "message": truncate(err.Error())}
	}
	out["id"] = id
	out["ok"] = true
	return out
}

func truncate(s string) string {
	if len(s) > 200 {
		return s[:200]
	}
	return strings.ToValidUTF8(s, "?")
}

func main() {
	in := bufio.NewReaderSize(os.Stdin, 1<<20)
	out := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer out.Flush()
	enc := json.NewEncoder(out)
	for {
		line, err := in.ReadBytes('\n')
		if len(strings.TrimSpace(string(line))) > 0 {
			dec := json.NewDecoder(strings.NewReader(string(line)))
			dec.UseNumber()
			var r request
			if derr := dec.Decode(&r); derr != nil {
				fmt.Fprintf(os.Stderr, "bad request: %v\n", derr)
			} else {
				_ = enc.Encode(handle(r))
			}
			// Answer promptly when the driver waits for this line.
			if in.Buffered() == 0 {
				out.Flush()
			}
		}
		if err == io.EOF {
			return
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return
		}
	}
}
