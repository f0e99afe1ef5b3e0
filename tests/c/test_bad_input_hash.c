/* bad_input_hash test: misuse of the hash exports and of the ABI helpers
 * (strerror, version, debug_live_handles). See bad_input.h. */
#include "bad_input.h"

static void test_abi(void)
{
    int code;
    check_section("cryptogo_strerror, cryptogo_version, cryptogo_debug_live_handles");
    for (code = -40; code <= 5; code++)
        CHECK(cryptogo_strerror(code) != NULL && cryptogo_strerror(code)[0] != 0);
    CHECK(strcmp(cryptogo_strerror(12345), "unknown status code") == 0);
    CHECK(strcmp(cryptogo_strerror(INT32_MIN), "unknown status code") == 0);
    CHECK(cryptogo_version() != NULL && strchr(cryptogo_version(), '.') != NULL);
    CHECK_RC(cryptogo_debug_live_handles(NULL), CRYPTOGO_ERR_INVALID_ARGUMENT);
}

static void test_hash(void)
{
    cryptogo_hash *h = NULL, *freed = NULL, *bad, *c = NULL;
    size_t n = 0;

    check_section("hash: NULL pointers, huge lengths");
    CHECK_RC(cryptogo_hash_new(NULL, CRYPTOGO_HASH_SHA256, 0), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_hash_new(&h, CRYPTOGO_HASH_SHAKE128, HUGE_LEN), CRYPTOGO_ERR_OVERFLOW);
    CHECK(h == NULL);
    CHECK_OK(cryptogo_hash_new(&h, CRYPTOGO_HASH_SHA256, 0));
    CHECK_RC(cryptogo_hash_update(h, NULL, 1), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_hash_update(h, bi_data, HUGE_LEN), CRYPTOGO_ERR_OVERFLOW);
    CHECK_OK(cryptogo_hash_update(h, NULL, 0));
    CHECK_RC(cryptogo_hash_copy(NULL, h), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_hash_finalize(h, bi_buf, sizeof bi_buf, NULL), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_hash_finalize(h, NULL, 32, &n), CRYPTOGO_ERR_INVALID_ARGUMENT);
    n = 0;
    CHECK_RC(cryptogo_hash_finalize(h, NULL, 0, &n), CRYPTOGO_ERR_BUFFER_TOO_SMALL);
    CHECK(n == 32);
    CHECK_OK(cryptogo_hash_finalize(h, bi_buf, 32, &n));
    CHECK_OK(cryptogo_hash_free(h));
    CHECK_RC(cryptogo_hash_digest(bi_buf, sizeof bi_buf, NULL, bi_data, 3, CRYPTOGO_HASH_SHA256, 0),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_hash_digest(bi_buf, sizeof bi_buf, &bi_len, NULL, 3, CRYPTOGO_HASH_SHA256, 0),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_hash_digest(bi_buf, sizeof bi_buf, &bi_len, bi_data, HUGE_LEN, CRYPTOGO_HASH_SHA256, 0),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_hash_digest(bi_buf, sizeof bi_buf, &bi_len, bi_data, 3, CRYPTOGO_HASH_SHAKE256, HUGE_LEN),
             CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_hash_digestbytes(NULL, CRYPTOGO_HASH_SHA256), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_hash_blockbytes(NULL, CRYPTOGO_HASH_SHA256), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_hash_digestbytes(&n, -1), CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
    CHECK_RC(cryptogo_hash_blockbytes(&n, 1000), CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
    CHECK(cryptogo_hash_digestbytes_max() == CRYPTOGO_HASH_DIGESTBYTES_MAX);

    check_section("hash: short output buffers");
    SHORT_BUFFER(cryptogo_hash_digest(SB_OUT, sb_cap, &sb_len, bi_data, 10, CRYPTOGO_HASH_SHA512, 0));
    SHORT_BUFFER(cryptogo_hash_digest(SB_OUT, sb_cap, &sb_len, bi_data, 10, CRYPTOGO_HASH_SHAKE256, 200));

    check_section("hash: bad handles (NULL, freed, wrong kind, never a handle) and double free");
    CHECK_OK(cryptogo_hash_new(&freed, CRYPTOGO_HASH_SHA1, 0));
    CHECK_OK(cryptogo_hash_free(freed));
    bad_set_freed(freed);
    CHECK_OK(cryptogo_hash_free(NULL));
    CHECK_RC(cryptogo_hash_update(NULL, bi_data, 1), CRYPTOGO_ERR_INVALID_HANDLE);
    CHECK_RC(cryptogo_hash_copy(&c, NULL), CRYPTOGO_ERR_INVALID_HANDLE);
    CHECK_RC(cryptogo_hash_finalize(NULL, bi_buf, sizeof bi_buf, &bi_len), CRYPTOGO_ERR_INVALID_HANDLE);
    FOR_BAD_HANDLES(cryptogo_hash, bad) {
        CHECK_BAD_HANDLE(cryptogo_hash_update(bad, bi_data, 1));
        CHECK_BAD_HANDLE(cryptogo_hash_copy(&c, bad));
        CHECK_BAD_HANDLE(cryptogo_hash_finalize(bad, bi_buf, sizeof bi_buf, &bi_len));
        CHECK_BAD_HANDLE(cryptogo_hash_free(bad));
    }
    CHECK(c == NULL);
    CHECK_RC(cryptogo_hash_free(freed), CRYPTOGO_ERR_INVALID_HANDLE); /* double free */
}

int main(void)
{
    size_t live = LIVE_BEGIN();
    bad_setup(1);
    test_abi();
    test_hash();
    bad_teardown(1);
    CHECK_LIVE(live);
    return check_done();
}
