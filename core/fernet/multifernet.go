package fernet

import (
	"time"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/internal/b64"
	"github.com/cryptogo/libcrypto-go/core/internal/buffer"
)

// MultiFernet is pyca's cryptography.fernet.MultiFernet: key rotation over
// several Fernet keys. It encrypts with the first key and decrypts with any;
// Rotate re-encrypts a token under the first key. Safe for concurrent use,
// except Wipe.
type MultiFernet struct {
	fernets []*Fernet
}

// NewMultiFernet returns a MultiFernet over copies of the given keys (so
// wiping or freeing one of them later does not affect it), first key first.
// Errors: core.ErrInvalidArgument ("MultiFernet requires at least one Fernet
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
// MultiFernet.decrypt); ttl as in Fernet.Decrypt. Errors: core.ErrInvalidToken
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
	if outOverlaps(dst, token) {
		return nil, errFernetOverlap
	}
	buf := buffer.Get(b64.DecodedMax(len(token)))
	defer buffer.Put(buf, false)
	data, ts, ok := parseToken((*buf)[:0], token)
	if !ok {
		return nil, core.ErrInvalidToken
	}
	for _, f := range m.fernets {
		if res, err := f.decryptData(dst, data, ts, hasTTL, ttl, now); err == nil {
			return res, nil
		}
	}
	return nil, core.ErrInvalidToken
}

// Rotate decrypts token with any key, without a ttl, and re-encrypts its
// message under the first key with a new random IV, keeping the token's
// original timestamp (pyca's MultiFernet.rotate). Errors: core.ErrInvalidToken.
func (m *MultiFernet) Rotate(token []byte) ([]byte, error) { return m.RotateTo(nil, token) }

// RotateTo is Rotate appending the new token to dst, which needs at most
// TokenSize(MaxPlaintextSize(len(token))) bytes of spare capacity.
func (m *MultiFernet) RotateTo(dst, token []byte) ([]byte, error) {
	buf := buffer.Get(b64.DecodedMax(len(token)))
	defer buffer.Put(buf, false)
	data, ts, ok := parseToken((*buf)[:0], token)
	if !ok {
		return nil, core.ErrInvalidToken
	}
	pt := buffer.Get(len(data))
	defer buffer.Put(pt, true)
	var msg []byte
	for _, f := range m.fernets {
		if res, err := f.decryptData((*pt)[:0], data, ts, false, 0, 0); err == nil {
			msg = res
			break
		}
	}
	if msg == nil {
		return nil, core.ErrInvalidToken
	}
	defer clear(msg)
	return m.fernets[0].encryptTo(dst, msg, ts, nil)
}

// ExtractTimestamp returns the timestamp of a token that any key
// authenticates (pyca's MultiFernet.extract_timestamp). Errors:
// core.ErrInvalidToken.
func (m *MultiFernet) ExtractTimestamp(token []byte) (uint64, error) {
	for _, f := range m.fernets {
		if ts, err := f.ExtractTimestamp(token); err == nil {
			return ts, nil
		}
	}
	return 0, core.ErrInvalidToken
}
