package core

// Password-based encryption of private keys: the envelopes pyca reads and
// writes around PKCS #8 and PKCS #1 keys.
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
// the one error errIncorrectPassword, and the CBC padding is checked in
// constant time, so a caller cannot tell the two apart.

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"crypto/md5"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/rc4"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/subtle"
	"encoding/asn1"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"math"
	"math/bits"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
	"golang.org/x/crypto/scrypt"
)

// What pyca's BestAvailableEncryption writes.
const (
	bestSaltSize   = 16
	bestIterations = 2048
	// maxDumpPassword is pyca's limit for BestAvailableEncryption:
	// "Passwords longer than 1023 bytes are not supported by this backend".
	maxDumpPassword = 1023
)

// Limits on the work a key file may ask for. Variables only so that the fuzz
// test can lower them.
var (
	// maxScryptMemory bounds the memory an scrypt-encrypted key may ask for
	// (128*r*(N+p) bytes). Go cannot recover from running out of memory, so
	// a hostile key must not be able to ask for more. OpenSSL's defaults
	// (N=16384, r=8, p=1) need 16 MiB.
	maxScryptMemory uint64 = 1 << 30
	// maxPBEIterations is OpenSSL's limit (a C int); pyca has no other.
	maxPBEIterations uint64 = math.MaxInt32
)

