package main

/*
#include "cryptogo_types.h"
*/
import "C"

import (
	"github.com/cryptogo/libcrypto-go/core/eddsa"
	"github.com/cryptogo/libcrypto-go/core/keys"
)

// cryptogo_eddsa_sign signs msg_len bytes of msg with k, an Ed25519 or
// Ed448 private key (pure EdDSA with an empty context, RFC 8032: pyca's
// sign), and writes the signature, exactly 64 bytes for Ed25519 and 114 for
// Ed448, to out. Deterministic; constant time with respect to the key.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = signature size)
//   - CRYPTOGO_ERR_TYPE for a key that is not an Ed25519 or Ed448 key
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a NULL out_len, or a NULL pointer with
//     a non-zero length
//   - CRYPTOGO_ERR_OVERFLOW for an input over CRYPTOGO_INPUTBYTES_MAX
//
//export cryptogo_eddsa_sign
func cryptogo_eddsa_sign(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	msg *C.cryptogo_in, msgLen C.size_t, k *C.cryptogo_const_private_key) (rc C.int) {
	defer guard(enter(&rc))
	if outLen == nil {
		return status(errNullArgument)
	}
	m, err := in(msg, msgLen)
	if err != nil {
		return status(err)
	}
	return status(usePrivateKeyAny(k, func(key any) error {
		n, err := keys.EdDSASignatureSize(key)
		if err != nil {
			return err
		}
		dst, err := outBuffer(out, outCap, outLen, n)
		if err != nil {
			return err
		}
		sig, err := keys.EdDSASign(key, m)
		if err != nil {
			return err
		}
		copy(dst, sig)
		return nil
	}))
}

// cryptogo_eddsa_verify checks sig, an Ed25519 or Ed448 signature of msg,
// with k, a public key of the same algorithm (pyca's verify). A signature of
// the wrong length is an invalid signature.
//
// Returns:
//   - CRYPTOGO_OK when the signature is valid
//   - CRYPTOGO_ERR_INVALID_SIGNATURE when it is not
//   - CRYPTOGO_ERR_TYPE for a key that is not an Ed25519 or Ed448 key
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a NULL pointer with a non-zero length
//   - CRYPTOGO_ERR_OVERFLOW for an input over CRYPTOGO_INPUTBYTES_MAX
//
//export cryptogo_eddsa_verify
func cryptogo_eddsa_verify(sig *C.cryptogo_in, sigLen C.size_t,
	msg *C.cryptogo_in, msgLen C.size_t, k *C.cryptogo_const_public_key) (rc C.int) {
	defer guard(enter(&rc))
	s, err := in(sig, sigLen)
	if err != nil {
		return status(err)
	}
	m, err := in(msg, msgLen)
	if err != nil {
		return status(err)
	}
	return status(usePublicKeyAny(k, func(key any) error {
		return keys.EdDSAVerify(key, s, m)
	}))
}

// cryptogo_ed25519_publickeybytes returns CRYPTOGO_ED25519_PUBLICKEYBYTES,
// the size of a raw Ed25519 public key.
//
// Returns:
//   - 32
//
//export cryptogo_ed25519_publickeybytes
func cryptogo_ed25519_publickeybytes() C.size_t { return C.size_t(eddsa.Ed25519PublicKeySize) }

// cryptogo_ed25519_secretkeybytes returns CRYPTOGO_ED25519_SECRETKEYBYTES,
// the size of a raw Ed25519 private key (the RFC 8032 seed).
//
// Returns:
//   - 32
//
//export cryptogo_ed25519_secretkeybytes
func cryptogo_ed25519_secretkeybytes() C.size_t { return C.size_t(eddsa.Ed25519PrivateKeySize) }

// cryptogo_ed25519_signaturebytes returns CRYPTOGO_ED25519_SIGNATUREBYTES,
// the size of an Ed25519 signature.
//
// Returns:
//   - 64
//
//export cryptogo_ed25519_signaturebytes
func cryptogo_ed25519_signaturebytes() C.size_t { return C.size_t(eddsa.Ed25519SignatureSize) }

// cryptogo_ed448_publickeybytes returns CRYPTOGO_ED448_PUBLICKEYBYTES, the
// size of a raw Ed448 public key.
//
// Returns:
//   - 57
//
//export cryptogo_ed448_publickeybytes
func cryptogo_ed448_publickeybytes() C.size_t { return C.size_t(eddsa.Ed448PublicKeySize) }

// cryptogo_ed448_secretkeybytes returns CRYPTOGO_ED448_SECRETKEYBYTES, the
// size of a raw Ed448 private key (the RFC 8032 seed).
//
// Returns:
//   - 57
//
//export cryptogo_ed448_secretkeybytes
func cryptogo_ed448_secretkeybytes() C.size_t { return C.size_t(eddsa.Ed448PrivateKeySize) }

// cryptogo_ed448_signaturebytes returns CRYPTOGO_ED448_SIGNATUREBYTES, the
// size of an Ed448 signature.
//
// Returns:
//   - 114
//
//export cryptogo_ed448_signaturebytes
func cryptogo_ed448_signaturebytes() C.size_t { return C.size_t(eddsa.Ed448SignatureSize) }
