/*
 * cryptogo_types.h - hand-written types for libcrypto-go's C ABI.
 *
 * Status codes, opaque handle types and fixed sizes. Included by the generated
 * public header <cryptogo.h> and by the cgo preamble of capi/, so the library
 * and its callers compile against the same definitions.
 */
#ifndef CRYPTOGO_TYPES_H
#define CRYPTOGO_TYPES_H

#include <stddef.h>
#include <stdint.h>

/* CRYPTOGO_NODISCARD marks the functions whose status is a security decision
 * (decrypt, verify, load, ...; capi/abigen applies it by a rule on the name):
 * the compiler warns when a caller ignores the status. [[nodiscard]] in C++17
 * and C23, warn_unused_result with GCC and Clang otherwise, nothing elsewhere.
 * Define it (empty) before including <cryptogo.h> to override. */
#ifndef CRYPTOGO_NODISCARD
#  if defined(__cplusplus) && __cplusplus >= 201703L
#    define CRYPTOGO_NODISCARD [[nodiscard]]
#  elif !defined(__cplusplus) && defined(__STDC_VERSION__) && __STDC_VERSION__ >= 202311L
#    define CRYPTOGO_NODISCARD [[nodiscard]]
#  elif defined(__GNUC__) || defined(__clang__)
#    define CRYPTOGO_NODISCARD __attribute__((warn_unused_result))
#  else
#    define CRYPTOGO_NODISCARD
#  endif
#endif

/* Status codes: every export returns CRYPTOGO_OK or one of the negative codes.
 * Each code maps to one exception kind of Python's `cryptography` (pyca). */
enum cryptogo_status {
    CRYPTOGO_OK = 0,
    CRYPTOGO_ERR_INTERNAL = -1,              /* a bug: a recovered panic (pyca: InternalError) */
    CRYPTOGO_ERR_INVALID_ARGUMENT = -2,      /* ValueError: bad size, bad value */
    CRYPTOGO_ERR_TYPE = -3,                  /* TypeError: wrong kind of argument */
    CRYPTOGO_ERR_BUFFER_TOO_SMALL = -4,      /* out_cap too small; *out_len holds the size needed */
    CRYPTOGO_ERR_INVALID_HANDLE = -5,        /* NULL, freed, unknown or wrong-kind handle */
    CRYPTOGO_ERR_INVALID_TOKEN = -6,         /* fernet.InvalidToken */
    CRYPTOGO_ERR_INVALID_TAG = -7,           /* exceptions.InvalidTag */
    CRYPTOGO_ERR_INVALID_SIGNATURE = -8,     /* exceptions.InvalidSignature */
    CRYPTOGO_ERR_INVALID_KEY = -9,           /* exceptions.InvalidKey (KDF verify) */
    CRYPTOGO_ERR_ALREADY_FINALIZED = -10,    /* exceptions.AlreadyFinalized */
    CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM = -11,/* exceptions.UnsupportedAlgorithm */
    CRYPTOGO_ERR_DECRYPTION_FAILED = -12,    /* ValueError("Decryption failed") for RSA */
    CRYPTOGO_ERR_OVERFLOW = -13,             /* OverflowError: input too large */
    CRYPTOGO_ERR_PASSWORD_REQUIRED = -14,    /* TypeError: key is encrypted, no password given */
    CRYPTOGO_ERR_PASSWORD_UNEXPECTED = -15,  /* TypeError: password given, key not encrypted */
    CRYPTOGO_ERR_BAD_KEY_DATA = -16          /* ValueError: malformed key or wrong password */
};

/* Const input buffers. Typedefs so cgo's own header and <cryptogo.h> agree. */
typedef const uint8_t cryptogo_in;
typedef const char cryptogo_cchar;

/* Opaque handles. Create with *_new / *_generate / *_load, release with the
 * matching *_free. Freeing NULL is a no-op; freeing a freed or unknown pointer
 * returns CRYPTOGO_ERR_INVALID_HANDLE. */
