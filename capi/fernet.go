package main

/*
#include "cryptogo_types.h"
*/
import "C"

import (
	"errors"
	"math"
	"unsafe"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/fernet"
)

// fernetLike is what Fernet and MultiFernet handles share.
type fernetLike interface {
	EncryptTo(dst, msg []byte) ([]byte, error)
	EncryptAtTimeTo(dst, msg []byte, now int64) ([]byte, error)
	DecryptTo(dst, token []byte, ttl *int64) ([]byte, error)
	DecryptAtTimeTo(dst, token []byte, ttl, now int64) ([]byte, error)
	ExtractTimestamp(token []byte) (uint64, error)
}

// useFernet runs fn on the Fernet or MultiFernet behind h (kind k).
func useFernet(h unsafe.Pointer, k kind, fn func(fernetLike) error) error {
	if k == kindMultiFernet {
		return use(h, k, func(m *fernet.MultiFernet) error { return fn(m) })
	}
	return use(h, k, func(f *fernet.Fernet) error { return fn(f) })
}

// fernetEncrypt is the body of the encrypt exports: the token (exactly
// fernet.TokenSize(msg_len) bytes) is built directly in the caller's out.
func fernetEncrypt(h unsafe.Pointer, k kind, out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	msg *C.cryptogo_in, msgLen C.size_t, op func(f fernetLike, dst, msg []byte) ([]byte, error)) error {
	m, err := in(msg, msgLen)
	if err != nil {
		return err
	}
	return useFernet(h, k, func(f fernetLike) error {
		buf, err := outBuffer(out, outCap, outLen, fernet.TokenSize(len(m)))
		if err != nil {
			return err
		}
		return fill(buf, outLen, func(dst []byte) ([]byte, error) { return op(f, dst, m) }, m)
	})
}

// fernetDecrypt is the body of the decrypt exports: out must hold
// fernet.MaxPlaintextSize(token_len) bytes; the message is written there
// directly and *out_len set to its real length.
func fernetDecrypt(h unsafe.Pointer, k kind, out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	token *C.cryptogo_in, tokenLen C.size_t, op func(f fernetLike, dst, token []byte) ([]byte, error)) error {
	t, err := in(token, tokenLen)
	if err != nil {
		return err
	}
	return useFernet(h, k, func(f fernetLike) error {
		buf, err := outBuffer(out, outCap, outLen, fernet.MaxPlaintextSize(len(t)))
		if err != nil {
			return err
		}
		return fill(buf, outLen, func(dst []byte) ([]byte, error) { return op(f, dst, t) }, t)
	})
}

// fernetTimestamp is the body of the extract_timestamp exports.
func fernetTimestamp(h unsafe.Pointer, k kind, outTs *C.int64_t, token *C.cryptogo_in, tokenLen C.size_t) error {
	if outTs == nil {
		return errNullArgument
	}
	t, err := in(token, tokenLen)
	if err != nil {
		return err
	}
	return useFernet(h, k, func(f fernetLike) error {
		ts, err := f.ExtractTimestamp(t)
		if err != nil {
			return err
		}
		if ts > math.MaxInt64 {
			return core.ErrOverflow
		}
		*outTs = C.int64_t(ts)
		return nil
	})
}

// ttlArg converts the (has_ttl, ttl) pair of the decrypt exports.
func ttlArg(hasTTL C.int, ttl C.int64_t) *int64 {
	if hasTTL == 0 {
		return nil
	}
	v := int64(ttl)
	return &v
}

// cryptogo_fernet_generate_key writes a new random Fernet key to out: the
// 44-byte url-safe base64 text of 32 random bytes (pyca's
// Fernet.generate_key()), not NUL-terminated. Keep it secret.
//
// Returns:
//   - CRYPTOGO_OK (*out_len = 44)
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = 44)
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a NULL out_len, or a NULL out with
//     out_cap >= 44
//
//export cryptogo_fernet_generate_key
func cryptogo_fernet_generate_key(out *C.uint8_t, outCap C.size_t, outLen *C.size_t) (rc C.int) {
	defer guard(enter(&rc))
	buf, err := outBuffer(out, outCap, outLen, fernet.KeySize)
	if err != nil {
		return status(err)
	}
	return status(fill(buf, outLen, func(dst []byte) ([]byte, error) { return fernet.GenerateKeyTo(dst), nil }))
}

