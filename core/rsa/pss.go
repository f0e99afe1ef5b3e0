package rsa

import (
	"crypto/rand"
	stdrsa "crypto/rsa"
	"crypto/subtle"
	stdhash "hash"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/hash"
	"github.com/cryptogo/libcrypto-go/core/internal/errs"
)

// PSS salt length rules (pyca's padding.PSS.MAX_LENGTH, DIGEST_LENGTH and
// AUTO); a value >= 0 is an explicit salt length in bytes. The values are the
// C ABI's enum cryptogo_pss_salt.
const (
	// PSSSaltMaxLength is the longest salt the key allows when signing
	// (emLen - hLen - 2, emLen = ceil((modBits-1)/8)); when verifying, the
	// salt must have exactly that length (as OpenSSL, hence pyca).
	PSSSaltMaxLength = -1
	// PSSSaltDigestLength is a salt as long as the digest.
	PSSSaltDigestLength = -2
	// PSSSaltAuto accepts any salt length; verification only.
	PSSSaltAuto = -3
)

// pssSaltLength resolves a salt-length rule for a key of modBits bits and a
// digest of hLen bytes: the exact length (negative when MAX_LENGTH does not
// fit the key), or auto for PSSSaltAuto.
func pssSaltLength(rule, modBits, hLen int) (sLen int, auto bool, err error) {
	emLen := (modBits - 1 + 7) / 8
	switch {
	case rule == PSSSaltMaxLength:
		return emLen - hLen - 2, false, nil
	case rule == PSSSaltDigestLength:
		return hLen, false, nil
	case rule == PSSSaltAuto:
		return 0, true, nil
	case rule < 0:
		return 0, false, errs.Invalid("salt_length must be zero or greater.")
	}
	return rule, false, nil
}

// pssHashes checks the PSS hashes and the digest size against the key, as
// pyca does for both signing and verifying.
func pssHashes(keyBytes int, hash, mgf1Hash hash.Algorithm) (stdhash.Hash, stdhash.Hash, error) {
	if err := signatureHash(hash); err != nil {
		return nil, nil, err
	}
	if err := signatureHash(mgf1Hash); err != nil {
		return nil, nil, err
	}
	if hash.Size()+2 > keyBytes {
		return nil, nil, errs.Invalid("Digest too large for key size. Use a larger key or different digest.")
	}
	h, err := hash.New()
	if err != nil {
		return nil, nil, err
	}
	m, err := mgf1Hash.New()
	if err != nil {
		return nil, nil, err
	}
	return h, m, nil
}

// SignPSS signs msg with RSASSA-PSS (RFC 8017, 8.1.1) and returns a
// signature of Size() bytes. hash is the message hash, mgf1Hash the MGF1
// hash (may differ, as pyca allows); both SHA-1, SHA-2, SHA-3 or MD5. With
// prehashed, msg is already the digest (its length must be the digest size).
// saltLength is PSSSaltMaxLength, PSSSaltDigestLength or an explicit length
// >= 0 (including 0); PSSSaltAuto and other negative values, a digest too
// large for the key, or a salt that does not fit (emLen < hLen + sLen + 2)
// return core.ErrInvalidArgument.
//
// When mgf1Hash equals hash and the salt is not empty, this is
// crypto/rsa.SignPSS. Otherwise (an empty salt, which crypto/rsa reads as
// "automatic", or a different MGF1 hash, which it cannot express) the
// EMSA-PSS encoding is built here and the private-key operation is
// privateRaw: two constant-time crypto/rsa private-key operations, twice
// the cost of the common path. Either way the secret exponent is only ever
// used by crypto/rsa's constant-time code.
func (k *PrivateKey) SignPSS(msg []byte, saltLength int, hash, mgf1Hash hash.Algorithm, prehashed bool) ([]byte, error) {
	h, mgf, err := pssHashes(k.Size(), hash, mgf1Hash)
	if err != nil {
		return nil, err
	}
	digest, err := digest(msg, hash, prehashed)
	if err != nil {
		return nil, err
	}
	if saltLength == PSSSaltAuto {
		return nil, errs.Invalid("PSS salt length can only be set to Auto when verifying")
	}
	modBits := k.KeySize()
	sLen, _, err := pssSaltLength(saltLength, modBits, h.Size())
	if err != nil {
		return nil, err
	}
	emBits := modBits - 1
	emLen := (emBits + 7) / 8
	if sLen < 0 || emLen < h.Size()+sLen+2 {
		return nil, errs.Invalid(msgSignTooLong)
	}
	if mgf1Hash == hash && sLen > 0 {
		ch := hash.CryptoHash()
		sig, err := stdrsa.SignPSS(rand.Reader, k.key, ch, digest, &stdrsa.PSSOptions{SaltLength: sLen, Hash: ch})
		return sig, k.pub.stdError(err, msgSignTooLong)
	}
	salt := make([]byte, sLen)
	if _, err := rand.Read(salt); err != nil {
		return nil, err
	}
	em := emsaPSSEncode(digest, emBits, salt, h, mgf)
	return k.privateRaw(em)
}