typedef struct cryptogo_fernet cryptogo_fernet;
typedef struct cryptogo_multifernet cryptogo_multifernet;
typedef struct cryptogo_hash cryptogo_hash;
typedef struct cryptogo_hmac cryptogo_hmac;
typedef struct cryptogo_aesgcm cryptogo_aesgcm;
typedef struct cryptogo_chacha20poly1305 cryptogo_chacha20poly1305;
/* Keys of every algorithm (OpenSSL's EVP_PKEY, pyca's key classes): one
 * handle kind for private keys, one for public keys. cryptogo_*_key_type
 * tells the algorithm; an operation given a key of another algorithm returns
 * CRYPTOGO_ERR_TYPE, a public-key handle where a private one is expected (or
 * the reverse) CRYPTOGO_ERR_INVALID_HANDLE. */
typedef struct cryptogo_private_key cryptogo_private_key;
typedef struct cryptogo_public_key cryptogo_public_key;
/* Read-only views of the key handles: the functions that only read a key take
 * `const cryptogo_private_key *` (a Go signature cannot spell const; these
 * names are how capi writes it, and the generated header shows const). */
typedef const cryptogo_private_key cryptogo_const_private_key;
typedef const cryptogo_public_key cryptogo_const_public_key;

/* Key algorithms (cryptogo_private_key_type, cryptogo_public_key_type).
 * Values are ABI: never renumbered. RSA, EC, Ed25519, X25519, Ed448 and X448
 * keys exist today; loading a key of another type returns
 * CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM. */
enum cryptogo_key_type {
    CRYPTOGO_KEY_RSA = 1,
    CRYPTOGO_KEY_EC = 2,
    CRYPTOGO_KEY_ED25519 = 3,
    CRYPTOGO_KEY_X25519 = 4,
    CRYPTOGO_KEY_ED448 = 5,
    CRYPTOGO_KEY_X448 = 6,
    CRYPTOGO_KEY_DSA = 7,
    CRYPTOGO_KEY_ML_KEM_768 = 8,
    CRYPTOGO_KEY_ML_KEM_1024 = 9,
    CRYPTOGO_KEY_ML_DSA_44 = 10,
    CRYPTOGO_KEY_ML_DSA_65 = 11,
    CRYPTOGO_KEY_ML_DSA_87 = 12
};

/* Elliptic curves of CRYPTOGO_KEY_EC keys (cryptogo_ec_*, cryptogo_ecdsa_*,
 * cryptogo_ecdh_exchange). Values are ABI: never renumbered. Other curves
 * (SECP192R1, SECP256K1, Brainpool, binary curves) are
 * CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM. */
enum cryptogo_ec_curve {
    CRYPTOGO_EC_SECP224R1 = 1,
    CRYPTOGO_EC_SECP256R1 = 2,
    CRYPTOGO_EC_SECP384R1 = 3,
    CRYPTOGO_EC_SECP521R1 = 4
};

/* Hash algorithm identifiers (cryptogo_hash_*, cryptogo_hmac_*, PBKDF2, RSA).
 * CRYPTOGO_HASH_NONE is no hash, only where a function says it is allowed
 * (cryptogo_rsa_recover_pkcs1v15: pyca's algorithm=None). */
