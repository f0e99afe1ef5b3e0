//go:debug rsa1024min=0

// The directive above sets the library's default for crypto/rsa's GODEBUG
// rsa1024min: keys under 1024 bits can be used (not generated: generation
// requires 1024 bits, as in pyca). pyca loads and uses such keys; without it
// crypto/rsa refuses every operation with them. A process can still set
// GODEBUG=rsa1024min=1 to refuse them.

package main

/*
#include "cryptogo_types.h"
*/
import "C"

import (
	"fmt"
	"math"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/hash"
	"github.com/cryptogo/libcrypto-go/core/keys"
	"github.com/cryptogo/libcrypto-go/core/rsa"
)

// rsaOut is the out() helper under another name, for exports whose output
// parameter is named out as in the ABI contract (which shadows the helper).
var rsaOut = out

var errRSAResultTooLong = fmt.Errorf("capi: RSA result longer than announced") // -> INTERNAL

// rsaWrite prepares the caller's buffer for a result of at most need bytes
// (CRYPTOGO_ERR_BUFFER_TOO_SMALL with *outLen = need before any work), runs
// op, copies its result into the buffer, sets *outLen to the result's length
// and clears op's copy (it may be a plaintext). On failure *outLen is 0 and
// the buffer is untouched.
func rsaWrite(out *C.uint8_t, outCap C.size_t, outLen *C.size_t, need int, op func() ([]byte, error)) error {
	dst, err := rsaOut(out, outCap, outLen, need)
	if err != nil {
		return err
	}
	res, err := op()
	defer clear(res)
	if err == nil && len(res) > len(dst) {
		err = errRSAResultTooLong
	}
	if err != nil {
		setLen(outLen, 0)
		return err
	}
	copy(dst, res)
	setLen(outLen, len(res))
	return nil
}

// errNotRSA: a key handle of another algorithm given to an RSA operation.
var errNotRSA = fmt.Errorf("%w: not an RSA key", core.ErrType) // -> TYPE

// usePrivateKey runs fn on the RSA key behind a private-key handle; a key of
// another algorithm (keys.TypeOf) is CRYPTOGO_ERR_TYPE.
func usePrivateKey(k *C.cryptogo_private_key, fn func(*rsa.PrivateKey) error) error {
	return usePrivateKeyAny(k, func(key any) error {
		if keys.TypeOf(key) != keys.RSA {
			return errNotRSA
		}
		return fn(key.(*rsa.PrivateKey))
	})
}

// usePublicKey is usePrivateKey for public-key handles.
func usePublicKey(k *C.cryptogo_public_key, fn func(*rsa.PublicKey) error) error {
	return usePublicKeyAny(k, func(key any) error {
		if keys.TypeOf(key) != keys.RSA {
			return errNotRSA
		}
		return fn(key.(*rsa.PublicKey))
	})
}

// cryptogo_rsa_generate generates an RSA private key of key_bits bits
// (pyca's rsa.generate_private_key(public_exponent, key_size)) and stores a
// new handle in *out. public_exponent must be 3 or 65537 and key_bits at
// least 1024 and at most 16384. e = 65537 uses crypto/rsa; e = 3 builds the
// key from crypto/rand primes (see rsa.GeneratePrivateKey in core/rsa).
// Release with cryptogo_private_key_free. Slow: tens of milliseconds to
// seconds.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for another exponent, a key_bits outside
//     [1024, 16384] or a NULL out
//   - CRYPTOGO_ERR_INTERNAL if the system's random source fails
//
//export cryptogo_rsa_generate
func cryptogo_rsa_generate(out **C.cryptogo_private_key, keyBits C.size_t, publicExponent C.uint64_t) (rc C.int) {
	defer guard(enter(&rc))
	if out == nil {
		return status(errNullArgument)
	}
	bits := math.MaxInt32 // out of range: rejected by core
	if uint64(keyBits) < math.MaxInt32 {
		bits = int(keyBits)
	}
	k, err := rsa.GeneratePrivateKey(uint64(publicExponent), bits)
	if err != nil {
		return status(err)
	}
	*out = (*C.cryptogo_private_key)(newHandle(kindPrivateKey, k))
	return C.CRYPTOGO_OK
}

