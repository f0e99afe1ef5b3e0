/* kat_dsa test: DSA keys through the C ABI against pyca/cryptography 50.0.2
 * (core/dsa/testdata/pyca.json, written by core/dsa/testdata/gen_pyca.py):
 * keys from numbers, the number accessors, PKCS #8 / traditional / SPKI /
 * OpenSSH dumps byte-identical to pyca's, loads (also encrypted), pyca's
 * signatures verify, ours verify (plain and prehashed); then Wycheproof's
 * dsa_*_test.json (DER) and dsa_*_p1363_test.json (r || s converted to DER
 * with cryptogo_dss_signature_encode, as a pyca user would with
 * encode_dss_signature), with tests/wycheproof_policy.json deciding the
 * acceptable cases. */
#include "check.h"
#include "minijson.h"

static uint8_t hexbuf[5][1024];

/* unhex a JSON hex number (pyca.json writes numbers in hex without padding). */
static size_t num(uint8_t *out, size_t cap, const char *hex)
{
    char tmp[2100];
    size_t n = strlen(hex);
    if (n % 2) {
        snprintf(tmp, sizeof tmp, "0%s", hex);
        return check_unhex(out, cap, tmp);
    }
    return check_unhex(out, cap, hex);
}

static int hash_of(const char *name)
{
    static const struct {
        const char *name;
        int alg;
    } t[] = {{"SHA1", CRYPTOGO_HASH_SHA1},     {"SHA224", CRYPTOGO_HASH_SHA224},     {"SHA256", CRYPTOGO_HASH_SHA256},
             {"SHA384", CRYPTOGO_HASH_SHA384}, {"SHA512", CRYPTOGO_HASH_SHA512},     {"SHA3_256", CRYPTOGO_HASH_SHA3_256},
             {"BLAKE2b", CRYPTOGO_HASH_BLAKE2B}, {"MD5", CRYPTOGO_HASH_MD5},        {"SHA-1", CRYPTOGO_HASH_SHA1},
             {"SHA-224", CRYPTOGO_HASH_SHA224}, {"SHA-256", CRYPTOGO_HASH_SHA256}};
    size_t i;
    for (i = 0; i < sizeof t / sizeof t[0]; i++)
        if (strcmp(t[i].name, name) == 0)
            return t[i].alg;
    return -1;
}

static void check_dump_hex(cryptogo_private_key *k, cryptogo_public_key *p, int priv, int enc, int fmt,
                           const char *want_hex)
{
    static uint8_t out[8192];
    size_t out_len = 0;
    int rc = priv ? cryptogo_private_key_dump(out, sizeof out, &out_len, enc, fmt, NULL, 0, k)
                  : cryptogo_public_key_dump(out, sizeof out, &out_len, enc, fmt, p);
    if (CHECK_OK(rc))
        CHECK_HEX(out, out_len, want_hex);
}

static void check_dump_text(cryptogo_private_key *k, cryptogo_public_key *p, int priv, int enc, int fmt,
                            const char *want)
{
    static uint8_t out[8192];
    size_t out_len = 0;
    int rc = priv ? cryptogo_private_key_dump(out, sizeof out, &out_len, enc, fmt, NULL, 0, k)
                  : cryptogo_public_key_dump(out, sizeof out, &out_len, enc, fmt, p);
    if (CHECK_OK(rc))
        CHECK_MEM(out, want, strlen(want));
}

