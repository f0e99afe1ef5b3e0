/*
 * stress.c - 16 threads, mixed operations on shared handles, for a set time.
 *
 *   build/stress/stress [SECONDS]        (make stress STRESS_SECONDS=30)
 *
 * Threads 1..15 pick a random operation on handles taken from shared slots
 * (Fernet, MultiFernet, AES-GCM, ChaCha20-Poly1305, hash, HMAC, RSA private
 * and public keys) and check its result (round trips, known answers). Thread 0
 * keeps freeing the handle of a random slot and putting a new one in its place
 * while the others use it: a call already in flight on the old handle
 * finishes normally, a later one gets CRYPTOGO_ERR_INVALID_HANDLE, which is
 * tolerated (and counted) only for a handle that was freed. Hash and HMAC
 * handles are shared mutable state: updates and copies race on purpose (calls
 * on one handle are serialized by the library).
 *
 * Prints operations done, results by status code, wrong results and crashes;
 * exits non-zero unless wrong results, unexpected codes and crashes are all 0
 * and every handle is freed at the end. The work runs in a child process
 * (posix_spawn) so that a crash is reported as such.
 */
#include "harness.h"

#include <pthread.h>
#include <stdatomic.h>

#define THREADS 16
#define SLOTS 4

enum { K_FERNET, K_MULTI, K_GCM, K_CHACHA, K_HASH, K_HMAC, K_PRIV, K_PUB, NKINDS };
static const char *const kind_names[NKINDS] = {"fernet", "multifernet", "aesgcm", "chacha20poly1305",
                                               "hash", "hmac", "private_key", "public_key"};

static _Atomic(void *) slot[NKINDS][SLOTS];
static atomic_int stop;
static atomic_long ops, recreated, stale_invalid, wrong, unexpected;
static atomic_long by_code[NCODES];
static char *priv_pem, *pub_pem;
static size_t priv_pem_len, pub_pem_len;
static const uint8_t fkey[] = "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=";
static uint8_t known_sig[512];
static size_t known_sig_len;

static void *make(int k)
{
    void *h = NULL;
    int rc = CRYPTOGO_OK;
    uint8_t key[32];
    memset(key, 0x42, sizeof key);
    switch (k) {
    case K_FERNET: rc = cryptogo_fernet_new((cryptogo_fernet **)&h, fkey, 44); break;
    case K_MULTI: {
        cryptogo_fernet *f[2] = {NULL, NULL};
        rc = cryptogo_fernet_new(&f[0], fkey, 44);
        if (rc == CRYPTOGO_OK)
            rc = cryptogo_fernet_new(&f[1], fkey, 44);
        if (rc == CRYPTOGO_OK)
            rc = cryptogo_multifernet_new((cryptogo_multifernet **)&h, f, 2);
        cryptogo_fernet_free(f[0]);
        cryptogo_fernet_free(f[1]);
        break;
    }
    case K_GCM: rc = cryptogo_aesgcm_new((cryptogo_aesgcm **)&h, key, 16); break;
    case K_CHACHA: rc = cryptogo_chacha20poly1305_new((cryptogo_chacha20poly1305 **)&h, key, 32); break;
    case K_HASH: rc = cryptogo_hash_new((cryptogo_hash **)&h, CRYPTOGO_HASH_SHA256, 0); break;
    case K_HMAC: rc = cryptogo_hmac_new((cryptogo_hmac **)&h, key, 32, CRYPTOGO_HASH_SHA256); break;
    case K_PRIV:
        rc = cryptogo_private_key_load((cryptogo_private_key **)&h, (const uint8_t *)priv_pem, priv_pem_len,
                                           NULL, 0, CRYPTOGO_ENCODING_PEM);
        break;
    case K_PUB:
        rc = cryptogo_public_key_load((cryptogo_public_key **)&h, (const uint8_t *)pub_pem, pub_pem_len,
                                          CRYPTOGO_ENCODING_PEM);
        break;
    }
    if (rc != CRYPTOGO_OK || !h) {
        fprintf(stderr, "stress: creating a %s failed: %d %s\n", kind_names[k], rc, cryptogo_strerror(rc));
        exit(1);
    }
    return h;
}

