package main

/*
#include "cryptogo_types.h"
*/
import "C"

import (
	"bytes"
	"errors"
	"unsafe"

	"github.com/cryptogo/libcrypto-go/core/keys"
)

// The generic key layer (OpenSSL's EVP_PKEY, pyca's load_*_key and key
// classes): one handle kind for private keys (kindPrivateKey) and one for
// public keys (kindPublicKey), each holding the key value of its algorithm
// package (today *rsa.PrivateKey, *rsa.PublicKey). What a key is and what it
// can do is core/keys' answer (keys.TypeOf, keys.Bits, ...); algorithm
// operations reach their key through usePrivateAs / usePublicAs (rsa.go).

// errInternalKey: a private key of a type core/keys cannot derive a public
// key from (a bug: every private key type has its public key) -> INTERNAL.
var errInternalKey = errors.New("capi: no public key for this private key")

// usePrivateKeyAny runs fn on the key behind a private-key handle.
func usePrivateKeyAny(k *C.cryptogo_private_key, fn func(any) error) error {
	return use(unsafe.Pointer(k), kindPrivateKey, fn)
}

// usePublicKeyAny runs fn on the key behind a public-key handle.
func usePublicKeyAny(k *C.cryptogo_public_key, fn func(any) error) error {
	return use(unsafe.Pointer(k), kindPublicKey, fn)
}

// exchangeInto writes the shared secret of the private key k and the peer's
// public key into out (ECDH, X25519/X448): size answers its length, or the
// error for keys of the wrong family; exchange computes it (core/keys). Public
// keys are immutable: the peer's value is taken under its own lock first, then
// the work runs under k's (never both locks at once). On failure *out_len is 0.
func exchangeInto(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	k *C.cryptogo_private_key, peer *C.cryptogo_public_key,
	size func(priv, pub any) (int, error), exchange func(priv, pub any) ([]byte, error)) error {
	if outLen == nil || (out == nil && outCap != 0) {
		return errNullArgument
	}
	var pub any
	if err := usePublicKeyAny(peer, func(key any) error { pub = key; return nil }); err != nil {
		return err
	}
	return usePrivateKeyAny(k, func(priv any) error {
		n, err := size(priv, pub)
		if err != nil {
			return err
		}
		dst, err := outBuffer(out, outCap, outLen, n)
		if err != nil {
			return err
		}
		s, err := exchange(priv, pub)
		if err != nil {
			*outLen = 0
			return err
		}
		defer clear(s)
		copy(dst, s)
		return nil
	})
}

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

// cryptogo_private_key_load reads a private key, as pyca's
// load_pem_private_key (encoding CRYPTOGO_ENCODING_PEM) or
// load_der_private_key (CRYPTOGO_ENCODING_DER), and stores a new handle in
// *out (free it with cryptogo_private_key_free). The key is of whichever
// algorithm the data holds (cryptogo_private_key_type tells which): RSA,
// EC (P-224, P-256, P-384, P-521), Ed25519, X25519, Ed448 or X448 today. password NULL with password_len 0 is pyca's
// password=None; non-NULL with length 0 is b"". Reads PKCS #8 (unencrypted,
// or encrypted with PBES2: PBKDF2-HMAC-SHA1/224/256/384/512 or scrypt,
// AES-128/192/256-CBC, DES-EDE3-CBC, RC2-CBC; PBES1 MD5-DES; PKCS #12 SHA-1
// with 3DES, RC2-40 or RC4) and PKCS #1 (unencrypted, or PEM with DEK-Info
// AES-128-CBC, AES-256-CBC or DES-EDE3-CBC). The key is validated. A wrong
// password and a malformed decrypted key give the same code. The input is not
// retained.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_BAD_KEY_DATA for malformed data, a wrong password, an
//     unknown encryption algorithm or an invalid key
//   - CRYPTOGO_ERR_PASSWORD_REQUIRED when the key is encrypted and password is
//     NULL or empty
//   - CRYPTOGO_ERR_PASSWORD_UNEXPECTED when a password is given (even empty)
//     for an unencrypted key
//   - CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM for a well-formed key of an algorithm
//     or curve this library does not implement (DSA, secp256k1, EC explicit
//     parameters other than P-256/384/521's; cryptogo_private_key_load_reason
//     tells the last apart)
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for an encoding other than PEM or DER, a
//     NULL out, or a NULL pointer with a non-zero length
//
//export cryptogo_private_key_load
func cryptogo_private_key_load(out **C.cryptogo_private_key,
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
	k, err := keys.LoadPrivateKey(d, pw, keys.Encoding(encoding))
	if err != nil {
		return status(err)
	}
	*out = (*C.cryptogo_private_key)(newHandle(kindPrivateKey, k))
	return C.CRYPTOGO_OK
}

