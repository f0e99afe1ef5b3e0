/*
 * c_runner.c - conformance runner for libcrypto-go's C ABI.
 *
 * Reads JSON-lines requests on stdin, answers one line per request on stdout
 * (tests/conformance/PROTOCOL.md). Built by tests/conformance/driver.py:
 *
 *   cc -std=c11 -I include c_runner.c -L build -l:libcrypto-go.so -Wl,-rpath,build
 *
 * The prototypes below are the C ABI contract (BRIEF.md). They are declared
 * weak, so the runner links and runs while parts of the ABI are still being
 * written: an operation whose function the library does not export answers
 * {"unsupported": true}. include/cryptogo.h is included too, so a prototype
 * here that disagrees with the generated header is a compile error.
 *
 * Requests are flat JSON objects whose values are strings, integers, true,
 * false or null; this file parses exactly that.
 */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cryptogo.h"

/* ---- the ABI contract (weak: absent until implemented) ---- */
#define W __attribute__((weak))
typedef const uint8_t cin;
W int cryptogo_hash_digest(uint8_t *out, size_t out_cap, size_t *out_len, cin *data, size_t data_len, int alg, size_t digest_bytes);
W int cryptogo_hmac_compute(uint8_t *out, size_t out_cap, size_t *out_len, cin *data, size_t data_len, cin *key, size_t key_len, int alg);
W int cryptogo_hmac_new(cryptogo_hmac **out, cin *key, size_t key_len, int alg);
W int cryptogo_hmac_update(cryptogo_hmac *h, cin *data, size_t data_len);
W int cryptogo_hmac_verify(cryptogo_hmac *h, cin *sig, size_t sig_len);
W int cryptogo_hmac_free(cryptogo_hmac *h);
W int cryptogo_pbkdf2_hmac_derive(uint8_t *out, size_t out_bytes, cin *password, size_t password_len, cin *salt, size_t salt_len, uint64_t iterations, int alg);
W int cryptogo_aesgcm_new(cryptogo_aesgcm **out, cin *key, size_t key_len);
W int cryptogo_aesgcm_encrypt(uint8_t *out, size_t out_cap, size_t *out_len, cin *pt, size_t pt_len, cin *ad, size_t ad_len, cin *nonce, size_t nonce_len, cryptogo_aesgcm *k);
W int cryptogo_aesgcm_decrypt(uint8_t *out, size_t out_cap, size_t *out_len, cin *ct, size_t ct_len, cin *ad, size_t ad_len, cin *nonce, size_t nonce_len, cryptogo_aesgcm *k);
W int cryptogo_aesgcm_free(cryptogo_aesgcm *k);
W int cryptogo_chacha20poly1305_new(cryptogo_chacha20poly1305 **out, cin *key, size_t key_len);
W int cryptogo_chacha20poly1305_encrypt(uint8_t *out, size_t out_cap, size_t *out_len, cin *pt, size_t pt_len, cin *ad, size_t ad_len, cin *nonce, size_t nonce_len, cryptogo_chacha20poly1305 *k);
W int cryptogo_chacha20poly1305_decrypt(uint8_t *out, size_t out_cap, size_t *out_len, cin *ct, size_t ct_len, cin *ad, size_t ad_len, cin *nonce, size_t nonce_len, cryptogo_chacha20poly1305 *k);
W int cryptogo_chacha20poly1305_free(cryptogo_chacha20poly1305 *k);
W int cryptogo_fernet_new(cryptogo_fernet **out, cin *key, size_t key_len);
W int cryptogo_fernet_free(cryptogo_fernet *f);
W int cryptogo_fernet_encrypt_at_time_with_iv(uint8_t *out, size_t out_cap, size_t *out_len, cin *msg, size_t msg_len, int64_t current_time, cin *iv, size_t iv_len, cryptogo_fernet *f);
W int cryptogo_fernet_decrypt(uint8_t *out, size_t out_cap, size_t *out_len, cin *token, size_t token_len, int has_ttl, int64_t ttl, cryptogo_fernet *f);
W int cryptogo_fernet_decrypt_at_time(uint8_t *out, size_t out_cap, size_t *out_len, cin *token, size_t token_len, int64_t ttl, int64_t current_time, cryptogo_fernet *f);
W int cryptogo_private_key_free(cryptogo_private_key *k);
W int cryptogo_public_key_free(cryptogo_public_key *k);
W int cryptogo_rsa_private_key_number(uint8_t *out, size_t out_cap, size_t *out_len, int component, const cryptogo_private_key *k);
W int cryptogo_rsa_public_key_number(uint8_t *out, size_t out_cap, size_t *out_len, int component, const cryptogo_public_key *k);
W int cryptogo_rsa_private_key_from_numbers(cryptogo_private_key **out, cin *n, size_t n_len, cin *e, size_t e_len, cin *d, size_t d_len, cin *p, size_t p_len, cin *q, size_t q_len, cin *dmp1, size_t dmp1_len, cin *dmq1, size_t dmq1_len, cin *iqmp, size_t iqmp_len);
W int cryptogo_rsa_public_key_from_numbers(cryptogo_public_key **out, cin *n, size_t n_len, cin *e, size_t e_len);
W int cryptogo_rsa_encrypt_oaep(uint8_t *out, size_t out_cap, size_t *out_len, cin *pt, size_t pt_len, cin *label, size_t label_len, int hash_alg, int mgf1_hash_alg, const cryptogo_public_key *k);
W int cryptogo_rsa_decrypt_oaep(uint8_t *out, size_t out_cap, size_t *out_len, cin *ct, size_t ct_len, cin *label, size_t label_len, int hash_alg, int mgf1_hash_alg, const cryptogo_private_key *k);
W int cryptogo_rsa_encrypt_pkcs1v15(uint8_t *out, size_t out_cap, size_t *out_len, cin *pt, size_t pt_len, const cryptogo_public_key *k);
W int cryptogo_rsa_decrypt_pkcs1v15(uint8_t *out, size_t out_cap, size_t *out_len, cin *ct, size_t ct_len, const cryptogo_private_key *k);
W int cryptogo_rsa_sign_pss(uint8_t *out, size_t out_cap, size_t *out_len, cin *msg, size_t msg_len, int salt_bytes, int hash_alg, int mgf1_hash_alg, int prehashed, const cryptogo_private_key *k);
W int cryptogo_rsa_verify_pss(cin *sig, size_t sig_len, cin *msg, size_t msg_len, int salt_bytes, int hash_alg, int mgf1_hash_alg, int prehashed, const cryptogo_public_key *k);
W int cryptogo_rsa_sign_pkcs1v15(uint8_t *out, size_t out_cap, size_t *out_len, cin *msg, size_t msg_len, int hash_alg, int prehashed, const cryptogo_private_key *k);
W int cryptogo_rsa_verify_pkcs1v15(cin *sig, size_t sig_len, cin *msg, size_t msg_len, int hash_alg, int prehashed, const cryptogo_public_key *k);
W int cryptogo_private_key_load(cryptogo_private_key **out, cin *data, size_t data_len, cin *password, size_t password_len, int encoding);
W int cryptogo_private_key_dump(uint8_t *out, size_t out_cap, size_t *out_len, int encoding, int format, cin *password, size_t password_len, const cryptogo_private_key *k);
W int cryptogo_public_key_load(cryptogo_public_key **out, cin *data, size_t data_len, int encoding);
W int cryptogo_public_key_dump(uint8_t *out, size_t out_cap, size_t *out_len, int encoding, int format, const cryptogo_public_key *k);
W int cryptogo_private_key_type(int *out_type, const cryptogo_private_key *k);
W int cryptogo_public_key_type(int *out_type, const cryptogo_public_key *k);