// VerifyPSS verifies an RSASSA-PSS signature (RFC 8017, 8.1.2) of msg (or,
// with prehashed, of the digest msg). saltLength is an explicit length >= 0
// (the salt must have exactly that length), PSSSaltDigestLength,
// PSSSaltMaxLength (exactly emLen - hLen - 2, as OpenSSL) or PSSSaltAuto
// (any length). It returns core.ErrInvalidSignature for any mismatch, including a
// signature that is not exactly Size() bytes or not below n;
// core.ErrInvalidArgument for a bad salt rule, a digest too large for the key
// (pyca's ValueError) or a prehashed digest of the wrong size;
// core.ErrUnsupportedAlgorithm for a hash outside SHA-1/SHA-2/SHA-3/MD5.
// Verification handles public data only and does not run in constant time
// (publicOp, then EMSA-PSS-VERIFY here).
func (k *PublicKey) VerifyPSS(sig, msg []byte, saltLength int, hash, mgf1Hash hash.Algorithm, prehashed bool) error {
	h, mgf, err := pssHashes(k.Size(), hash, mgf1Hash)
	if err != nil {
		return err
	}
	digest, err := digest(msg, hash, prehashed)
	if err != nil {
		return err
	}
	modBits := k.KeySize()
	sLen, auto, err := pssSaltLength(saltLength, modBits, h.Size())
	if err != nil {
		return err
	}
	if sLen < 0 {
		return core.ErrInvalidSignature // MAX_LENGTH does not fit this key
	}
	if auto {
		sLen = -1
	}
	return k.verifyPSSDigest(sig, digest, sLen, h, mgf)
}

// verifyPSSDigest is RSASSA-PSS-VERIFY of a digest; sLen < 0
// accepts any salt length.
func (k *PublicKey) verifyPSSDigest(sig, digest []byte, sLen int, h, mgf stdhash.Hash) error {
	em, ok := k.publicOp(sig)
	if !ok {
		return core.ErrInvalidSignature
	}
	emBits := k.KeySize() - 1
	emLen := (emBits + 7) / 8
	// I2OSP(m, emLen): when emLen = k - 1 the top byte must be zero.
	if len(em) > emLen {
		if em[0] != 0 {
			return core.ErrInvalidSignature
		}
		em = em[1:]
	}
	if !emsaPSSVerify(digest, em, emBits, sLen, h, mgf) {
		return core.ErrInvalidSignature
	}
	return nil
}

var pssZeros [8]byte

// emsaPSSEncode is EMSA-PSS-ENCODE (RFC 8017, 9.1.1) for a digest mHash,
// with message hash h and MGF1 hash mgf. The caller checked that
// emLen >= hLen + sLen + 2.
func emsaPSSEncode(mHash []byte, emBits int, salt []byte, h, mgf stdhash.Hash) []byte {
	hLen, sLen, emLen := h.Size(), len(salt), (emBits+7)/8
	em := make([]byte, emLen)
	psLen := emLen - sLen - hLen - 2
	db := em[:emLen-hLen-1]
	H := em[emLen-hLen-1 : emLen-1]
	h.Reset()
	h.Write(pssZeros[:])
	h.Write(mHash)
	h.Write(salt)
	h.Sum(H[:0])
	db[psLen] = 0x01
	copy(db[psLen+1:], salt)
	mgf1XOR(db, mgf, H)
	db[0] &= 0xff >> (8*emLen - emBits)
	em[emLen-1] = 0xbc
	return em
}

// emsaPSSVerify is EMSA-PSS-VERIFY (RFC 8017, 9.1.2) with an exact salt
// length sLen, or any salt length when sLen < 0 (pyca's AUTO). em is
// modified.
func emsaPSSVerify(mHash, em []byte, emBits, sLen int, h, mgf stdhash.Hash) bool {
	hLen, emLen := h.Size(), (emBits+7)/8
	if len(em) != emLen || len(mHash) != hLen || emLen < hLen+2 {
		return false
	}
	if sLen >= 0 && emLen < hLen+sLen+2 {
		return false
	}
	if em[emLen-1] != 0xbc {
		return false
	}
	db := em[:emLen-hLen-1]
	H := em[emLen-hLen-1 : emLen-1]
	mask := byte(0xff >> (8*emLen - emBits))
	if db[0]&^mask != 0 {
		return false
	}
	mgf1XOR(db, mgf, H)
	db[0] &= mask
	psLen := emLen - hLen - sLen - 2
	if sLen < 0 {
		psLen = 0
		for psLen < len(db) && db[psLen] == 0 {
			psLen++
		}
		if psLen == len(db) {
			return false
		}
	}
	for _, b := range db[:psLen] {
		if b != 0 {
			return false
		}
	}
	if db[psLen] != 0x01 {
		return false
	}
	salt := db[psLen+1:]
	h.Reset()
	h.Write(pssZeros[:])
	h.Write(mHash)
	h.Write(salt)
	return subtle.ConstantTimeCompare(h.Sum(nil), H) == 1
}
