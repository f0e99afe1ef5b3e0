/*
 * bridge.h - hand-written runtime of the cryptogo Node-API addon.
 *
 * The addon is a thin bridge: scripts/gen-addon.js reads include/cryptogo_abi.json
 * and writes one wrapper per export (build/gen/cryptogo_addon.c), which includes
 * this file. Nothing here makes a cryptographic decision; it only converts
 * JavaScript values to C arguments and back:
 *
 *   - Buffer / TypedArray / DataView -> pointer + length, no copy (the JS side
 *     allocates output Buffers and Go writes into them in place);
 *     null/undefined -> NULL with length 0; an empty view -> a non-NULL pointer
 *     with length 0 (so "empty password" and "no password" differ);
 *   - numbers (or BigInt) -> int / int64_t / uint64_t / size_t, range checked;
 *   - handles -> napi_external values wrapping the library's opaque pointer.
 *     The library validates every handle (freed, unknown or wrong-kind pointers
 *     return CRYPTOGO_ERR_INVALID_HANDLE), so a forged external cannot crash it.
 *
 * The library is loaded with dlopen() (see cg_load_library), so the addon does
 * not need to be rebuilt when libcrypto-go.so is, and CRYPTOGO_LIBRARY can point
 * at any build. A function the loaded library does not export throws an Error
 * with code ERR_CRYPTOGO_NOT_EXPORTED when called.
 */
#ifndef CRYPTOGO_NODE_BRIDGE_H
#define CRYPTOGO_NODE_BRIDGE_H

#define _GNU_SOURCE 1
#define NAPI_VERSION 8
#include <node_api.h>

#include <dlfcn.h>
#include <math.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cryptogo_types.h"

/* Scalar outputs (size_t *, int64_t *) and the out_len of the last call are
 * written to a per-environment scratch ArrayBuffer exposed to JS as
 * `scratchF64` (doubles) and `scratchI64` (BigInt64, same slot numbers + 8). */
#define CG_SCRATCH_SLOTS 8

typedef struct {
    napi_ref scratch_ref;
    double *f64;
    int64_t *i64;
} cg_env;

static const uint8_t cg_empty_byte[1] = {0};
static void *cg_lib = NULL;
static char cg_lib_path[4096];
static char cg_lib_error[4096];

static napi_value cg_throw(napi_env env, const char *code, const char *msg, int type_error) {
    if (type_error)
        napi_throw_type_error(env, code, msg);
    else
        napi_throw_error(env, code, msg);
    return NULL;
}

static napi_value cg_range(napi_env env, const char *name, const char *what) {
    char msg[256];
    snprintf(msg, sizeof msg, "The \"%s\" argument %s", name, what);
    napi_throw_range_error(env, "ERR_OUT_OF_RANGE", msg);
    return NULL;
}

static int cg_type_fail(napi_env env, const char *name, const char *expected) {
    char msg[256];
    snprintf(msg, sizeof msg, "The \"%s\" argument must be %s", name, expected);
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", msg);
    return 0;
}

static napi_value cg_missing(napi_env env, const char *fn) {
    char msg[sizeof cg_lib_path + 256];
    snprintf(msg, sizeof msg, "%s is not exported by the loaded libcrypto-go (%s)", fn, cg_lib_path);
    return cg_throw(env, "ERR_CRYPTOGO_NOT_EXPORTED", msg, 0);
}

static inline int cg_is_nullish(napi_env env, napi_value v) {
    napi_valuetype t;
    if (napi_typeof(env, v, &t) != napi_ok) return 0;
    return t == napi_null || t == napi_undefined;
}

/* Input bytes: any ArrayBufferView (Buffer, Uint8Array, DataView, ...) or an
 * ArrayBuffer; null/undefined -> NULL, 0. Borrowed for the call, not copied. */
static inline int cg_bytes(napi_env env, napi_value v, void **p, size_t *n, const char *name) {
    void *d = NULL;
    size_t len = 0;
    if (napi_get_buffer_info(env, v, &d, &len) == napi_ok) {
        *p = d ? d : (void *)cg_empty_byte;
        *n = len;
        return 1;
    }
    if (cg_is_nullish(env, v)) {
        *p = NULL;
        *n = 0;
        return 1;
    }
    bool isab = false;
    if (napi_is_arraybuffer(env, v, &isab) == napi_ok && isab &&
        napi_get_arraybuffer_info(env, v, &d, &len) == napi_ok) {
        *p = d ? d : (void *)cg_empty_byte;
        *n = len;
        return 1;
    }
    return cg_type_fail(env, name, "an instance of Buffer, TypedArray, DataView or ArrayBuffer");
}

