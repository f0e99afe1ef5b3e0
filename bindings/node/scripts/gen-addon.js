#!/usr/bin/env node
'use strict';
// gen-addon.js - writes the Node-API bridge from include/cryptogo_abi.json.
//
// Every C export is declared once, in capi/ (Go); capi/abigen describes it in
// include/cryptogo_abi.json; this script turns each description into a
// Node-API wrapper, so the addon never restates a signature by hand.
//
// Parameter shapes (in C order) and what the wrapper takes from JavaScript:
//   uint8_t *out, size_t out_cap, size_t *out_len  -> one Buffer (written in place);
//                                                     out_len returned (see below)
//   uint8_t *out, size_t len                       -> one Buffer, len = its byteLength
//   const uint8_t *p, size_t p_len                 -> one Buffer/TypedArray/null
//   cryptogo_x **out_*                             -> nothing; the new handle is returned
//   cryptogo_x **arr, size_t n                     -> one array of handles
//   [const] cryptogo_x *h                          -> one handle (napi external) or null
//   size_t * / int64_t * / uint64_t * / int *      -> nothing; written to the scratch
//                                                     slots 0,1,... (scratchF64, scratchI64)
//   int, int64_t, uint64_t, size_t                 -> number (or BigInt for 64-bit)
//
// Return value of a wrapper of an `int` export: the status code when it is
// negative; otherwise the new handle (a creator), or out_len (one output
// buffer), or 0. out_len is also stored in scratch slot 0, so after
// CRYPTOGO_ERR_BUFFER_TOO_SMALL the JS side reads the size needed there.
// Exports returning `const char *` return a string; `size_t`, a number.
//
// Every `int` export that takes no scalar output pointer also gets an
// `<name>_async` wrapper: same arguments, runs the call on the libuv thread
// pool (napi_async_work; the Go library is thread-safe) and returns a Promise
// of the same value the sync wrapper would return, except that
// CRYPTOGO_ERR_BUFFER_TOO_SMALL resolves to [status, size needed]. Like
// node:crypto's async jobs, it copies every input buffer when the work is
// queued (the copies are wiped and freed when it completes), and the library
// writes outputs into memory of the job, copied into the caller's output
// buffer on the main thread when the work completes (re-reading where that
// buffer is then): the worker thread never touches JavaScript memory, so a
// buffer mutated, transferred or detached after the call changes nothing and
// is never read or written once gone (an output buffer detached meanwhile
// gives CRYPTOGO_ERR_INVALID_ARGUMENT).
//
// The module refuses to load (ERR_CRYPTOGO_ABI_MISMATCH) when the library's
// cryptogo_abi_fingerprint() differs from the fingerprint of the
// cryptogo_abi.json the addon was generated from (checked here against the
// description's content too, see fingerprintOf).
//
// Usage: node scripts/gen-addon.js [abi.json] [out.c]

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const here = path.resolve(__dirname, '..');
const root = path.resolve(here, '..', '..');
const abiPath = process.argv[2] || path.join(root, 'include', 'cryptogo_abi.json');
const outPath = process.argv[3] || path.join(here, 'build', 'gen', 'cryptogo_addon.c');

const SCALARS = {
  int: { kind: 'int', conv: 'cg_int', ctype: 'int' },
  int32_t: { kind: 'int', conv: 'cg_int', ctype: 'int' },
  int64_t: { kind: 'i64', conv: 'cg_i64', ctype: 'int64_t' },
  uint64_t: { kind: 'u64', conv: 'cg_u64', ctype: 'uint64_t' },
  size_t: { kind: 'size', conv: 'cg_size', ctype: 'size_t' },
};
const OUT_SCALARS = ['size_t *', 'int64_t *', 'uint64_t *', 'int *', 'int32_t *'];

