package fernet

import (
	"bytes"
	"errors"
	"testing"

	"github.com/cryptogo/libcrypto-go/core"
)

func TestMultiFernet(t *testing.T) {
	k1, k2, k3 := mustFernet(t, string(GenerateKey())), mustFernet(t, string(GenerateKey())), mustFernet(t, string(GenerateKey()))
	if _, err := NewMultiFernet(nil); !errors.Is(err, core.ErrInvalidArgument) || err.Error() != "invalid argument: MultiFernet requires at least one Fernet instance" {
		t.Errorf("empty MultiFernet: %v", err)
	}
	if _, err := NewMultiFernet([]*Fernet{k1, nil}); !errors.Is(err, core.ErrInvalidArgument) {
		t.Errorf("nil entry: %v", err)
	}
	m, err := NewMultiFernet([]*Fernet{k1, k2})
	if err != nil {
		t.Fatal(err)
	}
	tok, _ := m.EncryptAtTime([]byte("m"), 1000)
	if _, err := k1.Decrypt(tok, nil); err != nil {
		t.Errorf("MultiFernet does not encrypt with the first key: %v", err)
	}
	if _, err := k2.Decrypt(tok, nil); err == nil {
		t.Error("second key decrypts a first-key token")
	}
	old, _ := k2.EncryptAtTime([]byte("old"), 500)
	for _, c := range []struct {
		tok  []byte
		want string
	}{{tok, "m"}, {old, "old"}} {
		if got, err := m.Decrypt(c.tok, nil); err != nil || string(got) != c.want {
			t.Errorf("Decrypt: %q, %v", got, err)
		}
		if got, err := m.DecryptAtTime(c.tok, 10000, 1010); err != nil || string(got) != c.want {
			t.Errorf("DecryptAtTime: %q, %v", got, err)
		}
	}
	if _, err := m.DecryptAtTime(old, 10, 1000); !errors.Is(err, core.ErrInvalidToken) {
		t.Errorf("expired through MultiFernet: %v", err)
	}
	foreign, _ := k3.Encrypt([]byte("z"))
	if _, err := m.Decrypt(foreign, nil); !errors.Is(err, core.ErrInvalidToken) {
		t.Errorf("foreign token: %v", err)
	}
	if ts, err := m.ExtractTimestamp(old); err != nil || ts != 500 {
		t.Errorf("ExtractTimestamp = %d, %v", ts, err)
	}
	if _, err := m.ExtractTimestamp(foreign); !errors.Is(err, core.ErrInvalidToken) {
		t.Errorf("ExtractTimestamp(foreign): %v", err)
	}

	// Rotate: re-encrypted under the first key, same timestamp, new IV.
	rot, err := m.Rotate(old)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := k1.Decrypt(rot, nil); err != nil || string(got) != "old" {
		t.Errorf("rotated token under the first key: %q, %v", got, err)
	}
	if ts, _ := k1.ExtractTimestamp(rot); ts != 500 {
		t.Errorf("rotated timestamp %d, want 500", ts)
	}
	rot2, _ := m.Rotate(old)
	if bytes.Equal(rot, rot2) {
		t.Error("two rotations gave the same token (IV reused)")
	}
	// Rotate ignores ttl entirely (pyca passes no time info).
	ancient, _ := k2.EncryptAtTime([]byte("a"), 0)
	if _, err := m.Rotate(ancient); err != nil {
		t.Errorf("rotate of an old token: %v", err)
	}
	if _, err := m.Rotate(foreign); !errors.Is(err, core.ErrInvalidToken) {
		t.Errorf("rotate of a foreign token: %v", err)
	}
	if _, err := m.Rotate([]byte("%%%")); !errors.Is(err, core.ErrInvalidToken) {
		t.Errorf("rotate of garbage: %v", err)
	}
	dst := make([]byte, 0, TokenSize(MaxPlaintextSize(len(old))))
	rot3, err := m.RotateTo(dst, old)
	if err != nil || &rot3[0] != &dst[:1][0] {
		t.Errorf("RotateTo did not write in place: %v", err)
	}

	// The MultiFernet owns copies: wiping the originals changes nothing.
	k1.Wipe()
	k2.Wipe()
	if got, err := m.Decrypt(old, nil); err != nil || string(got) != "old" {
		t.Errorf("after wiping the source keys: %q, %v", got, err)
	}
	if _, err := NewMultiFernet([]*Fernet{k1}); !errors.Is(err, core.ErrInvalidArgument) {
		t.Errorf("wiped entry: %v", err)
	}
	m.Wipe()
	if _, err := m.Decrypt(old, nil); !errors.Is(err, core.ErrInvalidToken) {
		t.Errorf("after MultiFernet.Wipe: %v", err)
	}
}
