package main

/*
#include "cryptogo_types.h"
*/
import "C"

import (
	"errors"
	"unsafe"

	"github.com/cryptogo/libcrypto-go/core/aead"
)

var errEscaped = errors.New("capi: output did not stay in the caller's buffer") // -> INTERNAL

// fill runs op with dst = buf[:0] (buf is the caller's output buffer from
// out()), so that core writes straight into C memory, and publishes the
// result: *outLen = its length. inputs are the call's input buffers. On
// failure *outLen = 0 and buf is zeroed, so that nothing of a failed
// decryption is left behind - unless buf overlaps one of the inputs: then
// the caller's input is not the library's to clear (an overlap core rejects
// is rejected before anything is written, and an allowed in-place operation
// clears in core exactly what it wrote). core's Seal/Open and ...To
// functions never reallocate when given the capacity out() checked; a result
// outside buf would be a bug, reported as CRYPTOGO_ERR_INTERNAL.
func fill(buf []byte, outLen *C.size_t, op func(dst []byte) ([]byte, error), inputs ...[]byte) error {
	res, err := op(buf[:0])
	if err == nil && len(res) > 0 && (len(res) > len(buf) || unsafe.SliceData(res) != unsafe.SliceData(buf)) {
		err = errEscaped
	}
	if err != nil {
		if !overlapsAny(buf, inputs) {
			clear(buf)
		}
		setLen(outLen, 0)
		return err
	}
	setLen(outLen, len(res))
	return nil
}

// overlapsAny reports whether b shares memory with any of the slices in xs
// (address arithmetic only: which caller memory the library may clear).
func overlapsAny(b []byte, xs [][]byte) bool {
	if len(b) == 0 {
		return false
	}
	lo := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	hi := lo + uintptr(len(b))
	for _, x := range xs {
		if len(x) == 0 {
			continue
		}
		xlo := uintptr(unsafe.Pointer(unsafe.SliceData(x)))
		if xlo < hi && lo < xlo+uintptr(len(x)) {
			return true
		}
	}
	return false
}

// newAEAD creates an AEAD handle of kind k in *dst from a key copied out of C
// memory (the core constructors copy the key before any use).
func newAEAD(dst *unsafe.Pointer, k kind, key *C.cryptogo_in, keyLen C.size_t, mk func([]byte) (aead.AEAD, error)) error {
	if dst == nil {
		return errNullArgument
	}
	*dst = nil
	kb, err := in(key, keyLen)
	if err != nil {
		return err
	}
	a, err := mk(kb)
	if err != nil {
		return err
	}
	*dst = newHandle(k, a)
	return nil
}

// aeadSeal and aeadOpen are the shared bodies of the encrypt/decrypt exports.
func aeadSeal(h unsafe.Pointer, k kind, out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	pt *C.cryptogo_in, ptLen C.size_t, ad *C.cryptogo_in, adLen C.size_t, nonce *C.cryptogo_in, nonceLen C.size_t) error {
	p, err := in(pt, ptLen)
	if err != nil {
		return err
	}
	a, err := in(ad, adLen)
	if err != nil {
		return err
	}
	n, err := in(nonce, nonceLen)
	if err != nil {
		return err
	}
	return use(h, k, func(key aead.AEAD) error {
		need, err := key.SealSize(len(p), len(a)) // OverflowError before anything else, as pyca
		if err != nil {
			return err
		}
		buf, err := outBuffer(out, outCap, outLen, need)
		if err != nil {
			return err
		}
		return fill(buf, outLen, func(dst []byte) ([]byte, error) { return key.Seal(dst, n, p, a) }, p, a, n)
	})
}

func aeadOpen(h unsafe.Pointer, k kind, out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	ct *C.cryptogo_in, ctLen C.size_t, ad *C.cryptogo_in, adLen C.size_t, nonce *C.cryptogo_in, nonceLen C.size_t) error {
	c, err := in(ct, ctLen)
	if err != nil {
		return err
	}
	a, err := in(ad, adLen)
	if err != nil {
		return err
	}
	n, err := in(nonce, nonceLen)
	if err != nil {
		return err
	}
	return use(h, k, func(key aead.AEAD) error {
		buf, err := outBuffer(out, outCap, outLen, key.OpenSize(len(c)))
		if err != nil {
			return err
		}
		return fill(buf, outLen, func(dst []byte) ([]byte, error) { return key.Open(dst, n, c, a) }, c, a, n)
	})
}

