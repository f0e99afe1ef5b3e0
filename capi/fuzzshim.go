//go:build unix

package main

/*
#include "cryptogo_types.h"
*/
import "C"

import (
	"syscall"
	"unsafe"
)

// fuzzshim.go: Go-callable entry points into the exports, for capi's fuzz
// targets (fuzz_test.go) and secrets tests (secrets_test.go), which cannot use
// cgo themselves. Nothing here is exported to C, and nothing is reachable from
// an export, so the linker drops it from libcrypto-go.so.
//
// Every input is copied into freshly mapped memory that ends right before an
// inaccessible page, and every output buffer ends the same way: a read past an
// input or a write past out_cap faults at once (Go reports "unexpected fault
// address" and the fuzzer records a crasher), instead of going unnoticed.

// shimFill is the byte an output buffer holds before a call, to detect what
// the call wrote.
const shimFill = 0xA5

// guarded returns n bytes ending exactly at an inaccessible guard page, and a
// function that unmaps them. n == 0 gives a nil slice.
func guarded(n int) ([]byte, func()) {
	if n <= 0 {
		return nil, func() {}
	}
	page := syscall.Getpagesize()
	body := (n + page - 1) / page * page
	mem, err := syscall.Mmap(-1, 0, body+page, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		panic(err)
	}
	if err := syscall.Mprotect(mem[body:], syscall.PROT_NONE); err != nil {
		panic(err)
	}
	return mem[body-n : body : body], func() { syscall.Munmap(mem) }
}

// shimIn copies b into guarded memory: (NULL, 0) when b is empty.
func shimIn(b []byte) (*C.cryptogo_in, C.size_t, func()) {
	buf, release := guarded(len(b))
	if len(b) == 0 {
		return nil, 0, release
	}
	copy(buf, b)
	return (*C.cryptogo_in)(unsafe.Pointer(&buf[0])), C.size_t(len(b)), release
}

// shimResult is what a call with an output buffer did.
type shimResult struct {
	RC  int    // status code
	Len int    // *out_len after the call
	Buf []byte // copy of the whole output buffer (out_cap bytes) after the call
}

// Out is the output, Buf[:Len], when the call succeeded and Len fits.
func (r shimResult) Out() []byte {
	if r.Len < 0 || r.Len > len(r.Buf) {
		return nil
	}
	return r.Buf[:r.Len]
}

// shimOut calls fn with a guarded output buffer of outCap bytes (filled with
// shimFill; NULL when outCap is 0) and *out_len preset to a sentinel.
func shimOut(outCap int, fn func(out *C.uint8_t, outCap C.size_t, outLen *C.size_t) C.int) shimResult {
	buf, release := guarded(outCap)
	defer release()
	for i := range buf {
		buf[i] = shimFill
	}
	var p *C.uint8_t
	if outCap > 0 {
		p = (*C.uint8_t)(unsafe.Pointer(&buf[0]))
	}
	outLen := C.size_t(0xDEADBEEF)
	rc := fn(p, C.size_t(outCap), &outLen)
	return shimResult{RC: int(rc), Len: int(outLen), Buf: append([]byte{}, buf...)}
}

func shimBool(b bool) C.int {
	if b {
		return 1
	}
	return 0
}

// ---- handles ----

// shimFree releases the handle p of kind k through its *_free export.
func shimFree(k kind, p unsafe.Pointer) int {
	switch k {
	case kindFernet:
		return int(cryptogo_fernet_free((*C.cryptogo_fernet)(p)))
	case kindMultiFernet:
		return int(cryptogo_multifernet_free((*C.cryptogo_multifernet)(p)))
	case kindHash:
		return int(cryptogo_hash_free((*C.cryptogo_hash)(p)))
	case kindHMAC:
		return int(cryptogo_hmac_free((*C.cryptogo_hmac)(p)))
	case kindAESGCM:
		return int(cryptogo_aesgcm_free((*C.cryptogo_aesgcm)(p)))
	case kindChaCha20Poly1305:
		return int(cryptogo_chacha20poly1305_free((*C.cryptogo_chacha20poly1305)(p)))
	case kindPrivateKey:
		return int(cryptogo_private_key_free((*C.cryptogo_private_key)(p)))
	case kindPublicKey:
		return int(cryptogo_public_key_free((*C.cryptogo_public_key)(p)))
	}
	panic("shimFree: unknown kind")
}

