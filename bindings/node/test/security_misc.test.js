'use strict';
// Regression tests for issue 12 at the Node layer: findings 6 (async calls
// copy their inputs when queued: a buffer mutated, transferred or detached
// right after the call cannot change the result or be read after it is
// gone) and 7 (the addon refuses a library built from another ABI).
const { test } = require('node:test');
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync, spawnSync } = require('child_process');
const cg = require('..');
const { ROOT } = require('./helpers');

// ---- finding 6 -------------------------------------------------------------

// PBKDF2 with a 64-byte SHA-256 key runs two blocks one after the other; the
// second reads the salt only after the first block's iterations, long after
// the call has returned to JavaScript.
const IT = 60000;

test('finding 6: pbkdf2 (async) is not affected by mutating the salt and password after the call', async () => {
  const salt = new Uint8Array(Buffer.from('a salt of some length'));
  const pw = new Uint8Array(Buffer.from('correct horse battery staple'));
  const want = cg.pbkdf2Sync(pw, salt, IT, 64, 'sha256');
  const p = cg.pbkdf2(pw, salt, IT, 64, 'sha256');
  salt.fill(0xff);
  pw.fill(0xff);
  assert.deepStrictEqual(await p, want);
});

test('finding 6: pbkdf2 (async) with the salt ArrayBuffer transferred right after the call', async () => {
  const orig = Buffer.from('another salt, transferred');
  const ab = new ArrayBuffer(orig.length);
  new Uint8Array(ab).set(orig);
  const want = cg.pbkdf2Sync('pw', orig, IT, 64, 'sha256');
  const p = cg.pbkdf2('pw', new Uint8Array(ab), IT, 64, 'sha256');
  let moved = structuredClone(ab, { transfer: [ab] }); // ab is detached now; moved owns the memory
  assert.strictEqual(ab.byteLength, 0);
  new Uint8Array(moved).fill(0xee);
  moved = null; // and its memory may be freed by the next GC
  assert.deepStrictEqual(await p, want);
});

test('finding 6: RSA signAsync / decryptAsync are not affected by mutating the input after the call', async () => {
  const pem = fs.readFileSync(path.join(ROOT, 'core', 'testdata', 'keys', 'rsa2048.pkcs8.pem'));
  const key = cg.loadPemPrivateKey(pem);
  try {
    for (let i = 0; i < 5; i++) {
      const msg = Buffer.from(`message number ${i} to be signed, mutated after the call`);
      const want = key.sign(msg, { padding: 'pkcs1v15', hash: 'sha256' });
      const p = key.signAsync(msg, { padding: 'pkcs1v15', hash: 'sha256' });
      msg.fill(0);
      assert.deepStrictEqual(await p, want);
    }
  } finally {
    key.free();
  }
});

// ---- finding 8 -------------------------------------------------------------

test('finding 8: pbkdf2Verify refuses an empty expected key instead of accepting any password', () => {
  assert.throws(() => cg.pbkdf2Verify(Buffer.alloc(0), 'any password', 'salt', 1, 'sha256'),
    (e) => e.code === 'CRYPTOGO_ERR_INVALID_ARGUMENT');
  const key = cg.pbkdf2Sync('pw', 'salt', 1, 32, 'sha256');
  cg.pbkdf2Verify(key, 'pw', 'salt', 1, 'sha256');
  assert.throws(() => cg.pbkdf2Verify(key, 'px', 'salt', 1, 'sha256'), cg.InvalidKey);
});

// ---- finding 7 -------------------------------------------------------------

test('finding 7: the library and the addon agree on the ABI fingerprint', () => {
  const abi = JSON.parse(fs.readFileSync(path.join(ROOT, 'include', 'cryptogo_abi.json'), 'utf8'));
  assert.match(abi.fingerprint, /^[0-9a-f]{64}$/);
  assert.strictEqual(cg._native.abi_fingerprint(), abi.fingerprint);
  const { fingerprintOf } = require('../scripts/gen-addon.js');
  assert.strictEqual(fingerprintOf(abi), abi.fingerprint);
});

test('finding 7: a library built from another ABI is refused at load, naming both versions', (t) => {
  const cc = process.env.CC || 'cc';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cryptogo-abi-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const src = path.join(dir, 'other.c');
  const lib = path.join(dir, 'libother.so');
  const otherFp = 'f'.repeat(64);
  fs.writeFileSync(src, `const char *cryptogo_abi_fingerprint(void) { return "${otherFp}"; }\n`
    + 'const char *cryptogo_version(void) { return "7.7.7"; }\n');
  try {
    execFileSync(cc, ['-shared', '-fPIC', '-o', lib, src]);
  } catch (e) {
    t.skip(`no C compiler (${cc}): ${e.message}`);
    return;
  }
  const r = spawnSync(process.execPath, ['-e', `
    try { require(${JSON.stringify(path.resolve(__dirname, '..'))}); console.log('LOADED'); }
    catch (e) { console.log('REFUSED', e.code, e.message); }`], { env: { ...process.env, CRYPTOGO_LIBRARY: lib }, encoding: 'utf8' });
  assert.strictEqual(r.status, 0, r.stderr);
  const abi = JSON.parse(fs.readFileSync(path.join(ROOT, 'include', 'cryptogo_abi.json'), 'utf8'));
  assert.match(r.stdout, /^REFUSED ERR_CRYPTOGO_ABI_MISMATCH /);
  for (const s of [otherFp, '7.7.7', abi.fingerprint, abi.version]) assert.ok(r.stdout.includes(s), `${s} not in ${r.stdout}`);
});