// ---- AES-GCM ----

// cryptogo_aesgcm_new creates an AES-GCM key (pyca's AESGCM(key)) from
// key_len bytes of key: 16, 24 or 32 (AES-128/192/256). The key bytes are
// copied; the caller's buffer may be reused at once. Release the handle with
// cryptogo_aesgcm_free, which wipes the library's copy of the key (the
// expanded key schedule inside Go's crypto/cipher cannot be wiped; it is
// released to the garbage collector). The handle may be shared between
// threads.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for another key size ("AESGCM key must be
//     128, 192, or 256 bits.") or a NULL out or key
//
//export cryptogo_aesgcm_new
func cryptogo_aesgcm_new(out **C.cryptogo_aesgcm, key *C.cryptogo_in, keyLen C.size_t) (rc C.int) {
	defer guard(enter(&rc))
	return status(newAEAD((*unsafe.Pointer)(unsafe.Pointer(out)), kindAESGCM, key, keyLen,
		func(k []byte) (aead.AEAD, error) { return aead.NewAESGCM(k) }))
}

// cryptogo_aesgcm_encrypt encrypts pt_len bytes of pt with AES-GCM under k,
// authenticating ad_len bytes of ad (NULL with 0 for none), with a nonce of 8
// to 128 bytes (12 recommended; never reuse one with the same key). It writes
// ciphertext || 16-byte tag, exactly pt_len + 16 bytes, to out. out may be
// pt itself (in-place encryption); any other overlap of out with an input is
// CRYPTOGO_ERR_INVALID_ARGUMENT. Constant time (Go's crypto/cipher GCM).
//
// Returns:
//   - CRYPTOGO_OK (*out_len = pt_len + 16)
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = pt_len + 16)
//   - CRYPTOGO_ERR_OVERFLOW when pt_len or ad_len is 2^31 or more (pyca's
//     OverflowError, checked first)
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a nonce outside 8..128 bytes, NULL
//     pointers with non-zero lengths, or overlapping buffers
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k
//
//export cryptogo_aesgcm_encrypt
func cryptogo_aesgcm_encrypt(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	pt *C.cryptogo_in, ptLen C.size_t, ad *C.cryptogo_in, adLen C.size_t,
	nonce *C.cryptogo_in, nonceLen C.size_t, k *C.cryptogo_aesgcm) (rc C.int) {
	defer guard(enter(&rc))
	return status(aeadSeal(unsafe.Pointer(k), kindAESGCM, out, outCap, outLen, pt, ptLen, ad, adLen, nonce, nonceLen))
}