// cryptogo_private_key_dump serializes k as pyca's private_bytes(encoding,
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
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for an encoding or format the key cannot
//     take (an RSA key: PEM or DER, PKCS8 or TraditionalOpenSSL), an empty
//     password or one over 1023 bytes, DER with TraditionalOpenSSL and a
//     password, a NULL out_len, or a NULL pointer with a non-zero length
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k
//
//export cryptogo_private_key_dump
func cryptogo_private_key_dump(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	encoding C.int, format C.int, password *C.cryptogo_in, passwordLen C.size_t,
	k *C.cryptogo_const_private_key) (rc C.int) {
	defer guard(enter(&rc))
	if outLen == nil {
		return status(errNullArgument)
	}
	pw, err := keyPassword(password, passwordLen)
	if err != nil {
		return status(err)
	}
	defer clear(pw)
	return status(usePrivateKeyAny(k, func(key any) error {
		b, err := keys.PrivateBytes(key, keys.Encoding(encoding), keys.PrivateFormat(format), pw)
		if err != nil {
			return err
		}
		return writeKeyBytes(out, outCap, outLen, b)
	}))
}

// cryptogo_private_key_type stores the algorithm of k, an enum
// cryptogo_key_type value, in *out_type (pyca: the class of the key).
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a NULL out_type
//
//export cryptogo_private_key_type
func cryptogo_private_key_type(outType *C.int, k *C.cryptogo_const_private_key) (rc C.int) {
	defer guard(enter(&rc))
	if outType == nil {
		return status(errNullArgument)
	}
	return status(usePrivateKeyAny(k, func(key any) error {
		*outType = C.int(keys.TypeOf(key))
		return nil
	}))
}

// cryptogo_private_key_bits stores the size of k in bits in *out_bits
// (pyca's key_size; for RSA the modulus size: signatures and ciphertexts
// are (bits + 7) / 8 bytes).
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a NULL out_bits
//
//export cryptogo_private_key_bits
func cryptogo_private_key_bits(outBits *C.size_t, k *C.cryptogo_const_private_key) (rc C.int) {
	defer guard(enter(&rc))
	if outBits == nil {
		return status(errNullArgument)
	}
	return status(usePrivateKeyAny(k, func(key any) error {
		n, err := keys.Bits(key)
		if err != nil {
			return err
		}
		*outBits = C.size_t(n)
		return nil
	}))
}

// cryptogo_private_key_public_key stores in *out a new handle to the public
// half of k (pyca's private_key.public_key()). Free it with
// cryptogo_public_key_free; it stays valid after k is freed.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a NULL out
//
//export cryptogo_private_key_public_key
func cryptogo_private_key_public_key(out **C.cryptogo_public_key, k *C.cryptogo_const_private_key) (rc C.int) {
	defer guard(enter(&rc))
	if out == nil {
		return status(errNullArgument)
	}
	return status(usePrivateKeyAny(k, func(key any) error {
		pub := keys.PublicKeyOf(key)
		if pub == nil {
			return errInternalKey
		}
		*out = (*C.cryptogo_public_key)(newHandle(kindPublicKey, pub))
		return nil
	}))
}

