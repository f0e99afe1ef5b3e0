// Package hash implements the hash algorithms of pyca's
// cryptography.hazmat.primitives.hashes (SHA-1, SHA-2, SHA-3, SHAKE, BLAKE2,
// MD5, SM3) and HMAC (pyca's hmac.HMAC, RFC 2104) over the standard library and
// golang.org/x/crypto: one-shot digests (Digest, DigestTo, ComputeHMAC,
// ComputeHMACTo) and incremental Hasher and HMAC objects with pyca's
// finalization rules.
//
// Algorithm values are the C ABI's enum cryptogo_hash_alg. Errors are the
// sentinel values of package core.
package hash

import (
	"crypto"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"encoding"
	"fmt"
	stdhash "hash"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/internal/errs"
	"golang.org/x/crypto/blake2b"
	"golang.org/x/crypto/blake2s"
)

// Algorithm identifies a hash algorithm. The values are the C ABI's enum
// cryptogo_hash_alg (include/cryptogo_types.h).
type Algorithm int

// MaxDigestSize is the largest fixed digest size, in bytes (SHA-512,
// SHA3-512, BLAKE2b): the C ABI's CRYPTOGO_HASH_DIGESTBYTES_MAX. SHAKE
// digests have any size.
const MaxDigestSize = 64

// None is no hash algorithm (CRYPTOGO_HASH_NONE): where an API takes an
// optional hash, pyca's None (rsa.PublicKey.RecoverPKCS1v15). It is not
// Valid.
const None Algorithm = 0

// The hash algorithms, numbered as in the C ABI.
const (
	SHA1 Algorithm = iota + 1
	SHA224
	SHA256
	SHA384
	SHA512
	SHA512_224
	SHA512_256
	SHA3_224
	SHA3_256
	SHA3_384
	SHA3_512
	SHAKE128
	SHAKE256
	BLAKE2b
	BLAKE2s
	MD5
	SM3 // GB/T 32905-2016 (sm3.go)
)

type hashInfo struct {
	name      string // pyca's algorithm name
	size      int    // digest size in bytes; 0 for SHAKE (variable)
	blockSize int
	crypto    crypto.Hash // 0 where crypto has none
	newFn     func() stdhash.Hash
}

// hashes is indexed by Algorithm; index 0 and any gap are the zero hashInfo.
var hashes = [...]hashInfo{
	SHA1:       {"sha1", 20, 64, crypto.SHA1, sha1.New},
	SHA224:     {"sha224", 28, 64, crypto.SHA224, sha256.New224},
	SHA256:     {"sha256", 32, 64, crypto.SHA256, sha256.New},
	SHA384:     {"sha384", 48, 128, crypto.SHA384, sha512.New384},
	SHA512:     {"sha512", 64, 128, crypto.SHA512, sha512.New},
	SHA512_224: {"sha512-224", 28, 128, crypto.SHA512_224, sha512.New512_224},
	SHA512_256: {"sha512-256", 32, 128, crypto.SHA512_256, sha512.New512_256},
	SHA3_224:   {"sha3-224", 28, 144, crypto.SHA3_224, func() stdhash.Hash { return sha3.New224() }},
	SHA3_256:   {"sha3-256", 32, 136, crypto.SHA3_256, func() stdhash.Hash { return sha3.New256() }},
	SHA3_384:   {"sha3-384", 48, 104, crypto.SHA3_384, func() stdhash.Hash { return sha3.New384() }},
	SHA3_512:   {"sha3-512", 64, 72, crypto.SHA3_512, func() stdhash.Hash { return sha3.New512() }},
	SHAKE128:   {"shake128", 0, 168, 0, nil},
	SHAKE256:   {"shake256", 0, 136, 0, nil},
	BLAKE2b:    {"blake2b", 64, 128, crypto.BLAKE2b_512, func() stdhash.Hash { h, _ := blake2b.New512(nil); return h }},
	BLAKE2s:    {"blake2s", 32, 64, crypto.BLAKE2s_256, func() stdhash.Hash { h, _ := blake2s.New256(nil); return h }},
	MD5:        {"md5", 16, 64, crypto.MD5, md5.New},
	SM3:        {"sm3", 32, 64, 0, newSM3},
}