enum cryptogo_hash_alg {
    CRYPTOGO_HASH_NONE = 0,
    CRYPTOGO_HASH_SHA1 = 1,
    CRYPTOGO_HASH_SHA224 = 2,
    CRYPTOGO_HASH_SHA256 = 3,
    CRYPTOGO_HASH_SHA384 = 4,
    CRYPTOGO_HASH_SHA512 = 5,
    CRYPTOGO_HASH_SHA512_224 = 6,
    CRYPTOGO_HASH_SHA512_256 = 7,
    CRYPTOGO_HASH_SHA3_224 = 8,
    CRYPTOGO_HASH_SHA3_256 = 9,
    CRYPTOGO_HASH_SHA3_384 = 10,
    CRYPTOGO_HASH_SHA3_512 = 11,
    CRYPTOGO_HASH_SHAKE128 = 12,
    CRYPTOGO_HASH_SHAKE256 = 13,
    CRYPTOGO_HASH_BLAKE2B = 14,
    CRYPTOGO_HASH_BLAKE2S = 15,
    CRYPTOGO_HASH_MD5 = 16,
    CRYPTOGO_HASH_SM3 = 17 /* GB/T 32905-2016; hash, HMAC and PBKDF2 only (not RSA) */
};

/* RSA: number components (cryptogo_rsa_private_key_number,
 * cryptogo_rsa_public_key_number). Big-endian unsigned bytes. */
enum cryptogo_rsa_component {
    CRYPTOGO_RSA_N = 1,
    CRYPTOGO_RSA_E = 2,
    CRYPTOGO_RSA_D = 3,
    CRYPTOGO_RSA_P = 4,
    CRYPTOGO_RSA_Q = 5,
    CRYPTOGO_RSA_DMP1 = 6,
    CRYPTOGO_RSA_DMQ1 = 7,
    CRYPTOGO_RSA_IQMP = 8
};

/* RSA-PSS salt length rules (pyca's padding.PSS.MAX_LENGTH, DIGEST_LENGTH,
 * AUTO); any value >= 0 is an explicit salt length. AUTO is for verify only. */
enum cryptogo_pss_salt {
    CRYPTOGO_PSS_SALT_MAX_LENGTH = -1,
    CRYPTOGO_PSS_SALT_DIGEST_LENGTH = -2,
    CRYPTOGO_PSS_SALT_AUTO = -3
};

/* Key serialization (pyca's serialization.Encoding, PrivateFormat,
 * PublicFormat). Every value of pyca's enums has its number; a key that
 * cannot take an encoding or format (today: an RSA key with anything but
 * PEM/DER and PKCS8/TraditionalOpenSSL or SubjectPublicKeyInfo/PKCS1) answers
 * CRYPTOGO_ERR_INVALID_ARGUMENT, pyca's ValueError. */
enum cryptogo_encoding {
    CRYPTOGO_ENCODING_PEM = 1,
    CRYPTOGO_ENCODING_DER = 2,
    CRYPTOGO_ENCODING_RAW = 3,
    CRYPTOGO_ENCODING_X962 = 4,
    CRYPTOGO_ENCODING_OPENSSH = 5,
    CRYPTOGO_ENCODING_SMIME = 6
};
enum cryptogo_private_format {
    CRYPTOGO_PRIVATE_FORMAT_PKCS8 = 1,
    CRYPTOGO_PRIVATE_FORMAT_TRADITIONAL_OPENSSL = 2,
    CRYPTOGO_PRIVATE_FORMAT_RAW = 3,
    CRYPTOGO_PRIVATE_FORMAT_OPENSSH = 4,
    CRYPTOGO_PRIVATE_FORMAT_PKCS12 = 5
};
enum cryptogo_public_format {
    CRYPTOGO_PUBLIC_FORMAT_SUBJECT_PUBLIC_KEY_INFO = 1,
    CRYPTOGO_PUBLIC_FORMAT_PKCS1 = 2,
    CRYPTOGO_PUBLIC_FORMAT_RAW = 3,
    CRYPTOGO_PUBLIC_FORMAT_COMPRESSED_POINT = 4,
    CRYPTOGO_PUBLIC_FORMAT_UNCOMPRESSED_POINT = 5,
    CRYPTOGO_PUBLIC_FORMAT_OPENSSH = 6
};

/* DSA: number components (cryptogo_dsa_public_key_number: P, Q, G, Y;
 * cryptogo_dsa_private_key_number: also X). Big-endian unsigned bytes.
 * Values are ABI: never renumbered. */
