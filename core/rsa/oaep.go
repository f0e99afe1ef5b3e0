package rsa

import (
	"crypto/rand"
	stdrsa "crypto/rsa"
	"fmt"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/hash"
	"github.com/cryptogo/libcrypto-go/core/internal/errs"
)

// MaxOAEPPlaintextSize returns the longest message EncryptOAEP accepts with
// OAEP hash h: k - 2·hLen - 2 bytes (0 when the key is too small).
func (k *PublicKey) MaxOAEPPlaintextSize(h hash.Algorithm) int {
	return max(0, k.Size()-2*h.Size()-2)
}

// MaxOAEPPlaintextSize is the public key's MaxOAEPPlaintextSize: an upper
// bound of DecryptOAEP's output.
func (k *PrivateKey) MaxOAEPPlaintextSize(h hash.Algorithm) int { return k.pub.MaxOAEPPlaintextSize(h) }

// EncryptOAEP encrypts msg with RSAES-OAEP (RFC 8017, 7.1) and returns a
// ciphertext of Size() bytes. hash is the OAEP (label) hash, mgf1Hash the
// MGF1 hash; each SHA-1 or SHA-2 (core.ErrUnsupportedAlgorithm otherwise). label
// may be empty (pyca's label=None). A message over MaxOAEPPlaintextSize
// returns core.ErrInvalidArgument. The EME-OAEP encoding (7.1.1 step 2, random
// seed from crypto/rand) is built here and encrypted with publicOp (the
// cached variable-time public path; only public values and the message,
// which is being encrypted to this key anyway, enter it — the seed is
// masked into EM first, as in every implementation).
func (k *PublicKey) EncryptOAEP(msg, label []byte, hash, mgf1Hash hash.Algorithm) ([]byte, error) {
	if _, err := oaepHash(hash); err != nil {
		return nil, err
	}
	if _, err := oaepHash(mgf1Hash); err != nil {
		return nil, err
	}
	h, err := hash.New()
	if err != nil {
		return nil, err
	}
	mgf, err := mgf1Hash.New()
	if err != nil {
		return nil, err
	}
	size, hLen := k.Size(), h.Size()
	if size < 2*hLen+2 || len(msg) > size-2*hLen-2 {
		return nil, errs.Invalid(msgDataTooLong)
	}
	// EM = 0x00 || maskedSeed || maskedDB, DB = lHash || PS || 0x01 || M.
	em := make([]byte, size)
	seed := em[1 : 1+hLen]
	db := em[1+hLen:]
	h.Write(label)
	h.Sum(db[:0])
	db[len(db)-len(msg)-1] = 0x01
	copy(db[len(db)-len(msg):], msg)
	if _, err := rand.Read(seed); err != nil {
		return nil, err
	}
	mgf1XOR(db, mgf, seed)
	mgf1XOR(seed, mgf, db)
	ct, ok := k.publicOp(em)
	clear(em)
	if !ok {
		return nil, fmt.Errorf("rsa: internal error: encoded message not below the modulus")
	}
	return ct, nil
}

// DecryptOAEP decrypts an RSAES-OAEP ciphertext (RFC 8017, 7.1.2) with the
// given OAEP and MGF1 hashes and label. A ciphertext that is not exactly
// Size() bytes returns core.ErrInvalidArgument ("Ciphertext length must be equal
// to key size.", as pyca, which checks the length first); every other
// failure is core.ErrDecryption, without detail. The private-key operation and
// the padding check are crypto/rsa's and run in constant time.
func (k *PrivateKey) DecryptOAEP(ct, label []byte, hash, mgf1Hash hash.Algorithm) ([]byte, error) {
	h, err := oaepHash(hash)
	if err != nil {
		return nil, err
	}
	mh, err := oaepHash(mgf1Hash)
	if err != nil {
		return nil, err
	}
	if len(ct) != k.Size() {
		return nil, errs.Invalid(msgCiphertext)
	}
	pt, err := k.key.Decrypt(nil, ct, &stdrsa.OAEPOptions{Hash: h, MGFHash: mh, Label: label})
	if err != nil {
		return nil, core.ErrDecryption
	}
	return pt, nil
}