// cryptogo_fernet_new creates a Fernet (pyca's Fernet(key)) from key_len bytes
// of key: the url-safe base64 text of 32 bytes (44 characters as
// cryptogo_fernet_generate_key writes it). The text is decoded exactly as
// pyca decodes it (Python's base64.urlsafe_b64decode: characters outside the
// alphabet are skipped, '+' and '/' are accepted, padding is required). The
// decoded key is kept in library memory; the caller's buffer may be reused at
// once. Release with cryptogo_fernet_free, which wipes the key. The handle
// may be shared between threads.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_ARGUMENT when the key does not decode to exactly 32
//     bytes ("Fernet key must be 32 url-safe base64-encoded bytes.") or for a
//     NULL out, or NULL key with non-zero key_len
//
//export cryptogo_fernet_new
func cryptogo_fernet_new(out **C.cryptogo_fernet, key *C.cryptogo_in, keyLen C.size_t) (rc C.int) {
	defer guard(enter(&rc))
	if out == nil {
		return status(errNullArgument)
	}
	*out = nil
	kb, err := in(key, keyLen)
	if err != nil {
		return status(err)
	}
	f, err := fernet.New(kb) // decodes into its own memory
	if err != nil {
		return status(err)
	}
	*out = (*C.cryptogo_fernet)(newHandle(kindFernet, f))
	return C.CRYPTOGO_OK
}

// cryptogo_fernet_key_canonicalize writes the canonical form of a Fernet key
// to out: the 44-byte padded url-safe base64 text of the 32 bytes pyca's
// Fernet(key) decodes from key (Python's base64.urlsafe_b64decode, with its
// leniency: characters outside the alphabet skipped, '+' and '/' accepted,
// data after the padding ignored), not NUL-terminated. It accepts exactly
// the keys cryptogo_fernet_new accepts, and the canonical key makes the same
// Fernet. The output is the key: keep it secret.
//
// Returns:
//   - CRYPTOGO_OK (*out_len = 44)
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = 44)
//   - CRYPTOGO_ERR_INVALID_ARGUMENT when the key does not decode to exactly 32
//     bytes ("Fernet key must be 32 url-safe base64-encoded bytes."), for a
//     NULL out_len, or a NULL pointer with a non-zero length
//
//export cryptogo_fernet_key_canonicalize
func cryptogo_fernet_key_canonicalize(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	key *C.cryptogo_in, keyLen C.size_t) (rc C.int) {
	defer guard(enter(&rc))
	if outLen == nil {
		return status(errNullArgument)
	}
	kb, err := in(key, keyLen)
	if err != nil {
		return status(err)
	}
	canon, err := fernet.CanonicalKey(kb)
	if err != nil {
		*outLen = 0
		return status(err)
	}
	return status(writeKeyBytes(out, outCap, outLen, canon))
}

// cryptogo_fernet_free releases a Fernet and wipes its key bytes. NULL is a
// no-op. Waits for calls in progress on f. MultiFernets created from f keep
// their own copy of the key and are not affected.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_HANDLE for a freed, unknown or wrong-kind handle
//
//export cryptogo_fernet_free
func cryptogo_fernet_free(f *C.cryptogo_fernet) (rc C.int) {
	defer guard(enter(&rc))
	return status(free(unsafe.Pointer(f), kindFernet))
}

