// Package kdf implements pyca's key derivation functions
// (cryptography.hazmat.primitives.kdf): PBKDF2-HMAC (RFC 8018) today, with
// pyca's parameter checks and messages, over crypto/pbkdf2. Errors are the
// sentinel values of package core.
package kdf

import (
	"crypto/hmac"
	"crypto/pbkdf2"
	"fmt"
	stdhash "hash"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/hash"
	"github.com/cryptogo/libcrypto-go/core/internal/errs"
	"github.com/cryptogo/libcrypto-go/core/internal/wipe"
)

//lint:ignore ST1005 pyca's exact message, which bindings and tests compare
var errPBKDF2Mismatch = fmt.Errorf("%w: Keys do not match.", core.ErrInvalidKey)

// errPBKDF2EmptyExpected refuses a verification against an empty key, which
// would match every password.
var errPBKDF2EmptyExpected = errs.Invalid("the expected key must be at least 1 byte long")

// pbkdf2Check validates PBKDF2 parameters as pyca's PBKDF2HMAC does, plus the
// RFC 8018 bound on the output length.
func pbkdf2Check(iterations, length int, alg hash.Algorithm) error {
	if !alg.Valid() {
		return fmt.Errorf("%w: unknown hash algorithm %d", core.ErrUnsupportedAlgorithm, int(alg))
	}
	if alg.IsXOF() {
		// pyca lets OpenSSL fail on SHAKE ("xof digests not allowed", an
		// InternalError); an unsupported algorithm is the honest answer.
		return fmt.Errorf("%w: %s is not supported for PBKDF2", core.ErrUnsupportedAlgorithm, alg.Name())
	}
	if iterations < 0 {
		return fmt.Errorf("%w: iterations must not be negative", core.ErrOverflow)
	}
	if iterations < 1 {
		return errs.Invalid("iterations must be greater than or equal to 1.")
	}
	if length < 0 {
		return fmt.Errorf("%w: length must not be negative", core.ErrOverflow)
	}
	// RFC 8018 section 5.2: dkLen <= (2^32 - 1) * hLen.
	if uint64(length) > (1<<32-1)*uint64(alg.Size()) {
		return errs.Invalid("Requested length too large.")
	}
	return nil
}

// DerivePBKDF2HMAC derives length bytes from password and salt with PBKDF2
// (RFC 8018 section 5.2) using HMAC with alg, as pyca's
// PBKDF2HMAC(algorithm, length, salt, iterations).derive(password).
//
// alg is any fixed-size hash.Algorithm (SHAKE: core.ErrUnsupportedAlgorithm);
// iterations must be >= 1 (core.ErrInvalidArgument, as pyca); length may be 0
// (empty result, as pyca) up to (2^32-1) * alg.Size()
// (core.ErrInvalidArgument beyond). The
// computation is crypto/pbkdf2 and takes time proportional to iterations and
// length, independent of the password's contents.
func DerivePBKDF2HMAC(password, salt []byte, iterations, length int, alg hash.Algorithm) ([]byte, error) {
	if err := pbkdf2Check(iterations, length, alg); err != nil {
		return nil, err
	}
	dst := make([]byte, length)
	if err := derivePBKDF2(dst, password, salt, iterations, alg); err != nil {
		return nil, err
	}
	return dst, nil
}

// DerivePBKDF2HMACTo is DerivePBKDF2HMAC writing len(dst) bytes into dst.
// (crypto/pbkdf2 returns a fresh slice: it is copied into dst and cleared.)
func DerivePBKDF2HMACTo(dst, password, salt []byte, iterations int, alg hash.Algorithm) error {
	if err := pbkdf2Check(iterations, len(dst), alg); err != nil {
		return err
	}
	return derivePBKDF2(dst, password, salt, iterations, alg)
}

// VerifyPBKDF2HMAC derives len(expected) bytes as DerivePBKDF2HMAC does and
// compares them with expected in constant time, as pyca's
// PBKDF2HMAC.verify(password, expected_key): a mismatch is core.ErrInvalidKey
// ("Keys do not match.").
//
// The length rule: the derived length is len(expected), which must be at
// least 1. An empty expected key is refused with core.ErrInvalidArgument:
// deriving 0 bytes and comparing them with 0 bytes would accept any password.
// pyca fixes the length at construction and also rejects an expected key of
// another length with InvalidKey; a binding that keeps a length must check
// len(expected) itself (this function derives len(expected) bytes), and a
// binding mirroring pyca's PBKDF2HMAC(length=0).verify(password, b"") (which
// pyca accepts) answers it without calling this function.
func VerifyPBKDF2HMAC(expected, password, salt []byte, iterations int, alg hash.Algorithm) error {
	if len(expected) == 0 {
		return errPBKDF2EmptyExpected
	}
	if err := pbkdf2Check(iterations, len(expected), alg); err != nil {
		return err
	}
	dk := make([]byte, len(expected))
	defer clear(dk)
	if err := derivePBKDF2(dk, password, salt, iterations, alg); err != nil {
		return err
	}
	if !hmac.Equal(dk, expected) {
		return errPBKDF2Mismatch
	}
	return nil
}

// derivePBKDF2 fills dst (parameters already checked).
func derivePBKDF2(dst, password, salt []byte, iterations int, alg hash.Algorithm) error {
	if len(dst) == 0 {
		return nil // crypto/pbkdf2 rejects 0; pyca returns b""
	}
	newHash := func() stdhash.Hash { h, _ := alg.New(); return h } // alg checked by pbkdf2Check
	dk, err := pbkdf2.Key(newHash, wipe.StringView(password), salt, iterations, len(dst))
	if err != nil {
		// Only in FIPS 140-only mode (GODEBUG=fips140=only): short salt or
		// key, or a hash other than SHA-2/SHA-3.
		return fmt.Errorf("%w: %v", core.ErrUnsupportedAlgorithm, err)
	}
	copy(dst, dk)
	clear(dk)
	return nil
}
