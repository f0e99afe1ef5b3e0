#!/usr/bin/env python3
"""gen_misuse.py - write the misuse-matrix C program from the ABI description.

    python3 tests/misuse/gen_misuse.py --abi include/cryptogo_abi.json \
        --keys core/testdata/keys -o build/misuse/misuse.c

Every export of include/cryptogo_abi.json (written by capi/abigen from capi's
//export functions) gets cases that call it with valid arguments except one:

  handles      NULL, freed, double-freed, of the wrong kind (for a key
               handle also the other key kind: a public key where a private
               one is expected and the reverse), never a handle (address of a
               stack int, a malloc'd block)  -> INVALID_HANDLE
               (*_free(NULL) -> OK)
  inputs       NULL with a length -> INVALID_ARGUMENT; zero lengths; 2^31 with
               NULL -> INVALID_ARGUMENT; 2^40 and SIZE_MAX with a pointer to a
               16-byte buffer -> OVERFLOW (rejected before reading: the buffer
               ends at an inaccessible page); 2^31 with a small buffer where
               the doc promises OVERFLOW for 2^31 (AEAD encryption)
  outputs      out_len NULL, out NULL with a capacity -> INVALID_ARGUMENT; a
               size query (NULL, 0) -> BUFFER_TOO_SMALL with *out_len = need;
               need - 1 bytes -> BUFFER_TOO_SMALL, *out_len = need, nothing
               written; need bytes; guard bytes around every output buffer
  out pointers (cryptogo_x **out, size_t *out_bits, int *out_type, int64_t *out_ts)
               NULL -> INVALID_ARGUMENT
  scalars      out-of-range values from the SCALARS table
  handle arrays NULL, n = 0, n = 2^31, an entry NULL/freed/wrong kind

cryptogo_invoke (the packed-call trampoline) gets its own cases (fn_id out
of range, NULL args; and for every export it can call: an array of NULLs of
the right length, a short array ending at an inaccessible page with nargs =
arity - 1, nargs = arity + 1 and SIZE_MAX -> INVALID_ARGUMENT, never a
crash), and the whole matrix of every export that has an invoke_id runs a
second time through cryptogo_invoke with the same arguments packed in slots,
expecting the same codes - except where a case puts NULL in a slot that
cryptogo_invoke refuses to be NULL (an output buffer, out-length,
out-pointer or handle: see nullableSlot in capi/abigen/invoke.go), which
returns INVALID_ARGUMENT through it.

Each call must return a code its doc comment's "Returns:" list mentions (and
the expected one above), never CRYPTOGO_ERR_INTERNAL, never crash, never
write outside its output buffer, and at the end no handle may be alive.

The generator FAILS (exit 1) when an export has a parameter type, a
parameter pattern, a scalar parameter name or a handle type it does not know:
add it to the tables below, so that no new export escapes the matrix.
"""

import argparse
import json
import os
import re
import sys

# ---------------------------------------------------------------------------
# Handle type -> (C body of a maker returning a new handle, free function).
# The makers may use the fixtures (blobs) defined in PRELUDE.
HANDLES = {
    "cryptogo_fernet": (
        "cryptogo_fernet *h = NULL; MUST(cryptogo_fernet_new(&h, FERNET_KEY.p, FERNET_KEY.n)); return h;",
        "cryptogo_fernet_free",
    ),
    "cryptogo_multifernet": (
        "cryptogo_fernet *f[2] = {NULL, NULL}; cryptogo_multifernet *h = NULL;"
        " MUST(cryptogo_fernet_new(&f[0], FERNET_KEY.p, FERNET_KEY.n));"
        " MUST(cryptogo_fernet_new(&f[1], FERNET_KEY2.p, FERNET_KEY2.n));"
        " MUST(cryptogo_multifernet_new(&h, f, 2));"
        " MUST(cryptogo_fernet_free(f[0])); MUST(cryptogo_fernet_free(f[1])); return h;",
        "cryptogo_multifernet_free",
    ),
    "cryptogo_hash": (
        "cryptogo_hash *h = NULL; MUST(cryptogo_hash_new(&h, CRYPTOGO_HASH_SHA256, 0)); return h;",
        "cryptogo_hash_free",
    ),
    "cryptogo_hmac": (
        "cryptogo_hmac *h = NULL; MUST(cryptogo_hmac_new(&h, HMAC_KEY.p, HMAC_KEY.n, CRYPTOGO_HASH_SHA256)); return h;",
        "cryptogo_hmac_free",
    ),
    "cryptogo_aesgcm": (
        "cryptogo_aesgcm *h = NULL; MUST(cryptogo_aesgcm_new(&h, AES_KEY.p, AES_KEY.n)); return h;",
        "cryptogo_aesgcm_free",
    ),
    "cryptogo_chacha20poly1305": (
        "cryptogo_chacha20poly1305 *h = NULL; MUST(cryptogo_chacha20poly1305_new(&h, CHACHA_KEY.p, CHACHA_KEY.n)); return h;",
        "cryptogo_chacha20poly1305_free",
    ),
    "cryptogo_private_key": (
        "cryptogo_private_key *h = NULL;"
        " MUST(cryptogo_private_key_load(&h, PRIV_PEM.p, PRIV_PEM.n, NULL, 0, CRYPTOGO_ENCODING_PEM)); return h;",
        "cryptogo_private_key_free",
    ),
    "cryptogo_public_key": (
        "cryptogo_public_key *h = NULL;"
        " MUST(cryptogo_public_key_load(&h, PUB_PEM.p, PUB_PEM.n, CRYPTOGO_ENCODING_PEM)); return h;",
        "cryptogo_public_key_free",
    ),
}

