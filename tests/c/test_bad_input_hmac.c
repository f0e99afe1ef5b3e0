/* bad_input_hmac test: misuse of the HMAC and PBKDF2 exports. See bad_input.h. */
#include "bad_input.h"

static void test_hmac(void)
{
    cryptogo_hmac *m = NULL, *freed = NULL, *bad, *c = NULL;
    size_t n = 0;

    check_section("hmac: NULL pointers, huge lengths");
    CHECK_RC(cryptogo_hmac_new(NULL, BUF("key"), CRYPTOGO_HASH_SHA256), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_hmac_new(&m, NULL, 3, CRYPTOGO_HASH_SHA256), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_hmac_new(&m, bi_data, HUGE_LEN, CRYPTOGO_HASH_SHA256), CRYPTOGO_ERR_OVERFLOW);
    CHECK(m == NULL);
    CHECK_OK(cryptogo_hmac_new(&m, BUF("key"), CRYPTOGO_HASH_SHA256));
    CHECK_RC(cryptogo_hmac_update(m, NULL, 1), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_hmac_update(m, bi_data, HUGE_LEN), CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_hmac_copy(NULL, m), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_hmac_finalize(m, bi_buf, sizeof bi_buf, NULL), CRYPTOGO_ERR_INVALID_ARGUMENT);
    n = 0;
    CHECK_RC(cryptogo_hmac_finalize(m, NULL, 0, &n), CRYPTOGO_ERR_BUFFER_TOO_SMALL);
    CHECK(n == 32);
    CHECK_RC(cryptogo_hmac_finalize(m, bi_buf, 31, &n), CRYPTOGO_ERR_BUFFER_TOO_SMALL);
    CHECK_RC(cryptogo_hmac_verify(m, NULL, 32), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_hmac_verify(m, bi_data, HUGE_LEN), CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_hmac_verify(m, NULL, 0), CRYPTOGO_ERR_INVALID_SIGNATURE);
    CHECK_OK(cryptogo_hmac_free(m));
    CHECK_RC(cryptogo_hmac_compute(bi_buf, sizeof bi_buf, NULL, BUF("x"), BUF("k"), CRYPTOGO_HASH_SHA256),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_hmac_compute(bi_buf, sizeof bi_buf, &bi_len, NULL, 1, BUF("k"), CRYPTOGO_HASH_SHA256),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_hmac_compute(bi_buf, sizeof bi_buf, &bi_len, BUF("x"), NULL, 1, CRYPTOGO_HASH_SHA256),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_hmac_compute(bi_buf, sizeof bi_buf, &bi_len, bi_data, HUGE_LEN, BUF("k"), CRYPTOGO_HASH_SHA256),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_hmac_compute(bi_buf, sizeof bi_buf, &bi_len, BUF("x"), bi_data, HUGE_LEN, CRYPTOGO_HASH_SHA256),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_hmac_compute(bi_buf, sizeof bi_buf, &bi_len, BUF("x"), BUF("k"), -7),
             CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);

    check_section("hmac: short output buffers");
    SHORT_BUFFER(cryptogo_hmac_compute(SB_OUT, sb_cap, &sb_len, BUF("x"), BUF("k"), CRYPTOGO_HASH_SHA384));

    check_section("hmac: bad handles and double free");
    CHECK_OK(cryptogo_hmac_new(&freed, BUF("key"), CRYPTOGO_HASH_SHA1));
    CHECK_OK(cryptogo_hmac_free(freed));
    bad_set_freed(freed);
    CHECK_OK(cryptogo_hmac_free(NULL));
    CHECK_RC(cryptogo_hmac_update(NULL, bi_data, 1), CRYPTOGO_ERR_INVALID_HANDLE);
    CHECK_RC(cryptogo_hmac_copy(&c, NULL), CRYPTOGO_ERR_INVALID_HANDLE);
    CHECK_RC(cryptogo_hmac_finalize(NULL, bi_buf, sizeof bi_buf, &bi_len), CRYPTOGO_ERR_INVALID_HANDLE);
    CHECK_RC(cryptogo_hmac_verify(NULL, bi_data, 32), CRYPTOGO_ERR_INVALID_HANDLE);
    FOR_BAD_HANDLES(cryptogo_hmac, bad) {
        CHECK_BAD_HANDLE(cryptogo_hmac_update(bad, bi_data, 1));
        CHECK_BAD_HANDLE(cryptogo_hmac_copy(&c, bad));
        CHECK_BAD_HANDLE(cryptogo_hmac_finalize(bad, bi_buf, sizeof bi_buf, &bi_len));
        CHECK_BAD_HANDLE(cryptogo_hmac_verify(bad, bi_data, 32));
        CHECK_BAD_HANDLE(cryptogo_hmac_free(bad));
    }
    CHECK(c == NULL);
    CHECK_RC(cryptogo_hmac_free(freed), CRYPTOGO_ERR_INVALID_HANDLE);
}

static void test_pbkdf2(void)
{
    check_section("pbkdf2: NULL pointers, huge lengths, huge iteration counts");
    CHECK_RC(cryptogo_pbkdf2_hmac_derive(NULL, 32, BUF("pw"), BUF("salt"), 1, CRYPTOGO_HASH_SHA256),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_pbkdf2_hmac_derive(bi_buf, 32, NULL, 2, BUF("salt"), 1, CRYPTOGO_HASH_SHA256),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_pbkdf2_hmac_derive(bi_buf, 32, BUF("pw"), NULL, 4, 1, CRYPTOGO_HASH_SHA256),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_pbkdf2_hmac_derive(bi_buf, 32, bi_data, HUGE_LEN, BUF("salt"), 1, CRYPTOGO_HASH_SHA256),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_pbkdf2_hmac_derive(bi_buf, 32, BUF("pw"), bi_data, HUGE_LEN, 1, CRYPTOGO_HASH_SHA256),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_pbkdf2_hmac_derive(bi_buf, HUGE_LEN, BUF("pw"), BUF("salt"), 1, CRYPTOGO_HASH_SHA256),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_pbkdf2_hmac_derive(bi_buf, 32, BUF("pw"), BUF("salt"), 1, 0), CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
    CHECK_RC(cryptogo_pbkdf2_hmac_verify(NULL, 32, BUF("pw"), BUF("salt"), 1, CRYPTOGO_HASH_SHA256),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_pbkdf2_hmac_verify(bi_data, HUGE_LEN, BUF("pw"), BUF("salt"), 1, CRYPTOGO_HASH_SHA256),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_pbkdf2_hmac_verify(bi_data, 32, NULL, 2, BUF("salt"), 1, CRYPTOGO_HASH_SHA256),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_pbkdf2_hmac_verify(bi_data, 32, BUF("pw"), BUF("salt"), 0, CRYPTOGO_HASH_SHA256),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
}

int main(void)
{
    size_t live = LIVE_BEGIN();
    bad_setup(0);
    test_hmac();
    test_pbkdf2();
    bad_teardown(0);
    CHECK_LIVE(live);
    return check_done();
}
