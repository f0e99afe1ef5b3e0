package core

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/binary"
	"hash"
	"math/bits"
	"runtime"
	"sync"
	"time"
)

// Fernet sizes, in bytes. FernetKeySize and FernetRawKeySize are the C ABI's
// CRYPTOGO_FERNET_KEYBYTES and CRYPTOGO_FERNET_RAWKEYBYTES.
const (
	// FernetKeySize is the length of a key as GenerateFernetKey writes it:
	// the url-safe base64 text (with padding) of FernetRawKeySize bytes.
	FernetKeySize = 44
	// FernetRawKeySize is the decoded key: a 16-byte HMAC-SHA256 signing key
	// followed by a 16-byte AES-128 encryption key.
	FernetRawKeySize = 32
	// FernetIVSize is the AES-CBC IV carried in every token.
	FernetIVSize = 16
	// FernetMaxClockSkew is how far in the future (seconds) a token's
	// timestamp may be when a ttl is checked (pyca's _MAX_CLOCK_SKEW).
	FernetMaxClockSkew = 60
	// FernetMaxMessageSize bounds the messages FernetTokenSize can size:
	// 2^60 bytes with a 64-bit int, 2^28 with a 32-bit one.
	FernetMaxMessageSize = 1 << (bits.UintSize - 4)
)

const (
	fernetVersion  = 0x80
	fernetHeader   = 1 + 8 + FernetIVSize // version, timestamp, IV
	fernetMACSize  = sha256.Size
	fernetOverhead = fernetHeader + fernetMACSize // 57 bytes around the ciphertext
)