# Input buffers: the fixture (a blob of PRELUDE) an input gets in the valid
# baseline, by (function, parameter) then by parameter name. NONE is (NULL, 0).
INPUTS_BY_FN = {
    ("cryptogo_fernet_new", "key"): "FERNET_KEY",
    ("cryptogo_aesgcm_new", "key"): "AES_KEY",
    ("cryptogo_chacha20poly1305_new", "key"): "CHACHA_KEY",
    ("cryptogo_aesgcm_decrypt", "ct"): "GCM_CT",
    ("cryptogo_chacha20poly1305_decrypt", "ct"): "CHACHA_CT",
    ("cryptogo_rsa_decrypt_oaep", "ct"): "OAEP_CT",
    ("cryptogo_rsa_decrypt_pkcs1v15", "ct"): "PKCS1_CT",
    ("cryptogo_rsa_verify_pss", "sig"): "PSS_SIG",
    ("cryptogo_rsa_verify_pkcs1v15", "sig"): "PKCS1_SIG",
    ("cryptogo_hmac_verify", "sig"): "HMAC_SIG",
    ("cryptogo_private_key_load", "data"): "PRIV_PEM",
    ("cryptogo_public_key_load", "data"): "PUB_PEM",
    ("cryptogo_private_key_load", "password"): "NONE",
    ("cryptogo_private_key_dump", "password"): "NONE",
    ("cryptogo_rsa_recover_pkcs1v15", "sig"): "PKCS1_SIG",
    ("cryptogo_fernet_key_canonicalize", "key"): "FERNET_KEY",
    ("cryptogo_dss_signature_decode", "sig"): "DSS_SIG",
    ("cryptogo_private_key_from_raw", "data"): "RAW32",
    ("cryptogo_public_key_from_raw", "data"): "RAW32",
    ("cryptogo_ec_derive_private_key", "scalar"): "RAW32",
    ("cryptogo_ec_public_key_from_point", "point"): "P256_G",
    ("cryptogo_ec_public_key_from_numbers", "x"): "P256_GX",
    ("cryptogo_ec_public_key_from_numbers", "y"): "P256_GY",
    # DSA: the numbers of a key generated once by fixtures_init.
    **{
        (fn, n): "DSA_" + n.upper()
        for fn, names in (
            ("cryptogo_dsa_parameters_check", "pqg"),
            ("cryptogo_dsa_generate_from_parameters", "pqg"),
            ("cryptogo_dsa_public_key_from_numbers", "pqgy"),
            ("cryptogo_dsa_private_key_from_numbers", "pqgyx"),
        )
        for n in names
    },
}
INPUTS_BY_NAME = {
    "key": "HMAC_KEY",
    "nonce": "NONCE12",
    "iv": "IV16",
    "token": "TOKEN",
    "ad": "AD",
    "label": "LABEL",
    "salt": "SALT",
    "password": "PASSWORD",
    "expected": "PBKDF2_EXPECTED",
    "msg": "HELLO",
    "pt": "HELLO",
    "data": "HELLO",
    "sig": "HELLO",
    "ct": "HELLO",
    "n": "RSA_N",
    "e": "RSA_E",
    "d": "RSA_D",
    "p": "RSA_P",
    "q": "RSA_Q",
    "dmp1": "RSA_DMP1",
    "dmq1": "RSA_DMQ1",
    "iqmp": "RSA_IQMP",
    "r": "HELLO",
    "s": "SALT",
}

# Inputs for which the doc promises OVERFLOW at 2^31 bytes, checked before the
# input is read: tested with 2^31 and a pointer to a small buffer.
OVERFLOW_AT_2_31 = {
    ("cryptogo_aesgcm_encrypt", "pt"),
    ("cryptogo_aesgcm_encrypt", "ad"),
    ("cryptogo_chacha20poly1305_encrypt", "pt"),
    ("cryptogo_chacha20poly1305_encrypt", "ad"),
}

I32 = ["0", "-1", "INT_MIN", "INT_MAX"]
HASHES = I32 + ["18", "CRYPTOGO_HASH_SM3", "CRYPTOGO_HASH_SHAKE128", "CRYPTOGO_HASH_MD5", "CRYPTOGO_HASH_BLAKE2B"]
SIZES = ["0", "1", "(size_t)1 << 31", "(size_t)1 << 40", "SIZE_MAX"]
I64 = ["0", "-1", "INT64_MIN", "INT64_MAX"]

# Scalars: (type, name) -> (baseline C expression, mutations). A name missing
# here makes the generator fail.
SCALARS = {
    ("int", "alg"): ("CRYPTOGO_HASH_SHA256", HASHES),
    ("int", "hash_alg"): ("CRYPTOGO_HASH_SHA256", HASHES),
    ("int", "mgf1_hash_alg"): ("CRYPTOGO_HASH_SHA256", HASHES),
    ("int", "encoding"): ("CRYPTOGO_ENCODING_PEM", I32 + ["3", "CRYPTOGO_ENCODING_DER"]),
    ("int", "format"): ("1", I32 + ["2", "3"]),
    ("int", "has_ttl"): ("0", ["1", "-1", "INT_MIN"]),
    ("int", "prehashed"): ("0", ["1", "-1"]),
    ("int", "component"): ("CRYPTOGO_RSA_N", I32 + ["CRYPTOGO_RSA_D", "CRYPTOGO_RSA_IQMP", "9"]),
    ("int", "salt_bytes"): (
        "CRYPTOGO_PSS_SALT_DIGEST_LENGTH",
        I32 + ["CRYPTOGO_PSS_SALT_MAX_LENGTH", "CRYPTOGO_PSS_SALT_AUTO", "-4", "200"],
    ),
    ("int", "code"): ("0", I32 + ["-16", "-17", "1"]),
    ("int", "curve"): ("CRYPTOGO_EC_SECP256R1", I32 + ["CRYPTOGO_EC_SECP224R1", "CRYPTOGO_EC_SECP521R1", "5"]),
    ("int", "deterministic"): ("0", ["1", "-1", "INT_MIN"]),
    ("int", "key_type"): ("CRYPTOGO_KEY_ED25519", I32 + ["CRYPTOGO_KEY_RSA", "CRYPTOGO_KEY_X448", "13"]),
    ("int64_t", "ttl"): ("60", I64),
    ("int64_t", "current_time"): ("NOW", I64),
    # Never an iteration count that would run for long: only rejected ones.
    ("uint64_t", "iterations"): ("10", ["0", "UINT64_MAX", "(uint64_t)INT64_MAX + 1"]),
    ("uint64_t", "public_exponent"): ("65537", ["0", "1", "65535", "UINT64_MAX"]),
    ("size_t", "digest_bytes"): ("0", SIZES + ["32"]),
    ("size_t", "key_bits"): ("1024", ["0", "1023", "16385", "(size_t)1 << 31", "SIZE_MAX"]),
    ("size_t", "msg_bytes"): ("10", SIZES + ["((size_t)1 << 60) + 1"]),
    ("size_t", "token_bytes"): ("100", SIZES),
}

