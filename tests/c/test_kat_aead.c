/* kat_aead test: AES-GCM (McGrew & Viega GCM spec test cases 2, 4, 5, 6, 10,
 * 16: 128/192/256-bit keys, 8-, 12- and 60-byte nonces) and ChaCha20-Poly1305
 * (RFC 8439 section 2.8.2) through the ABI: encrypt, decrypt, tampering,
 * output zeroed on failure, size rules. */
#include "check.h"

static const char *gcm_pt =
    "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525"
    "b16aedf5aa0de657ba637b39";
static const char *gcm_aad = "feedfacedeadbeeffeedfacedeadbeefabaddad2";

struct gcm_kat {
    const char *name, *key, *nonce, *pt, *aad, *ct_tag;
};

static const struct gcm_kat gcm[] = {
    {"test case 2 (AES-128, zero key)", "00000000000000000000000000000000", "000000000000000000000000",
     "00000000000000000000000000000000", "",
     "0388dace60b6a392f328c2b971b2fe78ab6e47d42cec13bdf53a67b21257bddf"},
    {"test case 4 (AES-128, AAD)", "feffe9928665731c6d6a8f9467308308", "cafebabefacedbaddecaf888", NULL, NULL,
     "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa05"
     "1ba30b396a0aac973d58e0915bc94fbc3221a5db94fae95ae7121a47"},
    {"test case 5 (AES-128, 8-byte nonce)", "feffe9928665731c6d6a8f9467308308", "cafebabefacedbad", NULL, NULL,
     "61353b4c2806934a777ff51fa22a4755699b2a714fcdc6f83766e5f97b6c742373806900e49f24b22b097544d4896b42"
     "4989b5e1ebac0f07c23f45983612d2e79e3b0785561be14aaca2fccb"},
    {"test case 6 (AES-128, 60-byte nonce)", "feffe9928665731c6d6a8f9467308308",
     "9313225df88406e555909c5aff5269aa6a7a9538534f7da1e4c303d2a318a728c3c0c95156809539fcf0e2429a6b5254"
     "16aedbf5a0de6a57a637b39b", NULL, NULL,
     "8ce24998625615b603a033aca13fb894be9112a5c3a211a8ba262a3cca7e2ca701e4a9a4fba43c90ccdcb281d48c7c6f"
     "d62875d2aca417034c34aee5619cc5aefffe0bfa462af43c1699d050"},
    {"test case 10 (AES-192, AAD)", "feffe9928665731c6d6a8f9467308308feffe9928665731c", "cafebabefacedbaddecaf888",
     NULL, NULL,
     "3980ca0b3c00e841eb06fac4872a2757859e1ceaa6efd984628593b40ca1e19c7d773d00c144c525ac619d18c84a3f47"
     "18e2448b2fe324d9ccda27102519498e80f1478f37ba55bd6d27618c"},
    {"test case 16 (AES-256, AAD)", "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308",
     "cafebabefacedbaddecaf888", NULL, NULL,
     "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838"
     "c5f61e6393ba7a0abcc9f66276fc6ece0f4e1768cddf8853bb2d551b"},
};

static int all_zero(const uint8_t *p, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (p[i])
            return 0;
    return 1;
}

