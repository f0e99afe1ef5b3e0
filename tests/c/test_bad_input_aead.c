/* bad_input_aead test: misuse of the AES-GCM and ChaCha20-Poly1305 exports.
 * See bad_input.h. pyca raises OverflowError for data or associated data of
 * 2^31 bytes or more: those lengths must fail before any byte is read. */
#include <limits.h>

#include "bad_input.h"

static const uint8_t key[32], nonce[12];

static void test_aesgcm(void)
{
    cryptogo_aesgcm *g = NULL, *freed = NULL, *bad;
    uint8_t ct[64];
    size_t ct_len = 0;

    check_section("aesgcm: NULL pointers, huge lengths");
    CHECK(cryptogo_aead_messagebytes_max() == (size_t)INT_MAX);
    CHECK(cryptogo_aesgcm_keybytes_min() == 16 && cryptogo_aesgcm_keybytes_max() == 32);
    CHECK_RC(cryptogo_aesgcm_new(&g, key, cryptogo_aesgcm_keybytes_min() - 1), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_aesgcm_new(&g, bi_data, cryptogo_aesgcm_keybytes_max() + 1), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_aesgcm_new(NULL, key, 16), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_aesgcm_new(&g, NULL, 16), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_aesgcm_new(&g, NULL, 0), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_aesgcm_new(&g, key, HUGE_LEN), CRYPTOGO_ERR_OVERFLOW);
    CHECK(g == NULL);
    CHECK_OK(cryptogo_aesgcm_new(&g, key, 16));
    CHECK_OK(cryptogo_aesgcm_encrypt(ct, sizeof ct, &ct_len, bi_data, 8, NULL, 0, nonce, 12, g));
    CHECK_RC(cryptogo_aesgcm_encrypt(bi_buf, sizeof bi_buf, NULL, bi_data, 8, NULL, 0, nonce, 12, g),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_aesgcm_encrypt(bi_buf, sizeof bi_buf, &bi_len, NULL, 8, NULL, 0, nonce, 12, g),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_aesgcm_encrypt(bi_buf, sizeof bi_buf, &bi_len, bi_data, 8, NULL, 8, nonce, 12, g),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_aesgcm_encrypt(bi_buf, sizeof bi_buf, &bi_len, bi_data, 8, NULL, 0, NULL, 12, g),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_aesgcm_encrypt(bi_buf, sizeof bi_buf, &bi_len, bi_data, 8, NULL, 0, NULL, 0, g),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_aesgcm_encrypt(bi_buf, sizeof bi_buf, &bi_len, bi_data, LEN_2_31, NULL, 0, nonce, 12, g),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_aesgcm_encrypt(bi_buf, sizeof bi_buf, &bi_len, bi_data, HUGE_LEN, NULL, 0, nonce, 12, g),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_aesgcm_encrypt(bi_buf, sizeof bi_buf, &bi_len, bi_data, 8, bi_data, LEN_2_31, nonce, 12, g),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_aesgcm_encrypt(bi_buf, sizeof bi_buf, &bi_len, bi_data, 8, bi_data, HUGE_LEN, nonce, 12, g),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_aesgcm_decrypt(bi_buf, sizeof bi_buf, NULL, ct, ct_len, NULL, 0, nonce, 12, g),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_aesgcm_decrypt(bi_buf, sizeof bi_buf, &bi_len, NULL, ct_len, NULL, 0, nonce, 12, g),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    /* decryption sizes are not limited (pyca): a huge ct only needs a huge out */
    CHECK_RC(cryptogo_aesgcm_decrypt(bi_buf, sizeof bi_buf, &bi_len, ct, LEN_2_31, NULL, 0, nonce, 12, g),
             CRYPTOGO_ERR_BUFFER_TOO_SMALL);
    CHECK(bi_len == LEN_2_31 - 16);
    CHECK_RC(cryptogo_aesgcm_decrypt(bi_buf, sizeof bi_buf, &bi_len, ct, HUGE_LEN, NULL, 0, nonce, 12, g),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_aesgcm_decrypt(bi_buf, sizeof bi_buf, &bi_len, ct, ct_len, NULL, 0, nonce, 0, g),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_aesgcm_decrypt(bi_buf, sizeof bi_buf, &bi_len, NULL, 0, NULL, 0, nonce, 12, g),
             CRYPTOGO_ERR_INVALID_TAG);

    check_section("aesgcm: short output buffers");
    SHORT_BUFFER(cryptogo_aesgcm_encrypt(SB_OUT, sb_cap, &sb_len, bi_data, 40, NULL, 0, nonce, 12, g));
    SHORT_BUFFER(cryptogo_aesgcm_decrypt(SB_OUT, sb_cap, &sb_len, ct, ct_len, NULL, 0, nonce, 12, g));
    CHECK_OK(cryptogo_aesgcm_free(g));

    check_section("aesgcm: bad handles and double free");
    CHECK_OK(cryptogo_aesgcm_new(&freed, key, 32));
    CHECK_OK(cryptogo_aesgcm_free(freed));
    bad_set_freed(freed);
    CHECK_OK(cryptogo_aesgcm_free(NULL));
    CHECK_RC(cryptogo_aesgcm_encrypt(bi_buf, sizeof bi_buf, &bi_len, bi_data, 8, NULL, 0, nonce, 12, NULL),
             CRYPTOGO_ERR_INVALID_HANDLE);
    CHECK_RC(cryptogo_aesgcm_decrypt(bi_buf, sizeof bi_buf, &bi_len, ct, ct_len, NULL, 0, nonce, 12, NULL),
             CRYPTOGO_ERR_INVALID_HANDLE);
    FOR_BAD_HANDLES(cryptogo_aesgcm, bad) {
        CHECK_BAD_HANDLE(cryptogo_aesgcm_encrypt(bi_buf, sizeof bi_buf, &bi_len, bi_data, 8, NULL, 0, nonce, 12, bad));
        CHECK_BAD_HANDLE(cryptogo_aesgcm_decrypt(bi_buf, sizeof bi_buf, &bi_len, ct, ct_len, NULL, 0, nonce, 12, bad));
        CHECK_BAD_HANDLE(cryptogo_aesgcm_free(bad));
    }
    CHECK_RC(cryptogo_aesgcm_free(freed), CRYPTOGO_ERR_INVALID_HANDLE);
}

static void test_chacha(void)
{
    cryptogo_chacha20poly1305 *c = NULL, *freed = NULL, *bad;
    uint8_t ct[64];
    size_t ct_len = 0;

    check_section("chacha20poly1305: NULL pointers, huge lengths");
    CHECK_RC(cryptogo_chacha20poly1305_new(NULL, key, 32), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_chacha20poly1305_new(&c, NULL, 32), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_chacha20poly1305_new(&c, key, HUGE_LEN), CRYPTOGO_ERR_OVERFLOW);
    CHECK(c == NULL);
    CHECK_OK(cryptogo_chacha20poly1305_new(&c, key, 32));
    CHECK_OK(cryptogo_chacha20poly1305_encrypt(ct, sizeof ct, &ct_len, bi_data, 8, NULL, 0, nonce, 12, c));
    CHECK_RC(cryptogo_chacha20poly1305_encrypt(bi_buf, sizeof bi_buf, NULL, bi_data, 8, NULL, 0, nonce, 12, c),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_chacha20poly1305_encrypt(bi_buf, sizeof bi_buf, &bi_len, NULL, 8, NULL, 0, nonce, 12, c),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_chacha20poly1305_encrypt(bi_buf, sizeof bi_buf, &bi_len, bi_data, 8, NULL, 0, NULL, 12, c),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_chacha20poly1305_encrypt(bi_buf, sizeof bi_buf, &bi_len, bi_data, LEN_2_31, NULL, 0, nonce, 12, c),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_chacha20poly1305_encrypt(bi_buf, sizeof bi_buf, &bi_len, bi_data, 8, bi_data, LEN_2_31, nonce, 12,
                                               c),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_chacha20poly1305_encrypt(bi_buf, sizeof bi_buf, &bi_len, bi_data, HUGE_LEN, NULL, 0, nonce, 12, c),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_chacha20poly1305_decrypt(bi_buf, sizeof bi_buf, &bi_len, ct, LEN_2_31, NULL, 0, nonce, 12, c),
             CRYPTOGO_ERR_BUFFER_TOO_SMALL);
    CHECK(bi_len == LEN_2_31 - 16);
    CHECK_RC(cryptogo_chacha20poly1305_decrypt(bi_buf, sizeof bi_buf, &bi_len, ct, HUGE_LEN, NULL, 0, nonce, 12, c),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_chacha20poly1305_decrypt(bi_buf, sizeof bi_buf, &bi_len, NULL, 20, NULL, 0, nonce, 12, c),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_chacha20poly1305_decrypt(bi_buf, sizeof bi_buf, NULL, ct, ct_len, NULL, 0, nonce, 12, c),
             CRYPTOGO_ERR_INVALID_ARGUMENT);

    check_section("chacha20poly1305: short output buffers");
    SHORT_BUFFER(cryptogo_chacha20poly1305_encrypt(SB_OUT, sb_cap, &sb_len, bi_data, 40, NULL, 0, nonce, 12, c));
    SHORT_BUFFER(cryptogo_chacha20poly1305_decrypt(SB_OUT, sb_cap, &sb_len, ct, ct_len, NULL, 0, nonce, 12, c));
    CHECK_OK(cryptogo_chacha20poly1305_free(c));

    check_section("chacha20poly1305: bad handles and double free");
    CHECK_OK(cryptogo_chacha20poly1305_new(&freed, key, 32));
    CHECK_OK(cryptogo_chacha20poly1305_free(freed));
    bad_set_freed(freed);
    CHECK_OK(cryptogo_chacha20poly1305_free(NULL));
    CHECK_RC(cryptogo_chacha20poly1305_encrypt(bi_buf, sizeof bi_buf, &bi_len, bi_data, 8, NULL, 0, nonce, 12, NULL),
             CRYPTOGO_ERR_INVALID_HANDLE);
    FOR_BAD_HANDLES(cryptogo_chacha20poly1305, bad) {
        CHECK_BAD_HANDLE(
            cryptogo_chacha20poly1305_encrypt(bi_buf, sizeof bi_buf, &bi_len, bi_data, 8, NULL, 0, nonce, 12, bad));
        CHECK_BAD_HANDLE(
            cryptogo_chacha20poly1305_decrypt(bi_buf, sizeof bi_buf, &bi_len, ct, ct_len, NULL, 0, nonce, 12, bad));
        CHECK_BAD_HANDLE(cryptogo_chacha20poly1305_free(bad));
    }
    CHECK_RC(cryptogo_chacha20poly1305_free(freed), CRYPTOGO_ERR_INVALID_HANDLE);

    check_section("size functions");
    CHECK(cryptogo_aesgcm_tagbytes() == 16 && cryptogo_aesgcm_noncebytes() == 12);
    CHECK(cryptogo_aesgcm_noncebytes_min() == 8 && cryptogo_aesgcm_noncebytes_max() == 128);
    CHECK(cryptogo_chacha20poly1305_keybytes() == 32 && cryptogo_chacha20poly1305_noncebytes() == 12 &&
          cryptogo_chacha20poly1305_tagbytes() == 16);
}

/* cryptogo_invoke, the packed-call trampoline the bindings use for these
 * calls: an fn_id that names no function or NULL args is INVALID_ARGUMENT
 * (every export is also run through it by the misuse matrix). */
static void test_invoke(void)
{
    void *slots[16] = {0};

    check_section("cryptogo_invoke: bad fn_id, NULL args");
    CHECK_RC(cryptogo_invoke(0, slots, 1), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_invoke(-1, slots, 1), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_invoke(INT_MAX, slots, 1), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_invoke(INT_MIN, NULL, 0), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_invoke(1, NULL, 1), CRYPTOGO_ERR_INVALID_ARGUMENT);

    check_section("cryptogo_abi_fingerprint: 64 lowercase hex digits, the same every call");
    {
        const char *fp = cryptogo_abi_fingerprint();
        size_t i;
        CHECK(fp != NULL && strlen(fp) == 64 && fp == cryptogo_abi_fingerprint());
        for (i = 0; fp && fp[i]; i++)
            CHECK((fp[i] >= '0' && fp[i] <= '9') || (fp[i] >= 'a' && fp[i] <= 'f'));
    }
}

int main(void)
{
    size_t live = LIVE_BEGIN();
    bad_setup(0);
    test_aesgcm();
    test_chacha();
    test_invoke();
    bad_teardown(0);
    CHECK_LIVE(live);
    return check_done();
}
