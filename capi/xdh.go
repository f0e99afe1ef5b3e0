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
//     ValueError "Error computing shared key."), a NULL out_len, or a NULL out
//     with a non-zero out_cap
//   - CRYPTOGO_ERR_TYPE for keys that are not both X25519 or both X448
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind k or peer
//
//export cryptogo_xdh_exchange
func cryptogo_xdh_exchange(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	k *C.cryptogo_const_private_key, peer *C.cryptogo_const_public_key) (rc C.int) {
	defer guard(enter(&rc))
	return status(exchangeInto(out, outCap, outLen, k, peer, func(priv, _ any) (int, error) {
		return keys.XDHSharedSize(priv)
	}, keys.XDHExchange))
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