// info returns the table entry of h; ok is false for an unknown value, whose
// entry is the zero hashInfo. A pointer, not a copy: this is on the path of
// every one-shot digest.
func (h Algorithm) info() (info *hashInfo, ok bool) {
	if h <= 0 || int(h) >= len(hashes) {
		return &hashes[0], false
	}
	info = &hashes[h]
	return info, info.name != ""
}

// Valid reports whether h is a known algorithm.
func (h Algorithm) Valid() bool { _, ok := h.info(); return ok }

// Name returns pyca's name for the algorithm ("sha256", "sha3-256", ...).
func (h Algorithm) Name() string { i, _ := h.info(); return i.name }

// Size returns the digest size in bytes, 0 for the extendable-output SHAKEs.
func (h Algorithm) Size() int { i, _ := h.info(); return i.size }

// BlockSize returns the algorithm's internal block size in bytes.
func (h Algorithm) BlockSize() int { i, _ := h.info(); return i.blockSize }

// IsXOF reports whether h is SHAKE128 or SHAKE256.
func (h Algorithm) IsXOF() bool { return h == SHAKE128 || h == SHAKE256 }

// CryptoHash returns the standard library's identifier, 0 if none.
func (h Algorithm) CryptoHash() crypto.Hash { i, _ := h.info(); return i.crypto }

// New returns a fresh hash.Hash for a fixed-size algorithm, or
// core.ErrUnsupportedAlgorithm for SHAKE and unknown values.
func (h Algorithm) New() (stdhash.Hash, error) {
	info, ok := h.info()
	if !ok || info.newFn == nil {
		return nil, core.ErrUnsupportedAlgorithm
	}
	return info.newFn(), nil
}

// errFinalized is returned by every use of a finalized Hasher or HMAC, with
// pyca's message.
//
//lint:ignore ST1005 pyca's exact message, which bindings and tests compare
var errFinalized = fmt.Errorf("%w: Context was already finalized.", core.ErrAlreadyFinalized)

// OutputSize resolves a requested digest size as pyca's hash constructors do:
// for SHAKE128/SHAKE256 it must be positive (pyca's SHAKE128(digest_size));
// for every other algorithm it must be 0 (meaning the default) or the fixed
// size (pyca's BLAKE2b(64), BLAKE2s(32)). It returns the digest size in bytes,
// core.ErrInvalidArgument for a bad size and core.ErrUnsupportedAlgorithm for an unknown
// algorithm.
func (h Algorithm) OutputSize(requested int) (int, error) {
	info, ok := h.info()
	switch {
	case !ok:
		return 0, core.ErrUnsupportedAlgorithm
	case h.IsXOF():
		if requested < 1 {
			return 0, errs.Invalid("digest_size must be a positive integer")
		}
		return requested, nil
	case requested != 0 && requested != info.size:
		return 0, errs.Invalid("Digest size must be %d", info.size)
	}
	return info.size, nil
}

// newSHAKE returns a fresh SHAKE instance, nil for a non-XOF algorithm.
func (h Algorithm) newSHAKE() *sha3.SHAKE {
	switch h {
	case SHAKE128:
		return sha3.NewSHAKE128()
	case SHAKE256:
		return sha3.NewSHAKE256()
	}
	return nil
}

