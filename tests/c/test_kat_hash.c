/* kat_hash test: known answers for every hash through the ABI - one shot,
 * incremental (update, copy, finalize), sizes, and the finalize rules.
 * Expected values: FIPS 180-4 / FIPS 202 examples ("abc"), RFC 1321, RFC 7693,
 * cross-checked with Python's hashlib. */
#include "check.h"

struct hash_kat {
    int alg;
    const char *name;
    size_t digest_size; /* 0 = default for fixed-size hashes */
    size_t expect_size;
    size_t block_size; /* 0 = not checked (SHAKE) */
    const char *abc;   /* digest of "abc" */
};

static const struct hash_kat kats[] = {
    {CRYPTOGO_HASH_SHA1, "SHA-1", 0, 20, 64, "a9993e364706816aba3e25717850c26c9cd0d89d"},
    {CRYPTOGO_HASH_SHA224, "SHA-224", 0, 28, 64, "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7"},
    {CRYPTOGO_HASH_SHA256, "SHA-256", 0, 32, 64, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
    {CRYPTOGO_HASH_SHA384, "SHA-384", 0, 48, 128,
     "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"},
    {CRYPTOGO_HASH_SHA512, "SHA-512", 0, 64, 128,
     "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd"
     "454d4423643ce80e2a9ac94fa54ca49f"},
    {CRYPTOGO_HASH_SHA512_224, "SHA-512/224", 0, 28, 128, "4634270f707b6a54daae7530460842e20e37ed265ceee9a43e8924aa"},
    {CRYPTOGO_HASH_SHA512_256, "SHA-512/256", 0, 32, 128,
     "53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23"},
    {CRYPTOGO_HASH_SHA3_224, "SHA3-224", 0, 28, 144, "e642824c3f8cf24ad09234ee7d3c766fc9a3a5168d0c94ad73b46fdf"},
    {CRYPTOGO_HASH_SHA3_256, "SHA3-256", 0, 32, 136, "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532"},
    {CRYPTOGO_HASH_SHA3_384, "SHA3-384", 0, 48, 104,
     "ec01498288516fc926459f58e2c6ad8df9b473cb0fc08c2596da7cf0e49be4b298d88cea927ac7f539f1edf228376d25"},
    {CRYPTOGO_HASH_SHA3_512, "SHA3-512", 0, 64, 72,
     "b751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e10e116e9192af3c91a7ec57647e3934057340b4cf"
     "408d5a56592f8274eec53f0"},
    {CRYPTOGO_HASH_SHAKE128, "SHAKE128/32", 32, 32, 0, "5881092dd818bf5cf8a3ddb793fbcba74097d5c526a6d35f97b83351940f2cc8"},
    {CRYPTOGO_HASH_SHAKE256, "SHAKE256/64", 64, 64, 0,
     "483366601360a8771c6863080cc4114d8db44530f8f1e1ee4f94ea37e78b5739d5a15bef186a5386c75744c0527e1faa9f8726e462a"
     "12a4feb06bd8801e751e4"},
    {CRYPTOGO_HASH_BLAKE2B, "BLAKE2b", 0, 64, 128,
     "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1"
     "925ab92386edd4009923"},
    {CRYPTOGO_HASH_BLAKE2S, "BLAKE2s", 0, 32, 64, "508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982"},
    {CRYPTOGO_HASH_MD5, "MD5", 0, 16, 64, "900150983cd24fb0d6963f7d28e17f72"},
    /* GB/T 32905-2016, appendix A.1 */
    {CRYPTOGO_HASH_SM3, "SM3", 0, 32, 64, "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"},
};

static void test_one_shot(void)
{
    size_t i;
    check_section("one-shot digests of \"abc\"");
    for (i = 0; i < sizeof kats / sizeof kats[0]; i++) {
        const struct hash_kat *k = &kats[i];
        uint8_t out[CRYPTOGO_HASH_DIGESTBYTES_MAX];
        size_t out_len = 0, n = 0;
        if (CHECK_OK(cryptogo_hash_digest(out, sizeof out, &out_len, BUF("abc"), k->alg, k->digest_size)))
            CHECK_HEX(out, out_len, k->abc);
        if (k->block_size) {
            CHECK_OK(cryptogo_hash_digestbytes(&n, k->alg));
            CHECK(n == k->expect_size);
            CHECK_OK(cryptogo_hash_blockbytes(&n, k->alg));
            CHECK(n == k->block_size);
        }
        printf("   %-12s ok\n", k->name);
    }
}

static void test_incremental(void)
{
    size_t i;
    check_section("incremental: update in pieces, copy, finalize");
    for (i = 0; i < sizeof kats / sizeof kats[0]; i++) {
        const struct hash_kat *k = &kats[i];
        cryptogo_hash *h = NULL, *c = NULL;
        uint8_t out[CRYPTOGO_HASH_DIGESTBYTES_MAX], out2[CRYPTOGO_HASH_DIGESTBYTES_MAX];
        size_t out_len = 0, out2_len = 0;
        if (!CHECK_OK(cryptogo_hash_new(&h, k->alg, k->digest_size)))
            continue;
        CHECK_OK(cryptogo_hash_update(h, BUF("a")));
        CHECK_OK(cryptogo_hash_update(h, NULL, 0));
        CHECK_OK(cryptogo_hash_copy(&c, h));
        CHECK_OK(cryptogo_hash_update(h, BUF("bc")));
        CHECK_OK(cryptogo_hash_finalize(h, out, sizeof out, &out_len));
        CHECK_HEX(out, out_len, k->abc);
        /* the copy is independent of the original */
        CHECK_OK(cryptogo_hash_update(c, BUF("b")));
        CHECK_OK(cryptogo_hash_update(c, BUF("c")));
        CHECK_OK(cryptogo_hash_finalize(c, out2, sizeof out2, &out2_len));
        CHECK_HEX(out2, out2_len, k->abc);
        CHECK_OK(cryptogo_hash_free(c));
        CHECK_OK(cryptogo_hash_free(h));
    }
}

static void test_long_and_empty(void)
{
    static uint8_t block[1000];
    cryptogo_hash *h = NULL;
    uint8_t out[32];
    size_t out_len = 0;
    int i;
    check_section("SHA-256 of \"\" and of one million 'a' (FIPS 180-4)");
    CHECK_OK(cryptogo_hash_digest(out, sizeof out, &out_len, NULL, 0, CRYPTOGO_HASH_SHA256, 0));
    CHECK_HEX(out, out_len, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    memset(block, 'a', sizeof block);
    CHECK_OK(cryptogo_hash_new(&h, CRYPTOGO_HASH_SHA256, 0));
    for (i = 0; i < 1000; i++)
        CHECK_OK(cryptogo_hash_update(h, block, sizeof block));
    CHECK_OK(cryptogo_hash_finalize(h, out, sizeof out, &out_len));
    CHECK_HEX(out, out_len, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    CHECK_OK(cryptogo_hash_free(h));
}

static void test_finalize_rules(void)
{
    cryptogo_hash *h = NULL, *c = NULL;
    uint8_t out[64];
    size_t out_len = 0;
    check_section("finalize rules: short buffer does not finalize; AlreadyFinalized after");
    CHECK_OK(cryptogo_hash_new(&h, CRYPTOGO_HASH_SHA256, 0));
    CHECK_OK(cryptogo_hash_update(h, BUF("abc")));
    CHECK_RC(cryptogo_hash_finalize(h, out, 31, &out_len), CRYPTOGO_ERR_BUFFER_TOO_SMALL);
    CHECK(out_len == 32);
    CHECK_RC(cryptogo_hash_finalize(h, NULL, 0, &out_len), CRYPTOGO_ERR_BUFFER_TOO_SMALL);
    CHECK(out_len == 32);
    CHECK_OK(cryptogo_hash_finalize(h, out, sizeof out, &out_len));
    CHECK_HEX(out, out_len, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK_RC(cryptogo_hash_finalize(h, out, sizeof out, &out_len), CRYPTOGO_ERR_ALREADY_FINALIZED);
    CHECK_RC(cryptogo_hash_update(h, BUF("x")), CRYPTOGO_ERR_ALREADY_FINALIZED);
    CHECK_RC(cryptogo_hash_copy(&c, h), CRYPTOGO_ERR_ALREADY_FINALIZED);
    CHECK(c == NULL);
    CHECK_OK(cryptogo_hash_free(h));

    check_section("one-shot short buffer reports the size needed");
    out_len = 0;
    CHECK_RC(cryptogo_hash_digest(out, 10, &out_len, BUF("abc"), CRYPTOGO_HASH_SHA512, 0),
             CRYPTOGO_ERR_BUFFER_TOO_SMALL);
    CHECK(out_len == 64);
}

static void test_parameters(void)
{
    cryptogo_hash *h = NULL;
    uint8_t out[64];
    size_t out_len = 0;
    check_section("digest_size and algorithm rules");
    /* SHAKE needs a digest size; fixed-size hashes take 0 or their own size. */
    CHECK_RC(cryptogo_hash_new(&h, CRYPTOGO_HASH_SHAKE128, 0), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK(h == NULL);
    CHECK_RC(cryptogo_hash_new(&h, CRYPTOGO_HASH_SHA256, 31), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_OK(cryptogo_hash_new(&h, CRYPTOGO_HASH_SHA256, 32));
    CHECK_OK(cryptogo_hash_free(h));
    h = NULL;
    CHECK_RC(cryptogo_hash_new(&h, 0, 0), CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
    CHECK_RC(cryptogo_hash_new(&h, 99, 0), CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
    CHECK(h == NULL);
    CHECK_RC(cryptogo_hash_digest(out, sizeof out, &out_len, BUF("abc"), 99, 0),
             CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
    /* SHAKE of any length: a prefix of a longer output. */
    CHECK_OK(cryptogo_hash_digest(out, sizeof out, &out_len, BUF("abc"), CRYPTOGO_HASH_SHAKE128, 7));
    CHECK_HEX(out, out_len, "5881092dd818bf");
}

int main(void)
{
    size_t live = LIVE_BEGIN();
    test_one_shot();
    test_incremental();
    test_long_and_empty();
    test_finalize_rules();
    test_parameters();
    CHECK_LIVE(live);
    return check_done();
}