var (
	// errIncorrectPassword is every failure after decryption was attempted.
	errIncorrectPassword = fmt.Errorf("%w: incorrect password, could not decrypt key", ErrBadKeyData)

	oidPBES2           = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 13}
	oidPBKDF2          = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 12}
	oidScrypt          = asn1.ObjectIdentifier{1, 3, 6, 1, 4, 1, 11591, 4, 11}
	oidPBEMD5DES       = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 3}
	oidPKCS12SHARC4128 = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 1, 1}
	oidPKCS12SHA3DES   = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 1, 3}
	oidPKCS12SHARC240  = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 1, 6}
	oidHMACWithSHA1    = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 7}
	oidHMACWithSHA224  = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 8}
	oidHMACWithSHA256  = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 9}
	oidHMACWithSHA384  = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 10}
	oidHMACWithSHA512  = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 11}
	oidAES128CBC       = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 2}
	oidAES192CBC       = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 22}
	oidAES256CBC       = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 42}
	oidDESEDE3CBC      = asn1.ObjectIdentifier{1, 2, 840, 113549, 3, 7}
	oidRC2CBC          = asn1.ObjectIdentifier{1, 2, 840, 113549, 3, 2}
	errMalformedEPKI   = fmt.Errorf("%w: malformed EncryptedPrivateKeyInfo", ErrBadKeyData)
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
	cipherRC2128 = blockCipher{"RC2-CBC", 16, 8, func(k []byte) (cipher.Block, error) { return newRC2(k, 128) }}
	cipherRC240  = blockCipher{"RC2-40-CBC", 5, 8, func(k []byte) (cipher.Block, error) { return newRC2(k, 40) }}
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
// constant time. Every failure is errIncorrectPassword.
func pbeCBCDecrypt(c blockCipher, key, iv, ct []byte) ([]byte, error) {
	b, err := c.newFn(key)
	if err != nil {
		return nil, errIncorrectPassword
	}
	bs := b.BlockSize()
	if len(ct) == 0 || len(ct)%bs != 0 || len(iv) < bs {
		return nil, errIncorrectPassword
	}
	pt := make([]byte, len(ct))
	cipher.NewCBCDecrypter(b, iv[:bs]).CryptBlocks(pt, ct)
	n, ok := unpadLength(pt, bs)
	if !ok {
		clear(pt)
		return nil, errIncorrectPassword
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

// ---------------------------------------------------------------------------
// Key derivation.

// pbkdf1 is PBKDF1 (RFC 8018 section 5.1); n must not exceed the hash size.
func pbkdf1(h func() hash.Hash, password, salt []byte, iter, n int) []byte {
	d := h()
	d.Write(password)
	d.Write(salt)
	t := d.Sum(nil)
	for i := 1; i < iter; i++ {
		d.Reset()
		d.Write(t)
		t = d.Sum(t[:0])
	}
	return t[:n]
}

// PKCS #12 key derivation purposes (RFC 7292 appendix B.3).
const (
	pkcs12KeyID = 1
	pkcs12IVID  = 2
)

// pkcs12KDF is the PKCS #12 key derivation (RFC 7292 appendix B.2) with
// SHA-1; password is the BMPString form of the password with its two-byte
// terminator.
func pkcs12KDF(password, salt []byte, id byte, iter, n int) []byte {
	const u, v = sha1.Size, 64
	fill := func(s []byte) []byte {
		if len(s) == 0 {
			return nil
		}
		out := make([]byte, v*((len(s)+v-1)/v))
		for i := range out {
			out[i] = s[i%len(s)]
		}
		return out
	}
	d := make([]byte, v)
	for i := range d {
		d[i] = id
	}
	I := append(fill(salt), fill(password)...)
	defer clear(I)
	var out []byte
	h := sha1.New()
	for len(out) < n {
		h.Reset()
		h.Write(d)
		h.Write(I)
		a := h.Sum(nil)
		for j := 1; j < iter; j++ {
			h.Reset()
			h.Write(a)
			a = h.Sum(a[:0])
		}
		out = append(out, a...)
		if len(out) >= n {
			break
		}
		// I_j = (I_j + B + 1) mod 2^(8v) for each v-byte block I_j of I,
		// where B is A repeated to v bytes.
		var b [v]byte
		for i := range b {
			b[i] = a[i%u]
		}
		for j := 0; j < len(I); j += v {
			carry := uint16(1)
			for k := v - 1; k >= 0; k-- {
				s := uint16(I[j+k]) + uint16(b[k]) + carry
				I[j+k] = byte(s)
				carry = s >> 8
			}
		}
	}
	return out[:n]
}

// bmpPassword converts a UTF-8 password to a NUL-terminated BMPString
// (UTF-16BE) for the PKCS #12 KDF. A password that is not UTF-8 cannot be
// right (pyca: "Incorrect password").
func bmpPassword(password []byte) ([]byte, bool) {
	if !utf8.Valid(password) {
		return nil, false
	}
	u := utf16.Encode([]rune(string(password)))
	out := make([]byte, 0, 2*len(u)+2)
	for _, c := range u {
		out = binary.BigEndian.AppendUint16(out, c)
	}
	return append(out, 0, 0), true
}

// evpBytesToKey is OpenSSL's EVP_BytesToKey with MD5 and one iteration, the
// key derivation of legacy PEM encryption.
func evpBytesToKey(password, salt []byte, n int) []byte {
	var out, prev []byte
	for len(out) < n {
		h := md5.New()
		h.Write(prev)
		h.Write(password)
		h.Write(salt)
		prev = h.Sum(nil)
		out = append(out, prev...)
	}
	return out[:n]
}

// ---------------------------------------------------------------------------
// PKCS #8 EncryptedPrivateKeyInfo.

// encryptPKCS8 wraps a PKCS #8 PrivateKeyInfo the way pyca's
// BestAvailableEncryption does, with a fresh random salt and IV.
func encryptPKCS8(der, password []byte) ([]byte, error) {
	salt := make([]byte, bestSaltSize)
	iv := make([]byte, aes.BlockSize)
	rand.Read(salt)
	rand.Read(iv)
	return encryptPKCS8With(der, password, salt, iv)
}

// encryptPKCS8With is encryptPKCS8 with a given salt and IV (for tests that
// rebuild pyca's output byte for byte).
func encryptPKCS8With(der, password, salt, iv []byte) ([]byte, error) {
	key, err := pbkdf2.Key(sha256.New, string(password), salt, bestIterations, cipherAES256.keySize)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalidArgument, err)
	}
	defer clear(key)
	ct, err := pbeCBCEncrypt(cipherAES256, key, iv, der)
	if err != nil {
		return nil, err
	}
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // EncryptedPrivateKeyInfo
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // encryptionAlgorithm
			b.AddASN1ObjectIdentifier(oidPBES2)
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // PBES2-params
				b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // keyDerivationFunc
					b.AddASN1ObjectIdentifier(oidPBKDF2)
					b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // PBKDF2-params
						b.AddASN1OctetString(salt)
						b.AddASN1Int64(bestIterations)
						b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // prf
							b.AddASN1ObjectIdentifier(oidHMACWithSHA256)
							b.AddASN1NULL()
						})
					})
				})
				b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // encryptionScheme
					b.AddASN1ObjectIdentifier(oidAES256CBC)
					b.AddASN1OctetString(iv)
				})
			})
		})
		b.AddASN1OctetString(ct)
	})
	return b.Bytes()
}