static void test_gcm(void)
{
    size_t i;
    check_section("AES-GCM known answers (GCM spec), decrypt, tamper");
    for (i = 0; i < sizeof gcm / sizeof gcm[0]; i++) {
        const struct gcm_kat *k = &gcm[i];
        uint8_t key[32], nonce[64], pt[64], aad[32], ct[96], out[96];
        size_t key_len = check_unhex(key, sizeof key, k->key);
        size_t nonce_len = check_unhex(nonce, sizeof nonce, k->nonce);
        size_t pt_len = check_unhex(pt, sizeof pt, k->pt ? k->pt : gcm_pt);
        size_t aad_len = check_unhex(aad, sizeof aad, k->aad ? k->aad : gcm_aad);
        size_t ct_len = check_unhex(ct, sizeof ct, k->ct_tag), out_len = 0;
        cryptogo_aesgcm *g = NULL;

        printf("   %s\n", k->name);
        if (!CHECK_OK(cryptogo_aesgcm_new(&g, key, key_len)))
            continue;
        if (CHECK_OK(cryptogo_aesgcm_encrypt(out, sizeof out, &out_len, pt, pt_len, aad_len ? aad : NULL, aad_len,
                                             nonce, nonce_len, g)))
            CHECK_HEX(out, out_len, k->ct_tag);
        if (CHECK_OK(cryptogo_aesgcm_decrypt(out, sizeof out, &out_len, ct, ct_len, aad_len ? aad : NULL, aad_len,
                                             nonce, nonce_len, g))) {
            CHECK(out_len == pt_len);
            CHECK_MEM(out, pt, pt_len);
        }
        /* any change -> InvalidTag, output zeroed */
        ct[0] ^= 1;
        memset(out, 0xAA, sizeof out);
        CHECK_RC(cryptogo_aesgcm_decrypt(out, sizeof out, &out_len, ct, ct_len, aad, aad_len, nonce, nonce_len, g),
                 CRYPTOGO_ERR_INVALID_TAG);
        CHECK(all_zero(out, pt_len));
        ct[0] ^= 1;
        ct[ct_len - 1] ^= 0x80;
        CHECK_RC(cryptogo_aesgcm_decrypt(out, sizeof out, &out_len, ct, ct_len, aad, aad_len, nonce, nonce_len, g),
                 CRYPTOGO_ERR_INVALID_TAG);
        ct[ct_len - 1] ^= 0x80;
        CHECK_RC(cryptogo_aesgcm_decrypt(out, sizeof out, &out_len, ct, ct_len, BUF("other aad"), nonce, nonce_len, g),
                 CRYPTOGO_ERR_INVALID_TAG);
        CHECK_OK(cryptogo_aesgcm_free(g));
    }
}

