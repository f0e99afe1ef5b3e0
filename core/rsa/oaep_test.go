package rsa

import (
	"bytes"
	"testing"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/hash"
)

func TestRSAOAEP(t *testing.T) {
	k, e3 := testRSAKeys(t)
	pub := k.PublicKey()
	msg := []byte("attack at dawn")
	for _, h := range oaepHashes {
		for _, m := range oaepHashes {
			for _, label := range [][]byte{nil, []byte("label")} {
				ct, err := pub.EncryptOAEP(msg, label, h, m)
				if err != nil {
					t.Fatal(h, m, err)
				}
				if len(ct) != 256 {
					t.Fatal(len(ct))
				}
				pt, err := k.DecryptOAEP(ct, label, h, m)
				if err != nil || !bytes.Equal(pt, msg) {
					t.Fatal(h, m, pt, err)
				}
				if h == hash.SHA256 && m == hash.SHA1 {
					_, err = k.DecryptOAEP(ct, []byte("other"), h, m)
					wantErr(t, err, core.ErrDecryption, "wrong label")
					_, err = k.DecryptOAEP(ct, label, h, hash.SHA256)
					wantErr(t, err, core.ErrDecryption, "wrong MGF1 hash")
					_, err = k.DecryptOAEP(ct, label, hash.SHA1, m)
					wantErr(t, err, core.ErrDecryption, "wrong OAEP hash")
				}
			}
		}
	}
	// Empty and maximal messages; one byte too long.
	for _, n := range []int{0, pub.MaxOAEPPlaintextSize(hash.SHA256)} {
		m := bytes.Repeat([]byte{7}, n)
		ct, err := pub.EncryptOAEP(m, nil, hash.SHA256, hash.SHA256)
		if err != nil {
			t.Fatal(err)
		}
		if pt, err := k.DecryptOAEP(ct, nil, hash.SHA256, hash.SHA256); err != nil || !bytes.Equal(pt, m) {
			t.Fatal(n, err)
		}
	}
	if pub.MaxOAEPPlaintextSize(hash.SHA256) != 256-66 || k.MaxOAEPPlaintextSize(hash.SHA512) != 256-130 {
		t.Fatal("max plaintext size")
	}
	_, err := pub.EncryptOAEP(make([]byte, 256-65), nil, hash.SHA256, hash.SHA256)
	wantErr(t, err, core.ErrInvalidArgument, "message too long")
	// The 1025-bit e=3 key with SHA-512 (k = 129 < 2*64+2): nothing fits.
	_, err = e3.PublicKey().EncryptOAEP(nil, nil, hash.SHA512, hash.SHA512)
	wantErr(t, err, core.ErrInvalidArgument, "key too small for hash")
	// Unsupported hashes.
	for _, h := range []hash.Algorithm{hash.SHA3_256, hash.BLAKE2b, hash.SHAKE128, hash.MD5, 0, 99} {
		_, err = pub.EncryptOAEP(msg, nil, h, hash.SHA256)
		wantErr(t, err, core.ErrUnsupportedAlgorithm, "OAEP hash")
		_, err = pub.EncryptOAEP(msg, nil, hash.SHA256, h)
		wantErr(t, err, core.ErrUnsupportedAlgorithm, "MGF1 hash")
		_, err = k.DecryptOAEP(make([]byte, 256), nil, h, hash.SHA256)
		wantErr(t, err, core.ErrUnsupportedAlgorithm, "OAEP hash")
	}
	// Wrong ciphertext length: pyca's ValueError; a value >= n, garbage: failure.
	ct, _ := pub.EncryptOAEP(msg, nil, hash.SHA256, hash.SHA256)
	for _, bad := range [][]byte{nil, ct[1:], append([]byte{0}, ct...)} {
		_, err = k.DecryptOAEP(bad, nil, hash.SHA256, hash.SHA256)
		wantErr(t, err, core.ErrInvalidArgument, "ciphertext length")
	}
	for _, bad := range [][]byte{bytes.Repeat([]byte{0xff}, 256), make([]byte, 256), k.Key().N.Bytes()} {
		_, err = k.DecryptOAEP(bad, nil, hash.SHA256, hash.SHA256)
		wantErr(t, err, core.ErrDecryption, "bad ciphertext")
	}
	bad := bytes.Clone(ct)
	bad[100] ^= 1
	_, err = k.DecryptOAEP(bad, nil, hash.SHA256, hash.SHA256)
	wantErr(t, err, core.ErrDecryption, "modified ciphertext")
}
