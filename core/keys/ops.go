package keys

import (
	"fmt"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/eddsa"
	"github.com/cryptogo/libcrypto-go/core/xdh"
)

// Operations on the generic key values for the families whose operation
// takes no parameters beyond the key (EdDSA, XDH): the C ABI's
// cryptogo_eddsa_* and cryptogo_xdh_exchange dispatch here.

var (
	errNotEdDSA = fmt.Errorf("%w: not an Ed25519 or Ed448 key", core.ErrType)
	errNotXDH   = fmt.Errorf("%w: not an X25519 or X448 key", core.ErrType)
)

// EdDSASignatureSize returns the size of a signature by key, a private or
// public Ed25519 (64) or Ed448 (114) key; core.ErrType for another key.
func EdDSASignatureSize(key any) (int, error) {
	switch TypeOf(key) {
	case Ed25519:
		return eddsa.Ed25519SignatureSize, nil
	case Ed448:
		return eddsa.Ed448SignatureSize, nil
	}
	return 0, errNotEdDSA
}

// EdDSASign signs msg with an Ed25519 or Ed448 private key (pure EdDSA,
// empty context; RFC 8032). core.ErrType for another key.
func EdDSASign(priv any, msg []byte) ([]byte, error) {
	switch k := priv.(type) {
	case *eddsa.Ed25519PrivateKey:
		if k != nil {
			return k.Sign(msg), nil
		}
	case *eddsa.Ed448PrivateKey:
		if k != nil {
			return k.Sign(msg), nil
		}
	}
	return nil, errNotEdDSA
}

// EdDSAVerify verifies sig over msg with an Ed25519 or Ed448 public key:
// core.ErrInvalidSignature when it does not verify, core.ErrType for
// another key.
func EdDSAVerify(pub any, sig, msg []byte) error {
	switch k := pub.(type) {
	case *eddsa.Ed25519PublicKey:
		if k != nil {
			return k.Verify(sig, msg)
		}
	case *eddsa.Ed448PublicKey:
		if k != nil {
			return k.Verify(sig, msg)
		}
	}
	return errNotEdDSA
}

// XDHSharedSize returns the size of the shared secret of key, an X25519 (32)
// or X448 (56) key; core.ErrType for another key.
func XDHSharedSize(key any) (int, error) {
	switch TypeOf(key) {
	case X25519:
		return xdh.X25519KeySize, nil
	case X448:
		return xdh.X448KeySize, nil
	}
	return 0, errNotXDH
}

// XDHExchange computes the X25519 or X448 shared secret of priv and peer
// (RFC 7748), which must be of the same type (else core.ErrType);
// core.ErrInvalidArgument for an all-zero secret (pyca's ValueError).
func XDHExchange(priv, peer any) ([]byte, error) {
	switch k := priv.(type) {
	case *xdh.X25519PrivateKey:
		if p, ok := peer.(*xdh.X25519PublicKey); ok && k != nil && p != nil {
			return k.Exchange(p)
		}
	case *xdh.X448PrivateKey:
		if p, ok := peer.(*xdh.X448PublicKey); ok && k != nil && p != nil {
			return k.Exchange(p)
		}
	}
	return nil, errNotXDH
}
