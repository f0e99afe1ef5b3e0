/*
 * minijson.h - a small JSON reader for the C tests (test-vector files).
 *
 *   json_value *root = json_parse_file(path);   NULL on error (message on stderr)
 *   json_get(obj, "key"), json_at(arr, i), root->n (array/object size),
 *   ->type, ->str / ->len (strings, UTF-8, escapes decoded), ->num (numbers)
 *   json_free(root);
 *
 * Single-header, C99, no dependencies. Good enough for Wycheproof and the
 * Fernet spec files; not a general validating parser.
 */
#ifndef CRYPTOGO_TEST_MINIJSON_H
#define CRYPTOGO_TEST_MINIJSON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum { JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING, JSON_ARRAY, JSON_OBJECT } json_type;

typedef struct json_value {
    json_type type;
    double num;                 /* JSON_NUMBER, JSON_BOOL (0/1) */
    char *str;                  /* JSON_STRING (NUL-terminated) */
    size_t len;                 /* string length */
    size_t n;                   /* array/object element count */
    char **keys;                /* JSON_OBJECT keys */
    struct json_value **items;  /* array elements / object values */
} json_value;

typedef struct {
    const char *p, *end;
    int err;
} json_parser_;

static inline void json_free(json_value *v)
{
    size_t i;
    if (!v)
        return;
    for (i = 0; i < v->n; i++) {
        json_free(v->items[i]);
        if (v->keys)
            free(v->keys[i]);
    }
    free(v->items);
    free(v->keys);
    free(v->str);
    free(v);
}

static inline void json_ws_(json_parser_ *ps)
{
    while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\n' || *ps->p == '\r' || *ps->p == '\t'))
        ps->p++;
}

static inline json_value *json_new_(json_type t)
{
    json_value *v = (json_value *)calloc(1, sizeof *v);
    if (!v) { fprintf(stderr, "minijson: out of memory\n"); abort(); }
    v->type = t;
    return v;
}

static inline void json_push_(json_value *v, char *key, json_value *item)
{
    v->items = (json_value **)realloc(v->items, (v->n + 1) * sizeof *v->items);
    if (v->type == JSON_OBJECT)
        v->keys = (char **)realloc(v->keys, (v->n + 1) * sizeof *v->keys);
    if (!v->items || (v->type == JSON_OBJECT && !v->keys)) { fprintf(stderr, "minijson: out of memory\n"); abort(); }
    if (v->type == JSON_OBJECT)
        v->keys[v->n] = key;
    v->items[v->n++] = item;
}

static inline int json_hex4_(const char *p)
{
    int i, v = 0;
    for (i = 0; i < 4; i++) {
        char c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9') v |= c - '0';
        else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
        else return -1;
    }
    return v;
}

static inline char *json_string_(json_parser_ *ps, size_t *len)
{
    size_t cap = 16, n = 0;
    char *s = (char *)malloc(cap);
    ps->p++; /* opening quote */
    while (ps->p < ps->end && *ps->p != '"') {
        unsigned long cp = (unsigned char)*ps->p++;
        if (cp == '\\') {
            char e = ps->p < ps->end ? *ps->p++ : 0;
            switch (e) {
            case 'n': cp = '\n'; break;
            case 't': cp = '\t'; break;
            case 'r': cp = '\r'; break;
            case 'b': cp = '\b'; break;
            case 'f': cp = '\f'; break;
            case 'u': {
                int h = ps->end - ps->p >= 4 ? json_hex4_(ps->p) : -1;
                if (h < 0) { ps->err = 1; free(s); return NULL; }
                ps->p += 4;
                cp = (unsigned long)h;
                if (cp >= 0xD800 && cp < 0xDC00 && ps->end - ps->p >= 6 && ps->p[0] == '\\' && ps->p[1] == 'u') {
                    int lo = json_hex4_(ps->p + 2);
                    if (lo >= 0xDC00 && lo < 0xE000) {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (unsigned long)(lo - 0xDC00);
                        ps->p += 6;
                    }
                }
                break;
            }
            default: cp = (unsigned char)e; break;
            }
            if (cp >= 0x80) { /* encode as UTF-8 */
                char buf[4];
                int k = 0, i;
                if (cp < 0x800) { buf[k++] = (char)(0xC0 | cp >> 6); }
                else if (cp < 0x10000) { buf[k++] = (char)(0xE0 | cp >> 12); buf[k++] = (char)(0x80 | ((cp >> 6) & 0x3F)); }
                else { buf[k++] = (char)(0xF0 | cp >> 18); buf[k++] = (char)(0x80 | ((cp >> 12) & 0x3F));
                       buf[k++] = (char)(0x80 | ((cp >> 6) & 0x3F)); }
                buf[k++] = (char)(0x80 | (cp & 0x3F));
                for (i = 0; i < k; i++) {
                    if (n + 2 > cap) s = (char *)realloc(s, cap *= 2);
                    s[n++] = buf[i];
                }
                continue;
            }
        }
        if (n + 2 > cap)
            s = (char *)realloc(s, cap *= 2);
        s[n++] = (char)cp;
    }
    if (ps->p >= ps->end) { ps->err = 1; free(s); return NULL; }
    ps->p++; /* closing quote */
    s[n] = 0;
    *len = n;
    return s;
}

