package main

/*
#include "cryptogo_types.h"
*/
import "C"

import (
	"math"

	"github.com/cryptogo/libcrypto-go/core/dsa"
	"github.com/cryptogo/libcrypto-go/core/hash"
	"github.com/cryptogo/libcrypto-go/core/keys"
)

// DSA on the generic key handles. Parameters have no handle of their own:
// they are the numbers p, q and g, passed as big-endian byte buffers (as EC
// passes a curve by value). pyca's generate_parameters(key_size) is
// cryptogo_dsa_generate followed by the number accessors; its
// DSAParameters.generate_private_key() is cryptogo_dsa_generate_from_parameters.

// dsaNumbers reads big-endian input buffers.
func dsaNumbers(ptrs []*C.cryptogo_in, lens []C.size_t) ([][]byte, error) {
	out := make([][]byte, len(ptrs))
	for i := range ptrs {
		b, err := in(ptrs[i], lens[i])
		if err != nil {
			return nil, err
		}
		out[i] = b
	}
	return out, nil
}

// cryptogo_dsa_generate generates new DSA parameters with a p of key_bits
// bits (1024, 2048, 3072 or 4096; q of 160 bits for 1024, 256 bits for the
// others, as OpenSSL) and a private key with them (pyca's
// dsa.generate_private_key), and stores a new handle in *out (free it with
// cryptogo_private_key_free). Slow: seconds for 2048 and 3072 bits, tens
// of seconds for 4096. Not constant time (math/big).
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for another key_bits (pyca's
//     ValueError) or a NULL out
//   - CRYPTOGO_ERR_INTERNAL if the system's random source fails
//
//export cryptogo_dsa_generate
func cryptogo_dsa_generate(out **C.cryptogo_private_key, keyBits C.size_t) (rc C.int) {
	defer guard(enter(&rc))
	if out == nil {
		return status(errNullArgument)
	}
	bits := math.MaxInt32 // out of range: rejected by core
	if uint64(keyBits) < math.MaxInt32 {
		bits = int(keyBits)
	}
	k, err := dsa.Generate(bits)
	if err != nil {
		return status(err)
	}
	*out = (*C.cryptogo_private_key)(newHandle(kindPrivateKey, k))
	return C.CRYPTOGO_OK
}

// cryptogo_dsa_parameters_check checks the parameters p, q, g (big-endian
// integers of any length) as pyca's DSAParameterNumbers.parameters() does:
// p of 1024, 2048, 3072 or 4096 bits, q of 160, 224 or 256 bits, 1 < g < p.
// The inputs are not retained.
//
// Returns:
//   - CRYPTOGO_OK when they pass
//   - CRYPTOGO_ERR_INVALID_ARGUMENT when they do not (pyca's ValueError), or
//     for a NULL input with a non-zero length
//   - CRYPTOGO_ERR_OVERFLOW for an input over CRYPTOGO_INPUTBYTES_MAX
//
//abigen:nodiscard
//export cryptogo_dsa_parameters_check
func cryptogo_dsa_parameters_check(p *C.cryptogo_in, pLen C.size_t, q *C.cryptogo_in, qLen C.size_t,
	g *C.cryptogo_in, gLen C.size_t) (rc C.int) {
	defer guard(enter(&rc))
	n, err := dsaNumbers([]*C.cryptogo_in{p, q, g}, []C.size_t{pLen, qLen, gLen})
	if err != nil {
		return status(err)
	}
	_, err = dsa.NewParameters(n[0], n[1], n[2])
	return status(err)
}

// cryptogo_dsa_generate_from_parameters generates a private key with the
// parameters p, q, g (big-endian integers of any length; pyca's
// DSAParameters.generate_private_key()), after the checks of
// cryptogo_dsa_parameters_check, and stores a new handle in *out. Not
// constant time (math/big).
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for parameters that fail the checks, a
//     NULL out, or a NULL input with a non-zero length
//   - CRYPTOGO_ERR_OVERFLOW for an input over CRYPTOGO_INPUTBYTES_MAX
//   - CRYPTOGO_ERR_INTERNAL if the system's random source fails
//
//abigen:nodiscard
//export cryptogo_dsa_generate_from_parameters
func cryptogo_dsa_generate_from_parameters(out **C.cryptogo_private_key, p *C.cryptogo_in, pLen C.size_t,
	q *C.cryptogo_in, qLen C.size_t, g *C.cryptogo_in, gLen C.size_t) (rc C.int) {
	defer guard(enter(&rc))
	if out == nil {
		return status(errNullArgument)
	}
	n, err := dsaNumbers([]*C.cryptogo_in{p, q, g}, []C.size_t{pLen, qLen, gLen})
	if err != nil {
		return status(err)
	}
	params, err := dsa.NewParameters(n[0], n[1], n[2])
	if err != nil {
		return status(err)
	}
	k, err := params.GenerateKey()
	if err != nil {
		return status(err)
	}
	*out = (*C.cryptogo_private_key)(newHandle(kindPrivateKey, k))
	return C.CRYPTOGO_OK
}

// cryptogo_dsa_public_key_from_numbers builds the public key y with the
// parameters p, q, g, all big-endian integers of any length (pyca's
// DSAPublicNumbers.public_key(): the parameters are checked as by
// cryptogo_dsa_parameters_check, y is not), and stores a new handle in
// *out (free it with cryptogo_public_key_free).
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for parameters that fail the checks, a
//     NULL out, or a NULL input with a non-zero length
//   - CRYPTOGO_ERR_OVERFLOW for an input over CRYPTOGO_INPUTBYTES_MAX
//
//export cryptogo_dsa_public_key_from_numbers
func cryptogo_dsa_public_key_from_numbers(out **C.cryptogo_public_key, p *C.cryptogo_in, pLen C.size_t,
	q *C.cryptogo_in, qLen C.size_t, g *C.cryptogo_in, gLen C.size_t, y *C.cryptogo_in, yLen C.size_t) (rc C.int) {
	defer guard(enter(&rc))
	if out == nil {
		return status(errNullArgument)
	}
	n, err := dsaNumbers([]*C.cryptogo_in{p, q, g, y}, []C.size_t{pLen, qLen, gLen, yLen})
	if err != nil {
		return status(err)
	}
	k, err := dsa.NewPublicKey(n[0], n[1], n[2], n[3])
	if err != nil {
		return status(err)
	}
	*out = (*C.cryptogo_public_key)(newHandle(kindPublicKey, k))
	return C.CRYPTOGO_OK
}

// cryptogo_dsa_private_key_from_numbers builds the private key x with
// public value y and the parameters p, q, g, all big-endian integers of any
// length (pyca's DSAPrivateNumbers.private_key()): the checks of
// cryptogo_dsa_parameters_check, then 0 < x < q and y = g^x mod p. Stores a
// new handle in *out. The inputs are not retained. Not constant time
// (math/big).
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for numbers that fail the checks (pyca's
//     ValueError), a NULL out, or a NULL input with a non-zero length
//   - CRYPTOGO_ERR_OVERFLOW for an input over CRYPTOGO_INPUTBYTES_MAX
//
//export cryptogo_dsa_private_key_from_numbers
func cryptogo_dsa_private_key_from_numbers(out **C.cryptogo_private_key, p *C.cryptogo_in, pLen C.size_t,
	q *C.cryptogo_in, qLen C.size_t, g *C.cryptogo_in, gLen C.size_t, y *C.cryptogo_in, yLen C.size_t,
	x *C.cryptogo_in, xLen C.size_t) (rc C.int) {
	defer guard(enter(&rc))
	if out == nil {
		return status(errNullArgument)
	}
	n, err := dsaNumbers([]*C.cryptogo_in{p, q, g, y, x}, []C.size_t{pLen, qLen, gLen, yLen, xLen})
	if err != nil {
		return status(err)
	}
	k, err := dsa.NewPrivateKey(n[0], n[1], n[2], n[3], n[4])
	if err != nil {
		return status(err)
	}
	*out = (*C.cryptogo_private_key)(newHandle(kindPrivateKey, k))
	return C.CRYPTOGO_OK
}

// cryptogo_dsa_public_key_number writes one number of k, a DSA public key
// (pyca's public_numbers() and parameters().parameter_numbers()), to out:
// component is an enum cryptogo_dsa_component, P, Q, G or Y, written
// big-endian with no leading zero bytes. A buffer of (bits + 7) / 8 bytes
// (cryptogo_public_key_bits) fits every component.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = size needed)
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for another component, a NULL out_len,
//     or a NULL out with a non-zero out_cap
//   - CRYPTOGO_ERR_TYPE for a key that is not a DSA key
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k
//
//export cryptogo_dsa_public_key_number
func cryptogo_dsa_public_key_number(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	component C.int, k *C.cryptogo_const_public_key) (rc C.int) {
	defer guard(enter(&rc))
	if outLen == nil || (out == nil && outCap != 0) {
		return status(errNullArgument)
	}
	return status(usePublicKeyAny(k, func(key any) error {
		b, err := keys.DSANumber(key, dsa.Component(component))
		if err != nil {
			return err
		}
		return writeKeyBytes(out, outCap, outLen, b)
	}))
}

// cryptogo_dsa_private_key_number writes one number of k, a DSA private key
// (pyca's private_numbers()), to out: component is an enum
// cryptogo_dsa_component, P, Q, G, Y (big-endian, no leading zero bytes) or
// X (big-endian, as many bytes as q). A buffer of (bits + 7) / 8 bytes
// (cryptogo_private_key_bits) fits every component. x is copied into out:
// the caller should clear it after use.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = size needed)
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for an unknown component, a NULL
//     out_len, or a NULL out with a non-zero out_cap
//   - CRYPTOGO_ERR_TYPE for a key that is not a DSA key
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k
//
//export cryptogo_dsa_private_key_number
func cryptogo_dsa_private_key_number(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	component C.int, k *C.cryptogo_const_private_key) (rc C.int) {
	defer guard(enter(&rc))
	if outLen == nil || (out == nil && outCap != 0) {
		return status(errNullArgument)
	}
	return status(usePrivateKeyAny(k, func(key any) error {
		b, err := keys.DSANumber(key, dsa.Component(component))
		if err != nil {
			return err
		}
		return writeKeyBytes(out, outCap, outLen, b)
	}))
}

// cryptogo_dsa_sign signs msg (or, with prehashed != 0, the digest msg;
// pyca's utils.Prehashed) with DSA (FIPS 186-4 4.6) over hash_alg, any
// cryptogo_hash_alg (as pyca, which signs any digest; SHAKE only prehashed,
// the digest then of any non-zero length), and k, a
// DSA private key, and writes the DER signature (RFC 3279 Dss-Sig-Value),
// of variable length, to out; *out_len is its length. The digest is
// truncated to the byte length of q. out_cap must be at least the largest
// signature of the key (2 * (bytes of q + 1) + 6). The nonce is random. Not
// constant time (math/big: see core/dsa).
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = largest signature size)
//   - CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM for SHAKE not prehashed or an
//     unknown hash_alg
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a prehashed msg of the wrong size, a
//     key that cannot sign (degenerate numbers, as pyca's ValueError), a
//     NULL out_len, or a NULL pointer with a non-zero length
//   - CRYPTOGO_ERR_TYPE for a key that is not a DSA key
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k
//   - CRYPTOGO_ERR_OVERFLOW for an input over CRYPTOGO_INPUTBYTES_MAX
//
//export cryptogo_dsa_sign
func cryptogo_dsa_sign(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	msg *C.cryptogo_in, msgLen C.size_t, hashAlg C.int, prehashed C.int,
	k *C.cryptogo_const_private_key) (rc C.int) {
	defer guard(enter(&rc))
	if outLen == nil || (out == nil && outCap != 0) {
		return status(errNullArgument)
	}
	m, err := in(msg, msgLen)
	if err != nil {
		return status(err)
	}
	return status(usePrivateKeyAny(k, func(key any) error {
		n, err := keys.DSASignatureMaxSize(key)
		if err != nil {
			return err
		}
		dst, err := outBuffer(out, outCap, outLen, n)
		if err != nil {
			return err
		}
		sig, err := keys.DSASign(key, m, hash.Algorithm(hashAlg), prehashed != 0)
		if err != nil {
			*outLen = 0
			return err
		}
		setLen(outLen, copy(dst, sig))
		return nil
	}))
}

// cryptogo_dsa_verify checks sig, a DER DSA signature, of msg (or, with
// prehashed != 0, of the digest msg) over hash_alg with k, a DSA public key
// (pyca's verify). A signature that is not strict DER, or whose r or s is
// not in [1, q-1], is invalid. hash_alg as for cryptogo_dsa_sign. Not
// constant time (public values).
//
// Returns:
//   - CRYPTOGO_OK when the signature is valid
//   - CRYPTOGO_ERR_INVALID_SIGNATURE when it is not
//   - CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM for SHAKE not prehashed or an
//     unknown hash_alg
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a prehashed msg of the wrong size or
//     a NULL pointer with a non-zero length
//   - CRYPTOGO_ERR_TYPE for a key that is not a DSA key
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k
//   - CRYPTOGO_ERR_OVERFLOW for an input over CRYPTOGO_INPUTBYTES_MAX
//
//export cryptogo_dsa_verify
func cryptogo_dsa_verify(sig *C.cryptogo_in, sigLen C.size_t, msg *C.cryptogo_in, msgLen C.size_t,
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
	return status(usePublicKeyAny(k, func(key any) error {
		return keys.DSAVerify(key, s, m, hash.Algorithm(hashAlg), prehashed != 0)
	}))
}
