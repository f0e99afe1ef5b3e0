'use strict';
// The bridge itself: generated from the ABI, one error table, handle
// lifetime (free / Symbol.dispose / FinalizationRegistry), misuse, leaks.
const { test } = require('node:test');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const v8 = require('v8');
const vm = require('vm');
const cg = require('..');
const { errors, AESGCM, Fernet, createHash, createHmac, liveHandles } = cg;
const { ROOT } = require('./helpers');

const N = cg._native;
const abiJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'include', 'cryptogo_abi.json'), 'utf8'));

test('every export of include/cryptogo_abi.json has a bridge wrapper and is found in the library', () => {
  const { classify } = require('../scripts/gen-addon.js');
  const missing = [];
  for (const f of abiJson.functions) {
    if (f.name === 'cryptogo_invoke') continue; // Python's packed-call trampoline, not bridged
    classify(f); // every signature has a JavaScript mapping
    const short = f.name.replace(/^cryptogo_/, '');
    if (typeof N[short] !== 'function' || !N.exported.includes(short)) missing.push(f.name);
  }
  assert.deepStrictEqual(missing, [], 'addon or library is older than include/cryptogo_abi.json: run `make lib` and `npm run build`');
  console.log(`bridge: ${abiJson.functions.length} exports wrapped, library ${N.libraryPath}`);
});

test('one error table: every status code maps to a CryptogoError subclass with a stable code', () => {
  for (const [name, code] of Object.entries(abiJson.status)) {
    if (code === 0) continue;
    assert.ok(errors.TABLE[name], `${name} missing from lib/errors.js TABLE`);
    const e = errors.errorFor(code);
    assert.ok(e instanceof errors.CryptogoError && e instanceof Error);
    assert.strictEqual(e.code, name);
    assert.strictEqual(e.status, code);
    assert.strictEqual(e.name, errors.TABLE[name][0]);
    assert.strictEqual(e.pycaName, errors.TABLE[name][1]);
    assert.ok(e instanceof cg[errors.TABLE[name][0]]);
    assert.strictEqual(e.message, N.strerror(code));
  }
  const e = new cg.InvalidToken('x');
  assert.ok(e instanceof cg.CryptogoError && e instanceof Error);
  assert.strictEqual(e.code, 'CRYPTOGO_ERR_INVALID_TOKEN');
  assert.strictEqual(e.name, 'InvalidToken');
  assert.strictEqual(e.status, abiJson.status.CRYPTOGO_ERR_INVALID_TOKEN);
});

test('bridge argument conversion: wrong JS types throw TypeError/RangeError, never crash', () => {
  const h = createHash('sha256');
  assert.throws(() => N.hash_update(h._h, 42), (e) => e instanceof TypeError && e.code === 'ERR_INVALID_ARG_TYPE');
  assert.throws(() => N.hash_update(h._h, 'str'), (e) => e.code === 'ERR_INVALID_ARG_TYPE');
  assert.throws(() => N.hash_update(h._h, {}), (e) => e.code === 'ERR_INVALID_ARG_TYPE');
  assert.throws(() => N.hash_update({}, Buffer.alloc(1)), (e) => e.code === 'ERR_INVALID_ARG_TYPE');
  assert.throws(() => N.hash_new(1.5, 0), (e) => e instanceof RangeError && e.code === 'ERR_OUT_OF_RANGE');
  assert.throws(() => N.hash_new(3, -1), (e) => e.code === 'ERR_OUT_OF_RANGE');
  assert.throws(() => N.hash_new('3', 0), (e) => e.code === 'ERR_INVALID_ARG_TYPE');
  assert.throws(() => N.pbkdf2_hmac_derive(Buffer.alloc(1), null, null, 2n ** 64n, 3), (e) => e.code === 'ERR_OUT_OF_RANGE');
  // a handle of the wrong kind is refused by the library
  const m = createHmac('sha256', 'k');
  assert.strictEqual(N.hmac_update(h._h, Buffer.alloc(1)), abiJson.status.CRYPTOGO_ERR_INVALID_HANDLE);
  assert.strictEqual(N.hash_update(m._h, Buffer.alloc(1)), abiJson.status.CRYPTOGO_ERR_INVALID_HANDLE);
  assert.strictEqual(N.hash_update(null, Buffer.alloc(1)), abiJson.status.CRYPTOGO_ERR_INVALID_HANDLE);
  // output buffer too small: status + size needed in the scratch slot
  assert.strictEqual(N.hash_digest(Buffer.alloc(31), Buffer.alloc(0), 3, 0), abiJson.status.CRYPTOGO_ERR_BUFFER_TOO_SMALL);
  assert.strictEqual(N.scratchF64[0], 32);
  // ArrayBuffer and non-Uint8 views are accepted as bytes
  const ab = new ArrayBuffer(3);
  assert.deepStrictEqual(cg.hash('sha256', ab), cg.hash('sha256', Buffer.alloc(3)));
  assert.deepStrictEqual(cg.hash('sha256', new Uint16Array([0x6261])), cg.hash('sha256', Buffer.from('ab')));
  h.free();
  m.free();
});

