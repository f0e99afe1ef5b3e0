/* wycheproof_curves test: the Wycheproof files of the curve algorithms through
 * the C ABI, with the one policy file (tests/wycheproof_policy.json) the Go,
 * Python and Node suites read:
 *
 *   ecdsa_<curve>_<hash>_test.json        DER signatures (cryptogo_ecdsa_verify)
 *   ecdsa_<curve>_<hash>_p1363_test.json  r || s: exactly twice the curve's
 *                                         size, else invalid; then DER through
 *                                         cryptogo_dss_signature_encode
 *   ecdh_<curve>_test.json                peer as SubjectPublicKeyInfo DER
 *   ecdh_<curve>_ecpoint_test.json        peer as an X9.62 point
 *   ed25519_test.json, ed448_test.json    cryptogo_eddsa_verify
 *   x25519_test.json, x448_test.json      cryptogo_xdh_exchange
 *
 * "valid" must succeed (with the expected shared secret), "invalid" must
 * fail, "acceptable" takes the policy's decision for its flags (the file's
 * override first); an acceptable case without a decision fails the test.
 * Files of curves libcrypto-go lacks (secp256k1, Brainpool) are counted as
 * unsupported: their keys must be refused with CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM.
 * SHAKE ECDSA files use RFC 8692's sizes (SHAKE128: 32 bytes, SHAKE256: 64),
 * verified prehashed. Every case is counted; the totals are printed.
 *
 * The files are shared among one thread per CPU (at most 4): the run is
 * mostly P-384/P-521 arithmetic, about 15 s of CPU in all.
 *
 * Vectors: $WYCHEPROOF_DIR, else $CRYPTOGO_SHARED/wycheproof, else
 * <repo>/../shared/wycheproof. Missing: skipped loudly (exit 77), a failure
 * under CRYPTOGO_REQUIRE_VECTORS=1.
 */
#include <dirent.h>
#include <pthread.h>
#include <unistd.h>

#include "check.h"
#include "minijson.h"

static json_value *policy;

/* TRUE_OR_FAIL: CHECK as an expression (1 when cond holds). */
#define TRUE_OR_FAIL(cond) ((cond) ? 1 : (check_fail_(__FILE__, __LINE__, "%s", #cond), 0))

/* expect: whether a case must succeed, as tests/vectors.Expect in Go. */
static int expect(const char *file, const char *result, const json_value *flags, int tc)
{
    const json_value *files = json_get(json_get(policy, "files"), file), *global = json_get(policy, "flags");
    size_t i;
    if (strcmp(result, "valid") == 0)
        return 1;
    if (strcmp(result, "invalid") == 0)
        return 0;
    for (i = 0; flags && i < flags->n; i++) {
        const json_value *d = json_get(files, flags->items[i]->str);
        if (d && d->type == JSON_STRING)
            return strcmp(d->str, "valid") == 0;
    }
    for (i = 0; flags && i < flags->n; i++) {
        const json_value *d = json_get(global, flags->items[i]->str);
        if (d && d->type == JSON_STRING)
            return strcmp(d->str, "valid") == 0;
    }
    check_fail_(__FILE__, __LINE__, "%s tcId %d: acceptable case without a decision in the policy", file, tc);
    return 0;
}

/* unhex: a decoded copy of obj[key] (caller frees), *len its length. */
static uint8_t *unhex(const json_value *obj, const char *key, size_t *len)
{
    size_t n = 0;
    const char *hex = json_str(obj, key, &n);
    uint8_t *out = (uint8_t *)malloc(n / 2 + 1);
    if (!out)
        abort();
    *len = check_unhex(out, n / 2 + 1, hex);
    return out;
}

static int curve_of(const char *name)
{
    if (strcmp(name, "secp224r1") == 0)
        return CRYPTOGO_EC_SECP224R1;
    if (strcmp(name, "secp256r1") == 0)
        return CRYPTOGO_EC_SECP256R1;
    if (strcmp(name, "secp384r1") == 0)
        return CRYPTOGO_EC_SECP384R1;
    if (strcmp(name, "secp521r1") == 0)
        return CRYPTOGO_EC_SECP521R1;
    return 0;
}