// cryptogo_private_key_free wipes the secret numbers of a private key (those
// held in math/big integers; see rsa.PrivateKey.Wipe in core/rsa) and
// releases the handle. Public-key handles obtained from it stay valid. NULL
// is a no-op.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_HANDLE for a freed, unknown or wrong-kind handle
//
//export cryptogo_private_key_free
func cryptogo_private_key_free(k *C.cryptogo_private_key) (rc C.int) {
	defer guard(enter(&rc))
	return status(free(unsafe.Pointer(k), kindPrivateKey))
}

// cryptogo_public_key_load reads a public key, as pyca's load_pem_public_key
// (encoding CRYPTOGO_ENCODING_PEM: the first PEM block, labelled
// "PUBLIC KEY" or "RSA PUBLIC KEY") or load_der_public_key
// (CRYPTOGO_ENCODING_DER: SubjectPublicKeyInfo or PKCS #1), and stores a new
// handle in *out (free it with cryptogo_public_key_free). The key is of
// whichever algorithm the data holds: RSA, EC (P-224, P-256, P-384,
// P-521), Ed25519, X25519, Ed448 or X448 today.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_BAD_KEY_DATA for malformed data or another PEM label
//   - CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM for a well-formed key of an algorithm
//     or curve this library does not implement (EC explicit parameters other
//     than P-256/384/521's: see cryptogo_public_key_load_reason)
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for an encoding other than PEM or DER,
//     invalid numbers, a NULL out, or a NULL data with a non-zero length
//
//export cryptogo_public_key_load
func cryptogo_public_key_load(out **C.cryptogo_public_key,
	data *C.cryptogo_in, dataLen C.size_t, encoding C.int) (rc C.int) {
	defer guard(enter(&rc))
	if out == nil {
		return status(errNullArgument)
	}
	d, err := in(data, dataLen)
	if err != nil {
		return status(err)
	}
	k, err := keys.LoadPublicKey(bytes.Clone(d), keys.Encoding(encoding))
	if err != nil {
		return status(err)
	}
	*out = (*C.cryptogo_public_key)(newHandle(kindPublicKey, k))
	return C.CRYPTOGO_OK
}

// cryptogo_public_key_dump serializes k as pyca's public_bytes(encoding,
// format), identical to pyca's output: for an RSA key SubjectPublicKeyInfo
// ("PUBLIC KEY") or PKCS #1 ("RSA PUBLIC KEY"), PEM or DER; or
// CRYPTOGO_PUBLIC_FORMAT_OPENSSH with CRYPTOGO_ENCODING_OPENSSH, the OpenSSH
// line "ssh-rsa AAAA..." (no comment, no newline, no NUL).
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = size needed)
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for an encoding or format the key cannot
//     take, OpenSSH encoding and format not paired, or a NULL out_len
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k
//
//export cryptogo_public_key_dump
func cryptogo_public_key_dump(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	encoding C.int, format C.int, k *C.cryptogo_const_public_key) (rc C.int) {
	defer guard(enter(&rc))
	if outLen == nil {
		return status(errNullArgument)
	}
	return status(usePublicKeyAny(k, func(key any) error {
		b, err := keys.PublicBytes(key, keys.Encoding(encoding), keys.PublicFormat(format))
		if err != nil {
			return err
		}
		return writeKeyBytes(out, outCap, outLen, b)
	}))
}

// cryptogo_public_key_type stores the algorithm of k, an enum
// cryptogo_key_type value, in *out_type.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a NULL out_type
//
//export cryptogo_public_key_type
func cryptogo_public_key_type(outType *C.int, k *C.cryptogo_const_public_key) (rc C.int) {
	defer guard(enter(&rc))
	if outType == nil {
		return status(errNullArgument)
	}
	return status(usePublicKeyAny(k, func(key any) error {
		*outType = C.int(keys.TypeOf(key))
		return nil
	}))
}

// cryptogo_public_key_bits stores the size of k in bits in *out_bits
// (pyca's key_size).
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a NULL out_bits
//
//export cryptogo_public_key_bits
func cryptogo_public_key_bits(outBits *C.size_t, k *C.cryptogo_const_public_key) (rc C.int) {
	defer guard(enter(&rc))
	if outBits == nil {
		return status(errNullArgument)
	}
	return status(usePublicKeyAny(k, func(key any) error {
		n, err := keys.Bits(key)
		if err != nil {
			return err
		}
		*outBits = C.size_t(n)
		return nil
	}))
}

