package main

/*
#include "cryptogo_types.h"
*/
import "C"

import (
	"bytes"
	"unsafe"

	"github.com/cryptogo/libcrypto-go/core/keys"
	"github.com/cryptogo/libcrypto-go/core/rsa"
)

// keyPassword reads a password argument: NULL (with length 0) is no
// password (pyca's None, or NoEncryption()); non-NULL with length 0 is the
// empty password b"". The result is a copy, wiped by the caller.
func keyPassword(p *C.cryptogo_in, n C.size_t) ([]byte, error) {
	if p == nil {
		if n != 0 {
			return nil, errNullArgument
		}
		return nil, nil
	}
	b, err := in(p, n)
	if err != nil {
		return nil, err
	}
	return append([]byte{}, b...), nil // non-nil even when empty
}

// writeKeyBytes copies b to the caller's buffer (setting *outLen) and wipes b.
func writeKeyBytes(dst *C.uint8_t, dstCap C.size_t, dstLen *C.size_t, b []byte) error {
	defer clear(b)
	buf, err := out(dst, dstCap, dstLen, len(b))
	if err != nil {
		return err
	}
	copy(buf, b)
	return nil
}

// cryptogo_rsa_private_key_load reads an RSA private key, as pyca's
// load_pem_private_key (encoding CRYPTOGO_ENCODING_PEM) or
// load_der_private_key (CRYPTOGO_ENCODING_DER), and stores a new handle in
// *out (free it with cryptogo_rsa_private_key_free). password NULL with
// password_len 0 is pyca's password=None; non-NULL with length 0 is b"".
// Reads PKCS #8 (unencrypted, or encrypted with PBES2: PBKDF2-HMAC-SHA1/224/
// 256/384/512 or scrypt, AES-128/192/256-CBC, DES-EDE3-CBC, RC2-CBC; PBES1
// MD5-DES; PKCS #12 SHA-1 with 3DES, RC2-40 or RC4) and PKCS #1 (unencrypted,
// or PEM with DEK-Info AES-128-CBC, AES-256-CBC or DES-EDE3-CBC). The key is
// validated. A wrong password and a malformed decrypted key give the same
// code. The input is not retained.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_BAD_KEY_DATA for malformed data, a wrong password, an
//     unknown encryption algorithm or an invalid key
//   - CRYPTOGO_ERR_PASSWORD_REQUIRED when the key is encrypted and password is
//     NULL or empty
//   - CRYPTOGO_ERR_PASSWORD_UNEXPECTED when a password is given (even empty)
//     for an unencrypted key
//   - CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM for a key that is not RSA (EC,
//     Ed25519, DSA...)
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for an unknown encoding, a NULL out, or a
//     NULL pointer with a non-zero length
//
//export cryptogo_rsa_private_key_load
func cryptogo_rsa_private_key_load(out **C.cryptogo_rsa_private_key,
	data *C.cryptogo_in, dataLen C.size_t, password *C.cryptogo_in, passwordLen C.size_t,
	encoding C.int) (rc C.int) {
	defer guard(enter(&rc))
	if out == nil {
		return status(errNullArgument)
	}
	d, err := in(data, dataLen)
	if err != nil {
		return status(err)
	}
	pw, err := keyPassword(password, passwordLen)
	if err != nil {
		return status(err)
	}
	defer clear(pw)
	d = bytes.Clone(d) // key material: parse a Go copy, then wipe it
	defer clear(d)
	k, err := keys.LoadRSAPrivateKey(d, pw, keys.Encoding(encoding))
	if err != nil {
		return status(err)
	}
	*out = (*C.cryptogo_rsa_private_key)(newHandle(kindRSAPrivateKey, k))
	return C.CRYPTOGO_OK
}

