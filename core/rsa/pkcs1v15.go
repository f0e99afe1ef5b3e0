package rsa

import (
	"bytes"
	"crypto/rand"
	stdrsa "crypto/rsa"
	"fmt"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/hash"
	"github.com/cryptogo/libcrypto-go/core/internal/errs"
)

// MaxPKCS1v15PlaintextSize returns the longest message EncryptPKCS1v15
// accepts: k - 11 bytes.
func (k *PublicKey) MaxPKCS1v15PlaintextSize() int { return max(0, k.Size()-11) }

// MaxPKCS1v15PlaintextSize is the public key's MaxPKCS1v15PlaintextSize: an
// upper bound of DecryptPKCS1v15's output.
func (k *PrivateKey) MaxPKCS1v15PlaintextSize() int { return k.pub.MaxPKCS1v15PlaintextSize() }

// EncryptPKCS1v15 encrypts msg with RSAES-PKCS1-v1_5 (RFC 8017, 7.2) and
// returns a ciphertext of Size() bytes. A message over
// MaxPKCS1v15PlaintextSize returns core.ErrInvalidArgument. The encoding
// 0x00 0x02 PS 0x00 M (PS: nonzero random bytes from crypto/rand, at least
// 8) is built here and encrypted with publicOp (variable time, public path).
func (k *PublicKey) EncryptPKCS1v15(msg []byte) ([]byte, error) {
	size := k.Size()
	if size < 11 || len(msg) > size-11 {
		return nil, errs.Invalid(msgDataTooLong)
	}
	em := make([]byte, size)
	em[1] = 0x02
	ps := em[2 : size-len(msg)-1]
	if err := nonZeroRandomBytes(ps); err != nil {
		return nil, err
	}
	copy(em[size-len(msg):], msg)
	ct, ok := k.publicOp(em)
	clear(em)
	if !ok {
		return nil, fmt.Errorf("rsa: internal error: encoded message not below the modulus")
	}
	return ct, nil
}

// nonZeroRandomBytes fills b with random nonzero bytes from crypto/rand.
func nonZeroRandomBytes(b []byte) error {
	if _, err := rand.Read(b); err != nil {
		return err
	}
	for i := range b {
		for b[i] == 0 {
			if _, err := rand.Read(b[i : i+1]); err != nil {
				return err
			}
		}
	}
	return nil
}

// DecryptPKCS1v15 decrypts an RSAES-PKCS1-v1_5 ciphertext (RFC 8017,
// 7.2.2). A ciphertext that is not exactly Size() bytes returns
// core.ErrInvalidArgument; any other failure, including bad padding, returns
// core.ErrDecryption (pyca's ValueError "Decryption failed"). The private-key
// operation and padding check are crypto/rsa's constant-time code; a caller
// must still not reveal to an attacker whether decryption failed
// (Bleichenbacher). Note: pyca on OpenSSL >= 3.2 instead returns a
// pseudo-random plaintext for bad padding (implicit rejection); this library
// always reports the failure.
func (k *PrivateKey) DecryptPKCS1v15(ct []byte) ([]byte, error) {
	if len(ct) != k.Size() {
		return nil, errs.Invalid(msgCiphertext)
	}
	//lint:ignore SA1019 pyca's RSA PKCS1v15 decryption; the risk is documented above
	pt, err := stdrsa.DecryptPKCS1v15(nil, k.key, ct)
	if err != nil {
		return nil, core.ErrDecryption
	}
	return pt, nil
}

// SignPKCS1v15 signs msg (or, with prehashed, the digest msg) with
// RSASSA-PKCS1-v1_5 and returns a signature of Size() bytes. hash is SHA-1,
// SHA-2, SHA-3 or MD5 (core.ErrUnsupportedAlgorithm otherwise); a key too small
// for the DigestInfo returns core.ErrInvalidArgument.
//
// hash == hash.None (pyca's utils.NoDigestInfo()) signs msg itself as the
// payload T of the encoding 0x00 0x01 FF..FF 0x00 T, without a DigestInfo
// (OpenSSL's RSA_PKCS1_PADDING sign without a digest): msg may be 0 to
// Size() - 11 bytes (core.ErrInvalidArgument beyond, or with prehashed).
//
// Uses crypto/rsa.SignPKCS1v15 (deterministic, constant time; hash 0 is its
// raw mode).
func (k *PrivateKey) SignPKCS1v15(msg []byte, h hash.Algorithm, prehashed bool) ([]byte, error) {
	if h == hash.None {
		if prehashed {
			return nil, errs.Invalid("a prehashed message needs a hash algorithm")
		}
		sig, err := stdrsa.SignPKCS1v15(nil, k.key, 0, msg)
		return sig, k.pub.stdError(err, msgSignTooLong)
	}
	if err := signatureHash(h); err != nil {
		return nil, err
	}
	digest, err := digest(msg, h, prehashed)
	if err != nil {
		return nil, err
	}
	sig, err := stdrsa.SignPKCS1v15(nil, k.key, h.CryptoHash(), digest)
	return sig, k.pub.stdError(err, msgSignTooLong)
}