static void kat(json_value *kv)
{
    static const char *names[5] = {"p", "q", "g", "y", "x"};
    size_t len[5], i, out_len, bits;
    static uint8_t out[8192], sig[256], der[4096];
    size_t sig_len, der_len;
    cryptogo_private_key *k = NULL, *loaded = NULL;
    cryptogo_public_key *p = NULL, *fp = NULL, *lp = NULL;
    json_value *sigs = json_get(kv, "signatures");
    const char *ssh = json_str(kv, "openssh", NULL);
    int eq = 0, type = 0;

    for (i = 0; i < 5; i++)
        len[i] = num(hexbuf[i], sizeof hexbuf[i], json_str(kv, names[i], NULL));
    CHECK_OK(cryptogo_dsa_private_key_from_numbers(&k, hexbuf[0], len[0], hexbuf[1], len[1], hexbuf[2], len[2],
                                                   hexbuf[3], len[3], hexbuf[4], len[4]));
    CHECK_OK(cryptogo_dsa_public_key_from_numbers(&fp, hexbuf[0], len[0], hexbuf[1], len[1], hexbuf[2], len[2],
                                                  hexbuf[3], len[3]));
    CHECK_OK(cryptogo_dsa_parameters_check(hexbuf[0], len[0], hexbuf[1], len[1], hexbuf[2], len[2]));
    if (!k || !fp)
        goto done;
    CHECK_OK(cryptogo_private_key_type(&type, k));
    CHECK(type == CRYPTOGO_KEY_DSA);
    CHECK_OK(cryptogo_private_key_bits(&bits, k));
    CHECK(bits == (size_t)json_get(kv, "bits")->num);
    CHECK_OK(cryptogo_private_key_public_key(&p, k));
    if (!p)
        goto done;
    CHECK_OK(cryptogo_public_key_equal(&eq, p, fp));
    CHECK(eq == 1);
    for (i = 0; i < 5; i++) {
        CHECK_OK(cryptogo_dsa_private_key_number(out, sizeof out, &out_len, (int)i + 1, k));
        CHECK(out_len == len[i] && memcmp(out, hexbuf[i], len[i]) == 0);
        if (i < 4) {
            CHECK_OK(cryptogo_dsa_public_key_number(out, sizeof out, &out_len, (int)i + 1, p));
            CHECK(out_len == len[i] && memcmp(out, hexbuf[i], len[i]) == 0);
        }
    }

    check_dump_hex(k, p, 1, CRYPTOGO_ENCODING_DER, CRYPTOGO_PRIVATE_FORMAT_PKCS8, json_str(kv, "pkcs8_der", NULL));
    check_dump_hex(k, p, 1, CRYPTOGO_ENCODING_DER, CRYPTOGO_PRIVATE_FORMAT_TRADITIONAL_OPENSSL,
                   json_str(kv, "traditional_der", NULL));
    check_dump_text(k, p, 1, CRYPTOGO_ENCODING_PEM, CRYPTOGO_PRIVATE_FORMAT_PKCS8, json_str(kv, "pkcs8_pem", NULL));
    check_dump_text(k, p, 1, CRYPTOGO_ENCODING_PEM, CRYPTOGO_PRIVATE_FORMAT_TRADITIONAL_OPENSSL,
                    json_str(kv, "traditional_pem", NULL));
    check_dump_hex(k, p, 0, CRYPTOGO_ENCODING_DER, CRYPTOGO_PUBLIC_FORMAT_SUBJECT_PUBLIC_KEY_INFO,
                   json_str(kv, "spki_der", NULL));
    check_dump_text(k, p, 0, CRYPTOGO_ENCODING_PEM, CRYPTOGO_PUBLIC_FORMAT_SUBJECT_PUBLIC_KEY_INFO,
                    json_str(kv, "spki_pem", NULL));
    if (*ssh)
        check_dump_text(k, p, 0, CRYPTOGO_ENCODING_OPENSSH, CRYPTOGO_PUBLIC_FORMAT_OPENSSH, ssh);
    else
        CHECK_RC(cryptogo_public_key_dump(out, sizeof out, &out_len, CRYPTOGO_ENCODING_OPENSSH,
                                          CRYPTOGO_PUBLIC_FORMAT_OPENSSH, p),
                 CRYPTOGO_ERR_INVALID_ARGUMENT);

    /* pyca's encrypted traditional PEM and PKCS #8 load with the password. */
    {
        const char *enc[2] = {json_str(kv, "traditional_pem_encrypted", NULL), json_str(kv, "pkcs8_pem_encrypted", NULL)};
        for (i = 0; i < 2; i++) {
            CHECK_OK(cryptogo_private_key_load(&loaded, (const uint8_t *)enc[i], strlen(enc[i]), BUF("hunter2"),
                                               CRYPTOGO_ENCODING_PEM));
            if (loaded) {
                CHECK_OK(cryptogo_dsa_private_key_number(out, sizeof out, &out_len, CRYPTOGO_DSA_X, loaded));
                CHECK(out_len == len[4] && memcmp(out, hexbuf[4], len[4]) == 0);
            }
            CHECK_OK(cryptogo_private_key_free(loaded));
            loaded = NULL;
        }
    }
    der_len = check_unhex(der, sizeof der, json_str(kv, "spki_der", NULL));
    CHECK_OK(cryptogo_public_key_load(&lp, der, der_len, CRYPTOGO_ENCODING_DER));
    if (lp) {
        CHECK_OK(cryptogo_public_key_equal(&eq, lp, p));
        CHECK(eq == 1);
    }

    for (i = 0; sigs && i < sigs->n; i++) {
        json_value *s = json_at(sigs, i);
        int h = hash_of(json_str(s, "hash", NULL));
        size_t msg_len = check_unhex(der, sizeof der, json_str(s, "msg", NULL));
        uint8_t digest[64];
        size_t digest_len = 0;
        sig_len = check_unhex(sig, sizeof sig, json_str(s, "sig", NULL));
        CHECK_OK(cryptogo_dsa_verify(sig, sig_len, der, msg_len, h, 0, p));
        CHECK_OK(cryptogo_hash_digest(digest, sizeof digest, &digest_len, der, msg_len, h, 0));
        CHECK_OK(cryptogo_dsa_verify(sig, sig_len, digest, digest_len, h, 1, p));
        CHECK_RC(cryptogo_dsa_verify(sig, sig_len, der, msg_len + 1, h, 0, p), CRYPTOGO_ERR_INVALID_SIGNATURE);
        CHECK_OK(cryptogo_dsa_sign(sig, sizeof sig, &sig_len, der, msg_len, h, 0, k));
        CHECK_OK(cryptogo_dsa_verify(sig, sig_len, digest, digest_len, h, 1, p));
        CHECK_OK(cryptogo_dsa_sign(sig, sizeof sig, &sig_len, digest, digest_len, h, 1, k));
        CHECK_OK(cryptogo_dsa_verify(sig, sig_len, der, msg_len, h, 0, fp));
    }
done:
    CHECK_OK(cryptogo_public_key_free(lp));
    CHECK_OK(cryptogo_public_key_free(fp));
    CHECK_OK(cryptogo_public_key_free(p));
    CHECK_OK(cryptogo_private_key_free(k));
}