// cryptogo_fernet_encrypt encrypts msg_len bytes of msg into a Fernet token
// stamped with the current time, with a random IV (pyca's
// Fernet.encrypt). The token, exactly cryptogo_fernet_tokenbytes(msg_len)
// bytes of url-safe base64 text (not NUL-terminated), is built directly in
// out. out may overlap msg (msg is then copied first).
//
// Returns:
//   - CRYPTOGO_OK (*out_len = token length)
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = token length)
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for NULL pointers with non-zero lengths
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind f
//
//export cryptogo_fernet_encrypt
func cryptogo_fernet_encrypt(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	msg *C.cryptogo_in, msgLen C.size_t, f *C.cryptogo_fernet) (rc C.int) {
	defer guard(enter(&rc))
	return status(fernetEncrypt(unsafe.Pointer(f), kindFernet, out, outCap, outLen, msg, msgLen,
		func(f fernetLike, dst, m []byte) ([]byte, error) { return f.EncryptTo(dst, m) }))
}

// cryptogo_fernet_encrypt_at_time is cryptogo_fernet_encrypt with the token
// stamped with current_time (Unix seconds) instead of the clock (pyca's
// Fernet.encrypt_at_time).
//
// Returns:
//   - CRYPTOGO_OK (*out_len = token length)
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = token length)
//   - CRYPTOGO_ERR_OVERFLOW for a negative current_time (pyca's OverflowError)
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for NULL pointers with non-zero lengths
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind f
//
//export cryptogo_fernet_encrypt_at_time
func cryptogo_fernet_encrypt_at_time(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	msg *C.cryptogo_in, msgLen C.size_t, currentTime C.int64_t, f *C.cryptogo_fernet) (rc C.int) {
	defer guard(enter(&rc))
	return status(fernetEncrypt(unsafe.Pointer(f), kindFernet, out, outCap, outLen, msg, msgLen,
		func(f fernetLike, dst, m []byte) ([]byte, error) {
			return f.EncryptAtTimeTo(dst, m, int64(currentTime))
		}))
}

// cryptogo_fernet_encrypt_at_time_with_iv is cryptogo_fernet_encrypt_at_time
// with a caller-chosen IV of exactly 16 bytes: deterministic, for test
// vectors and conformance tests only (reusing an IV under one key leaks
// information; the random-IV functions are for real use).
//
// Returns:
//   - CRYPTOGO_OK (*out_len = token length)
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = token length)
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for an IV that is not 16 bytes or NULL
//     pointers with non-zero lengths
//   - CRYPTOGO_ERR_OVERFLOW for a negative current_time
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind f
//
//export cryptogo_fernet_encrypt_at_time_with_iv
func cryptogo_fernet_encrypt_at_time_with_iv(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	msg *C.cryptogo_in, msgLen C.size_t, currentTime C.int64_t, iv *C.cryptogo_in, ivLen C.size_t,
	f *C.cryptogo_fernet) (rc C.int) {
	defer guard(enter(&rc))
	ivb, err := in(iv, ivLen)
	if err != nil {
		return status(err)
	}
	m, err := in(msg, msgLen)
	if err != nil {
		return status(err)
	}
	return status(use(unsafe.Pointer(f), kindFernet, func(fe *fernet.Fernet) error {
		buf, err := outBuffer(out, outCap, outLen, fernet.TokenSize(len(m)))
		if err != nil {
			return err
		}
		return fill(buf, outLen, func(dst []byte) ([]byte, error) {
			return fe.EncryptAtTimeWithIVTo(dst, m, int64(currentTime), ivb)
		}, m, ivb)
	}))
}