static inline int cg_in(napi_env env, napi_value v, const uint8_t **p, size_t *n, const char *name) {
    return cg_bytes(env, v, (void **)p, n, name);
}

static inline int cg_out(napi_env env, napi_value v, uint8_t **p, size_t *n, const char *name) {
    return cg_bytes(env, v, (void **)p, n, name);
}

static inline int cg_int(napi_env env, napi_value v, int *out, const char *name) {
    double d;
    if (napi_get_value_double(env, v, &d) == napi_ok) {
        if (!(d >= -2147483648.0 && d <= 2147483647.0) || d != floor(d)) {
            cg_range(env, name, "must be an integer in the int32 range");
            return 0;
        }
        *out = (int)d;
        return 1;
    }
    bool b;
    if (napi_get_value_bool(env, v, &b) == napi_ok) {
        *out = b ? 1 : 0;
        return 1;
    }
    return cg_type_fail(env, name, "of type number");
}

static inline int cg_i64(napi_env env, napi_value v, int64_t *out, const char *name) {
    double d;
    if (napi_get_value_double(env, v, &d) == napi_ok) {
        if (!(d >= -9007199254740991.0 && d <= 9007199254740991.0) || d != floor(d)) {
            cg_range(env, name, "must be a safe integer");
            return 0;
        }
        *out = (int64_t)d;
        return 1;
    }
    bool lossless;
    if (napi_get_value_bigint_int64(env, v, out, &lossless) == napi_ok) {
        if (!lossless) {
            cg_range(env, name, "must fit in int64");
            return 0;
        }
        return 1;
    }
    return cg_type_fail(env, name, "of type number or bigint");
}

static inline int cg_u64(napi_env env, napi_value v, uint64_t *out, const char *name) {
    double d;
    if (napi_get_value_double(env, v, &d) == napi_ok) {
        if (!(d >= 0 && d <= 9007199254740991.0) || d != floor(d)) {
            cg_range(env, name, "must be a non-negative safe integer");
            return 0;
        }
        *out = (uint64_t)d;
        return 1;
    }
    bool lossless;
    if (napi_get_value_bigint_uint64(env, v, out, &lossless) == napi_ok) {
        if (!lossless) {
            cg_range(env, name, "must fit in uint64");
            return 0;
        }
        return 1;
    }
    return cg_type_fail(env, name, "of type number or bigint");
}

static inline int cg_size(napi_env env, napi_value v, size_t *out, const char *name) {
    uint64_t u;
    if (!cg_u64(env, v, &u, name)) return 0;
    *out = (size_t)u;
    return 1;
}

/* Handles: a napi_external made by this addon; null/undefined -> NULL (the
 * library answers CRYPTOGO_ERR_INVALID_HANDLE, the documented "freed" error). */
static inline int cg_handle(napi_env env, napi_value v, void **out, const char *name) {
    if (napi_get_value_external(env, v, out) == napi_ok) return 1;
    if (cg_is_nullish(env, v)) {
        *out = NULL;
        return 1;
    }
    return cg_type_fail(env, name, "a cryptogo handle (napi external)");
}

/* An array of handles (cryptogo_multifernet_new). *out is malloc'd; free it. */
static int cg_handle_array(napi_env env, napi_value v, void ***out, size_t *n, const char *name) {
    bool isarr = false;
    if (napi_is_array(env, v, &isarr) != napi_ok || !isarr)
        return cg_type_fail(env, name, "an array of cryptogo handles");
    uint32_t len = 0;
    napi_get_array_length(env, v, &len);
    void **arr = calloc(len ? len : 1, sizeof(void *));
    if (!arr) {
        cg_throw(env, "ERR_MEMORY_ALLOCATION_FAILED", "out of memory", 0);
        return 0;
    }
    for (uint32_t i = 0; i < len; i++) {
        napi_value el;
        napi_get_element(env, v, i, &el);
        if (!cg_handle(env, el, &arr[i], name)) {
            free(arr);
            return 0;
        }
    }
    *out = arr;
    *n = len;
    return 1;
}

static inline napi_value cg_num(napi_env env, double d) {
    napi_value r;
    napi_create_double(env, d, &r);
    return r;
}

static inline napi_value cg_i32(napi_env env, int32_t i) {
    napi_value r;
    napi_create_int32(env, i, &r);
    return r;
}

/* Tells V8 how much native memory live handles hold (see handleCost in
 * gen-addon.js), so dropped objects are collected, and their handles freed by
 * the FinalizationRegistry, before Go's heap grows large. */