test('handles: free() is idempotent, Symbol.dispose frees, freed objects throw InvalidHandle', async () => {
  const before = liveHandles();
  const k = new AESGCM(Buffer.alloc(32));
  assert.strictEqual(liveHandles(), before + 1);
  k[Symbol.dispose]();
  assert.ok(k.freed);
  assert.strictEqual(liveHandles(), before);
  k.free();
  assert.throws(() => k.encrypt(Buffer.alloc(12), Buffer.alloc(1)), cg.InvalidHandle);
  const h = createHash('sha256');
  h.free();
  assert.throws(() => h.digest(), cg.InvalidHandle);
  assert.throws(() => h.copy(), cg.InvalidHandle);
});

test('100k create/free cycles leave no live handles', () => {
  const before = liveHandles();
  const key = Buffer.alloc(32, 1);
  const fkey = Fernet.generateKey();
  for (let i = 0; i < 100000; i++) {
    const k = new AESGCM(key);
    k.free();
  }
  for (let i = 0; i < 20000; i++) {
    const h = createHash('sha256');
    const c = h.copy();
    h.free();
    c.free();
    new Fernet(fkey).free();
  }
  assert.strictEqual(liveHandles(), before);
  console.log(`leak check: 160k handles created and freed; live handles ${before} -> ${liveHandles()}`);
});

test('FinalizationRegistry frees handles of garbage-collected objects', async () => {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc');
  const before = liveHandles();
  (() => {
    for (let i = 0; i < 20000; i++) new AESGCM(Buffer.alloc(16)).encrypt(Buffer.alloc(12), Buffer.alloc(1));
  })();
  const deadline = Date.now() + 20000;
  while (liveHandles() > before && Date.now() < deadline) {
    gc();
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.strictEqual(liveHandles(), before, 'finalizers released every unreachable handle');
  console.log(`finalizer check: 20000 unreachable AESGCM objects collected; live handles back to ${before}`);
});

test('the bare bridge call works in a tight loop (its cost is reported; make bench-node measures it)', () => {
  const n = 200000;
  const time = (f) => {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) f();
    return Number(process.hrtime.bigint() - t0) / n;
  };
  const live = () => N.debug_live_handles();
  time(live);
  const ns = Math.min(time(live), time(live), time(live));
  console.log(`bridge: cryptogo_debug_live_handles ${ns.toFixed(0)} ns/call; Node-API no-op ${Math.min(time(N.noop), time(N.noop)).toFixed(0)} ns/call`);
  assert.ok(Number.isFinite(ns));  // speed is a benchmark's job, not a timed test's
});

test('the addon loads and works in worker threads (per-environment state)', async () => {
  const { Worker } = require('worker_threads');
  const code = `
    const { parentPort } = require('worker_threads');
    const cg = require(${JSON.stringify(path.resolve(__dirname, '..'))});
    const h = cg.createHash('sha256'); h.update('abc');
    cg.pbkdf2('p', 's', 10, 16, 'sha256').then((k) => parentPort.postMessage([h.digest('hex'), k.toString('hex')]));
  `;
  const results = await Promise.all([1, 2].map(() => new Promise((resolve, reject) => {
    const w = new Worker(code, { eval: true });
    w.once('message', resolve);
    w.once('error', reject);
  })));
  const crypto = require('crypto');
  for (const [d, k] of results) {
    assert.strictEqual(d, crypto.createHash('sha256').update('abc').digest('hex'));
    assert.strictEqual(k, crypto.pbkdf2Sync('p', 's', 10, 16, 'sha256').toString('hex'));
  }
});