// cryptogo_fernet_decrypt decrypts a Fernet token of token_len bytes (pyca's
// Fernet.decrypt). With has_ttl != 0 the token must be at most ttl seconds
// old and at most 60 seconds in the future by the current clock; with
// has_ttl == 0, ttl is ignored and the age is not checked. The token is
// decoded as pyca decodes it. out must hold
// cryptogo_fernet_msgbytes_max(token_len) bytes (an upper bound; the
// message's real length is stored in *out_len) and must not overlap the
// token. The HMAC is checked in constant time before any plaintext is
// released and before the padding is looked at (so there is no padding
// oracle); a canonical token is decoded, authenticated and decrypted in one
// streaming pass into out, so out may hold decrypted bytes while the HMAC is
// being checked, and is zeroed when the check fails.
//
// Returns:
//   - CRYPTOGO_OK (*out_len = message length)
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = the bound)
//   - CRYPTOGO_ERR_INVALID_TOKEN for any invalid, tampered, expired or foreign
//     token (out zeroed, *out_len = 0)
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for NULL pointers with non-zero lengths,
//     or out overlapping the token (nothing read or written)
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind f
//
//export cryptogo_fernet_decrypt
func cryptogo_fernet_decrypt(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	token *C.cryptogo_in, tokenLen C.size_t, hasTTL C.int, ttl C.int64_t, f *C.cryptogo_fernet) (rc C.int) {
	defer guard(enter(&rc))
	t := ttlArg(hasTTL, ttl)
	return status(fernetDecrypt(unsafe.Pointer(f), kindFernet, out, outCap, outLen, token, tokenLen,
		func(f fernetLike, dst, tok []byte) ([]byte, error) { return f.DecryptTo(dst, tok, t) }))
}

// cryptogo_fernet_decrypt_at_time is cryptogo_fernet_decrypt with a ttl
// checked against current_time (Unix seconds) instead of the clock (pyca's
// Fernet.decrypt_at_time): the token is invalid when timestamp + ttl <
// current_time or current_time + 60 < timestamp (exact arithmetic, no
// overflow).
//
// Returns:
//   - CRYPTOGO_OK (*out_len = message length)
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = the bound)
//   - CRYPTOGO_ERR_INVALID_TOKEN (out zeroed, *out_len = 0)
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for NULL pointers with non-zero lengths,
//     or out overlapping the token (nothing read or written)
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind f
//
//export cryptogo_fernet_decrypt_at_time
func cryptogo_fernet_decrypt_at_time(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	token *C.cryptogo_in, tokenLen C.size_t, ttl C.int64_t, currentTime C.int64_t, f *C.cryptogo_fernet) (rc C.int) {
	defer guard(enter(&rc))
	return status(fernetDecrypt(unsafe.Pointer(f), kindFernet, out, outCap, outLen, token, tokenLen,
		func(f fernetLike, dst, tok []byte) ([]byte, error) {
			return f.DecryptAtTimeTo(dst, tok, int64(ttl), int64(currentTime))
		}))
}

// cryptogo_fernet_extract_timestamp stores in *out_ts the timestamp (Unix
// seconds) of a token after verifying its HMAC, without decrypting it (pyca's
// Fernet.extract_timestamp). No ttl is applied.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_TOKEN for an invalid, tampered or foreign token
//   - CRYPTOGO_ERR_OVERFLOW for an authentic token whose timestamp is over
//     INT64_MAX (only a key holder can make one)
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a NULL out_ts, or a NULL token with
//     non-zero length
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind f
//
//export cryptogo_fernet_extract_timestamp
func cryptogo_fernet_extract_timestamp(outTs *C.int64_t, token *C.cryptogo_in, tokenLen C.size_t,
	f *C.cryptogo_fernet) (rc C.int) {
	defer guard(enter(&rc))
	return status(fernetTimestamp(unsafe.Pointer(f), kindFernet, outTs, token, tokenLen))
}

// cryptogo_fernet_tokenbytes returns the exact length of the token for a
// message of msg_bytes bytes: 4 * ceil((57 + 16 * (msg_bytes / 16 + 1)) / 3).
// Constant; needs no handle.
//
// Returns:
//   - the token length
//   - SIZE_MAX when msg_bytes is over 2^60
//
//export cryptogo_fernet_tokenbytes
func cryptogo_fernet_tokenbytes(msgBytes C.size_t) C.size_t {
	if uint64(msgBytes) > fernet.MaxMessageSize {
		return C.size_t(math.MaxUint64)
	}
	return C.size_t(fernet.TokenSize(int(msgBytes)))
}

