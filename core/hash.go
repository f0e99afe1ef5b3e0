package core

import (
	"crypto"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"hash"

	"golang.org/x/crypto/blake2b"
	"golang.org/x/crypto/blake2s"
)

// Hash identifies a hash algorithm. The values are the C ABI's enum
// cryptogo_hash_alg (include/cryptogo_types.h).
type Hash int

// The hash algorithms, numbered as in the C ABI.
const (
	SHA1 Hash = iota + 1
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
)

type hashInfo struct {
	name      string // pyca's algorithm name
	size      int    // digest size in bytes; 0 for SHAKE (variable)
	blockSize int
	crypto    crypto.Hash // 0 where crypto has none
	newFn     func() hash.Hash
}

var hashes = map[Hash]hashInfo{
	SHA1:       {"sha1", 20, 64, crypto.SHA1, sha1.New},
	SHA224:     {"sha224", 28, 64, crypto.SHA224, sha256.New224},
	SHA256:     {"sha256", 32, 64, crypto.SHA256, sha256.New},
	SHA384:     {"sha384", 48, 128, crypto.SHA384, sha512.New384},
	SHA512:     {"sha512", 64, 128, crypto.SHA512, sha512.New},
	SHA512_224: {"sha512-224", 28, 128, crypto.SHA512_224, sha512.New512_224},
	SHA512_256: {"sha512-256", 32, 128, crypto.SHA512_256, sha512.New512_256},
	SHA3_224:   {"sha3-224", 28, 144, crypto.SHA3_224, func() hash.Hash { return sha3.New224() }},
	SHA3_256:   {"sha3-256", 32, 136, crypto.SHA3_256, func() hash.Hash { return sha3.New256() }},
	SHA3_384:   {"sha3-384", 48, 104, crypto.SHA3_384, func() hash.Hash { return sha3.New384() }},
	SHA3_512:   {"sha3-512", 64, 72, crypto.SHA3_512, func() hash.Hash { return sha3.New512() }},
	SHAKE128:   {"shake128", 0, 168, 0, nil},
	SHAKE256:   {"shake256", 0, 136, 0, nil},
	BLAKE2b:    {"blake2b", 64, 128, crypto.BLAKE2b_512, func() hash.Hash { h, _ := blake2b.New512(nil); return h }},
	BLAKE2s:    {"blake2s", 32, 64, crypto.BLAKE2s_256, func() hash.Hash { h, _ := blake2s.New256(nil); return h }},
	MD5:        {"md5", 16, 64, crypto.MD5, md5.New},
}

// Valid reports whether h is a known algorithm.
func (h Hash) Valid() bool { _, ok := hashes[h]; return ok }

// Name returns pyca's name for the algorithm ("sha256", "sha3-256", ...).
func (h Hash) Name() string { return hashes[h].name }

// Size returns the digest size in bytes, 0 for the extendable-output SHAKEs.
func (h Hash) Size() int { return hashes[h].size }

// BlockSize returns the algorithm's internal block size in bytes.
func (h Hash) BlockSize() int { return hashes[h].blockSize }

// IsXOF reports whether h is SHAKE128 or SHAKE256.
func (h Hash) IsXOF() bool { return h == SHAKE128 || h == SHAKE256 }

// CryptoHash returns the standard library's identifier, 0 if none.
func (h Hash) CryptoHash() crypto.Hash { return hashes[h].crypto }

// New returns a fresh hash.Hash for a fixed-size algorithm, or
// ErrUnsupportedAlgorithm for SHAKE and unknown values.
func (h Hash) New() (hash.Hash, error) {
	info, ok := hashes[h]
	if !ok || info.newFn == nil {
		return nil, ErrUnsupportedAlgorithm
	}
	return info.newFn(), nil
}