// cloneHash returns an independent copy of the running state of st, a hash of
// algorithm alg: through hash.Cloner where the implementation has it (the
// SHA-1, SHA-2, SHA-3 and MD5 of the standard library), else by marshaling the
// state into a fresh instance (golang.org/x/crypto's BLAKE2). The marshaled
// state is cleared after use (for HMAC it is derived from the key).
func cloneHash(alg Algorithm, st stdhash.Hash) (stdhash.Hash, error) {
	if c, ok := st.(stdhash.Cloner); ok {
		if d, err := c.Clone(); err == nil {
			return d, nil
		}
	}
	m, ok := st.(encoding.BinaryMarshaler)
	if !ok {
		return nil, fmt.Errorf("%w: %s state cannot be copied", core.ErrUnsupportedAlgorithm, alg.Name())
	}
	state, err := m.MarshalBinary()
	defer clear(state)
	if err != nil {
		return nil, err
	}
	d, err := alg.New()
	if err != nil {
		return nil, err
	}
	u, ok := d.(encoding.BinaryUnmarshaler)
	if !ok {
		return nil, fmt.Errorf("%w: %s state cannot be copied", core.ErrUnsupportedAlgorithm, alg.Name())
	}
	if err := u.UnmarshalBinary(state); err != nil {
		return nil, err
	}
	return d, nil
}

// Hasher is an incremental hash computation: pyca's hashes.Hash. Create it
// with New, feed it with Update, fork it with Copy, and read the digest
// once with Finalize or FinalizeTo; any use after that returns
// core.ErrAlreadyFinalized ("Context was already finalized.").
//
// A Hasher is not safe for concurrent use; the C ABI serializes calls on one
// handle. Hashing does not run in constant time with respect to the length of
// the input, only to its contents.
type Hasher struct {
	alg  Algorithm
	size int
	h    stdhash.Hash // fixed-size algorithms
	xof  *sha3.SHAKE  // SHAKE128, SHAKE256
	done bool
}

// New starts a hash computation. digestSize is the output size: 0 for
// the algorithm's default, which must be given (> 0) for SHAKE128/SHAKE256
// and, when given, must equal the fixed size of the others (see
// Algorithm.OutputSize). Errors: core.ErrUnsupportedAlgorithm for an unknown algorithm,
// core.ErrInvalidArgument for a bad digest size.
func New(alg Algorithm, digestSize int) (*Hasher, error) {
	size, err := alg.OutputSize(digestSize)
	if err != nil {
		return nil, err
	}
	hs := &Hasher{alg: alg, size: size}
	if alg.IsXOF() {
		hs.xof = alg.newSHAKE()
	} else if hs.h, err = alg.New(); err != nil {
		return nil, err
	}
	return hs, nil
}

// Algorithm returns the hash algorithm.
func (hs *Hasher) Algorithm() Algorithm { return hs.alg }

// Size returns the digest size in bytes that Finalize produces.
func (hs *Hasher) Size() int { return hs.size }

// Finalized reports whether the digest was already read (so that every other
// method returns core.ErrAlreadyFinalized).
func (hs *Hasher) Finalized() bool { return hs.done }

// Update absorbs data. It returns core.ErrAlreadyFinalized after finalization.
func (hs *Hasher) Update(data []byte) error {
	if hs.done {
		return errFinalized
	}
	if hs.xof != nil {
		hs.xof.Write(data)
	} else {
		hs.h.Write(data)
	}
	return nil
}

// Copy returns an independent Hasher in the same state, as pyca's
// Hash.copy(): both can be updated and finalized separately. It returns
// core.ErrAlreadyFinalized after finalization.
func (hs *Hasher) Copy() (*Hasher, error) {
	if hs.done {
		return nil, errFinalized
	}
	c := &Hasher{alg: hs.alg, size: hs.size}
	if hs.xof != nil {
		state, err := hs.xof.MarshalBinary()
		defer clear(state)
		if err != nil {
			return nil, err
		}
		c.xof = hs.alg.newSHAKE()
		if err := c.xof.UnmarshalBinary(state); err != nil {
			return nil, err
		}
		return c, nil
	}
	h, err := cloneHash(hs.alg, hs.h)
	if err != nil {
		return nil, err
	}
	c.h = h
	return c, nil
}