// cryptogo_public_key_equal stores 1 in *out_equal when a and b are the same
// public key (same algorithm and public values: pyca's __eq__ on public
// keys), 0 otherwise; keys of different algorithms are unequal. a and b may
// be the same handle. Not constant time (public values).
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind a or b
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a NULL out_equal
//
//export cryptogo_public_key_equal
func cryptogo_public_key_equal(outEqual *C.int, a *C.cryptogo_const_public_key, b *C.cryptogo_const_public_key) (rc C.int) {
	defer guard(enter(&rc))
	if outEqual == nil {
		return status(errNullArgument)
	}
	// Public keys are immutable and never wiped: take each under its own
	// lock, one after the other (never both locks at once, which could
	// deadlock against two frees), and compare outside.
	var ka, kb any
	if err := usePublicKeyAny(a, func(key any) error { ka = key; return nil }); err != nil {
		return status(err)
	}
	if err := usePublicKeyAny(b, func(key any) error { kb = key; return nil }); err != nil {
		return status(err)
	}
	*outEqual = 0
	if keys.PublicKeyEqual(ka, kb) {
		*outEqual = 1
	}
	return C.CRYPTOGO_OK
}

// cryptogo_public_key_free releases a public-key handle. NULL is a no-op.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_HANDLE for a freed, unknown or wrong-kind handle
//
//export cryptogo_public_key_free
func cryptogo_public_key_free(k *C.cryptogo_public_key) (rc C.int) {
	defer guard(enter(&rc))
	return status(free(unsafe.Pointer(k), kindPublicKey))
}

// cryptogo_private_key_generate generates a private key of key_type, an enum
// cryptogo_key_type value whose keys take no parameters: CRYPTOGO_KEY_ED25519,
// CRYPTOGO_KEY_X25519, CRYPTOGO_KEY_ED448 or CRYPTOGO_KEY_X448 (pyca's
// X.generate()), and stores a new handle in *out (free it with
// cryptogo_private_key_free). RSA keys come from cryptogo_rsa_generate, EC
// keys from cryptogo_ec_generate.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM for any other key_type
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a NULL out
//
//export cryptogo_private_key_generate
func cryptogo_private_key_generate(out **C.cryptogo_private_key, keyType C.int) (rc C.int) {
	defer guard(enter(&rc))
	if out == nil {
		return status(errNullArgument)
	}
	k, err := keys.GeneratePrivateKey(keys.KeyType(keyType))
	if err != nil {
		return status(err)
	}
	*out = (*C.cryptogo_private_key)(newHandle(kindPrivateKey, k))
	return C.CRYPTOGO_OK
}

// cryptogo_private_key_from_raw builds a private key of key_type
// (CRYPTOGO_KEY_ED25519, _X25519, _ED448 or _X448) from its raw bytes, as
// pyca's from_private_bytes: 32, 32, 57 or 56 bytes (see the
// *_SECRETKEYBYTES macros), and stores a new handle in *out (free it with
// cryptogo_private_key_free). The input is not retained.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for data of the wrong length, a NULL out,
//     or a NULL data with a non-zero length
//   - CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM for any other key_type
//   - CRYPTOGO_ERR_OVERFLOW for an input over CRYPTOGO_INPUTBYTES_MAX
//
//abigen:nodiscard
//export cryptogo_private_key_from_raw
func cryptogo_private_key_from_raw(out **C.cryptogo_private_key, keyType C.int,
	data *C.cryptogo_in, dataLen C.size_t) (rc C.int) {
	defer guard(enter(&rc))
	if out == nil {
		return status(errNullArgument)
	}
	d, err := in(data, dataLen)
	if err != nil {
		return status(err)
	}
	k, err := keys.PrivateKeyFromRaw(keys.KeyType(keyType), d)
	if err != nil {
		return status(err)
	}
	*out = (*C.cryptogo_private_key)(newHandle(kindPrivateKey, k))
	return C.CRYPTOGO_OK
}

