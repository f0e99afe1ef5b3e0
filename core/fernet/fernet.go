// Package fernet implements Fernet (https://github.com/fernet/spec) as
// pyca's cryptography.fernet does: Fernet and MultiFernet, with pyca's key
// decoding, token format, ttl rules and errors (every decryption failure is
// core.ErrInvalidToken), plus append-style methods that write into a caller's
// buffer without allocating, and a two-goroutine streaming path for large
// tokens.
package fernet

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"math/bits"
	"sync"
	"time"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/internal/alias"
	"github.com/cryptogo/libcrypto-go/core/internal/b64"
	"github.com/cryptogo/libcrypto-go/core/internal/buffer"
	"github.com/cryptogo/libcrypto-go/core/internal/errs"
	"github.com/cryptogo/libcrypto-go/core/random"
)

// Fernet sizes, in bytes. KeySize and RawKeySize are the C ABI's
// CRYPTOGO_FERNET_KEYBYTES and CRYPTOGO_FERNET_RAWKEYBYTES.
const (
	// KeySize is the length of a key as GenerateKey writes it:
	// the url-safe base64 text (with padding) of RawKeySize bytes.
	KeySize = 44
	// RawKeySize is the decoded key: a 16-byte HMAC-SHA256 signing key
	// followed by a 16-byte AES-128 encryption key.
	RawKeySize = 32
	// IVSize is the AES-CBC IV carried in every token.
	IVSize = 16
	// MaxClockSkew is how far in the future (seconds) a token's
	// timestamp may be when a ttl is checked (pyca's _MAX_CLOCK_SKEW).
	MaxClockSkew = 60
	// MaxMessageSize bounds the messages TokenSize can size:
	// 2^60 bytes with a 64-bit int, 2^28 with a 32-bit one.
	MaxMessageSize = 1 << (bits.UintSize - 4)
)

const (
	fernetVersion  = 0x80
	fernetHeader   = 1 + 8 + IVSize // version, timestamp, IV
	fernetMACSize  = sha256.Size
	fernetOverhead = fernetHeader + fernetMACSize // 57 bytes around the ciphertext
)

var (
	errFernetKey   = errs.Invalid("Fernet key must be 32 url-safe base64-encoded bytes.")
	errFernetIV    = errs.Invalid("Fernet IV must be 16 bytes")
	errFernetTime  = errs.WithMessage(core.ErrOverflow, "can't convert negative int to unsigned")
	errMultiFernet = errs.Invalid("MultiFernet requires at least one Fernet instance")
)

// Fernet is a Fernet key: authenticated symmetric encryption of messages into
// url-safe text tokens, as specified at https://github.com/fernet/spec and
// implemented by pyca's cryptography.fernet.Fernet, whose behaviour it
// mirrors exactly. A token is
//
//	base64url(0x80 | timestamp (u64 big-endian) | IV (16) | AES-128-CBC-PKCS7(msg) | HMAC-SHA256)
//
// with the HMAC (RFC 2104), keyed by the first 16 key bytes, over everything
// before it, and AES-128-CBC (NIST SP 800-38A) with PKCS #7 padding (RFC
// 5652) keyed by the last 16. Every decryption failure is core.ErrInvalidToken,
// whatever its cause; the HMAC is compared in constant time and checked
// before the padding is looked at or any plaintext is released (tokens in
// canonical form are decrypted while they are authenticated, in one
// streaming pass, into the output buffer, which is zeroed if the HMAC does
// not verify; above 256 KiB that work is split between two goroutines).
//
// Methods named ...To append their output to dst, like cipher.AEAD.Seal: when
// dst has enough spare capacity (TokenSize for encryption,
// MaxPlaintextSize for decryption) they write in place without
// allocating for the output.
//
// A Fernet is safe for concurrent use, except Wipe.
type Fernet struct {
	key   []byte       // signing key (16) || encryption key (16)
	block cipher.Block // AES-128 with the encryption key; nil once wiped
	state *sync.Pool   // of *fernetState; nil once wiped
}

