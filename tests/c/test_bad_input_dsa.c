/* bad_input_dsa test: misuse of the DSA exports (generation, parameters and
 * numbers, number accessors, sign and verify). See bad_input.h. */
#include "bad_input.h"

#define SHA256 CRYPTOGO_HASH_SHA256

static uint8_t P[512], Q[64], G[512], Y[512], X[64];
static size_t p_len, q_len, g_len, y_len, x_len;

static void numbers(cryptogo_private_key *k)
{
    CHECK_OK(cryptogo_dsa_private_key_number(P, sizeof P, &p_len, CRYPTOGO_DSA_P, k));
    CHECK_OK(cryptogo_dsa_private_key_number(Q, sizeof Q, &q_len, CRYPTOGO_DSA_Q, k));
    CHECK_OK(cryptogo_dsa_private_key_number(G, sizeof G, &g_len, CRYPTOGO_DSA_G, k));
    CHECK_OK(cryptogo_dsa_private_key_number(Y, sizeof Y, &y_len, CRYPTOGO_DSA_Y, k));
    CHECK_OK(cryptogo_dsa_private_key_number(X, sizeof X, &x_len, CRYPTOGO_DSA_X, k));
}

static void test_create(void)
{
    cryptogo_private_key *k = NULL;
    cryptogo_public_key *p = NULL;
    static const uint8_t one[1] = {1};
    uint8_t x2[64];

    check_section("dsa generate: NULL out, sizes pyca refuses");
    CHECK_RC(cryptogo_dsa_generate(NULL, 1024), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dsa_generate(&k, 0), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dsa_generate(&k, 1), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dsa_generate(&k, 1023), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dsa_generate(&k, 8192), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dsa_generate(&k, SIZE_MAX), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK(k == NULL);

    check_section("dsa parameters: pyca's checks, NULL, huge lengths");
    CHECK_OK(cryptogo_dsa_parameters_check(P, p_len, Q, q_len, G, g_len));
    CHECK_RC(cryptogo_dsa_parameters_check(P, p_len - 1, Q, q_len, G, g_len), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dsa_parameters_check(P, p_len, Q, q_len - 1, G, g_len), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dsa_parameters_check(P, p_len, Q, q_len, one, 1), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dsa_parameters_check(P, p_len, Q, q_len, NULL, 0), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dsa_parameters_check(P, p_len, Q, q_len, P, p_len), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dsa_parameters_check(NULL, p_len, Q, q_len, G, g_len), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dsa_parameters_check(P, HUGE_LEN, Q, q_len, G, g_len), CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_dsa_generate_from_parameters(NULL, P, p_len, Q, q_len, G, g_len), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dsa_generate_from_parameters(&k, P, p_len, Q, q_len, one, 1), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dsa_generate_from_parameters(&k, P, p_len, NULL, q_len, G, g_len),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dsa_generate_from_parameters(&k, P, p_len, Q, q_len, G, HUGE_LEN), CRYPTOGO_ERR_OVERFLOW);
    CHECK(k == NULL);
    CHECK_OK(cryptogo_dsa_generate_from_parameters(&k, P, p_len, Q, q_len, G, g_len));
    CHECK_OK(cryptogo_private_key_free(k));
    k = NULL;

    check_section("dsa keys from numbers: x out of range, wrong y, NULL, huge lengths");
    CHECK_RC(cryptogo_dsa_public_key_from_numbers(NULL, P, p_len, Q, q_len, G, g_len, Y, y_len),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dsa_public_key_from_numbers(&p, P, p_len, Q, q_len, one, 1, Y, y_len),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dsa_public_key_from_numbers(&p, P, p_len, Q, q_len, G, g_len, NULL, 4),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dsa_public_key_from_numbers(&p, P, p_len, Q, q_len, G, g_len, Y, HUGE_LEN),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK(p == NULL);
    CHECK_OK(cryptogo_dsa_public_key_from_numbers(&p, P, p_len, Q, q_len, G, g_len, one, 1)); /* y unchecked */
    CHECK_OK(cryptogo_public_key_free(p));
    CHECK_RC(cryptogo_dsa_private_key_from_numbers(NULL, P, p_len, Q, q_len, G, g_len, Y, y_len, X, x_len),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dsa_private_key_from_numbers(&k, P, p_len, Q, q_len, G, g_len, Y, y_len, NULL, 0),
             CRYPTOGO_ERR_INVALID_ARGUMENT); /* x = 0 */
    CHECK_RC(cryptogo_dsa_private_key_from_numbers(&k, P, p_len, Q, q_len, G, g_len, Y, y_len, Q, q_len),
             CRYPTOGO_ERR_INVALID_ARGUMENT); /* x = q */
    memcpy(x2, X, x_len);
    x2[x_len - 1] ^= 1;
    CHECK_RC(cryptogo_dsa_private_key_from_numbers(&k, P, p_len, Q, q_len, G, g_len, Y, y_len, x2, x_len),
             CRYPTOGO_ERR_INVALID_ARGUMENT); /* y != g^x */
    CHECK_RC(cryptogo_dsa_private_key_from_numbers(&k, P, p_len, Q, q_len, G, g_len, Y, y_len, X, HUGE_LEN),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK(k == NULL);
}

static void test_ops(cryptogo_private_key *k, cryptogo_public_key *pub, cryptogo_private_key *ed,
                     cryptogo_public_key *edpub)
{
    uint8_t sig[128], digest[32];
    size_t sig_len = 0, digest_len = 0;
    cryptogo_private_key *bk;
    cryptogo_public_key *bp;

    check_section("dsa numbers: components, NULL, short buffers, key types");
    CHECK_RC(cryptogo_dsa_private_key_number(bi_buf, sizeof bi_buf, &bi_len, 0, k), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dsa_private_key_number(bi_buf, sizeof bi_buf, &bi_len, 6, k), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dsa_public_key_number(bi_buf, sizeof bi_buf, &bi_len, CRYPTOGO_DSA_X, pub),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dsa_public_key_number(bi_buf, sizeof bi_buf, NULL, CRYPTOGO_DSA_P, pub),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dsa_private_key_number(NULL, 8, &bi_len, CRYPTOGO_DSA_P, k), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dsa_private_key_number(bi_buf, sizeof bi_buf, &bi_len, CRYPTOGO_DSA_P, ed), CRYPTOGO_ERR_TYPE);
    CHECK_RC(cryptogo_dsa_public_key_number(bi_buf, sizeof bi_buf, &bi_len, CRYPTOGO_DSA_P, edpub), CRYPTOGO_ERR_TYPE);
    SHORT_BUFFER(cryptogo_dsa_private_key_number(SB_OUT, sb_cap, &sb_len, CRYPTOGO_DSA_X, k));
    SHORT_BUFFER(cryptogo_dsa_public_key_number(SB_OUT, sb_cap, &sb_len, CRYPTOGO_DSA_P, pub));

    check_section("dsa sign/verify: NULL pointers, huge lengths, hashes, prehashed sizes, key types");
    CHECK_RC(cryptogo_dsa_sign(bi_buf, sizeof bi_buf, NULL, bi_data, 10, SHA256, 0, k), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dsa_sign(bi_buf, sizeof bi_buf, &bi_len, NULL, 10, SHA256, 0, k), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dsa_sign(bi_buf, sizeof bi_buf, &bi_len, bi_data, HUGE_LEN, SHA256, 0, k),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_dsa_sign(NULL, 72, &bi_len, bi_data, 10, SHA256, 0, k), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dsa_sign(bi_buf, sizeof bi_buf, &bi_len, bi_data, 10, CRYPTOGO_HASH_SHAKE128, 0, k),
             CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
    CHECK_OK(cryptogo_dsa_sign(bi_buf, sizeof bi_buf, &bi_len, bi_data, 10, CRYPTOGO_HASH_SHAKE128, 1, k));
    CHECK_RC(cryptogo_dsa_sign(bi_buf, sizeof bi_buf, &bi_len, NULL, 0, CRYPTOGO_HASH_SHAKE128, 1, k),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dsa_sign(bi_buf, sizeof bi_buf, &bi_len, bi_data, 10, CRYPTOGO_HASH_NONE, 0, k),
             CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
    CHECK_RC(cryptogo_dsa_sign(bi_buf, sizeof bi_buf, &bi_len, bi_data, 10, 999, 1, k),
             CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
    CHECK_RC(cryptogo_dsa_sign(bi_buf, sizeof bi_buf, &bi_len, bi_data, 31, SHA256, 1, k),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dsa_sign(bi_buf, sizeof bi_buf, &bi_len, bi_data, 10, SHA256, 0, ed), CRYPTOGO_ERR_TYPE);
    SHORT_BUFFER(cryptogo_dsa_sign(SB_OUT, sb_cap, &sb_len, bi_data, 10, SHA256, 0, k));
    CHECK_OK(cryptogo_dsa_sign(sig, sizeof sig, &sig_len, NULL, 0, SHA256, 0, k));
    CHECK_OK(cryptogo_dsa_verify(sig, sig_len, NULL, 0, SHA256, 0, pub));
    CHECK_OK(cryptogo_hash_digest(digest, sizeof digest, &digest_len, NULL, 0, SHA256, 0));
    CHECK_OK(cryptogo_dsa_verify(sig, sig_len, digest, digest_len, SHA256, 1, pub));
    CHECK_RC(cryptogo_dsa_verify(sig, sig_len, bi_data, 1, SHA256, 0, pub), CRYPTOGO_ERR_INVALID_SIGNATURE);
    CHECK_RC(cryptogo_dsa_verify(sig, sig_len - 1, NULL, 0, SHA256, 0, pub), CRYPTOGO_ERR_INVALID_SIGNATURE);
    CHECK_RC(cryptogo_dsa_verify(bi_data, 7, NULL, 0, SHA256, 0, pub), CRYPTOGO_ERR_INVALID_SIGNATURE);
    CHECK_RC(cryptogo_dsa_verify(NULL, 0, NULL, 0, SHA256, 0, pub), CRYPTOGO_ERR_INVALID_SIGNATURE);
    CHECK_RC(cryptogo_dsa_verify(NULL, 64, NULL, 0, SHA256, 0, pub), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dsa_verify(sig, sig_len, NULL, 5, SHA256, 0, pub), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dsa_verify(sig, HUGE_LEN, NULL, 0, SHA256, 0, pub), CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_dsa_verify(sig, sig_len, bi_data, HUGE_LEN, SHA256, 0, pub), CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_dsa_verify(sig, sig_len, digest, 31, SHA256, 1, pub), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_dsa_verify(sig, sig_len, NULL, 0, CRYPTOGO_HASH_SHAKE256, 0, pub),
             CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
    CHECK_RC(cryptogo_dsa_verify(sig, sig_len, NULL, 0, SHA256, 0, edpub), CRYPTOGO_ERR_TYPE);

    check_section("bad handles");
    FOR_BAD_HANDLES(cryptogo_private_key, bk)
    {
        CHECK_BAD_HANDLE(cryptogo_dsa_private_key_number(bi_buf, sizeof bi_buf, &bi_len, CRYPTOGO_DSA_P, bk));
        CHECK_BAD_HANDLE(cryptogo_dsa_sign(bi_buf, sizeof bi_buf, &bi_len, bi_data, 10, SHA256, 0, bk));
    }
    FOR_BAD_HANDLES(cryptogo_public_key, bp)
    {
        CHECK_BAD_HANDLE(cryptogo_dsa_public_key_number(bi_buf, sizeof bi_buf, &bi_len, CRYPTOGO_DSA_P, bp));
        CHECK_BAD_HANDLE(cryptogo_dsa_verify(sig, sig_len, NULL, 0, SHA256, 0, bp));
    }
    CHECK_RC(cryptogo_dsa_private_key_number(bi_buf, sizeof bi_buf, &bi_len, 1, NULL), CRYPTOGO_ERR_INVALID_HANDLE);
    CHECK_RC(cryptogo_dsa_public_key_number(bi_buf, sizeof bi_buf, &bi_len, 1, NULL), CRYPTOGO_ERR_INVALID_HANDLE);
    CHECK_RC(cryptogo_dsa_sign(bi_buf, sizeof bi_buf, &bi_len, bi_data, 10, SHA256, 0, NULL),
             CRYPTOGO_ERR_INVALID_HANDLE);
    CHECK_RC(cryptogo_dsa_verify(sig, sig_len, NULL, 0, SHA256, 0, NULL), CRYPTOGO_ERR_INVALID_HANDLE);
}

int main(void)
{
    size_t live = LIVE_BEGIN();
    cryptogo_private_key *k = NULL, *ed = NULL, *freed = NULL;
    cryptogo_public_key *pub = NULL, *edpub = NULL;
    bad_setup(0);
    CHECK_OK(cryptogo_dsa_generate(&k, 1024));
    CHECK_OK(cryptogo_private_key_generate(&ed, CRYPTOGO_KEY_ED25519));
    CHECK_OK(cryptogo_private_key_generate(&freed, CRYPTOGO_KEY_ED25519));
    CHECK_OK(cryptogo_private_key_free(freed));
    bad_set_freed(freed);
    if (k)
        numbers(k);
    test_create();
    CHECK_OK(cryptogo_private_key_public_key(&pub, k));
    CHECK_OK(cryptogo_private_key_public_key(&edpub, ed));
    if (k && ed && pub && edpub)
        test_ops(k, pub, ed, edpub);
    CHECK_OK(cryptogo_public_key_free(pub));
    CHECK_OK(cryptogo_public_key_free(edpub));
    CHECK_OK(cryptogo_private_key_free(k));
    CHECK_OK(cryptogo_private_key_free(ed));
    bad_teardown(0);
    CHECK_LIVE(live);
    return check_done();
}