// fingerprintOf recomputes the ABI fingerprint of an ABI description from its
// content: the hex SHA-256 of the canonical text of capi/abigen/fingerprint.go
// (and bindings/python/cryptogo/_native.py's abi_fingerprint; keep the three
// in step).
function fingerprintOf(abi) {
  const ws = (t) => String(t || '').split(/\s+/).filter(Boolean).join(' ');
  const byKey = (o) => Object.keys(o || {}).sort();
  const lines = ['cryptogo-abi-fingerprint-1'];
  const fns = [...(abi.functions || [])].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const f of fns) {
    const types = (f.params || []).map((p) => ws(p.type)).join(',');
    lines.push(`fn ${f.name} ${ws(f.return)} ${f.invoke_id || 0} ${types}`);
  }
  for (const k of byKey(abi.status)) lines.push(`status ${k} ${abi.status[k]}`);
  for (const e of byKey(abi.enums)) for (const k of byKey(abi.enums[e])) lines.push(`enum ${e} ${k} ${abi.enums[e][k]}`);
  for (const k of byKey(abi.macros)) lines.push(`macro ${k} ${abi.macros[k]}`);
  for (const h of [...(abi.handles || [])].sort()) lines.push(`handle ${h}`);
  return crypto.createHash('sha256').update(lines.join('\n') + '\n').digest('hex');
}

// classify turns a C parameter list into the wrapper's arguments.
function classify(fn) {
  const ps = fn.params || [];
  const args = [];
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i];
    const n1 = ps[i + 1];
    const n2 = ps[i + 2];
    const t = p.type;
    let m;
    if (t === 'uint8_t *' && n1 && n1.type === 'size_t' && n2 && n2.type === 'size_t *') {
      args.push({ kind: 'outbuf', name: p.name, cap: n1.name, len: n2.name });
      i += 2;
    } else if (t === 'uint8_t *' && n1 && n1.type === 'size_t') {
      args.push({ kind: 'outfixed', name: p.name, len: n1.name });
      i += 1;
    } else if (t === 'const uint8_t *' && n1 && n1.type === 'size_t') {
      args.push({ kind: 'inbuf', name: p.name, len: n1.name });
      i += 1;
    } else if ((m = /^(cryptogo_\w+) \*\*$/.exec(t))) {
      if (/^out/.test(p.name) || !(n1 && n1.type === 'size_t')) {
        args.push({ kind: 'outhandle', name: p.name, htype: m[1] });
      } else {
        args.push({ kind: 'harray', name: p.name, len: n1.name, htype: m[1] });
        i += 1;
      }
    } else if ((m = /^(?:const )?(cryptogo_\w+) \*$/.exec(t)) && m[1] !== 'cryptogo_in') {
      args.push({ kind: 'handle', name: p.name, htype: m[1] });
    } else if (OUT_SCALARS.includes(t)) {
      args.push({ kind: 'outscalar', name: p.name, ctype: t.replace(' *', '') });
    } else if (SCALARS[t]) {
      args.push({ ...SCALARS[t], kind: 'scalar', name: p.name });
    } else {
      throw new Error(`${fn.name}: parameter ${p.name} of type '${t}' has no JavaScript mapping`);
    }
  }
  return args;
}

// handleCost estimates the native (Go heap) bytes one handle keeps alive,
// reported to V8 with napi_adjust_external_memory so that garbage collection,
// and thus the FinalizationRegistry safety net, keeps pace with objects that
// are dropped without free(). Measured: an AES-GCM handle costs ~3 KiB of RSS
// including Go's GC headroom; RSA keys hold far more (precomputed values), and
// the generic key handles are costed as RSA keys, the largest they hold today.
function handleCost(htype) {
  return /private_key/.test(htype) ? 32768 : /public_key/.test(htype) ? 8192 : 4096;
}

const jsArgs = (args) => args.filter((a) => !['outhandle', 'outscalar'].includes(a.kind));

function cParams(fn) {
  const ps = fn.params || [];
  if (ps.length === 0) return 'void';
  return ps.map((p) => p.type).join(', ');
}

// decl writes the C variables of the arguments, prefixed by `v` ("a_" or "j->a_").
function fields(args) {
  const out = [];
  for (const a of args) {
    switch (a.kind) {
      case 'outbuf': out.push(`uint8_t *a_${a.name}`, `size_t a_${a.cap}`, `size_t a_${a.len}`); break;
      case 'outfixed': out.push(`uint8_t *a_${a.name}`, `size_t a_${a.len}`); break;
      case 'inbuf': out.push(`const uint8_t *a_${a.name}`, `size_t a_${a.len}`); break;
      case 'outhandle': out.push(`${a.htype} *a_${a.name}`); break;
      case 'harray': out.push(`${a.htype} **a_${a.name}`, `size_t a_${a.len}`); break;
      case 'handle': out.push(`${a.htype} *a_${a.name}`); break;
      case 'outscalar': out.push(`${a.ctype} a_${a.name}`); break;
      case 'scalar': out.push(`${a.ctype} a_${a.name}`); break;
    }
  }
  return out;
}