static inline void cg_account(napi_env env, int64_t bytes) {
    int64_t total;
    napi_adjust_external_memory(env, bytes, &total);
}

static inline napi_value cg_external(napi_env env, void *p) {
    napi_value r;
    if (napi_create_external(env, p, NULL, NULL, &r) != napi_ok) return NULL;
    return r;
}

static inline napi_value cg_cstring(napi_env env, const char *s) {
    napi_value r;
    if (s == NULL) {
        napi_get_null(env, &r);
        return r;
    }
    napi_create_string_utf8(env, s, NAPI_AUTO_LENGTH, &r);
    return r;
}

/* Keeps a JS value (a Buffer given to an async call) alive until the work is
 * done. Non-objects (null, undefined) need no reference. */
static inline napi_ref cg_keep(napi_env env, napi_value v) {
    napi_valuetype t;
    napi_ref r = NULL;
    if (napi_typeof(env, v, &t) == napi_ok && (t == napi_object || t == napi_function))
        napi_create_reference(env, v, 1, &r);
    return r;
}

static inline void cg_release(napi_env env, napi_ref r) {
    if (r) napi_delete_reference(env, r);
}

/* Library loading. Search order: $CRYPTOGO_LIBRARY; the library of the
 * repository this addon was built in (CG_DEFAULT_LIBRARY, set by
 * scripts/build.js); <addon dir>/../../../../build/libcrypto-go.so; then the
 * dynamic linker's search path ("libcrypto-go.so"). */
#ifndef CG_DEFAULT_LIBRARY
#define CG_DEFAULT_LIBRARY ""
#endif

static int cg_try_open(const char *path) {
    if (!path || !*path) return 0;
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char *e = dlerror();
        size_t used = strlen(cg_lib_error);
        snprintf(cg_lib_error + used, sizeof cg_lib_error - used, "\n  %s: %s", path, e ? e : "?");
        return 0;
    }
    cg_lib = h;
    snprintf(cg_lib_path, sizeof cg_lib_path, "%s", path);
    return 1;
}

static void cg_load_library(void) {
    const char *env = getenv("CRYPTOGO_LIBRARY");
    if (env && *env) {
        /* An explicit choice is never silently replaced by another library. */
        cg_try_open(env);
        return;
    }
    if (cg_try_open(CG_DEFAULT_LIBRARY)) return;
    Dl_info info;
    if (dladdr((void *)&cg_load_library, &info) && info.dli_fname) {
        char buf[4096];
        snprintf(buf, sizeof buf, "%s", info.dli_fname);
        char *slash = strrchr(buf, '/');
        if (slash) {
            *slash = 0;
            char cand[4096 + 64];
            snprintf(cand, sizeof cand, "%s/../../../../build/libcrypto-go.so", buf);
            if (cg_try_open(cand)) return;
        }
    }
    cg_try_open("libcrypto-go.so");
}

/* Dirty AVX state left by OpenSSL (node:crypto's ChaCha20) used to slow Go's
 * SSE code by up to 300x; the library itself now executes VZEROUPPER on entry
 * to every export (capi/internal/avx), so the bridge needs nothing. */

static pthread_once_t cg_once = PTHREAD_ONCE_INIT;
static void cg_resolve_all(void); /* generated: dlsym of every export */
static void cg_init_once(void) {
    cg_load_library();
    if (cg_lib) cg_resolve_all();
}

static void cg_env_free(napi_env env, void *data, void *hint) {
    (void)hint;
    cg_env *E = data;
    if (E->scratch_ref) napi_delete_reference(env, E->scratch_ref);
    free(E);
}

/* Sets up the per-environment state and the common exports; returns NULL
 * (with a pending exception) when the library cannot be loaded. */
static cg_env *cg_env_init(napi_env env, napi_value exports) {
    pthread_once(&cg_once, cg_init_once);
    if (!cg_lib) {
        char msg[8192];
        snprintf(msg, sizeof msg,
                 "cryptogo: cannot load libcrypto-go.so (set CRYPTOGO_LIBRARY or run `make lib` at the repository root). Tried:%s",
                 cg_lib_error);
        napi_throw_error(env, "ERR_CRYPTOGO_LIBRARY_NOT_FOUND", msg);
        return NULL;
    }
    cg_env *E = calloc(1, sizeof *E);
    if (!E) return NULL;
    napi_value ab, f64, i64, s;
    void *data = NULL;
    napi_create_arraybuffer(env, 16 * sizeof(double), &data, &ab);
    memset(data, 0, 16 * sizeof(double));
    E->f64 = data;
    E->i64 = (int64_t *)data + CG_SCRATCH_SLOTS;
    napi_create_reference(env, ab, 1, &E->scratch_ref);
    napi_create_typedarray(env, napi_float64_array, CG_SCRATCH_SLOTS, ab, 0, &f64);
    napi_create_typedarray(env, napi_bigint64_array, CG_SCRATCH_SLOTS, ab, CG_SCRATCH_SLOTS * sizeof(double), &i64);
    napi_set_named_property(env, exports, "scratchF64", f64);
    napi_set_named_property(env, exports, "scratchI64", i64);
    napi_create_string_utf8(env, cg_lib_path, NAPI_AUTO_LENGTH, &s);
    napi_set_named_property(env, exports, "libraryPath", s);
    napi_set_instance_data(env, E, cg_env_free, NULL);
    return E;
}

