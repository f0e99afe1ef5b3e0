package fernet

import (
	"crypto/aes"
	"crypto/hmac"
	"crypto/subtle"
	"encoding/binary"
	"math/bits"
	"time"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/internal/alias"
	"github.com/cryptogo/libcrypto-go/core/internal/b64"
	"github.com/cryptogo/libcrypto-go/core/internal/buffer"
	"github.com/cryptogo/libcrypto-go/core/internal/errs"
)

// Decrypt returns the message in token (pyca's Fernet.decrypt). With a
// non-nil ttl (seconds) the token must not be older than ttl nor more than
// MaxClockSkew seconds in the future, by the current time. The token
// is decoded as pyca decodes it (see New). Errors: core.ErrInvalidToken for
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
// checks made before the HMAC. Errors: core.ErrInvalidToken.
func (f *Fernet) DecryptAtTime(token []byte, ttl, now int64) ([]byte, error) {
	return f.decryptTo(nil, token, true, ttl, now)
}

// DecryptAtTimeTo is DecryptAtTime appending the message to dst.
func (f *Fernet) DecryptAtTimeTo(dst, token []byte, ttl, now int64) ([]byte, error) {
	return f.decryptTo(dst, token, true, ttl, now)
}

func (f *Fernet) decryptTo(dst, token []byte, hasTTL bool, ttl, now int64) ([]byte, error) {
	if outOverlaps(dst, token) {
		return nil, errFernetOverlap
	}
	if res, handled, err := f.decryptCanonical(dst, token, hasTTL, ttl, now); handled {
		return res, err
	}
	return f.decryptGeneral(dst, token, hasTTL, ttl, now)
}

// errFernetOverlap rejects an output region that overlaps the token, before
// the token is read or anything is written: the streaming path decrypts in
// the output region while it still reads the token, and clears the region
// on failure, which would destroy the caller's token.
var errFernetOverlap = errs.Invalid("the output buffer overlaps the token")

// outOverlaps reports whether the region a decryption of token writes in
// dst's spare capacity (at most MaxPlaintextSize(len(token)) bytes) overlaps
// token.
func outOverlaps(dst, token []byte) bool {
	n := min(MaxPlaintextSize(len(token)), cap(dst)-len(dst))
	return alias.AnyOverlap(dst[len(dst):len(dst)+n], token)
}

// decryptGeneral decodes the whole token with Python's decoder into a
// buffer, then authenticates and decrypts it.
func (f *Fernet) decryptGeneral(dst, token []byte, hasTTL bool, ttl, now int64) ([]byte, error) {
	buf := buffer.Get(b64.DecodedMax(len(token)))
	defer buffer.Put(buf, false)
	data, ts, ok := parseToken((*buf)[:0], token)
	if !ok {
		return nil, core.ErrInvalidToken
	}
	return f.decryptData(dst, data, ts, hasTTL, ttl, now)
}

// ExtractTimestamp returns the timestamp of token (Unix seconds) after
// verifying its HMAC, as pyca's Fernet.extract_timestamp does; it does not
// decrypt. Errors: core.ErrInvalidToken.
func (f *Fernet) ExtractTimestamp(token []byte) (uint64, error) {
	buf := buffer.Get(b64.DecodedMax(len(token)))
	defer buffer.Put(buf, false)
	data, ts, ok := parseToken((*buf)[:0], token)
	if !ok {
		return 0, core.ErrInvalidToken
	}
	s, ok := f.getState()
	if !ok {
		return 0, core.ErrInvalidToken
	}
	defer f.putState(s)
	if !verifyMAC(s, data) {
		return 0, core.ErrInvalidToken
	}
	return ts, nil
}

// parseToken decodes token into dst and reads its version and timestamp
// (pyca's _get_unverified_token_data).
func parseToken(dst, token []byte) (data []byte, ts uint64, ok bool) {
	data, ok = b64.PyDecode(dst, token)
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
// with the key (an IV shorter than 16 bytes) are core.ErrInvalidToken too.
func (f *Fernet) decryptData(dst, data []byte, ts uint64, hasTTL bool, ttl, now int64) ([]byte, error) {
	if hasTTL && (tokenExpired(ts, ttl, now) || tokenFromFuture(ts, now)) {
		return nil, core.ErrInvalidToken
	}
	block := f.block
	s, ok := f.getState()
	if !ok || block == nil {
		return nil, core.ErrInvalidToken
	}
	defer f.putState(s)
	if !verifyMAC(s, data) || len(data) < fernetOverhead {
		return nil, core.ErrInvalidToken
	}
	ct := data[fernetHeader : len(data)-fernetMACSize]
	if len(ct) == 0 || len(ct)%aes.BlockSize != 0 {
		return nil, core.ErrInvalidToken
	}
	full := len(ct) - aes.BlockSize
	ret, out := buffer.Grow(dst, len(ct)-1)
	cbc := s.cbcDecrypter(block, data[9:fernetHeader])
	cbc.CryptBlocks(out[:full], ct[:full])
	cbc.CryptBlocks(s.last[:], ct[full:])
	pad, ok := pkcs7PadLen(&s.last)
	if !ok {
		clear(out)
		return nil, core.ErrInvalidToken
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

// tokenFromFuture reports now + MaxClockSkew < timestamp, exactly.
func tokenFromFuture(ts uint64, now int64) bool {
	return s128(now).add(s128(MaxClockSkew)).less(u128(ts))
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
		return nil, true, core.ErrInvalidToken
	}
	defer f.putState(s)
	// The first 9 quanta hold the header and 2 ciphertext bytes.
	const hdrChars, hdrLen = 36, len(s.hdr)
	hdr := s.hdr[:]
	if !b64.DecodeQuanta(hdr, token[:hdrChars]) {
		return nil, false, nil
	}
	// The tail, from the last quantum wholly inside the ciphertext but its
	// last block: at most 2 + 16 + 32 bytes, plus the padding quantum.
	full := ctLen - aes.BlockSize
	qEnd := max(hdrChars/4, (fernetHeader+full)/3)
	tail := s.tail[:]
	tailRaw := n/4*3 - 3*qEnd
	last := token[n-4:]
	if !b64.DecodeQuanta(tail, token[4*qEnd:n-4]) {
		return nil, false, nil
	}
	var q [4]byte
	copy(q[:], last)
	for i := 4 - pads; i < 4; i++ {
		q[i] = 'A'
	}
	if !b64.DecodeQuanta(tail[tailRaw-3:], q[:]) {
		return nil, false, nil
	}
	tailRaw -= pads

	if hdr[0] != fernetVersion {
		return nil, true, core.ErrInvalidToken
	}
	ts := binary.BigEndian.Uint64(hdr[1:9])
	if hasTTL && (tokenExpired(ts, ttl, now) || tokenFromFuture(ts, now)) {
		return nil, true, core.ErrInvalidToken
	}
	ret, out := buffer.Grow(dst, ctLen-1)
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
			if !b64.DecodeQuanta(body[i/4*3:], src) {
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
		return nil, true, core.ErrInvalidToken
	}
	pad, good := pkcs7PadLen(&s.last)
	if !good {
		clear(out)
		return nil, true, core.ErrInvalidToken
	}
	copy(out[full:], s.last[:aes.BlockSize-pad])
	return ret[:len(dst)+ctLen-pad], true, nil
}
