/* bad_input_rsa test: misuse of the RSA, key serialization, DSS signature and random
 * exports. See bad_input.h. A private-key handle passed as a public key (and
 * vice versa) is a wrong-kind handle. */
#include "bad_input.h"
#include "rsa_vectors.h"

#define SHA256 CRYPTOGO_HASH_SHA256
#define PEM CRYPTOGO_ENCODING_PEM
#define PKCS8 CRYPTOGO_PRIVATE_FORMAT_PKCS8
#define SPKI CRYPTOGO_PUBLIC_FORMAT_SUBJECT_PUBLIC_KEY_INFO

static uint8_t sig[256], ct[256], digest[32];
static size_t sig_len, ct_len;

static void test_random(void)
{
    check_section("random");
    CHECK(cryptogo_inputbytes_max() == CRYPTOGO_INPUTBYTES_MAX);
    CHECK_OK(cryptogo_random_bytes(NULL, 0));
    CHECK_RC(cryptogo_random_bytes(NULL, 16), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_random_bytes(bi_buf, HUGE_LEN), CRYPTOGO_ERR_OVERFLOW);
    CHECK_OK(cryptogo_random_bytes(bi_buf, 64));
}

static void test_keys(cryptogo_private_key *k, cryptogo_public_key *pub)
{
    cryptogo_private_key *k2 = NULL;
    cryptogo_public_key *p2 = NULL;

    check_section("key load/dump: NULL pointers, huge lengths, bad enums");
    CHECK_RC(cryptogo_private_key_load(NULL, BUF(KEY_PKCS8_PEM), NULL, 0, PEM), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_private_key_load(&k2, NULL, 100, NULL, 0, PEM), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_private_key_load(&k2, U8(KEY_PKCS8_PEM), HUGE_LEN, NULL, 0, PEM), CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_private_key_load(&k2, BUF(KEY_ENC_PEM), bi_data, HUGE_LEN, PEM), CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_private_key_load(&k2, BUF(KEY_PKCS8_PEM), NULL, 0, 0), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_private_key_load(&k2, BUF(KEY_PKCS8_PEM), NULL, 0, 77), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_private_key_load(&k2, NULL, 0, NULL, 0, PEM), CRYPTOGO_ERR_BAD_KEY_DATA);
    CHECK(k2 == NULL);
    CHECK_RC(cryptogo_private_key_dump(bi_buf, sizeof bi_buf, NULL, PEM, PKCS8, NULL, 0, k),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_private_key_dump(bi_buf, sizeof bi_buf, &bi_len, 9, PKCS8, NULL, 0, k),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_private_key_dump(bi_buf, sizeof bi_buf, &bi_len, PEM, 9, NULL, 0, k),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_private_key_dump(bi_buf, sizeof bi_buf, &bi_len, PEM, PKCS8, bi_data, HUGE_LEN, k),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_public_key_load(NULL, BUF(PUB_SPKI_PEM), PEM), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_public_key_load(&p2, NULL, 10, PEM), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_public_key_load(&p2, U8(PUB_SPKI_PEM), HUGE_LEN, PEM), CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_public_key_load(&p2, BUF(PUB_SPKI_PEM), 0), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_public_key_load(&p2, BUF(KEY_PKCS8_PEM), PEM), CRYPTOGO_ERR_BAD_KEY_DATA);
    CHECK(p2 == NULL);
    CHECK_RC(cryptogo_public_key_dump(bi_buf, sizeof bi_buf, NULL, PEM, SPKI, pub), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_public_key_dump(bi_buf, sizeof bi_buf, &bi_len, 3, SPKI, pub), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_public_key_dump(bi_buf, sizeof bi_buf, &bi_len, PEM, 0, pub), CRYPTOGO_ERR_INVALID_ARGUMENT);
    /* pyca's other encodings and formats: an RSA key cannot take them (ValueError) */
    CHECK_RC(cryptogo_private_key_dump(bi_buf, sizeof bi_buf, &bi_len, CRYPTOGO_ENCODING_RAW,
                                       CRYPTOGO_PRIVATE_FORMAT_RAW, NULL, 0, k),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_private_key_dump(bi_buf, sizeof bi_buf, &bi_len, PEM, CRYPTOGO_PRIVATE_FORMAT_OPENSSH, NULL, 0, k),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_public_key_dump(bi_buf, sizeof bi_buf, &bi_len, CRYPTOGO_ENCODING_X962,
                                      CRYPTOGO_PUBLIC_FORMAT_UNCOMPRESSED_POINT, pub),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_public_key_dump(bi_buf, sizeof bi_buf, &bi_len, CRYPTOGO_ENCODING_OPENSSH,
                                      CRYPTOGO_PUBLIC_FORMAT_PKCS1, pub),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_public_key_dump(bi_buf, sizeof bi_buf, &bi_len, CRYPTOGO_ENCODING_DER,
                                      CRYPTOGO_PUBLIC_FORMAT_OPENSSH, pub),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_public_key_load(&p2, BUF(PUB_SPKI_PEM), CRYPTOGO_ENCODING_SMIME), CRYPTOGO_ERR_INVALID_ARGUMENT);

    check_section("generic key layer: type, bits, equal");
    {
        int type = -1, eq = -1;
        size_t bits = 0;
        CHECK_OK(cryptogo_private_key_type(&type, k));
        CHECK(type == CRYPTOGO_KEY_RSA);
        type = -1;
        CHECK_OK(cryptogo_public_key_type(&type, pub));
        CHECK(type == CRYPTOGO_KEY_RSA);
        CHECK_RC(cryptogo_private_key_type(NULL, k), CRYPTOGO_ERR_INVALID_ARGUMENT);
        CHECK_RC(cryptogo_public_key_type(NULL, pub), CRYPTOGO_ERR_INVALID_ARGUMENT);
        CHECK_OK(cryptogo_private_key_bits(&bits, k));
        CHECK(bits == 2048);
        CHECK_OK(cryptogo_public_key_equal(&eq, pub, pub));
        CHECK(eq == 1);
        CHECK_RC(cryptogo_public_key_equal(NULL, pub, pub), CRYPTOGO_ERR_INVALID_ARGUMENT);
        CHECK_OK(cryptogo_public_key_load(&p2, BUF(PUB_SPKI_PEM), PEM));
        eq = -1;
        CHECK_OK(cryptogo_public_key_equal(&eq, pub, p2));
        CHECK(eq == 1);
        CHECK_OK(cryptogo_public_key_free(p2));
        p2 = NULL;
    }

    check_section("key dump: short output buffers");
    SHORT_BUFFER(cryptogo_private_key_dump(SB_OUT, sb_cap, &sb_len, PEM, PKCS8, NULL, 0, k));
    SHORT_BUFFER(cryptogo_private_key_dump(SB_OUT, sb_cap, &sb_len, CRYPTOGO_ENCODING_DER,
                                               CRYPTOGO_PRIVATE_FORMAT_TRADITIONAL_OPENSSL, NULL, 0, k));
    SHORT_BUFFER(cryptogo_public_key_dump(SB_OUT, sb_cap, &sb_len, PEM, SPKI, pub));
    SHORT_BUFFER(cryptogo_public_key_dump(SB_OUT, sb_cap, &sb_len, CRYPTOGO_ENCODING_DER,
                                              CRYPTOGO_PUBLIC_FORMAT_PKCS1, pub));
}