static void test_gcm_rules(void)
{
    uint8_t key[32] = {0}, nonce[129] = {0}, out[64], ct[32];
    size_t out_len = 0, ct_len = 0;
    cryptogo_aesgcm *g = NULL;

    check_section("AES-GCM size rules");
    CHECK_RC(cryptogo_aesgcm_new(&g, key, 15), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_aesgcm_new(&g, key, 20), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK(g == NULL);
    CHECK_OK(cryptogo_aesgcm_new(&g, key, 16));
    CHECK_RC(cryptogo_aesgcm_encrypt(out, sizeof out, &out_len, BUF("hi"), NULL, 0, nonce, 7, g),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_aesgcm_encrypt(out, sizeof out, &out_len, BUF("hi"), NULL, 0, nonce, 129, g),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_OK(cryptogo_aesgcm_encrypt(out, sizeof out, &out_len, BUF("hi"), NULL, 0, nonce, 128, g));
    CHECK(out_len == 2 + CRYPTOGO_AESGCM_TAGBYTES);
    /* short output buffer: *out_len = size needed */
    out_len = 0;
    CHECK_RC(cryptogo_aesgcm_encrypt(out, 17, &out_len, BUF("hi"), NULL, 0, nonce, 12, g),
             CRYPTOGO_ERR_BUFFER_TOO_SMALL);
    CHECK(out_len == 18);
    CHECK_OK(cryptogo_aesgcm_encrypt(ct, sizeof ct, &ct_len, BUF("hi"), NULL, 0, nonce, 12, g));
    CHECK_RC(cryptogo_aesgcm_decrypt(out, 1, &out_len, ct, ct_len, NULL, 0, nonce, 12, g),
             CRYPTOGO_ERR_BUFFER_TOO_SMALL);
    CHECK(out_len == 2);
    /* ciphertext shorter than a tag: InvalidTag (pyca) */
    CHECK_RC(cryptogo_aesgcm_decrypt(out, sizeof out, &out_len, ct, 15, NULL, 0, nonce, 12, g),
             CRYPTOGO_ERR_INVALID_TAG);
    /* empty plaintext */
    CHECK_OK(cryptogo_aesgcm_encrypt(ct, sizeof ct, &ct_len, NULL, 0, NULL, 0, nonce, 12, g));
    CHECK(ct_len == 16);
    CHECK_OK(cryptogo_aesgcm_decrypt(out, sizeof out, &out_len, ct, ct_len, NULL, 0, nonce, 12, g));
    CHECK(out_len == 0);
    CHECK_OK(cryptogo_aesgcm_free(g));
}

static void test_chacha(void)
{
    static const char *pt = "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the "
                            "future, sunscreen would be it.";
    static const char *want =
        "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d63dbea45e8ca9671282fafb69da92728b"
        "1a71de0a9e060b2905d6a5b67ecd3b3692ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
        "3ff4def08e4b7a9de576d26586cec64b6116" "1ae10b594f09e26a7e902ecbd0600691";
    uint8_t key[32], nonce[12], aad[12], out[160], ct[160];
    size_t out_len = 0, ct_len, i;
    cryptogo_chacha20poly1305 *c = NULL;

    check_section("ChaCha20-Poly1305 RFC 8439 2.8.2");
    for (i = 0; i < 32; i++)
        key[i] = (uint8_t)(0x80 + i);
    check_unhex(nonce, sizeof nonce, "070000004041424344454647");
    check_unhex(aad, sizeof aad, "50515253c0c1c2c3c4c5c6c7");
    ct_len = check_unhex(ct, sizeof ct, want);
    if (!CHECK_OK(cryptogo_chacha20poly1305_new(&c, key, sizeof key)))
        return;
    if (CHECK_OK(cryptogo_chacha20poly1305_encrypt(out, sizeof out, &out_len, BUF(pt), aad, sizeof aad, nonce,
                                                   sizeof nonce, c)))
        CHECK_HEX(out, out_len, want);
    if (CHECK_OK(cryptogo_chacha20poly1305_decrypt(out, sizeof out, &out_len, ct, ct_len, aad, sizeof aad, nonce,
                                                   sizeof nonce, c))) {
        CHECK(out_len == strlen(pt));
        CHECK_MEM(out, pt, strlen(pt));
    }
    ct[5] ^= 4;
    memset(out, 0xAA, sizeof out);
    CHECK_RC(cryptogo_chacha20poly1305_decrypt(out, sizeof out, &out_len, ct, ct_len, aad, sizeof aad, nonce,
                                               sizeof nonce, c),
             CRYPTOGO_ERR_INVALID_TAG);
    CHECK(all_zero(out, strlen(pt)));
    ct[5] ^= 4;
    CHECK_RC(cryptogo_chacha20poly1305_decrypt(out, sizeof out, &out_len, ct, ct_len, NULL, 0, nonce, sizeof nonce, c),
             CRYPTOGO_ERR_INVALID_TAG);

    check_section("ChaCha20-Poly1305 size rules");
    CHECK_RC(cryptogo_chacha20poly1305_encrypt(out, sizeof out, &out_len, BUF("hi"), NULL, 0, nonce, 8, c),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_chacha20poly1305_encrypt(out, sizeof out, &out_len, BUF("hi"), NULL, 0, nonce, 13, c),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    out_len = 0;
    CHECK_RC(cryptogo_chacha20poly1305_encrypt(out, 3, &out_len, BUF("hi"), NULL, 0, nonce, 12, c),
             CRYPTOGO_ERR_BUFFER_TOO_SMALL);
    CHECK(out_len == 2 + CRYPTOGO_CHACHA20POLY1305_TAGBYTES);
    CHECK_RC(cryptogo_chacha20poly1305_decrypt(out, sizeof out, &out_len, ct, 15, NULL, 0, nonce, 12, c),
             CRYPTOGO_ERR_INVALID_TAG);
    CHECK_OK(cryptogo_chacha20poly1305_free(c));
    c = NULL;
    CHECK_RC(cryptogo_chacha20poly1305_new(&c, key, 31), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_chacha20poly1305_new(&c, key, 16), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK(c == NULL);
}

int main(void)
{
    size_t live = LIVE_BEGIN();
    test_gcm();
    test_gcm_rules();
    test_chacha();
    CHECK_LIVE(live);
    return check_done();
}