static int destroy(int k, void *h)
{
    switch (k) {
    case K_FERNET: return cryptogo_fernet_free(h);
    case K_MULTI: return cryptogo_multifernet_free(h);
    case K_GCM: return cryptogo_aesgcm_free(h);
    case K_CHACHA: return cryptogo_chacha20poly1305_free(h);
    case K_HASH: return cryptogo_hash_free(h);
    case K_HMAC: return cryptogo_hmac_free(h);
    case K_PRIV: return cryptogo_private_key_free(h);
    case K_PUB: return cryptogo_public_key_free(h);
    }
    return -999;
}

/* result records rc of an operation on handle h taken from slot (k, s).
 * INVALID_HANDLE is tolerated when h is no longer in its slot (it was freed by
 * the recreating thread); any other failure is unexpected. Returns 1 when the
 * operation succeeded. */
static int result(int rc, int k, int s, void *h, int allowed)
{
    if (rc <= 0 && rc > -NCODES)
        atomic_fetch_add(&by_code[-rc], 1);
    if (rc == CRYPTOGO_OK)
        return 1;
    if (rc == CRYPTOGO_ERR_INVALID_HANDLE && h != atomic_load(&slot[k][s])) {
        atomic_fetch_add(&stale_invalid, 1);
        return 0;
    }
    if (allowed && rc == allowed)
        return 0;
    if (atomic_fetch_add(&unexpected, 1) < 20)
        fprintf(stderr, "stress: unexpected %d %s on a %s\n", rc, cryptogo_strerror(rc), kind_names[k]);
    return 0;
}

static void bad(const char *what)
{
    if (atomic_fetch_add(&wrong, 1) < 20)
        fprintf(stderr, "stress: wrong result: %s\n", what);
}

static void *recreator(void *arg)
{
    unsigned seed = 12345;
    (void)arg;
    while (!atomic_load(&stop)) {
        int k = (int)(rand_r(&seed) % NKINDS), s = (int)(rand_r(&seed) % SLOTS), rc;
        void *old;
        if (k >= K_PRIV && rand_r(&seed) % 8 != 0)
            continue; /* RSA keys are slow to load: recreate them less often */
        old = atomic_exchange(&slot[k][s], make(k));
        if ((rc = destroy(k, old)) != CRYPTOGO_OK) {
            fprintf(stderr, "stress: freeing a %s: %d\n", kind_names[k], rc);
            atomic_fetch_add(&unexpected, 1);
        }
        atomic_fetch_add(&recreated, 1);
    }
    return NULL;
}