// cryptogo_rsa_private_key_dump serializes k as pyca's private_bytes(encoding,
// format, encryption) into out. password NULL (with password_len 0) is
// NoEncryption(); otherwise BestAvailableEncryption(password): PKCS #8 is then
// "ENCRYPTED PRIVATE KEY" with PBES2 (PBKDF2-HMAC-SHA256, 16-byte random
// salt, 2048 iterations, AES-256-CBC), and TraditionalOpenSSL (PEM only) is
// "RSA PRIVATE KEY" with "Proc-Type: 4,ENCRYPTED" and
// "DEK-Info: AES-256-CBC,<IV hex>" (OpenSSL's EVP_BytesToKey). Unencrypted
// output is identical to pyca's; encrypted output is random but its length
// is fixed, so a size query (out NULL, out_cap 0) followed by a second call
// works.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = size needed)
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for an unknown encoding or format, an empty
//     password or one over 1023 bytes, DER with TraditionalOpenSSL and a
//     password, a NULL out_len, or a NULL pointer with a non-zero length
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k
//
//export cryptogo_rsa_private_key_dump
func cryptogo_rsa_private_key_dump(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	encoding C.int, format C.int, password *C.cryptogo_in, passwordLen C.size_t,
	k *C.cryptogo_rsa_private_key) (rc C.int) {
	defer guard(enter(&rc))
	if outLen == nil {
		return status(errNullArgument)
	}
	pw, err := keyPassword(password, passwordLen)
	if err != nil {
		return status(err)
	}
	defer clear(pw)
	return status(use(unsafe.Pointer(k), kindRSAPrivateKey, func(key *rsa.PrivateKey) error {
		b, err := keys.PrivateBytes(key, keys.Encoding(encoding), keys.PrivateFormat(format), pw)
		if err != nil {
			return err
		}
		return writeKeyBytes(out, outCap, outLen, b)
	}))
}

// cryptogo_rsa_public_key_load reads an RSA public key, as pyca's
// load_pem_public_key (encoding CRYPTOGO_ENCODING_PEM: the first PEM block,
// labelled "PUBLIC KEY" or "RSA PUBLIC KEY") or load_der_public_key
// (CRYPTOGO_ENCODING_DER: SubjectPublicKeyInfo or PKCS #1), and stores a new
// handle in *out (free it with cryptogo_rsa_public_key_free).
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_BAD_KEY_DATA for malformed data or another PEM label
//   - CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM for a key that is not RSA
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for an unknown encoding, invalid numbers, a
//     NULL out, or a NULL data with a non-zero length
//
//export cryptogo_rsa_public_key_load
func cryptogo_rsa_public_key_load(out **C.cryptogo_rsa_public_key,
	data *C.cryptogo_in, dataLen C.size_t, encoding C.int) (rc C.int) {
	defer guard(enter(&rc))
	if out == nil {
		return status(errNullArgument)
	}
	d, err := in(data, dataLen)
	if err != nil {
		return status(err)
	}
	k, err := keys.LoadRSAPublicKey(bytes.Clone(d), keys.Encoding(encoding))
	if err != nil {
		return status(err)
	}
	*out = (*C.cryptogo_rsa_public_key)(newHandle(kindRSAPublicKey, k))
	return C.CRYPTOGO_OK
}

// cryptogo_rsa_public_key_dump serializes k as pyca's public_bytes(encoding,
// format): SubjectPublicKeyInfo ("PUBLIC KEY") or PKCS #1 ("RSA PUBLIC KEY"),
// PEM or DER, identical to pyca's output.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = size needed)
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for an unknown encoding or format or a NULL
//     out_len
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k
//
//export cryptogo_rsa_public_key_dump
func cryptogo_rsa_public_key_dump(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	encoding C.int, format C.int, k *C.cryptogo_rsa_public_key) (rc C.int) {
	defer guard(enter(&rc))
	if outLen == nil {
		return status(errNullArgument)
	}
	return status(use(unsafe.Pointer(k), kindRSAPublicKey, func(key *rsa.PublicKey) error {
		b, err := keys.PublicBytes(key, keys.Encoding(encoding), keys.PublicFormat(format))
		if err != nil {
			return err
		}
		return writeKeyBytes(out, outCap, outLen, b)
	}))
}