static size_t curve_bytes(int curve)
{
    switch (curve) {
    case CRYPTOGO_EC_SECP224R1: return 28;
    case CRYPTOGO_EC_SECP256R1: return 32;
    case CRYPTOGO_EC_SECP384R1: return 48;
    default: return 66;
    }
}

/* hash_of: the cryptogo_hash_alg of a Wycheproof "sha" name; *xof_size is
 * RFC 8692's output size for SHAKE (0 otherwise). */
static int hash_of(const char *name, size_t *xof_size)
{
    static const struct { const char *name; int alg; size_t xof; } t[] = {
        {"SHA-224", CRYPTOGO_HASH_SHA224, 0},     {"SHA-256", CRYPTOGO_HASH_SHA256, 0},
        {"SHA-384", CRYPTOGO_HASH_SHA384, 0},     {"SHA-512", CRYPTOGO_HASH_SHA512, 0},
        {"SHA3-224", CRYPTOGO_HASH_SHA3_224, 0},  {"SHA3-256", CRYPTOGO_HASH_SHA3_256, 0},
        {"SHA3-384", CRYPTOGO_HASH_SHA3_384, 0},  {"SHA3-512", CRYPTOGO_HASH_SHA3_512, 0},
        {"SHAKE128", CRYPTOGO_HASH_SHAKE128, 32}, {"SHAKE256", CRYPTOGO_HASH_SHAKE256, 64},
    };
    size_t i;
    for (i = 0; i < sizeof t / sizeof t[0]; i++)
        if (strcmp(name, t[i].name) == 0) {
            *xof_size = t[i].xof;
            return t[i].alg;
        }
    return 0;
}

struct tally {
    long total, accepted, rejected, unsupported;
};
static struct tally all;

static pthread_mutex_t print_mu = PTHREAD_MUTEX_INITIALIZER;

static void report(const char *file, const struct tally *t, long declared)
{
    if (t->total != declared)
        check_fail_(__FILE__, __LINE__, "%s: ran %ld cases, the file declares %ld", file, t->total, declared);
    pthread_mutex_lock(&print_mu);
    printf("%s: %ld cases, %ld accepted, %ld rejected, %ld unsupported\n", file, t->total, t->accepted,
           t->rejected, t->unsupported);
    fflush(stdout);
    all.total += t->total;
    all.accepted += t->accepted;
    all.rejected += t->rejected;
    all.unsupported += t->unsupported;
    pthread_mutex_unlock(&print_mu);
}

/* verdict counts one case: ok is whether the operation succeeded. */
static void verdict(struct tally *t, const char *file, int tc, int want, int ok, int rc)
{
    __sync_fetch_and_add(&check_count_, 1);
    t->total++;
    if (want && !ok)
        check_fail_(__FILE__, __LINE__, "%s tcId %d: valid case refused (%s)", file, tc, cryptogo_strerror(rc));
    else if (!want && ok)
        check_fail_(__FILE__, __LINE__, "%s tcId %d: invalid case accepted", file, tc);
    else if (want)
        t->accepted++;
    else
        t->rejected++;
}