// shimLiveHandles is cryptogo_debug_live_handles.
func shimLiveHandles() int {
	var n C.size_t
	if rc := cryptogo_debug_live_handles(&n); rc != C.CRYPTOGO_OK {
		return -1
	}
	return int(n)
}

// ---- Fernet ----

func shimFernetNew(key []byte) (unsafe.Pointer, int) {
	k, n, release := shimIn(key)
	defer release()
	var h *C.cryptogo_fernet
	rc := cryptogo_fernet_new(&h, k, n)
	return unsafe.Pointer(h), int(rc)
}

func shimMultiFernetNew(fernets []unsafe.Pointer) (unsafe.Pointer, int) {
	arr := make([]*C.cryptogo_fernet, len(fernets)+1) // never empty, so &arr[0] is valid
	for i, f := range fernets {
		arr[i] = (*C.cryptogo_fernet)(f)
	}
	var h *C.cryptogo_multifernet
	rc := cryptogo_multifernet_new(&h, &arr[0], C.size_t(len(fernets)))
	return unsafe.Pointer(h), int(rc)
}

func shimFernetEncryptAtTimeWithIV(f unsafe.Pointer, msg []byte, now int64, iv []byte, outCap int) shimResult {
	m, mn, r1 := shimIn(msg)
	defer r1()
	v, vn, r2 := shimIn(iv)
	defer r2()
	return shimOut(outCap, func(out *C.uint8_t, c C.size_t, l *C.size_t) C.int {
		return cryptogo_fernet_encrypt_at_time_with_iv(out, c, l, m, mn, C.int64_t(now), v, vn, (*C.cryptogo_fernet)(f))
	})
}

func shimFernetMsgBytesMax(tokenLen int) int {
	return int(cryptogo_fernet_msgbytes_max(C.size_t(tokenLen)))
}

func shimFernetTokenBytes(msgLen int) int { return int(cryptogo_fernet_tokenbytes(C.size_t(msgLen))) }

// shimFernetDecrypt calls cryptogo_fernet_decrypt (atTime false) or
// cryptogo_fernet_decrypt_at_time (atTime true; hasTTL ignored), or their
// MultiFernet forms when multi is true.
func shimFernetDecrypt(f unsafe.Pointer, multi bool, token []byte, atTime, hasTTL bool, ttl, now int64, outCap int) shimResult {
	t, tn, release := shimIn(token)
	defer release()
	return shimOut(outCap, func(out *C.uint8_t, c C.size_t, l *C.size_t) C.int {
		switch {
		case multi && atTime:
			return cryptogo_multifernet_decrypt_at_time(out, c, l, t, tn, C.int64_t(ttl), C.int64_t(now), (*C.cryptogo_multifernet)(f))
		case multi:
			return cryptogo_multifernet_decrypt(out, c, l, t, tn, shimBool(hasTTL), C.int64_t(ttl), (*C.cryptogo_multifernet)(f))
		case atTime:
			return cryptogo_fernet_decrypt_at_time(out, c, l, t, tn, C.int64_t(ttl), C.int64_t(now), (*C.cryptogo_fernet)(f))
		default:
			return cryptogo_fernet_decrypt(out, c, l, t, tn, shimBool(hasTTL), C.int64_t(ttl), (*C.cryptogo_fernet)(f))
		}
	})
}

func shimFernetExtractTimestamp(f unsafe.Pointer, multi bool, token []byte) (int64, int) {
	t, tn, release := shimIn(token)
	defer release()
	ts := C.int64_t(-12345)
	var rc C.int
	if multi {
		rc = cryptogo_multifernet_extract_timestamp(&ts, t, tn, (*C.cryptogo_multifernet)(f))
	} else {
		rc = cryptogo_fernet_extract_timestamp(&ts, t, tn, (*C.cryptogo_fernet)(f))
	}
	return int64(ts), int(rc)
}

func shimMultiFernetRotate(mf unsafe.Pointer, token []byte, outCap int) shimResult {
	t, tn, release := shimIn(token)
	defer release()
	return shimOut(outCap, func(out *C.uint8_t, c C.size_t, l *C.size_t) C.int {
		return cryptogo_multifernet_rotate(out, c, l, t, tn, (*C.cryptogo_multifernet)(mf))
	})
}

// ---- AEAD (k is kindAESGCM or kindChaCha20Poly1305) ----