// cryptogo_public_key_from_raw builds a public key of key_type
// (CRYPTOGO_KEY_ED25519, _X25519, _ED448 or _X448) from its raw bytes, as
// pyca's from_public_bytes: 32, 32, 57 or 56 bytes (see the
// *_PUBLICKEYBYTES macros), and stores a new handle in *out (free it with
// cryptogo_public_key_free). Any bytes of the right length are accepted, as
// pyca accepts them. The input is not retained.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for data of the wrong length, a NULL out,
//     or a NULL data with a non-zero length
//   - CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM for any other key_type
//   - CRYPTOGO_ERR_OVERFLOW for an input over CRYPTOGO_INPUTBYTES_MAX
//
//abigen:nodiscard
//export cryptogo_public_key_from_raw
func cryptogo_public_key_from_raw(out **C.cryptogo_public_key, keyType C.int,
	data *C.cryptogo_in, dataLen C.size_t) (rc C.int) {
	defer guard(enter(&rc))
	if out == nil {
		return status(errNullArgument)
	}
	d, err := in(data, dataLen)
	if err != nil {
		return status(err)
	}
	k, err := keys.PublicKeyFromRaw(keys.KeyType(keyType), d)
	if err != nil {
		return status(err)
	}
	*out = (*C.cryptogo_public_key)(newHandle(kindPublicKey, k))
	return C.CRYPTOGO_OK
}

// cryptogo_private_key_load_reason reads the same arguments as
// cryptogo_private_key_load and stores in *out_reason a
// cryptogo_key_load_reason saying why that load fails where pyca's message
// is more precise than the status code (an EC private value of the wrong
// width, an invalid EC key, EC explicit parameters of another curve);
// CRYPTOGO_KEY_LOAD_REASON_NONE when the key loads or the failure has no
// finer reason. For a binding's error message after a failed load: it
// repeats the load (and any key derivation), so call it only then.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a NULL out_reason, or a NULL pointer
//     with a non-zero length
//   - CRYPTOGO_ERR_OVERFLOW for an input over CRYPTOGO_INPUTBYTES_MAX
//
//export cryptogo_private_key_load_reason
func cryptogo_private_key_load_reason(outReason *C.int,
	data *C.cryptogo_in, dataLen C.size_t, password *C.cryptogo_in, passwordLen C.size_t,
	encoding C.int) (rc C.int) {
	defer guard(enter(&rc))
	if outReason == nil {
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
	d = bytes.Clone(d)
	defer clear(d)
	_, err = keys.LoadPrivateKey(d, pw, keys.Encoding(encoding))
	*outReason = C.int(keys.ReasonOf(err))
	return C.CRYPTOGO_OK
}

// cryptogo_public_key_load_reason reads the same arguments as
// cryptogo_public_key_load and stores in *out_reason a
// cryptogo_key_load_reason saying why that load fails where pyca's message
// is more precise than the status code (an EC point at infinity, EC
// explicit parameters of another curve); CRYPTOGO_KEY_LOAD_REASON_NONE when
// the key loads or the failure has no finer reason.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a NULL out_reason, or a NULL data
//     with a non-zero length
//   - CRYPTOGO_ERR_OVERFLOW for an input over CRYPTOGO_INPUTBYTES_MAX
//
//export cryptogo_public_key_load_reason
func cryptogo_public_key_load_reason(outReason *C.int,
	data *C.cryptogo_in, dataLen C.size_t, encoding C.int) (rc C.int) {
	defer guard(enter(&rc))
	if outReason == nil {
		return status(errNullArgument)
	}
	d, err := in(data, dataLen)
	if err != nil {
		return status(err)
	}
	_, err = keys.LoadPublicKey(d, keys.Encoding(encoding))
	*outReason = C.int(keys.ReasonOf(err))
	return C.CRYPTOGO_OK
}