// parse emits the conversion of argv[] into the variables; `fail` is the
// statement run on a conversion error (an exception is pending).
function parse(args, v, fail) {
  const lines = [];
  let k = 0;
  for (const a of args) {
    const val = (['outhandle', 'outscalar'].includes(a.kind)) ? null : `argv[${k++}]`;
    switch (a.kind) {
      case 'outbuf':
        lines.push(`if (!cg_out(env, ${val}, &${v}${a.name}, &${v}${a.cap}, "${a.name}")) ${fail}`);
        lines.push(`${v}${a.len} = 0;`);
        break;
      case 'outfixed':
        lines.push(`if (!cg_out(env, ${val}, &${v}${a.name}, &${v}${a.len}, "${a.name}")) ${fail}`);
        break;
      case 'inbuf':
        lines.push(`if (!cg_in(env, ${val}, &${v}${a.name}, &${v}${a.len}, "${a.name}")) ${fail}`);
        break;
      case 'outhandle':
        lines.push(`${v}${a.name} = NULL;`);
        break;
      case 'harray':
        lines.push(`if (!cg_handle_array(env, ${val}, (void ***)&${v}${a.name}, &${v}${a.len}, "${a.name}")) ${fail}`);
        break;
      case 'handle':
        lines.push(`if (!cg_handle(env, ${val}, (void **)&${v}${a.name}, "${a.name}")) ${fail}`);
        break;
      case 'outscalar':
        lines.push(`${v}${a.name} = 0;`);
        break;
      case 'scalar':
        lines.push(`if (!${a.conv}(env, ${val}, &${v}${a.name}, "${a.name}")) ${fail}`);
        break;
    }
  }
  return lines;
}

function callArgs(args, v) {
  const out = [];
  for (const a of args) {
    switch (a.kind) {
      case 'outbuf': out.push(`${v}${a.name}`, `${v}${a.cap}`, `&${v}${a.len}`); break;
      case 'outfixed': out.push(`${v}${a.name}`, `${v}${a.len}`); break;
      case 'inbuf': out.push(`${v}${a.name}`, `${v}${a.len}`); break;
      case 'outhandle': out.push(`&${v}${a.name}`); break;
      case 'harray': out.push(`${v}${a.name}`, `${v}${a.len}`); break;
      case 'handle': out.push(`${v}${a.name}`); break;
      case 'outscalar': out.push(`&${v}${a.name}`); break;
      case 'scalar': out.push(`${v}${a.name}`); break;
    }
  }
  return out.join(', ');
}

// result emits the statement returning the JS value of an int export.
function result(args, v) {
  const creator = args.find((a) => a.kind === 'outhandle');
  const outs = args.filter((a) => a.kind === 'outbuf');
  if (creator) return `rc == 0 ? cg_external(env, ${v}${creator.name}) : cg_i32(env, rc)`;
  if (outs.length === 1) return `rc == 0 ? cg_num(env, (double)${v}${outs[0].len}) : cg_i32(env, rc)`;
  return 'cg_i32(env, rc)';
}