// pbeScheme is a parsed encryptionAlgorithm of an EncryptedPrivateKeyInfo.
type pbeScheme struct {
	// unsupported is set for a well-formed scheme pyca does not implement.
	// It is reported after the password check, as pyca does.
	unsupported error
	// invalid is set for parameters pyca parses but rejects after the
	// password check (RC2 with an effective key size other than 128 bits,
	// an iteration count out of range).
	invalid error
	derive  func(password []byte) (key, iv []byte, err error)
	cipher  blockCipher
	stream  bool // RC4: no IV, no padding
}

// unsupportedOID is pyca's ValueError "Unknown key encryption algorithm".
func unsupportedOID(what string, oid asn1.ObjectIdentifier) error {
	return fmt.Errorf("%w: unknown key encryption algorithm (%s): %s", ErrBadKeyData, what, oid)
}

// readAlgorithmIdentifier reads an AlgorithmIdentifier from s: its OID and
// its parameters (the rest of the SEQUENCE, possibly empty).
func readAlgorithmIdentifier(s *cryptobyte.String) (asn1.ObjectIdentifier, cryptobyte.String, bool) {
	var seq cryptobyte.String
	var oid asn1.ObjectIdentifier
	if !s.ReadASN1(&seq, cbasn1.SEQUENCE) || !seq.ReadASN1ObjectIdentifier(&oid) {
		return nil, nil, false
	}
	return oid, seq, true
}

// readNullOrAbsent accepts parameters that are empty or a single NULL.
func readNullOrAbsent(params cryptobyte.String) bool {
	if params.Empty() {
		return true
	}
	var null cryptobyte.String
	return params.ReadASN1(&null, cbasn1.NULL) && null.Empty() && params.Empty()
}

// parsePBEScheme parses an encryptionAlgorithm. A malformed structure is an
// error; a well-formed but unknown scheme sets unsupported.
func parsePBEScheme(oid asn1.ObjectIdentifier, params cryptobyte.String) (*pbeScheme, error) {
	switch {
	case oid.Equal(oidPBES2):
		return parsePBES2(params)
	case oid.Equal(oidPBEMD5DES):
		// PBEParameter ::= SEQUENCE { salt OCTET STRING (SIZE(8)), iterationCount INTEGER }
		var seq, salt cryptobyte.String
		var iter uint64
		if !params.ReadASN1(&seq, cbasn1.SEQUENCE) || !params.Empty() ||
			!seq.ReadASN1(&salt, cbasn1.OCTET_STRING) || len(salt) != 8 ||
			!seq.ReadASN1Integer(&iter) || !seq.Empty() {
			return nil, errMalformedEPKI
		}
		s := &pbeScheme{cipher: cipherDES}
		it, err := pbeIterations(iter)
		s.invalid = err
		s.derive = func(password []byte) ([]byte, []byte, error) {
			dk := pbkdf1(md5.New, password, salt, it, 16)
			return dk[:8], dk[8:], nil
		}
		return s, nil
	case oid.Equal(oidPKCS12SHA3DES), oid.Equal(oidPKCS12SHARC240), oid.Equal(oidPKCS12SHARC4128):
		// pkcs-12PbeParams ::= SEQUENCE { salt OCTET STRING, iterations INTEGER }
		var seq, salt cryptobyte.String
		var iter uint64
		if !params.ReadASN1(&seq, cbasn1.SEQUENCE) || !params.Empty() ||
			!seq.ReadASN1(&salt, cbasn1.OCTET_STRING) ||
			!seq.ReadASN1Integer(&iter) || !seq.Empty() {
			return nil, errMalformedEPKI
		}
		s := &pbeScheme{}
		keySize := 16 // RC4-128
		switch {
		case oid.Equal(oidPKCS12SHA3DES):
			s.cipher = cipherDES3
			keySize = s.cipher.keySize
		case oid.Equal(oidPKCS12SHARC240):
			s.cipher = cipherRC240
			keySize = s.cipher.keySize
		default:
			s.stream = true
		}
		it, err := pbeIterations(iter)
		s.invalid = err
		s.derive = func(password []byte) ([]byte, []byte, error) {
			bmp, ok := bmpPassword(password)
			if !ok {
				return nil, nil, errIncorrectPassword
			}
			defer clear(bmp)
			key := pkcs12KDF(bmp, salt, pkcs12KeyID, it, keySize)
			if s.stream {
				return key, nil, nil
			}
			return key, pkcs12KDF(bmp, salt, pkcs12IVID, it, s.cipher.ivSize), nil
		}
		return s, nil
	default:
		return &pbeScheme{unsupported: unsupportedOID("scheme", oid)}, nil
	}
}