/* ---- a flat JSON object ---- */
#define MAXF 48
typedef struct {
    char *key;
    char *str;      /* string value (NULL when not a string) */
    long long num;
    int type;       /* 's' string, 'n' number, '0' null, 't' true, 'f' false */
} field;
typedef struct {
    field f[MAXF];
    int n;
    char *id_raw;   /* the "id" value, copied back verbatim */
} obj;

static void skip_ws(const char **p) { while (**p && isspace((unsigned char)**p)) (*p)++; }

static char *parse_string(const char **p) {
    /* **p == '"' */
    (*p)++;
    size_t cap = 64, n = 0;
    char *s = malloc(cap);
    while (**p && **p != '"') {
        char c = **p;
        if (c == '\\') {
            (*p)++;
            c = **p;
            switch (c) {
            case 'n': c = '\n'; break;
            case 't': c = '\t'; break;
            case 'r': c = '\r'; break;
            case 'b': c = '\b'; break;
            case 'f': c = '\f'; break;
            case 'u': {
                unsigned v = 0;
                for (int i = 0; i < 4 && (*p)[1]; i++) { (*p)++; v = v * 16 + (unsigned)(isdigit((unsigned char)**p) ? **p - '0' : (tolower((unsigned char)**p) - 'a' + 10)); }
                c = (char)(v < 0x80 ? v : '?');
                break;
            }
            default: break; /* \" \\ \/ */
            }
        }
        if (n + 2 > cap) { cap *= 2; s = realloc(s, cap); }
        s[n++] = c;
        (*p)++;
    }
    if (**p == '"') (*p)++;
    s[n] = 0;
    return s;
}

