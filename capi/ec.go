package main

/*
#include "cryptogo_types.h"
*/
import "C"

import (
	"github.com/cryptogo/libcrypto-go/core/ec"
	"github.com/cryptogo/libcrypto-go/core/hash"
	"github.com/cryptogo/libcrypto-go/core/keys"
)

// cryptogo_ec_generate generates a private key on curve, a cryptogo_ec_curve
// value (pyca's ec.generate_private_key), and stores a new handle in *out
// (free it with cryptogo_private_key_free).
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM for a curve outside cryptogo_ec_curve
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a NULL out
//
//export cryptogo_ec_generate
func cryptogo_ec_generate(out **C.cryptogo_private_key, curve C.int) (rc C.int) {
	defer guard(enter(&rc))
	if out == nil {
		return status(errNullArgument)
	}
	k, err := ec.Generate(ec.Curve(curve))
	if err != nil {
		return status(err)
	}
	*out = (*C.cryptogo_private_key)(newHandle(kindPrivateKey, k))
	return C.CRYPTOGO_OK
}

// cryptogo_ec_derive_private_key builds the private key on curve whose
// private value is scalar, a big-endian integer of any length (pyca's
// ec.derive_private_key and EllipticCurvePrivateNumbers.private_key()), and
// stores a new handle in *out. The input is not retained.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a scalar of 0 or not below the
//     curve's order (pyca's ValueError), a NULL out, or a NULL scalar with a
//     non-zero length
//   - CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM for a curve outside cryptogo_ec_curve
//   - CRYPTOGO_ERR_OVERFLOW for an input over CRYPTOGO_INPUTBYTES_MAX
//
//abigen:nodiscard
//export cryptogo_ec_derive_private_key
func cryptogo_ec_derive_private_key(out **C.cryptogo_private_key, curve C.int,
	scalar *C.cryptogo_in, scalarLen C.size_t) (rc C.int) {
	defer guard(enter(&rc))
	if out == nil {
		return status(errNullArgument)
	}
	s, err := in(scalar, scalarLen)
	if err != nil {
		return status(err)
	}
	k, err := ec.NewPrivateKey(ec.Curve(curve), s)
	if err != nil {
		return status(err)
	}
	*out = (*C.cryptogo_private_key)(newHandle(kindPrivateKey, k))
	return C.CRYPTOGO_OK
}

// cryptogo_ec_public_key_from_point builds the public key on curve of an
// X9.62 encoded point, compressed (0x02/0x03 || x) or uncompressed (0x04 ||
// x || y) (pyca's EllipticCurvePublicKey.from_encoded_point), and stores a
// new handle in *out (free it with cryptogo_public_key_free).
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for an empty or malformed encoding, a
//     point not on the curve, a NULL out, or a NULL point with a non-zero
//     length
//   - CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM for a curve outside cryptogo_ec_curve
//   - CRYPTOGO_ERR_OVERFLOW for an input over CRYPTOGO_INPUTBYTES_MAX
//
//abigen:nodiscard
//export cryptogo_ec_public_key_from_point
func cryptogo_ec_public_key_from_point(out **C.cryptogo_public_key, curve C.int,
	point *C.cryptogo_in, pointLen C.size_t) (rc C.int) {
	defer guard(enter(&rc))
	if out == nil {
		return status(errNullArgument)
	}
	p, err := in(point, pointLen)
	if err != nil {
		return status(err)
	}
	k, err := ec.NewPublicKeyFromPoint(ec.Curve(curve), p)
	if err != nil {
		return status(err)
	}
	*out = (*C.cryptogo_public_key)(newHandle(kindPublicKey, k))
	return C.CRYPTOGO_OK
}