var (
	errFernetKey   = invalid("Fernet key must be 32 url-safe base64-encoded bytes.")
	errFernetIV    = invalid("Fernet IV must be 16 bytes")
	errFernetTime  = wrapMsg(ErrOverflow, "can't convert negative int to unsigned")
	errMultiFernet = invalid("MultiFernet requires at least one Fernet instance")
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
// 5652) keyed by the last 16. Every decryption failure is ErrInvalidToken,
// whatever its cause; the HMAC is compared in constant time and checked
// before the padding is looked at or any plaintext is released (tokens in
// canonical form are decrypted while they are authenticated, in one
// streaming pass, into the output buffer, which is zeroed if the HMAC does
// not verify; above 256 KiB that work is split between two goroutines).
//
// Methods named ...To append their output to dst, like cipher.AEAD.Seal: when
// dst has enough spare capacity (FernetTokenSize for encryption,
// FernetMaxPlaintextSize for decryption) they write in place without
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
	iv       [FernetIVSize]byte

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

// NewFernet returns the Fernet for key, the url-safe base64 text of 32 bytes
// (what GenerateFernetKey returns). The text is decoded exactly as pyca
// decodes it (Python's base64.urlsafe_b64decode: characters outside the
// alphabet are skipped, padding is required, data after the padding is
// ignored). Errors: ErrInvalidArgument ("Fernet key must be 32 url-safe
// base64-encoded bytes.") when it does not decode to exactly 32 bytes.
func NewFernet(key []byte) (*Fernet, error) {
	var small [48]byte
	raw, ok := pyB64Decode(small[:0], key)
	defer clear(raw)
	if !ok || len(raw) != FernetRawKeySize {
		return nil, errFernetKey
	}
	return newFernetRaw(raw), nil
}

// newFernetRaw builds a Fernet from a copy of the 32 raw key bytes.
func newFernetRaw(raw []byte) *Fernet {
	key := append(make([]byte, 0, FernetRawKeySize), raw...)
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

// GenerateFernetKey returns a new random key: the 44-byte url-safe base64
// text of 32 random bytes (pyca's Fernet.generate_key).
func GenerateFernetKey() []byte { return GenerateFernetKeyTo(nil) }

// GenerateFernetKeyTo appends a new random key (44 bytes) to dst.
func GenerateFernetKeyTo(dst []byte) []byte {
	ret, out := grow(dst, FernetKeySize)
	RandomBytes(out[FernetKeySize-FernetRawKeySize:])
	b64EncodeInPlace(out, FernetRawKeySize)
	return ret
}

// FernetTokenSize returns the exact length of the token for a message of
// msgLen bytes: 4*ceil((57 + 16*(msgLen/16 + 1))/3). It returns -1 when msgLen
// is negative or over FernetMaxMessageSize.
func FernetTokenSize(msgLen int) int {
	if msgLen < 0 || msgLen > FernetMaxMessageSize {
		return -1
	}
	raw := fernetOverhead + (msgLen/aes.BlockSize+1)*aes.BlockSize
	return (raw + 2) / 3 * 4
}

// FernetMaxPlaintextSize returns an upper bound of the length of the message
// in a token of tokenLen bytes: decrypting into a dst with that much spare
// capacity never allocates for the output. The bound is
// 16*floor((floor(3*tokenLen/4) - 57)/16) - 1 (the ciphertext length minus
// the smallest padding), or 0 for tokens too short to be valid; it exceeds the
// real length by the message's padding minus one (0 to 15 bytes) for tokens
// as Encrypt writes them.
func FernetMaxPlaintextSize(tokenLen int) int {
	if tokenLen <= 0 {
		return 0
	}
	ct := b64DecodedMax(tokenLen) - fernetOverhead
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

func (f *Fernet) putState(s *fernetState) {
	clear(s.last[:])
	if p := f.state; p != nil {
		p.Put(s)
	}
}

// Clone returns an independent Fernet with a copy of f's key: wiping either
// does not affect the other. Errors: ErrInvalidArgument if f was wiped.
func (f *Fernet) Clone() (*Fernet, error) {
	if f == nil || f.block == nil {
		return nil, errWiped
	}
	return newFernetRaw(f.key), nil
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
// Fernet.encrypt) and a random IV. Errors: ErrInvalidArgument if f was wiped.
func (f *Fernet) Encrypt(msg []byte) ([]byte, error) {
	return f.EncryptTo(make([]byte, 0, FernetTokenSize(len(msg))), msg)
}

// EncryptTo is Encrypt appending the token to dst.
func (f *Fernet) EncryptTo(dst, msg []byte) ([]byte, error) {
	return f.EncryptAtTimeTo(dst, msg, time.Now().Unix())
}

// EncryptAtTime returns the token for msg stamped with now (Unix seconds) and
// a random IV (pyca's Fernet.encrypt_at_time). Errors: ErrOverflow for a
// negative now (pyca's OverflowError); ErrInvalidArgument if f was wiped.
func (f *Fernet) EncryptAtTime(msg []byte, now int64) ([]byte, error) {
	return f.EncryptAtTimeTo(make([]byte, 0, FernetTokenSize(len(msg))), msg, now)
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
// information. Deterministic. Errors: ErrInvalidArgument for an IV that is not
// 16 bytes or a wiped f; ErrOverflow for a negative now.
func (f *Fernet) EncryptAtTimeWithIV(msg []byte, now int64, iv []byte) ([]byte, error) {
	return f.EncryptAtTimeWithIVTo(make([]byte, 0, FernetTokenSize(len(msg))), msg, now, iv)
}

// EncryptAtTimeWithIVTo is EncryptAtTimeWithIV appending the token to dst.
func (f *Fernet) EncryptAtTimeWithIVTo(dst, msg []byte, now int64, iv []byte) ([]byte, error) {
	if len(iv) != FernetIVSize {
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
		return nil, errWiped
	}
	defer f.putState(s)

	n := len(msg)
	full := n &^ (aes.BlockSize - 1)
	ctLen := full + aes.BlockSize
	rawLen := fernetOverhead + ctLen
	ret, out := grow(dst, (rawLen+2)/3*4)
	if anyOverlap(out, msg) {
		msg = append([]byte(nil), msg...)
		defer clear(msg)
	}
	if iv == nil {
		RandomBytes(s.iv[:])
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
	enc := newB64Enc(out, rawLen)
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
			enc.upTo(off + fernetHeader + q)
			p = q
		}
	}
	ct := raw[fernetHeader : fernetHeader+ctLen]
	cbc.CryptBlocks(ct[full:], last)
	s.mac.Write(ct[full:])
	copy(raw[fernetHeader+ctLen:], s.mac.Sum(s.sum[:0]))
	enc.finish()
	return ret, nil
}

// Decrypt returns the message in token (pyca's Fernet.decrypt). With a
// non-nil ttl (seconds) the token must not be older than ttl nor more than
// FernetMaxClockSkew seconds in the future, by the current time. The token
// is decoded as pyca decodes it (see NewFernet). Errors: ErrInvalidToken for
// any invalid, tampered, expired or foreign token.
func (f *Fernet) Decrypt(token []byte, ttl *int64) ([]byte, error) {
	return f.DecryptTo(nil, token, ttl)
}

// DecryptTo is Decrypt appending the message to dst.
func (f *Fernet) DecryptTo(dst, token []byte, ttl *int64) ([]byte, error) {
	if ttl == nil {
		return f.decryptTo(dst, token, false, 0, 0)
	}
	return f.decryptTo(dst, token, true, *ttl, time.Now().Unix())
}

// DecryptAtTime is Decrypt with a ttl checked against now (Unix seconds)
// instead of the clock (pyca's Fernet.decrypt_at_time): the token is invalid
// when timestamp+ttl < now or now+60 < timestamp (exact integer arithmetic),
// checks made before the HMAC. Errors: ErrInvalidToken.
func (f *Fernet) DecryptAtTime(token []byte, ttl, now int64) ([]byte, error) {
	return f.decryptTo(nil, token, true, ttl, now)
}

// DecryptAtTimeTo is DecryptAtTime appending the message to dst.
func (f *Fernet) DecryptAtTimeTo(dst, token []byte, ttl, now int64) ([]byte, error) {
	return f.decryptTo(dst, token, true, ttl, now)
}

func (f *Fernet) decryptTo(dst, token []byte, hasTTL bool, ttl, now int64) ([]byte, error) {
	if res, handled, err := f.decryptCanonical(dst, token, hasTTL, ttl, now); handled {
		return res, err
	}
	return f.decryptGeneral(dst, token, hasTTL, ttl, now)
}

// decryptGeneral decodes the whole token with Python's decoder into a
// buffer, then authenticates and decrypts it.
func (f *Fernet) decryptGeneral(dst, token []byte, hasTTL bool, ttl, now int64) ([]byte, error) {
	buf := getBuf(b64DecodedMax(len(token)))
	defer putBuf(buf, false)
	data, ts, ok := parseToken((*buf)[:0], token)
	if !ok {
		return nil, ErrInvalidToken
	}
	return f.decryptData(dst, data, ts, hasTTL, ttl, now)
}

// ExtractTimestamp returns the timestamp of token (Unix seconds) after
// verifying its HMAC, as pyca's Fernet.extract_timestamp does; it does not
// decrypt. Errors: ErrInvalidToken.
func (f *Fernet) ExtractTimestamp(token []byte) (uint64, error) {
	buf := getBuf(b64DecodedMax(len(token)))
	defer putBuf(buf, false)
	data, ts, ok := parseToken((*buf)[:0], token)
	if !ok {
		return 0, ErrInvalidToken
	}
	s, ok := f.getState()
	if !ok {
		return 0, ErrInvalidToken
	}
	defer f.putState(s)
	if !verifyMAC(s, data) {
		return 0, ErrInvalidToken
	}
	return ts, nil
}

// parseToken decodes token into dst and reads its version and timestamp
// (pyca's _get_unverified_token_data).
func parseToken(dst, token []byte) (data []byte, ts uint64, ok bool) {
	data, ok = pyB64Decode(dst, token)
	if !ok || len(data) < 9 || data[0] != fernetVersion {
		return nil, 0, false
	}
	return data, binary.BigEndian.Uint64(data[1:9]), true
}

// verifyMAC checks the token's HMAC in constant time (pyca's
// _verify_signature: the last 32 bytes against the HMAC of the rest).
func verifyMAC(s *fernetState, data []byte) bool {
	if len(data) < fernetMACSize {
		return false
	}
	body := len(data) - fernetMACSize
	s.mac.Reset()
	s.mac.Write(data[:body])
	return hmac.Equal(s.mac.Sum(s.sum[:0]), data[body:])
}

// decryptData is pyca's _decrypt_data: time checks, HMAC, then AES-CBC and
// PKCS7 unpadding, writing the message straight into dst's spare capacity.
// Failures that pyca would report as another exception for a token forged
// with the key (an IV shorter than 16 bytes) are ErrInvalidToken too.
func (f *Fernet) decryptData(dst, data []byte, ts uint64, hasTTL bool, ttl, now int64) ([]byte, error) {
	if hasTTL && (tokenExpired(ts, ttl, now) || tokenFromFuture(ts, now)) {
		return nil, ErrInvalidToken
	}
	block := f.block
	s, ok := f.getState()
	if !ok || block == nil {
		return nil, ErrInvalidToken
	}
	defer f.putState(s)
	if !verifyMAC(s, data) || len(data) < fernetOverhead {
		return nil, ErrInvalidToken
	}
	ct := data[fernetHeader : len(data)-fernetMACSize]
	if len(ct) == 0 || len(ct)%aes.BlockSize != 0 {
		return nil, ErrInvalidToken
	}
	full := len(ct) - aes.BlockSize
	ret, out := grow(dst, len(ct)-1)
	cbc := s.cbcDecrypter(block, data[9:fernetHeader])
	cbc.CryptBlocks(out[:full], ct[:full])
	cbc.CryptBlocks(s.last[:], ct[full:])
	pad, ok := pkcs7PadLen(&s.last)
	if !ok {
		clear(out)
		return nil, ErrInvalidToken
	}
	copy(out[full:], s.last[:aes.BlockSize-pad])
	return ret[:len(dst)+len(ct)-pad], nil
}

// pkcs7PadLen returns the PKCS #7 padding length of the last block, checked
// in constant time.
func pkcs7PadLen(b *[aes.BlockSize]byte) (int, bool) {
	p := int(b[aes.BlockSize-1])
	good := subtle.ConstantTimeLessOrEq(1, p) & subtle.ConstantTimeLessOrEq(p, aes.BlockSize)
	for i := 0; i < aes.BlockSize; i++ {
		inPad := subtle.ConstantTimeLessOrEq(i+1, p)
		good &= subtle.ConstantTimeByteEq(b[aes.BlockSize-1-i], byte(p)) | (inPad ^ 1)
	}
	return p, good == 1
}

// tokenExpired reports timestamp + ttl < now, exactly (no overflow).
func tokenExpired(ts uint64, ttl, now int64) bool {
	return u128(ts).add(s128(ttl)).less(s128(now))
}

// tokenFromFuture reports now + FernetMaxClockSkew < timestamp, exactly.
func tokenFromFuture(ts uint64, now int64) bool {
	return s128(now).add(s128(FernetMaxClockSkew)).less(u128(ts))
}

// i128 is a signed 128-bit integer hi*2^64 + lo, enough to compare sums of
// 64-bit values the way Python's unbounded ints do.
type i128 struct {
	hi int64
	lo uint64
}

func u128(u uint64) i128 { return i128{0, u} }
func s128(x int64) i128  { return i128{x >> 63, uint64(x)} }

func (a i128) add(b i128) i128 {
	lo, c := bits.Add64(a.lo, b.lo, 0)
	return i128{a.hi + b.hi + int64(c), lo}
}

func (a i128) less(b i128) bool { return a.hi < b.hi || a.hi == b.hi && a.lo < b.lo }

// ---------------------------------------------------------------------------
// MultiFernet.

// MultiFernet is pyca's cryptography.fernet.MultiFernet: key rotation over
// several Fernet keys. It encrypts with the first key and decrypts with any;
// Rotate re-encrypts a token under the first key. Safe for concurrent use,
// except Wipe.
type MultiFernet struct {
	fernets []*Fernet
}

// NewMultiFernet returns a MultiFernet over copies of the given keys (so
// wiping or freeing one of them later does not affect it), first key first.
// Errors: ErrInvalidArgument ("MultiFernet requires at least one Fernet
// instance") for an empty list, and for a nil or wiped entry.
func NewMultiFernet(fernets []*Fernet) (*MultiFernet, error) {
	if len(fernets) == 0 {
		return nil, errMultiFernet
	}
	m := &MultiFernet{fernets: make([]*Fernet, 0, len(fernets))}
	for _, f := range fernets {
		c, err := f.Clone()
		if err != nil {
			m.Wipe()
			return nil, err
		}
		m.fernets = append(m.fernets, c)
	}
	return m, nil
}

// Wipe wipes every key m holds (see Fernet.Wipe).
func (m *MultiFernet) Wipe() {
	for _, f := range m.fernets {
		f.Wipe()
	}
}

// Encrypt encrypts msg with the first key (pyca's MultiFernet.encrypt).
func (m *MultiFernet) Encrypt(msg []byte) ([]byte, error) { return m.fernets[0].Encrypt(msg) }

// EncryptTo is Encrypt appending the token to dst.
func (m *MultiFernet) EncryptTo(dst, msg []byte) ([]byte, error) {
	return m.fernets[0].EncryptTo(dst, msg)
}

// EncryptAtTime is Fernet.EncryptAtTime with the first key.
func (m *MultiFernet) EncryptAtTime(msg []byte, now int64) ([]byte, error) {
	return m.fernets[0].EncryptAtTime(msg, now)
}

// EncryptAtTimeTo is EncryptAtTime appending the token to dst.
func (m *MultiFernet) EncryptAtTimeTo(dst, msg []byte, now int64) ([]byte, error) {
	return m.fernets[0].EncryptAtTimeTo(dst, msg, now)
}

// Decrypt decrypts token with the first key that accepts it (pyca's
// MultiFernet.decrypt); ttl as in Fernet.Decrypt. Errors: ErrInvalidToken
// when no key does.
func (m *MultiFernet) Decrypt(token []byte, ttl *int64) ([]byte, error) {
	return m.DecryptTo(nil, token, ttl)
}

// DecryptTo is Decrypt appending the message to dst.
func (m *MultiFernet) DecryptTo(dst, token []byte, ttl *int64) ([]byte, error) {
	if ttl == nil {
		return m.decryptTo(dst, token, false, 0, 0)
	}
	return m.decryptTo(dst, token, true, *ttl, time.Now().Unix())
}

// DecryptAtTime is Fernet.DecryptAtTime trying every key (pyca's
// MultiFernet.decrypt_at_time).
func (m *MultiFernet) DecryptAtTime(token []byte, ttl, now int64) ([]byte, error) {
	return m.decryptTo(nil, token, true, ttl, now)
}

// DecryptAtTimeTo is DecryptAtTime appending the message to dst.
func (m *MultiFernet) DecryptAtTimeTo(dst, token []byte, ttl, now int64) ([]byte, error) {
	return m.decryptTo(dst, token, true, ttl, now)
}

// decryptTo decodes the token once and tries each key on it, which is what
// pyca's loop of Fernet.decrypt calls amounts to.
func (m *MultiFernet) decryptTo(dst, token []byte, hasTTL bool, ttl, now int64) ([]byte, error) {
	buf := getBuf(b64DecodedMax(len(token)))
	defer putBuf(buf, false)
	data, ts, ok := parseToken((*buf)[:0], token)
	if !ok {
		return nil, ErrInvalidToken
	}
	for _, f := range m.fernets {
		if res, err := f.decryptData(dst, data, ts, hasTTL, ttl, now); err == nil {
			return res, nil
		}
	}
	return nil, ErrInvalidToken
}

// Rotate decrypts token with any key, without a ttl, and re-encrypts its
// message under the first key with a new random IV, keeping the token's
// original timestamp (pyca's MultiFernet.rotate). Errors: ErrInvalidToken.
func (m *MultiFernet) Rotate(token []byte) ([]byte, error) { return m.RotateTo(nil, token) }

// RotateTo is Rotate appending the new token to dst, which needs at most
// FernetTokenSize(FernetMaxPlaintextSize(len(token))) bytes of spare capacity.
func (m *MultiFernet) RotateTo(dst, token []byte) ([]byte, error) {
	buf := getBuf(b64DecodedMax(len(token)))
	defer putBuf(buf, false)
	data, ts, ok := parseToken((*buf)[:0], token)
	if !ok {
		return nil, ErrInvalidToken
	}
	pt := getBuf(len(data))
	defer putBuf(pt, true)
	var msg []byte
	for _, f := range m.fernets {
		if res, err := f.decryptData((*pt)[:0], data, ts, false, 0, 0); err == nil {
			msg = res
			break
		}
	}
	if msg == nil {
		return nil, ErrInvalidToken
	}
	defer clear(msg)
	return m.fernets[0].encryptTo(dst, msg, ts, nil)
}

// ExtractTimestamp returns the timestamp of a token that any key
// authenticates (pyca's MultiFernet.extract_timestamp). Errors:
// ErrInvalidToken.
func (m *MultiFernet) ExtractTimestamp(token []byte) (uint64, error) {
	for _, f := range m.fernets {
		if ts, err := f.ExtractTimestamp(token); err == nil {
			return ts, nil
		}
	}
	return 0, ErrInvalidToken
}

// ---------------------------------------------------------------------------
// Buffers and base64.

// grow extends in by n bytes, reusing its capacity when it suffices, and
// returns the whole slice and the new tail (like crypto/cipher's
// sliceForAppend).
func grow(in []byte, n int) (head, tail []byte) {
	total := len(in) + n
	if cap(in) >= total {
		head = in[:total]
	} else {
		head = make([]byte, total)
		copy(head, in)
	}
	return head, head[len(in):]
}

var bufPool = sync.Pool{New: func() any { return new([]byte) }}

// getBuf returns a pooled buffer of capacity at least n.
func getBuf(n int) *[]byte {
	p := bufPool.Get().(*[]byte)
	if cap(*p) < n {
		*p = make([]byte, 0, n)
	}
	return p
}

// putBuf returns a buffer to the pool, zeroing it first when it held
// secrets. Large buffers are left to the garbage collector.
func putBuf(p *[]byte, secret bool) {
	if secret {
		clear((*p)[:cap(*p)])
	}
	if cap(*p) <= 64<<10 {
		bufPool.Put(p)
	}
}

const b64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// b64EncodeInPlace encodes the rawLen bytes at the end of buf as padded
// url-safe base64 filling all of buf, len(buf) == 4*ceil(rawLen/3). Writing
// never overtakes reading: group i is written to [4i, 4i+4) after the input
// up to offset+3i+3 was read, and 4i+4 <= offset+3i+3 since offset >=
// ceil(rawLen/3).
func b64EncodeInPlace(buf []byte, rawLen int) {
	si, di := len(buf)-rawLen, 0
	for ; si+3 <= len(buf); si, di = si+3, di+4 {
		v := uint(buf[si])<<16 | uint(buf[si+1])<<8 | uint(buf[si+2])
		buf[di] = b64URL[v>>18&63]
		buf[di+1] = b64URL[v>>12&63]
		buf[di+2] = b64URL[v>>6&63]
		buf[di+3] = b64URL[v&63]
	}
	switch len(buf) - si {
	case 1:
		v := uint(buf[si]) << 16
		buf[di], buf[di+1], buf[di+2], buf[di+3] = b64URL[v>>18&63], b64URL[v>>12&63], '=', '='
	case 2:
		v := uint(buf[si])<<16 | uint(buf[si+1])<<8
		buf[di], buf[di+1], buf[di+2], buf[di+3] = b64URL[v>>18&63], b64URL[v>>12&63], b64URL[v>>6&63], '='
	}
}

// b64Decode maps a character to its 6-bit value, 0xff for characters outside
// the alphabet. Both alphabets decode ('-' and '+' to 62, '_' and '/' to 63),
// as Python's urlsafe_b64decode translates -_ to +/ and then decodes.
var b64Decode = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xff
	}
	for i := 0; i < len(b64URL); i++ {
		t[b64URL[i]] = byte(i)
	}
	t['+'], t['/'] = 62, 63
	return t
}()

// b64DecodedMax bounds the decoded length of n characters: floor(3n/4).
func b64DecodedMax(n int) int { return n/4*3 + n%4*3/4 }

// pyB64Decode appends to dst the decoding of src by Python's
// base64.urlsafe_b64decode (binascii.a2b_base64 in its default, non-strict
// mode), the decoder pyca uses for keys and tokens:
//   - characters outside the alphabet (including bytes >= 0x80) are skipped;
//   - '=' counts as padding only after at least two data characters of a
//     quantum; once the quantum is complete the rest of the input is ignored;
//   - an incomplete final quantum (1, 2 or 3 characters without enough
//     padding) is an error; unused low bits of the last character are
//     ignored.
func pyB64Decode(dst, src []byte) ([]byte, bool) {
	// Fast path over whole quanta of four alphabet characters; the general
	// loop below takes over from the first other character (its state after
	// whole quanta is quad = 0, pads = 0).
	for len(src) >= 4 {
		a, b, c, d := b64Decode[src[0]], b64Decode[src[1]], b64Decode[src[2]], b64Decode[src[3]]
		if a|b|c|d >= 64 {
			break
		}
		dst = append(dst, a<<2|b>>4, b<<4|c>>2, c<<6|d)
		src = src[4:]
	}
	quad, pads := 0, 0
	var left byte
	for _, c := range src {
		if c == '=' {
			if quad >= 2 {
				pads++
				if quad+pads >= 4 {
					return dst, true
				}
			}
			continue
		}
		v := b64Decode[c]
		if v == 0xff {
			continue
		}
		pads = 0
		switch quad {
		case 0:
			left, quad = v, 1
		case 1:
			dst = append(dst, left<<2|v>>4)
			left, quad = v&0x0f, 2
		case 2:
			dst = append(dst, left<<4|v>>2)
			left, quad = v&0x03, 3
		default:
			dst = append(dst, left<<6|v)
			left, quad = 0, 0
		}
	}
	return dst, quad == 0
}

// ---------------------------------------------------------------------------
// Fast base64 for token bodies.
//
// The codecs below process 6 bytes / 8 characters per step with larger
// tables (8 KiB to encode, 4 KiB to decode). Table lookups indexed by data
// are not constant time in their cache footprint, so they only ever see
// public token bytes (header, ciphertext, HMAC tag); keys keep going through
// b64EncodeInPlace and pyB64Decode, whose tables fit in a few cache lines.

// b64Enc2 maps 12 bits to their two url-safe base64 characters, first
// character in the low byte.
var b64Enc2 = func() (t [1 << 12]uint16) {
	for i := range t {
		t[i] = uint16(b64URL[i>>6]) | uint16(b64URL[i&63])<<8
	}
	return t
}()

// b64Bad marks a character outside the alphabet in b64Dec4; it survives
// ORing the four lookups of a quantum.
const b64Bad = 1 << 31

// b64Dec4[k][c] is character c at position k of a quantum, shifted to its
// place in the 24-bit group (both alphabets, like b64Decode), or b64Bad.
var b64Dec4 = func() (t [4][256]uint32) {
	for c := range 256 {
		v := uint32(b64Decode[c])
		for k := range 4 {
			if v == 0xff {
				t[k][c] = b64Bad
			} else {
				t[k][c] = v << (18 - 6*k)
			}
		}
	}
	return t
}()

// b64Quantum decodes the four characters packed little-endian in v into a
// 24-bit group, with b64Bad set if one is outside the alphabet.
func b64Quantum(v uint32) uint32 {
	t := &b64Dec4
	return t[0][byte(v)] | t[1][byte(v>>8)] | t[2][byte(v>>16)] | t[3][v>>24]
}

// b64DecodeQuanta decodes src, whole quanta of four alphabet characters
// without padding, into dst[:len(src)/4*3]. It reports false if a character
// is outside the alphabet (dst then holds garbage). Not constant time.
func b64DecodeQuanta(dst, src []byte) bool {
	src = src[:len(src)/4*4]
	dst = dst[:len(src)/4*3]
	var bad uint32
	for len(src) >= 8 && len(dst) >= 8 {
		v := binary.LittleEndian.Uint64(src)
		x, y := b64Quantum(uint32(v)), b64Quantum(uint32(v>>32))
		bad |= x | y
		binary.BigEndian.PutUint64(dst, uint64(x)<<40|uint64(y&0xffffff)<<16)
		src, dst = src[8:], dst[6:]
	}
	for len(src) >= 4 && len(dst) >= 3 {
		x := b64Quantum(binary.LittleEndian.Uint32(src))
		bad |= x
		dst[0], dst[1], dst[2] = byte(x>>16), byte(x>>8), byte(x)
		src, dst = src[4:], dst[3:]
	}
	return bad&b64Bad == 0
}

// b64Enc encodes a binary token in place, as its bytes become final: the
// token is built in the last rawLen bytes of buf (len(buf) ==
// 4*ceil(rawLen/3)) and encoded forwards over buf. Every write lands below
// the next byte to read (see b64EncodeInPlace), so the encoder can trail the
// writer of the binary token at any distance.
type b64Enc struct {
	buf    []byte
	si, di int // next binary byte to read, next character to write
}

func newB64Enc(buf []byte, rawLen int) b64Enc {
	return b64Enc{buf: buf, si: len(buf) - rawLen}
}

// upTo encodes the whole 3-byte groups before buf[end]; it reads nothing at
// or after end.
func (e *b64Enc) upTo(end int) {
	buf, si, di := e.buf[:end], e.si, e.di
	// 8-byte loads and stores: the store [di, di+8) stays below si+6 (the
	// first unread byte) as di+8 <= si+6 <=> group+2 <= offset, true while
	// si+8 <= len(buf).
	for ; si+8 <= len(buf); si, di = si+6, di+8 {
		v := binary.BigEndian.Uint64(buf[si:])
		binary.LittleEndian.PutUint64(buf[di:], uint64(b64Enc2[v>>52])|
			uint64(b64Enc2[v>>40&0xfff])<<16|
			uint64(b64Enc2[v>>28&0xfff])<<32|
			uint64(b64Enc2[v>>16&0xfff])<<48)
	}
	for ; si+3 <= len(buf); si, di = si+3, di+4 {
		v := uint(buf[si])<<16 | uint(buf[si+1])<<8 | uint(buf[si+2])
		binary.LittleEndian.PutUint32(buf[di:], uint32(b64Enc2[v>>12])|uint32(b64Enc2[v&0xfff])<<16)
	}
	e.si, e.di = si, di
}

// finish encodes the rest of the token, with padding.
func (e *b64Enc) finish() {
	e.upTo(len(e.buf))
	buf, si, di := e.buf, e.si, e.di
	switch len(buf) - si {
	case 1:
		v := uint(buf[si]) << 4
		buf[di], buf[di+1], buf[di+2], buf[di+3] = byte(b64Enc2[v]), byte(b64Enc2[v]>>8), '=', '='
	case 2:
		v := uint(buf[si])<<16 | uint(buf[si+1])<<8
		buf[di], buf[di+1] = byte(b64Enc2[v>>12]), byte(b64Enc2[v>>12]>>8)
		buf[di+2], buf[di+3] = byte(b64Enc2[v&0xfff]), '='
	}
}

// ---------------------------------------------------------------------------
// Streaming paths for large tokens.

const (
	// fernetChunk is the step of the fused single-core loops: small enough
	// that a chunk stays in L1 between its CBC, HMAC and base64 passes.
	fernetChunk = 3 << 10
	// fernetParallelMin is the ciphertext size from which encryption and
	// decryption use a second goroutine. Measured on a loaded 2-core
	// machine: at 64 and 128 KiB the hand-off costs about what it saves
	// (the second core is often busy), at 1 MiB it saves 20-35%.
	fernetParallelMin = 256 << 10
	// fernetParChunk is the hand-off step between the two goroutines.
	fernetParChunk = 16 << 10
)

// parallelOK reports whether a second goroutine can run at the same time.
func parallelOK() bool { return runtime.GOMAXPROCS(0) > 1 }

// decryptCanonical is decryptTo for tokens in canonical form (a multiple of
// 4 characters, all in the alphabet but for at most two final '=', and a
// whole number of AES blocks): the form every encoder writes. It decodes,
// authenticates and decrypts in one streaming pass, writing the ciphertext
// straight into dst's spare capacity and decrypting it in place there: no
// buffer for the decoded token. The plaintext is released only if the HMAC
// verifies (otherwise the output region is zeroed), and the padding is looked
// at only after that, so no padding oracle appears. For any other token it
// returns ok == false, having written nothing, and the general path (which
// implements every quirk of Python's decoder) takes over; the results of both
// paths are the same for canonical tokens.
func (f *Fernet) decryptCanonical(dst, token []byte, hasTTL bool, ttl, now int64) (res []byte, handled bool, err error) {
	n := len(token)
	const minLen = (fernetOverhead + aes.BlockSize + 2) / 3 * 4 // 100
	if n%4 != 0 || n < minLen {
		return nil, false, nil
	}
	pads := 0
	if token[n-1] == '=' {
		pads++
		if token[n-2] == '=' {
			pads++
		}
	}
	rawLen := n/4*3 - pads
	ctLen := rawLen - fernetOverhead
	if ctLen%aes.BlockSize != 0 {
		return nil, false, nil
	}
	block := f.block
	s, live := f.getState()
	if !live || block == nil {
		return nil, true, ErrInvalidToken
	}
	defer f.putState(s)
	// The first 9 quanta hold the header and 2 ciphertext bytes.
	const hdrChars, hdrLen = 36, len(s.hdr)
	hdr := s.hdr[:]
	if !b64DecodeQuanta(hdr, token[:hdrChars]) {
		return nil, false, nil
	}
	// The tail, from the last quantum wholly inside the ciphertext but its
	// last block: at most 2 + 16 + 32 bytes, plus the padding quantum.
	full := ctLen - aes.BlockSize
	qEnd := max(hdrChars/4, (fernetHeader+full)/3)
	tail := s.tail[:]
	tailRaw := n/4*3 - 3*qEnd
	last := token[n-4:]
	if !b64DecodeQuanta(tail, token[4*qEnd:n-4]) {
		return nil, false, nil
	}
	var q [4]byte
	copy(q[:], last)
	for i := 4 - pads; i < 4; i++ {
		q[i] = 'A'
	}
	if !b64DecodeQuanta(tail[tailRaw-3:], q[:]) {
		return nil, false, nil
	}
	tailRaw -= pads

	if hdr[0] != fernetVersion {
		return nil, true, ErrInvalidToken
	}
	ts := binary.BigEndian.Uint64(hdr[1:9])
	if hasTTL && (tokenExpired(ts, ttl, now) || tokenFromFuture(ts, now)) {
		return nil, true, ErrInvalidToken
	}
	ret, out := grow(dst, ctLen-1)
	tag := s.tag[:]
	// place copies the raw token bytes b, from raw offset r, where they
	// belong: the ciphertext but its last block to out, the last block to
	// s.last, the HMAC tag to tag.
	place := func(r int, b []byte) {
		for _, reg := range [3]struct {
			lo  int
			dst []byte
		}{{fernetHeader, out[:full]}, {fernetHeader + full, s.last[:]}, {fernetHeader + ctLen, tag}} {
			if i0, i1 := max(reg.lo, r), min(reg.lo+len(reg.dst), r+len(b)); i0 < i1 {
				copy(reg.dst[i0-reg.lo:], b[i0-r:i1-r])
			}
		}
	}
	place(0, hdr)
	const bodyOff = hdrLen - fernetHeader
	body := out[bodyOff : 3*qEnd-fernetHeader]
	chars := token[hdrChars : 4*qEnd]
	cbc := s.cbcDecrypter(block, hdr[9:fernetHeader])
	s.mac.Reset()
	s.mac.Write(hdr[:fernetHeader])
	c, m := 0, 0 // out[:c] is decrypted, out[:m] authenticated
	if full >= fernetParallelMin && parallelOK() {
		var good bool
		if c, m, good = fernetDecryptParallel(s, cbc, out[:full], bodyOff, chars); !good {
			clear(out)
			return nil, false, nil
		}
	} else {
		// One pass over L1-sized chunks: decode, HMAC, then decrypt in place.
		for i := 0; i < len(chars); i += fernetChunk / 3 * 4 {
			src := chars[i:min(i+fernetChunk/3*4, len(chars))]
			if !b64DecodeQuanta(body[i/4*3:], src) {
				clear(out)
				return nil, false, nil
			}
			end := bodyOff + (i+len(src))/4*3
			s.mac.Write(out[m:end])
			m = end
			e := end &^ (aes.BlockSize - 1)
			cbc.CryptBlocks(out[c:e], out[c:e])
			c = e
		}
	}
	place(3*qEnd, tail[:tailRaw])
	s.mac.Write(out[m:full])
	s.mac.Write(s.last[:])
	cbc.CryptBlocks(out[c:full], out[c:full])
	sum := s.mac.Sum(s.sum[:0])
	cbc.CryptBlocks(s.last[:], s.last[:])
	if !hmac.Equal(sum, tag) {
		clear(out)
		return nil, true, ErrInvalidToken
	}
	pad, good := pkcs7PadLen(&s.last)
	if !good {
		clear(out)
		return nil, true, ErrInvalidToken
	}
	copy(out[full:], s.last[:aes.BlockSize-pad])
	return ret[:len(dst)+ctLen-pad], true, nil
}

// fernetDecryptParallel is the body loop of decryptCanonical on two
// goroutines, without duplicating any work: the caller decodes the body
// quanta (chars) into out[bodyOff:] and feeds the HMAC, chunk by chunk, and
// hands each fernetParChunk of authenticated-so-far ciphertext to a helper
// goroutine that CBC-decrypts it in place. It returns how much of out is
// decrypted (c) and fed to the HMAC (m), or false if a character is outside
// the alphabet. Nothing is released here: the caller checks the HMAC before
// anything else.
func fernetDecryptParallel(s *fernetState, cbc cipher.BlockMode, out []byte, bodyOff int, chars []byte) (c, m int, good bool) {
	const step = fernetChunk / 3 * 4
	steps := make(chan int, len(chars)/4*3/fernetParChunk+2)
	done := make(chan any, 1)
	go func() {
		c := 0
		defer func() {
			if r := recover(); r != nil {
				done <- helperPanic{r}
				return
			}
			done <- c
		}()
		for e := range steps {
			e &^= aes.BlockSize - 1
			cbc.CryptBlocks(out[c:e], out[c:e])
			c = e
		}
	}()
	good, sent := true, 0
	for i := 0; i < len(chars); i += step {
		src := chars[i:min(i+step, len(chars))]
		if !b64DecodeQuanta(out[bodyOff+i/4*3:], src) {
			good = false
			break
		}
		end := bodyOff + (i+len(src))/4*3
		s.mac.Write(out[m:end])
		m = end
		if m-sent >= fernetParChunk {
			steps <- m
			sent = m
		}
	}
	if good && sent < m {
		steps <- m
	}
	close(steps)
	switch r := (<-done).(type) {
	case helperPanic:
		panic(r.v)
	case int:
		c = r
	}
	return c, m, good
}

// helperPanic carries a helper goroutine's panic to the calling goroutine,
// where the C ABI's guard can recover it.
type helperPanic struct{ v any }

// fernetEncryptParallel is the body loop of encryptTo on two goroutines: a
// helper CBC-encrypts msg into the token chunk by chunk, while the caller
// authenticates and base64-encodes each chunk behind it.
func fernetEncryptParallel(s *fernetState, cbc cipher.BlockMode, enc *b64Enc, off int, raw, msg []byte) {
	full := len(msg)
	body := raw[fernetHeader:]
	steps := make(chan int, (full+fernetParChunk-1)/fernetParChunk+1)
	var panicked any // written before the helper's last send
	go func() {
		defer func() {
			if r := recover(); r != nil {
				panicked = r
				steps <- -1
			}
		}()
		for p := 0; p < full; {
			q := min(p+fernetParChunk, full)
			cbc.CryptBlocks(body[p:q], msg[p:q])
			steps <- q
			p = q
		}
	}()
	s.mac.Write(raw[:fernetHeader])
	for p := 0; p < full; {
		q := <-steps
		if q < 0 {
			panic(panicked)
		}
		s.mac.Write(body[p:q])
		enc.upTo(off + fernetHeader + q)
		p = q
	}
}