static int parse_obj(const char *line, obj *o) {
    const char *p = line;
    memset(o, 0, sizeof *o);
    skip_ws(&p);
    if (*p != '{') return -1;
    p++;
    for (;;) {
        skip_ws(&p);
        if (*p == '}') return 0;
        if (*p != '"') return -1;
        if (o->n >= MAXF) return -1;
        field *f = &o->f[o->n++];
        f->key = parse_string(&p);
        skip_ws(&p);
        if (*p != ':') return -1;
        p++;
        skip_ws(&p);
        const char *start = p;
        if (*p == '"') { f->type = 's'; f->str = parse_string(&p); }
        else if (!strncmp(p, "null", 4)) { f->type = '0'; p += 4; }
        else if (!strncmp(p, "true", 4)) { f->type = 't'; p += 4; }
        else if (!strncmp(p, "false", 5)) { f->type = 'f'; p += 5; }
        else { f->type = 'n'; f->num = strtoll(p, (char **)&p, 10); while (*p && *p != ',' && *p != '}') p++; }
        if (!strcmp(f->key, "id")) {
            o->id_raw = strndup(start, (size_t)(p - start));
        }
        skip_ws(&p);
        if (*p == ',') { p++; continue; }
        if (*p == '}') return 0;
        return -1;
    }
}

static void free_obj(obj *o) {
    for (int i = 0; i < o->n; i++) { free(o->f[i].key); free(o->f[i].str); }
    free(o->id_raw);
}

static field *get(obj *o, const char *k) {
    for (int i = 0; i < o->n; i++) if (!strcmp(o->f[i].key, k)) return &o->f[i];
    return NULL;
}
static const char *gs(obj *o, const char *k) { field *f = get(o, k); return f && f->type == 's' ? f->str : ""; }
static int is_null(obj *o, const char *k) { field *f = get(o, k); return !f || f->type == '0'; }
static long long gi(obj *o, const char *k) {
    field *f = get(o, k);
    if (!f) return 0;
    if (f->type == 's') return strtoll(f->str, NULL, 10);
    return f->num;
}

/* bytes of a hex field; NULL field -> (NULL, 0); "" -> (non-NULL, 0), as pyca's None vs b"". */
static uint8_t empty_buf[1];
typedef struct { uint8_t *p; size_t n; int alloc; } buf;
static buf hexf(obj *o, const char *k) {
    buf b = {NULL, 0, 0};
    field *f = get(o, k);
    if (!f || f->type != 's') return b;
    size_t L = strlen(f->str) / 2;
    if (L == 0) { b.p = empty_buf; return b; }
    b.p = malloc(L); b.n = L; b.alloc = 1;
    for (size_t i = 0; i < L; i++) { unsigned v; sscanf(f->str + 2 * i, "%2x", &v); b.p[i] = (uint8_t)v; }
    return b;
}
static buf strf(obj *o, const char *k) {   /* raw bytes of a string field (Fernet key, token) */
    buf b = {NULL, 0, 0};
    field *f = get(o, k);
    if (!f || f->type != 's') return b;
    b.p = (uint8_t *)f->str; b.n = strlen(f->str);
    if (b.n == 0) b.p = empty_buf;
    return b;
}
static void bfree(buf *b) { if (b->alloc) free(b->p); b->p = NULL; }

/* ---- output ---- */
static char *outbuf; static size_t outcap, outlen;
static void emit(const char *s) {
    size_t L = strlen(s);
    if (outlen + L + 1 > outcap) { outcap = (outlen + L + 1) * 2; outbuf = realloc(outbuf, outcap); }
    memcpy(outbuf + outlen, s, L); outlen += L; outbuf[outlen] = 0;
}
static void emit_hex(const uint8_t *p, size_t n) {
    static const char *hx = "0123456789abcdef";
    char *t = malloc(2 * n + 1);
    for (size_t i = 0; i < n; i++) { t[2 * i] = hx[p[i] >> 4]; t[2 * i + 1] = hx[p[i] & 15]; }
    t[2 * n] = 0; emit(t); free(t);
}
static void emit_json_str(const char *s) {
    emit("\"");
    char c[8];
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '"' || ch == '\\') { c[0] = '\\'; c[1] = (char)ch; c[2] = 0; }
        else if (ch < 0x20 || ch >= 0x7f) snprintf(c, sizeof c, "\\u%04x", ch);
        else { c[0] = (char)ch; c[1] = 0; }
        emit(c);
    }
    emit("\"");
}

