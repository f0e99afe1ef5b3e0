/* Every export starts with VZEROUPPER (capi/internal/avx): a caller that left
 * the upper halves of the AVX registers dirty (OpenSSL's AVX-512 code does)
 * would otherwise make Go's legacy-SSE code (SHA-NI, AES-NI GCM) pay a state
 * transition on every instruction; PBKDF2 measured 45x slower.
 *
 * This checks the behaviour itself, not a timing: XGETBV(1) returns XINUSE,
 * whose bit 2 says whether the upper YMM state is in use. Dirty it, call into
 * the library, and the state must come back clean. Skips (77) on CPUs without
 * AVX or XGETBV(1). */
#include <cryptogo_bindings.h> /* <cryptogo.h> + cryptogo_debug_live_handles, cryptogo_invoke */
#include <stdio.h>

#if defined(__x86_64__)
#include <cpuid.h>

static int supported(void)
{
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & (1u << 27)) || !(c & (1u << 28)))
        return 0; /* no OSXSAVE or no AVX */
    if (!__get_cpuid_count(0xD, 1, &a, &b, &c, &d) || !(a & (1u << 2)))
        return 0; /* no XGETBV with ECX = 1 */
    return 1;
}

static unsigned long long xinuse(void)
{
    unsigned lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(1));
    return ((unsigned long long)hi << 32) | lo;
}

static void dirty_upper(void)
{
    __asm__ volatile("vpcmpeqd %%ymm0, %%ymm0, %%ymm0" ::: "xmm0");
}

int main(void)
{
    size_t live = 0;
    int i, rc;
    if (!supported()) {
        printf("SKIP: no AVX or no XGETBV(1) on this CPU\n");
        return 77;
    }
    for (i = 0; i < 100; i++) {
        dirty_upper();
        if (!(xinuse() & 4)) {
            printf("SKIP: could not observe a dirty upper AVX state\n");
            return 77;
        }
        dirty_upper();
        rc = cryptogo_debug_live_handles(&live);
        if (rc != CRYPTOGO_OK) {
            printf("FAIL: cryptogo_debug_live_handles: %s\n", cryptogo_strerror(rc));
            return 1;
        }
        if (xinuse() & 4) {
            printf("FAIL: the upper AVX state is still dirty after a call (no VZEROUPPER on entry)\n");
            return 1;
        }
    }
    printf("avx state: 100 calls, each entered dirty and came back clean\n");
    return 0;
}
#else
int main(void)
{
    printf("SKIP: not x86-64\n");
    return 77;
}
#endif