// cryptogo_rsa_private_key_number writes one number of k (pyca's
// private_numbers()), big-endian with no leading zero bytes, to out.
// component is an enum cryptogo_rsa_component: N, E, D, P, Q, DMP1, DMQ1 or
// IQMP. A buffer of (bits + 7) / 8 bytes fits every component. Secret
// numbers are copied into out: the caller should clear it after use.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = size needed)
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for an unknown component or a NULL out_len
//   - CRYPTOGO_ERR_TYPE for a key that is not an RSA key
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k
//
//export cryptogo_rsa_private_key_number
func cryptogo_rsa_private_key_number(out *C.uint8_t, outCap C.size_t, outLen *C.size_t, component C.int, k *C.cryptogo_const_private_key) (rc C.int) {
	defer guard(enter(&rc))
	return status(usePrivateKey(k, func(key *rsa.PrivateKey) error {
		b, err := privateNumber(key, rsa.Component(component))
		if err != nil {
			return err
		}
		defer clear(b) // a secret number: cleared however the call ends (rsaWrite may fail first)
		return rsaWrite(out, outCap, outLen, len(b), func() ([]byte, error) { return b, nil })
	}))
}

// privateNumber is (*rsa.PrivateKey).Number, a variable so that the secrets
// tests can see the copy of the secret number it returns.
var privateNumber = (*rsa.PrivateKey).Number

// cryptogo_rsa_public_key_number writes one number of k (pyca's
// public_numbers()): CRYPTOGO_RSA_N or CRYPTOGO_RSA_E, big-endian with no
// leading zero bytes.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = size needed)
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for another component or a NULL out_len
//   - CRYPTOGO_ERR_TYPE for a key that is not an RSA key
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k
//
//export cryptogo_rsa_public_key_number
func cryptogo_rsa_public_key_number(out *C.uint8_t, outCap C.size_t, outLen *C.size_t, component C.int, k *C.cryptogo_const_public_key) (rc C.int) {
	defer guard(enter(&rc))
	return status(usePublicKey(k, func(key *rsa.PublicKey) error {
		b, err := key.Number(rsa.Component(component))
		if err != nil {
			return err
		}
		return rsaWrite(out, outCap, outLen, len(b), func() ([]byte, error) { return b, nil })
	}))
}

// cryptogo_rsa_private_key_from_numbers builds a private key from its numbers
// (pyca's RSAPrivateNumbers(...).private_key()), each big-endian (leading
// zeros allowed), and stores a new handle in *out. The numbers are copied.
// They are validated as pyca does: all below n, 3 <= e < n, e, dmp1, dmq1
// odd, p*q = n, and d, dmp1, dmq1, iqmp consistent with p, q and e.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for inconsistent numbers, a NULL pointer
//     with a non-zero length or a NULL out
//   - CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM for e > 2^31-1
//
//export cryptogo_rsa_private_key_from_numbers
func cryptogo_rsa_private_key_from_numbers(out **C.cryptogo_private_key,
	n *C.cryptogo_in, nLen C.size_t, e *C.cryptogo_in, eLen C.size_t,
	d *C.cryptogo_in, dLen C.size_t, p *C.cryptogo_in, pLen C.size_t,
	q *C.cryptogo_in, qLen C.size_t, dmp1 *C.cryptogo_in, dmp1Len C.size_t,
	dmq1 *C.cryptogo_in, dmq1Len C.size_t, iqmp *C.cryptogo_in, iqmpLen C.size_t) (rc C.int) {
	defer guard(enter(&rc))
	if out == nil {
		return status(errNullArgument)
	}
	var nums [8][]byte
	for i, b := range []struct {
		p *C.cryptogo_in
		n C.size_t
	}{{n, nLen}, {e, eLen}, {d, dLen}, {p, pLen}, {q, qLen}, {dmp1, dmp1Len}, {dmq1, dmq1Len}, {iqmp, iqmpLen}} {
		var err error
		if nums[i], err = in(b.p, b.n); err != nil {
			return status(err)
		}
	}
	k, err := rsa.NewPrivateKeyFromNumbers(nums[0], nums[1], nums[2], nums[3], nums[4], nums[5], nums[6], nums[7])
	if err != nil {
		return status(err)
	}
	*out = (*C.cryptogo_private_key)(newHandle(kindPrivateKey, k))
	return C.CRYPTOGO_OK
}