test('sizes and limits the JS API uses are the library\'s (size functions, equal to the ABI macros)', () => {
  const L = (name) => N[name]();
  for (const [fnName, macro] of [
    ['aesgcm_tagbytes', 'CRYPTOGO_AESGCM_TAGBYTES'], ['chacha20poly1305_tagbytes', 'CRYPTOGO_CHACHA20POLY1305_TAGBYTES'],
    ['chacha20poly1305_keybytes', 'CRYPTOGO_CHACHA20POLY1305_KEYBYTES'], ['fernet_keybytes', 'CRYPTOGO_FERNET_KEYBYTES'],
    ['aesgcm_keybytes_min', 'CRYPTOGO_AESGCM_KEYBYTES_MIN'], ['aesgcm_keybytes_max', 'CRYPTOGO_AESGCM_KEYBYTES_MAX'],
    ['aead_messagebytes_max', 'CRYPTOGO_AEAD_MESSAGEBYTES_MAX'], ['inputbytes_max', 'CRYPTOGO_INPUTBYTES_MAX'],
    ['hash_digestbytes_max', 'CRYPTOGO_HASH_DIGESTBYTES_MAX'],
  ]) {
    assert.strictEqual(typeof L(fnName), 'number', fnName);
    if (cg.abi.macros[macro] !== undefined) assert.strictEqual(L(fnName), cg.abi.macros[macro], macro);
  }
  const data = Buffer.alloc(5);
  const nonce = Buffer.alloc(12);
  assert.strictEqual(new AESGCM(Buffer.alloc(16)).encrypt(nonce, data).length, 5 + L('aesgcm_tagbytes'));
  assert.strictEqual(new cg.ChaCha20Poly1305(Buffer.alloc(32)).encrypt(nonce, data).length, 5 + L('chacha20poly1305_tagbytes'));
  assert.strictEqual(cg.ChaCha20Poly1305.generateKey().length, L('chacha20poly1305_keybytes'));
  for (let b = L('aesgcm_keybytes_min'); b <= L('aesgcm_keybytes_max'); b += 8) assert.strictEqual(AESGCM.generateKey(b * 8).length, b);
  for (const bad of [64, 160, 512]) assert.throws(() => AESGCM.generateKey(bad), (e) => e.code === 'ERR_OUT_OF_RANGE' && /128, 192, or 256/.test(e.message));
  const fkey = Fernet.generateKey();
  assert.strictEqual(fkey.length, L('fernet_keybytes'));
  const f = new Fernet(fkey);
  for (const n of [0, 1, 15, 16, 1000]) {
    const tok = f.encrypt(Buffer.alloc(n));
    assert.strictEqual(tok.length, N.fernet_tokenbytes(n));
    assert.ok(N.fernet_msgbytes_max(tok.length) >= n);
  }
  for (const alg of ['sha1', 'sha256', 'sha512', 'sha3-224', 'blake2b512', 'md5']) {
    const h = createHash(alg);
    assert.strictEqual(N.hash_digestbytes(cg.abi.enums.cryptogo_hash_alg[`CRYPTOGO_HASH_${alg.replace('blake2b512', 'blake2b').replace('-', '_').toUpperCase()}`]), 0);
    assert.strictEqual(h.digestSize, N.scratchF64[0], alg);
    assert.ok(h.digestSize <= L('hash_digestbytes_max'));
    assert.strictEqual(h.digest().length, h.digestSize);
  }
  // input bounds: checked against the library's before any output is allocated
  const huge = new Uint8Array(L('aead_messagebytes_max') + 1); // zero pages, never touched
  assert.throws(() => new AESGCM(Buffer.alloc(16)).encrypt(nonce, huge), cg.InputTooLarge);
  assert.throws(() => new cg.ChaCha20Poly1305(Buffer.alloc(32)).decrypt(nonce, data, huge), cg.InputTooLarge);
  assert.throws(() => cg.hash('shake128', 'x', { outputLength: L('inputbytes_max') + 1 }), (e) => e.code === 'ERR_OUT_OF_RANGE');
  assert.throws(() => cg.pbkdf2Sync('p', 's', 1, L('inputbytes_max') + 1, 'sha256'), (e) => e.code === 'ERR_OUT_OF_RANGE');
  f.free();
});