INVOKE = "cryptogo_invoke"
ZERO_SLOTS_MAX = range(32)  # the `zeros` array of test_cryptogo_invoke
SIGNED_SLOTS = {"int", "int64_t"}

STATUS_RE = re.compile(r"\bCRYPTOGO_(?:OK|ERR_[A-Z_]+)\b")
KNOWN_RETURNS = {"int", "size_t", "const char *"}


class Unknown(Exception):
    pass


def c_string(data):
    out = []
    for b in data:
        ch = chr(b)
        if ch in '"\\?':
            out.append("\\" + ch)
        elif 32 <= b < 127:
            out.append(ch)
        elif ch == "\n":
            out.append('\\n"\n    "')
        else:
            out.append(f'\\x{b:02x}""')
    return '"' + "".join(out) + '"'


def classify(fn):
    """Group fn's params into kinds: triple, exact_out, input, out_ptr,
    handle_out, handle_in, handle_array, scalar. Raise Unknown otherwise."""
    params = fn["params"] or []
    groups, i = [], 0
    name = fn["name"]
    while i < len(params):
        p = params[i]
        t, n = p["type"], p["name"]
        nxt = params[i + 1] if i + 1 < len(params) else None
        nxt2 = params[i + 2] if i + 2 < len(params) else None
        if t == "uint8_t *":
            if nxt and nxt["type"] == "size_t" and nxt["name"].endswith("_cap") and nxt2 and nxt2["type"] == "size_t *":
                groups.append(("triple", [n, nxt["name"], nxt2["name"]]))
                i += 3
                continue
            if nxt and nxt["type"] == "size_t":
                groups.append(("exact_out", [n, nxt["name"]]))
                i += 2
                continue
            raise Unknown(f"{name}: output {n} is not followed by (size_t cap, size_t *len) or (size_t len)")
        if t == "const uint8_t *":
            if nxt and nxt["type"] == "size_t" and nxt["name"] == n + "_len":
                groups.append(("input", [n, nxt["name"]]))
                i += 2
                continue
            raise Unknown(f"{name}: input {n} is not followed by size_t {n}_len")
        if t in ("size_t *", "int64_t *", "int *"):
            groups.append(("out_ptr", [n], t))
            i += 1
            continue
        m = re.fullmatch(r"(cryptogo_\w+) \*\*", t)
        if m:
            ht = m.group(1)
            if ht not in HANDLES:
                raise Unknown(f"{name}: handle type {ht} has no constructor entry in HANDLES")
            if n == "out":
                groups.append(("handle_out", [n], ht))
                i += 1
                continue
            if nxt and nxt["type"] == "size_t":
                groups.append(("handle_array", [n, nxt["name"]], ht))
                i += 2
                continue
            raise Unknown(f"{name}: {t} {n} is neither `out` nor an array followed by its size_t count")
        m = re.fullmatch(r"(?:const )?(cryptogo_\w+) \*", t)
        if m:
            ht = m.group(1)
            if ht not in HANDLES:
                raise Unknown(f"{name}: handle type {ht} has no constructor entry in HANDLES")
            groups.append(("handle_in", [n], ht))
            i += 1
            continue
        if t in ("int", "int64_t", "uint64_t", "size_t"):
            if (t, n) not in SCALARS:
                raise Unknown(
                    f"{name}: scalar parameter `{t} {n}` is not in SCALARS (add its valid value and mutations)"
                )
            groups.append(("scalar", [n], t))
            i += 1
            continue
        raise Unknown(f"{name}: parameter type `{t}` ({n}) is unknown to the misuse generator")
    if fn["return"] not in KNOWN_RETURNS:
        raise Unknown(f"{name}: return type `{fn['return']}` is unknown to the misuse generator")
    return groups


def documented(fn):
    """The codes an export documents: its Returns: list, plus the ABI-wide
    conventions stated once in the header's preamble (an input length above
    2^32-1 returns CRYPTOGO_ERR_OVERFLOW for every export taking an input)."""
    if fn.get("returns") is not None:  # abigen's parsed Returns: list, one code per item
        codes = {r["code"] for r in fn["returns"] if r.get("code")}
    else:
        doc = fn["doc"]
        i = doc.find("Returns:")
        codes = set(STATUS_RE.findall(doc[i:] if i >= 0 else ""))
    if any(p["type"] == "const uint8_t *" for p in (fn["params"] or [])):
        codes.add("CRYPTOGO_ERR_OVERFLOW")
    return sorted(codes)


