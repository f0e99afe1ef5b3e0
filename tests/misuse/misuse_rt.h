/*
 * misuse_rt.h - runtime of the generated misuse matrix (build/misuse/misuse.c,
 * written by tests/misuse/gen_misuse.py from include/cryptogo_abi.json).
 *
 * A case runs one export with valid arguments except one. Each case has a
 * context that owns what the case allocated: input copies in guarded memory
 * (the bytes end right before an inaccessible page, so a read past an input
 * crashes), output buffers with 16 guard bytes on each side (checked after
 * every call), and handles (freed at the end of the case; each free must
 * return CRYPTOGO_OK, which also proves that a rejected wrong-kind free did not
 * free the handle).
 */
#ifndef CRYPTOGO_MISUSE_RT_H
#define CRYPTOGO_MISUSE_RT_H

#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <cryptogo_bindings.h> /* <cryptogo.h> + cryptogo_debug_live_handles, cryptogo_invoke */

#define GUARD 16
#define GUARD_BYTE 0xA5
#define FILL_BYTE 0x5A
#define MAX_ALLOC 64
#define BIG_OUT 8192

typedef struct { const uint8_t *p; size_t n; } blob;

typedef struct {
    const char *fn, *desc;
    /* guarded input mappings */
    void *maps[MAX_ALLOC];
    size_t map_len[MAX_ALLOC];
    int nmaps;
    /* output buffers with guard bytes */
    uint8_t *outs[MAX_ALLOC];
    size_t out_cap[MAX_ALLOC];
    int nouts;
    /* handles to free at the end: type id and pointer */
    int htype[MAX_ALLOC];
    void *hptr[MAX_ALLOC];
    int nh;
    /* scratch the arguments point to */
    size_t out_len;
    size_t scratch_size;
    int64_t scratch_i64;
    int scratch_int;
    void *hout;
    void *harr[4];
    int stack_int;
    void *never_handle;
} ctx_t;

static long n_cases, n_failures, n_calls;
static int verbose, strict_docs;
#define MAX_GAPS 256
static const char *gap_fn[MAX_GAPS];
static int gap_rc[MAX_GAPS], n_gaps;

static const char *rc_name(int rc);

static void fail(ctx_t *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fail(ctx_t *c, const char *fmt, ...)
{
    va_list ap;
    n_failures++;
    fprintf(stderr, "FAIL %s [%s]: ", c->fn, c->desc);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

/* guarded_in copies n bytes of src (or FILL_BYTE when src is NULL) to memory
 * that ends at an inaccessible page and returns the copy. */
static const uint8_t *guarded_in(ctx_t *c, const void *src, size_t n)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE), body = (n + page - 1) / page * page;
    uint8_t *m;
    if (body == 0)
        body = page;
    m = mmap(NULL, body + page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED || mprotect(m + body, page, PROT_NONE) != 0 || c->nmaps == MAX_ALLOC) {
        perror("misuse: mmap");
        exit(2);
    }
    c->maps[c->nmaps] = m;
    c->map_len[c->nmaps++] = body + page;
    if (src)
        memcpy(m + body - n, src, n);
    else
        memset(m + body - n, FILL_BYTE, n);
    return m + body - n;
}

static const uint8_t *blob_in(ctx_t *c, blob b) { return b.p ? guarded_in(c, b.p, b.n) : NULL; }

/* out_buf returns cap bytes (FILL_BYTE) between two runs of guard bytes. */
static uint8_t *out_buf(ctx_t *c, size_t cap)
{
    uint8_t *m = malloc(cap + 2 * GUARD);
    if (!m || c->nouts == MAX_ALLOC) {
        perror("misuse: malloc");
        exit(2);
    }
    memset(m, GUARD_BYTE, GUARD);
    memset(m + GUARD, FILL_BYTE, cap);
    memset(m + GUARD + cap, GUARD_BYTE, GUARD);
    c->outs[c->nouts] = m;
    c->out_cap[c->nouts++] = cap;
    return m + GUARD;
}

/* untouched reports whether an output buffer still holds only FILL_BYTE. */
static int untouched(const uint8_t *p, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (p[i] != FILL_BYTE)
            return 0;
    return 1;
}

static void check_guards(ctx_t *c)
{
    int i, j;
    for (i = 0; i < c->nouts; i++) {
        const uint8_t *m = c->outs[i];
        for (j = 0; j < GUARD; j++) {
            if (m[j] != GUARD_BYTE)
                fail(c, "wrote before an output buffer (guard byte %d)", j - GUARD);
            if (m[GUARD + c->out_cap[i] + j] != GUARD_BYTE) {
                fail(c, "wrote past the end of a %zu-byte output buffer (guard byte +%d)", c->out_cap[i], j);
                break;
            }
        }
    }
}

static void keep_handle(ctx_t *c, int type, void *p)
{
    if (c->nh == MAX_ALLOC) {
        fprintf(stderr, "misuse: too many handles\n");
        exit(2);
    }
    c->htype[c->nh] = type;
    c->hptr[c->nh++] = p;
}