// fernetState is per-call scratch space: an HMAC keyed with the signing key,
// reusable CBC modes, and buffers that would otherwise be allocated per call.
type fernetState struct {
	mac      hash.Hash
	enc, dec cipher.BlockMode // nil until first use, or when they cannot be reset
	sum      [fernetMACSize]byte
	last     [aes.BlockSize]byte
	iv       [IVSize]byte

	// Pieces of a canonical token being decrypted (decryptCanonical).
	hdr  [27]byte // header and the first 2 ciphertext bytes
	tail [56]byte // the rest after the body, and the padding quantum
	tag  [fernetMACSize]byte
}

// ivSetter is implemented by crypto/cipher's CBC modes: resetting the IV lets
// a mode (which embeds a copy of the AES key schedule) be reused.
type ivSetter interface{ SetIV([]byte) }

func (s *fernetState) cbcEncrypter(block cipher.Block, iv []byte) cipher.BlockMode {
	if s.enc != nil {
		s.enc.(ivSetter).SetIV(iv)
		return s.enc
	}
	m := cipher.NewCBCEncrypter(block, iv)
	if _, ok := m.(ivSetter); ok {
		s.enc = m
	}
	return m
}

func (s *fernetState) cbcDecrypter(block cipher.Block, iv []byte) cipher.BlockMode {
	if s.dec != nil {
		s.dec.(ivSetter).SetIV(iv)
		return s.dec
	}
	m := cipher.NewCBCDecrypter(block, iv)
	if _, ok := m.(ivSetter); ok {
		s.dec = m
	}
	return m
}

// New returns the Fernet for key, the url-safe base64 text of 32 bytes
// (what GenerateKey returns). The text is decoded exactly as pyca
// decodes it (Python's base64.urlsafe_b64decode: characters outside the
// alphabet are skipped, padding is required, data after the padding is
// ignored). Errors: core.ErrInvalidArgument ("Fernet key must be 32 url-safe
// base64-encoded bytes.") when it does not decode to exactly 32 bytes.
func New(key []byte) (*Fernet, error) {
	var small [48]byte
	raw, ok := b64.PyDecode(small[:0], key)
	defer clear(raw)
	if !ok || len(raw) != RawKeySize {
		return nil, errFernetKey
	}
	return newRaw(raw), nil
}

// CanonicalKey returns the canonical form of key: the 44-byte padded
// url-safe base64 text of the 32 bytes pyca's Fernet(key) would decode from
// it (Python's base64.urlsafe_b64decode, with its leniency: see New). A key
// New accepts and its canonical form make the same Fernet. Errors:
// core.ErrInvalidArgument ("Fernet key must be 32 url-safe base64-encoded
// bytes.") exactly when New refuses key. The result holds the key: the
// caller wipes it.
func CanonicalKey(key []byte) ([]byte, error) {
	var small [48]byte
	raw, ok := b64.PyDecode(small[:0], key)
	defer clear(raw)
	if !ok || len(raw) != RawKeySize {
		return nil, errFernetKey
	}
	out := make([]byte, KeySize)
	copy(out[KeySize-RawKeySize:], raw)
	b64.EncodeInPlace(out, RawKeySize)
	return out, nil
}

// newRaw builds a Fernet from a copy of the 32 raw key bytes.
func newRaw(raw []byte) *Fernet {
	key := append(make([]byte, 0, RawKeySize), raw...)
	block, err := aes.NewCipher(key[16:])
	if err != nil {
		panic(err) // unreachable: 16-byte key
	}
	signing := key[:16]
	return &Fernet{
		key:   key,
		block: block,
		state: &sync.Pool{New: func() any {
			return &fernetState{mac: hmac.New(sha256.New, signing)}
		}},
	}
}

// GenerateKey returns a new random key: the 44-byte url-safe base64
// text of 32 random bytes (pyca's Fernet.generate_key).
func GenerateKey() []byte { return GenerateKeyTo(nil) }