static void test_rsa(cryptogo_private_key *k, cryptogo_public_key *pub)
{
    cryptogo_private_key *k2 = NULL;
    cryptogo_public_key *p2 = NULL;
    size_t bits = 0;
    uint8_t n[256], e[3];
    size_t n_len = 0, e_len = 0;

    check_section("rsa: NULL pointers, huge lengths, bad parameters");
    CHECK_RC(cryptogo_rsa_generate(NULL, 1024, 65537), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_generate(&k2, HUGE_LEN, 65537), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_generate(&k2, 1024, UINT64_MAX), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_generate(&k2, 0, 65537), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK(k2 == NULL);
    CHECK_RC(cryptogo_private_key_public_key(NULL, k), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_private_key_bits(NULL, k), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_public_key_bits(NULL, pub), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_private_key_number(bi_buf, sizeof bi_buf, NULL, CRYPTOGO_RSA_N, k),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_private_key_number(bi_buf, sizeof bi_buf, &bi_len, 0, k), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_private_key_number(bi_buf, sizeof bi_buf, &bi_len, 9, k), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_public_key_number(bi_buf, sizeof bi_buf, &bi_len, CRYPTOGO_RSA_P, pub),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_public_key_number(bi_buf, sizeof bi_buf, NULL, CRYPTOGO_RSA_N, pub),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_OK(cryptogo_rsa_public_key_number(n, sizeof n, &n_len, CRYPTOGO_RSA_N, pub));
    CHECK_OK(cryptogo_rsa_public_key_number(e, sizeof e, &e_len, CRYPTOGO_RSA_E, pub));
    CHECK_RC(cryptogo_rsa_public_key_from_numbers(NULL, n, n_len, e, e_len), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_public_key_from_numbers(&p2, NULL, n_len, e, e_len), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_public_key_from_numbers(&p2, n, HUGE_LEN, e, e_len), CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_rsa_public_key_from_numbers(&p2, NULL, 0, NULL, 0), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_public_key_from_numbers(&p2, n, n_len, U8("\x02"), 1), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK(p2 == NULL);
    CHECK_RC(cryptogo_rsa_private_key_from_numbers(NULL, n, n_len, e, e_len, n, n_len, n, n_len, n, n_len, n, n_len, n,
                                                   n_len, n, n_len),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_private_key_from_numbers(&k2, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0,
                                                   NULL, 0),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_private_key_from_numbers(&k2, n, n_len, e, e_len, NULL, 5, n, n_len, n, n_len, n, n_len, n,
                                                   n_len, n, n_len),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_private_key_from_numbers(&k2, n, HUGE_LEN, e, e_len, n, n_len, n, n_len, n, n_len, n, n_len,
                                                   n, n_len, n, n_len),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK(k2 == NULL);

    /* operations */
    CHECK_RC(cryptogo_rsa_encrypt_oaep(bi_buf, sizeof bi_buf, NULL, BUF("m"), NULL, 0, SHA256, SHA256, pub),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_encrypt_oaep(bi_buf, sizeof bi_buf, &bi_len, NULL, 3, NULL, 0, SHA256, SHA256, pub),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_encrypt_oaep(bi_buf, sizeof bi_buf, &bi_len, BUF("m"), NULL, 3, SHA256, SHA256, pub),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_encrypt_oaep(bi_buf, sizeof bi_buf, &bi_len, bi_data, HUGE_LEN, NULL, 0, SHA256, SHA256, pub),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_rsa_encrypt_oaep(bi_buf, sizeof bi_buf, &bi_len, BUF("m"), bi_data, HUGE_LEN, SHA256, SHA256, pub),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_rsa_encrypt_oaep(bi_buf, sizeof bi_buf, &bi_len, BUF("m"), NULL, 0, 99, SHA256, pub),
             CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
    CHECK_RC(cryptogo_rsa_encrypt_oaep(bi_buf, sizeof bi_buf, &bi_len, BUF("m"), NULL, 0, SHA256, 99, pub),
             CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
    CHECK_RC(cryptogo_rsa_decrypt_oaep(bi_buf, sizeof bi_buf, &bi_len, NULL, 256, NULL, 0, SHA256, SHA256, k),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_decrypt_oaep(bi_buf, sizeof bi_buf, &bi_len, ct, HUGE_LEN, NULL, 0, SHA256, SHA256, k),
             CRYPTOGO_ERR_OVERFLOW);
    /* pyca: ValueError("Ciphertext length must be equal to key size.") */
    CHECK_RC(cryptogo_rsa_decrypt_oaep(bi_buf, sizeof bi_buf, &bi_len, ct, 255, NULL, 0, SHA256, SHA256, k),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_decrypt_oaep(bi_buf, sizeof bi_buf, &bi_len, NULL, 0, NULL, 0, SHA256, SHA256, k),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_decrypt_oaep(bi_buf, sizeof bi_buf, &bi_len, sig, 256, NULL, 0, SHA256, SHA256, k),
             CRYPTOGO_ERR_DECRYPTION_FAILED);
    CHECK_RC(cryptogo_rsa_encrypt_pkcs1v15(bi_buf, sizeof bi_buf, &bi_len, NULL, 3, pub), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_encrypt_pkcs1v15(bi_buf, sizeof bi_buf, &bi_len, bi_data, HUGE_LEN, pub),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_rsa_encrypt_pkcs1v15(bi_buf, sizeof bi_buf, NULL, BUF("m"), pub), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_decrypt_pkcs1v15(bi_buf, sizeof bi_buf, &bi_len, NULL, 256, k), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_decrypt_pkcs1v15(bi_buf, sizeof bi_buf, &bi_len, ct, HUGE_LEN, k), CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_rsa_decrypt_pkcs1v15(bi_buf, sizeof bi_buf, &bi_len, ct, 17, k), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_decrypt_pkcs1v15(bi_buf, sizeof bi_buf, &bi_len, sig, 256, k), CRYPTOGO_ERR_DECRYPTION_FAILED);

    CHECK_RC(cryptogo_rsa_sign_pss(bi_buf, sizeof bi_buf, NULL, BUF("m"), -1, SHA256, SHA256, 0, k),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_sign_pss(bi_buf, sizeof bi_buf, &bi_len, NULL, 3, -1, SHA256, SHA256, 0, k),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_sign_pss(bi_buf, sizeof bi_buf, &bi_len, bi_data, HUGE_LEN, -1, SHA256, SHA256, 0, k),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_rsa_sign_pss(bi_buf, sizeof bi_buf, &bi_len, BUF("m"), -4, SHA256, SHA256, 0, k),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_sign_pss(bi_buf, sizeof bi_buf, &bi_len, BUF("m"), 1000, SHA256, SHA256, 0, k),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_sign_pss(bi_buf, sizeof bi_buf, &bi_len, BUF("m"), -1, 99, SHA256, 0, k),
             CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
    CHECK_RC(cryptogo_rsa_sign_pss(bi_buf, sizeof bi_buf, &bi_len, BUF("short digest"), -1, SHA256, SHA256, 1, k),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_verify_pss(NULL, 256, BUF("m"), -1, SHA256, SHA256, 0, pub), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_verify_pss(sig, HUGE_LEN, BUF("m"), -1, SHA256, SHA256, 0, pub), CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_rsa_verify_pss(sig, sig_len, NULL, 3, -1, SHA256, SHA256, 0, pub), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_verify_pss(sig, sig_len, bi_data, HUGE_LEN, -1, SHA256, SHA256, 0, pub),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_rsa_verify_pss(sig, 0, BUF("m"), -1, SHA256, SHA256, 0, pub), CRYPTOGO_ERR_INVALID_SIGNATURE);
    CHECK_RC(cryptogo_rsa_verify_pss(sig, sig_len, BUF("m"), -9, SHA256, SHA256, 0, pub), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_sign_pkcs1v15(bi_buf, sizeof bi_buf, NULL, BUF("m"), SHA256, 0, k),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_sign_pkcs1v15(bi_buf, sizeof bi_buf, &bi_len, NULL, 3, SHA256, 0, k),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_sign_pkcs1v15(bi_buf, sizeof bi_buf, &bi_len, bi_data, HUGE_LEN, SHA256, 0, k),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_rsa_sign_pkcs1v15(bi_buf, sizeof bi_buf, &bi_len, BUF("m"), 99, 0, k),
             CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
    CHECK_RC(cryptogo_rsa_sign_pkcs1v15(bi_buf, sizeof bi_buf, &bi_len, BUF("short digest"), SHA256, 1, k),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_verify_pkcs1v15(NULL, 256, BUF("m"), SHA256, 0, pub), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_verify_pkcs1v15(sig, HUGE_LEN, BUF("m"), SHA256, 0, pub), CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_rsa_verify_pkcs1v15(sig, sig_len, bi_data, HUGE_LEN, SHA256, 0, pub), CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_rsa_verify_pkcs1v15(sig, 10, BUF("m"), SHA256, 0, pub), CRYPTOGO_ERR_INVALID_SIGNATURE);
    CHECK_RC(cryptogo_rsa_recover_pkcs1v15(bi_buf, sizeof bi_buf, NULL, sig, sig_len, SHA256, pub),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_recover_pkcs1v15(bi_buf, sizeof bi_buf, &bi_len, NULL, 256, SHA256, pub),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_recover_pkcs1v15(bi_buf, sizeof bi_buf, &bi_len, sig, HUGE_LEN, SHA256, pub),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_rsa_recover_pkcs1v15(bi_buf, sizeof bi_buf, &bi_len, sig, sig_len, CRYPTOGO_HASH_BLAKE2B, pub),
             CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
    CHECK_RC(cryptogo_rsa_recover_pkcs1v15(bi_buf, sizeof bi_buf, &bi_len, sig, sig_len, 99, pub),
             CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
    CHECK_RC(cryptogo_rsa_recover_pkcs1v15(bi_buf, sizeof bi_buf, &bi_len, sig, sig_len, CRYPTOGO_HASH_SHA1, pub),
             CRYPTOGO_ERR_INVALID_SIGNATURE);
    CHECK_RC(cryptogo_rsa_recover_pkcs1v15(bi_buf, sizeof bi_buf, &bi_len, sig, 10, SHA256, pub),
             CRYPTOGO_ERR_INVALID_SIGNATURE);
    CHECK_RC(cryptogo_rsa_recover_pkcs1v15(bi_buf, sizeof bi_buf, &bi_len, NULL, 0, CRYPTOGO_HASH_NONE, pub),
             CRYPTOGO_ERR_INVALID_SIGNATURE);
    CHECK_OK(cryptogo_rsa_recover_pkcs1v15(bi_buf, sizeof bi_buf, &bi_len, sig, sig_len, SHA256, pub));
    CHECK(bi_len == 32 && memcmp(bi_buf, digest, 32) == 0);

    check_section("rsa: short output buffers");
    SHORT_BUFFER(cryptogo_rsa_private_key_number(SB_OUT, sb_cap, &sb_len, CRYPTOGO_RSA_D, k));
    SHORT_BUFFER(cryptogo_rsa_public_key_number(SB_OUT, sb_cap, &sb_len, CRYPTOGO_RSA_N, pub));
    SHORT_BUFFER(cryptogo_rsa_encrypt_oaep(SB_OUT, sb_cap, &sb_len, BUF("m"), NULL, 0, SHA256, SHA256, pub));
    SHORT_BUFFER(cryptogo_rsa_decrypt_oaep(SB_OUT, sb_cap, &sb_len, ct, ct_len, NULL, 0, SHA256, SHA256, k));
    SHORT_BUFFER(cryptogo_rsa_encrypt_pkcs1v15(SB_OUT, sb_cap, &sb_len, BUF("m"), pub));
    SHORT_BUFFER(cryptogo_rsa_sign_pss(SB_OUT, sb_cap, &sb_len, BUF("m"), -1, SHA256, SHA256, 0, k));
    SHORT_BUFFER(cryptogo_rsa_sign_pkcs1v15(SB_OUT, sb_cap, &sb_len, digest, 32, SHA256, 1, k));
    SHORT_BUFFER(cryptogo_rsa_recover_pkcs1v15(SB_OUT, sb_cap, &sb_len, sig, sig_len, CRYPTOGO_HASH_NONE, pub));
    CHECK_OK(cryptogo_rsa_encrypt_pkcs1v15(ct, sizeof ct, &ct_len, BUF("pkcs1v15"), pub));
    SHORT_BUFFER(cryptogo_rsa_decrypt_pkcs1v15(SB_OUT, sb_cap, &sb_len, ct, ct_len, k));
    (void)bits;
}

static void test_handles(cryptogo_private_key *k, cryptogo_public_key *pub)
{
    cryptogo_private_key *freed_k = NULL, *bk;
    cryptogo_public_key *freed_p = NULL, *bp, *p2 = NULL;
    size_t bits = 0;
    int type = 0, eq = 0;

    check_section("rsa private key: bad handles (a public key is the wrong kind) and double free");
    CHECK_OK(cryptogo_private_key_load(&freed_k, BUF(KEY_PKCS8_PEM), NULL, 0, PEM));
    CHECK_OK(cryptogo_private_key_free(freed_k));
    bad_set_freed(freed_k);
    bad_handles[1] = pub; /* wrong kind */
    CHECK_OK(cryptogo_private_key_free(NULL));
    CHECK_RC(cryptogo_private_key_bits(&bits, NULL), CRYPTOGO_ERR_INVALID_HANDLE);
    FOR_BAD_HANDLES(cryptogo_private_key, bk) {
        CHECK_BAD_HANDLE(cryptogo_private_key_public_key(&p2, bk));
        CHECK_BAD_HANDLE(cryptogo_private_key_bits(&bits, bk));
        CHECK_BAD_HANDLE(cryptogo_private_key_type(&type, bk));
        CHECK_BAD_HANDLE(cryptogo_rsa_private_key_number(bi_buf, sizeof bi_buf, &bi_len, CRYPTOGO_RSA_N, bk));
        CHECK_BAD_HANDLE(cryptogo_private_key_dump(bi_buf, sizeof bi_buf, &bi_len, PEM, PKCS8, NULL, 0, bk));
        CHECK_BAD_HANDLE(cryptogo_rsa_decrypt_oaep(bi_buf, sizeof bi_buf, &bi_len, ct, ct_len, NULL, 0, SHA256, SHA256, bk));
        CHECK_BAD_HANDLE(cryptogo_rsa_decrypt_pkcs1v15(bi_buf, sizeof bi_buf, &bi_len, ct, ct_len, bk));
        CHECK_BAD_HANDLE(cryptogo_rsa_sign_pss(bi_buf, sizeof bi_buf, &bi_len, BUF("m"), -1, SHA256, SHA256, 0, bk));
        CHECK_BAD_HANDLE(cryptogo_rsa_sign_pkcs1v15(bi_buf, sizeof bi_buf, &bi_len, BUF("m"), SHA256, 0, bk));
        CHECK_BAD_HANDLE(cryptogo_private_key_free(bk));
    }
    CHECK(p2 == NULL);
    CHECK_RC(cryptogo_private_key_free(freed_k), CRYPTOGO_ERR_INVALID_HANDLE);

    check_section("rsa public key: bad handles (a private key is the wrong kind) and double free");
    CHECK_OK(cryptogo_public_key_load(&freed_p, BUF(PUB_SPKI_PEM), PEM));
    CHECK_OK(cryptogo_public_key_free(freed_p));
    bad_set_freed(freed_p);
    bad_handles[1] = k;
    CHECK_OK(cryptogo_public_key_free(NULL));
    CHECK_RC(cryptogo_public_key_bits(&bits, NULL), CRYPTOGO_ERR_INVALID_HANDLE);
    FOR_BAD_HANDLES(cryptogo_public_key, bp) {
        CHECK_BAD_HANDLE(cryptogo_public_key_bits(&bits, bp));
        CHECK_BAD_HANDLE(cryptogo_public_key_type(&type, bp));
        CHECK_BAD_HANDLE(cryptogo_public_key_equal(&eq, bp, pub));
        CHECK_BAD_HANDLE(cryptogo_public_key_equal(&eq, pub, bp));
        CHECK_BAD_HANDLE(cryptogo_rsa_recover_pkcs1v15(bi_buf, sizeof bi_buf, &bi_len, sig, sig_len, SHA256, bp));
        CHECK_BAD_HANDLE(cryptogo_rsa_public_key_number(bi_buf, sizeof bi_buf, &bi_len, CRYPTOGO_RSA_N, bp));
        CHECK_BAD_HANDLE(cryptogo_public_key_dump(bi_buf, sizeof bi_buf, &bi_len, PEM, SPKI, bp));
        CHECK_BAD_HANDLE(cryptogo_rsa_encrypt_oaep(bi_buf, sizeof bi_buf, &bi_len, BUF("m"), NULL, 0, SHA256, SHA256, bp));
        CHECK_BAD_HANDLE(cryptogo_rsa_encrypt_pkcs1v15(bi_buf, sizeof bi_buf, &bi_len, BUF("m"), bp));
        CHECK_BAD_HANDLE(cryptogo_rsa_verify_pss(sig, sig_len, BUF(RSA_MSG), -1, SHA256, SHA256, 0, bp));
        CHECK_BAD_HANDLE(cryptogo_rsa_verify_pkcs1v15(sig, sig_len, BUF(RSA_MSG), SHA256, 0, bp));
        CHECK_BAD_HANDLE(cryptogo_public_key_free(bp));
    }
    CHECK_RC(cryptogo_public_key_free(freed_p), CRYPTOGO_ERR_INVALID_HANDLE);
}

/* DSA/ECDSA signature DER (pyca's asymmetric.utils encode/decode_dss_signature),
 * with pyca's values from tests/hazmat/primitives/test_asym_utils.py. */
static void test_dss(void)
{
    static const uint8_t one[] = {1};
    static const uint8_t sig11[] = {0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01};
    static const uint8_t sig00[] = {0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00};
    static const uint8_t trailing[] = {0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00};
    static const uint8_t bad_len[] = {0x30, 0x07, 0x02, 0x01, 0x01, 0x02, 0x02, 0x01};
    static const uint8_t eoc[] = {0x00, 0x00};
    static const uint8_t negative[] = {0x30, 0x06, 0x02, 0x01, 0x80, 0x02, 0x01, 0x01};
    size_t r_len = 99;

    check_section("dss: pyca's encode_dss_signature(1, 1) and (0, 0); decode back");
    if (CHECK_OK(cryptogo_dss_signature_encode(bi_buf, sizeof bi_buf, &bi_len, one, 1, one, 1)))
        CHECK(bi_len == sizeof sig11 && memcmp(bi_buf, sig11, sizeof sig11) == 0);
    if (CHECK_OK(cryptogo_dss_signature_encode(bi_buf, sizeof bi_buf, &bi_len, NULL, 0, NULL, 0)))
        CHECK(bi_len == sizeof sig00 && memcmp(bi_buf, sig00, sizeof sig00) == 0);
    if (CHECK_OK(cryptogo_dss_signature_decode(bi_buf, sizeof bi_buf, &bi_len, &r_len, sig11, sizeof sig11)))
        CHECK(bi_len == 2 && r_len == 1 && bi_buf[0] == 1 && bi_buf[1] == 1);
    if (CHECK_OK(cryptogo_dss_signature_decode(bi_buf, sizeof bi_buf, &bi_len, &r_len, sig00, sizeof sig00)))
        CHECK(bi_len == 0 && r_len == 0);

    check_section("dss: strict DER (pyca's ValueError cases), NULL pointers, huge lengths, short buffers");
    CHECK_RC(cryptogo_dss_signature_decode(bi_buf, sizeof bi_buf, &bi_len, &r_len, trailing, sizeof trailing),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dss_signature_decode(bi_buf, sizeof bi_buf, &bi_len, &r_len, bad_len, sizeof bad_len),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dss_signature_decode(bi_buf, sizeof bi_buf, &bi_len, &r_len, eoc, sizeof eoc),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dss_signature_decode(bi_buf, sizeof bi_buf, &bi_len, &r_len, negative, sizeof negative),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dss_signature_decode(bi_buf, sizeof bi_buf, &bi_len, &r_len, NULL, 0),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dss_signature_decode(bi_buf, sizeof bi_buf, &bi_len, &r_len, NULL, 8),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dss_signature_decode(bi_buf, sizeof bi_buf, &bi_len, NULL, sig11, sizeof sig11),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dss_signature_decode(bi_buf, sizeof bi_buf, NULL, &r_len, sig11, sizeof sig11),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dss_signature_decode(bi_buf, sizeof bi_buf, &bi_len, &r_len, bi_data, HUGE_LEN),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_dss_signature_encode(bi_buf, sizeof bi_buf, NULL, one, 1, one, 1),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dss_signature_encode(bi_buf, sizeof bi_buf, &bi_len, NULL, 1, one, 1),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dss_signature_encode(bi_buf, sizeof bi_buf, &bi_len, one, 1, bi_data, HUGE_LEN),
             CRYPTOGO_ERR_OVERFLOW);
    SHORT_BUFFER(cryptogo_dss_signature_encode(SB_OUT, sb_cap, &sb_len, bi_data, sizeof bi_data, one, 1));
    SHORT_BUFFER(cryptogo_dss_signature_decode(SB_OUT, sb_cap, &sb_len, &r_len, sig11, sizeof sig11));
}

int main(void)
{
    size_t live = LIVE_BEGIN(), d_len = 0;
    cryptogo_private_key *k = NULL;
    cryptogo_public_key *pub = NULL;
    bad_setup(0);
    test_random();
    CHECK_OK(cryptogo_private_key_load(&k, BUF(KEY_PKCS8_PEM), NULL, 0, PEM));
    CHECK_OK(cryptogo_private_key_public_key(&pub, k));
    if (!k || !pub)
        return check_done();
    sig_len = check_unhex(sig, sizeof sig, SIG_PKCS1V15_SHA256);
    ct_len = check_unhex(ct, sizeof ct, CT_OAEP_SHA256);
    CHECK_OK(cryptogo_hash_digest(digest, sizeof digest, &d_len, BUF(RSA_MSG), SHA256, 0));
    test_keys(k, pub);
    test_rsa(k, pub);
    test_dss();
    {
        void *wrong = bad_handles[1];
        test_handles(k, pub);
        bad_handles[1] = wrong;
    }
    CHECK_OK(cryptogo_public_key_free(pub));
    CHECK_OK(cryptogo_private_key_free(k));
    bad_teardown(0);
    CHECK_LIVE(live);
    return check_done();
}
