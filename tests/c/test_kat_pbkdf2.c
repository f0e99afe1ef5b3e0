/* kat_pbkdf2 test: PBKDF2-HMAC through the ABI - RFC 6070 (SHA-1) and
 * well-known SHA-256/SHA-512 values (cross-checked with Python's hashlib),
 * derive and verify. */
#include "check.h"

struct kat {
    int alg;
    const char *password;
    size_t password_len;
    const char *salt;
    size_t salt_len;
    uint64_t iterations;
    const char *key;
};

static const struct kat kats[] = {
    /* RFC 6070 */
    {CRYPTOGO_HASH_SHA1, "password", 8, "salt", 4, 1, "0c60c80f961f0e71f3a9b524af6012062fe037a6"},
    {CRYPTOGO_HASH_SHA1, "password", 8, "salt", 4, 2, "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957"},
    {CRYPTOGO_HASH_SHA1, "password", 8, "salt", 4, 4096, "4b007901b765489abead49d926f721d065a429c1"},
    {CRYPTOGO_HASH_SHA1, "passwordPASSWORDpassword", 24, "saltSALTsaltSALTsaltSALTsaltSALTsalt", 36, 4096,
     "3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038"},
    {CRYPTOGO_HASH_SHA1, "pass\0word", 9, "sa\0lt", 5, 4096, "56fa6aa75548099dcc37d7f03425e0c3"},
    /* SHA-256 / SHA-512 */
    {CRYPTOGO_HASH_SHA256, "password", 8, "salt", 4, 1,
     "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"},
    {CRYPTOGO_HASH_SHA256, "password", 8, "salt", 4, 4096,
     "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"},
    {CRYPTOGO_HASH_SHA512, "password", 8, "salt", 4, 1,
     "867f70cf1ade02cff3752599a3a53dc4af34c7a669815ae5d513554e1c8cf252c02d470a285a0501bad999bfe943c08f0502"
     "35d7d68b1da55e63f73b60a57fce"},
};

int main(void)
{
    size_t live = LIVE_BEGIN(), i;
    check_section("RFC 6070 and SHA-2 known answers: derive, then verify");
    for (i = 0; i < sizeof kats / sizeof kats[0]; i++) {
        const struct kat *k = &kats[i];
        uint8_t want[64], out[64];
        size_t n = check_unhex(want, sizeof want, k->key);
        memset(out, 0, sizeof out);
        if (CHECK_OK(cryptogo_pbkdf2_hmac_derive(out, n, U8(k->password), k->password_len, U8(k->salt),
                                                 k->salt_len, k->iterations, k->alg)))
            CHECK_MEM(out, want, n);
        CHECK_OK(cryptogo_pbkdf2_hmac_verify(want, n, U8(k->password), k->password_len, U8(k->salt),
                                             k->salt_len, k->iterations, k->alg));
        want[0] ^= 0x80;
        CHECK_RC(cryptogo_pbkdf2_hmac_verify(want, n, U8(k->password), k->password_len, U8(k->salt),
                                             k->salt_len, k->iterations, k->alg),
                 CRYPTOGO_ERR_INVALID_KEY);
    }

    check_section("verify: a wrong password or iteration count is InvalidKey");
    {
        uint8_t want[32];
        check_unhex(want, sizeof want, "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b");
        CHECK_RC(cryptogo_pbkdf2_hmac_verify(want, 32, BUF("passwore"), BUF("salt"), 1, CRYPTOGO_HASH_SHA256),
                 CRYPTOGO_ERR_INVALID_KEY);
        /* the length derived is expected_len: a prefix is itself a valid PBKDF2 output */
        CHECK_OK(cryptogo_pbkdf2_hmac_verify(want, 31, BUF("password"), BUF("salt"), 1, CRYPTOGO_HASH_SHA256));
        CHECK_RC(cryptogo_pbkdf2_hmac_verify(want, 32, BUF("password"), BUF("salt"), 2, CRYPTOGO_HASH_SHA256),
                 CRYPTOGO_ERR_INVALID_KEY);
    }

    check_section("parameters: zero iterations (ValueError), zero length (b\"\"), SHAKE");
    {
        uint8_t out[32];
        CHECK_RC(cryptogo_pbkdf2_hmac_derive(out, sizeof out, BUF("password"), BUF("salt"), 0, CRYPTOGO_HASH_SHA256),
                 CRYPTOGO_ERR_INVALID_ARGUMENT);
        /* pyca derives b"" for length=0 */
        CHECK_OK(cryptogo_pbkdf2_hmac_derive(out, 0, BUF("password"), BUF("salt"), 1, CRYPTOGO_HASH_SHA256));
        CHECK_RC(cryptogo_pbkdf2_hmac_derive(out, sizeof out, BUF("password"), BUF("salt"), 1, CRYPTOGO_HASH_SHAKE128),
                 CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
        /* empty password and salt are allowed */
        CHECK_OK(cryptogo_pbkdf2_hmac_derive(out, sizeof out, NULL, 0, NULL, 0, 1, CRYPTOGO_HASH_SHA256));
    }
    CHECK_LIVE(live);
    return check_done();
}