func shimAEADNew(k kind, key []byte) (unsafe.Pointer, int) {
	kb, kn, release := shimIn(key)
	defer release()
	var rc C.int
	var h unsafe.Pointer
	switch k {
	case kindAESGCM:
		var p *C.cryptogo_aesgcm
		rc = cryptogo_aesgcm_new(&p, kb, kn)
		h = unsafe.Pointer(p)
	case kindChaCha20Poly1305:
		var p *C.cryptogo_chacha20poly1305
		rc = cryptogo_chacha20poly1305_new(&p, kb, kn)
		h = unsafe.Pointer(p)
	default:
		panic("shimAEADNew: not an AEAD kind")
	}
	return h, int(rc)
}

func shimAEAD(k kind, seal bool, h unsafe.Pointer, data, ad, nonce []byte, outCap int) shimResult {
	d, dn, r1 := shimIn(data)
	defer r1()
	a, an, r2 := shimIn(ad)
	defer r2()
	n, nn, r3 := shimIn(nonce)
	defer r3()
	return shimOut(outCap, func(out *C.uint8_t, c C.size_t, l *C.size_t) C.int {
		switch {
		case k == kindAESGCM && seal:
			return cryptogo_aesgcm_encrypt(out, c, l, d, dn, a, an, n, nn, (*C.cryptogo_aesgcm)(h))
		case k == kindAESGCM:
			return cryptogo_aesgcm_decrypt(out, c, l, d, dn, a, an, n, nn, (*C.cryptogo_aesgcm)(h))
		case k == kindChaCha20Poly1305 && seal:
			return cryptogo_chacha20poly1305_encrypt(out, c, l, d, dn, a, an, n, nn, (*C.cryptogo_chacha20poly1305)(h))
		case k == kindChaCha20Poly1305:
			return cryptogo_chacha20poly1305_decrypt(out, c, l, d, dn, a, an, n, nn, (*C.cryptogo_chacha20poly1305)(h))
		}
		panic("shimAEAD: not an AEAD kind")
	})
}

// ---- HMAC ----

func shimHMACNew(key []byte, alg int) (unsafe.Pointer, int) {
	kb, kn, release := shimIn(key)
	defer release()
	var h *C.cryptogo_hmac
	rc := cryptogo_hmac_new(&h, kb, kn, C.int(alg))
	return unsafe.Pointer(h), int(rc)
}

func shimHMACUpdate(h unsafe.Pointer, data []byte) int {
	d, dn, release := shimIn(data)
	defer release()
	return int(cryptogo_hmac_update((*C.cryptogo_hmac)(h), d, dn))
}

// ---- keys (the generic key layer) ----

// shimPrivateKeyLoad is cryptogo_private_key_load; password is passed
// as NULL (pyca's None) when hasPassword is false, else as a non-NULL pointer
// even when empty (b"").
func shimPrivateKeyLoad(data, password []byte, hasPassword bool, encoding int) (unsafe.Pointer, int) {
	d, dn, r1 := shimIn(data)
	defer r1()
	var pw *C.cryptogo_in
	var pn C.size_t
	if hasPassword {
		buf, r2 := guarded(len(password) + 1) // +1: non-NULL even for b""
		defer r2()
		copy(buf, password)
		pw, pn = (*C.cryptogo_in)(unsafe.Pointer(&buf[0])), C.size_t(len(password))
	}
	var h *C.cryptogo_private_key
	rc := cryptogo_private_key_load(&h, d, dn, pw, pn, C.int(encoding))
	return unsafe.Pointer(h), int(rc)
}

func shimPublicKeyLoad(data []byte, encoding int) (unsafe.Pointer, int) {
	d, dn, release := shimIn(data)
	defer release()
	var h *C.cryptogo_public_key
	rc := cryptogo_public_key_load(&h, d, dn, C.int(encoding))
	return unsafe.Pointer(h), int(rc)
}

func shimPrivateKeyDump(k unsafe.Pointer, encoding, format int, outCap int) shimResult {
	return shimOut(outCap, func(out *C.uint8_t, c C.size_t, l *C.size_t) C.int {
		return cryptogo_private_key_dump(out, c, l, C.int(encoding), C.int(format), nil, 0, (*C.cryptogo_const_private_key)(k))
	})
}

