/* bad_input_fernet test: misuse of the Fernet and MultiFernet exports.
 * See bad_input.h. */
#include "bad_input.h"

#define KEY "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4="

static const uint8_t iv[16];

static void test_fernet(cryptogo_fernet *f, const uint8_t *tok, size_t tok_len)
{
    cryptogo_fernet *g = NULL, *freed = NULL, *bad;
    int64_t ts = 0;

    check_section("fernet: NULL pointers, huge lengths");
    CHECK_RC(cryptogo_fernet_generate_key(bi_buf, sizeof bi_buf, NULL), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_fernet_new(NULL, BUF(KEY)), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_fernet_new(&g, NULL, 44), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_fernet_new(&g, NULL, 0), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_fernet_new(&g, U8(KEY), HUGE_LEN), CRYPTOGO_ERR_OVERFLOW);
    CHECK(g == NULL);
    CHECK_RC(cryptogo_fernet_encrypt(bi_buf, sizeof bi_buf, NULL, BUF("m"), f), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_fernet_encrypt(bi_buf, sizeof bi_buf, &bi_len, NULL, 1, f), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_fernet_encrypt(bi_buf, sizeof bi_buf, &bi_len, bi_data, HUGE_LEN, f), CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_fernet_encrypt_at_time(bi_buf, sizeof bi_buf, &bi_len, NULL, 1, 0, f),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_fernet_encrypt_at_time(bi_buf, sizeof bi_buf, &bi_len, bi_data, HUGE_LEN, 0, f),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_fernet_encrypt_at_time_with_iv(bi_buf, sizeof bi_buf, &bi_len, BUF("m"), 0, NULL, 16, f),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_fernet_encrypt_at_time_with_iv(bi_buf, sizeof bi_buf, &bi_len, BUF("m"), 0, iv, 15, f),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_fernet_encrypt_at_time_with_iv(bi_buf, sizeof bi_buf, &bi_len, BUF("m"), 0, NULL, 0, f),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_fernet_decrypt(bi_buf, sizeof bi_buf, NULL, tok, tok_len, 0, 0, f), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_fernet_decrypt(bi_buf, sizeof bi_buf, &bi_len, NULL, tok_len, 0, 0, f),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_fernet_decrypt(bi_buf, sizeof bi_buf, &bi_len, tok, HUGE_LEN, 0, 0, f), CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_fernet_decrypt(bi_buf, sizeof bi_buf, &bi_len, NULL, 0, 0, 0, f), CRYPTOGO_ERR_INVALID_TOKEN);
    CHECK_RC(cryptogo_fernet_decrypt_at_time(bi_buf, sizeof bi_buf, &bi_len, NULL, tok_len, 60, 0, f),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_fernet_decrypt_at_time(bi_buf, sizeof bi_buf, &bi_len, tok, HUGE_LEN, 60, 0, f),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_fernet_extract_timestamp(NULL, tok, tok_len, f), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_fernet_extract_timestamp(&ts, NULL, tok_len, f), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_fernet_extract_timestamp(&ts, tok, HUGE_LEN, f), CRYPTOGO_ERR_OVERFLOW);
    CHECK(cryptogo_fernet_msgbytes_max(0) == 0);
    CHECK(cryptogo_fernet_msgbytes_max(HUGE_LEN) < HUGE_LEN);
    CHECK(cryptogo_fernet_tokenbytes(0) == 100);
    CHECK(cryptogo_fernet_tokenbytes(SIZE_MAX) == SIZE_MAX);
    CHECK_RC(cryptogo_fernet_key_canonicalize(bi_buf, sizeof bi_buf, NULL, BUF(KEY)), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_fernet_key_canonicalize(bi_buf, sizeof bi_buf, &bi_len, NULL, 44), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_fernet_key_canonicalize(bi_buf, sizeof bi_buf, &bi_len, bi_data, HUGE_LEN),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_fernet_key_canonicalize(bi_buf, sizeof bi_buf, &bi_len, NULL, 0), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_fernet_key_canonicalize(bi_buf, sizeof bi_buf, &bi_len, BUF("AAAA")), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK(bi_len == 0);
    CHECK_OK(cryptogo_fernet_key_canonicalize(bi_buf, sizeof bi_buf, &bi_len, BUF(KEY)));
    CHECK(bi_len == 44);
    CHECK(cryptogo_fernet_keybytes() == 44 && cryptogo_fernet_rawkeybytes() == 32 && cryptogo_fernet_ivbytes() == 16);

    check_section("fernet: short output buffers");
    SHORT_BUFFER(cryptogo_fernet_generate_key(SB_OUT, sb_cap, &sb_len));
    SHORT_BUFFER(cryptogo_fernet_key_canonicalize(SB_OUT, sb_cap, &sb_len, BUF(KEY)));
    SHORT_BUFFER(cryptogo_fernet_encrypt(SB_OUT, sb_cap, &sb_len, bi_data, 33, f));
    SHORT_BUFFER(cryptogo_fernet_encrypt_at_time(SB_OUT, sb_cap, &sb_len, bi_data, 33, 1234, f));
    SHORT_BUFFER(cryptogo_fernet_encrypt_at_time_with_iv(SB_OUT, sb_cap, &sb_len, bi_data, 33, 1234, iv, 16, f));
    SHORT_BUFFER(cryptogo_fernet_decrypt(SB_OUT, sb_cap, &sb_len, tok, tok_len, 0, 0, f));
    SHORT_BUFFER(cryptogo_fernet_decrypt_at_time(SB_OUT, sb_cap, &sb_len, tok, tok_len, 60, 1000, f));

    check_section("fernet: bad handles and double free");
    CHECK_OK(cryptogo_fernet_new(&freed, BUF(KEY)));
    CHECK_OK(cryptogo_fernet_free(freed));
    bad_set_freed(freed);
    CHECK_OK(cryptogo_fernet_free(NULL));
    CHECK_RC(cryptogo_fernet_encrypt(bi_buf, sizeof bi_buf, &bi_len, BUF("m"), NULL), CRYPTOGO_ERR_INVALID_HANDLE);
    CHECK_RC(cryptogo_fernet_decrypt(bi_buf, sizeof bi_buf, &bi_len, tok, tok_len, 0, 0, NULL),
             CRYPTOGO_ERR_INVALID_HANDLE);
    FOR_BAD_HANDLES(cryptogo_fernet, bad) {
        CHECK_BAD_HANDLE(cryptogo_fernet_encrypt(bi_buf, sizeof bi_buf, &bi_len, BUF("m"), bad));
        CHECK_BAD_HANDLE(cryptogo_fernet_encrypt_at_time(bi_buf, sizeof bi_buf, &bi_len, BUF("m"), 5, bad));
        CHECK_BAD_HANDLE(cryptogo_fernet_encrypt_at_time_with_iv(bi_buf, sizeof bi_buf, &bi_len, BUF("m"), 5, iv, 16, bad));
        CHECK_BAD_HANDLE(cryptogo_fernet_decrypt(bi_buf, sizeof bi_buf, &bi_len, tok, tok_len, 0, 0, bad));
        CHECK_BAD_HANDLE(cryptogo_fernet_decrypt_at_time(bi_buf, sizeof bi_buf, &bi_len, tok, tok_len, 60, 1000, bad));
        CHECK_BAD_HANDLE(cryptogo_fernet_extract_timestamp(&ts, tok, tok_len, bad));
        CHECK_BAD_HANDLE(cryptogo_fernet_free(bad));
    }
    CHECK_RC(cryptogo_fernet_free(freed), CRYPTOGO_ERR_INVALID_HANDLE);
}

static void test_multifernet(cryptogo_fernet *f, const uint8_t *tok, size_t tok_len)
{
    cryptogo_multifernet *mf = NULL, *freed = NULL, *bad;
    cryptogo_fernet *list[2], *dead = NULL;
    int64_t ts = 0;

    check_section("multifernet: NULL pointers, empty and bad lists, huge lengths");
    list[0] = f;
    list[1] = NULL;
    CHECK_RC(cryptogo_multifernet_new(NULL, list, 1), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_multifernet_new(&mf, NULL, 1), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_multifernet_new(&mf, list, 0), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_multifernet_new(&mf, list, 2), CRYPTOGO_ERR_INVALID_HANDLE);
    CHECK_OK(cryptogo_fernet_new(&dead, BUF(KEY)));
    CHECK_OK(cryptogo_fernet_free(dead));
    list[1] = dead;
    CHECK_RC(cryptogo_multifernet_new(&mf, list, 2), CRYPTOGO_ERR_INVALID_HANDLE);
    list[1] = (cryptogo_fernet *)bad_handles[1];
    CHECK_RC(cryptogo_multifernet_new(&mf, list, 2), CRYPTOGO_ERR_INVALID_HANDLE);
    CHECK_RC(cryptogo_multifernet_new(&mf, list, HUGE_LEN), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_multifernet_new(&mf, list, 65537), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK(mf == NULL);
    CHECK_OK(cryptogo_multifernet_new(&mf, list, 1));
    CHECK_RC(cryptogo_multifernet_encrypt(bi_buf, sizeof bi_buf, NULL, BUF("m"), mf), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_multifernet_encrypt(bi_buf, sizeof bi_buf, &bi_len, NULL, 1, mf), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_multifernet_encrypt(bi_buf, sizeof bi_buf, &bi_len, bi_data, HUGE_LEN, mf), CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_multifernet_encrypt_at_time(bi_buf, sizeof bi_buf, &bi_len, bi_data, HUGE_LEN, 0, mf),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_multifernet_decrypt(bi_buf, sizeof bi_buf, &bi_len, NULL, 5, 0, 0, mf),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_multifernet_decrypt(bi_buf, sizeof bi_buf, &bi_len, tok, HUGE_LEN, 0, 0, mf),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_multifernet_decrypt_at_time(bi_buf, sizeof bi_buf, &bi_len, tok, HUGE_LEN, 60, 0, mf),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_multifernet_rotate(bi_buf, sizeof bi_buf, &bi_len, NULL, 5, mf), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_multifernet_rotate(bi_buf, sizeof bi_buf, &bi_len, tok, HUGE_LEN, mf), CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_multifernet_extract_timestamp(NULL, tok, tok_len, mf), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_multifernet_extract_timestamp(&ts, tok, HUGE_LEN, mf), CRYPTOGO_ERR_OVERFLOW);

    check_section("multifernet: short output buffers");
    SHORT_BUFFER(cryptogo_multifernet_encrypt(SB_OUT, sb_cap, &sb_len, bi_data, 17, mf));
    SHORT_BUFFER(cryptogo_multifernet_encrypt_at_time(SB_OUT, sb_cap, &sb_len, bi_data, 17, 99, mf));
    SHORT_BUFFER(cryptogo_multifernet_decrypt(SB_OUT, sb_cap, &sb_len, tok, tok_len, 0, 0, mf));
    SHORT_BUFFER(cryptogo_multifernet_decrypt_at_time(SB_OUT, sb_cap, &sb_len, tok, tok_len, 60, 1000, mf));
    SHORT_BUFFER(cryptogo_multifernet_rotate(SB_OUT, sb_cap, &sb_len, tok, tok_len, mf));
    CHECK_OK(cryptogo_multifernet_free(mf));

    check_section("multifernet: bad handles (a Fernet handle is the wrong kind) and double free");
    list[1] = NULL;
    CHECK_OK(cryptogo_multifernet_new(&freed, list, 1));
    CHECK_OK(cryptogo_multifernet_free(freed));
    bad_set_freed(freed);
    CHECK_OK(cryptogo_multifernet_free(NULL));
    CHECK_RC(cryptogo_multifernet_encrypt(bi_buf, sizeof bi_buf, &bi_len, BUF("m"), NULL), CRYPTOGO_ERR_INVALID_HANDLE);
    CHECK_RC(cryptogo_multifernet_encrypt(bi_buf, sizeof bi_buf, &bi_len, BUF("m"), (cryptogo_multifernet *)f),
             CRYPTOGO_ERR_INVALID_HANDLE);
    FOR_BAD_HANDLES(cryptogo_multifernet, bad) {
        CHECK_BAD_HANDLE(cryptogo_multifernet_encrypt(bi_buf, sizeof bi_buf, &bi_len, BUF("m"), bad));
        CHECK_BAD_HANDLE(cryptogo_multifernet_encrypt_at_time(bi_buf, sizeof bi_buf, &bi_len, BUF("m"), 5, bad));
        CHECK_BAD_HANDLE(cryptogo_multifernet_decrypt(bi_buf, sizeof bi_buf, &bi_len, tok, tok_len, 0, 0, bad));
        CHECK_BAD_HANDLE(cryptogo_multifernet_decrypt_at_time(bi_buf, sizeof bi_buf, &bi_len, tok, tok_len, 60, 9, bad));
        CHECK_BAD_HANDLE(cryptogo_multifernet_rotate(bi_buf, sizeof bi_buf, &bi_len, tok, tok_len, bad));
        CHECK_BAD_HANDLE(cryptogo_multifernet_extract_timestamp(&ts, tok, tok_len, bad));
        CHECK_BAD_HANDLE(cryptogo_multifernet_free(bad));
    }
    CHECK_RC(cryptogo_multifernet_free(freed), CRYPTOGO_ERR_INVALID_HANDLE);
}

int main(void)
{
    size_t live = LIVE_BEGIN(), tok_len = 0;
    static uint8_t tok[512];
    cryptogo_fernet *f = NULL;
    bad_setup(0);
    CHECK_OK(cryptogo_fernet_new(&f, BUF(KEY)));
    CHECK_OK(cryptogo_fernet_encrypt_at_time(tok, sizeof tok, &tok_len, BUF("a message"), 1000, f));
    test_fernet(f, tok, tok_len);
    test_multifernet(f, tok, tok_len);
    CHECK_OK(cryptogo_fernet_free(f));
    bad_teardown(0);
    CHECK_LIVE(live);
    return check_done();
}