function genSync(fn, args) {
  const short = fn.name.replace(/^cryptogo_/, '');
  const n = jsArgs(args).length;
  const L = [];
  L.push(`static napi_value w_${short}(napi_env env, napi_callback_info info) {`);
  L.push(`    size_t argc = ${Math.max(n, 1)};`);
  L.push(`    napi_value argv[${Math.max(n, 1)}];`);
  L.push(`    cg_env *E = NULL;`);
  L.push(`    napi_get_cb_info(env, info, &argc, argv, NULL, (void **)&E);`);
  L.push(`    (void)argv; (void)E;`);
  L.push(`    if (!p_${fn.name}) return cg_missing(env, "${fn.name}");`);
  for (const f of fields(args)) L.push(`    ${f};`);
  const harr = args.find((a) => a.kind === 'harray');
  if (harr) L.push(`    a_${harr.name} = NULL;`);
  const fail = harr ? `{ free(a_${harr.name}); return NULL; }` : 'return NULL;';
  for (const l of parse(args, 'a_', fail)) L.push(`    ${l}`);
  const call = `p_${fn.name}(${callArgs(args, 'a_')})`;
  if (fn.return === 'int') {
    L.push(`    int rc = ${call};`);
    if (harr) L.push(`    free(a_${harr.name});`);
    let slot = 0;
    for (const a of args) {
      if (a.kind === 'outbuf') L.push(`    E->f64[${slot++}] = (double)a_${a.len};`);
      if (a.kind === 'outscalar') {
        L.push(`    E->f64[${slot}] = (double)a_${a.name};`);
        if (a.ctype !== 'size_t') L.push(`    E->i64[${slot}] = (int64_t)a_${a.name};`);
        slot++;
      }
    }
    const creator = args.find((a) => a.kind === 'outhandle');
    if (creator) L.push(`    if (rc == 0) cg_account(env, ${handleCost(creator.htype)});`);
    if (/_free$/.test(fn.name) && args.length === 1 && args[0].kind === 'handle') {
      L.push(`    if (rc == 0 && a_${args[0].name} != NULL) cg_account(env, -${handleCost(args[0].htype)});`);
    }
    L.push(`    return ${result(args, 'a_')};`);
  } else if (fn.return === 'const char *') {
    L.push(`    return cg_cstring(env, ${call});`);
  } else if (['size_t', 'int64_t', 'uint64_t', 'double'].includes(fn.return)) {
    L.push(`    return cg_num(env, (double)${call});`);
  } else if (fn.return === 'void' || fn.return === '') {
    L.push(`    ${call};`);
    L.push(`    return NULL;`);
  } else {
    throw new Error(`${fn.name}: return type '${fn.return}' has no JavaScript mapping`);
  }
  L.push('}');
  return L.join('\n');
}