// GenerateKeyTo appends a new random key (44 bytes) to dst.
func GenerateKeyTo(dst []byte) []byte {
	ret, out := buffer.Grow(dst, KeySize)
	random.Bytes(out[KeySize-RawKeySize:])
	b64.EncodeInPlace(out, RawKeySize)
	return ret
}

// TokenSize returns the exact length of the token for a message of
// msgLen bytes: 4*ceil((57 + 16*(msgLen/16 + 1))/3). It returns -1 when msgLen
// is negative or over MaxMessageSize.
func TokenSize(msgLen int) int {
	if msgLen < 0 || msgLen > MaxMessageSize {
		return -1
	}
	raw := fernetOverhead + (msgLen/aes.BlockSize+1)*aes.BlockSize
	return (raw + 2) / 3 * 4
}

// MaxPlaintextSize returns an upper bound of the length of the message
// in a token of tokenLen bytes: decrypting into a dst with that much spare
// capacity never allocates for the output. The bound is
// 16*floor((floor(3*tokenLen/4) - 57)/16) - 1 (the ciphertext length minus
// the smallest padding), or 0 for tokens too short to be valid; it exceeds the
// real length by the message's padding minus one (0 to 15 bytes) for tokens
// as Encrypt writes them.
func MaxPlaintextSize(tokenLen int) int {
	if tokenLen <= 0 {
		return 0
	}
	ct := b64.DecodedMax(tokenLen) - fernetOverhead
	if ct < aes.BlockSize {
		return 0
	}
	return ct/aes.BlockSize*aes.BlockSize - 1
}

func (f *Fernet) getState() (*fernetState, bool) {
	p := f.state
	if p == nil {
		return nil, false
	}
	return p.Get().(*fernetState), true
}

// putState returns s to the pool with no trace of the call that used it:
// the last plaintext block, the IV, the token's pieces and the MAC are
// cleared and the HMAC restarted (its keyed pads remain: see Wipe).
func (f *Fernet) putState(s *fernetState) {
	clear(s.last[:])
	clear(s.sum[:])
	clear(s.iv[:])
	clear(s.hdr[:])
	clear(s.tail[:])
	clear(s.tag[:])
	s.mac.Reset()
	if p := f.state; p != nil {
		p.Put(s)
	}
}

// Clone returns an independent Fernet with a copy of f's key: wiping either
// does not affect the other. Errors: core.ErrInvalidArgument if f was wiped.
func (f *Fernet) Clone() (*Fernet, error) {
	if f == nil || f.block == nil {
		return nil, errs.ErrWiped
	}
	return newRaw(f.key), nil
}

// Wipe zeroes the key bytes f holds and makes every later call fail. The AES
// key schedules inside crypto/aes and its CBC modes, and the HMAC states
// cached for reuse, cannot be reached to be wiped; they stay in memory until
// the garbage collector reclaims them. Not safe concurrently with other methods.
func (f *Fernet) Wipe() {
	clear(f.key)
	f.block, f.state = nil, nil
}

// Encrypt returns the token for msg with the current time (pyca's
// Fernet.encrypt) and a random IV. Errors: core.ErrInvalidArgument if f was wiped.
func (f *Fernet) Encrypt(msg []byte) ([]byte, error) {
	return f.EncryptTo(make([]byte, 0, TokenSize(len(msg))), msg)
}

// EncryptTo is Encrypt appending the token to dst.
func (f *Fernet) EncryptTo(dst, msg []byte) ([]byte, error) {
	return f.EncryptAtTimeTo(dst, msg, time.Now().Unix())
}

// EncryptAtTime returns the token for msg stamped with now (Unix seconds) and
// a random IV (pyca's Fernet.encrypt_at_time). Errors: core.ErrOverflow for a
// negative now (pyca's OverflowError); core.ErrInvalidArgument if f was wiped.
func (f *Fernet) EncryptAtTime(msg []byte, now int64) ([]byte, error) {
	return f.EncryptAtTimeTo(make([]byte, 0, TokenSize(len(msg))), msg, now)
}

