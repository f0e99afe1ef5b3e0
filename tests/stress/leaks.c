/*
 * leaks.c - create/use/free cycles of every handle kind.
 *
 *   build/stress/leaks [CYCLES] [PRIVATE_KEY_PEM]    (make leaks / make test-leaks-quick)
 *
 * CYCLES (default 1,000,000) cycles of each kind: Fernet, MultiFernet (over a
 * new Fernet), hash (+ copy), HMAC (+ copy), AES-GCM, ChaCha20-Poly1305; RSA
 * private and public keys (loaded from PEM, signed/verified with) run
 * CYCLES / 100 cycles, since each load validates the key. The curve keys
 * (issue 13): EC P-256 (generate, ECDSA sign/verify, ECDH with a fixed peer,
 * SEC 1 dump and reload) CYCLES / 50 cycles; Ed25519 (generate, sign, verify)
 * and X25519 (generate, exchange with a fixed peer, raw public key) CYCLES / 20.
 *
 * After each kind cryptogo_debug_live_handles must be back to 0, and the
 * resident set size (/proc/self/statm), measured after the first 10% of the
 * cycles (warm-up: the Go heap and the handle table reach their working
 * size), may not grow by more than RSS_BOUND_MB (default 16 MiB) by the end
 * of the kind. A leak of 20 bytes per cycle grows RSS by ~17 MiB over a
 * million cycles. The work runs in a child process so that a crash is reported.
 */
#include "harness.h"

static char *pem;
static size_t pem_len;
static uint8_t pub_der[1024];
static size_t pub_der_len;
static uint8_t sig[512];
static size_t sig_len;
static long failures;