// cryptogo_fernet_msgbytes_max returns the output size the decrypt functions
// need for a token of token_bytes bytes: an upper bound of the message length
// (the ciphertext length minus one; at most 15 bytes more than the real
// length for tokens as the encrypt functions write them). Tokens are decoded
// as pyca decodes them (characters outside the alphabet skipped...): the
// bound holds for any token of that length.
//
// Returns:
//   - the bound
//   - 0 for a token_bytes too short for any valid token
//
//export cryptogo_fernet_msgbytes_max
func cryptogo_fernet_msgbytes_max(tokenBytes C.size_t) C.size_t {
	n := uint64(tokenBytes)
	if n > math.MaxInt64 {
		n = math.MaxInt64
	}
	return C.size_t(fernet.MaxPlaintextSize(int(n)))
}

// cryptogo_fernet_keybytes returns CRYPTOGO_FERNET_KEYBYTES, the length of a
// Fernet key as cryptogo_fernet_generate_key writes it.
//
// Returns:
//   - 44
//
//export cryptogo_fernet_keybytes
func cryptogo_fernet_keybytes() C.size_t { return C.size_t(fernet.KeySize) }

// cryptogo_fernet_rawkeybytes returns CRYPTOGO_FERNET_RAWKEYBYTES, the
// decoded key size (16-byte signing key + 16-byte encryption key).
//
// Returns:
//   - 32
//
//export cryptogo_fernet_rawkeybytes
func cryptogo_fernet_rawkeybytes() C.size_t { return C.size_t(fernet.RawKeySize) }

// cryptogo_fernet_ivbytes returns CRYPTOGO_FERNET_IVBYTES, the IV size that
// cryptogo_fernet_encrypt_at_time_with_iv takes.
//
// Returns:
//   - 16
//
//export cryptogo_fernet_ivbytes
func cryptogo_fernet_ivbytes() C.size_t { return C.size_t(fernet.IVSize) }

// ---- MultiFernet ----

// maxMultiFernetKeys bounds the fernets_len of cryptogo_multifernet_new.
const maxMultiFernetKeys = 1 << 16

var errTooManyKeys = errors.Join(core.ErrInvalidArgument, errors.New("more than 65536 Fernet keys"))

// cryptogo_multifernet_new creates a MultiFernet (pyca's
// MultiFernet([...])) from an array of fernets_len Fernet handles, the first
// being the
// key that encrypts and rotates to. The keys are copied: freeing the Fernet
// handles afterwards does not affect the MultiFernet. Release with
// cryptogo_multifernet_free. The handle may be shared between threads.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for fernets_len == 0 ("MultiFernet
//     requires at least one Fernet instance"), fernets_len over 65536, a NULL
//     out, or a NULL fernets with fernets_len > 0
//   - CRYPTOGO_ERR_INVALID_HANDLE when an entry is NULL, freed or not a Fernet
//
//export cryptogo_multifernet_new
func cryptogo_multifernet_new(out **C.cryptogo_multifernet, fernets **C.cryptogo_fernet, fernetsLen C.size_t) (rc C.int) {
	defer guard(enter(&rc))
	if out == nil {
		return status(errNullArgument)
	}
	*out = nil
	n := fernetsLen
	if n == 0 {
		_, err := fernet.NewMultiFernet(nil)
		return status(err)
	}
	if uint64(n) > maxMultiFernetKeys {
		return status(errTooManyKeys)
	}
	if fernets == nil {
		return status(errNullArgument)
	}
	// Copy each key under its own handle's lock, one at a time (holding
	// several handle locks at once could deadlock against concurrent frees).
	copies := make([]*fernet.Fernet, 0, int(n))
	defer func() {
		for _, c := range copies {
			c.Wipe()
		}
	}()
	for _, p := range unsafe.Slice(fernets, int(n)) {
		err := use(unsafe.Pointer(p), kindFernet, func(f *fernet.Fernet) error {
			c, err := f.Clone()
			if err == nil {
				copies = append(copies, c)
			}
			return err
		})
		if err != nil {
			return status(err)
		}
	}
	m, err := fernet.NewMultiFernet(copies) // copies again; the temporaries are wiped above
	if err != nil {
		return status(err)
	}
	*out = (*C.cryptogo_multifernet)(newHandle(kindMultiFernet, m))
	return C.CRYPTOGO_OK
}

