/* bad_input_curves test: misuse of the Ed25519, X25519, Ed448 and X448 exports
 * (generation, raw keys, EdDSA, XDH) and their size functions. See bad_input.h. */
#include "bad_input.h"

#define ED25519 CRYPTOGO_KEY_ED25519
#define X25519 CRYPTOGO_KEY_X25519
#define ED448 CRYPTOGO_KEY_ED448
#define X448 CRYPTOGO_KEY_X448

static void test_sizes(void)
{
    check_section("size functions");
    CHECK(cryptogo_ed25519_publickeybytes() == 32);
    CHECK(cryptogo_ed25519_secretkeybytes() == 32);
    CHECK(cryptogo_ed25519_signaturebytes() == 64);
    CHECK(cryptogo_ed448_publickeybytes() == 57);
    CHECK(cryptogo_ed448_secretkeybytes() == 57);
    CHECK(cryptogo_ed448_signaturebytes() == 114);
    CHECK(cryptogo_x25519_publickeybytes() == 32);
    CHECK(cryptogo_x25519_secretkeybytes() == 32);
    CHECK(cryptogo_x448_publickeybytes() == 56);
    CHECK(cryptogo_x448_secretkeybytes() == 56);
}

static void test_raw(void)
{
    cryptogo_private_key *k = NULL;
    cryptogo_public_key *p = NULL;
    check_section("generate / from_raw: NULL out, wrong type, wrong length, huge length");
    CHECK_RC(cryptogo_private_key_generate(NULL, ED25519), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_private_key_generate(&k, CRYPTOGO_KEY_RSA), CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
    CHECK_RC(cryptogo_private_key_generate(&k, CRYPTOGO_KEY_EC), CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
    CHECK_RC(cryptogo_private_key_generate(&k, 0), CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
    CHECK_RC(cryptogo_private_key_generate(&k, 99), CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
    CHECK_RC(cryptogo_private_key_generate(&k, -1), CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
    CHECK(k == NULL);
    CHECK_RC(cryptogo_private_key_from_raw(NULL, ED25519, bi_data, 32), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_private_key_from_raw(&k, ED25519, NULL, 32), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_private_key_from_raw(&k, ED25519, bi_data, HUGE_LEN), CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_private_key_from_raw(&k, ED25519, bi_data, 31), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_private_key_from_raw(&k, ED25519, NULL, 0), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_private_key_from_raw(&k, ED448, bi_data, 56), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_private_key_from_raw(&k, X25519, bi_data, 33), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_private_key_from_raw(&k, X448, bi_data, 57), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_private_key_from_raw(&k, CRYPTOGO_KEY_RSA, bi_data, 32), CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
    CHECK_RC(cryptogo_private_key_from_raw(&k, 42, bi_data, 32), CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
    CHECK(k == NULL);
    CHECK_RC(cryptogo_public_key_from_raw(NULL, ED25519, bi_data, 32), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_public_key_from_raw(&p, ED25519, NULL, 32), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_public_key_from_raw(&p, ED25519, bi_data, HUGE_LEN), CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_public_key_from_raw(&p, ED25519, bi_data, 33), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_public_key_from_raw(&p, ED448, bi_data, 32), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_public_key_from_raw(&p, X25519, bi_data, 0), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_public_key_from_raw(&p, X448, bi_data, 32), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_public_key_from_raw(&p, CRYPTOGO_KEY_DSA, bi_data, 32), CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
    CHECK(p == NULL);
}

static void test_ops(cryptogo_private_key *ed, cryptogo_public_key *edpub, cryptogo_private_key *x,
                     cryptogo_public_key *xpub, cryptogo_public_key *x448pub)
{
    cryptogo_private_key *bk;
    cryptogo_public_key *bp;
    uint8_t sig[64];
    size_t sig_len = 0;

    check_section("eddsa sign/verify: NULL pointers, huge lengths, wrong key types, short buffers");
    CHECK_RC(cryptogo_eddsa_sign(bi_buf, sizeof bi_buf, NULL, bi_data, 10, ed), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_eddsa_sign(bi_buf, sizeof bi_buf, &bi_len, NULL, 10, ed), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_eddsa_sign(bi_buf, sizeof bi_buf, &bi_len, bi_data, HUGE_LEN, ed), CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_eddsa_sign(NULL, 64, &bi_len, bi_data, 10, ed), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_eddsa_sign(bi_buf, 63, &bi_len, bi_data, 10, ed), CRYPTOGO_ERR_BUFFER_TOO_SMALL);
    CHECK(bi_len == 64);
    CHECK_RC(cryptogo_eddsa_sign(bi_buf, sizeof bi_buf, &bi_len, bi_data, 10, x), CRYPTOGO_ERR_TYPE);
    SHORT_BUFFER(cryptogo_eddsa_sign(SB_OUT, sb_cap, &sb_len, bi_data, 10, ed));
    CHECK_OK(cryptogo_eddsa_sign(sig, sizeof sig, &sig_len, bi_data, 10, ed));
    CHECK_OK(cryptogo_eddsa_sign(sig, sizeof sig, &sig_len, NULL, 0, ed));
    CHECK_OK(cryptogo_eddsa_verify(sig, sig_len, NULL, 0, edpub));
    CHECK_RC(cryptogo_eddsa_verify(sig, sig_len, bi_data, 1, edpub), CRYPTOGO_ERR_INVALID_SIGNATURE);
    CHECK_RC(cryptogo_eddsa_verify(sig, sig_len - 1, NULL, 0, edpub), CRYPTOGO_ERR_INVALID_SIGNATURE);
    CHECK_RC(cryptogo_eddsa_verify(NULL, 0, NULL, 0, edpub), CRYPTOGO_ERR_INVALID_SIGNATURE);
    CHECK_RC(cryptogo_eddsa_verify(NULL, 64, NULL, 0, edpub), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_eddsa_verify(sig, sig_len, NULL, 5, edpub), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_eddsa_verify(sig, HUGE_LEN, NULL, 0, edpub), CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_eddsa_verify(sig, sig_len, bi_data, HUGE_LEN, edpub), CRYPTOGO_ERR_OVERFLOW);
    CHECK_RC(cryptogo_eddsa_verify(sig, sig_len, NULL, 0, xpub), CRYPTOGO_ERR_TYPE);

    check_section("xdh exchange: NULL pointers, mixed and wrong key types, short buffers");
    CHECK_RC(cryptogo_xdh_exchange(bi_buf, sizeof bi_buf, NULL, x, xpub), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_xdh_exchange(NULL, 32, &bi_len, x, xpub), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_xdh_exchange(bi_buf, 31, &bi_len, x, xpub), CRYPTOGO_ERR_BUFFER_TOO_SMALL);
    CHECK(bi_len == 32);
    CHECK_RC(cryptogo_xdh_exchange(bi_buf, sizeof bi_buf, &bi_len, x, x448pub), CRYPTOGO_ERR_TYPE);
    CHECK_RC(cryptogo_xdh_exchange(bi_buf, sizeof bi_buf, &bi_len, x, edpub), CRYPTOGO_ERR_TYPE);
    CHECK_RC(cryptogo_xdh_exchange(bi_buf, sizeof bi_buf, &bi_len, ed, xpub), CRYPTOGO_ERR_TYPE);
    SHORT_BUFFER(cryptogo_xdh_exchange(SB_OUT, sb_cap, &sb_len, x, xpub));
    {
        /* the all-zero public value: a low-order point, all-zero secret */
        static const uint8_t zero[56];
        cryptogo_public_key *z = NULL, *z448 = NULL;
        cryptogo_private_key *k448 = NULL;
        CHECK_OK(cryptogo_public_key_from_raw(&z, X25519, zero, 32));
        CHECK_RC(cryptogo_xdh_exchange(bi_buf, sizeof bi_buf, &bi_len, x, z), CRYPTOGO_ERR_INVALID_ARGUMENT);
        CHECK_OK(cryptogo_private_key_generate(&k448, X448));
        CHECK_OK(cryptogo_public_key_from_raw(&z448, X448, zero, 56));
        CHECK_RC(cryptogo_xdh_exchange(bi_buf, sizeof bi_buf, &bi_len, k448, z448), CRYPTOGO_ERR_INVALID_ARGUMENT);
        CHECK_OK(cryptogo_public_key_free(z));
        CHECK_OK(cryptogo_public_key_free(z448));
        CHECK_OK(cryptogo_private_key_free(k448));
    }

    check_section("bad handles");
    FOR_BAD_HANDLES(cryptogo_private_key, bk)
    {
        CHECK_BAD_HANDLE(cryptogo_eddsa_sign(bi_buf, sizeof bi_buf, &bi_len, bi_data, 10, bk));
        CHECK_BAD_HANDLE(cryptogo_xdh_exchange(bi_buf, sizeof bi_buf, &bi_len, bk, xpub));
    }
    FOR_BAD_HANDLES(cryptogo_public_key, bp)
    {
        CHECK_BAD_HANDLE(cryptogo_eddsa_verify(sig, sig_len, NULL, 0, bp));
        CHECK_BAD_HANDLE(cryptogo_xdh_exchange(bi_buf, sizeof bi_buf, &bi_len, x, bp));
    }
    CHECK_RC(cryptogo_eddsa_sign(bi_buf, sizeof bi_buf, &bi_len, bi_data, 10, NULL), CRYPTOGO_ERR_INVALID_HANDLE);
    CHECK_RC(cryptogo_eddsa_verify(sig, sig_len, NULL, 0, NULL), CRYPTOGO_ERR_INVALID_HANDLE);
    CHECK_RC(cryptogo_xdh_exchange(bi_buf, sizeof bi_buf, &bi_len, NULL, xpub), CRYPTOGO_ERR_INVALID_HANDLE);
    CHECK_RC(cryptogo_xdh_exchange(bi_buf, sizeof bi_buf, &bi_len, x, NULL), CRYPTOGO_ERR_INVALID_HANDLE);
}

int main(void)
{
    size_t live = LIVE_BEGIN();
    cryptogo_private_key *ed = NULL, *x = NULL, *freed = NULL;
    cryptogo_public_key *edpub = NULL, *xpub = NULL, *x448pub = NULL;
    cryptogo_private_key *x448 = NULL;
    bad_setup(0);
    CHECK_OK(cryptogo_private_key_generate(&freed, ED25519));
    CHECK_OK(cryptogo_private_key_free(freed));
    bad_set_freed(freed);
    test_sizes();
    test_raw();
    CHECK_OK(cryptogo_private_key_generate(&ed, ED25519));
    CHECK_OK(cryptogo_private_key_generate(&x, X25519));
    CHECK_OK(cryptogo_private_key_generate(&x448, X448));
    CHECK_OK(cryptogo_private_key_public_key(&edpub, ed));
    CHECK_OK(cryptogo_private_key_public_key(&xpub, x));
    CHECK_OK(cryptogo_private_key_public_key(&x448pub, x448));
    if (ed && x && x448 && edpub && xpub && x448pub)
        test_ops(ed, edpub, x, xpub, x448pub);
    CHECK_OK(cryptogo_public_key_free(edpub));
    CHECK_OK(cryptogo_public_key_free(xpub));
    CHECK_OK(cryptogo_public_key_free(x448pub));
    CHECK_OK(cryptogo_private_key_free(ed));
    CHECK_OK(cryptogo_private_key_free(x));
    CHECK_OK(cryptogo_private_key_free(x448));
    bad_teardown(0);
    CHECK_LIVE(live);
    return check_done();
}