// pbeIterations converts an iteration count to int: 1..MaxInt32 as OpenSSL
// accepts.
func pbeIterations(n uint64) (int, error) {
	if n < 1 || n > maxPBEIterations {
		return 0, fmt.Errorf("%w: iteration count %d out of range", ErrBadKeyData, n)
	}
	return int(n), nil
}

// parsePBES2 parses PBES2-params (RFC 8018 appendix A.4).
func parsePBES2(params cryptobyte.String) (*pbeScheme, error) {
	var seq cryptobyte.String
	if !params.ReadASN1(&seq, cbasn1.SEQUENCE) || !params.Empty() {
		return nil, errMalformedEPKI
	}
	kdfOID, kdfParams, ok := readAlgorithmIdentifier(&seq)
	if !ok {
		return nil, errMalformedEPKI
	}
	encOID, encParams, ok := readAlgorithmIdentifier(&seq)
	if !ok || !seq.Empty() {
		return nil, errMalformedEPKI
	}
	s := &pbeScheme{}

	// The encryption scheme and its IV.
	var iv cryptobyte.String
	readIV := func(size int) bool {
		return encParams.ReadASN1(&iv, cbasn1.OCTET_STRING) && encParams.Empty() && len(iv) == size
	}
	switch {
	case encOID.Equal(oidAES128CBC), encOID.Equal(oidAES192CBC), encOID.Equal(oidAES256CBC):
		s.cipher = cipherAES128
		if encOID.Equal(oidAES192CBC) {
			s.cipher = cipherAES192
		} else if encOID.Equal(oidAES256CBC) {
			s.cipher = cipherAES256
		}
		if !readIV(16) {
			return nil, errMalformedEPKI
		}
	case encOID.Equal(oidDESEDE3CBC):
		s.cipher = cipherDES3
		if !readIV(8) {
			return nil, errMalformedEPKI
		}
	case encOID.Equal(oidRC2CBC):
		// RC2-CBC-Parameter ::= SEQUENCE { rc2ParameterVersion INTEGER OPTIONAL, iv OCTET STRING (SIZE(8)) }
		var rc2 cryptobyte.String
		version := uint64(32) // the default: 40-bit effective key (RFC 8018 B.2.3)
		if !encParams.ReadASN1(&rc2, cbasn1.SEQUENCE) || !encParams.Empty() {
			return nil, errMalformedEPKI
		}
		if rc2.PeekASN1Tag(cbasn1.INTEGER) && !rc2.ReadASN1Integer(&version) {
			return nil, errMalformedEPKI
		}
		if !rc2.ReadASN1(&iv, cbasn1.OCTET_STRING) || len(iv) != 8 || !rc2.Empty() {
			return nil, errMalformedEPKI
		}
		if version != 58 { // 58 = 128-bit effective key, the one pyca reads
			s.invalid = fmt.Errorf("%w: RC2 with an effective key size other than 128 bits", ErrBadKeyData)
		}
		s.cipher = cipherRC2128
	default:
		s.unsupported = unsupportedOID("cipher", encOID)
	}

	// The key derivation function.
	switch {
	case kdfOID.Equal(oidPBKDF2):
		// PBKDF2-params ::= SEQUENCE { salt OCTET STRING, iterationCount INTEGER,
		//   keyLength INTEGER OPTIONAL, prf AlgorithmIdentifier DEFAULT hmacWithSHA1 }
		var p, salt cryptobyte.String
		var iter, keyLen uint64
		if !kdfParams.ReadASN1(&p, cbasn1.SEQUENCE) || !kdfParams.Empty() ||
			!p.ReadASN1(&salt, cbasn1.OCTET_STRING) || !p.ReadASN1Integer(&iter) {
			return nil, errMalformedEPKI
		}
		if p.PeekASN1Tag(cbasn1.INTEGER) && !p.ReadASN1Integer(&keyLen) { // keyLength is ignored, as pyca does
			return nil, errMalformedEPKI
		}
		prf := oidHMACWithSHA1
		if !p.Empty() {
			var prfParams cryptobyte.String
			if prf, prfParams, ok = readAlgorithmIdentifier(&p); !ok || !p.Empty() {
				return nil, errMalformedEPKI
			}
			if !readNullOrAbsent(prfParams) {
				return nil, errMalformedEPKI
			}
		}
		var h func() hash.Hash
		switch {
		case prf.Equal(oidHMACWithSHA1):
			h = sha1.New
		case prf.Equal(oidHMACWithSHA224):
			h = sha256.New224
		case prf.Equal(oidHMACWithSHA256):
			h = sha256.New
		case prf.Equal(oidHMACWithSHA384):
			h = sha512.New384
		case prf.Equal(oidHMACWithSHA512):
			h = sha512.New
		default:
			if s.unsupported == nil {
				s.unsupported = unsupportedOID("PRF", prf)
			}
		}
		it, err := pbeIterations(iter)
		if s.invalid == nil {
			s.invalid = err
		}
		s.derive = func(password []byte) ([]byte, []byte, error) {
			key, err := pbkdf2.Key(h, string(password), salt, it, s.cipher.keySize)
			if err != nil {
				return nil, nil, errIncorrectPassword
			}
			return key, iv, nil
		}
	case kdfOID.Equal(oidScrypt):
		// scrypt-params ::= SEQUENCE { salt OCTET STRING, costParameter INTEGER,
		//   blockSize INTEGER, parallelizationParameter INTEGER, keyLength INTEGER OPTIONAL }
		var p, salt cryptobyte.String
		var n, r, par, keyLen uint64
		if !kdfParams.ReadASN1(&p, cbasn1.SEQUENCE) || !kdfParams.Empty() ||
			!p.ReadASN1(&salt, cbasn1.OCTET_STRING) ||
			!p.ReadASN1Integer(&n) || !p.ReadASN1Integer(&r) || !p.ReadASN1Integer(&par) {
			return nil, errMalformedEPKI
		}
		if !p.Empty() && (!p.ReadASN1Integer(&keyLen) || !p.Empty()) {
			return nil, errMalformedEPKI
		}
		s.derive = func(password []byte) ([]byte, []byte, error) {
			if err := checkScrypt(n, r, par); err != nil {
				return nil, nil, err
			}
			key, err := scrypt.Key(password, salt, int(n), int(r), int(par), s.cipher.keySize)
			if err != nil {
				return nil, nil, fmt.Errorf("%w: %v", ErrBadKeyData, err)
			}
			return key, iv, nil
		}
	default:
		if s.unsupported == nil {
			s.unsupported = unsupportedOID("KDF", kdfOID)
		}
	}
	return s, nil
}