// cryptogo_rsa_public_key_from_numbers builds a public key from n and e
// (pyca's RSAPublicNumbers(e, n).public_key()), big-endian, leading zeros
// allowed, and stores a new handle in *out. Checks: n >= 3, 3 <= e < n, e odd.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for bad numbers, a NULL pointer with a
//     non-zero length or a NULL out
//   - CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM for e > 2^31-1
//
//export cryptogo_rsa_public_key_from_numbers
func cryptogo_rsa_public_key_from_numbers(out **C.cryptogo_public_key, n *C.cryptogo_in, nLen C.size_t, e *C.cryptogo_in, eLen C.size_t) (rc C.int) {
	defer guard(enter(&rc))
	if out == nil {
		return status(errNullArgument)
	}
	nb, err := in(n, nLen)
	if err != nil {
		return status(err)
	}
	eb, err := in(e, eLen)
	if err != nil {
		return status(err)
	}
	k, err := rsa.NewPublicKeyFromNumbers(nb, eb)
	if err != nil {
		return status(err)
	}
	*out = (*C.cryptogo_public_key)(newHandle(kindPublicKey, k))
	return C.CRYPTOGO_OK
}

// cryptogo_rsa_encrypt_oaep encrypts pt with RSAES-OAEP (RFC 8017 7.1,
// pyca's padding.OAEP) under k and writes the ciphertext, exactly
// (bits + 7) / 8 bytes, to out. hash_alg (the OAEP/label hash) and
// mgf1_hash_alg are enum cryptogo_hash_alg values, each SHA-1 or SHA-2. label
// may be NULL with label_len 0 (pyca's label=None). pt may be at most
// k - 2*hLen - 2 bytes. Randomized.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = key size in bytes)
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a message too long for the key and
//     hash, or NULL pointers
//   - CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM for another hash
//   - CRYPTOGO_ERR_TYPE for a key that is not an RSA key
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k
//
//export cryptogo_rsa_encrypt_oaep
func cryptogo_rsa_encrypt_oaep(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	pt *C.cryptogo_in, ptLen C.size_t, label *C.cryptogo_in, labelLen C.size_t,
	hashAlg C.int, mgf1HashAlg C.int, k *C.cryptogo_const_public_key) (rc C.int) {
	defer guard(enter(&rc))
	msg, err := in(pt, ptLen)
	if err != nil {
		return status(err)
	}
	lab, err := in(label, labelLen)
	if err != nil {
		return status(err)
	}
	return status(usePublicKey(k, func(key *rsa.PublicKey) error {
		return rsaWrite(out, outCap, outLen, key.Size(), func() ([]byte, error) {
			return key.EncryptOAEP(msg, lab, hash.Algorithm(hashAlg), hash.Algorithm(mgf1HashAlg))
		})
	}))
}

// cryptogo_rsa_decrypt_oaep decrypts an RSAES-OAEP ciphertext with k and
// writes the plaintext to out; *out_len is its length. The hashes and label
// must be those used to encrypt. out_cap must be at least k - 2*hLen - 2
// (any buffer of the key size in bytes suffices); this is checked before
// decrypting. The private-key operation and padding check are crypto/rsa's
// and run in constant time; every decryption failure is the same code.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_DECRYPTION_FAILED for any failure of the decryption (pyca's
//     ValueError "Decryption failed")
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a ciphertext that is not exactly the
//     key size (pyca: "Ciphertext length must be equal to key size.") or NULL
//     pointers
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = bound above)
//   - CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM for a hash other than SHA-1/SHA-2
//   - CRYPTOGO_ERR_TYPE for a key that is not an RSA key
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k
//
//export cryptogo_rsa_decrypt_oaep
func cryptogo_rsa_decrypt_oaep(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	ct *C.cryptogo_in, ctLen C.size_t, label *C.cryptogo_in, labelLen C.size_t,
	hashAlg C.int, mgf1HashAlg C.int, k *C.cryptogo_const_private_key) (rc C.int) {
	defer guard(enter(&rc))
	c, err := in(ct, ctLen)
	if err != nil {
		return status(err)
	}
	lab, err := in(label, labelLen)
	if err != nil {
		return status(err)
	}
	return status(usePrivateKey(k, func(key *rsa.PrivateKey) error {
		h := hash.Algorithm(hashAlg)
		return rsaWrite(out, outCap, outLen, key.MaxOAEPPlaintextSize(h), func() ([]byte, error) {
			return key.DecryptOAEP(c, lab, h, hash.Algorithm(mgf1HashAlg))
		})
	}))
}