static void run_ecdsa(const char *file, const json_value *root, int p1363)
{
    struct tally t = {0, 0, 0, 0};
    const json_value *groups = json_get(root, "testGroups");
    size_t gi, i;
    for (gi = 0; groups && gi < groups->n; gi++) {
        const json_value *g = groups->items[gi], *tests = json_get(g, "tests");
        const char *cname = json_str(json_get(g, "publicKey"), "curve", NULL);
        int curve = curve_of(cname), rc;
        size_t der_len, xof = 0, size = curve ? curve_bytes(curve) : 0;
        uint8_t *der = unhex(g, "publicKeyDer", &der_len);
        int alg = hash_of(json_str(g, "sha", NULL), &xof);
        cryptogo_public_key *pub = NULL;
        rc = cryptogo_public_key_load(&pub, der, der_len, CRYPTOGO_ENCODING_DER);
        free(der);
        if (!curve) {
            CHECK_RC(rc, CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
            cryptogo_public_key_free(pub);
            t.total += (long)tests->n;
            t.unsupported += (long)tests->n;
            continue;
        }
        if (!CHECK_OK(rc) || !TRUE_OR_FAIL(alg != 0))
            continue;
        for (i = 0; i < tests->n; i++) {
            const json_value *c = tests->items[i];
            int tc = (int)json_get(c, "tcId")->num;
            int want = expect(file, json_str(c, "result", NULL), json_get(c, "flags"), tc);
            size_t msg_len, sig_len, dsig_len = 0, d_len = 0;
            uint8_t *msg = unhex(c, "msg", &msg_len), *sig = unhex(c, "sig", &sig_len);
            uint8_t dsig[160], digest[64];
            const uint8_t *s = sig, *m = msg;
            size_t sl = sig_len, ml = msg_len;
            int prehashed = 0;
            rc = CRYPTOGO_ERR_INVALID_SIGNATURE;
            if (p1363) {
                if (sig_len != 2 * size) {
                    verdict(&t, file, tc, want, 0, rc); /* not twice the curve's size: invalid */
                    free(msg);
                    free(sig);
                    continue;
                }
                CHECK_OK(cryptogo_dss_signature_encode(dsig, sizeof dsig, &dsig_len, sig, size, sig + size, size));
                s = dsig;
                sl = dsig_len;
            }
            if (xof) {
                CHECK_OK(cryptogo_hash_digest(digest, sizeof digest, &d_len, msg, msg_len, alg, xof));
                m = digest;
                ml = d_len;
                prehashed = 1;
            }
            rc = cryptogo_ecdsa_verify(s, sl, m, ml, alg, prehashed, pub);
            if (rc != CRYPTOGO_OK && rc != CRYPTOGO_ERR_INVALID_SIGNATURE)
                check_fail_(__FILE__, __LINE__, "%s tcId %d: %s, want OK or INVALID_SIGNATURE", file, tc,
                            cryptogo_strerror(rc));
            verdict(&t, file, tc, want, rc == CRYPTOGO_OK, rc);
            free(msg);
            free(sig);
        }
        cryptogo_public_key_free(pub);
    }
    report(file, &t, (long)json_get(root, "numberOfTests")->num);
}

static void run_ecdh(const char *file, const json_value *root, int point)
{
    struct tally t = {0, 0, 0, 0};
    const json_value *groups = json_get(root, "testGroups");
    size_t gi, i;
    for (gi = 0; groups && gi < groups->n; gi++) {
        const json_value *g = groups->items[gi], *tests = json_get(g, "tests");
        int curve = curve_of(json_str(g, "curve", NULL));
        for (i = 0; i < tests->n; i++) {
            const json_value *c = tests->items[i];
            int tc = (int)json_get(c, "tcId")->num, rc;
            const char *result = json_str(c, "result", NULL);
            size_t pub_len, priv_len, shared_len, out_len = 0;
            uint8_t *pubb = unhex(c, "public", &pub_len), *priv = unhex(c, "private", &priv_len);
            uint8_t *shared = unhex(c, "shared", &shared_len), out[66];
            cryptogo_private_key *k = NULL;
            cryptogo_public_key *pub = NULL;
            if (!curve) {
                /* a curve Go lacks: a valid peer key is refused as unsupported */
                if (!point && strcmp(result, "valid") == 0) {
                    CHECK_RC(cryptogo_public_key_load(&pub, pubb, pub_len, CRYPTOGO_ENCODING_DER),
                             CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM);
                    cryptogo_public_key_free(pub);
                }
                t.total++;
                t.unsupported++;
            } else {
                int want = expect(file, result, json_get(c, "flags"), tc);
                rc = cryptogo_ec_derive_private_key(&k, curve, priv, priv_len);
                if (rc == CRYPTOGO_OK)
                    rc = point ? cryptogo_ec_public_key_from_point(&pub, curve, pubb, pub_len)
                               : cryptogo_public_key_load(&pub, pubb, pub_len, CRYPTOGO_ENCODING_DER);
                if (rc == CRYPTOGO_OK)
                    rc = cryptogo_ecdh_exchange(out, sizeof out, &out_len, k, pub);
                if (rc == CRYPTOGO_OK && want && (out_len != shared_len || memcmp(out, shared, out_len) != 0))
                    check_fail_(__FILE__, __LINE__, "%s tcId %d: wrong shared secret", file, tc);
                verdict(&t, file, tc, want, rc == CRYPTOGO_OK, rc);
                cryptogo_private_key_free(k);
                cryptogo_public_key_free(pub);
            }
            free(pubb);
            free(priv);
            free(shared);
        }
    }
    report(file, &t, (long)json_get(root, "numberOfTests")->num);
}

static void run_eddsa(const char *file, const json_value *root, int key_type)
{
    struct tally t = {0, 0, 0, 0};
    const json_value *groups = json_get(root, "testGroups");
    size_t gi, i;
    for (gi = 0; groups && gi < groups->n; gi++) {
        const json_value *g = groups->items[gi], *tests = json_get(g, "tests");
        size_t pk_len, der_len;
        uint8_t *pk = unhex(json_get(g, "publicKey"), "pk", &pk_len), *der = unhex(g, "publicKeyDer", &der_len);
        cryptogo_public_key *pub = NULL, *pub2 = NULL;
        int eq = 0;
        if (!CHECK_OK(cryptogo_public_key_from_raw(&pub, key_type, pk, pk_len)) ||
            !CHECK_OK(cryptogo_public_key_load(&pub2, der, der_len, CRYPTOGO_ENCODING_DER)) ||
            !CHECK_OK(cryptogo_public_key_equal(&eq, pub, pub2)) || !TRUE_OR_FAIL(eq)) {
            free(pk);
            free(der);
            cryptogo_public_key_free(pub);
            cryptogo_public_key_free(pub2);
            continue;
        }
        for (i = 0; i < tests->n; i++) {
            const json_value *c = tests->items[i];
            int tc = (int)json_get(c, "tcId")->num, rc;
            int want = expect(file, json_str(c, "result", NULL), json_get(c, "flags"), tc);
            size_t msg_len, sig_len;
            uint8_t *msg = unhex(c, "msg", &msg_len), *sig = unhex(c, "sig", &sig_len);
            rc = cryptogo_eddsa_verify(sig, sig_len, msg, msg_len, pub);
            if (rc != CRYPTOGO_OK && rc != CRYPTOGO_ERR_INVALID_SIGNATURE)
                check_fail_(__FILE__, __LINE__, "%s tcId %d: %s, want OK or INVALID_SIGNATURE", file, tc,
                            cryptogo_strerror(rc));
            verdict(&t, file, tc, want, rc == CRYPTOGO_OK, rc);
            free(msg);
            free(sig);
        }
        free(pk);
        free(der);
        cryptogo_public_key_free(pub);
        cryptogo_public_key_free(pub2);
    }
    report(file, &t, (long)json_get(root, "numberOfTests")->num);
}

static void run_xdh(const char *file, const json_value *root, int key_type)
{
    struct tally t = {0, 0, 0, 0};
    const json_value *groups = json_get(root, "testGroups");
    size_t gi, i;
    for (gi = 0; groups && gi < groups->n; gi++) {
        const json_value *tests = json_get(groups->items[gi], "tests");
        for (i = 0; i < tests->n; i++) {
            const json_value *c = tests->items[i];
            int tc = (int)json_get(c, "tcId")->num, rc;
            int want = expect(file, json_str(c, "result", NULL), json_get(c, "flags"), tc);
            size_t pub_len, priv_len, shared_len, out_len = 0;
            uint8_t *pubb = unhex(c, "public", &pub_len), *priv = unhex(c, "private", &priv_len);
            uint8_t *shared = unhex(c, "shared", &shared_len), out[56];
            cryptogo_private_key *k = NULL;
            cryptogo_public_key *pub = NULL;
            rc = cryptogo_private_key_from_raw(&k, key_type, priv, priv_len);
            if (rc == CRYPTOGO_OK)
                rc = cryptogo_public_key_from_raw(&pub, key_type, pubb, pub_len);
            if (rc == CRYPTOGO_OK)
                rc = cryptogo_xdh_exchange(out, sizeof out, &out_len, k, pub);
            if (rc == CRYPTOGO_OK && want && (out_len != shared_len || memcmp(out, shared, out_len) != 0))
                check_fail_(__FILE__, __LINE__, "%s tcId %d: wrong shared secret", file, tc);
            verdict(&t, file, tc, want, rc == CRYPTOGO_OK, rc);
            cryptogo_private_key_free(k);
            cryptogo_public_key_free(pub);
            free(pubb);
            free(priv);
            free(shared);
        }
    }
    report(file, &t, (long)json_get(root, "numberOfTests")->num);
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static char dir[1024];
static char *names[512];
static size_t n_names, next_name;

static void run_file(const char *f)
{
    char path[1400];
    json_value *root;
    snprintf(path, sizeof path, "%s/%s", dir, f);
    if (!TRUE_OR_FAIL((root = json_parse_file(path)) != NULL))
        return;
    if (strncmp(f, "ecdsa_", 6) == 0)
        run_ecdsa(f, root, ends_with(f, "_p1363_test.json"));
    else if (strncmp(f, "ecdh_", 5) == 0)
        run_ecdh(f, root, ends_with(f, "_ecpoint_test.json"));
    else if (strcmp(f, "ed25519_test.json") == 0)
        run_eddsa(f, root, CRYPTOGO_KEY_ED25519);
    else if (strcmp(f, "ed448_test.json") == 0)
        run_eddsa(f, root, CRYPTOGO_KEY_ED448);
    else if (strcmp(f, "x25519_test.json") == 0)
        run_xdh(f, root, CRYPTOGO_KEY_X25519);
    else
        run_xdh(f, root, CRYPTOGO_KEY_X448);
    json_free(root);
}

static void *worker(void *arg)
{
    size_t i;
    (void)arg;
    while ((i = __sync_fetch_and_add(&next_name, 1)) < n_names)
        run_file(names[i]);
    return NULL;
}

int main(void)
{
    char path[1400];
    pthread_t threads[4];
    size_t n = 0, i, nthreads;
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    size_t live;
    DIR *d;
    struct dirent *e;

    if (!check_vector_dir("WYCHEPROOF_DIR", "wycheproof", "ecdh_secp256r1_test.json", dir, sizeof dir)) {
        fprintf(stderr, "Wycheproof vectors not found in %s (set WYCHEPROOF_DIR or CRYPTOGO_SHARED)\n", dir);
        if (check_vectors_required()) {
            fprintf(stderr, "*** CRYPTOGO_REQUIRE_VECTORS=1: failing instead of skipping ***\n");
            return 1;
        }
        check_skip("Wycheproof vectors missing");
    }
    snprintf(path, sizeof path, "%s/tests/wycheproof_policy.json", CRYPTOGO_SOURCE_DIR);
    policy = json_parse_file(path);
    if (!policy) {
        fprintf(stderr, "cannot read %s\n", path);
        return 1;
    }
    if ((d = opendir(dir)) == NULL) {
        fprintf(stderr, "cannot open %s\n", dir);
        return 1;
    }
    while ((e = readdir(d)) != NULL && n < sizeof names / sizeof names[0]) {
        const char *f = e->d_name;
        if ((strncmp(f, "ecdsa_", 6) == 0 && ends_with(f, "_test.json")) ||
            (strncmp(f, "ecdh_", 5) == 0 && ends_with(f, "_test.json") && !ends_with(f, "_pem_test.json") &&
             !ends_with(f, "_webcrypto_test.json")) ||
            strcmp(f, "ed25519_test.json") == 0 || strcmp(f, "ed448_test.json") == 0 ||
            strcmp(f, "x25519_test.json") == 0 || strcmp(f, "x448_test.json") == 0)
            names[n++] = strdup(f);
    }
    closedir(d);
    qsort(names, n, sizeof names[0], by_name);

    n_names = n;
    nthreads = cpus < 1 ? 1 : cpus > 4 ? 4 : (size_t)cpus;
    live = LIVE_BEGIN();
    for (i = 0; i < nthreads; i++)
        if (pthread_create(&threads[i], NULL, worker, NULL) != 0)
            abort();
    for (i = 0; i < nthreads; i++)
        pthread_join(threads[i], NULL);
    for (i = 0; i < n; i++)
        free(names[i]);
    CHECK_LIVE(live);
    CHECK(n >= 6);
    printf("Wycheproof curves through C: %zu files, %ld cases: %ld accepted, %ld rejected, %ld unsupported\n", n,
           all.total, all.accepted, all.rejected, all.unsupported);
    json_free(policy);
    return check_done();
}