static inline json_value *json_value_(json_parser_ *ps, int depth)
{
    json_value *v;
    json_ws_(ps);
    if (ps->p >= ps->end || depth > 64) { ps->err = 1; return NULL; }
    switch (*ps->p) {
    case '{':
    case '[': {
        int obj = *ps->p == '{';
        char close = obj ? '}' : ']';
        v = json_new_(obj ? JSON_OBJECT : JSON_ARRAY);
        ps->p++;
        json_ws_(ps);
        if (ps->p < ps->end && *ps->p == close) { ps->p++; return v; }
        for (;;) {
            char *key = NULL;
            json_value *item;
            size_t kl;
            json_ws_(ps);
            if (obj) {
                if (ps->p >= ps->end || *ps->p != '"' || !(key = json_string_(ps, &kl))) { ps->err = 1; break; }
                json_ws_(ps);
                if (ps->p >= ps->end || *ps->p != ':') { free(key); ps->err = 1; break; }
                ps->p++;
            }
            item = json_value_(ps, depth + 1);
            if (!item) { free(key); ps->err = 1; break; }
            json_push_(v, key, item);
            json_ws_(ps);
            if (ps->p < ps->end && *ps->p == ',') { ps->p++; continue; }
            if (ps->p < ps->end && *ps->p == close) { ps->p++; return v; }
            ps->err = 1;
            break;
        }
        json_free(v);
        return NULL;
    }
    case '"':
        v = json_new_(JSON_STRING);
        if (!(v->str = json_string_(ps, &v->len))) { json_free(v); return NULL; }
        return v;
    case 't':
    case 'f':
    case 'n': {
        static const char *words[] = {"true", "false", "null"};
        int i;
        for (i = 0; i < 3; i++) {
            size_t l = strlen(words[i]);
            if ((size_t)(ps->end - ps->p) >= l && memcmp(ps->p, words[i], l) == 0) {
                ps->p += l;
                v = json_new_(i == 2 ? JSON_NULL : JSON_BOOL);
                v->num = i == 0;
                return v;
            }
        }
        ps->err = 1;
        return NULL;
    }
    default: {
        char *endp;
        double d = strtod(ps->p, &endp);
        if (endp == ps->p) { ps->err = 1; return NULL; }
        ps->p = endp;
        v = json_new_(JSON_NUMBER);
        v->num = d;
        return v;
    }
    }
}

static inline json_value *json_parse(const char *text, size_t len)
{
    json_parser_ ps;
    json_value *v;
    ps.p = text;
    ps.end = text + len;
    ps.err = 0;
    v = json_value_(&ps, 0);
    if (v && !ps.err) {
        json_ws_(&ps);
        if (ps.p == ps.end)
            return v;
    }
    json_free(v);
    fprintf(stderr, "minijson: parse error at offset %ld\n", (long)(ps.p - text));
    return NULL;
}

/* json_parse_file reads and parses path; NULL if it cannot be read or parsed. */
static inline json_value *json_parse_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;
    json_value *v;
    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) { fclose(f); return NULL; }
    buf = (char *)malloc((size_t)n + 1);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) { free(buf); fclose(f); return NULL; }
    fclose(f);
    v = json_parse(buf, (size_t)n);
    free(buf);
    if (!v)
        fprintf(stderr, "minijson: cannot parse %s\n", path);
    return v;
}

/* json_get returns obj[key], or NULL. */
static inline json_value *json_get(const json_value *obj, const char *key)
{
    size_t i;
    if (!obj || obj->type != JSON_OBJECT)
        return NULL;
    for (i = 0; i < obj->n; i++)
        if (strcmp(obj->keys[i], key) == 0)
            return obj->items[i];
    return NULL;
}

/* json_at returns arr[i], or NULL. */
static inline json_value *json_at(const json_value *arr, size_t i)
{
    if (!arr || (arr->type != JSON_ARRAY && arr->type != JSON_OBJECT) || i >= arr->n)
        return NULL;
    return arr->items[i];
}

/* json_str returns obj[key] as a string, or "" (and sets *len when non-NULL). */
static inline const char *json_str(const json_value *obj, const char *key, size_t *len)
{
    json_value *v = json_get(obj, key);
    if (!v || v->type != JSON_STRING) {
        if (len) *len = 0;
        return "";
    }
    if (len) *len = v->len;
    return v->str;
}

#endif /* CRYPTOGO_TEST_MINIJSON_H */
