package pbe

import (
	"crypto/aes"
	"crypto/md5"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/rc4"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/asn1"
	"fmt"
	"hash"
	"math/bits"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
	"golang.org/x/crypto/scrypt"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/internal/wipe"
)

// PKCS #8 EncryptedPrivateKeyInfo.

// EncryptPKCS8 wraps a PKCS #8 PrivateKeyInfo the way pyca's
// BestAvailableEncryption does, with a fresh random salt and IV.
func EncryptPKCS8(der, password []byte) ([]byte, error) {
	salt := make([]byte, bestSaltSize)
	iv := make([]byte, aes.BlockSize)
	rand.Read(salt)
	rand.Read(iv)
	return EncryptPKCS8With(der, password, salt, iv)
}

// EncryptPKCS8With is EncryptPKCS8 with a given salt and IV (for tests that
// rebuild pyca's output byte for byte).
func EncryptPKCS8With(der, password, salt, iv []byte) ([]byte, error) {
	key, err := pbkdf2.Key(sha256.New, wipe.StringView(password), salt, bestIterations, cipherAES256.keySize)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", core.ErrInvalidArgument, err)
	}
	defer clear(key)
	ct, err := pbeCBCEncrypt(cipherAES256, key, iv, der)
	if err != nil {
		return nil, err
	}
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // EncryptedPrivateKeyInfo
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // encryptionAlgorithm
			b.AddASN1ObjectIdentifier(OIDPBES2)
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // PBES2-params
				b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // keyDerivationFunc
					b.AddASN1ObjectIdentifier(OIDPBKDF2)
					b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // PBKDF2-params
						b.AddASN1OctetString(salt)
						b.AddASN1Int64(bestIterations)
						b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // prf
							b.AddASN1ObjectIdentifier(OIDHMACWithSHA256)
							b.AddASN1NULL()
						})
					})
				})
				b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { // encryptionScheme
					b.AddASN1ObjectIdentifier(OIDAES256CBC)
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
	return fmt.Errorf("%w: unknown key encryption algorithm (%s): %s", core.ErrBadKeyData, what, oid)
}

// ReadAlgorithmIdentifier reads an AlgorithmIdentifier from s: its OID and
// its parameters (the rest of the SEQUENCE, possibly empty).
func ReadAlgorithmIdentifier(s *cryptobyte.String) (asn1.ObjectIdentifier, cryptobyte.String, bool) {
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
	case oid.Equal(OIDPBES2):
		return parsePBES2(params)
	case oid.Equal(OIDPBEMD5DES):
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
	case oid.Equal(OIDPKCS12SHA3DES), oid.Equal(OIDPKCS12SHARC240), oid.Equal(OIDPKCS12SHARC4128):
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
		case oid.Equal(OIDPKCS12SHA3DES):
			s.cipher = cipherDES3
			keySize = s.cipher.keySize
		case oid.Equal(OIDPKCS12SHARC240):
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
				return nil, nil, ErrIncorrectPassword
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
	if n < 1 || n > MaxPBEIterations {
		return 0, fmt.Errorf("%w: iteration count %d out of range", core.ErrBadKeyData, n)
	}
	return int(n), nil
}