// cryptogo_multifernet_free releases a MultiFernet and wipes its keys. NULL
// is a no-op.
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_HANDLE for a freed, unknown or wrong-kind handle
//
//export cryptogo_multifernet_free
func cryptogo_multifernet_free(mf *C.cryptogo_multifernet) (rc C.int) {
	defer guard(enter(&rc))
	return status(free(unsafe.Pointer(mf), kindMultiFernet))
}

// cryptogo_multifernet_encrypt is cryptogo_fernet_encrypt with the
// MultiFernet's first key (pyca's MultiFernet.encrypt).
//
// Returns:
//   - CRYPTOGO_OK (*out_len = token length)
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = token length)
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for NULL pointers with non-zero lengths
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind mf
//
//export cryptogo_multifernet_encrypt
func cryptogo_multifernet_encrypt(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	msg *C.cryptogo_in, msgLen C.size_t, mf *C.cryptogo_multifernet) (rc C.int) {
	defer guard(enter(&rc))
	return status(fernetEncrypt(unsafe.Pointer(mf), kindMultiFernet, out, outCap, outLen, msg, msgLen,
		func(f fernetLike, dst, m []byte) ([]byte, error) { return f.EncryptTo(dst, m) }))
}

// cryptogo_multifernet_encrypt_at_time is cryptogo_fernet_encrypt_at_time
// with the MultiFernet's first key (pyca's MultiFernet.encrypt_at_time).
//
// Returns:
//   - CRYPTOGO_OK (*out_len = token length)
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = token length)
//   - CRYPTOGO_ERR_OVERFLOW for a negative current_time
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for NULL pointers with non-zero lengths
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind mf
//
//export cryptogo_multifernet_encrypt_at_time
func cryptogo_multifernet_encrypt_at_time(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	msg *C.cryptogo_in, msgLen C.size_t, currentTime C.int64_t, mf *C.cryptogo_multifernet) (rc C.int) {
	defer guard(enter(&rc))
	return status(fernetEncrypt(unsafe.Pointer(mf), kindMultiFernet, out, outCap, outLen, msg, msgLen,
		func(f fernetLike, dst, m []byte) ([]byte, error) {
			return f.EncryptAtTimeTo(dst, m, int64(currentTime))
		}))
}

// cryptogo_multifernet_decrypt is cryptogo_fernet_decrypt trying each key of
// the MultiFernet in order (pyca's MultiFernet.decrypt).
//
// Returns:
//   - CRYPTOGO_OK (*out_len = message length)
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = the bound)
//   - CRYPTOGO_ERR_INVALID_TOKEN when no key accepts the token (out zeroed,
//     *out_len = 0)
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for NULL pointers with non-zero lengths,
//     or out overlapping the token (nothing read or written)
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind mf
//
//export cryptogo_multifernet_decrypt
func cryptogo_multifernet_decrypt(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	token *C.cryptogo_in, tokenLen C.size_t, hasTTL C.int, ttl C.int64_t, mf *C.cryptogo_multifernet) (rc C.int) {
	defer guard(enter(&rc))
	t := ttlArg(hasTTL, ttl)
	return status(fernetDecrypt(unsafe.Pointer(mf), kindMultiFernet, out, outCap, outLen, token, tokenLen,
		func(f fernetLike, dst, tok []byte) ([]byte, error) { return f.DecryptTo(dst, tok, t) }))
}