// VerifyPKCS1v15 verifies an RSASSA-PKCS1-v1_5 signature of msg (or, with
// prehashed, of the digest msg). The encoded message must be exactly
// 0x00 0x01 FF..FF 0x00 DigestInfo with the DER DigestInfo of hash including
// its NULL parameters (RFC 8017 9.2; no BER variants, no missing NULL).
// core.ErrInvalidSignature for any mismatch (also a signature not exactly Size()
// bytes or not below n); core.ErrInvalidArgument for a prehashed digest of the
// wrong size; core.ErrUnsupportedAlgorithm for a hash outside
// SHA-1/SHA-2/SHA-3/MD5.
//
// hash == hash.None (pyca's utils.NoDigestInfo()): the payload after the
// padding must be msg itself, with no DigestInfo; as OpenSSL's raw
// verification, a signature shorter than Size() is read as a number (its
// leading zero bytes may be missing), a longer one is invalid.
// core.ErrInvalidArgument with prehashed.
//
// Does not run in constant time (public data only: publicOp, then a
// comparison of the whole encoded message, as crypto/rsa).
func (k *PublicKey) VerifyPKCS1v15(sig, msg []byte, h hash.Algorithm, prehashed bool) error {
	if h == hash.None {
		if prehashed {
			return errs.Invalid("a prehashed message needs a hash algorithm")
		}
		if size := k.Size(); len(sig) < size {
			padded := make([]byte, size)
			copy(padded[size-len(sig):], sig)
			sig = padded
		}
		return k.verifyPKCS1v15Payload(sig, nil, msg)
	}
	if err := signatureHash(h); err != nil {
		return err
	}
	digest, err := digest(msg, h, prehashed)
	if err != nil {
		return err
	}
	return k.verifyPKCS1v15Payload(sig, digestInfoPrefix(h), digest)
}

// verifyPKCS1v15Payload is RSASSA-PKCS1-V1_5-VERIFY with the payload
// T = prefix || digest (prefix: a DigestInfo up to the digest, or nil).
func (k *PublicKey) verifyPKCS1v15Payload(sig, prefix, digest []byte) error {
	em, ok := k.publicOp(sig)
	if !ok {
		return core.ErrInvalidSignature
	}
	tLen := len(prefix) + len(digest)
	if len(em) < tLen+11 {
		return core.ErrInvalidSignature
	}
	want := make([]byte, len(em))
	want[1] = 0x01
	for i := 2; i < len(em)-tLen-1; i++ {
		want[i] = 0xff
	}
	copy(want[len(em)-tLen:], prefix)
	copy(want[len(em)-len(digest):], digest)
	if !bytes.Equal(em, want) {
		return core.ErrInvalidSignature
	}
	return nil
}

// RecoverPKCS1v15 returns the data signed in an RSASSA-PKCS1-v1_5 signature,
// as pyca's recover_data_from_signature(sig, PKCS1v15(), algorithm) does
// (OpenSSL's EVP_PKEY_verify_recover). The signature is opened with the public
// key and its encoding must be 0x00 0x01, at least eight 0xff bytes, 0x00,
// then T:
//   - hash == hash.None (pyca's algorithm=None or NoDigestInfo()): T is
//     returned whatever it holds, even empty; sig may be shorter than Size()
//     (leading zero bytes stripped, as OpenSSL accepts);
//   - otherwise T must be exactly the DER DigestInfo of hash (with its NULL
//     parameters) and a digest of hash's size, which is returned; sig must
//     be exactly Size() bytes.
//
// Errors: core.ErrInvalidSignature for any failure of the signature (also a
// value not below n); core.ErrUnsupportedAlgorithm for a hash outside
// SHA-1/SHA-2/SHA-3/MD5, checked first. Not constant time (public data).
func (k *PublicKey) RecoverPKCS1v15(sig []byte, h hash.Algorithm) ([]byte, error) {
	size := k.Size()
	if h != hash.None {
		if err := signatureHash(h); err != nil {
			return nil, err
		}
		if len(sig) != size {
			return nil, core.ErrInvalidSignature
		}
	} else if len(sig) > size {
		return nil, core.ErrInvalidSignature
	} else if len(sig) < size {
		padded := make([]byte, size)
		copy(padded[size-len(sig):], sig)
		sig = padded
	}
	em, ok := k.publicOp(sig)
	if !ok || len(em) < 11 || em[0] != 0x00 || em[1] != 0x01 {
		return nil, core.ErrInvalidSignature
	}
	i := 2
	for i < len(em) && em[i] == 0xff {
		i++
	}
	if i == len(em) || em[i] != 0x00 || i-2 < 8 {
		return nil, core.ErrInvalidSignature
	}
	t := em[i+1:]
	if h == hash.None {
		return t, nil
	}
	prefix := digestInfoPrefix(h)
	if len(t) != len(prefix)+h.Size() || !bytes.Equal(t[:len(prefix)], prefix) {
		return nil, core.ErrInvalidSignature
	}
	return t[len(prefix):], nil
}

// digestInfoPrefix returns the DER encoding of DigestInfo (RFC 8017 9.2,
// note 1) up to the digest value, for a hash accepted by signatureHash.
func digestInfoPrefix(h hash.Algorithm) []byte {
	var oid []byte
	switch h {
	case hash.MD5:
		oid = []byte{0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x05}
	case hash.SHA1:
		oid = []byte{0x2b, 0x0e, 0x03, 0x02, 0x1a}
	default:
		// 2.16.840.1.101.3.4.2.x (NIST hash algorithms).
		arc := map[hash.Algorithm]byte{
			hash.SHA256: 1, hash.SHA384: 2, hash.SHA512: 3, hash.SHA224: 4, hash.SHA512_224: 5,
			hash.SHA512_256: 6, hash.SHA3_224: 7, hash.SHA3_256: 8, hash.SHA3_384: 9, hash.SHA3_512: 10,
		}[h]
		oid = []byte{0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, arc}
	}
	hLen := h.Size()
	algID := append([]byte{0x30, byte(len(oid) + 4), 0x06, byte(len(oid))}, oid...)
	algID = append(algID, 0x05, 0x00)
	out := append([]byte{0x30, byte(len(algID) + 2 + hLen)}, algID...)
	return append(out, 0x04, byte(hLen))
}
