/*
 * bad_input.h - shared machinery for the bad-input tests (test_bad_input_*.c).
 *
 * Every export is called with NULL pointers, huge lengths, short output
 * buffers and bad handles - NULL, freed, double-freed, of the wrong kind, and
 * pointers that were never handles (a stack and a heap address) - and must
 * return its documented code without crashing. The bad_input_coverage test
 * checks that these files name every export of include/cryptogo_abi.json.
 */
#ifndef CRYPTOGO_TEST_BAD_INPUT_H
#define CRYPTOGO_TEST_BAD_INPUT_H

#include "check.h"

#include <stdint.h>

#define HUGE_LEN ((size_t)SIZE_MAX)
#define LEN_2_31 ((size_t)1 << 31)

/* Bad handles of a type: [0] freed, [1] wrong kind, [2] stack address,
 * [3] heap address. Fill slot 0 with bad_set_freed(). */
static void *bad_handles[4];
static const char *bad_handle_names[4] = {"freed handle", "wrong-kind handle", "stack address", "heap address"};
static int bad_stack_word;
static int bad_i;

/* bad_setup creates the wrong-kind handle (a hash or, for hash tests, an
 * HMAC) and the heap address. Call bad_teardown() before the leak check. */
static void bad_setup(int for_hash)
{
    if (for_hash) {
        cryptogo_hmac *m = NULL;
        CHECK_OK(cryptogo_hmac_new(&m, (const uint8_t *)"k", 1, CRYPTOGO_HASH_SHA256));
        bad_handles[1] = m;
    } else {
        cryptogo_hash *h = NULL;
        CHECK_OK(cryptogo_hash_new(&h, CRYPTOGO_HASH_SHA256, 0));
        bad_handles[1] = h;
    }
    bad_handles[2] = &bad_stack_word;
    bad_handles[3] = malloc(64);
    memset(bad_handles[3], 0x5A, 64);
}

static void bad_teardown(int for_hash)
{
    if (for_hash)
        CHECK_OK(cryptogo_hmac_free((cryptogo_hmac *)bad_handles[1]));
    else
        CHECK_OK(cryptogo_hash_free((cryptogo_hash *)bad_handles[1]));
    free(bad_handles[3]);
}

static void bad_set_freed(void *freed) { bad_handles[0] = freed; }

/* FOR_BAD_HANDLES(T, h) { ... } runs the body with h = each bad handle. */
#define FOR_BAD_HANDLES(T, h) for (bad_i = 0; bad_i < 4 && ((h = (T *)bad_handles[bad_i]), 1); bad_i++)

/* CHECK_BAD_HANDLE(call): call must return CRYPTOGO_ERR_INVALID_HANDLE
 * (prints which bad handle on failure). */
#define CHECK_BAD_HANDLE(call)                                                                    \
    do {                                                                                          \
        if (!CHECK_RC(call, CRYPTOGO_ERR_INVALID_HANDLE))                                         \
            fprintf(stderr, "    (with a %s)\n", bad_handle_names[bad_i]);                        \
    } while (0)

/* SHORT_BUFFER(expr): expr must use SB_OUT, sb_cap and &sb_len as its output
 * arguments. Runs it once with a large buffer to learn the size n, then with
 * capacity n-1 and with (NULL, 0): each must return BUFFER_TOO_SMALL, set
 * sb_len >= n and write nothing past the capacity; then with the reported
 * size it must succeed. Not for calls that consume state (hash finalize). */
#define SB_OUT (sb_cap ? sb_buf : NULL)
#define SHORT_BUFFER(expr)                                                                        \
    do {                                                                                          \
        static uint8_t sb_buf[16384];                                                             \
        size_t sb_cap = 8192, sb_len = 0, sb_need, sb_k;                                          \
        if (!CHECK_OK(expr))                                                                      \
            break;                                                                                \
        sb_need = sb_len;                                                                         \
        if (sb_need == 0)                                                                         \
            break;                                                                                \
        memset(sb_buf, 0xA5, sizeof sb_buf);                                                      \
        sb_cap = sb_need - 1;                                                                     \
        sb_len = 0;                                                                               \
        CHECK_RC(expr, CRYPTOGO_ERR_BUFFER_TOO_SMALL);                                            \
        CHECK(sb_len >= sb_need);                                                                 \
        for (sb_k = sb_cap; sb_k < sizeof sb_buf; sb_k++)                                         \
            if (sb_buf[sb_k] != 0xA5)                                                             \
                break;                                                                            \
        CHECK(sb_k == sizeof sb_buf); /* nothing written past out_cap */                          \
        sb_cap = 0;                                                                               \
        sb_len = 0;                                                                               \
        CHECK_RC(expr, CRYPTOGO_ERR_BUFFER_TOO_SMALL); /* (NULL, 0): size query */                \
        CHECK(sb_len >= sb_need);                                                                 \
        sb_cap = sb_len;                                                                          \
        CHECK_OK(expr);                                                                           \
    } while (0)

static uint8_t bi_buf[8192];
static size_t bi_len;
static const uint8_t bi_data[64] = "some input bytes, whatever they are, sixty-four bytes in all..";

#endif /* CRYPTOGO_TEST_BAD_INPUT_H */
