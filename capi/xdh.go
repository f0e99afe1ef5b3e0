package main

/*
#include "cryptogo_types.h"
*/
import "C"

import (
	"github.com/cryptogo/libcrypto-go/core/keys"
	"github.com/cryptogo/libcrypto-go/core/xdh"
)

// cryptogo_xdh_exchange computes the X25519 or X448 shared secret (RFC 7748,
// pyca's exchange) of k and peer, which must be of the same algorithm, and
// writes it, 32 bytes for X25519 and 56 for X448, to out. Constant time with
// respect to the private key. An all-zero secret (a low-order peer point) is
// refused, as pyca refuses it, and nothing is written.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = secret size)
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for an all-zero shared secret (pyca's
//     ValueError "Error computing shared key.") or a NULL out_len
//   - CRYPTOGO_ERR_TYPE for keys that are not both X25519 or both X448
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k or peer
//
//export cryptogo_xdh_exchange
func cryptogo_xdh_exchange(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	k *C.cryptogo_const_private_key, peer *C.cryptogo_const_public_key) (rc C.int) {
	defer guard(enter(&rc))
	if outLen == nil {
		return status(errNullArgument)
	}
	// Public keys are immutable: take the peer's value under its own lock
	// first, then work under the private key's (never both locks at once).
	var pub any
	if err := usePublicKeyAny(peer, func(key any) error { pub = key; return nil }); err != nil {
		return status(err)
	}
	return status(usePrivateKeyAny(k, func(key any) error {
		n, err := keys.XDHSharedSize(key)
		if err != nil {
			return err
		}
		dst, err := outBuffer(out, outCap, outLen, n)
		if err != nil {
			return err
		}
		s, err := keys.XDHExchange(key, pub)
		if err != nil {
			*outLen = 0
			return err
		}
		defer clear(s)
		copy(dst, s)
		return nil
	}))
}

// cryptogo_x25519_publickeybytes returns CRYPTOGO_X25519_PUBLICKEYBYTES,
// the size of a raw X25519 public key (and of the shared secret).
//
// Returns:
//   - 32
//
//export cryptogo_x25519_publickeybytes
func cryptogo_x25519_publickeybytes() C.size_t { return C.size_t(xdh.X25519KeySize) }

// cryptogo_x25519_secretkeybytes returns CRYPTOGO_X25519_SECRETKEYBYTES,
// the size of a raw X25519 private key.
//
// Returns:
//   - 32
//
//export cryptogo_x25519_secretkeybytes
func cryptogo_x25519_secretkeybytes() C.size_t { return C.size_t(xdh.X25519KeySize) }

// cryptogo_x448_publickeybytes returns CRYPTOGO_X448_PUBLICKEYBYTES, the
// size of a raw X448 public key (and of the shared secret).
//
// Returns:
//   - 56
//
//export cryptogo_x448_publickeybytes
func cryptogo_x448_publickeybytes() C.size_t { return C.size_t(xdh.X448KeySize) }

// cryptogo_x448_secretkeybytes returns CRYPTOGO_X448_SECRETKEYBYTES, the
// size of a raw X448 private key.
//
// Returns:
//   - 56
//
//export cryptogo_x448_secretkeybytes
func cryptogo_x448_secretkeybytes() C.size_t { return C.size_t(xdh.X448KeySize) }
