// Package pbe is the password-based encryption of private keys: the
// envelopes pyca reads and writes around PKCS #8 and PKCS #1 keys.
//
//   - PKCS #8 EncryptedPrivateKeyInfo (RFC 5208 section 6) with PBES2
//     (RFC 8018 section 6.2): PBKDF2 with HMAC-SHA1/224/256/384/512 or scrypt
//     (RFC 7914 section 7), and AES-128/192/256-CBC, DES-EDE3-CBC or
//     RC2-CBC with a 128-bit effective key. Written as pyca's
//     BestAvailableEncryption writes it: PBKDF2-HMAC-SHA256, 16-byte salt,
//     2048 iterations, AES-256-CBC.
//   - The legacy schemes pyca still reads: PBES1 pbeWithMD5AndDES-CBC
//     (RFC 8018 section 6.1) and the PKCS #12 schemes (RFC 7292 appendix C)
//     pbeWithSHAAnd3-KeyTripleDES-CBC, pbeWithSHAAnd40BitRC2-CBC and
//     pbeWithSHAAnd128BitRC4.
//   - OpenSSL's legacy PEM encryption ("Proc-Type: 4,ENCRYPTED" and
//     "DEK-Info: <cipher>,<IV hex>"), key = EVP_BytesToKey(MD5, one round,
//     salt = the first 8 IV bytes): AES-128-CBC, AES-256-CBC, DES-EDE3-CBC.
//
// Any decryption failure (bad padding, or a plaintext that is not a key) is
// the one error ErrIncorrectPassword, and the CBC padding is checked in
// constant time, so a caller cannot tell the two apart.
package pbe

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"crypto/subtle"
	"encoding/asn1"
	"fmt"
	"math"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/internal/rc2"
)

// What pyca's BestAvailableEncryption writes.
const (
	bestSaltSize   = 16
	bestIterations = 2048
	// MaxDumpPassword is pyca's limit for BestAvailableEncryption:
	// "Passwords longer than 1023 bytes are not supported by this backend".
	MaxDumpPassword = 1023
)

// Limits on the work a key file may ask for. Variables only so that the fuzz
// test can lower them.
var (
	// MaxScryptMemory bounds the memory an scrypt-encrypted key may ask for
	// (128*r*(N+p) bytes). Go cannot recover from running out of memory, so
	// a hostile key must not be able to ask for more. OpenSSL's defaults
	// (N=16384, r=8, p=1) need 16 MiB.
	MaxScryptMemory uint64 = 1 << 30
	// MaxPBEIterations is OpenSSL's limit (a C int); pyca has no other.
	MaxPBEIterations uint64 = math.MaxInt32
)

var (
	// ErrIncorrectPassword is every failure after decryption was attempted.
	ErrIncorrectPassword = fmt.Errorf("%w: incorrect password, could not decrypt key", core.ErrBadKeyData)

	OIDPBES2           = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 13}
	OIDPBKDF2          = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 12}
	OIDScrypt          = asn1.ObjectIdentifier{1, 3, 6, 1, 4, 1, 11591, 4, 11}
	OIDPBEMD5DES       = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 3}
	OIDPKCS12SHARC4128 = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 1, 1}
	OIDPKCS12SHA3DES   = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 1, 3}
	OIDPKCS12SHARC240  = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 1, 6}
	OIDHMACWithSHA1    = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 7}
	OIDHMACWithSHA224  = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 8}
	OIDHMACWithSHA256  = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 9}
	OIDHMACWithSHA384  = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 10}
	OIDHMACWithSHA512  = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 11}
	OIDAES128CBC       = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 2}
	OIDAES192CBC       = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 22}
	OIDAES256CBC       = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 42}
	OIDDESEDE3CBC      = asn1.ObjectIdentifier{1, 2, 840, 113549, 3, 7}
	OIDRC2CBC          = asn1.ObjectIdentifier{1, 2, 840, 113549, 3, 2}
	errMalformedEPKI   = fmt.Errorf("%w: malformed EncryptedPrivateKeyInfo", core.ErrBadKeyData)
)

// ---------------------------------------------------------------------------
// Block ciphers.

// blockCipher describes a CBC cipher: its key size and how to make it.
type blockCipher struct {
	name    string
	keySize int
	ivSize  int
	newFn   func(key []byte) (cipher.Block, error)
}

var (
	cipherAES128 = blockCipher{"AES-128-CBC", 16, 16, aes.NewCipher}
	cipherAES192 = blockCipher{"AES-192-CBC", 24, 16, aes.NewCipher}
	cipherAES256 = blockCipher{"AES-256-CBC", 32, 16, aes.NewCipher}
	cipherDES3   = blockCipher{"DES-EDE3-CBC", 24, 8, des.NewTripleDESCipher}
	cipherDES    = blockCipher{"DES-CBC", 8, 8, des.NewCipher}
	cipherRC2128 = blockCipher{"RC2-CBC", 16, 8, func(k []byte) (cipher.Block, error) { return rc2.New(k, 128) }}
	cipherRC240  = blockCipher{"RC2-40-CBC", 5, 8, func(k []byte) (cipher.Block, error) { return rc2.New(k, 40) }}
)

// cbcEncrypt pads pt with PKCS #7 and encrypts it with CBC.
func pbeCBCEncrypt(c blockCipher, key, iv, pt []byte) ([]byte, error) {
	b, err := c.newFn(key)
	if err != nil {
		return nil, err
	}
	bs := b.BlockSize()
	pad := bs - len(pt)%bs
	out := make([]byte, len(pt)+pad)
	copy(out, pt)
	for i := len(pt); i < len(out); i++ {
		out[i] = byte(pad)
	}
	cipher.NewCBCEncrypter(b, iv[:bs]).CryptBlocks(out, out)
	return out, nil
}

// cbcDecrypt decrypts ct with CBC and removes its PKCS #7 padding, checked in
// constant time. Every failure is ErrIncorrectPassword.
func pbeCBCDecrypt(c blockCipher, key, iv, ct []byte) ([]byte, error) {
	b, err := c.newFn(key)
	if err != nil {
		return nil, ErrIncorrectPassword
	}
	bs := b.BlockSize()
	if len(ct) == 0 || len(ct)%bs != 0 || len(iv) < bs {
		return nil, ErrIncorrectPassword
	}
	pt := make([]byte, len(ct))
	cipher.NewCBCDecrypter(b, iv[:bs]).CryptBlocks(pt, ct)
	n, ok := unpadLength(pt, bs)
	if !ok {
		clear(pt)
		return nil, ErrIncorrectPassword
	}
	return pt[:len(pt)-n], nil
}

// unpadLength returns the PKCS #7 padding length of pt (a whole number of
// blocks of size bs) and whether the padding is valid. It reads the same
// bytes whatever their values.
func unpadLength(pt []byte, bs int) (int, bool) {
	last := pt[len(pt)-bs:]
	n := int(last[bs-1])
	good := subtle.ConstantTimeLessOrEq(1, n) & subtle.ConstantTimeLessOrEq(n, bs)
	for i := 0; i < bs; i++ {
		inPad := subtle.ConstantTimeLessOrEq(i+1, n) // byte bs-1-i belongs to the padding
		same := subtle.ConstantTimeByteEq(last[bs-1-i], byte(n))
		good &= same | (inPad ^ 1)
	}
	return n, good == 1
}
