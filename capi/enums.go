package main

/*
#include "cryptogo_types.h"
*/
import "C"

import (
	"github.com/cryptogo/libcrypto-go/core/dsa"
	"github.com/cryptogo/libcrypto-go/core/ec"
	"github.com/cryptogo/libcrypto-go/core/hash"
	"github.com/cryptogo/libcrypto-go/core/keys"
	"github.com/cryptogo/libcrypto-go/core/rsa"
)

// capi converts the C enums of cryptogo_types.h to core's types by value
// (keys.Encoding(encoding), hash.Algorithm(alg), ...), so the two must agree
// member for member. Each check below indexes a one-element array with the
// difference: a constant index other than 0 is a compile error, so any drift
// breaks the build.
type enumCheck [1]struct{}

var _ = enumCheck{}[C.CRYPTOGO_KEY_RSA-int(keys.RSA)]
var _ = enumCheck{}[C.CRYPTOGO_KEY_EC-int(keys.EC)]
var _ = enumCheck{}[C.CRYPTOGO_KEY_ED25519-int(keys.Ed25519)]
var _ = enumCheck{}[C.CRYPTOGO_KEY_X25519-int(keys.X25519)]
var _ = enumCheck{}[C.CRYPTOGO_KEY_ED448-int(keys.Ed448)]
var _ = enumCheck{}[C.CRYPTOGO_KEY_X448-int(keys.X448)]
var _ = enumCheck{}[C.CRYPTOGO_KEY_DSA-int(keys.DSA)]
var _ = enumCheck{}[C.CRYPTOGO_KEY_ML_KEM_768-int(keys.MLKEM768)]
var _ = enumCheck{}[C.CRYPTOGO_KEY_ML_KEM_1024-int(keys.MLKEM1024)]
var _ = enumCheck{}[C.CRYPTOGO_KEY_ML_DSA_44-int(keys.MLDSA44)]
var _ = enumCheck{}[C.CRYPTOGO_KEY_ML_DSA_65-int(keys.MLDSA65)]
var _ = enumCheck{}[C.CRYPTOGO_KEY_ML_DSA_87-int(keys.MLDSA87)]

var _ = enumCheck{}[C.CRYPTOGO_EC_SECP224R1-int(ec.SECP224R1)]
var _ = enumCheck{}[C.CRYPTOGO_EC_SECP256R1-int(ec.SECP256R1)]
var _ = enumCheck{}[C.CRYPTOGO_EC_SECP384R1-int(ec.SECP384R1)]
var _ = enumCheck{}[C.CRYPTOGO_EC_SECP521R1-int(ec.SECP521R1)]

var _ = enumCheck{}[C.CRYPTOGO_ENCODING_PEM-int(keys.EncodingPEM)]
var _ = enumCheck{}[C.CRYPTOGO_ENCODING_DER-int(keys.EncodingDER)]
var _ = enumCheck{}[C.CRYPTOGO_ENCODING_RAW-int(keys.EncodingRaw)]
var _ = enumCheck{}[C.CRYPTOGO_ENCODING_X962-int(keys.EncodingX962)]
var _ = enumCheck{}[C.CRYPTOGO_ENCODING_OPENSSH-int(keys.EncodingOpenSSH)]
var _ = enumCheck{}[C.CRYPTOGO_ENCODING_SMIME-int(keys.EncodingSMIME)]

var _ = enumCheck{}[C.CRYPTOGO_PRIVATE_FORMAT_PKCS8-int(keys.PrivateFormatPKCS8)]
var _ = enumCheck{}[C.CRYPTOGO_PRIVATE_FORMAT_TRADITIONAL_OPENSSL-int(keys.PrivateFormatTraditionalOpenSSL)]
var _ = enumCheck{}[C.CRYPTOGO_PRIVATE_FORMAT_RAW-int(keys.PrivateFormatRaw)]
var _ = enumCheck{}[C.CRYPTOGO_PRIVATE_FORMAT_OPENSSH-int(keys.PrivateFormatOpenSSH)]
var _ = enumCheck{}[C.CRYPTOGO_PRIVATE_FORMAT_PKCS12-int(keys.PrivateFormatPKCS12)]

var _ = enumCheck{}[C.CRYPTOGO_PUBLIC_FORMAT_SUBJECT_PUBLIC_KEY_INFO-int(keys.PublicFormatSubjectPublicKeyInfo)]
var _ = enumCheck{}[C.CRYPTOGO_PUBLIC_FORMAT_PKCS1-int(keys.PublicFormatPKCS1)]
var _ = enumCheck{}[C.CRYPTOGO_PUBLIC_FORMAT_RAW-int(keys.PublicFormatRaw)]
var _ = enumCheck{}[C.CRYPTOGO_PUBLIC_FORMAT_COMPRESSED_POINT-int(keys.PublicFormatCompressedPoint)]
var _ = enumCheck{}[C.CRYPTOGO_PUBLIC_FORMAT_UNCOMPRESSED_POINT-int(keys.PublicFormatUncompressedPoint)]
var _ = enumCheck{}[C.CRYPTOGO_PUBLIC_FORMAT_OPENSSH-int(keys.PublicFormatOpenSSH)]

