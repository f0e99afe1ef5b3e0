/* bad_input_ec test: misuse of the EC exports (generation, derivation,
 * points and numbers, curve and value accessors, ECDSA, ECDH). See bad_input.h. */
#include "bad_input.h"

#define P256 CRYPTOGO_EC_SECP256R1
#define SHA256 CRYPTOGO_HASH_SHA256

/* the P-256 generator, uncompressed */
static const uint8_t g256[65] = {
    0x04, 0x6b, 0x17, 0xd1, 0xf2, 0xe1, 0x2c, 0x42, 0x47, 0xf8, 0xbc, 0xe6, 0xe5, 0x63, 0xa4, 0x40, 0xf2, 0x77,
    0x03, 0x7d, 0x81, 0x2d, 0xeb, 0x33, 0xa0, 0xf4, 0xa1, 0x39, 0x45, 0xd8, 0x98, 0xc2, 0x96, 0x4f, 0xe3, 0x42,
    0xe2, 0xfe, 0x1a, 0x7f, 0x9b, 0x8e, 0xe7, 0xeb, 0x4a, 0x7c, 0x0f, 0x9e, 0x16, 0x2b, 0xce, 0x33, 0x57, 0x6b,
    0x31, 0x5e, 0xce, 0xcb, 0xb6, 0x40, 0x68, 0x37, 0xbf, 0x51, 0xf5};

