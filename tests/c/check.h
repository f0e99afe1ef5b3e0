/*
 * check.h - tiny assertion helpers for libcrypto-go's C tests.
 *
 * A failed check prints file:line, the expression and (for status codes) both
 * codes with cryptogo_strerror(), counts the failure and carries on, so one run
 * shows every failure. A test's main() ends with `return check_done();`.
 *
 *   CHECK(cond)                 any condition
 *   CHECK_RC(call, code)        call returns exactly `code`
 *   CHECK_OK(call)              call returns CRYPTOGO_OK
 *   CHECK_MEM(got, want, n)     n bytes equal (hex dump on failure)
 *   CHECK_HEX(got, n, "a1b2")   n bytes equal the hex string
 *   LIVE_BEGIN() / CHECK_LIVE(start)   no handle leaked (cryptogo_debug_live_handles)
 *   check_skip("why")           exit 77 (CTest SKIP_RETURN_CODE), loudly
 *   check_unhex(buf, cap, "a1b2")   decode hex into buf
 *   check_vector_dir(...)       find $FERNET_SPEC_DIR / $CRYPTOGO_SHARED/fernet-spec / ...
 *   BUF("text")                 (const uint8_t *)"text", strlen("text")
 *
 * Single-header: include it from exactly one translation unit per test. The
 * failure counter is updated atomically, so checks may run in several threads.
 */
#ifndef CRYPTOGO_TEST_CHECK_H
#define CRYPTOGO_TEST_CHECK_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cryptogo_bindings.h> /* <cryptogo.h> + cryptogo_debug_live_handles, cryptogo_invoke */

#define CHECK_SKIP_CODE 77

static int check_failures_;
static int check_count_;