static const char *kind_of(int rc) {
    switch (rc) {
    case CRYPTOGO_ERR_INTERNAL: return "InternalError";
    case CRYPTOGO_ERR_INVALID_ARGUMENT: return "ValueError";
    case CRYPTOGO_ERR_TYPE: return "TypeError";
    case CRYPTOGO_ERR_BUFFER_TOO_SMALL: return "BufferTooSmall";
    case CRYPTOGO_ERR_INVALID_HANDLE: return "ValueError";
    case CRYPTOGO_ERR_INVALID_TOKEN: return "InvalidToken";
    case CRYPTOGO_ERR_INVALID_TAG: return "InvalidTag";
    case CRYPTOGO_ERR_INVALID_SIGNATURE: return "InvalidSignature";
    case CRYPTOGO_ERR_INVALID_KEY: return "InvalidKey";
    case CRYPTOGO_ERR_ALREADY_FINALIZED: return "AlreadyFinalized";
    case CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM: return "UnsupportedAlgorithm";
    case CRYPTOGO_ERR_DECRYPTION_FAILED: return "ValueError";
    case CRYPTOGO_ERR_OVERFLOW: return "OverflowError";
    case CRYPTOGO_ERR_PASSWORD_REQUIRED: return "TypeError";
    case CRYPTOGO_ERR_PASSWORD_UNEXPECTED: return "TypeError";
    case CRYPTOGO_ERR_BAD_KEY_DATA: return "ValueError";
    }
    return "InternalError";
}

/* ---- result plumbing ---- */
enum { R_OK, R_ERR, R_UNSUP };
typedef struct {
    int status;
    int rc;
    const char *msg;
    const char *field;   /* output field name */
    uint8_t *out; size_t out_len;
    int out_is_text;     /* emit as a JSON string instead of hex */
    char extra[20000];   /* extra ",\"k\":\"v\"" fields (key numbers) */
} result;

static result unsup(const char *why) { result r; memset(&r, 0, sizeof r); r.status = R_UNSUP; r.msg = why; return r; }
static result fail(int rc) { result r; memset(&r, 0, sizeof r); r.status = R_ERR; r.rc = rc; return r; }
static result okr(void) { result r; memset(&r, 0, sizeof r); r.status = R_OK; return r; }

/* Calls fn with a buffer, growing it on CRYPTOGO_ERR_BUFFER_TOO_SMALL. */
#define WITH_OUT(CALL_WITH_OUT_CAP_LEN, guess)                                        \
    do {                                                                              \
        size_t cap_ = (guess) + 64, len_ = 0;                                         \
        uint8_t *out_ = malloc(cap_);                                                 \
        int rc_;                                                                      \
        for (int try_ = 0; try_ < 3; try_++) {                                        \
            uint8_t *OUT = out_; size_t CAP = cap_; size_t *LEN = &len_;              \
            rc_ = CALL_WITH_OUT_CAP_LEN;                                              \
            if (rc_ != CRYPTOGO_ERR_BUFFER_TOO_SMALL) break;                          \
            cap_ = len_ + 1; out_ = realloc(out_, cap_);                              \
        }                                                                             \
        if (rc_ != 0) { free(out_); res = fail(rc_); }                                \
        else { res = okr(); res.out = out_; res.out_len = len_; }                     \
    } while (0)

static int hash_id(const char *n) {
    static const char *names[] = {"", "sha1", "sha224", "sha256", "sha384", "sha512", "sha512-224",
        "sha512-256", "sha3-224", "sha3-256", "sha3-384", "sha3-512", "shake128", "shake256",
        "blake2b", "blake2s", "md5"};
    for (int i = 1; i < (int)(sizeof names / sizeof *names); i++) if (!strcmp(n, names[i])) return i;
    return -1;
}

static int salt_rule(obj *o) {
    field *f = get(o, "salt");
    if (f && f->type == 's') {
        if (!strcmp(f->str, "max")) return CRYPTOGO_PSS_SALT_MAX_LENGTH;
        if (!strcmp(f->str, "digest")) return CRYPTOGO_PSS_SALT_DIGEST_LENGTH;
        if (!strcmp(f->str, "auto")) return CRYPTOGO_PSS_SALT_AUTO;
        return (int)strtol(f->str, NULL, 10);
    }
    return f ? (int)f->num : 0;
}