func shimPublicKeyDump(k unsafe.Pointer, encoding, format int, outCap int) shimResult {
	return shimOut(outCap, func(out *C.uint8_t, c C.size_t, l *C.size_t) C.int {
		return cryptogo_public_key_dump(out, c, l, C.int(encoding), C.int(format), (*C.cryptogo_const_public_key)(k))
	})
}

func shimPrivateKeyPublicKey(k unsafe.Pointer) (unsafe.Pointer, int) {
	var h *C.cryptogo_public_key
	rc := cryptogo_private_key_public_key(&h, (*C.cryptogo_const_private_key)(k))
	return unsafe.Pointer(h), int(rc)
}

// shimPrivateKeyType is cryptogo_private_key_type (-1 on failure).
func shimPrivateKeyType(k unsafe.Pointer) (int, int) {
	var t C.int
	rc := cryptogo_private_key_type(&t, (*C.cryptogo_const_private_key)(k))
	return int(t), int(rc)
}

// shimPublicKeyType is cryptogo_public_key_type.
func shimPublicKeyType(k unsafe.Pointer) (int, int) {
	var t C.int
	rc := cryptogo_public_key_type(&t, (*C.cryptogo_const_public_key)(k))
	return int(t), int(rc)
}

// shimPrivateKeyBits is cryptogo_private_key_bits.
func shimPrivateKeyBits(k unsafe.Pointer) (int, int) {
	var n C.size_t
	rc := cryptogo_private_key_bits(&n, (*C.cryptogo_const_private_key)(k))
	return int(n), int(rc)
}

// shimPublicKeyBits is cryptogo_public_key_bits.
func shimPublicKeyBits(k unsafe.Pointer) (int, int) {
	var n C.size_t
	rc := cryptogo_public_key_bits(&n, (*C.cryptogo_const_public_key)(k))
	return int(n), int(rc)
}

// shimPublicKeyEqual is cryptogo_public_key_equal.
func shimPublicKeyEqual(a, b unsafe.Pointer) (bool, int) {
	var eq C.int = 7 // neither 0 nor 1: the export must store its answer
	rc := cryptogo_public_key_equal(&eq, (*C.cryptogo_const_public_key)(a), (*C.cryptogo_const_public_key)(b))
	if rc == C.CRYPTOGO_OK && eq != 0 && eq != 1 {
		return false, -100
	}
	return eq == 1, int(rc)
}

// shimFernetKeyCanonicalize is cryptogo_fernet_key_canonicalize.
func shimFernetKeyCanonicalize(key []byte, outCap int) shimResult {
	k, kn, release := shimIn(key)
	defer release()
	return shimOut(outCap, func(out *C.uint8_t, c C.size_t, l *C.size_t) C.int {
		return cryptogo_fernet_key_canonicalize(out, c, l, k, kn)
	})
}

// ---- RSA operations ----

// shimRSARecoverPKCS1v15 is cryptogo_rsa_recover_pkcs1v15.
func shimRSARecoverPKCS1v15(k unsafe.Pointer, sig []byte, hash int, outCap int) shimResult {
	sp, sn, release := shimIn(sig)
	defer release()
	return shimOut(outCap, func(out *C.uint8_t, c C.size_t, ol *C.size_t) C.int {
		return cryptogo_rsa_recover_pkcs1v15(out, c, ol, sp, sn, C.int(hash), (*C.cryptogo_const_public_key)(k))
	})
}

func shimRSAEncryptOAEP(k unsafe.Pointer, pt, label []byte, hash, mgf1 int, outCap int) shimResult {
	p, pn, r1 := shimIn(pt)
	defer r1()
	l, ln, r2 := shimIn(label)
	defer r2()
	return shimOut(outCap, func(out *C.uint8_t, c C.size_t, ol *C.size_t) C.int {
		return cryptogo_rsa_encrypt_oaep(out, c, ol, p, pn, l, ln, C.int(hash), C.int(mgf1), (*C.cryptogo_const_public_key)(k))
	})
}

func shimRSADecryptOAEP(k unsafe.Pointer, ct, label []byte, hash, mgf1 int, outCap int) shimResult {
	p, pn, r1 := shimIn(ct)
	defer r1()
	l, ln, r2 := shimIn(label)
	defer r2()
	return shimOut(outCap, func(out *C.uint8_t, c C.size_t, ol *C.size_t) C.int {
		return cryptogo_rsa_decrypt_oaep(out, c, ol, p, pn, l, ln, C.int(hash), C.int(mgf1), (*C.cryptogo_const_private_key)(k))
	})
}