// cryptogo_ec_public_key_from_numbers builds the public key on curve of the
// affine point (x, y), two big-endian integers of any length (pyca's
// EllipticCurvePublicNumbers.public_key()), and stores a new handle in *out.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a point not on the curve, a NULL
//     out, or a NULL x or y with a non-zero length
//   - CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM for a curve outside cryptogo_ec_curve
//   - CRYPTOGO_ERR_OVERFLOW for an input over CRYPTOGO_INPUTBYTES_MAX
//
//export cryptogo_ec_public_key_from_numbers
func cryptogo_ec_public_key_from_numbers(out **C.cryptogo_public_key, curve C.int,
	x *C.cryptogo_in, xLen C.size_t, y *C.cryptogo_in, yLen C.size_t) (rc C.int) {
	defer guard(enter(&rc))
	if out == nil {
		return status(errNullArgument)
	}
	xb, err := in(x, xLen)
	if err != nil {
		return status(err)
	}
	yb, err := in(y, yLen)
	if err != nil {
		return status(err)
	}
	k, err := ec.NewPublicKeyFromNumbers(ec.Curve(curve), xb, yb)
	if err != nil {
		return status(err)
	}
	*out = (*C.cryptogo_public_key)(newHandle(kindPublicKey, k))
	return C.CRYPTOGO_OK
}

// cryptogo_ec_key_curve stores the cryptogo_ec_curve of k, an EC public key,
// in *out_curve (pyca's public_key.curve).
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_TYPE for a key that is not an EC key
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a NULL out_curve
//
//export cryptogo_ec_key_curve
func cryptogo_ec_key_curve(outCurve *C.int, k *C.cryptogo_const_public_key) (rc C.int) {
	defer guard(enter(&rc))
	if outCurve == nil {
		return status(errNullArgument)
	}
	return status(usePublicKeyAny(k, func(key any) error {
		c, err := keys.ECCurveOf(key)
		if err != nil {
			return err
		}
		*outCurve = C.int(c)
		return nil
	}))
}

// cryptogo_ec_private_key_curve stores the cryptogo_ec_curve of k, an EC
// private key, in *out_curve (pyca's private_key.curve).
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_TYPE for a key that is not an EC key
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a NULL out_curve
//
//export cryptogo_ec_private_key_curve
func cryptogo_ec_private_key_curve(outCurve *C.int, k *C.cryptogo_const_private_key) (rc C.int) {
	defer guard(enter(&rc))
	if outCurve == nil {
		return status(errNullArgument)
	}
	return status(usePrivateKeyAny(k, func(key any) error {
		c, err := keys.ECCurveOf(key)
		if err != nil {
			return err
		}
		*outCurve = C.int(c)
		return nil
	}))
}

// cryptogo_ec_public_key_number writes a coordinate of k, an EC public key,
// to out: component 1 is x, 2 is y (pyca's public_numbers().x / .y), as a
// fixed-width big-endian integer of the curve's byte length (28, 32, 48 or
// 66 bytes).
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = curve byte length)
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a component other than 1 or 2, a
//     NULL out_len, or a NULL out with a non-zero out_cap
//   - CRYPTOGO_ERR_TYPE for a key that is not an EC key
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k
//
//export cryptogo_ec_public_key_number
func cryptogo_ec_public_key_number(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	component C.int, k *C.cryptogo_const_public_key) (rc C.int) {
	defer guard(enter(&rc))
	if outLen == nil || (out == nil && outCap != 0) || (component != 1 && component != 2) {
		return status(errNullArgument)
	}
	return status(usePublicKeyAny(k, func(key any) error {
		pk, ok := key.(*ec.PublicKey)
		if !ok {
			_, err := keys.ECCurveOf(key)
			return err
		}
		v := pk.X()
		if component == 2 {
			v = pk.Y()
		}
		return writeKeyBytes(out, outCap, outLen, v)
	}))
}

// cryptogo_ec_private_key_value writes the private value of k, an EC private
// key (pyca's private_numbers().private_value), to out as a fixed-width
// big-endian integer of the curve's byte length (28, 32, 48 or 66 bytes).
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = curve byte length)
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a NULL out_len, or a NULL out with a
//     non-zero out_cap
//   - CRYPTOGO_ERR_TYPE for a key that is not an EC key
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k
//
//export cryptogo_ec_private_key_value
func cryptogo_ec_private_key_value(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	k *C.cryptogo_const_private_key) (rc C.int) {
	defer guard(enter(&rc))
	if outLen == nil || (out == nil && outCap != 0) {
		return status(errNullArgument)
	}
	return status(usePrivateKeyAny(k, func(key any) error {
		pk, ok := key.(*ec.PrivateKey)
		if !ok {
			_, err := keys.ECCurveOf(key)
			return err
		}
		return writeKeyBytes(out, outCap, outLen, pk.Bytes())
	}))
}