var _ = enumCheck{}[C.CRYPTOGO_HASH_SHA1-int(hash.SHA1)]
var _ = enumCheck{}[C.CRYPTOGO_HASH_SHA224-int(hash.SHA224)]
var _ = enumCheck{}[C.CRYPTOGO_HASH_SHA256-int(hash.SHA256)]
var _ = enumCheck{}[C.CRYPTOGO_HASH_SHA384-int(hash.SHA384)]
var _ = enumCheck{}[C.CRYPTOGO_HASH_SHA512-int(hash.SHA512)]
var _ = enumCheck{}[C.CRYPTOGO_HASH_SHA512_224-int(hash.SHA512_224)]
var _ = enumCheck{}[C.CRYPTOGO_HASH_SHA512_256-int(hash.SHA512_256)]
var _ = enumCheck{}[C.CRYPTOGO_HASH_SHA3_224-int(hash.SHA3_224)]
var _ = enumCheck{}[C.CRYPTOGO_HASH_SHA3_256-int(hash.SHA3_256)]
var _ = enumCheck{}[C.CRYPTOGO_HASH_SHA3_384-int(hash.SHA3_384)]
var _ = enumCheck{}[C.CRYPTOGO_HASH_SHA3_512-int(hash.SHA3_512)]
var _ = enumCheck{}[C.CRYPTOGO_HASH_SHAKE128-int(hash.SHAKE128)]
var _ = enumCheck{}[C.CRYPTOGO_HASH_SHAKE256-int(hash.SHAKE256)]
var _ = enumCheck{}[C.CRYPTOGO_HASH_BLAKE2B-int(hash.BLAKE2b)]
var _ = enumCheck{}[C.CRYPTOGO_HASH_BLAKE2S-int(hash.BLAKE2s)]
var _ = enumCheck{}[C.CRYPTOGO_HASH_MD5-int(hash.MD5)]
var _ = enumCheck{}[C.CRYPTOGO_HASH_SM3-int(hash.SM3)]

var _ = enumCheck{}[C.CRYPTOGO_RSA_N-int(rsa.ComponentN)]
var _ = enumCheck{}[C.CRYPTOGO_RSA_E-int(rsa.ComponentE)]
var _ = enumCheck{}[C.CRYPTOGO_RSA_D-int(rsa.ComponentD)]
var _ = enumCheck{}[C.CRYPTOGO_RSA_P-int(rsa.ComponentP)]
var _ = enumCheck{}[C.CRYPTOGO_RSA_Q-int(rsa.ComponentQ)]
var _ = enumCheck{}[C.CRYPTOGO_RSA_DMP1-int(rsa.ComponentDMP1)]
var _ = enumCheck{}[C.CRYPTOGO_RSA_DMQ1-int(rsa.ComponentDMQ1)]
var _ = enumCheck{}[C.CRYPTOGO_RSA_IQMP-int(rsa.ComponentIQMP)]

var _ = enumCheck{}[C.CRYPTOGO_PSS_SALT_MAX_LENGTH-rsa.PSSSaltMaxLength]
var _ = enumCheck{}[C.CRYPTOGO_PSS_SALT_DIGEST_LENGTH-rsa.PSSSaltDigestLength]
var _ = enumCheck{}[C.CRYPTOGO_PSS_SALT_AUTO-rsa.PSSSaltAuto]

var _ = enumCheck{}[C.CRYPTOGO_DSA_P-int(dsa.ComponentP)]
var _ = enumCheck{}[C.CRYPTOGO_DSA_Q-int(dsa.ComponentQ)]
var _ = enumCheck{}[C.CRYPTOGO_DSA_G-int(dsa.ComponentG)]
var _ = enumCheck{}[C.CRYPTOGO_DSA_Y-int(dsa.ComponentY)]
var _ = enumCheck{}[C.CRYPTOGO_DSA_X-int(dsa.ComponentX)]
var _ = enumCheck{}[C.CRYPTOGO_KEY_LOAD_REASON_NONE-int(keys.ReasonNone)]
var _ = enumCheck{}[C.CRYPTOGO_KEY_LOAD_REASON_EC_POINT_AT_INFINITY-int(keys.ReasonECPointAtInfinity)]
var _ = enumCheck{}[C.CRYPTOGO_KEY_LOAD_REASON_EC_EXPLICIT_CURVE-int(keys.ReasonECExplicitCurve)]
var _ = enumCheck{}[C.CRYPTOGO_KEY_LOAD_REASON_EC_PRIVATE_VALUE_LENGTH-int(keys.ReasonECPrivateValueLength)]
var _ = enumCheck{}[C.CRYPTOGO_KEY_LOAD_REASON_EC_INVALID_KEY-int(keys.ReasonECInvalidKey)]