func shimRSAEncryptPKCS1v15(k unsafe.Pointer, pt []byte, outCap int) shimResult {
	p, pn, r1 := shimIn(pt)
	defer r1()
	return shimOut(outCap, func(out *C.uint8_t, c C.size_t, ol *C.size_t) C.int {
		return cryptogo_rsa_encrypt_pkcs1v15(out, c, ol, p, pn, (*C.cryptogo_const_public_key)(k))
	})
}

func shimRSADecryptPKCS1v15(k unsafe.Pointer, ct []byte, outCap int) shimResult {
	p, pn, r1 := shimIn(ct)
	defer r1()
	return shimOut(outCap, func(out *C.uint8_t, c C.size_t, ol *C.size_t) C.int {
		return cryptogo_rsa_decrypt_pkcs1v15(out, c, ol, p, pn, (*C.cryptogo_const_private_key)(k))
	})
}

func shimRSASignPSS(k unsafe.Pointer, msg []byte, salt, hash, mgf1 int, prehashed bool, outCap int) shimResult {
	m, mn, r1 := shimIn(msg)
	defer r1()
	return shimOut(outCap, func(out *C.uint8_t, c C.size_t, ol *C.size_t) C.int {
		return cryptogo_rsa_sign_pss(out, c, ol, m, mn, C.int(salt), C.int(hash), C.int(mgf1), shimBool(prehashed), (*C.cryptogo_const_private_key)(k))
	})
}

func shimRSAVerifyPSS(k unsafe.Pointer, sig, msg []byte, salt, hash, mgf1 int, prehashed bool) int {
	s, sn, r1 := shimIn(sig)
	defer r1()
	m, mn, r2 := shimIn(msg)
	defer r2()
	return int(cryptogo_rsa_verify_pss(s, sn, m, mn, C.int(salt), C.int(hash), C.int(mgf1), shimBool(prehashed), (*C.cryptogo_const_public_key)(k)))
}

func shimRSASignPKCS1v15(k unsafe.Pointer, msg []byte, hash int, prehashed bool, outCap int) shimResult {
	m, mn, r1 := shimIn(msg)
	defer r1()
	return shimOut(outCap, func(out *C.uint8_t, c C.size_t, ol *C.size_t) C.int {
		return cryptogo_rsa_sign_pkcs1v15(out, c, ol, m, mn, C.int(hash), shimBool(prehashed), (*C.cryptogo_const_private_key)(k))
	})
}

func shimRSAVerifyPKCS1v15(k unsafe.Pointer, sig, msg []byte, hash int, prehashed bool) int {
	s, sn, r1 := shimIn(sig)
	defer r1()
	m, mn, r2 := shimIn(msg)
	defer r2()
	return int(cryptogo_rsa_verify_pkcs1v15(s, sn, m, mn, C.int(hash), shimBool(prehashed), (*C.cryptogo_const_public_key)(k)))
}

// ---- DSS signatures ----

// shimDSSEncode is cryptogo_dss_signature_encode.
func shimDSSEncode(r, s []byte, outCap int) shimResult {
	rp, rn, releaseR := shimIn(r)
	defer releaseR()
	sp, sn, releaseS := shimIn(s)
	defer releaseS()
	return shimOut(outCap, func(out *C.uint8_t, c C.size_t, ol *C.size_t) C.int {
		return cryptogo_dss_signature_encode(out, c, ol, rp, rn, sp, sn)
	})
}

// shimDSSDecode is cryptogo_dss_signature_decode; rLen is *out_r_len.
func shimDSSDecode(sig []byte, outCap int) (res shimResult, rLen int) {
	p, n, release := shimIn(sig)
	defer release()
	rl := C.size_t(0xDEADBEEF)
	res = shimOut(outCap, func(out *C.uint8_t, c C.size_t, ol *C.size_t) C.int {
		return cryptogo_dss_signature_decode(out, c, ol, &rl, p, n)
	})
	return res, int(rl)
}

// shimRSAPrivateKeyNumber is cryptogo_rsa_private_key_number.
func shimRSAPrivateKeyNumber(k unsafe.Pointer, component int, outCap int) shimResult {
	return shimOut(outCap, func(out *C.uint8_t, c C.size_t, l *C.size_t) C.int {
		return cryptogo_rsa_private_key_number(out, c, l, C.int(component), (*C.cryptogo_const_private_key)(k))
	})
}
