package pbe

import (
	"crypto/aes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/cryptogo/libcrypto-go/core"
)

// Legacy PEM encryption (OpenSSL's "Proc-Type: 4,ENCRYPTED").

// legacyPEMCiphers are the DEK-Info ciphers pyca reads. (pyca 50 rejects
// AES-192-CBC: "Key encrypted with unknown cipher.")
var legacyPEMCiphers = map[string]blockCipher{
	"AES-128-CBC":  cipherAES128,
	"AES-256-CBC":  cipherAES256,
	"DES-EDE3-CBC": cipherDES3,
}

// EncryptLegacyPEM encrypts a PKCS #1 key for a PEM block the way pyca's
// BestAvailableEncryption does for TraditionalOpenSSL: AES-256-CBC, random
// IV, key = EVP_BytesToKey(MD5, password, IV[:8]). It returns the headers
// and the ciphertext.
func EncryptLegacyPEM(der, password []byte) (map[string]string, []byte, error) {
	iv := make([]byte, aes.BlockSize)
	rand.Read(iv)
	return EncryptLegacyPEMWith(der, password, iv)
}

// EncryptLegacyPEMWith is EncryptLegacyPEM with a given IV.
func EncryptLegacyPEMWith(der, password, iv []byte) (map[string]string, []byte, error) {
	key := evpBytesToKey(password, iv[:8], cipherAES256.keySize)
	defer clear(key)
	ct, err := pbeCBCEncrypt(cipherAES256, key, iv, der)
	if err != nil {
		return nil, nil, err
	}
	headers := map[string]string{
		"Proc-Type": "4,ENCRYPTED",
		"DEK-Info":  cipherAES256.name + "," + strings.ToUpper(hex.EncodeToString(iv)),
	}
	return headers, ct, nil
}

// DecryptLegacyPEM decrypts the body of a PEM block with a
// "Proc-Type: 4,ENCRYPTED" header, in pyca's order of checks: DEK-Info
// present and well-formed (core.ErrBadKeyData), password (core.ErrPasswordRequired),
// cipher known and IV valid (core.ErrBadKeyData), decryption
// (ErrIncorrectPassword).
func DecryptLegacyPEM(dekInfo string, hasDEKInfo bool, body, password []byte) ([]byte, error) {
	if !hasDEKInfo {
		return nil, fmt.Errorf("%w: encrypted PEM doesn't have a DEK-Info header", core.ErrBadKeyData)
	}
	name, ivHex, ok := strings.Cut(dekInfo, ",")
	if !ok {
		return nil, fmt.Errorf("%w: encrypted PEM's DEK-Info header is not valid", core.ErrBadKeyData)
	}
	if len(password) == 0 {
		return nil, core.ErrPasswordRequired
	}
	c, ok := legacyPEMCiphers[name]
	if !ok {
		return nil, fmt.Errorf("%w: key encrypted with unknown cipher %q", core.ErrBadKeyData, name)
	}
	iv, err := hex.DecodeString(ivHex)
	if err != nil || len(iv) < c.ivSize {
		// pyca requires at least 8 IV bytes (and panics on an AES IV of
		// 8 to 15 bytes); a longer IV is cut to the block size, as OpenSSL.
		return nil, fmt.Errorf("%w: DEK-Info IV is not valid", core.ErrBadKeyData)
	}
	key := evpBytesToKey(password, iv[:8], c.keySize)
	defer clear(key)
	return pbeCBCDecrypt(c, key, iv, body)
}
