/* threads test: 8 threads share one RSA private key (and its public key), one
 * AES-GCM key, one ChaCha20-Poly1305 key and one Fernet handle, and run
 * thousands of operations; every result is verified (AEAD and Fernet round
 * trips, RSA PKCS1v15 signatures equal the known answer, OAEP round trips,
 * SHA-256 known answer). */
#include "check.h"
#include "rsa_vectors.h"

#include <pthread.h>
#include <time.h>

#define THREADS 8
#define ITERATIONS 400
#define RSA_EVERY 20

static cryptogo_private_key *rsa_key;
static cryptogo_public_key *rsa_pub;
static cryptogo_aesgcm *gcm;
static cryptogo_chacha20poly1305 *chacha;
static cryptogo_fernet *fernet;
static uint8_t known_sig[256];
static size_t known_sig_len;
static long ops_done[THREADS];

static void *worker(void *arg)
{
    int id = (int)(size_t)arg, i;
    uint8_t pt[200], ct[400], out[400], nonce[12], tok[512], sig[256];
    size_t ct_len, out_len, tok_len, sig_len, pt_len;
    long ops = 0;

    for (i = 0; i < ITERATIONS; i++) {
        pt_len = (size_t)(i % 150) + 1;
        memset(pt, (int)(id * 31 + i), pt_len);
        memset(nonce, 0, sizeof nonce);
        nonce[0] = (uint8_t)id;
        nonce[4] = (uint8_t)(i >> 8);
        nonce[5] = (uint8_t)i;

        /* AES-GCM */
        if (CHECK_OK(cryptogo_aesgcm_encrypt(ct, sizeof ct, &ct_len, pt, pt_len, nonce, 4, nonce, 12, gcm)) &&
            CHECK_OK(cryptogo_aesgcm_decrypt(out, sizeof out, &out_len, ct, ct_len, nonce, 4, nonce, 12, gcm)))
            CHECK(out_len == pt_len && memcmp(out, pt, pt_len) == 0);
        /* ChaCha20-Poly1305 */
        if (CHECK_OK(cryptogo_chacha20poly1305_encrypt(ct, sizeof ct, &ct_len, pt, pt_len, NULL, 0, nonce, 12,
                                                       chacha)) &&
            CHECK_OK(cryptogo_chacha20poly1305_decrypt(out, sizeof out, &out_len, ct, ct_len, NULL, 0, nonce, 12,
                                                       chacha)))
            CHECK(out_len == pt_len && memcmp(out, pt, pt_len) == 0);
        /* Fernet */
        if (CHECK_OK(cryptogo_fernet_encrypt(tok, sizeof tok, &tok_len, pt, pt_len, fernet)) &&
            CHECK_OK(cryptogo_fernet_decrypt(out, sizeof out, &out_len, tok, tok_len, 1, 60, fernet)))
            CHECK(out_len == pt_len && memcmp(out, pt, pt_len) == 0);
        /* SHA-256 */
        if (CHECK_OK(cryptogo_hash_digest(out, sizeof out, &out_len, BUF("abc"), CRYPTOGO_HASH_SHA256, 0)))
            CHECK_HEX(out, out_len, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        ops += 7;
        /* RSA: deterministic signature, verify, OAEP round trip */
        if (i % RSA_EVERY == id % RSA_EVERY) {
            if (CHECK_OK(cryptogo_rsa_sign_pkcs1v15(sig, sizeof sig, &sig_len, BUF(RSA_MSG), CRYPTOGO_HASH_SHA256, 0,
                                                    rsa_key)))
                CHECK(sig_len == known_sig_len && memcmp(sig, known_sig, sig_len) == 0);
            CHECK_OK(cryptogo_rsa_verify_pkcs1v15(known_sig, known_sig_len, BUF(RSA_MSG), CRYPTOGO_HASH_SHA256, 0,
                                                  rsa_pub));
            if (CHECK_OK(cryptogo_rsa_encrypt_oaep(ct, sizeof ct, &ct_len, pt, 32, NULL, 0, CRYPTOGO_HASH_SHA256,
                                                   CRYPTOGO_HASH_SHA256, rsa_pub)) &&
                CHECK_OK(cryptogo_rsa_decrypt_oaep(out, sizeof out, &out_len, ct, ct_len, NULL, 0,
                                                   CRYPTOGO_HASH_SHA256, CRYPTOGO_HASH_SHA256, rsa_key)))
                CHECK(out_len == 32 && memcmp(out, pt, 32) == 0);
            ops += 4;
        }
    }
    ops_done[id] = ops;
    return NULL;
}

int main(void)
{
    size_t live = LIVE_BEGIN(), key_len = 0;
    uint8_t key[64];
    pthread_t th[THREADS];
    struct timespec t0, t1;
    long total = 0;
    int i;

    CHECK_OK(cryptogo_private_key_load(&rsa_key, BUF(KEY_PKCS8_PEM), NULL, 0, CRYPTOGO_ENCODING_PEM));
    CHECK_OK(cryptogo_private_key_public_key(&rsa_pub, rsa_key));
    memset(key, 7, sizeof key);
    CHECK_OK(cryptogo_aesgcm_new(&gcm, key, 32));
    CHECK_OK(cryptogo_chacha20poly1305_new(&chacha, key, 32));
    CHECK_OK(cryptogo_fernet_generate_key(key, sizeof key, &key_len));
    CHECK_OK(cryptogo_fernet_new(&fernet, key, key_len));
    known_sig_len = check_unhex(known_sig, sizeof known_sig, SIG_PKCS1V15_SHA256);
    if (check_failures_)
        return check_done();

    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (i = 0; i < THREADS; i++)
        if (pthread_create(&th[i], NULL, worker, (void *)(size_t)i) != 0) {
            fprintf(stderr, "pthread_create failed\n");
            return 1;
        }
    for (i = 0; i < THREADS; i++)
        pthread_join(th[i], NULL);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    for (i = 0; i < THREADS; i++)
        total += ops_done[i];
    printf("%d threads, %ld operations on shared handles in %.2f s\n", THREADS, total,
           (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
    CHECK(total >= 8 * ITERATIONS * 7);

    CHECK_OK(cryptogo_fernet_free(fernet));
    CHECK_OK(cryptogo_chacha20poly1305_free(chacha));
    CHECK_OK(cryptogo_aesgcm_free(gcm));
    CHECK_OK(cryptogo_public_key_free(rsa_pub));
    CHECK_OK(cryptogo_private_key_free(rsa_key));
    CHECK_LIVE(live);
    return check_done();
}