// parsePBES2 parses PBES2-params (RFC 8018 appendix A.4).
func parsePBES2(params cryptobyte.String) (*pbeScheme, error) {
	var seq cryptobyte.String
	if !params.ReadASN1(&seq, cbasn1.SEQUENCE) || !params.Empty() {
		return nil, errMalformedEPKI
	}
	kdfOID, kdfParams, ok := ReadAlgorithmIdentifier(&seq)
	if !ok {
		return nil, errMalformedEPKI
	}
	encOID, encParams, ok := ReadAlgorithmIdentifier(&seq)
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
	case encOID.Equal(OIDAES128CBC), encOID.Equal(OIDAES192CBC), encOID.Equal(OIDAES256CBC):
		s.cipher = cipherAES128
		if encOID.Equal(OIDAES192CBC) {
			s.cipher = cipherAES192
		} else if encOID.Equal(OIDAES256CBC) {
			s.cipher = cipherAES256
		}
		if !readIV(16) {
			return nil, errMalformedEPKI
		}
	case encOID.Equal(OIDDESEDE3CBC):
		s.cipher = cipherDES3
		if !readIV(8) {
			return nil, errMalformedEPKI
		}
	case encOID.Equal(OIDRC2CBC):
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
			s.invalid = fmt.Errorf("%w: RC2 with an effective key size other than 128 bits", core.ErrBadKeyData)
		}
		s.cipher = cipherRC2128
	default:
		s.unsupported = unsupportedOID("cipher", encOID)
	}

	// The key derivation function.
	switch {
	case kdfOID.Equal(OIDPBKDF2):
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
		prf := OIDHMACWithSHA1
		if !p.Empty() {
			var prfParams cryptobyte.String
			if prf, prfParams, ok = ReadAlgorithmIdentifier(&p); !ok || !p.Empty() {
				return nil, errMalformedEPKI
			}
			if !readNullOrAbsent(prfParams) {
				return nil, errMalformedEPKI
			}
		}
		var h func() hash.Hash
		switch {
		case prf.Equal(OIDHMACWithSHA1):
			h = sha1.New
		case prf.Equal(OIDHMACWithSHA224):
			h = sha256.New224
		case prf.Equal(OIDHMACWithSHA256):
			h = sha256.New
		case prf.Equal(OIDHMACWithSHA384):
			h = sha512.New384
		case prf.Equal(OIDHMACWithSHA512):
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
			key, err := pbkdf2.Key(h, wipe.StringView(password), salt, it, s.cipher.keySize)
			if err != nil {
				return nil, nil, ErrIncorrectPassword
			}
			return key, iv, nil
		}
	case kdfOID.Equal(OIDScrypt):
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
				return nil, nil, fmt.Errorf("%w: %v", core.ErrBadKeyData, err)
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
// more than MaxScryptMemory bytes.
func checkScrypt(n, r, p uint64) error {
	if n < 2 || n&(n-1) != 0 || r == 0 || p == 0 {
		return fmt.Errorf("%w: invalid scrypt parameters", core.ErrBadKeyData)
	}
	if r > 1<<32 || p > 1<<32 || n > 1<<62 {
		return fmt.Errorf("%w: scrypt parameters need more than %d bytes of memory", core.ErrBadKeyData, MaxScryptMemory)
	}
	hi, mem := bits.Mul64(128*r, n+p) // no overflow inside: r, p <= 2^32, n <= 2^62
	if hi != 0 || mem > MaxScryptMemory {
		return fmt.Errorf("%w: scrypt parameters need more than %d bytes of memory", core.ErrBadKeyData, MaxScryptMemory)
	}
	return nil
}

// DecryptPKCS8 parses an EncryptedPrivateKeyInfo and decrypts it, returning
// the PrivateKeyInfo. The checks come in pyca's order: structure
// (core.ErrBadKeyData), then the password (core.ErrPasswordRequired when nil or
// empty), then the algorithm (core.ErrBadKeyData), then decryption
// (ErrIncorrectPassword).
func DecryptPKCS8(der, password []byte) ([]byte, error) {
	input := cryptobyte.String(der)
	var seq, ct cryptobyte.String
	if !input.ReadASN1(&seq, cbasn1.SEQUENCE) || !input.Empty() {
		return nil, errMalformedEPKI
	}
	oid, params, ok := ReadAlgorithmIdentifier(&seq)
	if !ok || !seq.ReadASN1(&ct, cbasn1.OCTET_STRING) || !seq.Empty() {
		return nil, errMalformedEPKI
	}
	scheme, err := parsePBEScheme(oid, params)
	if err != nil {
		return nil, err
	}
	if len(password) == 0 {
		return nil, core.ErrPasswordRequired
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
			return nil, ErrIncorrectPassword
		}
		pt := make([]byte, len(ct))
		c.XORKeyStream(pt, ct)
		return pt, nil
	}
	return pbeCBCDecrypt(scheme.cipher, key, iv, ct)
}