class Gen:
    def __init__(self, abi):
        self.abi = abi
        self.has_invoke = any(f["name"] == INVOKE for f in abi["functions"])
        self.out = []
        self.warnings = []
        self.htypes = list(HANDLES)

    def w(self, s=""):
        self.out.append(s)

    def input_fixture(self, fn, pname):
        f = INPUTS_BY_FN.get((fn, pname)) or INPUTS_BY_NAME.get(pname)
        if f is None:
            self.warnings.append(f"{fn}: no fixture for input `{pname}`, using HELLO")
            f = "HELLO"
        return f

    def other_type(self, ht):
        return "cryptogo_aesgcm" if ht != "cryptogo_aesgcm" else "cryptogo_fernet"

    # The handle kinds a caller is most likely to confuse: each key kind with
    # the other (one handle kind per key role, whatever the algorithm).
    CONFUSABLE = {"cryptogo_private_key": "cryptogo_public_key", "cryptogo_public_key": "cryptogo_private_key"}

    def gen_function(self, fn, groups):
        name = fn["name"]
        params = fn["params"] or []
        ret = fn["return"]
        fields = "".join(f"    {p['type']}{'' if p['type'].endswith('*') else ' '}{p['name']};\n" for p in params)
        self.w(f"/* ---- {name} ---- */")
        fields = fields or "    int unused_;\n"
        self.w("typedef struct {\n" + fields + "} A_" + name + ";")
        # baseline
        self.w(f"static void base_{name}(ctx_t *c, A_{name} *a)\n{{")
        self.w("    (void)c; (void)a;")
        is_free = name.endswith("_free") and len(groups) == 1 and groups[0][0] == "handle_in"
        for g in groups:
            kind, names = g[0], g[1]
            if kind == "triple":
                self.w(
                    f"    a->{names[0]} = out_buf(c, BIG_OUT); a->{names[1]} = BIG_OUT; a->{names[2]} = &c->out_len;"
                )
            elif kind == "exact_out":
                self.w(f"    a->{names[0]} = out_buf(c, 32); a->{names[1]} = 32;")
            elif kind == "input":
                fx = self.input_fixture(name, names[0])
                if fx == "NONE":
                    self.w(f"    a->{names[0]} = NULL; a->{names[1]} = 0;")
                else:
                    self.w(f"    a->{names[0]} = blob_in(c, {fx}); a->{names[1]} = {fx}.n;")
            elif kind == "out_ptr":
                target = {"size_t *": "&c->scratch_size", "int *": "&c->scratch_int"}.get(g[2], "&c->scratch_i64")
                self.w(f"    a->{names[0]} = {target};")
            elif kind == "handle_out":
                self.w(f"    a->{names[0]} = ({g[2]} **)&c->hout;")
            elif kind == "handle_in":
                self.w(f"    a->{names[0]} = ({g[2]} *)make_handle(c, H_{g[2]});")
            elif kind == "handle_array":
                self.w(f"    c->harr[0] = make_handle(c, H_{g[2]}); c->harr[1] = make_handle(c, H_{g[2]});")
                self.w(f"    a->{names[0]} = ({g[2]} **)c->harr; a->{names[1]} = 2;")
            elif kind == "scalar":
                self.w(f"    a->{names[0]} = {SCALARS[(g[2], names[0])][0]};")
        self.w("}")
        # call
        args = ", ".join(f"a->{p['name']}" for p in params)
        if ret == "int" and fn.get("invoke_id") and self.has_invoke:
            # The same arguments through cryptogo_invoke when via_invoke is set.
            slots = []
            for p in params:
                t = p["type"]
                if t.endswith("*"):
                    slots.append(f"(void *)(uintptr_t)a->{p['name']}")
                elif t in SIGNED_SLOTS:
                    slots.append(f"(void *)(intptr_t)a->{p['name']}")
                else:
                    slots.append(f"(void *)(uintptr_t)a->{p['name']}")
            self.w(f"static int call_{name}(A_{name} *a)\n{{")
            self.w("    (void)a;")
            self.w("    if (via_invoke) {")
            self.w(f"        void *s[{max(len(slots), 1)}] = {{{', '.join(slots) or '0'}}};")
            self.w(f"        return {INVOKE}({fn['invoke_id']}, s, {len(slots)});")
            self.w("    }")
            self.w(f"    return {name}({args});")
            self.w("}")
        elif ret == "int":
            self.w(f"static int call_{name}(A_{name} *a) {{ (void)a; return {name}({args}); }}")
        elif ret == "size_t":
            self.w(
                f"static int call_{name}(A_{name} *a) {{ (void)a; volatile size_t r = {name}({args}); (void)r; return 0; }}"
            )
        else:  # const char *
            self.w(
                f"static int call_{name}(A_{name} *a) {{ const char *s; (void)a; s = {name}({args});"
                f" return (s && strlen(s) < 4096) ? 0 : -999; }}"
            )
        # post: handles created by the call, the free functions' own handle
        self.w(f"static void post_{name}(ctx_t *c, A_{name} *a, int rc)\n{{")
        self.w("    (void)c; (void)a; (void)rc;")
        for g in groups:
            if g[0] == "handle_out":
                self.w(
                    f'    if (c->hout) {{ if (rc != CRYPTOGO_OK) fail(c, "*out set although rc = %d", rc);'
                    f" keep_handle(c, H_{g[2]}, c->hout); }}"
                )
                self.w(f'    else if (rc == CRYPTOGO_OK && a->{g[1][0]}) fail(c, "OK but *out is NULL");')
        if is_free:
            h = groups[0][1][0]
            self.w(f"    if (rc == CRYPTOGO_OK) forget_handle(c, a->{h});")
        self.w("}")
        doc = documented(fn)
        if ret == "int":
            self.w(f"static const int DOC_{name}[] = {{{', '.join(doc + ['1'])}}};")
            doci = sorted(set(doc) | {"CRYPTOGO_ERR_INVALID_ARGUMENT"})
            self.w(f"static const int DOCI_{name}[] = {{{', '.join(doci + ['1'])}}};")
        else:
            self.w(f"static const int DOC_{name}[] = {{0, 1}};")
        # cases
        self.w(f"static void test_{name}(void)\n{{")
        self.case(name, "valid arguments", "", None)
        for g in groups:
            self.mutations(name, g, is_free)
        self.w("}")
        self.w()

    def docs(self, name):
        """The documented codes of `name`, as the case sees them: through
        cryptogo_invoke an export may also return INVALID_ARGUMENT."""
        if self.invokable(name):
            return f"(via_invoke ? DOCI_{name} : DOC_{name})"
        return f"DOC_{name}"

    def invokable(self, name):
        return self.has_invoke and any(
            f["name"] == name and f.get("invoke_id") and f["return"] == "int" for f in self.abi["functions"]
        )

    def expectation(self, name, expect, null_slot):
        exp = "NULL" if expect is None else "(const int[]){" + ", ".join(expect + ["1"]) + "}"
        if null_slot and self.invokable(name):
            # cryptogo_invoke refuses a NULL in this slot before calling.
            exp = f"(via_invoke ? (const int[]){{CRYPTOGO_ERR_INVALID_ARGUMENT, 1}} : {exp})"
        return exp

    def case(self, name, desc, mutation, expect, post="", null_slot=False):
        exp = self.expectation(name, expect, null_slot)
        desc = desc.replace('"', '\\"')
        self.w("    {")
        self.w(f"        ctx_t c; A_{name} a; int rc;")
        self.w(f'        ctx_begin(&c, via_invoke ? "{INVOKE}:{name}" : "{name}", "{desc}");')
        self.w(f"        base_{name}(&c, &a);")
        if mutation:
            self.w(f"        {mutation}")
        self.w(f"        rc = call_{name}(&a);")
        self.w(f"        check_rc(&c, rc, {self.docs(name)}, {exp});")
        if post:
            self.w(f"        {post}")
        self.w(f"        post_{name}(&c, &a, rc);")
        self.w("        ctx_end(&c);")
        self.w("    }")

    def mutations(self, name, g, is_free):
        kind, names = g[0], g[1]
        IA, OV, IH = "CRYPTOGO_ERR_INVALID_ARGUMENT", "CRYPTOGO_ERR_OVERFLOW", "CRYPTOGO_ERR_INVALID_HANDLE"
        BTS = "CRYPTOGO_ERR_BUFFER_TOO_SMALL"
        if kind == "triple":
            o, cap, ln = names
            self.case(name, f"{ln} = NULL", f"a.{ln} = NULL;", [IA], null_slot=True)
            self.case(name, f"{o} = NULL, {cap} = BIG_OUT", f"a.{o} = NULL;", [IA], null_slot=True)
            self.case(
                name,
                f"{o} non-NULL, {cap} = 0",
                f"a.{cap} = 0;",
                None,
                f'if (rc == {BTS} && c.out_len == 0) fail(&c, "BUFFER_TOO_SMALL with *out_len = 0");',
            )
            # size query, then need - 1 bytes, then exactly need bytes
            self.w("    {")
            self.w("        size_t need = 0;")
            # Through cryptogo_invoke a NULL output is refused: the size the
            # next cases need comes from the direct call then.
            direct = f"{name}(" + ", ".join(f"a.{p['name']}" for p in self.params_of(name)) + ")"
            self.case_inline(
                name,
                "size query (NULL, 0)",
                f"a.{o} = NULL; a.{cap} = 0;",
                None,
                f"if (via_invoke && {direct} != {BTS}) {{ c.out_len = 0; }}"
                f" if (rc == {BTS} || via_invoke) {{ need = c.out_len; }}"
                f' if (rc == {BTS} && need == 0) {{ fail(&c, "BUFFER_TOO_SMALL with *out_len = 0"); }}',
                null_slot=True,
            )
            self.w("        if (need > 0) {")
            self.case_inline(
                name,
                "out_cap = need - 1",
                f"a.{o} = out_buf(&c, need - 1); a.{cap} = need - 1;",
                [BTS],
                f'if (c.out_len != need) {{ fail(&c, "*out_len = %zu, want %zu", c.out_len, need); }}'
                f' if (!untouched(a.{o}, need - 1)) {{ fail(&c, "BUFFER_TOO_SMALL but the buffer was written"); }}',
            )
            self.case_inline(
                name,
                "out_cap = need",
                f"a.{o} = out_buf(&c, need); a.{cap} = need;",
                None,
                f'if (rc == CRYPTOGO_OK && c.out_len > need) {{ fail(&c, "*out_len %zu > need %zu", c.out_len, need); }}'
                f' if (rc == {BTS}) {{ fail(&c, "BUFFER_TOO_SMALL with exactly the size it asked for"); }}',
            )
            self.w("        }")
            self.w("    }")
        elif kind == "exact_out":
            o, n = names
            self.case(name, f"{o} = NULL", f"a.{o} = NULL;", [IA], null_slot=True)
            self.case(name, f"{o} = NULL, {n} = 0", f"a.{o} = NULL; a.{n} = 0;", None, null_slot=True)
            self.case(
                name, f"{o} = NULL, {n} = 2^40", f"a.{o} = NULL; a.{n} = (size_t)1 << 40;", [IA, OV], null_slot=True
            )
        elif kind == "input":
            p, n = names
            self.case(name, f"{p} = NULL, {n} > 0", f"a.{p} = NULL; if (a.{n} == 0) a.{n} = 5;", [IA])
            self.case(name, f"{p} = NULL, {n} = 0", f"a.{p} = NULL; a.{n} = 0;", None)
            self.case(name, f"{p} non-NULL, {n} = 0", f"a.{p} = guarded_in(&c, NULL, 1); a.{n} = 0;", None)
            self.case(name, f"{p} = NULL, {n} = 2^31", f"a.{p} = NULL; a.{n} = (size_t)1 << 31;", [IA])
            self.case(
                name, f"{p} = 16 bytes, {n} = 2^40", f"a.{p} = guarded_in(&c, NULL, 16); a.{n} = (size_t)1 << 40;", [OV]
            )
            self.case(
                name, f"{p} = 16 bytes, {n} = SIZE_MAX", f"a.{p} = guarded_in(&c, NULL, 16); a.{n} = SIZE_MAX;", [OV]
            )
            if (name, p) in OVERFLOW_AT_2_31:
                self.case(
                    name,
                    f"{p} = 16 bytes, {n} = 2^31",
                    f"a.{p} = guarded_in(&c, NULL, 16); a.{n} = (size_t)1 << 31;",
                    [OV],
                )
                self.case(
                    name,
                    f"{p} = 16 bytes, {n} = 2^31 - 1 + 1",
                    f"a.{p} = guarded_in(&c, NULL, 16); a.{n} = (size_t)INT_MAX + 1;",
                    [OV],
                )
        elif kind == "out_ptr":
            self.case(name, f"{names[0]} = NULL", f"a.{names[0]} = NULL;", [IA], null_slot=True)
        elif kind == "handle_out":
            self.case(name, f"{names[0]} = NULL", f"a.{names[0]} = NULL;", [IA], null_slot=True)
        elif kind == "handle_in":
            h, ht = names[0], g[2]
            null_expect = ["CRYPTOGO_OK"] if is_free else [IH]
            self.case(name, f"{h} = NULL", f"a.{h} = NULL;", null_expect, null_slot=True)
            self.case(
                name,
                f"{h} freed",
                f'a.{h} = ({ht} *)new_handle(H_{ht}); if (free_handle(H_{ht}, a.{h}) != CRYPTOGO_OK) fail(&c, "free");',
                [IH],
            )
            self.case(
                name,
                f"{h} double-freed",
                f"a.{h} = ({ht} *)new_handle(H_{ht}); free_handle(H_{ht}, a.{h});"
                f' {{ int r2 = free_handle(H_{ht}, a.{h}); if (r2 != {IH}) fail(&c, "second free returned %d", r2); }}',
                [IH],
            )
            ot = self.other_type(ht)
            self.case(name, f"{h} of the wrong kind ({ot})", f"a.{h} = ({ht} *)make_handle(&c, H_{ot});", [IH])
            if ht in self.CONFUSABLE:
                ck = self.CONFUSABLE[ht]
                self.case(name, f"{h} of the other key kind ({ck})", f"a.{h} = ({ht} *)make_handle(&c, H_{ck});", [IH])
            self.case(name, f"{h} = address of a stack int", f"a.{h} = ({ht} *)(void *)&c.stack_int;", [IH])
            self.case(name, f"{h} = a malloc'd block", f"a.{h} = ({ht} *)c.never_handle;", [IH])
        elif kind == "handle_array":
            arr, n, ht = names[0], names[1], g[2]
            ot = self.other_type(ht)
            self.case(name, f"{arr} = NULL", f"a.{arr} = NULL;", [IA], null_slot=True)
            self.case(name, f"{n} = 0", f"a.{n} = 0;", [IA])
            self.case(name, f"{n} = 2^31", f"a.{n} = (size_t)1 << 31;", [IA])
            self.case(name, f"{n} = SIZE_MAX", f"a.{n} = SIZE_MAX;", [IA])
            self.case(name, f"{arr}[1] = NULL", "c.harr[1] = NULL;", [IH])
            self.case(name, f"{arr}[1] freed", f"c.harr[1] = new_handle(H_{ht}); free_handle(H_{ht}, c.harr[1]);", [IH])
            self.case(name, f"{arr}[1] of the wrong kind", f"c.harr[1] = make_handle(&c, H_{ot});", [IH])
            self.case(name, f"{arr}[1] = a malloc'd block", "c.harr[1] = c.never_handle;", [IH])
        elif kind == "scalar":
            for v in SCALARS[(g[2], names[0])][1]:
                self.case(name, f"{names[0]} = {v}", f"a.{names[0]} = {v};", None)

    def params_of(self, name):
        return next(f for f in self.abi["functions"] if f["name"] == name)["params"] or []

    def gen_invoke(self, fn):
        """cryptogo_invoke's own cases: ids that name no function, NULL args,
        and for every export it calls: an array of NULLs of the right length,
        a short array (nargs = arity - 1, the array ending at an inaccessible
        page), nargs = arity + 1 and SIZE_MAX."""
        fns = [f for f in self.abi["functions"] if f.get("invoke_id")]
        ids = [f["invoke_id"] for f in fns]
        top = max(ids)
        with_params = next(f for f in fns if f["params"])
        self.w(f"static const int DOC_{INVOKE}[] = {{{', '.join(documented(fn) + ['1'])}}};")
        self.w(f"static void test_{INVOKE}(void)\n{{")
        self.w("    static void *zeros[32];")
        cases = [(f"fn_id = {v}", v, "zeros", "1") for v in ("0", "-1", str(top + 1), "INT_MAX", "INT_MIN")]
        cases += [(f"fn_id = {v}, args = NULL", v, "NULL", "0") for v in ("0", str(top + 1))]
        n = len(with_params["params"])
        cases.append((f"args = NULL for {with_params['name']}", str(with_params["invoke_id"]), "NULL", str(n)))
        for f in fns:
            n = len(f["params"] or [])
            i, nm = f["invoke_id"], f["name"]
            if n > len(ZERO_SLOTS_MAX):
                raise Unknown(f"{nm}: more than {len(ZERO_SLOTS_MAX)} parameters (raise ZERO_SLOTS_MAX)")
            cases.append((f"{nm}: {n} NULL slots", str(i), "zeros", str(n)))
            cases.append((f"{nm}: nargs = {n + 1}", str(i), "zeros", str(n + 1)))
            cases.append((f"{nm}: nargs = SIZE_MAX", str(i), "zeros", "SIZE_MAX"))
            if n > 0:
                cases.append((f"{nm}: short array, nargs = {n - 1}", str(i), "short", str(n - 1)))
        for desc, v, arr, nargs in cases:
            self.w("    {")
            self.w("        ctx_t c; int rc;")
            self.w(f'        ctx_begin(&c, "{INVOKE}", "{desc}");')
            if arr == "short":
                # nargs - 1 NULL slots ending right before an inaccessible page
                self.w(f"        void **s = (void **)(uintptr_t)guarded_in(&c, zeros, sizeof(void *) * {nargs});")
                arr = "s"
            self.w(f"        rc = {INVOKE}({v}, {arr}, {nargs});")
            self.w(f"        check_rc(&c, rc, DOC_{INVOKE}, (const int[]){{CRYPTOGO_ERR_INVALID_ARGUMENT, 1}});")
            self.w("        ctx_end(&c);")
            self.w("    }")
        self.w("}")
        self.w()

    def case_inline(self, name, desc, mutation, expect, post, null_slot=False):
        # a case inside a block that declares `need`
        exp = self.expectation(name, expect, null_slot)
        self.w("        {")
        self.w(f"            ctx_t c; A_{name} a; int rc;")
        self.w(f'            ctx_begin(&c, via_invoke ? "{INVOKE}:{name}" : "{name}", "{desc}");')
        self.w(f"            base_{name}(&c, &a);")
        self.w(f"            {mutation}")
        self.w(f"            rc = call_{name}(&a);")
        self.w(f"            check_rc(&c, rc, {self.docs(name)}, {exp});")
        self.w(f"            {post}")
        self.w(f"            post_{name}(&c, &a, rc);")
        self.w("            ctx_end(&c);")
        self.w("        }")