// checkScrypt rejects scrypt parameters that are invalid or that would need
// more than maxScryptMemory bytes.
func checkScrypt(n, r, p uint64) error {
	if n < 2 || n&(n-1) != 0 || r == 0 || p == 0 {
		return fmt.Errorf("%w: invalid scrypt parameters", ErrBadKeyData)
	}
	if r > 1<<32 || p > 1<<32 || n > 1<<62 {
		return fmt.Errorf("%w: scrypt parameters need more than %d bytes of memory", ErrBadKeyData, maxScryptMemory)
	}
	hi, mem := bits.Mul64(128*r, n+p) // no overflow inside: r, p <= 2^32, n <= 2^62
	if hi != 0 || mem > maxScryptMemory {
		return fmt.Errorf("%w: scrypt parameters need more than %d bytes of memory", ErrBadKeyData, maxScryptMemory)
	}
	return nil
}

// decryptPKCS8 parses an EncryptedPrivateKeyInfo and decrypts it, returning
// the PrivateKeyInfo. The checks come in pyca's order: structure
// (ErrBadKeyData), then the password (ErrPasswordRequired when nil or
// empty), then the algorithm (ErrBadKeyData), then decryption
// (errIncorrectPassword).
func decryptPKCS8(der, password []byte) ([]byte, error) {
	input := cryptobyte.String(der)
	var seq, ct cryptobyte.String
	if !input.ReadASN1(&seq, cbasn1.SEQUENCE) || !input.Empty() {
		return nil, errMalformedEPKI
	}
	oid, params, ok := readAlgorithmIdentifier(&seq)
	if !ok || !seq.ReadASN1(&ct, cbasn1.OCTET_STRING) || !seq.Empty() {
		return nil, errMalformedEPKI
	}
	scheme, err := parsePBEScheme(oid, params)
	if err != nil {
		return nil, err
	}
	if len(password) == 0 {
		return nil, ErrPasswordRequired
	}
	if scheme.unsupported != nil {
		return nil, scheme.unsupported
	}
	if scheme.invalid != nil {
		return nil, scheme.invalid
	}
	key, iv, err := scheme.derive(password)
	if err != nil {
		return nil, err
	}
	defer clear(key)
	if scheme.stream {
		c, err := rc4.NewCipher(key)
		if err != nil {
			return nil, errIncorrectPassword
		}
		pt := make([]byte, len(ct))
		c.XORKeyStream(pt, ct)
		return pt, nil
	}
	return pbeCBCDecrypt(scheme.cipher, key, iv, ct)
}