static void *worker(void *arg)
{
    unsigned seed = (unsigned)(size_t)arg * 7919u;
    uint8_t pt[256], ct[512], out[512], tok[1024], nonce[12], sig[512];
    size_t ct_len, out_len, tok_len, sig_len;
    long n = 0;

    while (!atomic_load(&stop)) {
        int s = (int)(rand_r(&seed) % SLOTS), op = (int)(rand_r(&seed) % 100), k;
        size_t len = rand_r(&seed) % 200;
        void *h;
        memset(pt, (int)op, len);
        memset(nonce, 0, sizeof nonce);
        memcpy(nonce, &n, sizeof n < sizeof nonce ? sizeof n : sizeof nonce);
        if (op < 18) { /* Fernet round trip */
            k = K_FERNET;
            h = atomic_load(&slot[k][s]);
            if (result(cryptogo_fernet_encrypt(tok, sizeof tok, &tok_len, pt, len, h), k, s, h, 0) &&
                result(cryptogo_fernet_decrypt(out, sizeof out, &out_len, tok, tok_len, 1, 60, h), k, s, h, 0) &&
                (out_len != len || memcmp(out, pt, len) != 0))
                bad("fernet round trip");
        } else if (op < 28) { /* MultiFernet: encrypt, rotate, decrypt */
            k = K_MULTI;
            h = atomic_load(&slot[k][s]);
            if (result(cryptogo_multifernet_encrypt(tok, sizeof tok, &tok_len, pt, len, h), k, s, h, 0) &&
                result(cryptogo_multifernet_rotate(tok, sizeof tok, &tok_len, tok, tok_len, h), k, s, h, 0) &&
                result(cryptogo_multifernet_decrypt(out, sizeof out, &out_len, tok, tok_len, 0, 0, h), k, s, h, 0) &&
                (out_len != len || memcmp(out, pt, len) != 0))
                bad("multifernet round trip");
        } else if (op < 44) { /* AES-GCM round trip */
            k = K_GCM;
            h = atomic_load(&slot[k][s]);
            if (result(cryptogo_aesgcm_encrypt(ct, sizeof ct, &ct_len, pt, len, nonce, 4, nonce, 12, h), k, s, h, 0) &&
                result(cryptogo_aesgcm_decrypt(out, sizeof out, &out_len, ct, ct_len, nonce, 4, nonce, 12, h), k, s, h, 0) &&
                (out_len != len || memcmp(out, pt, len) != 0))
                bad("aesgcm round trip");
        } else if (op < 60) { /* ChaCha20-Poly1305 round trip, then a tampered tag */
            k = K_CHACHA;
            h = atomic_load(&slot[k][s]);
            if (result(cryptogo_chacha20poly1305_encrypt(ct, sizeof ct, &ct_len, pt, len, NULL, 0, nonce, 12, h), k, s, h, 0)) {
                if (result(cryptogo_chacha20poly1305_decrypt(out, sizeof out, &out_len, ct, ct_len, NULL, 0, nonce, 12, h), k, s, h, 0) &&
                    (out_len != len || memcmp(out, pt, len) != 0))
                    bad("chacha20poly1305 round trip");
                ct[ct_len - 1] ^= 1;
                result(cryptogo_chacha20poly1305_decrypt(out, sizeof out, &out_len, ct, ct_len, NULL, 0, nonce, 12, h), k, s, h,
                       CRYPTOGO_ERR_INVALID_TAG);
            }
        } else if (op < 72) { /* shared hash: update, copy, finalize the copy */
            cryptogo_hash *c = NULL;
            k = K_HASH;
            h = atomic_load(&slot[k][s]);
            if (result(cryptogo_hash_update(h, pt, len), k, s, h, 0) &&
                result(cryptogo_hash_copy(&c, h), k, s, h, 0)) {
                if (cryptogo_hash_finalize(c, out, sizeof out, &out_len) != CRYPTOGO_OK || out_len != 32)
                    bad("hash copy finalize");
                if (cryptogo_hash_free(c) != CRYPTOGO_OK)
                    bad("hash copy free");
            }
            if (result(cryptogo_hash_digest(out, sizeof out, &out_len, (const uint8_t *)"abc", 3, CRYPTOGO_HASH_SHA256, 0), k, s, h, 0) &&
                (out_len != 32 || out[0] != 0xba || out[31] != 0xad))
                bad("sha256(abc)");
        } else if (op < 84) { /* shared HMAC: update, copy, verify the copy against finalize of another copy */
            cryptogo_hmac *c1 = NULL, *c2 = NULL;
            k = K_HMAC;
            h = atomic_load(&slot[k][s]);
            if (result(cryptogo_hmac_update(h, pt, len), k, s, h, 0) &&
                result(cryptogo_hmac_copy(&c1, h), k, s, h, 0)) {
                if (cryptogo_hmac_copy(&c2, c1) != CRYPTOGO_OK ||
                    cryptogo_hmac_finalize(c1, out, sizeof out, &out_len) != CRYPTOGO_OK ||
                    cryptogo_hmac_verify(c2, out, out_len) != CRYPTOGO_OK)
                    bad("hmac copy finalize/verify");
                if (cryptogo_hmac_free(c1) != CRYPTOGO_OK || cryptogo_hmac_free(c2) != CRYPTOGO_OK)
                    bad("hmac copy free");
            }
        } else if (op < 92) { /* RSA: deterministic PKCS1v15 signature */
            k = K_PRIV;
            h = atomic_load(&slot[k][s]);
            if (result(cryptogo_rsa_sign_pkcs1v15(sig, sizeof sig, &sig_len, (const uint8_t *)"msg", 3,
                                                  CRYPTOGO_HASH_SHA256, 0, h), k, s, h, 0) &&
                (sig_len != known_sig_len || memcmp(sig, known_sig, sig_len) != 0))
                bad("rsa pkcs1v15 signature");
        } else if (op < 97) { /* RSA public: verify and recover the known signature, OAEP encrypt, equal */
            k = K_PUB;
            h = atomic_load(&slot[k][s]);
            result(cryptogo_rsa_verify_pkcs1v15(known_sig, known_sig_len, (const uint8_t *)"msg", 3, CRYPTOGO_HASH_SHA256, 0, h),
                   k, s, h, 0);
            result(cryptogo_rsa_encrypt_oaep(ct, sizeof ct, &ct_len, pt, len % 60, NULL, 0, CRYPTOGO_HASH_SHA256,
                                             CRYPTOGO_HASH_SHA256, h), k, s, h, 0);
            {
                int eq = 0;
                if (result(cryptogo_public_key_equal(&eq, h, h), k, s, h, 0) && eq != 1)
                    bad("public_key_equal(k, k)");
                if (result(cryptogo_rsa_recover_pkcs1v15(out, sizeof out, &out_len, known_sig, known_sig_len,
                                                         CRYPTOGO_HASH_SHA256, h), k, s, h, 0) && out_len != 32)
                    bad("rsa recover");
            }
        } else { /* handle-free calls */
            k = K_HASH;
            if (cryptogo_random_bytes(out, 32) != CRYPTOGO_OK || !cryptogo_strerror(-5) || live_handles() == (size_t)-1)
                bad("random/strerror/live");
        }
        n++;
    }
    atomic_fetch_add(&ops, n);
    return NULL;
}