// cryptogo_rsa_encrypt_pkcs1v15 encrypts pt with RSAES-PKCS1-v1_5 (RFC 8017
// 7.2, pyca's padding.PKCS1v15) under k and writes the ciphertext, exactly
// (bits + 7) / 8 bytes, to out. pt may be at most k - 11 bytes. Randomized.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = key size in bytes)
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a message too long or NULL pointers
//   - CRYPTOGO_ERR_TYPE for a key that is not an RSA key
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k
//
//export cryptogo_rsa_encrypt_pkcs1v15
func cryptogo_rsa_encrypt_pkcs1v15(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	pt *C.cryptogo_in, ptLen C.size_t, k *C.cryptogo_const_public_key) (rc C.int) {
	defer guard(enter(&rc))
	msg, err := in(pt, ptLen)
	if err != nil {
		return status(err)
	}
	return status(usePublicKey(k, func(key *rsa.PublicKey) error {
		return rsaWrite(out, outCap, outLen, key.Size(), func() ([]byte, error) {
			return key.EncryptPKCS1v15(msg)
		})
	}))
}

// cryptogo_rsa_decrypt_pkcs1v15 decrypts an RSAES-PKCS1-v1_5 ciphertext with
// k and writes the plaintext to out; *out_len is its length. out_cap must be
// at least k - 11 (any buffer of the key size in bytes suffices); checked
// before decrypting. crypto/rsa's constant-time code; every failure is the
// same code. Unlike pyca on OpenSSL >= 3.2 (implicit rejection: a random
// plaintext), bad padding is reported: callers must not reveal that
// difference to an attacker (Bleichenbacher).
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_DECRYPTION_FAILED for any failure of the decryption
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a ciphertext that is not exactly the
//     key size or NULL pointers
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = bound above)
//   - CRYPTOGO_ERR_TYPE for a key that is not an RSA key
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k
//
//export cryptogo_rsa_decrypt_pkcs1v15
func cryptogo_rsa_decrypt_pkcs1v15(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	ct *C.cryptogo_in, ctLen C.size_t, k *C.cryptogo_const_private_key) (rc C.int) {
	defer guard(enter(&rc))
	c, err := in(ct, ctLen)
	if err != nil {
		return status(err)
	}
	return status(usePrivateKey(k, func(key *rsa.PrivateKey) error {
		return rsaWrite(out, outCap, outLen, key.MaxPKCS1v15PlaintextSize(), func() ([]byte, error) {
			return key.DecryptPKCS1v15(c)
		})
	}))
}

// cryptogo_rsa_sign_pss signs msg with RSASSA-PSS (RFC 8017 8.1, pyca's
// padding.PSS with MGF1) and writes the signature, exactly (bits + 7) / 8
// bytes, to out. hash_alg is the message hash and mgf1_hash_alg the MGF1 hash
// (they may differ); each SHA-1, SHA-2, SHA-3 or MD5. salt_bytes is a salt
// length >= 0 (0 allowed), CRYPTOGO_PSS_SALT_MAX_LENGTH or
// CRYPTOGO_PSS_SALT_DIGEST_LENGTH. prehashed != 0: msg is already the digest
// of hash_alg (pyca's utils.Prehashed). The secret exponent is only used by
// crypto/rsa's constant-time code (salt 0 or a different MGF1 hash costs
// two private-key operations, see rsa.PrivateKey.SignPSS in core/rsa).
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = key size in bytes)
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for CRYPTOGO_PSS_SALT_AUTO or another
//     negative salt_bytes, a salt or digest too long for the key, a prehashed
//     msg of the wrong size, or NULL pointers
//   - CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM for another hash
//   - CRYPTOGO_ERR_TYPE for a key that is not an RSA key
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k
//
//export cryptogo_rsa_sign_pss
func cryptogo_rsa_sign_pss(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	msg *C.cryptogo_in, msgLen C.size_t, saltBytes C.int, hashAlg C.int, mgf1HashAlg C.int,
	prehashed C.int, k *C.cryptogo_const_private_key) (rc C.int) {
	defer guard(enter(&rc))
	m, err := in(msg, msgLen)
	if err != nil {
		return status(err)
	}
	return status(usePrivateKey(k, func(key *rsa.PrivateKey) error {
		return rsaWrite(out, outCap, outLen, key.Size(), func() ([]byte, error) {
			return key.SignPSS(m, int(saltBytes), hash.Algorithm(hashAlg), hash.Algorithm(mgf1HashAlg), prehashed != 0)
		})
	}))
}