static int encoding_of(obj *o) { return !strcmp(gs(o, "encoding"), "pem") ? CRYPTOGO_ENCODING_PEM : CRYPTOGO_ENCODING_DER; }

static const char *PRIV[] = {"n", "e", "d", "p", "q", "dmp1", "dmq1", "iqmp"};

static int make_priv(obj *o, cryptogo_private_key **k) {
    buf b[8];
    for (int i = 0; i < 8; i++) b[i] = hexf(o, PRIV[i]);
    int rc = cryptogo_rsa_private_key_from_numbers(k, b[0].p, b[0].n, b[1].p, b[1].n, b[2].p, b[2].n, b[3].p, b[3].n,
                                                   b[4].p, b[4].n, b[5].p, b[5].n, b[6].p, b[6].n, b[7].p, b[7].n);
    for (int i = 0; i < 8; i++) bfree(&b[i]);
    return rc;
}
static int make_pub(obj *o, cryptogo_public_key **k) {
    buf n = hexf(o, "n"), e = hexf(o, "e");
    int rc = cryptogo_rsa_public_key_from_numbers(k, n.p, n.n, e.p, e.n);
    bfree(&n); bfree(&e);
    return rc;
}

static int numbers_into(result *res, void *k, int priv) {
    int count = priv ? 8 : 2;
    size_t used = 0;
    for (int i = 0; i < count; i++) {
        uint8_t tmp[1100]; size_t len = 0;
        int rc = priv ? cryptogo_rsa_private_key_number(tmp, sizeof tmp, &len, i + 1, k)
                      : cryptogo_rsa_public_key_number(tmp, sizeof tmp, &len, i + 1, k);
        if (rc != 0) return rc;
        if (used + 2 * len + 32 >= sizeof res->extra) return CRYPTOGO_ERR_INTERNAL; /* cannot happen below 16384-bit keys */
        used += (size_t)snprintf(res->extra + used, sizeof res->extra - used, ",\"%s\":\"", PRIV[i]);
        for (size_t j = 0; j < len && used + 3 < sizeof res->extra; j++) used += (size_t)snprintf(res->extra + used, sizeof res->extra - used, "%02x", tmp[j]);
        used += (size_t)snprintf(res->extra + used, sizeof res->extra - used, "\"");
    }
    return 0;
}