// ---------------------------------------------------------------------------
// Legacy PEM encryption (OpenSSL's "Proc-Type: 4,ENCRYPTED").

// legacyPEMCiphers are the DEK-Info ciphers pyca reads. (pyca 50 rejects
// AES-192-CBC: "Key encrypted with unknown cipher.")
var legacyPEMCiphers = map[string]blockCipher{
	"AES-128-CBC":  cipherAES128,
	"AES-256-CBC":  cipherAES256,
	"DES-EDE3-CBC": cipherDES3,
}

// encryptLegacyPEM encrypts a PKCS #1 key for a PEM block the way pyca's
// BestAvailableEncryption does for TraditionalOpenSSL: AES-256-CBC, random
// IV, key = EVP_BytesToKey(MD5, password, IV[:8]). It returns the headers
// and the ciphertext.
func encryptLegacyPEM(der, password []byte) (map[string]string, []byte, error) {
	iv := make([]byte, aes.BlockSize)
	rand.Read(iv)
	return encryptLegacyPEMWith(der, password, iv)
}

// encryptLegacyPEMWith is encryptLegacyPEM with a given IV.
func encryptLegacyPEMWith(der, password, iv []byte) (map[string]string, []byte, error) {
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

// decryptLegacyPEM decrypts the body of a PEM block with a
// "Proc-Type: 4,ENCRYPTED" header, in pyca's order of checks: DEK-Info
// present and well-formed (ErrBadKeyData), password (ErrPasswordRequired),
// cipher known and IV valid (ErrBadKeyData), decryption
// (errIncorrectPassword).
func decryptLegacyPEM(dekInfo string, hasDEKInfo bool, body, password []byte) ([]byte, error) {
	if !hasDEKInfo {
		return nil, fmt.Errorf("%w: encrypted PEM doesn't have a DEK-Info header", ErrBadKeyData)
	}
	name, ivHex, ok := strings.Cut(dekInfo, ",")
	if !ok {
		return nil, fmt.Errorf("%w: encrypted PEM's DEK-Info header is not valid", ErrBadKeyData)
	}
	if len(password) == 0 {
		return nil, ErrPasswordRequired
	}
	c, ok := legacyPEMCiphers[name]
	if !ok {
		return nil, fmt.Errorf("%w: key encrypted with unknown cipher %q", ErrBadKeyData, name)
	}
	iv, err := hex.DecodeString(ivHex)
	if err != nil || len(iv) < c.ivSize {
		// pyca requires at least 8 IV bytes (and panics on an AES IV of
		// 8 to 15 bytes); a longer IV is cut to the block size, as OpenSSL.
		return nil, fmt.Errorf("%w: DEK-Info IV is not valid", ErrBadKeyData)
	}
	key := evpBytesToKey(password, iv[:8], c.keySize)
	defer clear(key)
	return pbeCBCDecrypt(c, key, iv, body)
}

// ---------------------------------------------------------------------------
// RC2 (RFC 2268), only for reading old keys: pbeWithSHAAnd40BitRC2-CBC and
// PBES2 with RC2-CBC. Not constant time (table lookups).

// rc2PiTable is PITABLE of RFC 2268 section 2, a permutation of 0..255
// derived from the digits of pi.
var rc2PiTable = [256]byte{
	0xd9, 0x78, 0xf9, 0xc4, 0x19, 0xdd, 0xb5, 0xed, 0x28, 0xe9, 0xfd, 0x79, 0x4a, 0xa0, 0xd8, 0x9d,
	0xc6, 0x7e, 0x37, 0x83, 0x2b, 0x76, 0x53, 0x8e, 0x62, 0x4c, 0x64, 0x88, 0x44, 0x8b, 0xfb, 0xa2,
	0x17, 0x9a, 0x59, 0xf5, 0x87, 0xb3, 0x4f, 0x13, 0x61, 0x45, 0x6d, 0x8d, 0x09, 0x81, 0x7d, 0x32,
	0xbd, 0x8f, 0x40, 0xeb, 0x86, 0xb7, 0x7b, 0x0b, 0xf0, 0x95, 0x21, 0x22, 0x5c, 0x6b, 0x4e, 0x82,
	0x54, 0xd6, 0x65, 0x93, 0xce, 0x60, 0xb2, 0x1c, 0x73, 0x56, 0xc0, 0x14, 0xa7, 0x8c, 0xf1, 0xdc,
	0x12, 0x75, 0xca, 0x1f, 0x3b, 0xbe, 0xe4, 0xd1, 0x42, 0x3d, 0xd4, 0x30, 0xa3, 0x3c, 0xb6, 0x26,
	0x6f, 0xbf, 0x0e, 0xda, 0x46, 0x69, 0x07, 0x57, 0x27, 0xf2, 0x1d, 0x9b, 0xbc, 0x94, 0x43, 0x03,
	0xf8, 0x11, 0xc7, 0xf6, 0x90, 0xef, 0x3e, 0xe7, 0x06, 0xc3, 0xd5, 0x2f, 0xc8, 0x66, 0x1e, 0xd7,
	0x08, 0xe8, 0xea, 0xde, 0x80, 0x52, 0xee, 0xf7, 0x84, 0xaa, 0x72, 0xac, 0x35, 0x4d, 0x6a, 0x2a,
	0x96, 0x1a, 0xd2, 0x71, 0x5a, 0x15, 0x49, 0x74, 0x4b, 0x9f, 0xd0, 0x5e, 0x04, 0x18, 0xa4, 0xec,
	0xc2, 0xe0, 0x41, 0x6e, 0x0f, 0x51, 0xcb, 0xcc, 0x24, 0x91, 0xaf, 0x50, 0xa1, 0xf4, 0x70, 0x39,
	0x99, 0x7c, 0x3a, 0x85, 0x23, 0xb8, 0xb4, 0x7a, 0xfc, 0x02, 0x36, 0x5b, 0x25, 0x55, 0x97, 0x31,
	0x2d, 0x5d, 0xfa, 0x98, 0xe3, 0x8a, 0x92, 0xae, 0x05, 0xdf, 0x29, 0x10, 0x67, 0x6c, 0xba, 0xc9,
	0xd3, 0x00, 0xe6, 0xcf, 0xe1, 0x9e, 0xa8, 0x2c, 0x63, 0x16, 0x01, 0x3f, 0x58, 0xe2, 0x89, 0xa9,
	0x0d, 0x38, 0x34, 0x1b, 0xab, 0x33, 0xff, 0xb0, 0xbb, 0x48, 0x0c, 0x5f, 0xb9, 0xb1, 0xcd, 0x2e,
	0xc5, 0xf3, 0xdb, 0x47, 0xe5, 0xa5, 0x9c, 0x77, 0x0a, 0xa6, 0x20, 0x68, 0xfe, 0x7f, 0xc1, 0xad,
}

type rc2Cipher struct{ k [64]uint16 }

// newRC2 expands key (1..128 bytes) with an effective key size of bits
// (1..1024), RFC 2268 section 2.
func newRC2(key []byte, bits int) (cipher.Block, error) {
	t := len(key)
	if t < 1 || t > 128 || bits < 1 || bits > 1024 {
		return nil, errors.New("rc2: invalid key size")
	}
	var l [128]byte
	copy(l[:], key)
	for i := t; i < 128; i++ {
		l[i] = rc2PiTable[l[i-1]+l[i-t]]
	}
	t8 := (bits + 7) / 8
	tm := byte(0xff >> (8*t8 - bits))
	l[128-t8] = rc2PiTable[l[128-t8]&tm]
	for i := 127 - t8; i >= 0; i-- {
		l[i] = rc2PiTable[l[i+1]^l[i+t8]]
	}
	c := &rc2Cipher{}
	for i := range c.k {
		c.k[i] = uint16(l[2*i]) | uint16(l[2*i+1])<<8
	}
	clear(l[:])
	return c, nil
}

func (c *rc2Cipher) BlockSize() int { return 8 }

func (c *rc2Cipher) Encrypt(dst, src []byte) {
	var r [4]uint16
	for i := range r {
		r[i] = binary.LittleEndian.Uint16(src[2*i:])
	}
	j := 0
	mix := func() {
		r[0] += c.k[j] + (r[3] & r[2]) + (^r[3] & r[1])
		r[0] = bits.RotateLeft16(r[0], 1)
		r[1] += c.k[j+1] + (r[0] & r[3]) + (^r[0] & r[2])
		r[1] = bits.RotateLeft16(r[1], 2)
		r[2] += c.k[j+2] + (r[1] & r[0]) + (^r[1] & r[3])
		r[2] = bits.RotateLeft16(r[2], 3)
		r[3] += c.k[j+3] + (r[2] & r[1]) + (^r[2] & r[0])
		r[3] = bits.RotateLeft16(r[3], 5)
		j += 4
	}
	mash := func() {
		r[0] += c.k[r[3]&63]
		r[1] += c.k[r[0]&63]
		r[2] += c.k[r[1]&63]
		r[3] += c.k[r[2]&63]
	}
	for _, rounds := range []int{5, 6, 5} {
		if j > 0 {
			mash()
		}
		for range rounds {
			mix()
		}
	}
	for i := range r {
		binary.LittleEndian.PutUint16(dst[2*i:], r[i])
	}
}

func (c *rc2Cipher) Decrypt(dst, src []byte) {
	var r [4]uint16
	for i := range r {
		r[i] = binary.LittleEndian.Uint16(src[2*i:])
	}
	j := 63
	rmix := func() {
		r[3] = bits.RotateLeft16(r[3], -5)
		r[3] -= c.k[j] + (r[2] & r[1]) + (^r[2] & r[0])
		r[2] = bits.RotateLeft16(r[2], -3)
		r[2] -= c.k[j-1] + (r[1] & r[0]) + (^r[1] & r[3])
		r[1] = bits.RotateLeft16(r[1], -2)
		r[1] -= c.k[j-2] + (r[0] & r[3]) + (^r[0] & r[2])
		r[0] = bits.RotateLeft16(r[0], -1)
		r[0] -= c.k[j-3] + (r[3] & r[2]) + (^r[3] & r[1])
		j -= 4
	}
	rmash := func() {
		r[3] -= c.k[r[2]&63]
		r[2] -= c.k[r[1]&63]
		r[1] -= c.k[r[0]&63]
		r[0] -= c.k[r[3]&63]
	}
	for _, rounds := range []int{5, 6, 5} {
		if j < 63 {
			rmash()
		}
		for range rounds {
			rmix()
		}
	}
	for i := range r {
		binary.LittleEndian.PutUint16(dst[2*i:], r[i])
	}
}