// cryptogo_rsa_verify_pss verifies an RSASSA-PSS signature of msg (or, with
// prehashed != 0, of the digest msg) with k. salt_bytes is an exact length
// >= 0, CRYPTOGO_PSS_SALT_DIGEST_LENGTH, CRYPTOGO_PSS_SALT_MAX_LENGTH (the
// salt must have exactly the maximal length, as in OpenSSL) or
// CRYPTOGO_PSS_SALT_AUTO (any length). Not constant time (public data).
//
// Returns:
//   - CRYPTOGO_OK for a valid signature
//   - CRYPTOGO_ERR_INVALID_SIGNATURE otherwise (also for a signature that is
//     not exactly the key size)
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a salt_bytes below
//     CRYPTOGO_PSS_SALT_AUTO, a digest too large for the key, a prehashed msg
//     of the wrong size or NULL pointers
//   - CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM for a hash other than
//     SHA-1/SHA-2/SHA-3/MD5
//   - CRYPTOGO_ERR_TYPE for a key that is not an RSA key
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k
//
//export cryptogo_rsa_verify_pss
func cryptogo_rsa_verify_pss(sig *C.cryptogo_in, sigLen C.size_t, msg *C.cryptogo_in, msgLen C.size_t,
	saltBytes C.int, hashAlg C.int, mgf1HashAlg C.int, prehashed C.int, k *C.cryptogo_const_public_key) (rc C.int) {
	defer guard(enter(&rc))
	s, err := in(sig, sigLen)
	if err != nil {
		return status(err)
	}
	m, err := in(msg, msgLen)
	if err != nil {
		return status(err)
	}
	return status(usePublicKey(k, func(key *rsa.PublicKey) error {
		return key.VerifyPSS(s, m, int(saltBytes), hash.Algorithm(hashAlg), hash.Algorithm(mgf1HashAlg), prehashed != 0)
	}))
}