enum cryptogo_dsa_component {
    CRYPTOGO_DSA_P = 1,
    CRYPTOGO_DSA_Q = 2,
    CRYPTOGO_DSA_G = 3,
    CRYPTOGO_DSA_Y = 4,
    CRYPTOGO_DSA_X = 5
};

/* Why a key load failed, where pyca's message is more precise than the
 * status code (cryptogo_private_key_load_reason,
 * cryptogo_public_key_load_reason). Values are ABI: never renumbered. */
enum cryptogo_key_load_reason {
    CRYPTOGO_KEY_LOAD_REASON_NONE = 0,
    CRYPTOGO_KEY_LOAD_REASON_EC_POINT_AT_INFINITY = 1,   /* SPKI point is 0x00 */
    CRYPTOGO_KEY_LOAD_REASON_EC_EXPLICIT_CURVE = 2,      /* explicit parameters, not P-256/384/521 */
    CRYPTOGO_KEY_LOAD_REASON_EC_PRIVATE_VALUE_LENGTH = 3,/* privateKey not the curve's width */
    CRYPTOGO_KEY_LOAD_REASON_EC_INVALID_KEY = 4          /* value 0 or >= n, or public key mismatch */
};

/* Fixed sizes. Each has a matching size function (cryptogo_<name>()) and a
 * test asserting they agree. */
#define CRYPTOGO_FERNET_KEYBYTES 44          /* url-safe base64 of 32 raw bytes */
#define CRYPTOGO_FERNET_RAWKEYBYTES 32
#define CRYPTOGO_FERNET_IVBYTES 16           /* cryptogo_fernet_encrypt_at_time_with_iv */
#define CRYPTOGO_INPUTBYTES_MAX 4294967295 /* 2^32-1: any one input buffer; longer is CRYPTOGO_ERR_OVERFLOW */
#define CRYPTOGO_AEAD_MESSAGEBYTES_MAX 2147483647 /* 2^31-1: AEAD plaintext and associated data (pyca) */
#define CRYPTOGO_AESGCM_KEYBYTES_MIN 16      /* 16, 24 or 32 */
#define CRYPTOGO_AESGCM_KEYBYTES_MAX 32
#define CRYPTOGO_AESGCM_TAGBYTES 16
#define CRYPTOGO_AESGCM_NONCEBYTES 12        /* recommended; 8..128 accepted */
#define CRYPTOGO_AESGCM_NONCEBYTES_MIN 8
#define CRYPTOGO_AESGCM_NONCEBYTES_MAX 128
#define CRYPTOGO_CHACHA20POLY1305_KEYBYTES 32
#define CRYPTOGO_CHACHA20POLY1305_NONCEBYTES 12
#define CRYPTOGO_CHACHA20POLY1305_TAGBYTES 16
#define CRYPTOGO_HASH_DIGESTBYTES_MAX 64     /* fixed-size digests; SHAKE takes any size */
#define CRYPTOGO_ED25519_PUBLICKEYBYTES 32
#define CRYPTOGO_ED25519_SECRETKEYBYTES 32   /* the RFC 8032 seed */
#define CRYPTOGO_ED25519_SIGNATUREBYTES 64
#define CRYPTOGO_ED448_PUBLICKEYBYTES 57
#define CRYPTOGO_ED448_SECRETKEYBYTES 57     /* the RFC 8032 seed */
#define CRYPTOGO_ED448_SIGNATUREBYTES 114
#define CRYPTOGO_X25519_PUBLICKEYBYTES 32    /* also the shared secret */
#define CRYPTOGO_X25519_SECRETKEYBYTES 32
#define CRYPTOGO_X448_PUBLICKEYBYTES 56      /* also the shared secret */
#define CRYPTOGO_X448_SECRETKEYBYTES 56

#endif /* CRYPTOGO_TYPES_H */