static inline void check_fail_(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    __sync_fetch_and_add(&check_failures_, 1);
    fprintf(stderr, "%s:%d: FAIL: ", file, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

static inline const char *check_name_(int rc)
{
    switch (rc) {
    case CRYPTOGO_OK: return "CRYPTOGO_OK";
    case CRYPTOGO_ERR_INTERNAL: return "CRYPTOGO_ERR_INTERNAL";
    case CRYPTOGO_ERR_INVALID_ARGUMENT: return "CRYPTOGO_ERR_INVALID_ARGUMENT";
    case CRYPTOGO_ERR_TYPE: return "CRYPTOGO_ERR_TYPE";
    case CRYPTOGO_ERR_BUFFER_TOO_SMALL: return "CRYPTOGO_ERR_BUFFER_TOO_SMALL";
    case CRYPTOGO_ERR_INVALID_HANDLE: return "CRYPTOGO_ERR_INVALID_HANDLE";
    case CRYPTOGO_ERR_INVALID_TOKEN: return "CRYPTOGO_ERR_INVALID_TOKEN";
    case CRYPTOGO_ERR_INVALID_TAG: return "CRYPTOGO_ERR_INVALID_TAG";
    case CRYPTOGO_ERR_INVALID_SIGNATURE: return "CRYPTOGO_ERR_INVALID_SIGNATURE";
    case CRYPTOGO_ERR_INVALID_KEY: return "CRYPTOGO_ERR_INVALID_KEY";
    case CRYPTOGO_ERR_ALREADY_FINALIZED: return "CRYPTOGO_ERR_ALREADY_FINALIZED";
    case CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM: return "CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM";
    case CRYPTOGO_ERR_DECRYPTION_FAILED: return "CRYPTOGO_ERR_DECRYPTION_FAILED";
    case CRYPTOGO_ERR_OVERFLOW: return "CRYPTOGO_ERR_OVERFLOW";
    case CRYPTOGO_ERR_PASSWORD_REQUIRED: return "CRYPTOGO_ERR_PASSWORD_REQUIRED";
    case CRYPTOGO_ERR_PASSWORD_UNEXPECTED: return "CRYPTOGO_ERR_PASSWORD_UNEXPECTED";
    case CRYPTOGO_ERR_BAD_KEY_DATA: return "CRYPTOGO_ERR_BAD_KEY_DATA";
    default: return "?";
    }
}

static inline int check_rc_(const char *file, int line, const char *expr, int got, int want)
{
    __sync_fetch_and_add(&check_count_, 1);
    if (got != want) {
        check_fail_(file, line, "%s\n    returned %d %s (\"%s\")\n    expected %d %s (\"%s\")",
                    expr, got, check_name_(got), cryptogo_strerror(got),
                    want, check_name_(want), cryptogo_strerror(want));
        return 0;
    }
    return 1;
}

static inline void check_hexdump_(const char *label, const unsigned char *p, size_t n)
{
    size_t i;
    fprintf(stderr, "    %s (%zu bytes): ", label, n);
    for (i = 0; i < n && i < 96; i++)
        fprintf(stderr, "%02x", p[i]);
    if (n > 96)
        fputs("...", stderr);
    fputc('\n', stderr);
}

static inline int check_mem_(const char *file, int line, const char *expr,
                      const void *got, const void *want, size_t n)
{
    __sync_fetch_and_add(&check_count_, 1);
    if (memcmp(got, want, n) != 0) {
        check_fail_(file, line, "%s: bytes differ", expr);
        check_hexdump_("got ", (const unsigned char *)got, n);
        check_hexdump_("want", (const unsigned char *)want, n);
        return 0;
    }
    return 1;
}

/* check_unhex decodes a hex string (whitespace ignored) into out (cap bytes)
 * and returns the number of bytes, or aborts the test on malformed input. */
static inline size_t check_unhex(unsigned char *out, size_t cap, const char *hex)
{
    size_t n = 0;
    int hi = -1;
    for (; *hex; hex++) {
        int v;
        char c = *hex;
        if (c == ' ' || c == '\n' || c == '\t' || c == ':')
            continue;
        if (c >= '0' && c <= '9') v = c - '0';
        else if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
        else { fprintf(stderr, "check_unhex: bad hex digit '%c'\n", c); abort(); }
        if (hi < 0) { hi = v; continue; }
        if (n >= cap) { fprintf(stderr, "check_unhex: buffer too small\n"); abort(); }
        out[n++] = (unsigned char)(hi << 4 | v);
        hi = -1;
    }
    if (hi >= 0) { fprintf(stderr, "check_unhex: odd number of hex digits\n"); abort(); }
    return n;
}

static inline int check_hex_(const char *file, int line, const char *expr,
                      const void *got, size_t got_len, const char *hex)
{
    unsigned char want[8192];
    size_t n = check_unhex(want, sizeof want, hex);
    if (got_len != n) {
        __sync_fetch_and_add(&check_count_, 1);
        check_fail_(file, line, "%s: length %zu, expected %zu", expr, got_len, n);
        check_hexdump_("got ", (const unsigned char *)got, got_len);
        check_hexdump_("want", want, n);
        return 0;
    }
    return check_mem_(file, line, expr, got, want, n);
}

#define CHECK(cond)                                                                 \
    do {                                                                            \
        __sync_fetch_and_add(&check_count_, 1);                                     \
        if (!(cond))                                                                \
            check_fail_(__FILE__, __LINE__, "%s", #cond);                           \
    } while (0)
#define CHECK_RC(call, code) check_rc_(__FILE__, __LINE__, #call, (call), (code))
#define CHECK_OK(call) CHECK_RC(call, CRYPTOGO_OK)
#define CHECK_MEM(got, want, n) check_mem_(__FILE__, __LINE__, #got " == " #want, (got), (want), (n))
#define CHECK_HEX(got, n, hex) check_hex_(__FILE__, __LINE__, #got, (got), (n), (hex))

/* BUF("text") expands to the two arguments (const uint8_t *)"text", strlen("text"). */
#define BUF(s) (const uint8_t *)(s), strlen(s)
#define U8(s) ((const uint8_t *)(s))

/* Handle-leak checks: every test brackets its work with these. */
static inline size_t check_live_(void)
{
    size_t n = 0;
    if (cryptogo_debug_live_handles(&n) != CRYPTOGO_OK) {
        fprintf(stderr, "cryptogo_debug_live_handles failed\n");
        abort();
    }
    return n;
}
#define LIVE_BEGIN() check_live_()
#define CHECK_LIVE(start)                                                           \
    do {                                                                            \
        size_t live_now_ = check_live_();                                           \
        __sync_fetch_and_add(&check_count_, 1);                                     \
        if (live_now_ != (start))                                                   \
            check_fail_(__FILE__, __LINE__, "live handles: %zu, expected %zu (leak)", \
                        live_now_, (size_t)(start));                                \
    } while (0)

/* check_skip ends the test as skipped (CTest SKIP_RETURN_CODE 77). */
static inline void check_skip(const char *why)
{
    fprintf(stderr, "SKIP: %s\n", why);
    exit(CHECK_SKIP_CODE);
}

/* check_vector_dir locates a test-vector directory the way every layer does
 * (tests/vectors/vectors.go): $<env_name> if set, else $CRYPTOGO_SHARED/<subdir>
 * if CRYPTOGO_SHARED is set, else <repo>/../shared/<subdir> (CRYPTOGO_SOURCE_DIR
 * is set by CMake). The directory counts when <probe> is readable in it.
 * Always fills dir with the place looked at; returns 1 when found. */
static inline int check_vector_dir(const char *env_name, const char *subdir, const char *probe,
                                   char *dir, size_t cap)
{
    const char *env = getenv(env_name), *shared = getenv("CRYPTOGO_SHARED");
    char path[1300];
    FILE *f;
    if (env && *env)
        snprintf(dir, cap, "%s", env);
    else if (shared && *shared)
        snprintf(dir, cap, "%s/%s", shared, subdir);
    else
#ifdef CRYPTOGO_SOURCE_DIR
        snprintf(dir, cap, "%s/../shared/%s", CRYPTOGO_SOURCE_DIR, subdir);
#else
        snprintf(dir, cap, "../shared/%s", subdir);
#endif
    snprintf(path, sizeof path, "%s/%s", dir, probe);
    if ((f = fopen(path, "rb")) == NULL)
        return 0;
    fclose(f);
    return 1;
}

/* check_vectors_required: CRYPTOGO_REQUIRE_VECTORS=1 turns a skip into a failure. */
static inline int check_vectors_required(void)
{
    const char *r = getenv("CRYPTOGO_REQUIRE_VECTORS");
    return r && strcmp(r, "1") == 0;
}

/* check_section prints a progress line for a group of checks. */
static inline void check_section(const char *name)
{
    printf("-- %s\n", name);
    fflush(stdout);
}

/* check_done prints a summary and returns main's exit status. */
static inline int check_done(void)
{
    if (check_failures_) {
        fprintf(stderr, "%d of %d checks FAILED\n", check_failures_, check_count_);
        return 1;
    }
    printf("all %d checks passed\n", check_count_);
    return 0;
}

#endif /* CRYPTOGO_TEST_CHECK_H */