/* expect: 1 valid, 0 invalid, -1 no decision (tests/wycheproof_policy.json). */
static int expect(json_value *policy, const char *result, json_value *flags)
{
    size_t i;
    if (strcmp(result, "valid") == 0)
        return 1;
    if (strcmp(result, "invalid") == 0)
        return 0;
    for (i = 0; flags && i < flags->n; i++) {
        const char *d = json_str(json_get(policy, "flags"), json_at(flags, i)->str, NULL);
        if (d)
            return strcmp(d, "valid") == 0;
    }
    return -1;
}

static void wycheproof(void)
{
    static const char *files[] = {
        "dsa_2048_224_sha224_test.json",       "dsa_2048_224_sha256_test.json",
        "dsa_2048_256_sha256_test.json",       "dsa_3072_256_sha256_test.json",
        "dsa_2048_224_sha224_p1363_test.json", "dsa_2048_224_sha256_p1363_test.json",
        "dsa_2048_256_sha256_p1363_test.json", "dsa_3072_256_sha256_p1363_test.json",
    };
    char dir[1200], path[1400];
    size_t f, gi, ti;
    json_value *policy = json_parse_file(CRYPTOGO_SOURCE_DIR "/tests/wycheproof_policy.json");
    CHECK(policy != NULL);
    if (!check_vector_dir("WYCHEPROOF_DIR", "wycheproof", files[0], dir, sizeof dir)) {
        if (check_vectors_required()) {
            CHECK(!"Wycheproof vectors required (CRYPTOGO_REQUIRE_VECTORS=1)");
        } else
            fprintf(stderr, "SKIPPED: Wycheproof DSA vectors not found in %s\n", dir);
        json_free(policy);
        return;
    }
    for (f = 0; f < sizeof files / sizeof files[0]; f++) {
        int p1363 = strstr(files[f], "_p1363_") != NULL;
        size_t total = 0, accepted = 0, rejected = 0, declared;
        json_value *root, *groups;
        snprintf(path, sizeof path, "%s/%s", dir, files[f]);
        root = json_parse_file(path);
        CHECK(root != NULL);
        if (!root)
            continue;
        check_section(files[f]);
        declared = (size_t)json_get(root, "numberOfTests")->num;
        groups = json_get(root, "testGroups");
        for (gi = 0; groups && gi < groups->n; gi++) {
            json_value *g = json_at(groups, gi), *tests = json_get(g, "tests");
            static uint8_t der[4096], msg[4096], sig[8192], conv[1024];
            size_t der_len = check_unhex(der, sizeof der, json_str(g, "publicKeyDer", NULL)), q_len = 0;
            int h = hash_of(json_str(g, "sha", NULL));
            cryptogo_public_key *pk = NULL;
            CHECK(h > 0);
            if (!CHECK_OK(cryptogo_public_key_load(&pk, der, der_len, CRYPTOGO_ENCODING_DER)))
                continue;
            CHECK_OK(cryptogo_dsa_public_key_number(conv, sizeof conv, &q_len, CRYPTOGO_DSA_Q, pk));
            for (ti = 0; tests && ti < tests->n; ti++) {
                json_value *t = json_at(tests, ti);
                size_t msg_len = check_unhex(msg, sizeof msg, json_str(t, "msg", NULL));
                size_t sig_len = check_unhex(sig, sizeof sig, json_str(t, "sig", NULL));
                const uint8_t *s = sig;
                int want = expect(policy, json_str(t, "result", NULL), json_get(t, "flags")), rc;
                total++;
                CHECK(want >= 0);
                if (want < 0) {
                    fprintf(stderr, "   tcId %d: no policy decision\n", (int)json_get(t, "tcId")->num);
                    continue;
                }
                if (p1363) {
                    size_t conv_len = 0;
                    if (sig_len == 2 * q_len &&
                        cryptogo_dss_signature_encode(conv, sizeof conv, &conv_len, sig, q_len, sig + q_len, q_len) ==
                            CRYPTOGO_OK) {
                        s = conv;
                        sig_len = conv_len;
                    } else {
                        s = NULL; /* no DER form: invalid */
                        sig_len = 0;
                    }
                }
                rc = cryptogo_dsa_verify(s, sig_len, msg, msg_len, h, 0, pk);
                if (want ? rc != CRYPTOGO_OK : rc != CRYPTOGO_ERR_INVALID_SIGNATURE) {
                    CHECK(!"Wycheproof verdict");
                    fprintf(stderr, "   %s tcId %d: rc %d (%s), want %s\n", files[f], (int)json_get(t, "tcId")->num,
                            rc, cryptogo_strerror(rc), want ? "valid" : "invalid");
                } else if (want)
                    accepted++;
                else
                    rejected++;
            }
            CHECK_OK(cryptogo_public_key_free(pk));
        }
        CHECK(total == declared);
        printf("   %s: %zu cases, %zu accepted, %zu rejected\n", files[f], total, accepted, rejected);
        json_free(root);
    }
    json_free(policy);
}

int main(void)
{
    size_t live = LIVE_BEGIN(), i;
    json_value *root = json_parse_file(CRYPTOGO_SOURCE_DIR "/core/dsa/testdata/pyca.json");
    json_value *keys = root ? json_get(root, "keys") : NULL;
    CHECK(keys != NULL && keys->n == 4);
    for (i = 0; keys && i < keys->n; i++) {
        char name[32];
        snprintf(name, sizeof name, "DSA-%d (pyca)", (int)json_get(json_at(keys, i), "bits")->num);
        check_section(name);
        kat(json_at(keys, i));
    }
    json_free(root);
    wycheproof();
    CHECK_LIVE(live);
    return check_done();
}