// cryptogo_multifernet_decrypt_at_time is cryptogo_fernet_decrypt_at_time
// trying each key in order (pyca's MultiFernet.decrypt_at_time).
//
// Returns:
//   - CRYPTOGO_OK (*out_len = message length)
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = the bound)
//   - CRYPTOGO_ERR_INVALID_TOKEN (out zeroed, *out_len = 0)
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for NULL pointers with non-zero lengths,
//     or out overlapping the token (nothing read or written)
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind mf
//
//export cryptogo_multifernet_decrypt_at_time
func cryptogo_multifernet_decrypt_at_time(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	token *C.cryptogo_in, tokenLen C.size_t, ttl C.int64_t, currentTime C.int64_t, mf *C.cryptogo_multifernet) (rc C.int) {
	defer guard(enter(&rc))
	return status(fernetDecrypt(unsafe.Pointer(mf), kindMultiFernet, out, outCap, outLen, token, tokenLen,
		func(f fernetLike, dst, tok []byte) ([]byte, error) {
			return f.DecryptAtTimeTo(dst, tok, int64(ttl), int64(currentTime))
		}))
}

// cryptogo_multifernet_rotate decrypts a token with any of the MultiFernet's
// keys (no ttl) and re-encrypts its message under the first key with a new
// random IV, keeping the original timestamp (pyca's MultiFernet.rotate).
// out must hold cryptogo_fernet_tokenbytes(
// cryptogo_fernet_msgbytes_max(token_len)) bytes (an upper bound; the
// new token's real length is stored in *out_len, normally token_len).
//
// Returns:
//   - CRYPTOGO_OK (*out_len = new token length)
//   - CRYPTOGO_ERR_BUFFER_TOO_SMALL (*out_len = the bound)
//   - CRYPTOGO_ERR_INVALID_TOKEN when no key accepts the token (*out_len = 0)
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for NULL pointers with non-zero lengths
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind mf
//
//export cryptogo_multifernet_rotate
func cryptogo_multifernet_rotate(out *C.uint8_t, outCap C.size_t, outLen *C.size_t,
	token *C.cryptogo_in, tokenLen C.size_t, mf *C.cryptogo_multifernet) (rc C.int) {
	defer guard(enter(&rc))
	t, err := in(token, tokenLen)
	if err != nil {
		return status(err)
	}
	return status(use(unsafe.Pointer(mf), kindMultiFernet, func(m *fernet.MultiFernet) error {
		need := fernet.TokenSize(fernet.MaxPlaintextSize(len(t)))
		buf, err := outBuffer(out, outCap, outLen, need)
		if err != nil {
			return err
		}
		return fill(buf, outLen, func(dst []byte) ([]byte, error) { return m.RotateTo(dst, t) }, t)
	}))
}

// cryptogo_multifernet_extract_timestamp is cryptogo_fernet_extract_timestamp
// with the first key that authenticates the token (pyca's
// MultiFernet.extract_timestamp).
//
// Returns:
//   - CRYPTOGO_OK
//   - CRYPTOGO_ERR_INVALID_TOKEN when no key authenticates the token
//   - CRYPTOGO_ERR_OVERFLOW for a timestamp over INT64_MAX
//   - CRYPTOGO_ERR_INVALID_ARGUMENT for a NULL out_ts, or a NULL token with
//     non-zero length
//   - CRYPTOGO_ERR_INVALID_HANDLE for a NULL, freed or wrong-kind mf
//
//export cryptogo_multifernet_extract_timestamp
func cryptogo_multifernet_extract_timestamp(outTs *C.int64_t, token *C.cryptogo_in, tokenLen C.size_t,
	mf *C.cryptogo_multifernet) (rc C.int) {
	defer guard(enter(&rc))
	return status(fernetTimestamp(unsafe.Pointer(mf), kindMultiFernet, outTs, token, tokenLen))
}
