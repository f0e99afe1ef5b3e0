/* security_misc test: regression tests for issue 12's findings at the C ABI
 * (5: a rejected overlap never touches the caller's input; 8: PBKDF2 verify
 * refuses an empty expected key; 10: a freed handle never resolves again;
 * 11: cryptogo_invoke checks its argument count and slots). */
#define _DEFAULT_SOURCE 1 /* MAP_ANONYMOUS */
#include "check.h"

#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

static const uint8_t fernet_key[] = "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=";

/* ---- finding 5 ---------------------------------------------------------- */

static void test_overlap_keeps_inputs(void)
{
    uint8_t key[32] = {1}, nonce[12] = {2}, region[256], saved[256], tok[256];
    cryptogo_aesgcm *g = NULL;
    cryptogo_chacha20poly1305 *c = NULL;
    cryptogo_fernet *f = NULL;
    size_t n = 0, i, tn = 0;

    CHECK_OK(cryptogo_aesgcm_new(&g, key, 32));
    CHECK_OK(cryptogo_chacha20poly1305_new(&c, key, 32));
    for (i = 0; i < sizeof region; i++)
        region[i] = (uint8_t)(i * 7 + 1);
    memcpy(saved, region, sizeof region);

    /* out overlaps the associated data: refused, and the AAD is untouched. */
    CHECK_RC(cryptogo_aesgcm_encrypt(region + 8, 64, &n, U8("plaintext"), 9, region, 32, nonce, 12, g),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_MEM(region, saved, sizeof region);
    CHECK_RC(cryptogo_aesgcm_decrypt(region + 8, 64, &n, region + 100, 40, region, 32, nonce, 12, g),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_MEM(region, saved, sizeof region);
    /* out overlaps the nonce, with a bad nonce size too. */
    CHECK_RC(cryptogo_aesgcm_encrypt(region, 64, &n, U8("plaintext"), 9, NULL, 0, region + 4, 3, g),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_MEM(region, saved, sizeof region);
    CHECK_RC(cryptogo_chacha20poly1305_encrypt(region + 8, 64, &n, U8("plaintext"), 9, region, 32, nonce, 12, c),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_MEM(region, saved, sizeof region);
    CHECK_RC(cryptogo_chacha20poly1305_decrypt(region + 8, 64, &n, region + 100, 40, region, 32, nonce, 12, c),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_MEM(region, saved, sizeof region);
    /* inexact overlap of out with the ciphertext */
    CHECK_RC(cryptogo_aesgcm_decrypt(region + 1, 64, &n, region, 40, NULL, 0, nonce, 12, g),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_MEM(region, saved, sizeof region);

    /* Fernet: decrypting into the token's own memory is refused before the
     * token is read or written, whether the token is valid or tampered. */
    CHECK_OK(cryptogo_fernet_new(&f, fernet_key, sizeof fernet_key - 1));
    CHECK_OK(cryptogo_fernet_encrypt(tok, sizeof tok, &tn, U8("a message of some length"), 24, f));
    memcpy(saved, tok, tn);
    CHECK_RC(cryptogo_fernet_decrypt(tok, sizeof tok, &n, tok, tn, 0, 0, f), CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_MEM(tok, saved, tn);
    tok[tn - 5] ^= 1; /* tampered: fails authentication */
    saved[tn - 5] ^= 1;
    CHECK_RC(cryptogo_fernet_decrypt(tok + 10, sizeof tok - 10, &n, tok, tn, 0, 0, f),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_MEM(tok, saved, tn);
    CHECK_RC(cryptogo_fernet_decrypt_at_time(tok + 10, sizeof tok - 10, &n, tok, tn, 100, 0, f),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_MEM(tok, saved, tn);

    CHECK_OK(cryptogo_fernet_free(f));
    CHECK_OK(cryptogo_chacha20poly1305_free(c));
    CHECK_OK(cryptogo_aesgcm_free(g));
}

/* ---- finding 8 ---------------------------------------------------------- */

static void test_pbkdf2_verify_empty_expected(void)
{
    uint8_t dk[32];
    CHECK_RC(cryptogo_pbkdf2_hmac_verify(NULL, 0, BUF("any password"), BUF("salt"), 1, CRYPTOGO_HASH_SHA256),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_RC(cryptogo_pbkdf2_hmac_verify(dk, 0, BUF("any password"), BUF("salt"), 1, CRYPTOGO_HASH_SHA256),
             CRYPTOGO_ERR_INVALID_ARGUMENT);
    CHECK_OK(cryptogo_pbkdf2_hmac_derive(dk, sizeof dk, BUF("pw"), BUF("salt"), 2, CRYPTOGO_HASH_SHA256));
    CHECK_OK(cryptogo_pbkdf2_hmac_verify(dk, sizeof dk, BUF("pw"), BUF("salt"), 2, CRYPTOGO_HASH_SHA256));
    CHECK_RC(cryptogo_pbkdf2_hmac_verify(dk, sizeof dk, BUF("px"), BUF("salt"), 2, CRYPTOGO_HASH_SHA256),
             CRYPTOGO_ERR_INVALID_KEY);
    CHECK_RC(cryptogo_pbkdf2_hmac_verify(dk, 1, BUF("px"), BUF("salt"), 2, CRYPTOGO_HASH_SHA256),
             CRYPTOGO_ERR_INVALID_KEY);
}

/* ---- finding 10 --------------------------------------------------------- */

static void test_stale_handle(void)
{
    cryptogo_hash *stale = NULL, *h = NULL;
    cryptogo_hmac *m = NULL;
    int i, resolved = 0;

    CHECK_OK(cryptogo_hash_new(&stale, CRYPTOGO_HASH_SHA256, 0));
    CHECK_OK(cryptogo_hash_free(stale));
    for (i = 0; i < 20000 && !resolved; i++) {
        CHECK_OK(cryptogo_hash_new(&h, CRYPTOGO_HASH_SHA256, 0));
        if (cryptogo_hash_update(stale, U8("x"), 1) != CRYPTOGO_ERR_INVALID_HANDLE) {
            fprintf(stderr, "freed handle %p resolves again after %d create/free cycles\n", (void *)stale, i);
            resolved = 1;
        }
        CHECK_OK(cryptogo_hash_free(h));
    }
    CHECK(!resolved);
    CHECK_RC(cryptogo_hash_update(stale, U8("x"), 1), CRYPTOGO_ERR_INVALID_HANDLE);
    CHECK_RC(cryptogo_hash_free(stale), CRYPTOGO_ERR_INVALID_HANDLE);
    /* another kind churned in between does not revive it either */
    for (i = 0; i < 5000; i++) {
        CHECK_OK(cryptogo_hmac_new(&m, BUF("k"), CRYPTOGO_HASH_SHA256));
        CHECK_OK(cryptogo_hmac_free(m));
    }
    CHECK_RC(cryptogo_hash_update(stale, U8("x"), 1), CRYPTOGO_ERR_INVALID_HANDLE);
}

/* ---- finding 11 --------------------------------------------------------- */

/* Every fn_id (1..max and beyond), every nargs 0..16: an array of NULLs is
 * an error, never OK and never a crash; a short array that ends at an
 * inaccessible page, with the nargs it really has, is never read past. */
static void test_invoke_counts(void)
{
    static void *zeros[32];
    long page = sysconf(_SC_PAGESIZE);
    uint8_t *m = mmap(NULL, (size_t)page * 2, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    void **end;
    int id, ok_calls = 0;
    size_t n, k;

    CHECK(m != MAP_FAILED);
    if (m == MAP_FAILED)
        return;
    CHECK(mprotect(m + page, (size_t)page, PROT_NONE) == 0);
    end = (void **)(void *)(m + page);
    memset(m, 0, (size_t)page);
    for (id = 1; id <= 256; id++) {
        for (n = 0; n <= 16; n++) {
            int rc = cryptogo_invoke(id, zeros, n);
            if (rc == CRYPTOGO_OK) {
                fprintf(stderr, "cryptogo_invoke(%d, %zu NULL slots) returned OK\n", id, n);
                ok_calls++;
            }
            CHECK(rc != CRYPTOGO_ERR_INTERNAL);
            /* the same NULLs, k slots ending at the guard page, nargs = k */
            for (k = 0; k <= 2; k++) {
                rc = cryptogo_invoke(id, end - k, k);
                CHECK(rc != CRYPTOGO_OK && rc != CRYPTOGO_ERR_INTERNAL);
            }
        }
        CHECK_RC(cryptogo_invoke(id, zeros, SIZE_MAX), CRYPTOGO_ERR_INVALID_ARGUMENT);
        CHECK_RC(cryptogo_invoke(id, NULL, 3), CRYPTOGO_ERR_INVALID_ARGUMENT);
    }
    CHECK(ok_calls == 0);
    munmap(m, (size_t)page * 2);
}

int main(void)
{
    size_t live = LIVE_BEGIN();
    test_overlap_keeps_inputs();
    test_pbkdf2_verify_empty_expected();
    test_stale_handle();
    test_invoke_counts();
    CHECK_LIVE(live);
    return check_done();
}