static result do_op(obj *o) {
    const char *op = gs(o, "op");
    result res = unsup("unknown op");
    if (!strcmp(op, "hash")) {
        if (!cryptogo_hash_digest) return unsup("cryptogo_hash_digest not exported");
        int alg = hash_id(gs(o, "alg"));
        if (alg < 0) return unsup("hash");
        buf d = hexf(o, "data");
        size_t ds = is_null(o, "length") ? 0 : (size_t)gi(o, "length");
        WITH_OUT(cryptogo_hash_digest(OUT, CAP, LEN, d.p, d.n, alg, ds), ds + 64);
        bfree(&d); res.field = "digest";
    } else if (!strcmp(op, "hmac")) {
        if (!cryptogo_hmac_compute) return unsup("cryptogo_hmac_compute not exported");
        int alg = hash_id(gs(o, "alg"));
        if (alg < 0) return unsup("hash");
        buf d = hexf(o, "data"), k = hexf(o, "key");
        WITH_OUT(cryptogo_hmac_compute(OUT, CAP, LEN, d.p, d.n, k.p, k.n, alg), 64);
        bfree(&d); bfree(&k); res.field = "mac";
    } else if (!strcmp(op, "hmac.verify")) {
        if (!cryptogo_hmac_new || !cryptogo_hmac_verify) return unsup("cryptogo_hmac_verify not exported");
        int alg = hash_id(gs(o, "alg"));
        if (alg < 0) return unsup("hash");
        buf d = hexf(o, "data"), k = hexf(o, "key"), m = hexf(o, "mac");
        cryptogo_hmac *h = NULL;
        int rc = cryptogo_hmac_new(&h, k.p, k.n, alg);
        if (rc == 0) rc = cryptogo_hmac_update(h, d.p, d.n);
        if (rc == 0) rc = cryptogo_hmac_verify(h, m.p, m.n);
        if (h) cryptogo_hmac_free(h);
        res = rc ? fail(rc) : okr();
        bfree(&d); bfree(&k); bfree(&m);
    } else if (!strcmp(op, "pbkdf2")) {
        if (!cryptogo_pbkdf2_hmac_derive) return unsup("cryptogo_pbkdf2_hmac_derive not exported");
        int alg = hash_id(gs(o, "alg"));
        if (alg < 0) return unsup("hash");
        buf pw = hexf(o, "password"), s = hexf(o, "salt");
        size_t L = (size_t)gi(o, "length");
        uint8_t *out = malloc(L + 1);
        int rc = cryptogo_pbkdf2_hmac_derive(out, L, pw.p, pw.n, s.p, s.n, (uint64_t)gi(o, "iterations"), alg);
        if (rc) { free(out); res = fail(rc); } else { res = okr(); res.out = out; res.out_len = L; }
        res.field = "key";
        bfree(&pw); bfree(&s);
    } else if (!strncmp(op, "aesgcm.", 7) || !strncmp(op, "chacha20poly1305.", 17)) {
        int gcm = op[0] == 'a';
        int enc = strstr(op, ".encrypt") != NULL;
        if (gcm ? !cryptogo_aesgcm_new : !cryptogo_chacha20poly1305_new) return unsup("AEAD not exported");
        buf k = hexf(o, "key"), n = hexf(o, "nonce"), a = hexf(o, "aad"), in = hexf(o, enc ? "pt" : "ct");
        void *h = NULL;
        int rc = gcm ? cryptogo_aesgcm_new((cryptogo_aesgcm **)&h, k.p, k.n)
                     : cryptogo_chacha20poly1305_new((cryptogo_chacha20poly1305 **)&h, k.p, k.n);
        if (rc) res = fail(rc);
        else if (gcm && enc) WITH_OUT(cryptogo_aesgcm_encrypt(OUT, CAP, LEN, in.p, in.n, a.p, a.n, n.p, n.n, h), in.n + 16);
        else if (gcm) WITH_OUT(cryptogo_aesgcm_decrypt(OUT, CAP, LEN, in.p, in.n, a.p, a.n, n.p, n.n, h), in.n);
        else if (enc) WITH_OUT(cryptogo_chacha20poly1305_encrypt(OUT, CAP, LEN, in.p, in.n, a.p, a.n, n.p, n.n, h), in.n + 16);
        else WITH_OUT(cryptogo_chacha20poly1305_decrypt(OUT, CAP, LEN, in.p, in.n, a.p, a.n, n.p, n.n, h), in.n);
        if (h) { if (gcm) cryptogo_aesgcm_free(h); else cryptogo_chacha20poly1305_free(h); }
        res.field = enc ? "ct" : "pt";
        bfree(&k); bfree(&n); bfree(&a); bfree(&in);
    } else if (!strcmp(op, "fernet.encrypt") || !strcmp(op, "fernet.decrypt")) {
        int enc = op[7] == 'e';
        if (!cryptogo_fernet_new || (enc ? !cryptogo_fernet_encrypt_at_time_with_iv : !cryptogo_fernet_decrypt_at_time))
            return unsup("Fernet not exported");
        buf key = strf(o, "key");
        cryptogo_fernet *f = NULL;
        int rc = cryptogo_fernet_new(&f, key.p, key.n);
        if (rc) res = fail(rc);
        else if (enc) {
            buf pt = hexf(o, "pt"), iv = hexf(o, "iv");
            WITH_OUT(cryptogo_fernet_encrypt_at_time_with_iv(OUT, CAP, LEN, pt.p, pt.n, (int64_t)gi(o, "time"), iv.p, iv.n, f), pt.n * 2 + 120);
            res.field = "token"; res.out_is_text = 1;
            bfree(&pt); bfree(&iv);
        } else {
            buf tok = strf(o, "token");
            if (is_null(o, "ttl")) WITH_OUT(cryptogo_fernet_decrypt(OUT, CAP, LEN, tok.p, tok.n, 0, 0, f), tok.n);
            else WITH_OUT(cryptogo_fernet_decrypt_at_time(OUT, CAP, LEN, tok.p, tok.n, (int64_t)gi(o, "ttl"), (int64_t)gi(o, "time"), f), tok.n);
            res.field = "pt";
        }
        if (f) cryptogo_fernet_free(f);
    } else if (!strncmp(op, "rsa.", 4)) {
        int private_op = !strcmp(op, "rsa.oaep.decrypt") || !strcmp(op, "rsa.pkcs1v15.decrypt") ||
                         !strcmp(op, "rsa.pss.sign") || !strcmp(op, "rsa.pkcs1v15.sign");
        if (private_op ? !cryptogo_rsa_private_key_from_numbers : !cryptogo_rsa_public_key_from_numbers)
            return unsup("RSA from numbers not exported");
        cryptogo_private_key *pk = NULL; cryptogo_public_key *uk = NULL;
        int rc = private_op ? make_priv(o, &pk) : make_pub(o, &uk);
        if (rc) return fail(rc);
        int h = hash_id(gs(o, "hash")), m = hash_id(gs(o, "mgf1_hash"));
        buf lbl = hexf(o, "label"), pt = hexf(o, "pt"), ct = hexf(o, "ct"), msg = hexf(o, "msg"), sig = hexf(o, "sig");
        res = unsup("op not exported");
        if (!strcmp(op, "rsa.oaep.encrypt") && cryptogo_rsa_encrypt_oaep) {
            WITH_OUT(cryptogo_rsa_encrypt_oaep(OUT, CAP, LEN, pt.p, pt.n, lbl.p, lbl.n, h, m, uk), 1024); res.field = "ct";
        } else if (!strcmp(op, "rsa.oaep.decrypt") && cryptogo_rsa_decrypt_oaep) {
            WITH_OUT(cryptogo_rsa_decrypt_oaep(OUT, CAP, LEN, ct.p, ct.n, lbl.p, lbl.n, h, m, pk), 1024); res.field = "pt";
        } else if (!strcmp(op, "rsa.pkcs1v15.encrypt") && cryptogo_rsa_encrypt_pkcs1v15) {
            WITH_OUT(cryptogo_rsa_encrypt_pkcs1v15(OUT, CAP, LEN, pt.p, pt.n, uk), 1024); res.field = "ct";
        } else if (!strcmp(op, "rsa.pkcs1v15.decrypt") && cryptogo_rsa_decrypt_pkcs1v15) {
            WITH_OUT(cryptogo_rsa_decrypt_pkcs1v15(OUT, CAP, LEN, ct.p, ct.n, pk), 1024); res.field = "pt";
        } else if (!strcmp(op, "rsa.pss.sign") && cryptogo_rsa_sign_pss) {
            WITH_OUT(cryptogo_rsa_sign_pss(OUT, CAP, LEN, msg.p, msg.n, salt_rule(o), h, m, 0, pk), 1024); res.field = "sig";
        } else if (!strcmp(op, "rsa.pss.verify") && cryptogo_rsa_verify_pss) {
            rc = cryptogo_rsa_verify_pss(sig.p, sig.n, msg.p, msg.n, salt_rule(o), h, m, 0, uk);
            res = rc ? fail(rc) : okr();
        } else if (!strcmp(op, "rsa.pkcs1v15.sign") && cryptogo_rsa_sign_pkcs1v15) {
            WITH_OUT(cryptogo_rsa_sign_pkcs1v15(OUT, CAP, LEN, msg.p, msg.n, h, 0, pk), 1024); res.field = "sig";
        } else if (!strcmp(op, "rsa.pkcs1v15.verify") && cryptogo_rsa_verify_pkcs1v15) {
            rc = cryptogo_rsa_verify_pkcs1v15(sig.p, sig.n, msg.p, msg.n, h, 0, uk);
            res = rc ? fail(rc) : okr();
        }
        if (pk) cryptogo_private_key_free(pk);
        if (uk) cryptogo_public_key_free(uk);
        bfree(&lbl); bfree(&pt); bfree(&ct); bfree(&msg); bfree(&sig);
    } else if (!strcmp(op, "key.load")) {
        int priv = !strcmp(gs(o, "kind"), "private");
        if (priv ? (!cryptogo_private_key_load || !cryptogo_rsa_private_key_number)
                 : (!cryptogo_public_key_load || !cryptogo_rsa_public_key_number))
            return unsup("key load not exported");
        buf d = hexf(o, "data"), pw = hexf(o, "password");
        void *k = NULL;
        int rc = priv ? cryptogo_private_key_load((cryptogo_private_key **)&k, d.p, d.n, pw.p, pw.n, encoding_of(o))
                      : cryptogo_public_key_load((cryptogo_public_key **)&k, d.p, d.n, encoding_of(o));
        if (rc == 0) {
            /* the protocol's key.load is RSA's: a key of another algorithm
             * (the library now loads Ed25519/X25519/...) is UnsupportedAlgorithm */
            int type = 0;
            if (priv ? (cryptogo_private_key_type != NULL) : (cryptogo_public_key_type != NULL))
                rc = priv ? cryptogo_private_key_type(&type, k) : cryptogo_public_key_type(&type, k);
            if (rc == 0 && type != 0 && type != CRYPTOGO_KEY_RSA) rc = CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM;
        }
        if (rc == 0) rc = numbers_into(&res, k, priv);
        if (rc) res = fail(rc);
        else { char keep[sizeof res.extra]; memcpy(keep, res.extra, sizeof keep); res = okr(); memcpy(res.extra, keep, sizeof keep); }
        if (k) { if (priv) cryptogo_private_key_free(k); else cryptogo_public_key_free(k); }
        bfree(&d); bfree(&pw);
    } else if (!strcmp(op, "key.dump")) {
        int priv = !strcmp(gs(o, "kind"), "private");
        const char *fmt = gs(o, "format");
        if (priv ? (!cryptogo_private_key_dump || !cryptogo_rsa_private_key_from_numbers)
                 : (!cryptogo_public_key_dump || !cryptogo_rsa_public_key_from_numbers))
            return unsup("key dump not exported");
        cryptogo_private_key *pk = NULL; cryptogo_public_key *uk = NULL;
        int rc = priv ? make_priv(o, &pk) : make_pub(o, &uk);
        if (rc) return fail(rc);
        buf pw = hexf(o, "password");
        if (priv) {
            int f = !strcmp(fmt, "pkcs8") ? CRYPTOGO_PRIVATE_FORMAT_PKCS8 : CRYPTOGO_PRIVATE_FORMAT_TRADITIONAL_OPENSSL;
            WITH_OUT(cryptogo_private_key_dump(OUT, CAP, LEN, encoding_of(o), f, pw.p, pw.n, pk), 8192);
        } else {
            int f = !strcmp(fmt, "spki") ? CRYPTOGO_PUBLIC_FORMAT_SUBJECT_PUBLIC_KEY_INFO : CRYPTOGO_PUBLIC_FORMAT_PKCS1;
            WITH_OUT(cryptogo_public_key_dump(OUT, CAP, LEN, encoding_of(o), f, uk), 4096);
        }
        res.field = "data";
        if (pk) cryptogo_private_key_free(pk);
        if (uk) cryptogo_public_key_free(uk);
        bfree(&pw);
    }
    return res;
}