int main(int argc, char **argv)
{
    pthread_t th[THREADS];
    int seconds = 30, i, s, k, status, failed;
    double t0, elapsed;
    long total;
    cryptogo_private_key *pk;

    if ((status = run_as_child(argc, argv)) >= 0)
        return status;
    if (argc >= 2 && strcmp(argv[1], "--child") != 0)
        seconds = atoi(argv[1]);
    if (getenv("STRESS_SECONDS"))
        seconds = atoi(getenv("STRESS_SECONDS"));
    priv_pem = read_file(getenv("STRESS_PRIV_PEM") ? getenv("STRESS_PRIV_PEM") : "core/testdata/keys/rsa1024e3.pkcs8.pem", &priv_pem_len);
    pub_pem = read_file(getenv("STRESS_PUB_PEM") ? getenv("STRESS_PUB_PEM") : "core/testdata/keys/rsa1024e3.spki.pem", &pub_pem_len);
    if (!priv_pem || !pub_pem) {
        fprintf(stderr, "stress: cannot read the RSA fixtures (run from the repository root)\n");
        return 1;
    }
    for (k = 0; k < NKINDS; k++)
        for (s = 0; s < SLOTS; s++)
            atomic_store(&slot[k][s], make(k));
    pk = atomic_load(&slot[K_PRIV][0]);
    if (cryptogo_rsa_sign_pkcs1v15(known_sig, sizeof known_sig, &known_sig_len, (const uint8_t *)"msg", 3,
                                   CRYPTOGO_HASH_SHA256, 0, pk) != CRYPTOGO_OK)
        return 1;

    printf("stress: %d threads (1 freeing and recreating handles) for %d s\n", THREADS, seconds);
    fflush(stdout);
    t0 = now_seconds();
    pthread_create(&th[0], NULL, recreator, NULL);
    for (i = 1; i < THREADS; i++)
        pthread_create(&th[i], NULL, worker, (void *)(size_t)i);
    sleep((unsigned)seconds);
    atomic_store(&stop, 1);
    for (i = 0; i < THREADS; i++)
        pthread_join(th[i], NULL);
    elapsed = now_seconds() - t0;
    for (k = 0; k < NKINDS; k++)
        for (s = 0; s < SLOTS; s++)
            if (destroy(k, atomic_load(&slot[k][s])) != CRYPTOGO_OK)
                atomic_fetch_add(&unexpected, 1);

    total = atomic_load(&ops);
    printf("operations: %ld (%.0f/s) in %.1f s; handles freed and recreated: %ld\n", total, total / elapsed, elapsed,
           atomic_load(&recreated));
    printf("results by code:");
    for (i = 0; i < NCODES; i++)
        if (atomic_load(&by_code[i]))
            printf(" %s=%ld", i == 0 ? "OK" : cryptogo_strerror(-i), atomic_load(&by_code[i]));
    printf("\n");
    printf("INVALID_HANDLE on a freed handle (expected): %ld\n", atomic_load(&stale_invalid));
    printf("unexpected codes: %ld; wrong results: %ld; live handles at the end: %zu\n", atomic_load(&unexpected),
           atomic_load(&wrong), live_handles());
    failed = atomic_load(&unexpected) || atomic_load(&wrong) || live_handles() != 0;
    printf("crashes: 0\n%s\n", failed ? "stress: FAILED" : "stress: passed");
    return failed ? 1 : 0;
}
