/* kat_rsa test: RSA and key serialization through the ABI, against a fixed
 * key and answers made by OpenSSL and pyca (rsa_vectors.h):
 * PKCS1v15 signature equals the known value (deterministic), PSS/OAEP/PKCS1v15
 * values made by pyca are accepted/decrypted, our own outputs round-trip,
 * dumps are byte-identical to pyca's, encrypted keys load, numbers rebuild
 * the key, generation rules. */
#include "check.h"
#include "minijson.h"
#include "rsa_vectors.h"

static uint8_t buf[8192], buf2[8192];

static cryptogo_private_key *load_priv(const char *pem, const char *password)
{
    cryptogo_private_key *k = NULL;
    CHECK_OK(cryptogo_private_key_load(&k, BUF(pem), (const uint8_t *)password, password ? strlen(password) : 0,
                                           CRYPTOGO_ENCODING_PEM));
    return k;
}

static void check_text(const uint8_t *got, size_t got_len, const char *want, const char *what)
{
    int same = got_len == strlen(want) && memcmp(got, want, got_len) == 0;
    CHECK(same);
    if (!same)
        fprintf(stderr, "    %s differs:\n--- got\n%.*s--- want\n%s", what, (int)got_len, (const char *)got, want);
}

static void test_serialization(cryptogo_private_key *k)
{
    cryptogo_private_key *k2 = NULL;
    cryptogo_public_key *pub = NULL, *pub2 = NULL;
    size_t n = 0, n2 = 0;

    check_section("dumps are byte-identical to pyca/OpenSSL (PKCS8, Traditional, SPKI, PKCS1)");
    CHECK_OK(cryptogo_private_key_dump(buf, sizeof buf, &n, CRYPTOGO_ENCODING_PEM, CRYPTOGO_PRIVATE_FORMAT_PKCS8,
                                           NULL, 0, k));
    check_text(buf, n, KEY_PKCS8_PEM, "PKCS8 PEM");
    CHECK_OK(cryptogo_private_key_dump(buf, sizeof buf, &n, CRYPTOGO_ENCODING_PEM,
                                           CRYPTOGO_PRIVATE_FORMAT_TRADITIONAL_OPENSSL, NULL, 0, k));
    check_text(buf, n, KEY_TRAD_PEM, "TraditionalOpenSSL PEM");
    CHECK_OK(cryptogo_private_key_public_key(&pub, k));
    CHECK_OK(cryptogo_public_key_dump(buf, sizeof buf, &n, CRYPTOGO_ENCODING_PEM,
                                          CRYPTOGO_PUBLIC_FORMAT_SUBJECT_PUBLIC_KEY_INFO, pub));
    check_text(buf, n, PUB_SPKI_PEM, "SPKI PEM");
    CHECK_OK(cryptogo_public_key_dump(buf, sizeof buf, &n, CRYPTOGO_ENCODING_PEM, CRYPTOGO_PUBLIC_FORMAT_PKCS1,
                                          pub));
    check_text(buf, n, PUB_PKCS1_PEM, "PKCS1 public PEM");
    /* short buffer reports the size needed */
    n2 = 0;
    CHECK_RC(cryptogo_public_key_dump(buf, 10, &n2, CRYPTOGO_ENCODING_PEM, CRYPTOGO_PUBLIC_FORMAT_PKCS1, pub),
             CRYPTOGO_ERR_BUFFER_TOO_SMALL);
    CHECK(n2 == n);
    CHECK_OK(cryptogo_public_key_dump(buf, sizeof buf, &n, CRYPTOGO_ENCODING_OPENSSH, CRYPTOGO_PUBLIC_FORMAT_OPENSSH,
                                          pub));
    check_text(buf, n, PUB_OPENSSH, "OpenSSH public key line");
    CHECK_RC(cryptogo_public_key_dump(buf, sizeof buf, &n, CRYPTOGO_ENCODING_PEM, CRYPTOGO_PUBLIC_FORMAT_OPENSSH, pub),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_public_key_dump(buf, sizeof buf, &n, CRYPTOGO_ENCODING_OPENSSH,
                                      CRYPTOGO_PUBLIC_FORMAT_SUBJECT_PUBLIC_KEY_INFO, pub),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_OK(cryptogo_public_key_free(pub));

    check_section("loads: Traditional PEM, DER round trip, public SPKI/PKCS1 PEM and DER");
    k2 = load_priv(KEY_TRAD_PEM, NULL);
    CHECK_OK(cryptogo_private_key_dump(buf, sizeof buf, &n, CRYPTOGO_ENCODING_PEM, CRYPTOGO_PRIVATE_FORMAT_PKCS8,
                                           NULL, 0, k2));
    check_text(buf, n, KEY_PKCS8_PEM, "PKCS8 PEM of the Traditional key");
    CHECK_OK(cryptogo_private_key_free(k2));
    k2 = NULL;
    CHECK_OK(cryptogo_private_key_dump(buf2, sizeof buf2, &n2, CRYPTOGO_ENCODING_DER, CRYPTOGO_PRIVATE_FORMAT_PKCS8,
                                           NULL, 0, k));
    CHECK_OK(cryptogo_private_key_load(&k2, buf2, n2, NULL, 0, CRYPTOGO_ENCODING_DER));
    CHECK_OK(cryptogo_private_key_dump(buf, sizeof buf, &n, CRYPTOGO_ENCODING_PEM, CRYPTOGO_PRIVATE_FORMAT_PKCS8,
                                           NULL, 0, k2));
    check_text(buf, n, KEY_PKCS8_PEM, "PKCS8 PEM after a DER round trip");
    CHECK_OK(cryptogo_private_key_free(k2));
    k2 = NULL;
    /* DER of the private key is not PEM */
    CHECK_RC(cryptogo_private_key_load(&k2, buf2, n2, NULL, 0, CRYPTOGO_ENCODING_PEM), CRYPTOGO_ERR_BAD_KEY_DATA);
    CHECK(k2 == NULL);

    CHECK_OK(cryptogo_public_key_load(&pub, BUF(PUB_PKCS1_PEM), CRYPTOGO_ENCODING_PEM));
    CHECK_OK(cryptogo_public_key_dump(buf2, sizeof buf2, &n2, CRYPTOGO_ENCODING_DER,
                                          CRYPTOGO_PUBLIC_FORMAT_SUBJECT_PUBLIC_KEY_INFO, pub));
    CHECK_OK(cryptogo_public_key_load(&pub2, buf2, n2, CRYPTOGO_ENCODING_DER));
    CHECK_OK(cryptogo_public_key_dump(buf, sizeof buf, &n, CRYPTOGO_ENCODING_PEM,
                                          CRYPTOGO_PUBLIC_FORMAT_SUBJECT_PUBLIC_KEY_INFO, pub2));
    check_text(buf, n, PUB_SPKI_PEM, "SPKI PEM after PKCS1 PEM -> SPKI DER -> load");
    CHECK_OK(cryptogo_public_key_free(pub));
    CHECK_OK(cryptogo_public_key_free(pub2));
    pub = NULL;
    CHECK_RC(cryptogo_public_key_load(&pub, BUF("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"),
                                          CRYPTOGO_ENCODING_PEM),
             CRYPTOGO_ERR_BAD_KEY_DATA);
    CHECK(pub == NULL);

    check_section("passwords: pyca's encrypted PKCS8; our own encrypted PKCS8 and Traditional PEM");
    k2 = NULL;
    CHECK_RC(cryptogo_private_key_load(&k2, BUF(KEY_ENC_PEM), NULL, 0, CRYPTOGO_ENCODING_PEM),
             CRYPTOGO_ERR_PASSWORD_REQUIRED);
    CHECK_RC(cryptogo_private_key_load(&k2, BUF(KEY_ENC_PEM), BUF("wrong"), CRYPTOGO_ENCODING_PEM),
             CRYPTOGO_ERR_BAD_KEY_DATA);
    CHECK_RC(cryptogo_private_key_load(&k2, BUF(KEY_PKCS8_PEM), BUF("secret"), CRYPTOGO_ENCODING_PEM),
             CRYPTOGO_ERR_PASSWORD_UNEXPECTED);
    CHECK(k2 == NULL);
    k2 = load_priv(KEY_ENC_PEM, "secret");
    if (k2) {
        CHECK_OK(cryptogo_private_key_dump(buf, sizeof buf, &n, CRYPTOGO_ENCODING_PEM,
                                               CRYPTOGO_PRIVATE_FORMAT_PKCS8, NULL, 0, k2));
        check_text(buf, n, KEY_PKCS8_PEM, "decrypted pyca PKCS8");
        CHECK_OK(cryptogo_private_key_free(k2));
    }
    {
        static const int formats[2] = {CRYPTOGO_PRIVATE_FORMAT_PKCS8, CRYPTOGO_PRIVATE_FORMAT_TRADITIONAL_OPENSSL};
        int i;
        for (i = 0; i < 2; i++) {
            k2 = NULL;
            CHECK_OK(cryptogo_private_key_dump(buf2, sizeof buf2, &n2, CRYPTOGO_ENCODING_PEM, formats[i],
                                                   BUF("pw"), k));
            buf2[n2] = 0;
            CHECK(strstr((const char *)buf2, i == 0 ? "BEGIN ENCRYPTED PRIVATE KEY" : "DEK-Info: AES-256-CBC,") != NULL);
            CHECK_RC(cryptogo_private_key_load(&k2, buf2, n2, NULL, 0, CRYPTOGO_ENCODING_PEM),
                     CRYPTOGO_ERR_PASSWORD_REQUIRED);
            CHECK_OK(cryptogo_private_key_load(&k2, buf2, n2, BUF("pw"), CRYPTOGO_ENCODING_PEM));
            CHECK_OK(cryptogo_private_key_dump(buf, sizeof buf, &n, CRYPTOGO_ENCODING_PEM,
                                                   CRYPTOGO_PRIVATE_FORMAT_PKCS8, NULL, 0, k2));
            check_text(buf, n, KEY_PKCS8_PEM, "PKCS8 PEM after an encrypted round trip");
            CHECK_OK(cryptogo_private_key_free(k2));
        }
    }
    /* pyca: DER + TraditionalOpenSSL + encryption is a ValueError */
    CHECK_RC(cryptogo_private_key_dump(buf, sizeof buf, &n, CRYPTOGO_ENCODING_DER,
                                           CRYPTOGO_PRIVATE_FORMAT_TRADITIONAL_OPENSSL, BUF("pw"), k),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    k2 = NULL;
    CHECK_RC(cryptogo_private_key_load(&k2, BUF("not a key"), NULL, 0, CRYPTOGO_ENCODING_PEM),
             CRYPTOGO_ERR_BAD_KEY_DATA);
    CHECK(k2 == NULL);
}

static void test_known_answers(cryptogo_private_key *k, cryptogo_public_key *pub)
{
    uint8_t sig[512], ct[512], digest[32];
    size_t n = 0, sig_len, ct_len, d_len = 0;

    check_section("PKCS1v15 SHA-256 signature == the known value (also prehashed)");
    if (CHECK_OK(cryptogo_rsa_sign_pkcs1v15(buf, sizeof buf, &n, BUF(RSA_MSG), CRYPTOGO_HASH_SHA256, 0, k)))
        CHECK_HEX(buf, n, SIG_PKCS1V15_SHA256);
    CHECK_OK(cryptogo_hash_digest(digest, sizeof digest, &d_len, BUF(RSA_MSG), CRYPTOGO_HASH_SHA256, 0));
    if (CHECK_OK(cryptogo_rsa_sign_pkcs1v15(buf, sizeof buf, &n, digest, d_len, CRYPTOGO_HASH_SHA256, 1, k)))
        CHECK_HEX(buf, n, SIG_PKCS1V15_SHA256);
    sig_len = check_unhex(sig, sizeof sig, SIG_PKCS1V15_SHA256);
    CHECK_OK(cryptogo_rsa_verify_pkcs1v15(sig, sig_len, BUF(RSA_MSG), CRYPTOGO_HASH_SHA256, 0, pub));
    CHECK_OK(cryptogo_rsa_verify_pkcs1v15(sig, sig_len, digest, d_len, CRYPTOGO_HASH_SHA256, 1, pub));
    CHECK_RC(cryptogo_rsa_verify_pkcs1v15(sig, sig_len, BUF("other message"), CRYPTOGO_HASH_SHA256, 0, pub),
             CRYPTOGO_ERR_INVALID_SIGNATURE);
    CHECK_RC(cryptogo_rsa_verify_pkcs1v15(sig, sig_len, BUF(RSA_MSG), CRYPTOGO_HASH_SHA384, 0, pub),
             CRYPTOGO_ERR_INVALID_SIGNATURE);
    sig[10] ^= 1;
    CHECK_RC(cryptogo_rsa_verify_pkcs1v15(sig, sig_len, BUF(RSA_MSG), CRYPTOGO_HASH_SHA256, 0, pub),
             CRYPTOGO_ERR_INVALID_SIGNATURE);
    n = 0;
    CHECK_RC(cryptogo_rsa_sign_pkcs1v15(buf, 255, &n, BUF(RSA_MSG), CRYPTOGO_HASH_SHA256, 0, k),
             CRYPTOGO_ERR_BUFFER_TOO_SMALL);
    CHECK(n == 256);

    check_section("PKCS1v15 with CRYPTOGO_HASH_NONE (pyca's NoDigestInfo): DigestInfo || digest signed raw");
    {
        static const uint8_t sha256_info[] = {0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
                                              0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20};
        uint8_t t[sizeof sha256_info + 32];
        memcpy(t, sha256_info, sizeof sha256_info);
        memcpy(t + sizeof sha256_info, digest, 32);
        if (CHECK_OK(cryptogo_rsa_sign_pkcs1v15(buf, sizeof buf, &n, t, sizeof t, CRYPTOGO_HASH_NONE, 0, k)))
            CHECK_HEX(buf, n, SIG_PKCS1V15_SHA256);
        sig_len = check_unhex(sig, sizeof sig, SIG_PKCS1V15_SHA256);
        CHECK_OK(cryptogo_rsa_verify_pkcs1v15(sig, sig_len, t, sizeof t, CRYPTOGO_HASH_NONE, 0, pub));
        CHECK_RC(cryptogo_rsa_verify_pkcs1v15(sig, sig_len, digest, 32, CRYPTOGO_HASH_NONE, 0, pub),
                 CRYPTOGO_ERR_INVALID_SIGNATURE);
        CHECK_RC(cryptogo_rsa_verify_pkcs1v15(sig, sig_len, t, sizeof t, CRYPTOGO_HASH_NONE, 1, pub),
                 CRYPTOGO_ERR_INVALID_ARGUMENT);
        CHECK_RC(cryptogo_rsa_sign_pkcs1v15(buf, sizeof buf, &n, t, sizeof t, CRYPTOGO_HASH_NONE, 1, k),
                 CRYPTOGO_ERR_INVALID_ARGUMENT);
        /* payload longer than k - 11 */
        CHECK_RC(cryptogo_rsa_sign_pkcs1v15(buf, sizeof buf, &n, buf2, 246, CRYPTOGO_HASH_NONE, 0, k),
                 CRYPTOGO_ERR_INVALID_ARGUMENT);
    }

    check_section("PSS: pyca's MAX_LENGTH signature verifies (MAX_LENGTH, AUTO); our signatures verify");
    sig_len = check_unhex(sig, sizeof sig, SIG_PSS_SHA256_MAX);
    CHECK_OK(cryptogo_rsa_verify_pss(sig, sig_len, BUF(RSA_MSG), CRYPTOGO_PSS_SALT_MAX_LENGTH, CRYPTOGO_HASH_SHA256,
                                     CRYPTOGO_HASH_SHA256, 0, pub));
    CHECK_OK(cryptogo_rsa_verify_pss(sig, sig_len, BUF(RSA_MSG), CRYPTOGO_PSS_SALT_AUTO, CRYPTOGO_HASH_SHA256,
                                     CRYPTOGO_HASH_SHA256, 0, pub));
    CHECK_RC(cryptogo_rsa_verify_pss(sig, sig_len, BUF(RSA_MSG), CRYPTOGO_PSS_SALT_DIGEST_LENGTH,
                                     CRYPTOGO_HASH_SHA256, CRYPTOGO_HASH_SHA256, 0, pub),
             CRYPTOGO_ERR_INVALID_SIGNATURE);
    CHECK_RC(cryptogo_rsa_verify_pss(sig, sig_len, BUF("other"), CRYPTOGO_PSS_SALT_MAX_LENGTH, CRYPTOGO_HASH_SHA256,
                                     CRYPTOGO_HASH_SHA256, 0, pub),
             CRYPTOGO_ERR_INVALID_SIGNATURE);
    {
        static const int salts[4] = {CRYPTOGO_PSS_SALT_MAX_LENGTH, CRYPTOGO_PSS_SALT_DIGEST_LENGTH, 0, 20};
        int i;
        for (i = 0; i < 4; i++) {
            if (!CHECK_OK(cryptogo_rsa_sign_pss(sig, sizeof sig, &sig_len, BUF(RSA_MSG), salts[i],
                                                CRYPTOGO_HASH_SHA256, CRYPTOGO_HASH_SHA256, 0, k)))
                continue;
            CHECK(sig_len == 256);
            CHECK_OK(cryptogo_rsa_verify_pss(sig, sig_len, BUF(RSA_MSG), salts[i], CRYPTOGO_HASH_SHA256,
                                             CRYPTOGO_HASH_SHA256, 0, pub));
            CHECK_OK(cryptogo_rsa_verify_pss(sig, sig_len, BUF(RSA_MSG), CRYPTOGO_PSS_SALT_AUTO, CRYPTOGO_HASH_SHA256,
                                             CRYPTOGO_HASH_SHA256, 0, pub));
        }
        /* prehashed, and a different MGF1 hash */
        CHECK_OK(cryptogo_rsa_sign_pss(sig, sizeof sig, &sig_len, digest, d_len, CRYPTOGO_PSS_SALT_MAX_LENGTH,
                                       CRYPTOGO_HASH_SHA256, CRYPTOGO_HASH_SHA1, 1, k));
        CHECK_OK(cryptogo_rsa_verify_pss(sig, sig_len, BUF(RSA_MSG), CRYPTOGO_PSS_SALT_MAX_LENGTH,
                                         CRYPTOGO_HASH_SHA256, CRYPTOGO_HASH_SHA1, 0, pub));
        CHECK_RC(cryptogo_rsa_verify_pss(sig, sig_len, BUF(RSA_MSG), CRYPTOGO_PSS_SALT_MAX_LENGTH,
                                         CRYPTOGO_HASH_SHA256, CRYPTOGO_HASH_SHA256, 0, pub),
                 CRYPTOGO_ERR_INVALID_SIGNATURE);
        /* AUTO is for verification only (pyca: ValueError) */
        CHECK_RC(cryptogo_rsa_sign_pss(sig, sizeof sig, &sig_len, BUF(RSA_MSG), CRYPTOGO_PSS_SALT_AUTO,
                                       CRYPTOGO_HASH_SHA256, CRYPTOGO_HASH_SHA256, 0, k),
                 CRYPTOGO_ERR_INVALID_ARGUMENT);
    }

    check_section("OAEP: pyca ciphertexts decrypt (SHA-256; SHA-1 with a label); round trip; failures");
    ct_len = check_unhex(ct, sizeof ct, CT_OAEP_SHA256);
    if (CHECK_OK(cryptogo_rsa_decrypt_oaep(buf, sizeof buf, &n, ct, ct_len, NULL, 0, CRYPTOGO_HASH_SHA256,
                                           CRYPTOGO_HASH_SHA256, k)))
        CHECK(n == strlen(RSA_MSG) && memcmp(buf, RSA_MSG, n) == 0);
    CHECK_RC(cryptogo_rsa_decrypt_oaep(buf, sizeof buf, &n, ct, ct_len, NULL, 0, CRYPTOGO_HASH_SHA1,
                                       CRYPTOGO_HASH_SHA1, k),
             CRYPTOGO_ERR_DECRYPTION_FAILED);
    ct_len = check_unhex(ct, sizeof ct, CT_OAEP_SHA1_LABEL);
    if (CHECK_OK(cryptogo_rsa_decrypt_oaep(buf, sizeof buf, &n, ct, ct_len, BUF("label"), CRYPTOGO_HASH_SHA1,
                                           CRYPTOGO_HASH_SHA1, k)))
        CHECK(n == strlen(RSA_MSG) && memcmp(buf, RSA_MSG, n) == 0);
    CHECK_RC(cryptogo_rsa_decrypt_oaep(buf, sizeof buf, &n, ct, ct_len, BUF("lab3l"), CRYPTOGO_HASH_SHA1,
                                       CRYPTOGO_HASH_SHA1, k),
             CRYPTOGO_ERR_DECRYPTION_FAILED);
    CHECK_OK(cryptogo_rsa_encrypt_oaep(ct, sizeof ct, &ct_len, BUF(RSA_MSG), BUF("lbl"), CRYPTOGO_HASH_SHA512,
                                       CRYPTOGO_HASH_SHA256, pub));
    CHECK(ct_len == 256);
    if (CHECK_OK(cryptogo_rsa_decrypt_oaep(buf, sizeof buf, &n, ct, ct_len, BUF("lbl"), CRYPTOGO_HASH_SHA512,
                                           CRYPTOGO_HASH_SHA256, k)))
        CHECK(n == strlen(RSA_MSG) && memcmp(buf, RSA_MSG, n) == 0);
    ct[0] ^= 0x40;
    CHECK_RC(cryptogo_rsa_decrypt_oaep(buf, sizeof buf, &n, ct, ct_len, BUF("lbl"), CRYPTOGO_HASH_SHA512,
                                       CRYPTOGO_HASH_SHA256, k),
             CRYPTOGO_ERR_DECRYPTION_FAILED);
    /* too long for OAEP-SHA256 with a 2048-bit key: 256 - 2*32 - 2 = 190 bytes max */
    memset(buf2, 'x', 191);
    CHECK_RC(cryptogo_rsa_encrypt_oaep(ct, sizeof ct, &ct_len, buf2, 191, NULL, 0, CRYPTOGO_HASH_SHA256,
                                       CRYPTOGO_HASH_SHA256, pub),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_OK(cryptogo_rsa_encrypt_oaep(ct, sizeof ct, &ct_len, buf2, 190, NULL, 0, CRYPTOGO_HASH_SHA256,
                                       CRYPTOGO_HASH_SHA256, pub));

    check_section("PKCS1v15 encryption: pyca ciphertext decrypts; round trip");
    ct_len = check_unhex(ct, sizeof ct, CT_PKCS1V15);
    if (CHECK_OK(cryptogo_rsa_decrypt_pkcs1v15(buf, sizeof buf, &n, ct, ct_len, k)))
        CHECK(n == strlen(RSA_MSG) && memcmp(buf, RSA_MSG, n) == 0);
    CHECK_OK(cryptogo_rsa_encrypt_pkcs1v15(ct, sizeof ct, &ct_len, BUF("short"), pub));
    if (CHECK_OK(cryptogo_rsa_decrypt_pkcs1v15(buf, sizeof buf, &n, ct, ct_len, k)))
        CHECK(n == 5 && memcmp(buf, "short", 5) == 0);
}

static void test_numbers(cryptogo_private_key *k)
{
    static uint8_t num[8][600];
    size_t len[8], bits = 0, n = 0;
    int c;
    cryptogo_private_key *k2 = NULL;
    cryptogo_public_key *pub = NULL;
    uint8_t sig[512];
    size_t sig_len;

    check_section("numbers: n and e; rebuild the key from its numbers");
    CHECK_OK(cryptogo_private_key_bits(&bits, k));
    CHECK(bits == 2048);
    for (c = CRYPTOGO_RSA_N; c <= CRYPTOGO_RSA_IQMP; c++)
        CHECK_OK(cryptogo_rsa_private_key_number(num[c - 1], sizeof num[0], &len[c - 1], c, k));
    CHECK_HEX(num[0], len[0], N_HEX);
    CHECK_HEX(num[1], len[1], "010001");
    CHECK_OK(cryptogo_rsa_private_key_from_numbers(&k2, num[0], len[0], num[1], len[1], num[2], len[2], num[3], len[3],
                                                   num[4], len[4], num[5], len[5], num[6], len[6], num[7], len[7]));
    if (k2 && CHECK_OK(cryptogo_rsa_sign_pkcs1v15(buf, sizeof buf, &n, BUF(RSA_MSG), CRYPTOGO_HASH_SHA256, 0, k2)))
        CHECK_HEX(buf, n, SIG_PKCS1V15_SHA256);
    CHECK_OK(cryptogo_private_key_free(k2));
    k2 = NULL;
    /* inconsistent numbers (p and q swapped with d) are rejected */
    CHECK_RC(cryptogo_rsa_private_key_from_numbers(&k2, num[0], len[0], num[1], len[1], num[2], len[2], num[2],
                                                   len[2], num[4], len[4], num[5], len[5], num[6], len[6], num[7],
                                                   len[7]),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK(k2 == NULL);

    CHECK_OK(cryptogo_rsa_public_key_from_numbers(&pub, num[0], len[0], num[1], len[1]));
    CHECK_OK(cryptogo_public_key_bits(&bits, pub));
    CHECK(bits == 2048);
    CHECK_OK(cryptogo_rsa_public_key_number(buf, sizeof buf, &n, CRYPTOGO_RSA_E, pub));
    CHECK_HEX(buf, n, "010001");
    CHECK_RC(cryptogo_rsa_public_key_number(buf, sizeof buf, &n, CRYPTOGO_RSA_D, pub), CRYPTOGO_ERR_INVALID_ARGUMENT);
    n = 0;
    CHECK_RC(cryptogo_rsa_public_key_number(buf, 10, &n, CRYPTOGO_RSA_N, pub), CRYPTOGO_ERR_BUFFER_TOO_SMALL);
    CHECK(n == 256);
    sig_len = check_unhex(sig, sizeof sig, SIG_PKCS1V15_SHA256);
    CHECK_OK(cryptogo_rsa_verify_pkcs1v15(sig, sig_len, BUF(RSA_MSG), CRYPTOGO_HASH_SHA256, 0, pub));
    CHECK_OK(cryptogo_public_key_free(pub));
}

static void test_generate(void)
{
    cryptogo_private_key *k = NULL;
    cryptogo_public_key *pub = NULL;
    size_t bits = 0, n = 0, ct_len = 0;
    uint8_t ct[256];

    check_section("generate: 1024-bit keys with e = 65537 and 3; pyca's limits");
    if (CHECK_OK(cryptogo_rsa_generate(&k, 1024, 65537))) {
        CHECK_OK(cryptogo_private_key_bits(&bits, k));
        CHECK(bits == 1024);
        CHECK_OK(cryptogo_rsa_private_key_number(buf, sizeof buf, &n, CRYPTOGO_RSA_E, k));
        CHECK_HEX(buf, n, "010001");
        CHECK_OK(cryptogo_private_key_public_key(&pub, k));
        CHECK_OK(cryptogo_rsa_encrypt_oaep(ct, sizeof ct, &ct_len, BUF("hi"), NULL, 0, CRYPTOGO_HASH_SHA256,
                                           CRYPTOGO_HASH_SHA256, pub));
        if (CHECK_OK(cryptogo_rsa_decrypt_oaep(buf, sizeof buf, &n, ct, ct_len, NULL, 0, CRYPTOGO_HASH_SHA256,
                                               CRYPTOGO_HASH_SHA256, k)))
            CHECK(n == 2 && memcmp(buf, "hi", 2) == 0);
        CHECK_OK(cryptogo_public_key_free(pub));
        CHECK_OK(cryptogo_private_key_free(k));
    }
    k = NULL;
    if (CHECK_OK(cryptogo_rsa_generate(&k, 1024, 3))) {
        CHECK_OK(cryptogo_rsa_private_key_number(buf, sizeof buf, &n, CRYPTOGO_RSA_E, k));
        CHECK_HEX(buf, n, "03");
        CHECK_OK(cryptogo_private_key_free(k));
    }
    k = NULL;
    CHECK_RC(cryptogo_rsa_generate(&k, 512, 65537), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_rsa_generate(&k, 1024, 5), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK(k == NULL);
}

/* pyca's recover_data_from_signature answers (cryptography 50.0.2), replayed
 * through cryptogo_rsa_recover_pkcs1v15: core/rsa/testdata/recover_pkcs1v15.json
 * (written by make_recover_vectors.py beside it). A hash not listed for a case
 * is InvalidSignature. */
static const struct {
    const char *name;
    int alg;
} recover_hashes[] = {
    {"none", CRYPTOGO_HASH_NONE},          {"md5", CRYPTOGO_HASH_MD5},
    {"sha1", CRYPTOGO_HASH_SHA1},          {"sha224", CRYPTOGO_HASH_SHA224},
    {"sha256", CRYPTOGO_HASH_SHA256},      {"sha384", CRYPTOGO_HASH_SHA384},
    {"sha512", CRYPTOGO_HASH_SHA512},      {"sha512-224", CRYPTOGO_HASH_SHA512_224},
    {"sha512-256", CRYPTOGO_HASH_SHA512_256}, {"sha3-224", CRYPTOGO_HASH_SHA3_224},
    {"sha3-256", CRYPTOGO_HASH_SHA3_256},  {"sha3-384", CRYPTOGO_HASH_SHA3_384},
    {"sha3-512", CRYPTOGO_HASH_SHA3_512},  {"blake2b", CRYPTOGO_HASH_BLAKE2B},
    {"blake2s", CRYPTOGO_HASH_BLAKE2S},
};

static char *read_text(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *b = NULL;
    long n;
    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (b = malloc((size_t)n + 1)) != NULL && fread(b, 1, (size_t)n, f) == (size_t)n) {
        b[n] = 0;
        *len = (size_t)n;
    } else {
        free(b);
        b = NULL;
    }
    fclose(f);
    return b;
}

/* The generic key layer: both handles of a pair tell their type and size,
 * and a public key equals itself loaded again or rebuilt from its numbers. */
static void test_generic(cryptogo_private_key *k, cryptogo_public_key *pub)
{
    cryptogo_public_key *again = NULL, *from_nums = NULL, *other = NULL;
    cryptogo_private_key *small = NULL;
    uint8_t n[512], e[8];
    size_t n_len = 0, e_len = 0;
    int type = 0, eq = -1;

    check_section("generic key layer: type, equality");
    CHECK_OK(cryptogo_private_key_type(&type, k));
    CHECK(type == CRYPTOGO_KEY_RSA);
    CHECK_OK(cryptogo_public_key_type(&type, pub));
    CHECK(type == CRYPTOGO_KEY_RSA);
    CHECK_OK(cryptogo_private_key_public_key(&again, k));
    CHECK_OK(cryptogo_public_key_equal(&eq, pub, again));
    CHECK(eq == 1);
    CHECK_OK(cryptogo_rsa_public_key_number(n, sizeof n, &n_len, CRYPTOGO_RSA_N, pub));
    CHECK_OK(cryptogo_rsa_public_key_number(e, sizeof e, &e_len, CRYPTOGO_RSA_E, pub));
    CHECK_OK(cryptogo_rsa_public_key_from_numbers(&from_nums, n, n_len, e, e_len));
    eq = -1;
    CHECK_OK(cryptogo_public_key_equal(&eq, from_nums, pub));
    CHECK(eq == 1);
    small = load_priv(KEY_PKCS8_PEM, NULL);
    if (small) {
        CHECK_OK(cryptogo_private_key_public_key(&other, small));
        CHECK_OK(cryptogo_private_key_free(small));
    }
    CHECK_OK(cryptogo_rsa_generate(&small, 1024, 65537));
    if (small) {
        CHECK_OK(cryptogo_public_key_free(other));
        CHECK_OK(cryptogo_private_key_public_key(&other, small));
        CHECK_OK(cryptogo_private_key_free(small));
        eq = -1;
        CHECK_OK(cryptogo_public_key_equal(&eq, pub, other));
        CHECK(eq == 0);
    }
    CHECK_OK(cryptogo_public_key_free(other));
    CHECK_OK(cryptogo_public_key_free(from_nums));
    CHECK_OK(cryptogo_public_key_free(again));
}

static void test_recover_vectors(void)
{
    json_value *root = json_parse_file(CRYPTOGO_SOURCE_DIR "/core/rsa/testdata/recover_pkcs1v15.json");
    json_value *keys = root ? json_get(root, "keys") : NULL;
    size_t i, j, h, n_checks = 0;

    check_section("rsa: recover_pkcs1v15 against pyca's recover_data_from_signature");
    CHECK(keys != NULL);
    for (i = 0; keys && i < keys->n; i++) {
        json_value *kv = json_at(keys, i), *cases = json_get(kv, "cases");
        char path[1024], *pem;
        size_t pem_len = 0, bits = 0;
        cryptogo_private_key *k = NULL;
        cryptogo_public_key *pub = NULL;
        snprintf(path, sizeof path, "%s/core/testdata/keys/%s", CRYPTOGO_SOURCE_DIR, json_str(kv, "key", NULL));
        pem = read_text(path, &pem_len);
        CHECK(pem != NULL);
        if (!pem)
            continue;
        CHECK_OK(cryptogo_private_key_load(&k, (const uint8_t *)pem, pem_len, NULL, 0, CRYPTOGO_ENCODING_PEM));
        free(pem);
        CHECK_OK(cryptogo_private_key_public_key(&pub, k));
        CHECK_OK(cryptogo_private_key_free(k));
        CHECK_OK(cryptogo_public_key_bits(&bits, pub));
        for (j = 0; cases && j < cases->n; j++) {
            json_value *c = json_at(cases, j), *want = json_get(c, "want");
            static uint8_t sig[1024], got[1024], exp[1024];
            size_t sig_len = check_unhex(sig, sizeof sig, json_str(c, "sig", NULL)), got_len = 0;
            for (h = 0; h < sizeof recover_hashes / sizeof recover_hashes[0]; h++) {
                json_value *w = json_get(want, recover_hashes[h].name);
                /* json_get, not json_str: an empty "ok" is a valid answer (b"") */
                json_value *okv = json_get(w, "ok");
                const char *ok = okv ? okv->str : NULL, *err = json_str(w, "error", NULL);
                int rc = cryptogo_rsa_recover_pkcs1v15(got, (bits + 7) / 8, &got_len, sig, sig_len,
                                                       recover_hashes[h].alg, pub);
                n_checks++;
                if (ok) {
                    size_t exp_len = check_unhex(exp, sizeof exp, ok);
                    int good = rc == CRYPTOGO_OK && got_len == exp_len && memcmp(got, exp, exp_len) == 0;
                    CHECK(good);
                    if (!good)
                        fprintf(stderr, "   case %s, %s: rc %d\n", json_str(c, "name", NULL), recover_hashes[h].name, rc);
                } else if (err && strcmp(err, "UnsupportedAlgorithm") == 0) {
                    CHECK_RC(rc, CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
                } else if (!CHECK_RC(rc, CRYPTOGO_ERR_INVALID_SIGNATURE)) {
                    fprintf(stderr, "   case %s, %s\n", json_str(c, "name", NULL), recover_hashes[h].name);
                }
            }
        }
        CHECK_OK(cryptogo_public_key_free(pub));
    }
    CHECK(n_checks > 1000);
    printf("   %zu recoveries checked\n", n_checks);
    if (root)
        json_free(root);
}

int main(void)
{
    size_t live = LIVE_BEGIN();
    cryptogo_private_key *k = load_priv(KEY_PKCS8_PEM, NULL);
    cryptogo_public_key *pub = NULL;
    if (!k)
        return check_done();
    CHECK_OK(cryptogo_public_key_load(&pub, BUF(PUB_SPKI_PEM), CRYPTOGO_ENCODING_PEM));
    test_serialization(k);
    if (pub)
        test_known_answers(k, pub);
    test_numbers(k);
    test_generate();
    test_recover_vectors();
    if (pub)
        test_generic(k, pub);
    CHECK_OK(cryptogo_public_key_free(pub));
    CHECK_OK(cryptogo_private_key_free(k));
    CHECK_LIVE(live);
    return check_done();
}