static const char *OPS[] = {"hash", "hmac", "hmac.verify", "pbkdf2", "aesgcm.encrypt", "aesgcm.decrypt",
    "chacha20poly1305.encrypt", "chacha20poly1305.decrypt", "fernet.encrypt", "fernet.decrypt",
    "rsa.oaep.encrypt", "rsa.oaep.decrypt", "rsa.pkcs1v15.encrypt", "rsa.pkcs1v15.decrypt", "rsa.pss.sign",
    "rsa.pss.verify", "rsa.pkcs1v15.sign", "rsa.pkcs1v15.verify", "key.load", "key.dump"};

int main(void) {
    char *line = NULL; size_t cap = 0; ssize_t n;
    while ((n = getline(&line, &cap, stdin)) > 0) {
        obj o;
        if (parse_obj(line, &o) != 0) { free_obj(&o); fprintf(stderr, "bad request\n"); continue; }
        outlen = 0;
        emit("{\"id\":"); emit(o.id_raw ? o.id_raw : "null");
        const char *op = gs(&o, "op");
        if (!strcmp(op, "hello")) {
            emit(",\"ok\":true,\"name\":\"libcrypto-go C ABI\",\"version\":");
            emit_json_str(cryptogo_version());
            emit(",\"errors\":\"pyca\",\"ops\":[");
            for (size_t i = 0; i < sizeof OPS / sizeof *OPS; i++) { if (i) emit(","); emit_json_str(OPS[i]); }
            emit("]");
        } else {
            result r = do_op(&o);
            if (r.status == R_UNSUP) { emit(",\"unsupported\":true,\"message\":"); emit_json_str(r.msg ? r.msg : ""); }
            else if (r.status == R_ERR) {
                emit(",\"ok\":false,\"error\":"); emit_json_str(kind_of(r.rc));
                emit(",\"message\":"); emit_json_str(cryptogo_strerror(r.rc));
            } else {
                emit(",\"ok\":true");
                if (r.field) {
                    emit(",\""); emit(r.field); emit("\":");
                    if (r.out_is_text) {
                        char *t = malloc(r.out_len + 1); memcpy(t, r.out, r.out_len); t[r.out_len] = 0;
                        emit_json_str(t); free(t);
                    } else { emit("\""); emit_hex(r.out, r.out_len); emit("\""); }
                }
                emit(r.extra);
            }
            free(r.out);
        }
        emit("}\n");
        fwrite(outbuf, 1, outlen, stdout);
        fflush(stdout);
        free_obj(&o);
    }
    free(line);
    return 0;
}