static void test_create(void)
{
    cryptogo_private_key *k = NULL;
    cryptogo_public_key *p = NULL;
    static const uint8_t zero[66];
    static const uint8_t ff[66] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                                   0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                                   0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
    uint8_t bad_point[65];

    check_section("ec generate / derive: NULL out, unknown curves, scalar 0 and >= order, huge length");
    CHECK_RC(cryptogo_ec_generate(NULL, P256), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ec_generate(&k, 0), CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
    CHECK_RC(cryptogo_ec_generate(&k, 5), CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
    CHECK_RC(cryptogo_ec_generate(&k, -1), CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
    CHECK(k == NULL);
    CHECK_RC(cryptogo_ec_derive_private_key(NULL, P256, bi_data, 32), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ec_derive_private_key(&k, P256, NULL, 32), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ec_derive_private_key(&k, P256, bi_data, HUGE_LEN), CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_ec_derive_private_key(&k, P256, NULL, 0), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ec_derive_private_key(&k, P256, zero, 32), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ec_derive_private_key(&k, P256, ff, 32), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ec_derive_private_key(&k, P256, bi_data, 33), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ec_derive_private_key(&k, 9, bi_data, 32), CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
    CHECK(k == NULL);

    check_section("ec public keys from points and numbers: off-curve, bad encodings, NULL");
    memcpy(bad_point, g256, sizeof bad_point);
    bad_point[64] ^= 1;
    CHECK_RC(cryptogo_ec_public_key_from_point(NULL, P256, g256, 65), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ec_public_key_from_point(&p, P256, NULL, 65), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ec_public_key_from_point(&p, P256, g256, HUGE_LEN), CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_ec_public_key_from_point(&p, P256, NULL, 0), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ec_public_key_from_point(&p, P256, bad_point, 65), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ec_public_key_from_point(&p, P256, g256, 64), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ec_public_key_from_point(&p, P256, zero, 1), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ec_public_key_from_point(&p, CRYPTOGO_EC_SECP384R1, g256, 65), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ec_public_key_from_point(&p, 77, g256, 65), CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
    CHECK(p == NULL);
    CHECK_RC(cryptogo_ec_public_key_from_numbers(NULL, P256, g256 + 1, 32, g256 + 33, 32),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ec_public_key_from_numbers(&p, P256, NULL, 32, g256 + 33, 32), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ec_public_key_from_numbers(&p, P256, g256 + 1, 32, NULL, 32), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ec_public_key_from_numbers(&p, P256, g256 + 1, HUGE_LEN, g256 + 33, 32),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_ec_public_key_from_numbers(&p, P256, g256 + 1, 32, g256 + 33, HUGE_LEN),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_ec_public_key_from_numbers(&p, P256, bad_point + 1, 32, bad_point + 33, 32),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ec_public_key_from_numbers(&p, P256, NULL, 0, NULL, 0), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ec_public_key_from_numbers(&p, P256, ff, 33, g256 + 33, 32), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ec_public_key_from_numbers(&p, 0, g256 + 1, 32, g256 + 33, 32),
             CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
    CHECK(p == NULL);
    CHECK_OK(cryptogo_ec_public_key_from_point(&p, P256, g256, 65));
    CHECK_OK(cryptogo_public_key_free(p));
    p = NULL;
    CHECK_OK(cryptogo_ec_public_key_from_numbers(&p, P256, g256 + 1, 32, g256 + 33, 32));
    CHECK_OK(cryptogo_public_key_free(p));
}

static void test_ops(cryptogo_private_key *k, cryptogo_public_key *pub, cryptogo_public_key *pub384,
                     cryptogo_private_key *ed, cryptogo_public_key *edpub)
{
    cryptogo_private_key *bk;
    cryptogo_public_key *bp;
    uint8_t sig[80];
    size_t sig_len = 0;
    int curve = 0;
    uint8_t digest[32] = {0};

    check_section("ec accessors: NULL out, wrong key types, bad components, short buffers");
    CHECK_RC(cryptogo_ec_key_curve(NULL, pub), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ec_key_curve(&curve, edpub), CRYPTOGO_ERR_TYPE);
    CHECK_OK(cryptogo_ec_key_curve(&curve, pub));
    CHECK(curve == P256);
    CHECK_RC(cryptogo_ec_private_key_curve(NULL, k), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ec_private_key_curve(&curve, ed), CRYPTOGO_ERR_TYPE);
    CHECK_OK(cryptogo_ec_private_key_curve(&curve, k));
    CHECK(curve == P256);
    CHECK_RC(cryptogo_ec_public_key_number(bi_buf, sizeof bi_buf, NULL, 1, pub), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ec_public_key_number(NULL, 32, &bi_len, 1, pub), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ec_public_key_number(bi_buf, sizeof bi_buf, &bi_len, 0, pub), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ec_public_key_number(bi_buf, sizeof bi_buf, &bi_len, 3, pub), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ec_public_key_number(bi_buf, sizeof bi_buf, &bi_len, 1, edpub), CRYPTOGO_ERR_TYPE);
    CHECK_RC(cryptogo_ec_public_key_number(bi_buf, 31, &bi_len, 2, pub), CRYPTOGO_ERR_BUFFER_TOO_SMALL);
    CHECK(bi_len == 32);
    SHORT_BUFFER(cryptogo_ec_public_key_number(SB_OUT, sb_cap, &sb_len, 1, pub));
    SHORT_BUFFER(cryptogo_ec_public_key_number(SB_OUT, sb_cap, &sb_len, 2, pub384));
    CHECK_RC(cryptogo_ec_private_key_value(bi_buf, sizeof bi_buf, NULL, k), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ec_private_key_value(NULL, 32, &bi_len, k), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ec_private_key_value(bi_buf, sizeof bi_buf, &bi_len, ed), CRYPTOGO_ERR_TYPE);
    SHORT_BUFFER(cryptogo_ec_private_key_value(SB_OUT, sb_cap, &sb_len, k));

    check_section("ecdsa sign/verify: NULL pointers, huge lengths, hashes, prehashed sizes, key types");
    CHECK_RC(cryptogo_ecdsa_sign(bi_buf, sizeof bi_buf, NULL, bi_data, 10, SHA256, 0, 0, k),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ecdsa_sign(bi_buf, sizeof bi_buf, &bi_len, NULL, 10, SHA256, 0, 0, k),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ecdsa_sign(bi_buf, sizeof bi_buf, &bi_len, bi_data, HUGE_LEN, SHA256, 0, 0, k),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_ecdsa_sign(NULL, 72, &bi_len, bi_data, 10, SHA256, 0, 0, k), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ecdsa_sign(bi_buf, sizeof bi_buf, &bi_len, bi_data, 10, CRYPTOGO_HASH_SHAKE128, 0, 0, k),
             CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
    CHECK_RC(cryptogo_ecdsa_sign(bi_buf, sizeof bi_buf, &bi_len, bi_data, 10, CRYPTOGO_HASH_NONE, 0, 0, k),
             CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
    CHECK_RC(cryptogo_ecdsa_sign(bi_buf, sizeof bi_buf, &bi_len, bi_data, 10, 999, 0, 1, k),
             CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
    CHECK_RC(cryptogo_ecdsa_sign(bi_buf, sizeof bi_buf, &bi_len, bi_data, 31, SHA256, 1, 0, k),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ecdsa_sign(bi_buf, sizeof bi_buf, &bi_len, bi_data, 10, SHA256, 0, 0, ed), CRYPTOGO_ERR_TYPE);
    SHORT_BUFFER(cryptogo_ecdsa_sign(SB_OUT, sb_cap, &sb_len, bi_data, 10, SHA256, 0, 1, k));
    SHORT_BUFFER(cryptogo_ecdsa_sign(SB_OUT, sb_cap, &sb_len, bi_data, 10, SHA256, 0, 0, k));
    CHECK_OK(cryptogo_ecdsa_sign(sig, sizeof sig, &sig_len, NULL, 0, SHA256, 0, 1, k));
    CHECK_OK(cryptogo_ecdsa_verify(sig, sig_len, NULL, 0, SHA256, 0, pub));
    CHECK_RC(cryptogo_ecdsa_verify(sig, sig_len, bi_data, 1, SHA256, 0, pub), CRYPTOGO_ERR_INVALID_SIGNATURE);
    CHECK_RC(cryptogo_ecdsa_verify(sig, sig_len - 1, NULL, 0, SHA256, 0, pub), CRYPTOGO_ERR_INVALID_SIGNATURE);
    CHECK_RC(cryptogo_ecdsa_verify(sig, sig_len, NULL, 0, SHA256, 0, pub384), CRYPTOGO_ERR_INVALID_SIGNATURE);
    CHECK_RC(cryptogo_ecdsa_verify(NULL, 0, NULL, 0, SHA256, 0, pub), CRYPTOGO_ERR_INVALID_SIGNATURE);
    CHECK_RC(cryptogo_ecdsa_verify(NULL, 64, NULL, 0, SHA256, 0, pub), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ecdsa_verify(sig, sig_len, NULL, 5, SHA256, 0, pub), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ecdsa_verify(sig, HUGE_LEN, NULL, 0, SHA256, 0, pub), CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_ecdsa_verify(sig, sig_len, bi_data, HUGE_LEN, SHA256, 0, pub), CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_ecdsa_verify(sig, sig_len, digest, 31, SHA256, 1, pub), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ecdsa_verify(sig, sig_len, digest, 32, CRYPTOGO_HASH_BLAKE2S, 1, pub),
             CRYPTOGO_ERR_INVALID_SIGNATURE); /* any hash: a digest it did not sign */
    CHECK_RC(cryptogo_ecdsa_sign(bi_buf, sizeof bi_buf, &bi_len, digest, 32, CRYPTOGO_HASH_BLAKE2S, 1, 1, k),
             CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM); /* deterministic: SHA-1/2/3 and MD5 only */
    CHECK_OK(cryptogo_ecdsa_sign(bi_buf, sizeof bi_buf, &bi_len, digest, 20, CRYPTOGO_HASH_SHAKE128, 1, 0, k));
    CHECK_RC(cryptogo_ecdsa_sign(bi_buf, sizeof bi_buf, &bi_len, digest, 0, CRYPTOGO_HASH_SHAKE128, 1, 0, k),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ecdsa_verify(sig, sig_len, NULL, 0, SHA256, 0, edpub), CRYPTOGO_ERR_TYPE);

    check_section("ecdh exchange: NULL pointers, curve mismatch, wrong key types, short buffers");
    CHECK_RC(cryptogo_ecdh_exchange(bi_buf, sizeof bi_buf, NULL, k, pub), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ecdh_exchange(NULL, 32, &bi_len, k, pub), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ecdh_exchange(bi_buf, 31, &bi_len, k, pub), CRYPTOGO_ERR_BUFFER_TOO_SMALL);
    CHECK(bi_len == 32);
    CHECK_RC(cryptogo_ecdh_exchange(bi_buf, sizeof bi_buf, &bi_len, k, pub384), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_ecdh_exchange(bi_buf, sizeof bi_buf, &bi_len, k, edpub), CRYPTOGO_ERR_TYPE);
    CHECK_RC(cryptogo_ecdh_exchange(bi_buf, sizeof bi_buf, &bi_len, ed, pub), CRYPTOGO_ERR_TYPE);
    SHORT_BUFFER(cryptogo_ecdh_exchange(SB_OUT, sb_cap, &sb_len, k, pub));

    check_section("key load reasons: NULL out_reason, huge lengths, pyca's precise cases");
    {
        /* P-256 SPKI holding the point at infinity; a SEC 1 key whose value is 1 byte */
        static const uint8_t inf[27] = {0x30, 0x19, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48,
                                        0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a, 0x86, 0x48,
                                        0xce, 0x3d, 0x03, 0x01, 0x07, 0x03, 0x02, 0x00, 0x00};
        static const uint8_t short_priv[20] = {0x30, 0x12, 0x02, 0x01, 0x01, 0x04, 0x01, 0x01, 0xa0, 0x0a,
                                               0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07};
        int reason = -1;
        cryptogo_public_key *pk = NULL;
        CHECK_RC(cryptogo_public_key_load_reason(NULL, inf, sizeof inf, CRYPTOGO_ENCODING_DER),
                 CRYPTOGO_ERR_INVALID_ARGUMENT);
        CHECK_RC(cryptogo_public_key_load_reason(&reason, NULL, 5, CRYPTOGO_ENCODING_DER),
                 CRYPTOGO_ERR_INVALID_ARGUMENT);
        CHECK_RC(cryptogo_public_key_load_reason(&reason, inf, HUGE_LEN, CRYPTOGO_ENCODING_DER),
                 CRYPTOGO_ERR_OVERFLOW);
        CHECK_RC(cryptogo_public_key_load(&pk, inf, sizeof inf, CRYPTOGO_ENCODING_DER), CRYPTOGO_ERR_BAD_KEY_DATA);
        CHECK_OK(cryptogo_public_key_load_reason(&reason, inf, sizeof inf, CRYPTOGO_ENCODING_DER));
        CHECK(reason == CRYPTOGO_KEY_LOAD_REASON_EC_POINT_AT_INFINITY);
        CHECK_OK(cryptogo_public_key_load_reason(&reason, bi_data, 10, CRYPTOGO_ENCODING_DER));
        CHECK(reason == CRYPTOGO_KEY_LOAD_REASON_NONE);
        CHECK_OK(cryptogo_public_key_load_reason(&reason, inf, sizeof inf, 77));
        CHECK(reason == CRYPTOGO_KEY_LOAD_REASON_NONE);
        CHECK_RC(cryptogo_private_key_load_reason(NULL, short_priv, sizeof short_priv, NULL, 0,
                                                  CRYPTOGO_ENCODING_DER),
                 CRYPTOGO_ERR_INVALID_ARGUMENT);
        CHECK_RC(cryptogo_private_key_load_reason(&reason, short_priv, sizeof short_priv, NULL, 3,
                                                  CRYPTOGO_ENCODING_DER),
                 CRYPTOGO_ERR_INVALID_ARGUMENT);
        CHECK_RC(cryptogo_private_key_load_reason(&reason, short_priv, HUGE_LEN, NULL, 0, CRYPTOGO_ENCODING_DER),
                 CRYPTOGO_ERR_OVERFLOW);
        CHECK_OK(cryptogo_private_key_load_reason(&reason, short_priv, sizeof short_priv, NULL, 0,
                                                  CRYPTOGO_ENCODING_DER));
        CHECK(reason == CRYPTOGO_KEY_LOAD_REASON_EC_PRIVATE_VALUE_LENGTH);
        CHECK_OK(cryptogo_private_key_load_reason(&reason, NULL, 0, NULL, 0, CRYPTOGO_ENCODING_PEM));
        CHECK(reason == CRYPTOGO_KEY_LOAD_REASON_NONE);
    }

    check_section("bad handles");
    FOR_BAD_HANDLES(cryptogo_private_key, bk)
    {
        CHECK_BAD_HANDLE(cryptogo_ec_private_key_curve(&curve, bk));
        CHECK_BAD_HANDLE(cryptogo_ec_private_key_value(bi_buf, sizeof bi_buf, &bi_len, bk));
        CHECK_BAD_HANDLE(cryptogo_ecdsa_sign(bi_buf, sizeof bi_buf, &bi_len, bi_data, 10, SHA256, 0, 0, bk));
        CHECK_BAD_HANDLE(cryptogo_ecdh_exchange(bi_buf, sizeof bi_buf, &bi_len, bk, pub));
    }
    FOR_BAD_HANDLES(cryptogo_public_key, bp)
    {
        CHECK_BAD_HANDLE(cryptogo_ec_key_curve(&curve, bp));
        CHECK_BAD_HANDLE(cryptogo_ec_public_key_number(bi_buf, sizeof bi_buf, &bi_len, 1, bp));
        CHECK_BAD_HANDLE(cryptogo_ecdsa_verify(sig, sig_len, NULL, 0, SHA256, 0, bp));
        CHECK_BAD_HANDLE(cryptogo_ecdh_exchange(bi_buf, sizeof bi_buf, &bi_len, k, bp));
    }
    CHECK_RC(cryptogo_ec_key_curve(&curve, NULL), CRYPTOGO_ERR_INVALID_HANDLE);
    CHECK_RC(cryptogo_ec_private_key_curve(&curve, NULL), CRYPTOGO_ERR_INVALID_HANDLE);
    CHECK_RC(cryptogo_ec_public_key_number(bi_buf, sizeof bi_buf, &bi_len, 1, NULL), CRYPTOGO_ERR_INVALID_HANDLE);
    CHECK_RC(cryptogo_ec_private_key_value(bi_buf, sizeof bi_buf, &bi_len, NULL), CRYPTOGO_ERR_INVALID_HANDLE);
    CHECK_RC(cryptogo_ecdsa_sign(bi_buf, sizeof bi_buf, &bi_len, bi_data, 10, SHA256, 0, 0, NULL),
             CRYPTOGO_ERR_INVALID_HANDLE);
    CHECK_RC(cryptogo_ecdsa_verify(sig, sig_len, NULL, 0, SHA256, 0, NULL), CRYPTOGO_ERR_INVALID_HANDLE);
    CHECK_RC(cryptogo_ecdh_exchange(bi_buf, sizeof bi_buf, &bi_len, NULL, pub), CRYPTOGO_ERR_INVALID_HANDLE);
    CHECK_RC(cryptogo_ecdh_exchange(bi_buf, sizeof bi_buf, &bi_len, k, NULL), CRYPTOGO_ERR_INVALID_HANDLE);
}

int main(void)
{
    size_t live = LIVE_BEGIN();
    cryptogo_private_key *k = NULL, *k384 = NULL, *ed = NULL, *freed = NULL;
    cryptogo_public_key *pub = NULL, *pub384 = NULL, *edpub = NULL;
    bad_setup(0);
    CHECK_OK(cryptogo_ec_generate(&freed, P256));
    CHECK_OK(cryptogo_private_key_free(freed));
    bad_set_freed(freed);
    test_create();
    CHECK_OK(cryptogo_ec_generate(&k, P256));
    CHECK_OK(cryptogo_ec_generate(&k384, CRYPTOGO_EC_SECP384R1));
    CHECK_OK(cryptogo_private_key_generate(&ed, CRYPTOGO_KEY_ED25519));
    CHECK_OK(cryptogo_private_key_public_key(&pub, k));
    CHECK_OK(cryptogo_private_key_public_key(&pub384, k384));
    CHECK_OK(cryptogo_private_key_public_key(&edpub, ed));
    if (k && k384 && ed && pub && pub384 && edpub)
        test_ops(k, pub, pub384, ed, edpub);
    CHECK_OK(cryptogo_public_key_free(pub));
    CHECK_OK(cryptogo_public_key_free(pub384));
    CHECK_OK(cryptogo_public_key_free(edpub));
    CHECK_OK(cryptogo_private_key_free(k));
    CHECK_OK(cryptogo_private_key_free(k384));
    CHECK_OK(cryptogo_private_key_free(ed));
    bad_teardown(0);
    CHECK_LIVE(live);
    return check_done();
}
