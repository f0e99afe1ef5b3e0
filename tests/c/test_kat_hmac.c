/* kat_hmac test: HMAC through the ABI - RFC 4231 test cases 1-4, 6, 7 for
 * SHA-224/256/384/512, RFC 2202-style SHA-1 and MD5 values, SHA3 and BLAKE2b
 * (cross-checked with Python's hmac), incremental use, copy, verify and the
 * finalize rules. */
#include "check.h"

struct rfc4231 {
    const char *key_hex, *data_hex;
    const char *sha224, *sha256, *sha384, *sha512;
};

static const struct rfc4231 cases[] = {
    {"0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "4869205468657265", /* "Hi There" */
     "896fb1128abbdf196832107cd49df33f47b4b1169912ba4f53684b22",
     "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
     "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59cfaea9ea9076ede7f4af152e8b2fa9cb6",
     "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4"
     "be9d914eeb61f1702e696c203a126854"},
    {"4a656665", "7768617420646f2079612077616e7420666f72206e6f7468696e673f", /* "Jefe" */
     "a30e01098bc6dbbf45690f3a7e9e6d0f8bbea2a39e6148008fd05e44",
     "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
     "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649",
     "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fd"
     "caeab1a34d4a6b4b636e070a38bce737"},
    {"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
     "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd",
     "7fb3cb3588c6c1f6ffa9694d7d6ad2649365b0c1f65d69d1ec8333ea",
     "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
     "88062608d3e6ad8a0aa2ace014c8a86f0aa635d947ac9febe83ef4e55966144b2a5ab39dc13814b94e3ab6e101a34f27",
     "fa73b0089d56a284efb0f0756c890be9b1b5dbdd8ee81a3655f83e33b2279d39bf3e848279a722c806b485a47e67c807"
     "b946a337bee8942674278859e13292fb"},
    {"0102030405060708090a0b0c0d0e0f10111213141516171819",
     "cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd",
     "6c11506874013cac6a2abc1bb382627cec6a90d86efc012de7afec5a",
     "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
     "3e8a69b7783c25851933ab6290af6ca77a9981480850009cc5577c6e1f573b4e6801dd23c4a7d679ccf8a386c674cffb",
     "b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3dba91ca5c11aa25eb4d679275cc5788063"
     "a5f19741120c4f2de2adebeb10a298dd"},
    /* test case 6: 131-byte key, "Test Using Larger Than Block-Size Key - Hash Key First" */
    {"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
     "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
     "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
     "54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a65204b6579202d2048617368204b657920"
     "4669727374",
     "95e9a0db962095adaebe9b2d6f0dbce2d499f112f2d2b7273fa6870e",
     "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
     "4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f3cd11f05033ac4c60c2ef6ab4030fe8296248df163f44952",
     "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f3526b56d037e05f2598bd0fd2215d6a1e52"
     "95e64f73f63f0aec8b915a985d786598"},
};

struct simple {
    int alg;
    const char *key, *msg, *mac;
};
static const struct simple simple[] = {
    {CRYPTOGO_HASH_SHA1, "key", "The quick brown fox jumps over the lazy dog", "de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9"},
    {CRYPTOGO_HASH_MD5, "key", "The quick brown fox jumps over the lazy dog", "80070713463e7749b90c2dc24911e275"},
    /* openssl dgst -sm3 -hmac key (OpenSSL 3.0) */
    {CRYPTOGO_HASH_SM3, "key", "The quick brown fox jumps over the lazy dog",
     "bd4a34077888162b210645b8ebf74b9af357303789357a27c7fc457244ebd398"},
    {CRYPTOGO_HASH_SHA3_256, "key", "abc", "09b6dbab8d11795ca7c8d82f1cf91682013c7cb980abbb25473be4ae7f7b5683"},
    {CRYPTOGO_HASH_BLAKE2B, "key", "abc",
     "05cc4815438d5cfe68fff446b8df57828cc96189de4b4e928e3f06d815d64e5bc15124a02ffd39859b3e2476da03bc0235ca86df6"
     "23af2a5631779809e9fd04a"},
};

static void one(int alg, const uint8_t *key, size_t key_len, const uint8_t *data, size_t data_len,
                const char *want)
{
    uint8_t mac[64], want_bin[64];
    size_t mac_len = 0, want_len = check_unhex(want_bin, sizeof want_bin, want), half = data_len / 2;
    cryptogo_hmac *h = NULL, *c = NULL;

    /* one shot */
    if (CHECK_OK(cryptogo_hmac_compute(mac, sizeof mac, &mac_len, data, data_len, key, key_len, alg)))
        CHECK_HEX(mac, mac_len, want);
    /* incremental, with a copy taken half way */
    if (!CHECK_OK(cryptogo_hmac_new(&h, key, key_len, alg)))
        return;
    CHECK_OK(cryptogo_hmac_update(h, data, half));
    CHECK_OK(cryptogo_hmac_copy(&c, h));
    CHECK_OK(cryptogo_hmac_update(h, data + half, data_len - half));
    CHECK_OK(cryptogo_hmac_finalize(h, mac, sizeof mac, &mac_len));
    CHECK_HEX(mac, mac_len, want);
    /* verify on the copy: the right tag passes */
    CHECK_OK(cryptogo_hmac_update(c, data + half, data_len - half));
    CHECK_OK(cryptogo_hmac_verify(c, want_bin, want_len));
    CHECK_OK(cryptogo_hmac_free(c));
    CHECK_OK(cryptogo_hmac_free(h));
}

