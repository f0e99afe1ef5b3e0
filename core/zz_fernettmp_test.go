package core

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/sha256"
	"testing"
)

func BenchmarkTmpParts(b *testing.B) {
	const n = 1 << 20
	raw := make([]byte, n)
	enc := make([]byte, (n+2)/3*4)
	blk, _ := aes.NewCipher(make([]byte, 16))
	b.Run("b64enc", func(b *testing.B) {
		b.SetBytes(n)
		for b.Loop() {
			copy(enc[len(enc)-n:], raw)
			b64EncodeInPlace(enc, n)
		}
	})
	b64EncodeInPlace(enc, 0)
	tok := make([]byte, len(enc))
	copy(tok[len(tok)-n:], raw)
	b64EncodeInPlace(tok, n)
	b.Run("b64dec", func(b *testing.B) {
		b.SetBytes(n)
		for b.Loop() {
			pyB64Decode(raw[:0], tok)
		}
	})
	b.Run("hmac", func(b *testing.B) {
		b.SetBytes(n)
		h := hmac.New(sha256.New, make([]byte, 16))
		for b.Loop() {
			h.Reset()
			h.Write(raw)
			h.Sum(nil)
		}
	})
	b.Run("cbcenc", func(b *testing.B) {
		b.SetBytes(n)
		m := cipher.NewCBCEncrypter(blk, make([]byte, 16))
		for b.Loop() {
			m.CryptBlocks(enc[:n], raw)
		}
	})
	b.Run("cbcdec", func(b *testing.B) {
		b.SetBytes(n)
		m := cipher.NewCBCDecrypter(blk, make([]byte, 16))
		for b.Loop() {
			m.CryptBlocks(enc[:n], raw)
		}
	})
	b.Run("ctr", func(b *testing.B) {
		b.SetBytes(n)
		m := cipher.NewCTR(blk, make([]byte, 16))
		for b.Loop() {
			m.XORKeyStream(enc[:n], raw)
		}
	})
	b.Run("memmove", func(b *testing.B) {
		b.SetBytes(n)
		for b.Loop() {
			copy(enc[:n], raw)
		}
	})
}