// cryptogo_aesgcm_decrypt authenticates and decrypts ct_len bytes of
// ciphertext || tag (as cryptogo_aesgcm_encrypt writes it) with the same ad
// and nonce, writing ct_len - 16 bytes of plaintext to out. out may be ct
// itself (in-place decryption). On any authentication failure out is zeroed
// (ct_len - 16 bytes) and nothing is released. The tag check is constant
// time. Like pyca, input sizes are not limited on decryption.
//
// Returns:
//   - CRYPTOGO_OK (*out_len = ct_len - 16)
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = ct_len - 16, or 0 when ct_len <
//     16)
//   - CRYPTOGO_ERR_INVALID_TAG for any authentication failure, including ct_len
//     < 16 (*out_len = 0)
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a nonce outside 8..128 bytes (checked
//     before the tag), NULL pointers with non-zero lengths, or overlapping
//     buffers
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k
//
//export cryptogo_aesgcm_decrypt
func cryptogo_aesgcm_decrypt(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	ct *C.cryptogo_in, ctLen C.size_t, ad *C.cryptogo_in, adLen C.size_t,
	nonce *C.cryptogo_in, nonceLen C.size_t, k *C.cryptogo_aesgcm) (rc C.int) {
	defer guard(enter(&rc))
	return status(aeadOpen(unsafe.Pointer(k), kindAESGCM, out, outCap, outLen, ct, ctLen, ad, adLen, nonce, nonceLen))
}

// cryptogo_aesgcm_free releases an AES-GCM key and wipes the library's copy
// of the key bytes. NULL is a no-op. Waits for calls in progress on k.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_HANDLE for a freed, unknown or wrong-kind handle
//
//export cryptogo_aesgcm_free
func cryptogo_aesgcm_free(k *C.cryptogo_aesgcm) (rc C.int) {
	defer guard(enter(&rc))
	return status(free(unsafe.Pointer(k), kindAESGCM))
}

// cryptogo_aead_messagebytes_max returns CRYPTOGO_AEAD_MESSAGEBYTES_MAX, the
// longest plaintext and the longest associated data the AEADs accept
// (2^31 - 1 bytes, pyca's limit): longer is CRYPTOGO_ERR_OVERFLOW.
//
// Returns:
//   - 2147483647
//
//export cryptogo_aead_messagebytes_max
func cryptogo_aead_messagebytes_max() C.size_t { return C.size_t(aead.MaxInput) }

// cryptogo_aesgcm_keybytes_min returns CRYPTOGO_AESGCM_KEYBYTES_MIN, the
// smallest AES-GCM key (AES-128; keys are 16, 24 or 32 bytes).
//
// Returns:
//   - 16
//
//export cryptogo_aesgcm_keybytes_min
func cryptogo_aesgcm_keybytes_min() C.size_t { return C.size_t(aead.AESGCMMinKeySize) }

// cryptogo_aesgcm_keybytes_max returns CRYPTOGO_AESGCM_KEYBYTES_MAX, the
// largest AES-GCM key (AES-256).
//
// Returns:
//   - 32
//
//export cryptogo_aesgcm_keybytes_max
func cryptogo_aesgcm_keybytes_max() C.size_t { return C.size_t(aead.AESGCMMaxKeySize) }

// cryptogo_aesgcm_tagbytes returns CRYPTOGO_AESGCM_TAGBYTES, the size of the
// AES-GCM tag.
//
// Returns:
//   - 16
//
//export cryptogo_aesgcm_tagbytes
func cryptogo_aesgcm_tagbytes() C.size_t { return C.size_t(aead.TagSize) }

// cryptogo_aesgcm_noncebytes returns CRYPTOGO_AESGCM_NONCEBYTES, the
// recommended AES-GCM nonce size.
//
// Returns:
//   - 12
//
//export cryptogo_aesgcm_noncebytes
func cryptogo_aesgcm_noncebytes() C.size_t { return C.size_t(aead.AESGCMNonceSize) }

// cryptogo_aesgcm_noncebytes_min returns CRYPTOGO_AESGCM_NONCEBYTES_MIN, the
// smallest nonce AES-GCM accepts (as pyca).
//
// Returns:
//   - 8
//
//export cryptogo_aesgcm_noncebytes_min
func cryptogo_aesgcm_noncebytes_min() C.size_t { return C.size_t(aead.AESGCMMinNonceSize) }

// cryptogo_aesgcm_noncebytes_max returns CRYPTOGO_AESGCM_NONCEBYTES_MAX, the
// largest nonce AES-GCM accepts (as pyca).
//
// Returns:
//   - 128
//
//export cryptogo_aesgcm_noncebytes_max
func cryptogo_aesgcm_noncebytes_max() C.size_t { return C.size_t(aead.AESGCMMaxNonceSize) }

// ---- ChaCha20-Poly1305 ----

// cryptogo_chacha20poly1305_new creates a ChaCha20-Poly1305 key (RFC 8439;
// pyca's ChaCha20Poly1305(key)) from exactly 32 bytes of key. The key bytes
// are copied. Release the handle with cryptogo_chacha20poly1305_free, which
// wipes the library's copy of the key (the copy inside golang.org/x/crypto's
// cipher cannot be wiped; it is released to the garbage collector). The
// handle may be shared between threads.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for another key size ("ChaCha20Poly1305 key
//     must be 32 bytes.") or a NULL out or key
//
//export cryptogo_chacha20poly1305_new
func cryptogo_chacha20poly1305_new(out **C.cryptogo_chacha20poly1305, key *C.cryptogo_in, keyLen C.size_t) (rc C.int) {
	defer guard(enter(&rc))
	return status(newAEAD((*unsafe.Pointer)(unsafe.Pointer(out)), kindChaCha20Poly1305, key, keyLen,
		func(k []byte) (aead.AEAD, error) { return aead.NewChaCha20Poly1305(k) }))
}

// cryptogo_chacha20poly1305_encrypt encrypts pt_len bytes of pt under k with
// a 12-byte nonce (never reuse one with the same key), authenticating ad_len
// bytes of ad (NULL with 0 for none), and writes ciphertext || 16-byte tag,
// exactly pt_len + 16 bytes, to out. out may be pt itself (in-place); any
// other overlap is CRYPTOGO_ERR_INVALID_ARGUMENT. Constant time.
//
// Returns:
//   - CRYPTOGO_OK (*out_len = pt_len + 16)
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = pt_len + 16)
//   - CRYPTOGO_ERR_OVERFLOW when pt_len or ad_len is 2^31 or more (checked
//     first, as pyca)
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a nonce that is not 12 bytes ("Nonce
//     must be 12 bytes"), NULL pointers with non-zero lengths, or overlapping
//     buffers
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k
//
//export cryptogo_chacha20poly1305_encrypt
func cryptogo_chacha20poly1305_encrypt(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	pt *C.cryptogo_in, ptLen C.size_t, ad *C.cryptogo_in, adLen C.size_t,
	nonce *C.cryptogo_in, nonceLen C.size_t, k *C.cryptogo_chacha20poly1305) (rc C.int) {
	defer guard(enter(&rc))
	return status(aeadSeal(unsafe.Pointer(k), kindChaCha20Poly1305, out, outCap, outLen, pt, ptLen, ad, adLen, nonce, nonceLen))
}

// cryptogo_chacha20poly1305_decrypt authenticates and decrypts ct_len bytes
// of ciphertext || tag with the same ad and 12-byte nonce, writing
// ct_len - 16 bytes to out (which may be ct itself). On any authentication
// failure out is zeroed (ct_len - 16 bytes). The tag check is constant time.
//
// Returns:
//   - CRYPTOGO_OK (*out_len = ct_len - 16)
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = ct_len - 16, or 0 when ct_len <
//     16)
//   - CRYPTOGO_ERR_INVALID_TAG for any authentication failure, including ct_len
//     < 16 (*out_len = 0)
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a nonce that is not 12 bytes (checked
//     before the tag), NULL pointers with non-zero lengths, or overlapping
//     buffers
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k
//
//export cryptogo_chacha20poly1305_decrypt
func cryptogo_chacha20poly1305_decrypt(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	ct *C.cryptogo_in, ctLen C.size_t, ad *C.cryptogo_in, adLen C.size_t,
	nonce *C.cryptogo_in, nonceLen C.size_t, k *C.cryptogo_chacha20poly1305) (rc C.int) {
	defer guard(enter(&rc))
	return status(aeadOpen(unsafe.Pointer(k), kindChaCha20Poly1305, out, outCap, outLen, ct, ctLen, ad, adLen, nonce, nonceLen))
}

// cryptogo_chacha20poly1305_free releases a ChaCha20-Poly1305 key and wipes
// the library's copy of the key bytes. NULL is a no-op. Waits for calls in
// progress on k.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_HANDLE for a freed, unknown or wrong-kind handle
//
//export cryptogo_chacha20poly1305_free
func cryptogo_chacha20poly1305_free(k *C.cryptogo_chacha20poly1305) (rc C.int) {
	defer guard(enter(&rc))
	return status(free(unsafe.Pointer(k), kindChaCha20Poly1305))
}

// cryptogo_chacha20poly1305_keybytes returns
// CRYPTOGO_CHACHA20POLY1305_KEYBYTES, the key size.
//
// Returns:
//   - 32
//
//export cryptogo_chacha20poly1305_keybytes
func cryptogo_chacha20poly1305_keybytes() C.size_t { return C.size_t(aead.ChaCha20Poly1305KeySize) }

// cryptogo_chacha20poly1305_noncebytes returns
// CRYPTOGO_CHACHA20POLY1305_NONCEBYTES, the nonce size.
//
// Returns:
//   - 12
//
//export cryptogo_chacha20poly1305_noncebytes
func cryptogo_chacha20poly1305_noncebytes() C.size_t {
	return C.size_t(aead.ChaCha20Poly1305NonceSize)
}

// cryptogo_chacha20poly1305_tagbytes returns
// CRYPTOGO_CHACHA20POLY1305_TAGBYTES, the tag size.
//
// Returns:
//   - 16
//
//export cryptogo_chacha20poly1305_tagbytes
func cryptogo_chacha20poly1305_tagbytes() C.size_t { return C.size_t(aead.TagSize) }