// FinalizeTo writes the digest into dst, which must be exactly Size() bytes,
// and finalizes the Hasher. A dst of the wrong size returns
// core.ErrInvalidArgument and leaves the Hasher usable; after finalization it
// returns core.ErrAlreadyFinalized.
func (hs *Hasher) FinalizeTo(dst []byte) error {
	if hs.done {
		return errFinalized
	}
	if len(dst) != hs.size {
		return errs.Invalid("digest buffer must be %d bytes, not %d", hs.size, len(dst))
	}
	if hs.xof != nil {
		hs.xof.Read(dst)
	} else {
		hs.h.Sum(dst[:0]) // appends in place: cap(dst[:0]) == Size()
	}
	hs.done = true
	hs.h, hs.xof = nil, nil
	return nil
}

// Finalize returns the digest (Size() bytes) and finalizes the Hasher, as
// pyca's Hash.finalize(). It returns core.ErrAlreadyFinalized when called again.
func (hs *Hasher) Finalize() ([]byte, error) {
	if hs.done {
		return nil, errFinalized
	}
	dst := make([]byte, hs.size)
	if err := hs.FinalizeTo(dst); err != nil {
		return nil, err
	}
	return dst, nil
}

// Digest returns the digest of data in one call. digestSize is as for
// New: 0 for the default, the output length (> 0) for SHAKE.
func Digest(alg Algorithm, digestSize int, data []byte) ([]byte, error) {
	hs, err := New(alg, digestSize)
	if err != nil {
		return nil, err
	}
	hs.Update(data)
	return hs.Finalize()
}

// DigestTo writes the digest of data into dst in one call, without
// allocating the output. len(dst) is the digest size: it must equal the
// fixed size, or be the wanted output length (> 0) for SHAKE.
func DigestTo(dst []byte, alg Algorithm, data []byte) error {
	size, err := alg.OutputSize(len(dst))
	if err != nil {
		return err
	}
	if len(dst) != size { // an empty dst for a fixed-size hash
		return errs.Invalid("Digest size must be %d", size)
	}
	if sumFixed(dst, alg, data) {
		return nil
	}
	hs, err := New(alg, size)
	if err != nil {
		return err
	}
	hs.Update(data)
	return hs.FinalizeTo(dst)
}

// sumFixed computes a fixed-size digest into dst (len = the digest size)
// through the standard library's one-shot Sum functions, which keep the state
// on the stack: no allocation, for small-message speed. It reports false for
// algorithms without one (SHAKE).
func sumFixed(dst []byte, alg Algorithm, data []byte) bool {
	switch alg {
	case SHA1:
		s := sha1.Sum(data)
		copy(dst, s[:])
	case SHA224:
		s := sha256.Sum224(data)
		copy(dst, s[:])
	case SHA256:
		s := sha256.Sum256(data)
		copy(dst, s[:])
	case SHA384:
		s := sha512.Sum384(data)
		copy(dst, s[:])
	case SHA512:
		s := sha512.Sum512(data)
		copy(dst, s[:])
	case SHA512_224:
		s := sha512.Sum512_224(data)
		copy(dst, s[:])
	case SHA512_256:
		s := sha512.Sum512_256(data)
		copy(dst, s[:])
	case SHA3_224:
		s := sha3.Sum224(data)
		copy(dst, s[:])
	case SHA3_256:
		s := sha3.Sum256(data)
		copy(dst, s[:])
	case SHA3_384:
		s := sha3.Sum384(data)
		copy(dst, s[:])
	case SHA3_512:
		s := sha3.Sum512(data)
		copy(dst, s[:])
	case BLAKE2b:
		s := blake2b.Sum512(data)
		copy(dst, s[:])
	case BLAKE2s:
		s := blake2s.Sum256(data)
		copy(dst, s[:])
	case MD5:
		s := md5.Sum(data)
		copy(dst, s[:])
	default:
		return false
	}
	return true
}