#define OK(call)                                                                               \
    do {                                                                                       \
        int rc_ = (call);                                                                      \
        if (rc_ != CRYPTOGO_OK) {                                                              \
            if (failures++ < 10)                                                               \
                fprintf(stderr, "leaks: %s: %d %s\n", #call, rc_, cryptogo_strerror(rc_));     \
            return;                                                                            \
        }                                                                                      \
    } while (0)

static const uint8_t fkey[] = "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=";
static const uint8_t msg[] = "a message of some length, long enough to need two AES blocks";

static void cycle_fernet(void)
{
    cryptogo_fernet *f;
    uint8_t tok[256], out[256];
    size_t n, m;
    OK(cryptogo_fernet_new(&f, fkey, 44));
    OK(cryptogo_fernet_encrypt(tok, sizeof tok, &n, msg, sizeof msg, f));
    OK(cryptogo_fernet_decrypt(out, sizeof out, &m, tok, n, 0, 0, f));
    OK(cryptogo_fernet_free(f));
}

static void cycle_multifernet(void)
{
    cryptogo_fernet *f;
    cryptogo_multifernet *mf;
    uint8_t tok[256];
    size_t n;
    OK(cryptogo_fernet_new(&f, fkey, 44));
    OK(cryptogo_multifernet_new(&mf, &f, 1));
    OK(cryptogo_fernet_free(f));
    OK(cryptogo_multifernet_encrypt(tok, sizeof tok, &n, msg, sizeof msg, mf));
    OK(cryptogo_multifernet_free(mf));
}

static void cycle_hash(void)
{
    cryptogo_hash *h, *c;
    uint8_t out[64];
    size_t n;
    OK(cryptogo_hash_new(&h, CRYPTOGO_HASH_SHA256, 0));
    OK(cryptogo_hash_update(h, msg, sizeof msg));
    OK(cryptogo_hash_copy(&c, h));
    OK(cryptogo_hash_finalize(c, out, sizeof out, &n));
    OK(cryptogo_hash_free(c));
    OK(cryptogo_hash_free(h));
}

static void cycle_hmac(void)
{
    cryptogo_hmac *h, *c;
    uint8_t out[64];
    size_t n;
    OK(cryptogo_hmac_new(&h, fkey, 32, CRYPTOGO_HASH_SHA256));
    OK(cryptogo_hmac_update(h, msg, sizeof msg));
    OK(cryptogo_hmac_copy(&c, h));
    OK(cryptogo_hmac_finalize(h, out, sizeof out, &n));
    OK(cryptogo_hmac_verify(c, out, n));
    OK(cryptogo_hmac_free(c));
    OK(cryptogo_hmac_free(h));
}

static void cycle_aesgcm(void)
{
    cryptogo_aesgcm *k;
    uint8_t ct[256], out[256];
    size_t n, m;
    OK(cryptogo_aesgcm_new(&k, fkey, 32));
    OK(cryptogo_aesgcm_encrypt(ct, sizeof ct, &n, msg, sizeof msg, NULL, 0, fkey, 12, k));
    OK(cryptogo_aesgcm_decrypt(out, sizeof out, &m, ct, n, NULL, 0, fkey, 12, k));
    OK(cryptogo_aesgcm_free(k));
}

static void cycle_chacha(void)
{
    cryptogo_chacha20poly1305 *k;
    uint8_t ct[256], out[256];
    size_t n, m;
    OK(cryptogo_chacha20poly1305_new(&k, fkey, 32));
    OK(cryptogo_chacha20poly1305_encrypt(ct, sizeof ct, &n, msg, sizeof msg, NULL, 0, fkey, 12, k));
    OK(cryptogo_chacha20poly1305_decrypt(out, sizeof out, &m, ct, n, NULL, 0, fkey, 12, k));
    OK(cryptogo_chacha20poly1305_free(k));
}

/* The generic key handles, holding RSA keys (the only algorithm yet). */
static void cycle_private_key(void)
{
    cryptogo_private_key *k;
    cryptogo_public_key *p;
    uint8_t s[512];
    size_t n, bits;
    int type;
    OK(cryptogo_private_key_load(&k, (const uint8_t *)pem, pem_len, NULL, 0, CRYPTOGO_ENCODING_PEM));
    OK(cryptogo_private_key_type(&type, k));
    OK(cryptogo_rsa_sign_pkcs1v15(s, sizeof s, &n, msg, sizeof msg, CRYPTOGO_HASH_SHA256, 0, k));
    OK(cryptogo_private_key_public_key(&p, k));
    OK(cryptogo_public_key_bits(&bits, p));
    OK(cryptogo_public_key_free(p));
    OK(cryptogo_private_key_free(k));
}

static void cycle_public_key(void)
{
    cryptogo_public_key *p;
    uint8_t d[512];
    size_t n;
    int eq;
    OK(cryptogo_public_key_load(&p, pub_der, pub_der_len, CRYPTOGO_ENCODING_DER));
    OK(cryptogo_rsa_verify_pkcs1v15(sig, sig_len, msg, sizeof msg, CRYPTOGO_HASH_SHA256, 0, p));
    OK(cryptogo_rsa_recover_pkcs1v15(d, sizeof d, &n, sig, sig_len, CRYPTOGO_HASH_SHA256, p));
    OK(cryptogo_public_key_equal(&eq, p, p));
    OK(cryptogo_public_key_free(p));
}

/* ---- curve keys (issue 13) ---- */

static cryptogo_public_key *ec_peer, *x25519_peer;

static void cycle_ec(void)
{
    cryptogo_private_key *k, *k2;
    cryptogo_public_key *p;
    uint8_t s[80], shared[32], der[256];
    size_t n, m, d;
    OK(cryptogo_ec_generate(&k, CRYPTOGO_EC_SECP256R1));
    OK(cryptogo_ecdsa_sign(s, sizeof s, &n, msg, sizeof msg, CRYPTOGO_HASH_SHA256, 0, 0, k));
    OK(cryptogo_private_key_public_key(&p, k));
    OK(cryptogo_ecdsa_verify(s, n, msg, sizeof msg, CRYPTOGO_HASH_SHA256, 0, p));
    OK(cryptogo_ecdh_exchange(shared, sizeof shared, &m, k, ec_peer));
    OK(cryptogo_private_key_dump(der, sizeof der, &d, CRYPTOGO_ENCODING_DER,
                                 CRYPTOGO_PRIVATE_FORMAT_TRADITIONAL_OPENSSL, NULL, 0, k));
    OK(cryptogo_private_key_load(&k2, der, d, NULL, 0, CRYPTOGO_ENCODING_DER));
    OK(cryptogo_private_key_free(k2));
    OK(cryptogo_public_key_free(p));
    OK(cryptogo_private_key_free(k));
}

static void cycle_ed25519(void)
{
    cryptogo_private_key *k;
    cryptogo_public_key *p;
    uint8_t s[64];
    size_t n;
    OK(cryptogo_private_key_generate(&k, CRYPTOGO_KEY_ED25519));
    OK(cryptogo_eddsa_sign(s, sizeof s, &n, msg, sizeof msg, k));
    OK(cryptogo_private_key_public_key(&p, k));
    OK(cryptogo_eddsa_verify(s, n, msg, sizeof msg, p));
    OK(cryptogo_public_key_free(p));
    OK(cryptogo_private_key_free(k));
}

static void cycle_x25519(void)
{
    cryptogo_private_key *k;
    cryptogo_public_key *p, *p2;
    uint8_t shared[32], raw[32];
    size_t n, r;
    OK(cryptogo_private_key_generate(&k, CRYPTOGO_KEY_X25519));
    OK(cryptogo_xdh_exchange(shared, sizeof shared, &n, k, x25519_peer));
    OK(cryptogo_private_key_public_key(&p, k));
    OK(cryptogo_public_key_dump(raw, sizeof raw, &r, CRYPTOGO_ENCODING_RAW, CRYPTOGO_PUBLIC_FORMAT_RAW, p));
    OK(cryptogo_public_key_from_raw(&p2, CRYPTOGO_KEY_X25519, raw, r));
    OK(cryptogo_public_key_free(p2));
    OK(cryptogo_public_key_free(p));
    OK(cryptogo_private_key_free(k));
}

static const long bound_default_mb = 16;
static size_t fixed_handles; /* handles kept across a kind (the curve peers) */

static int run_kind(const char *name, void (*cycle)(void), long cycles, long bound)
{
    long i, warm = cycles / 10, rss0, rss1, peak = 0;
    double t0 = now_seconds();
    size_t live;
    int bad;
    for (i = 0; i < warm; i++)
        cycle();
    rss0 = rss_bytes();
    for (; i < cycles; i++) {
        cycle();
        if ((i & 0xffff) == 0) {
            long r = rss_bytes();
            if (r > peak)
                peak = r;
        }
    }
    rss1 = rss_bytes();
    if (rss1 > peak)
        peak = rss1;
    live = live_handles() - fixed_handles;
    bad = live != 0 || peak - rss0 > bound || failures;
    printf("%-18s %8ld cycles %6.1f s  live handles %zu  RSS after warm-up %6.1f MiB, end %6.1f MiB, peak %6.1f MiB"
           " (growth %+.1f MiB, bound %ld MiB)  %s\n",
           name, cycles, now_seconds() - t0, live, rss0 / 1048576.0, rss1 / 1048576.0, peak / 1048576.0,
           (peak - rss0) / 1048576.0, bound / 1048576, bad ? "FAIL" : "ok");
    fflush(stdout);
    return bad;
}

int main(int argc, char **argv)
{
    long cycles = 1000000, bound;
    const char *pem_path = "core/testdata/keys/rsa1024e3.pkcs8.pem";
    int status, bad = 0;
    cryptogo_private_key *k;
    cryptogo_public_key *p;

    if ((status = run_as_child(argc, argv)) >= 0)
        return status;
    if (argc >= 2 && strcmp(argv[1], "--child") != 0)
        cycles = atol(argv[1]);
    if (argc >= 3 && strcmp(argv[2], "--child") != 0)
        pem_path = argv[2];
    bound = (getenv("RSS_BOUND_MB") ? atol(getenv("RSS_BOUND_MB")) : bound_default_mb) * 1048576;
    if (!(pem = read_file(pem_path, &pem_len))) {
        fprintf(stderr, "leaks: cannot read %s\n", pem_path);
        return 1;
    }
    if (cryptogo_private_key_load(&k, (const uint8_t *)pem, pem_len, NULL, 0, CRYPTOGO_ENCODING_PEM) ||
        cryptogo_private_key_public_key(&p, k) ||
        cryptogo_public_key_dump(pub_der, sizeof pub_der, &pub_der_len, CRYPTOGO_ENCODING_DER,
                                     CRYPTOGO_PUBLIC_FORMAT_SUBJECT_PUBLIC_KEY_INFO, p) ||
        cryptogo_rsa_sign_pkcs1v15(sig, sizeof sig, &sig_len, msg, sizeof msg, CRYPTOGO_HASH_SHA256, 0, k) ||
        cryptogo_public_key_free(p) || cryptogo_private_key_free(k)) {
        fprintf(stderr, "leaks: RSA fixture setup failed\n");
        return 1;
    }
    printf("leaks: %ld cycles per kind (RSA: %ld, EC: %ld, Ed25519/X25519: %ld), RSS bound %ld MiB, start RSS %.1f MiB\n", cycles, cycles / 100, cycles / 50, cycles / 20,
           bound / 1048576, rss_bytes() / 1048576.0);
    bad |= run_kind("fernet", cycle_fernet, cycles, bound);
    bad |= run_kind("multifernet", cycle_multifernet, cycles, bound);
    bad |= run_kind("hash", cycle_hash, cycles, bound);
    bad |= run_kind("hmac", cycle_hmac, cycles, bound);
    bad |= run_kind("aesgcm", cycle_aesgcm, cycles, bound);
    bad |= run_kind("chacha20poly1305", cycle_chacha, cycles, bound);
    bad |= run_kind("private_key (RSA)", cycle_private_key, cycles / 100, bound);
    bad |= run_kind("public_key (RSA)", cycle_public_key, cycles / 100, bound);
    {
        cryptogo_private_key *a = NULL, *b = NULL;
        if (cryptogo_ec_generate(&a, CRYPTOGO_EC_SECP256R1) || cryptogo_private_key_public_key(&ec_peer, a) ||
            cryptogo_private_key_generate(&b, CRYPTOGO_KEY_X25519) || cryptogo_private_key_public_key(&x25519_peer, b) ||
            cryptogo_private_key_free(a) || cryptogo_private_key_free(b)) {
            fprintf(stderr, "leaks: curve fixture setup failed\n");
            return 1;
        }
        /* the two fixed peers stay live: count them out of the live-handle check */
        fixed_handles = 2;
    }
    bad |= run_kind("ec (P-256)", cycle_ec, cycles / 50, bound);
    bad |= run_kind("ed25519", cycle_ed25519, cycles / 20, bound);
    bad |= run_kind("x25519", cycle_x25519, cycles / 20, bound);
    cryptogo_public_key_free(ec_peer);
    cryptogo_public_key_free(x25519_peer);
    printf("crashes: 0\nleaks: %s\n", bad ? "FAILED" : "passed");
    return bad ? 1 : 0;
}
