package keys

import (
	"encoding/pem"
	"errors"
	"fmt"
	"testing"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/internal/pbe"
)

// TestKeysWrongPasswordOneError: whatever a wrong password decrypts to (bad
// padding, or good padding and garbage), the error is the same value.
func TestKeysWrongPasswordOneError(t *testing.T) {
	data := keysReadFile(t, "enc_ossl_legacy_aes128.pem") // EVP_BytesToKey: cheap to try many
	blk, _ := pem.Decode(data)
	dekInfo := blk.Headers["DEK-Info"]
	goodPadding := 0
	for i := range 3000 {
		password := fmt.Appendf(nil, "wrong %d", i)
		_, err := LoadRSAPrivateKey(data, password, EncodingPEM)
		if err != pbe.ErrIncorrectPassword {
			t.Fatalf("password %d: %v", i, err)
		}
		// The decryption alone (AES-128-CBC, EVP_BytesToKey) fails only on
		// the padding.
		if _, err := pbe.DecryptLegacyPEM(dekInfo, true, blk.Bytes, password); err == nil {
			goodPadding++ // this one failed after the padding check
		}
	}
	if goodPadding == 0 {
		t.Errorf("no wrong password gave a valid padding: the parse-failure path was not exercised")
	}
	t.Logf("3000 wrong passwords, %d with valid padding: one error for all", goodPadding)
}

// buildEPKI assembles an EncryptedPrivateKeyInfo around PBES2 parameters.
func keysBuildEPKI(kdf func(b *cryptobyte.Builder), encOID []int, encParams func(b *cryptobyte.Builder)) []byte {
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1ObjectIdentifier(pbe.OIDPBES2)
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				b.AddASN1(cbasn1.SEQUENCE, kdf)
				b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
					b.AddASN1ObjectIdentifier(encOID)
					encParams(b)
				})
			})
		})
		b.AddASN1OctetString(make([]byte, 32))
	})
	return b.BytesOrPanic()
}

func keysPBKDF2Params(iter int64, prf []int) func(b *cryptobyte.Builder) {
	return func(b *cryptobyte.Builder) {
		b.AddASN1ObjectIdentifier(pbe.OIDPBKDF2)
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1OctetString(make([]byte, 8))
			b.AddASN1Int64(iter)
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				b.AddASN1ObjectIdentifier(prf)
				b.AddASN1NULL()
			})
		})
	}
}

func keysIVParam(n int) func(b *cryptobyte.Builder) {
	return func(b *cryptobyte.Builder) { b.AddASN1OctetString(make([]byte, n)) }
}

// TestKeysEncryptedPKCS8Errors covers parameters no fixture has: they must fail
// fast with the right kind, in pyca's order (structure, password, algorithm).
func TestKeysEncryptedPKCS8Errors(t *testing.T) {
	sha256OID := []int(pbe.OIDHMACWithSHA256)
	scryptHuge := func(b *cryptobyte.Builder) {
		b.AddASN1ObjectIdentifier(pbe.OIDScrypt)
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1OctetString(make([]byte, 8))
			b.AddASN1Int64(1 << 30) // N: 128 GiB with r = 8
			b.AddASN1Int64(8)
			b.AddASN1Int64(1)
		})
	}
	rc2Params := func(version int64) func(b *cryptobyte.Builder) {
		return func(b *cryptobyte.Builder) {
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				b.AddASN1Int64(version)
				b.AddASN1OctetString(make([]byte, 8))
			})
		}
	}
	cases := []struct {
		name         string
		der          []byte
		withPassword error // with a password
		noPassword   error // with none
	}{
		{"scrypt needing 128 GiB", keysBuildEPKI(scryptHuge, pbe.OIDAES256CBC, keysIVParam(16)), core.ErrBadKeyData, core.ErrPasswordRequired},
		{"iterations 0", keysBuildEPKI(keysPBKDF2Params(0, sha256OID), pbe.OIDAES256CBC, keysIVParam(16)), core.ErrBadKeyData, core.ErrPasswordRequired},
		{"unknown PRF", keysBuildEPKI(keysPBKDF2Params(1, []int{1, 2, 840, 113549, 2, 99}), pbe.OIDAES256CBC, keysIVParam(16)), core.ErrBadKeyData, core.ErrPasswordRequired},
		{"unknown cipher", keysBuildEPKI(keysPBKDF2Params(1, sha256OID), []int{1, 2, 3}, keysIVParam(16)), core.ErrBadKeyData, core.ErrPasswordRequired},
		{"RC2 40-bit", keysBuildEPKI(keysPBKDF2Params(1, sha256OID), pbe.OIDRC2CBC, rc2Params(160)), core.ErrBadKeyData, core.ErrPasswordRequired},
		{"AES IV of 8 bytes", keysBuildEPKI(keysPBKDF2Params(1, sha256OID), pbe.OIDAES256CBC, keysIVParam(8)), core.ErrBadKeyData, core.ErrBadKeyData},
		{"3DES IV of 16 bytes", keysBuildEPKI(keysPBKDF2Params(1, sha256OID), pbe.OIDDESEDE3CBC, keysIVParam(16)), core.ErrBadKeyData, core.ErrBadKeyData},
		{"zero ciphertext, good params", keysBuildEPKI(keysPBKDF2Params(1, sha256OID), pbe.OIDAES128CBC, keysIVParam(16)), core.ErrBadKeyData, core.ErrPasswordRequired},
	}
	for _, c := range cases {
		if _, err := LoadRSAPrivateKey(c.der, []byte("pw"), EncodingDER); !errors.Is(err, c.withPassword) {
			t.Errorf("%s, with password: %v, want %v", c.name, err, c.withPassword)
		}
		if _, err := LoadRSAPrivateKey(c.der, nil, EncodingDER); !errors.Is(err, c.noPassword) {
			t.Errorf("%s, without password: %v, want %v", c.name, err, c.noPassword)
		}
	}
	// PKCS #12 schemes need a UTF-8 password.
	if _, err := LoadRSAPrivateKey(keysReadFile(t, "enc_ossl_pbes1_sha1_3des.pem"), []byte{0xff, 0xfe}, EncodingPEM); err != pbe.ErrIncorrectPassword {
		t.Errorf("non-UTF-8 password for PKCS #12 PBE: %v", err)
	}
}