/* ---- async jobs own their buffers (issue 12 finding 6) --------------------
 * The worker thread never touches JavaScript memory: cg_own gives the job a
 * copy of an input (src != NULL) or a staging area for an output (src ==
 * NULL) and points *p at it; cg_publish copies a job's output into the
 * caller's buffer on the main thread, looking the buffer up again through its
 * reference (0 when it was detached or shrunk meanwhile); cg_owned_free wipes
 * (inputs may be passwords or messages) and frees. */
static inline int cg_own(napi_env env, const uint8_t **p, size_t n, const uint8_t *src, uint8_t **copy, size_t *copy_n) {
    *copy = NULL;
    *copy_n = 0;
    if (*p == NULL) return 1; /* a NULL input stays NULL */
    if (n == 0) { /* nothing to read or write: not even a pointer into JavaScript memory */
        *p = cg_empty_byte;
        return 1;
    }
    uint8_t *c = malloc(n);
    if (!c) {
        cg_throw(env, "ERR_MEMORY_ALLOCATION_FAILED", "out of memory", 0);
        return 0;
    }
    if (src) memcpy(c, src, n);
    else memset(c, 0, n);
    *copy = c;
    *copy_n = n;
    *p = c;
    return 1;
}

static inline void cg_owned_free(uint8_t *p, size_t n) {
    if (!p) return;
    volatile uint8_t *v = p;
    for (size_t i = 0; i < n; i++) v[i] = 0;
    free(p);
}

static inline int cg_publish(napi_env env, napi_ref ref, const uint8_t *src, size_t n) {
    napi_value v;
    void *d = NULL;
    size_t len = 0;
    bool isab = false;
    if (n == 0) return 1;
    if (!ref || !src || napi_get_reference_value(env, ref, &v) != napi_ok || !v) return 0;
    if (napi_get_buffer_info(env, v, &d, &len) != napi_ok) {
        if (napi_is_arraybuffer(env, v, &isab) != napi_ok || !isab || napi_get_arraybuffer_info(env, v, &d, &len) != napi_ok)
            return 0;
    }
    if (!d || len < n) return 0;
    memcpy(d, src, n);
    return 1;
}

/* ---- ABI check at load (issue 12 finding 7) --------------------------------
 * The library's cryptogo_abi_fingerprint() must equal the fingerprint of the
 * cryptogo_abi.json this addon was generated from; otherwise the module
 * throws ERR_CRYPTOGO_ABI_MISMATCH naming both versions and exports nothing. */
static inline int cg_check_abi(napi_env env, const char *lib_fp, const char *lib_ver, const char *want_fp, const char *want_ver) {
    if (lib_fp && strcmp(lib_fp, want_fp) == 0) return 1;
    char msg[sizeof cg_lib_path + 1024];
    snprintf(msg, sizeof msg,
             "cryptogo: ABI mismatch, refusing to load: the library %s (version %s, ABI fingerprint %s) was not built "
             "from the ABI this addon was generated from (cryptogo_abi.json version %s, ABI fingerprint %s). Point "
             "CRYPTOGO_LIBRARY at the matching library, or rebuild the addon against it (`npm run build`).",
             cg_lib_path, lib_ver ? lib_ver : "?", lib_fp ? lib_fp : "none (the library predates ABI fingerprints)",
             want_ver, want_fp);
    cg_throw(env, "ERR_CRYPTOGO_ABI_MISMATCH", msg, 0);
    return 0;
}

/* The bare cost of crossing the bridge with no library call, for the benchmark. */
static napi_value cg_noop(napi_env env, napi_callback_info info) {
    (void)info;
    napi_value u;
    napi_get_undefined(env, &u);
    return u;
}

#endif /* CRYPTOGO_NODE_BRIDGE_H */