function genAsync(fn, args) {
  const short = fn.name.replace(/^cryptogo_/, '');
  const js = jsArgs(args);
  const n = js.length;
  const harr = args.find((a) => a.kind === 'harray');
  const L = [];
  // Buffers the job owns: a copy of every input, a staging area for every
  // output (see the comment at the top).
  const owned = js.map((a, i) => ({ a, i })).filter(({ a }) => ['outbuf', 'outfixed', 'inbuf'].includes(a.kind));
  const lenOf = (a) => (a.kind === 'outbuf' ? a.cap : a.len);
  L.push(`typedef struct {`);
  L.push(`    napi_async_work work;`);
  L.push(`    napi_deferred deferred;`);
  L.push(`    napi_ref keep[${Math.max(n, 1)}];`);
  L.push(`    int rc;`);
  for (const f of fields(args)) L.push(`    ${f};`);
  for (const { a } of owned) L.push(`    uint8_t *c_${a.name}; size_t n_${a.name};`);
  L.push(`} j_${short};`);
  L.push('');
  L.push(`static void f_${short}(j_${short} *j) {`);
  L.push(`    (void)j;`);
  for (const { a } of owned) L.push(`    cg_owned_free(j->c_${a.name}, j->n_${a.name});`);
  if (harr) L.push(`    free(j->a_${harr.name});`);
  L.push(`    free(j);`);
  L.push('}');
  L.push('');
  L.push(`static void x_${short}(napi_env env, void *data) {`);
  L.push(`    (void)env;`);
  L.push(`    j_${short} *j = data;`);
  L.push(`    j->rc = p_${fn.name}(${callArgs(args, 'j->a_')});`);
  L.push('}');
  L.push('');
  L.push(`static void d_${short}(napi_env env, napi_status status, void *data) {`);
  L.push(`    j_${short} *j = data;`);
  L.push(`    int rc = j->rc;`);
  L.push(`    napi_value v;`);
  L.push(`    if (status == napi_cancelled) rc = CRYPTOGO_ERR_INTERNAL;`);
  // Publish the outputs into the caller's buffers, found again now.
  for (const { a, i } of owned.filter(({ a }) => a.kind !== 'inbuf')) {
    const written = a.kind === 'outbuf' ? `j->a_${a.len}` : `j->n_${a.name}`;
    L.push(`    if (rc == 0 && !cg_publish(env, j->keep[${i}], j->c_${a.name}, ${written})) rc = CRYPTOGO_ERR_INVALID_ARGUMENT;`);
  }
  const creator = args.find((a) => a.kind === 'outhandle');
  if (creator) L.push(`    if (rc == 0) cg_account(env, ${handleCost(creator.htype)});`);
  const outs1 = args.filter((a) => a.kind === 'outbuf');
  if (outs1.length === 1) {
    // BUFFER_TOO_SMALL: resolve [rc, size needed] (the scratch slot is not safe across awaits).
    L.push(`    if (rc == CRYPTOGO_ERR_BUFFER_TOO_SMALL) {`);
    L.push(`        napi_value pair, need;`);
    L.push(`        napi_create_array_with_length(env, 2, &pair);`);
    L.push(`        napi_set_element(env, pair, 0, cg_i32(env, rc));`);
    L.push(`        need = cg_num(env, (double)j->a_${outs1[0].len});`);
    L.push(`        napi_set_element(env, pair, 1, need);`);
    L.push(`        v = pair;`);
    L.push(`    } else {`);
    L.push(`        v = ${result(args, 'j->a_')};`);
    L.push(`    }`);
  } else {
    L.push(`    v = ${result(args, 'j->a_')};`);
  }
  L.push(`    for (int i = 0; i < ${Math.max(n, 1)}; i++) cg_release(env, j->keep[i]);`);
  L.push(`    napi_resolve_deferred(env, j->deferred, v);`);
  L.push(`    napi_delete_async_work(env, j->work);`);
  L.push(`    f_${short}(j);`);
  L.push('}');
  L.push('');
  L.push(`static napi_value w_${short}_async(napi_env env, napi_callback_info info) {`);
  L.push(`    size_t argc = ${Math.max(n, 1)};`);
  L.push(`    napi_value argv[${Math.max(n, 1)}];`);
  L.push(`    napi_get_cb_info(env, info, &argc, argv, NULL, NULL);`);
  L.push(`    if (!p_${fn.name}) return cg_missing(env, "${fn.name}");`);
  L.push(`    j_${short} *j = calloc(1, sizeof *j);`);
  L.push(`    if (!j) return cg_throw(env, "ERR_MEMORY_ALLOCATION_FAILED", "out of memory", 0);`);
  const afail = `{ f_${short}(j); return NULL; }`;
  for (const l of parse(args, 'j->a_', afail)) L.push(`    ${l}`);
  // Copy the inputs, stage the outputs: from here on the job never points
  // into JavaScript memory.
  for (const { a } of owned) {
    const src = a.kind === 'inbuf' ? `j->a_${a.name}` : 'NULL';
    L.push(`    if (!cg_own(env, (const uint8_t **)&j->a_${a.name}, j->a_${lenOf(a)}, ${src}, &j->c_${a.name}, &j->n_${a.name})) ${afail}`);
  }
  js.forEach((a, i) => {
    if (['outbuf', 'outfixed', 'inbuf'].includes(a.kind)) L.push(`    j->keep[${i}] = cg_keep(env, argv[${i}]);`);
  });
  L.push(`    napi_value promise, name;`);
  L.push(`    napi_create_promise(env, &j->deferred, &promise);`);
  L.push(`    napi_create_string_utf8(env, "${fn.name}", NAPI_AUTO_LENGTH, &name);`);
  L.push(`    napi_create_async_work(env, NULL, name, x_${short}, d_${short}, j, &j->work);`);
  L.push(`    napi_queue_async_work(env, j->work);`);
  L.push(`    return promise;`);
  L.push('}');
  return L.join('\n');
}

