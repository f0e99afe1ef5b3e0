// Package rsa implements RSA (RFC 8017) with the semantics of pyca's
// cryptography.hazmat.primitives.asymmetric.rsa: key generation (e = 3 or
// 65537), keys from numbers with pyca's validation, RSAES-OAEP and
// RSAES-PKCS1-v1_5 encryption, RSASSA-PSS (any salt length, including 0, and
// a distinct MGF1 hash) and RSASSA-PKCS1-v1_5 signatures, on prehashed
// digests too.
//
// Private-key operations run in crypto/rsa's constant-time code. Public-key
// operations (verify, encrypt: public values only, variable time) run over
// Montgomery constants cached in the key, with a multiply-accumulate kernel
// in Go assembly on amd64 (mont_amd64.s; pure Go on other architectures and
// with -tags purego).
//
// Serialization (PEM, DER, PKCS #1, PKCS #8) lives in package keys, which
// imports this one. Errors are the sentinel values of package core.
package rsa

import (
	"crypto"
	stdrsa "crypto/rsa"
	"crypto/subtle"
	"fmt"
	stdhash "hash"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/hash"
	"github.com/cryptogo/libcrypto-go/core/internal/errs"
)

// oaepHash checks an OAEP or OAEP-MGF1 hash: SHA-1 or SHA-2 (pyca with
// OpenSSL accepts SHA-1 and SHA-224/256/384/512; SHA-512/224 and SHA-512/256
// are accepted here as well, they are SHA-2 too).
func oaepHash(h hash.Algorithm) (crypto.Hash, error) {
	switch h {
	case hash.SHA1, hash.SHA224, hash.SHA256, hash.SHA384, hash.SHA512, hash.SHA512_224, hash.SHA512_256:
		return h.CryptoHash(), nil
	}
	return 0, fmt.Errorf("%w: %s is not supported for RSA-OAEP (SHA-1 and SHA-2 only)", core.ErrUnsupportedAlgorithm, hashLabel(h))
}

// signatureHash checks a hash for RSA signatures (message hash of PKCS1v15
// and PSS, and PSS's MGF1 hash): SHA-1, SHA-2, SHA-3 and MD5, the digests
// OpenSSL's RSA signatures accept. BLAKE2 and SHAKE are
// core.ErrUnsupportedAlgorithm, as in pyca.
func signatureHash(h hash.Algorithm) error {
	switch h {
	case hash.SHA1, hash.SHA224, hash.SHA256, hash.SHA384, hash.SHA512, hash.SHA512_224, hash.SHA512_256,
		hash.SHA3_224, hash.SHA3_256, hash.SHA3_384, hash.SHA3_512, hash.MD5:
		return nil
	}
	return fmt.Errorf("%w: %s is not supported for RSA signatures", core.ErrUnsupportedAlgorithm, hashLabel(h))
}

func hashLabel(h hash.Algorithm) string {
	if h.Valid() {
		return h.Name()
	}
	return fmt.Sprintf("hash algorithm %d", int(h))
}

// digest hashes msg with h, or, for a prehashed msg (pyca's
// utils.Prehashed), checks that it has the digest's size.
func digest(msg []byte, h hash.Algorithm, prehashed bool) ([]byte, error) {
	if prehashed {
		if len(msg) != h.Size() {
			return nil, errs.Invalid("The provided data must be the same length as the hash algorithm's digest size.")
		}
		return msg, nil
	}
	hh, err := h.New()
	if err != nil {
		return nil, err
	}
	hh.Write(msg)
	return hh.Sum(nil), nil
}

// stdError maps an error of crypto/rsa in a signing or encryption call.
func (k *PublicKey) stdError(err error, tooLong string) error {
	switch {
	case err == nil:
		return nil
	case err == stdrsa.ErrMessageTooLong:
		return errs.Invalid("%s", tooLong)
	case k.KeySize() < 1024:
		// crypto/rsa refuses keys under 1024 bits unless GODEBUG=rsa1024min=0
		// (the C library sets it; see capi/rsa.go).
		return fmt.Errorf("%w: %v", core.ErrUnsupportedAlgorithm, err)
	}
	return fmt.Errorf("rsa: %w", err)
}

const (
	msgDataTooLong = "Data too long for key size. Encrypt less data or use a larger key size."
	msgSignTooLong = "Digest or salt length too long for key size. Use a larger key or shorter salt length if you are specifying a PSS salt"
	msgCiphertext  = "Ciphertext length must be equal to key size."
)

// mgf1XOR xors out with MGF1(seed, len(out)) using h (RFC 8017, B.2.1).
func mgf1XOR(out []byte, h stdhash.Hash, seed []byte) {
	var counter [4]byte
	var digest []byte
	for done := 0; done < len(out); {
		h.Reset()
		h.Write(seed)
		h.Write(counter[:])
		digest = h.Sum(digest[:0])
		done += subtle.XORBytes(out[done:], out[done:], digest)
		for i := 3; i >= 0; i-- {
			if counter[i]++; counter[i] != 0 {
				break
			}
		}
	}
}