static void test_vectors(void)
{
    size_t i;
    check_section("RFC 4231 test cases 1-4, 6 (SHA-224/256/384/512)");
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        uint8_t key[256], data[256];
        size_t key_len = check_unhex(key, sizeof key, cases[i].key_hex);
        size_t data_len = check_unhex(data, sizeof data, cases[i].data_hex);
        one(CRYPTOGO_HASH_SHA224, key, key_len, data, data_len, cases[i].sha224);
        one(CRYPTOGO_HASH_SHA256, key, key_len, data, data_len, cases[i].sha256);
        one(CRYPTOGO_HASH_SHA384, key, key_len, data, data_len, cases[i].sha384);
        one(CRYPTOGO_HASH_SHA512, key, key_len, data, data_len, cases[i].sha512);
    }
    check_section("HMAC-SHA1, HMAC-MD5, HMAC-SHA3-256, HMAC-BLAKE2b");
    for (i = 0; i < sizeof simple / sizeof simple[0]; i++)
        one(simple[i].alg, U8(simple[i].key), strlen(simple[i].key), U8(simple[i].msg), strlen(simple[i].msg),
            simple[i].mac);
}

static void test_rules(void)
{
    cryptogo_hmac *h = NULL, *c = NULL;
    uint8_t mac[64], bad[32];
    size_t mac_len = 0;

    check_section("verify rejects a wrong tag, a truncated tag; finalize rules");
    check_unhex(bad, sizeof bad, "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    bad[31] ^= 1;
    CHECK_OK(cryptogo_hmac_new(&h, (const uint8_t *)"\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b"
                                   "\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b\x0b", 20, CRYPTOGO_HASH_SHA256));
    CHECK_OK(cryptogo_hmac_update(h, BUF("Hi There")));
    CHECK_OK(cryptogo_hmac_copy(&c, h));
    CHECK_RC(cryptogo_hmac_verify(h, bad, sizeof bad), CRYPTOGO_ERR_INVALID_SIGNATURE);
    /* verify finalizes, as in pyca */
    CHECK_RC(cryptogo_hmac_update(h, BUF("x")), CRYPTOGO_ERR_ALREADY_FINALIZED);
    CHECK_RC(cryptogo_hmac_finalize(h, mac, sizeof mac, &mac_len), CRYPTOGO_ERR_ALREADY_FINALIZED);
    CHECK_RC(cryptogo_hmac_verify(h, bad, sizeof bad), CRYPTOGO_ERR_ALREADY_FINALIZED);
    CHECK_OK(cryptogo_hmac_free(h));
    /* truncated tag */
    bad[31] ^= 1;
    CHECK_RC(cryptogo_hmac_verify(c, bad, 16), CRYPTOGO_ERR_INVALID_SIGNATURE);
    CHECK_OK(cryptogo_hmac_free(c));

    /* short buffer does not finalize */
    CHECK_OK(cryptogo_hmac_new(&h, BUF("key"), CRYPTOGO_HASH_SHA1));
    CHECK_RC(cryptogo_hmac_finalize(h, mac, 19, &mac_len), CRYPTOGO_ERR_BUFFER_TOO_SMALL);
    CHECK(mac_len == 20);
    CHECK_OK(cryptogo_hmac_finalize(h, mac, sizeof mac, &mac_len));
    CHECK(mac_len == 20);
    CHECK_OK(cryptogo_hmac_free(h));

    /* empty key is allowed (pyca accepts b"") */
    CHECK_OK(cryptogo_hmac_compute(mac, sizeof mac, &mac_len, BUF("abc"), NULL, 0, CRYPTOGO_HASH_SHA256));

    check_section("SHAKE and unknown algorithms are UnsupportedAlgorithm");
    h = NULL;
    CHECK_RC(cryptogo_hmac_new(&h, BUF("key"), CRYPTOGO_HASH_SHAKE128), CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
    CHECK_RC(cryptogo_hmac_new(&h, BUF("key"), CRYPTOGO_HASH_SHAKE256), CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
    CHECK_RC(cryptogo_hmac_new(&h, BUF("key"), 99), CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
    CHECK(h == NULL);
    CHECK_RC(cryptogo_hmac_compute(mac, sizeof mac, &mac_len, BUF("abc"), BUF("key"), CRYPTOGO_HASH_SHAKE128),
             CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
}

int main(void)
{
    size_t live = LIVE_BEGIN();
    test_vectors();
    test_rules();
    CHECK_LIVE(live);
    return check_done();
}