function main() {
  const abi = JSON.parse(fs.readFileSync(abiPath, 'utf8'));
  const fp = fingerprintOf(abi);
  if (!abi.fingerprint || abi.fingerprint !== fp) {
    throw new Error(`${abiPath}: its ABI fingerprint (${abi.fingerprint || 'none'}) is not the fingerprint of its content (${fp}): regenerate it with \`go run ./capi/abigen\` (never edit it by hand)`);
  }
  for (const need of ['cryptogo_abi_fingerprint', 'cryptogo_version']) {
    if (!(abi.functions || []).some((f) => f.name === need)) throw new Error(`${abiPath}: no ${need}`);
  }
  // cryptogo_invoke is the packed-call trampoline for FFIs whose per-call
  // cost grows with the argument count (Python's ctypes); this bridge calls
  // every export directly, so it has no use for it.
  const fns = (abi.functions || []).filter((f) => f.name !== 'cryptogo_invoke');
  const out = [];
  const table = [];
  out.push(`/* Generated by bindings/node/scripts/gen-addon.js from ${path.relative(root, abiPath)}. DO NOT EDIT. */`);
  out.push('#include "bridge.h"');
  out.push('');
  for (const fn of fns) {
    out.push(`typedef ${fn.return} (*t_${fn.name})(${cParams(fn)});`);
    out.push(`static t_${fn.name} p_${fn.name};`);
  }
  out.push('');
  out.push('static void cg_resolve_all(void) {');
  for (const fn of fns) out.push(`    p_${fn.name} = (t_${fn.name})dlsym(cg_lib, "${fn.name}");`);
  out.push('}');
  out.push('');
  for (const fn of fns) {
    const args = classify(fn);
    const short = fn.name.replace(/^cryptogo_/, '');
    out.push(genSync(fn, args));
    out.push('');
    table.push({ js: short, c: `w_${short}` });
    const hasScalarOut = args.some((a) => a.kind === 'outscalar');
    if (fn.return === 'int' && !hasScalarOut && !/_free$/.test(fn.name)) {
      out.push(genAsync(fn, args));
      out.push('');
      table.push({ js: `${short}_async`, c: `w_${short}_async` });
    }
  }
  out.push('NAPI_MODULE_INIT() {');
  out.push('    cg_env *E = cg_env_init(env, exports);');
  out.push('    if (!E) return NULL;');
  // Fail closed on a library built from another ABI: nothing is exported.
  out.push(`    if (!cg_check_abi(env, p_cryptogo_abi_fingerprint ? p_cryptogo_abi_fingerprint() : NULL,`);
  out.push(`                      p_cryptogo_version ? p_cryptogo_version() : NULL, ${JSON.stringify(abi.fingerprint)}, ${JSON.stringify(abi.version)}))`);
  out.push('        return NULL;');
  out.push('    napi_property_descriptor props[] = {');
  out.push('        {"noop", NULL, cg_noop, NULL, NULL, NULL, napi_enumerable, NULL},');
  for (const t of table) out.push(`        {"${t.js}", NULL, ${t.c}, NULL, NULL, NULL, napi_enumerable, E},`);
  out.push('    };');
  out.push('    napi_define_properties(env, exports, sizeof props / sizeof props[0], props);');
  out.push('    napi_value avail = NULL, s = NULL;');
  out.push('    napi_create_array(env, &avail);');
  out.push('    uint32_t k = 0;');
  for (const fn of fns) {
    out.push(`    if (p_${fn.name}) { napi_create_string_utf8(env, "${fn.name.replace(/^cryptogo_/, '')}", NAPI_AUTO_LENGTH, &s); napi_set_element(env, avail, k++, s); }`);
  }
  out.push('    napi_set_named_property(env, exports, "exported", avail);');
  const info = JSON.stringify({
    version: abi.version, fingerprint: abi.fingerprint, status: abi.status, enums: abi.enums, macros: abi.macros, handles: abi.handles,
  });
  out.push(`    napi_create_string_utf8(env, ${JSON.stringify(info)}, NAPI_AUTO_LENGTH, &s);`);
  out.push('    napi_set_named_property(env, exports, "abiJSON", s);');
  out.push('    return exports;');
  out.push('}');
  out.push('');
  fs.mkdirSync(path.dirname(outPath), { recursive: true });
  const text = out.join('\n');
  if (!fs.existsSync(outPath) || fs.readFileSync(outPath, 'utf8') !== text) fs.writeFileSync(outPath, text);
  return { count: fns.length, outPath };
}

if (require.main === module) {
  const r = main();
  console.log(`gen-addon: ${r.count} exports -> ${path.relative(process.cwd(), r.outPath)}`);
}
module.exports = { classify, fingerprintOf, main };