// cryptogo_rsa_sign_pkcs1v15 signs msg (or, with prehashed != 0, the digest
// msg) with RSASSA-PKCS1-v1_5 (RFC 8017 8.2, pyca's padding.PKCS1v15) and
// writes the signature, exactly (bits + 7) / 8 bytes, to out. hash_alg is
// SHA-1, SHA-2, SHA-3 or MD5, or CRYPTOGO_HASH_NONE (pyca's
// utils.NoDigestInfo()): msg itself, at most (bits + 7) / 8 - 11 bytes, is
// signed as the payload, without a DigestInfo (prehashed must be 0).
// Deterministic; crypto/rsa, constant time.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = key size in bytes)
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a key too small for the digest (or
//     the CRYPTOGO_HASH_NONE payload), a prehashed msg of the wrong size,
//     prehashed with CRYPTOGO_HASH_NONE or NULL pointers
//   - CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM for another hash
//   - CRYPTOGO_ERR_TYPE for a key that is not an RSA key
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k
//
//export cryptogo_rsa_sign_pkcs1v15
func cryptogo_rsa_sign_pkcs1v15(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	msg *C.cryptogo_in, msgLen C.size_t, hashAlg C.int, prehashed C.int, k *C.cryptogo_const_private_key) (rc C.int) {
	defer guard(enter(&rc))
	m, err := in(msg, msgLen)
	if err != nil {
		return status(err)
	}
	return status(usePrivateKey(k, func(key *rsa.PrivateKey) error {
		return rsaWrite(out, outCap, outLen, key.Size(), func() ([]byte, error) {
			return key.SignPKCS1v15(m, hash.Algorithm(hashAlg), prehashed != 0)
		})
	}))
}

// cryptogo_rsa_verify_pkcs1v15 verifies an RSASSA-PKCS1-v1_5 signature of msg
// (or, with prehashed != 0, of the digest msg) with k. The encoding must be
// exact DER with the NULL parameters (no BER, no missing NULL, as pyca on
// OpenSSL). hash_alg CRYPTOGO_HASH_NONE (pyca's utils.NoDigestInfo()): the
// payload must be msg itself, and sig may lack its leading zero bytes (as
// OpenSSL's raw verification). Not constant time (public data).
//
// Returns:
//   - CRYPTOGO_OK for a valid signature
//   - CRYPTOGO_ERR_INVALID_SIGNATURE otherwise
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a prehashed msg of the wrong size,
//     prehashed with CRYPTOGO_HASH_NONE or NULL pointers
//   - CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM for a hash other than
//     SHA-1/SHA-2/SHA-3/MD5
//   - CRYPTOGO_ERR_TYPE for a key that is not an RSA key
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k
//
//export cryptogo_rsa_verify_pkcs1v15
func cryptogo_rsa_verify_pkcs1v15(sig *C.cryptogo_in, sigLen C.size_t, msg *C.cryptogo_in, msgLen C.size_t,
	hashAlg C.int, prehashed C.int, k *C.cryptogo_const_public_key) (rc C.int) {
	defer guard(enter(&rc))
	s, err := in(sig, sigLen)
	if err != nil {
		return status(err)
	}
	m, err := in(msg, msgLen)
	if err != nil {
		return status(err)
	}
	return status(usePublicKey(k, func(key *rsa.PublicKey) error {
		return key.VerifyPKCS1v15(s, m, hash.Algorithm(hashAlg), prehashed != 0)
	}))
}

// cryptogo_rsa_recover_pkcs1v15 opens an RSASSA-PKCS1-v1_5 signature with k
// and writes the data it signs to out (pyca's
// RSAPublicKey.recover_data_from_signature(sig, PKCS1v15(), algorithm)).
// hash_alg is an enum cryptogo_hash_alg value: the payload must then be
// exactly that hash's DER DigestInfo and a digest, and the digest is written;
// or
// CRYPTOGO_HASH_NONE (pyca's algorithm=None or NoDigestInfo()): the whole
// unpadded payload is written, whatever it holds (possibly 0 bytes), and sig
// may have its leading zero bytes stripped (as OpenSSL accepts). out_cap of
// the key size in bytes always suffices. Not constant time (public data).
//
// Returns:
//   - CRYPTOGO_OK (*out_len = length of the recovered data)
//   - CRYPTOGO_ERR_INVALID_SIGNATURE for any failure of the signature: not
//     below n, bad padding, another DigestInfo, a wrong length (*out_len = 0)
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = key size in bytes, checked
//     before any work)
//   - CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM for a hash_alg other than
//     CRYPTOGO_HASH_NONE, SHA-1, SHA-2, SHA-3 or MD5
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a NULL out_len or a NULL pointer with
//     a non-zero length
//   - CRYPTOGO_ERR_TYPE for a key that is not an RSA key
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k
//
//export cryptogo_rsa_recover_pkcs1v15
func cryptogo_rsa_recover_pkcs1v15(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	sig *C.cryptogo_in, sigLen C.size_t, hashAlg C.int, k *C.cryptogo_const_public_key) (rc C.int) {
	defer guard(enter(&rc))
	s, err := in(sig, sigLen)
	if err != nil {
		return status(err)
	}
	return status(usePublicKey(k, func(key *rsa.PublicKey) error {
		return rsaWrite(out, outCap, outLen, key.Size(), func() ([]byte, error) {
			return key.RecoverPKCS1v15(s, hash.Algorithm(hashAlg))
		})
	}))
}