// cryptogo_ecdsa_sign signs msg (or, with prehashed != 0, the digest msg;
// pyca's utils.Prehashed) with ECDSA (FIPS 186-5) over hash_alg, any
// cryptogo_hash_alg (as pyca: SHA-1, SHA-2, SHA-3, BLAKE2, MD5, SM3; SHAKE
// only prehashed, the digest of the caller's size), and k, an EC private
// key, and writes the DER signature (RFC 3279 Ecdsa-Sig-Value), of variable
// length, to out; *out_len is its length. out_cap must be at least the
// largest signature of the curve. deterministic != 0 takes the nonce of RFC
// 6979 (byte-identical to pyca's ECDSA(hash, deterministic_signing=True)),
// for SHA-1, SHA-2, SHA-3 and MD5; otherwise the nonce is random.
// Constant time with respect to the key.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = largest signature size)
//   - CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM for an unknown hash_alg, SHAKE not
//     prehashed, or deterministic signing with SM3, BLAKE2 or SHAKE
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a prehashed msg of the wrong size, a
//     NULL out_len, or a NULL pointer with a non-zero length
//   - CRYPTOGO_ERR_TYPE for a key that is not an EC key
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k
//   - CRYPTOGO_ERR_OVERFLOW for an input over CRYPTOGO_INPUTBYTES_MAX
//
//export cryptogo_ecdsa_sign
func cryptogo_ecdsa_sign(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	msg *C.cryptogo_in, msgLen C.size_t, hashAlg C.int, prehashed C.int, deterministic C.int,
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
		n, err := keys.ECDSASignatureMaxSize(key)
		if err != nil {
			return err
		}
		dst, err := outBuffer(out, outCap, outLen, n)
		if err != nil {
			return err
		}
		sig, err := keys.ECDSASign(key, m, hash.Algorithm(hashAlg), prehashed != 0, deterministic != 0)
		if err != nil {
			*outLen = 0
			return err
		}
		setLen(outLen, copy(dst, sig))
		return nil
	}))
}

// cryptogo_ecdsa_verify checks sig, a DER ECDSA signature, of msg (or, with
// prehashed != 0, of the digest msg) over hash_alg with k, an EC public key
// (pyca's verify with ECDSA; hash_alg as cryptogo_ecdsa_sign). A signature
// that is not strict DER is invalid.
//
// Returns:
//   - CRYPTOGO_OK when the signature is valid
//   - CRYPTOGO_ERR_INVALID_SIGNATURE when it is not
//   - CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM for an unknown hash_alg or SHAKE not
//     prehashed
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a prehashed msg of the wrong size or
//     a NULL pointer with a non-zero length
//   - CRYPTOGO_ERR_TYPE for a key that is not an EC key
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k
//   - CRYPTOGO_ERR_OVERFLOW for an input over CRYPTOGO_INPUTBYTES_MAX
//
//export cryptogo_ecdsa_verify
func cryptogo_ecdsa_verify(sig *C.cryptogo_in, sigLen C.size_t, msg *C.cryptogo_in, msgLen C.size_t,
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
		return keys.ECDSAVerify(key, s, m, hash.Algorithm(hashAlg), prehashed != 0)
	}))
}

// cryptogo_ecdh_exchange computes the ECDH shared secret (SEC 1 3.3.1, the
// x coordinate; pyca's exchange(ECDH(), peer)) of k, an EC private key, and
// peer, an EC public key on the same curve, and writes it, the curve's byte
// length (28, 32, 48 or 66 bytes), to out. Constant time with respect to
// the private key.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = secret size)
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for keys on different curves (pyca's
//     ValueError), a NULL out_len, or a NULL out with a non-zero out_cap
//   - CRYPTOGO_ERR_TYPE for keys that are not both EC keys
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k or peer
//
//export cryptogo_ecdh_exchange
func cryptogo_ecdh_exchange(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	k *C.cryptogo_const_private_key, peer *C.cryptogo_const_public_key) (rc C.int) {
	defer guard(enter(&rc))
	return status(exchangeInto(out, outCap, outLen, k, peer, func(priv, pub any) (int, error) {
		c, err := keys.ECCurveOf(priv)
		if err != nil {
			return 0, err
		}
		if _, err := keys.ECCurveOf(pub); err != nil {
			return 0, err
		}
		return c.Size(), nil
	}, keys.ECDHExchange))
}