PRELUDE = r"""
/* Fixtures: fixed blobs, and blobs made at start-up by calling the library
 * (ciphertexts, tokens, signatures, RSA numbers) so that the baseline calls
 * succeed. */
#define BLOB(s) ((blob){(const uint8_t *)(s), sizeof(s) - 1})
static const blob NONE __attribute__((unused)) = {NULL, 0};
static const blob FERNET_KEY = BLOB("cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=");
static const blob FERNET_KEY2 = BLOB("Ah4BeYjrq-8qh8UBoYMZJldLhQhxYnNSjAUm5WinJHc=");
static const blob HMAC_KEY = BLOB("key");
static const blob AES_KEY = BLOB("BBBBBBBBBBBBBBBB");
static const blob CHACHA_KEY = BLOB("BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB");
static const blob NONCE12 = BLOB("nonce-nonce-");
static const blob IV16 = BLOB("iv-iv-iv-iv-iv-i");
static const blob HELLO = BLOB("hello");
static const blob RAW32 = BLOB("0123456789abcdef0123456789abcdef"); /* a raw Ed25519/X25519 key */
static const blob P256_G = BLOB("\x04\x6b\x17\xd1\xf2\xe1\x2c\x42\x47\xf8\xbc\xe6\xe5\x63\xa4\x40\xf2\x77\x03\x7d\x81\x2d\xeb\x33\xa0\xf4\xa1\x39\x45\xd8\x98\xc2\x96\x4f\xe3\x42\xe2\xfe\x1a\x7f\x9b\x8e\xe7\xeb\x4a\x7c\x0f\x9e\x16\x2b\xce\x33\x57\x6b\x31\x5e\xce\xcb\xb6\x40\x68\x37\xbf\x51\xf5"); /* the P-256 generator */
static const blob P256_GX = BLOB("\x6b\x17\xd1\xf2\xe1\x2c\x42\x47\xf8\xbc\xe6\xe5\x63\xa4\x40\xf2\x77\x03\x7d\x81\x2d\xeb\x33\xa0\xf4\xa1\x39\x45\xd8\x98\xc2\x96");
static const blob P256_GY = BLOB("\x4f\xe3\x42\xe2\xfe\x1a\x7f\x9b\x8e\xe7\xeb\x4a\x7c\x0f\x9e\x16\x2b\xce\x33\x57\x6b\x31\x5e\xce\xcb\xb6\x40\x68\x37\xbf\x51\xf5");
static const blob DSS_SIG = BLOB("\x30\x06\x02\x01\x01\x02\x01\x01");
static const blob AD = BLOB("ad");
static const blob LABEL = BLOB("label");
static const blob SALT = BLOB("salt");
static const blob PASSWORD = BLOB("password");
static const blob PRIV_PEM = BLOB(PRIV_PEM_TEXT);
static const blob PUB_PEM = BLOB(PUB_PEM_TEXT);
static int64_t NOW;

static uint8_t fx_mem[32][1024];
static int fx_used;
static blob TOKEN, GCM_CT, CHACHA_CT, OAEP_CT, PKCS1_CT, PSS_SIG, PKCS1_SIG, HMAC_SIG, PBKDF2_EXPECTED;
static blob RSA_N, RSA_E, RSA_D, RSA_P, RSA_Q, RSA_DMP1, RSA_DMQ1, RSA_IQMP;
static blob DSA_P, DSA_Q, DSA_G, DSA_Y, DSA_X;

static uint8_t *fx_buf(void)
{
    if (fx_used == 32) { fprintf(stderr, "misuse: fixtures\n"); exit(2); }
    return fx_mem[fx_used++];
}

static void fixtures_init(void)
{
    size_t n;
    uint8_t *b;
    cryptogo_fernet *f;
    cryptogo_aesgcm *g;
    cryptogo_chacha20poly1305 *ch;
    cryptogo_private_key *k;
    cryptogo_public_key *pk;
    blob *nums[] = {&RSA_N, &RSA_E, &RSA_D, &RSA_P, &RSA_Q, &RSA_DMP1, &RSA_DMQ1, &RSA_IQMP};
    int i;

    NOW = (int64_t)time(NULL);
    MUST(cryptogo_fernet_new(&f, FERNET_KEY.p, FERNET_KEY.n));
    b = fx_buf(); MUST(cryptogo_fernet_encrypt(b, 1024, &n, HELLO.p, HELLO.n, f)); TOKEN = (blob){b, n};
    MUST(cryptogo_fernet_free(f));
    MUST(cryptogo_aesgcm_new(&g, AES_KEY.p, AES_KEY.n));
    b = fx_buf(); MUST(cryptogo_aesgcm_encrypt(b, 1024, &n, HELLO.p, HELLO.n, AD.p, AD.n, NONCE12.p, NONCE12.n, g));
    GCM_CT = (blob){b, n};
    MUST(cryptogo_aesgcm_free(g));
    MUST(cryptogo_chacha20poly1305_new(&ch, CHACHA_KEY.p, CHACHA_KEY.n));
    b = fx_buf(); MUST(cryptogo_chacha20poly1305_encrypt(b, 1024, &n, HELLO.p, HELLO.n, AD.p, AD.n, NONCE12.p, NONCE12.n, ch));
    CHACHA_CT = (blob){b, n};
    MUST(cryptogo_chacha20poly1305_free(ch));
    b = fx_buf(); MUST(cryptogo_hmac_compute(b, 1024, &n, NULL, 0, HMAC_KEY.p, HMAC_KEY.n, CRYPTOGO_HASH_SHA256));
    HMAC_SIG = (blob){b, n};
    b = fx_buf(); MUST(cryptogo_pbkdf2_hmac_derive(b, 32, PASSWORD.p, PASSWORD.n, SALT.p, SALT.n, 10, CRYPTOGO_HASH_SHA256));
    PBKDF2_EXPECTED = (blob){b, 32};
    MUST(cryptogo_private_key_load(&k, PRIV_PEM.p, PRIV_PEM.n, NULL, 0, CRYPTOGO_ENCODING_PEM));
    MUST(cryptogo_private_key_public_key(&pk, k));
    b = fx_buf(); MUST(cryptogo_rsa_encrypt_oaep(b, 1024, &n, HELLO.p, HELLO.n, LABEL.p, LABEL.n, CRYPTOGO_HASH_SHA256, CRYPTOGO_HASH_SHA256, pk));
    OAEP_CT = (blob){b, n};
    b = fx_buf(); MUST(cryptogo_rsa_encrypt_pkcs1v15(b, 1024, &n, HELLO.p, HELLO.n, pk)); PKCS1_CT = (blob){b, n};
    b = fx_buf(); MUST(cryptogo_rsa_sign_pss(b, 1024, &n, HELLO.p, HELLO.n, CRYPTOGO_PSS_SALT_DIGEST_LENGTH, CRYPTOGO_HASH_SHA256, CRYPTOGO_HASH_SHA256, 0, k));
    PSS_SIG = (blob){b, n};
    b = fx_buf(); MUST(cryptogo_rsa_sign_pkcs1v15(b, 1024, &n, HELLO.p, HELLO.n, CRYPTOGO_HASH_SHA256, 0, k)); PKCS1_SIG = (blob){b, n};
    for (i = 0; i < 8; i++) {
        b = fx_buf(); MUST(cryptogo_rsa_private_key_number(b, 1024, &n, i + 1, k)); *nums[i] = (blob){b, n};
    }
    MUST(cryptogo_public_key_free(pk));
    MUST(cryptogo_private_key_free(k));
    {
        blob *dsa_nums[] = {&DSA_P, &DSA_Q, &DSA_G, &DSA_Y, &DSA_X};
        MUST(cryptogo_dsa_generate(&k, 1024));
        for (i = 0; i < 5; i++) {
            b = fx_buf(); MUST(cryptogo_dsa_private_key_number(b, 1024, &n, i + 1, k)); *dsa_nums[i] = (blob){b, n};
        }
        MUST(cryptogo_private_key_free(k));
    }
}
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--abi", default="include/cryptogo_abi.json")
    ap.add_argument("--keys", default="core/testdata/keys")
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args()
    with open(args.abi) as fh:
        abi = json.load(fh)

    problems = []
    for ht in abi.get("handles") or []:
        if ht not in HANDLES:
            problems.append(f"handle type {ht} (include/cryptogo_types.h) has no constructor entry in HANDLES")
    plan = []
    invoke = None
    for fn in abi["functions"]:
        if fn["name"] == INVOKE:
            invoke = fn  # its own cases (Gen.gen_invoke), and the matrix again through it
            continue
        try:
            plan.append((fn, classify(fn)))
        except Unknown as e:
            problems.append(str(e))
    if problems:
        print(
            "gen_misuse: the misuse matrix does not know how to call every export:\n  " + "\n  ".join(problems),
            file=sys.stderr,
        )
        print("gen_misuse: extend the tables in tests/misuse/gen_misuse.py", file=sys.stderr)
        return 1

    with open(os.path.join(args.keys, "rsa1024e3.pkcs8.pem"), "rb") as fh:
        priv_pem = fh.read()
    with open(os.path.join(args.keys, "rsa1024e3.spki.pem"), "rb") as fh:
        pub_pem = fh.read()

    g = Gen(abi)
    g.w("/* Generated by tests/misuse/gen_misuse.py from include/cryptogo_abi.json. DO NOT EDIT. */")
    g.w('#include "misuse_rt.h"')
    g.w()
    g.w("static const char PRIV_PEM_TEXT[] = " + c_string(priv_pem) + ";")
    g.w("static const char PUB_PEM_TEXT[] = " + c_string(pub_pem) + ";")
    g.w("static int via_invoke; /* call_* go through cryptogo_invoke */")
    g.w(PRELUDE)
    g.w("enum { " + ", ".join(f"H_{ht}" for ht in HANDLES) + " };")
    g.w("static const char *const handle_names[] = {" + ", ".join(f'"{ht}"' for ht in HANDLES) + "};")
    g.w("static void *new_handle(int type)\n{\n    switch (type) {")
    for ht, (body, _) in HANDLES.items():
        g.w(f"    case H_{ht}: {{ {body} }}")
    g.w("    }\n    abort();\n}")
    # const: read-only key parameters (const cryptogo_public_key *k) are
    # freed by the cases that test a freed handle.
    g.w("static int free_handle(int type, const void *p)\n{\n    switch (type) {")
    for ht, (_, free_fn) in HANDLES.items():
        g.w(f"    case H_{ht}: return {free_fn}(({ht} *)(uintptr_t)p);")
    g.w("    }\n    abort();\n}")
    g.w(
        "static void *make_handle(ctx_t *c, int type) { void *h = new_handle(type); keep_handle(c, type, h); return h; }"
    )
    g.w(
        "static void forget_handle(ctx_t *c, void *p)\n{\n    int i;\n    for (i = 0; i < c->nh; i++)\n"
        "        if (c->hptr[i] == p) { c->hptr[i] = c->hptr[--c->nh]; c->htype[i] = c->htype[c->nh]; return; }\n}"
    )
    g.w()
    for fn, groups in plan:
        g.gen_function(fn, groups)
    if invoke is not None:
        g.gen_invoke(invoke)
    g.w("int main(void)\n{\n    size_t live = 0;")
    g.w('    verbose = getenv("MISUSE_VERBOSE") != NULL;')
    g.w('    strict_docs = getenv("MISUSE_STRICT_DOCS") != NULL;')
    g.w("    (void)handle_names;")
    g.w("    fixtures_init();")
    for fn, _ in plan:
        g.w(f"    test_{fn['name']}();")
    n_exports = len(plan)
    if invoke is not None:
        n_exports += 1
        g.w(f"    test_{INVOKE}();")
        g.w("    via_invoke = 1;")
        for fn, _ in plan:
            if fn["return"] == "int" and fn.get("invoke_id"):
                g.w(f"    test_{fn['name']}();")
        g.w("    via_invoke = 0;")
    g.w("    if (cryptogo_debug_live_handles(&live) != CRYPTOGO_OK || live != 0) {")
    g.w('        fprintf(stderr, "FAIL: %zu handles still alive at the end\\n", live);')
    g.w("        n_failures++;")
    g.w("    }")
    g.w(
        f'    printf("misuse matrix: {n_exports} exports, %ld cases, %ld calls, %ld failures, %d doc gaps (export, code)\\n",'
        " n_cases, n_calls, n_failures, n_gaps);"
    )
    g.w("    return n_failures ? 1 : 0;\n}")
    for warn in g.warnings:
        print("gen_misuse: warning:", warn, file=sys.stderr)
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "w") as fh:
        fh.write("\n".join(g.out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