// EncryptAtTimeTo is EncryptAtTime appending the token to dst.
func (f *Fernet) EncryptAtTimeTo(dst, msg []byte, now int64) ([]byte, error) {
	if now < 0 {
		return nil, errFernetTime
	}
	return f.encryptTo(dst, msg, uint64(now), nil)
}

// EncryptAtTimeWithIV is EncryptAtTime with a caller-chosen 16-byte IV, for
// test vectors and conformance tests only: reusing an IV under one key leaks
// information. Deterministic. Errors: core.ErrInvalidArgument for an IV that is not
// 16 bytes or a wiped f; core.ErrOverflow for a negative now.
func (f *Fernet) EncryptAtTimeWithIV(msg []byte, now int64, iv []byte) ([]byte, error) {
	return f.EncryptAtTimeWithIVTo(make([]byte, 0, TokenSize(len(msg))), msg, now, iv)
}

// EncryptAtTimeWithIVTo is EncryptAtTimeWithIV appending the token to dst.
func (f *Fernet) EncryptAtTimeWithIVTo(dst, msg []byte, now int64, iv []byte) ([]byte, error) {
	if len(iv) != IVSize {
		return nil, errFernetIV
	}
	if now < 0 {
		return nil, errFernetTime
	}
	return f.encryptTo(dst, msg, uint64(now), iv)
}

// encryptTo builds the token in dst's spare capacity: the binary token is
// written at the end of the output region and then base64-encoded forwards
// in place, so no intermediate buffer is needed. A nil iv means a random one.
func (f *Fernet) encryptTo(dst, msg []byte, ts uint64, iv []byte) ([]byte, error) {
	block := f.block
	s, ok := f.getState()
	if !ok || block == nil {
		return nil, errs.ErrWiped
	}
	defer f.putState(s)

	n := len(msg)
	full := n &^ (aes.BlockSize - 1)
	ctLen := full + aes.BlockSize
	rawLen := fernetOverhead + ctLen
	ret, out := buffer.Grow(dst, (rawLen+2)/3*4)
	if alias.AnyOverlap(out, msg) {
		msg = append([]byte(nil), msg...)
		defer clear(msg)
	}
	if iv == nil {
		random.Bytes(s.iv[:])
	} else {
		copy(s.iv[:], iv)
	}

	off := len(out) - rawLen
	raw := out[off:]
	raw[0] = fernetVersion
	binary.BigEndian.PutUint64(raw[1:9], ts)
	copy(raw[9:fernetHeader], s.iv[:])
	last := s.last[:]
	pad := byte(ctLen - n)
	copy(last, msg[full:])
	for i := n - full; i < aes.BlockSize; i++ {
		last[i] = pad
	}
	s.mac.Reset()
	enc := b64.NewEncoder(out, rawLen)
	cbc := s.cbcEncrypter(block, s.iv[:])
	if full >= fernetParallelMin && parallelOK() {
		fernetEncryptParallel(s, cbc, &enc, off, raw, msg[:full])
	} else {
		// One pass over L1-sized chunks: CBC, then HMAC, then base64 of each.
		body := raw[fernetHeader:]
		s.mac.Write(raw[:fernetHeader])
		for p := 0; p < full; {
			q := min(p+fernetChunk, full)
			cbc.CryptBlocks(body[p:q], msg[p:q])
			s.mac.Write(body[p:q])
			enc.UpTo(off + fernetHeader + q)
			p = q
		}
	}
	ct := raw[fernetHeader : fernetHeader+ctLen]
	cbc.CryptBlocks(ct[full:], last)
	s.mac.Write(ct[full:])
	copy(raw[fernetHeader+ctLen:], s.mac.Sum(s.sum[:0]))
	enc.Finish()
	return ret, nil
}