static void ctx_begin(ctx_t *c, const char *fn, const char *desc)
{
    memset(c, 0, sizeof *c);
    c->fn = fn;
    c->desc = desc;
    c->out_len = (size_t)0xDEADBEEF;
    c->scratch_size = (size_t)0xDEADBEEF;
    c->scratch_i64 = -12345;
    c->scratch_int = -12345;
    c->never_handle = malloc(64);
    memset(c->never_handle, 0, 64);
    n_cases++;
    if (verbose)
        fprintf(stderr, "case %s [%s]\n", fn, desc);
}

static int free_handle(int type, const void *p); /* generated */

static void ctx_end(ctx_t *c)
{
    int i;
    check_guards(c);
    for (i = 0; i < c->nh; i++) {
        int rc = free_handle(c->htype[i], c->hptr[i]);
        if (rc != CRYPTOGO_OK)
            fail(c, "freeing a handle the case made returned %d %s", rc, rc_name(rc));
    }
    for (i = 0; i < c->nmaps; i++)
        munmap(c->maps[i], c->map_len[i]);
    for (i = 0; i < c->nouts; i++)
        free(c->outs[i]);
    free(c->never_handle);
}

/* in_set: codes end with a positive sentinel. */
static int in_set(int rc, const int *set)
{
    for (; *set <= 0; set++)
        if (*set == rc)
            return 1;
    return 0;
}

static void fmt_set(char *buf, size_t n, const int *set)
{
    size_t used = 0;
    buf[0] = 0;
    for (; *set <= 0 && used < n; set++)
        used += (size_t)snprintf(buf + used, n - used, "%s%s", used ? " " : "", rc_name(*set));
}

/* check_rc: rc must be documented (in the Returns: list of the export) and,
 * when expect is not NULL, one of expect. */
static void check_rc(ctx_t *c, int rc, const int *documented, const int *expect)
{
    char buf[512];
    n_calls++;
    if (verbose)
        fprintf(stderr, "  -> %d %s\n", rc, rc_name(rc));
    if (rc == CRYPTOGO_ERR_INTERNAL)
        fail(c, "CRYPTOGO_ERR_INTERNAL (a recovered panic)");
    else if (expect && !in_set(rc, expect)) {
        fmt_set(buf, sizeof buf, expect);
        fail(c, "returned %d %s, expected %s", rc, rc_name(rc), buf);
    } else if (!in_set(rc, documented)) {
        fmt_set(buf, sizeof buf, documented);
        if (expect && !strict_docs) {
            /* The matrix expected this code (e.g. OVERFLOW for a 2^40-byte
             * input), but the export's doc does not list it: a doc gap,
             * reported once per export and code; a failure with
             * MISUSE_STRICT_DOCS=1. */
            int i;
            for (i = 0; i < n_gaps; i++)
                if (gap_rc[i] == rc && strcmp(gap_fn[i], c->fn) == 0)
                    return;
            if (n_gaps < MAX_GAPS) {
                gap_fn[n_gaps] = c->fn;
                gap_rc[n_gaps++] = rc;
            }
            fprintf(stderr, "DOC-GAP %s [%s]: returns %s, which its Returns: list (%s) does not mention\n",
                    c->fn, c->desc, rc_name(rc), buf);
            return;
        }
        fail(c, "returned %d %s, which its doc's Returns: list does not mention (%s)", rc, rc_name(rc), buf);
    }
}

static const char *rc_name(int rc)
{
    switch (rc) {
    case CRYPTOGO_OK: return "OK";
    case CRYPTOGO_ERR_INTERNAL: return "INTERNAL";
    case CRYPTOGO_ERR_INVALID_ARGUMENT: return "INVALID_ARGUMENT";
    case CRYPTOGO_ERR_TYPE: return "TYPE";
    case CRYPTOGO_ERR_BUFFER_TOO_SMALL: return "BUFFER_TOO_SMALL";
    case CRYPTOGO_ERR_INVALID_HANDLE: return "INVALID_HANDLE";
    case CRYPTOGO_ERR_INVALID_TOKEN: return "INVALID_TOKEN";
    case CRYPTOGO_ERR_INVALID_TAG: return "INVALID_TAG";
    case CRYPTOGO_ERR_INVALID_SIGNATURE: return "INVALID_SIGNATURE";
    case CRYPTOGO_ERR_INVALID_KEY: return "INVALID_KEY";
    case CRYPTOGO_ERR_ALREADY_FINALIZED: return "ALREADY_FINALIZED";
    case CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM: return "UNSUPPORTED_ALGORITHM";
    case CRYPTOGO_ERR_DECRYPTION_FAILED: return "DECRYPTION_FAILED";
    case CRYPTOGO_ERR_OVERFLOW: return "OVERFLOW";
    case CRYPTOGO_ERR_PASSWORD_REQUIRED: return "PASSWORD_REQUIRED";
    case CRYPTOGO_ERR_PASSWORD_UNEXPECTED: return "PASSWORD_UNEXPECTED";
    case CRYPTOGO_ERR_BAD_KEY_DATA: return "BAD_KEY_DATA";
    default: return "?";
    }
}

#define MUST(call)                                                                         \
    do {                                                                                   \
        int must_rc_ = (call);                                                             \
        if (must_rc_ != CRYPTOGO_OK) {                                                     \
            fprintf(stderr, "misuse: fixture %s failed: %d %s\n", #call, must_rc_,        \
                    rc_name(must_rc_));                                                    \
            exit(2);                                                                       \
        }                                                                                  \
    } while (0)

#endif
