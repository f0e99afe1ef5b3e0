'use strict';
// AESGCM / ChaCha20Poly1305: interop with node:crypto both ways, Wycheproof
// through the Node API, misuse.
const { test } = require('node:test');
const assert = require('assert');
const crypto = require('crypto');
const { AESGCM, ChaCha20Poly1305, InvalidTag, InvalidHandle } = require('..');
const { loadWycheproof, expect, hex, ROOT } = require('./helpers');

function nodeSeal(alg, key, nonce, pt, aad) {
  const c = crypto.createCipheriv(alg, key, nonce, { authTagLength: 16 });
  if (aad) c.setAAD(aad);
  return Buffer.concat([c.update(pt), c.final(), c.getAuthTag()]);
}

function nodeOpen(alg, key, nonce, ct, aad) {
  const d = crypto.createDecipheriv(alg, key, nonce, { authTagLength: 16 });
  d.setAuthTag(ct.subarray(ct.length - 16));
  if (aad) d.setAAD(aad);
  return Buffer.concat([d.update(ct.subarray(0, ct.length - 16)), d.final()]);
}

for (const [name, Cls, alg, keyLen] of [
  ['AES-256-GCM', AESGCM, 'aes-256-gcm', 32],
  ['AES-128-GCM', AESGCM, 'aes-128-gcm', 16],
  ['ChaCha20-Poly1305', ChaCha20Poly1305, 'chacha20-poly1305', 32],
]) {
  test(`${name}: interop with node:crypto both ways`, () => {
    for (const n of [0, 1, 15, 16, 17, 64, 1000, 65536]) {
      for (const aad of [null, Buffer.alloc(0), crypto.randomBytes(13)]) {
        const key = crypto.randomBytes(keyLen);
        const nonce = crypto.randomBytes(12);
        const pt = crypto.randomBytes(n);
        const k = new Cls(key);
        const ours = k.encrypt(nonce, pt, aad);
        assert.deepStrictEqual(ours, nodeSeal(alg, key, nonce, pt, aad), 'same ciphertext as node:crypto');
        assert.deepStrictEqual(nodeOpen(alg, key, nonce, ours, aad), pt, 'node:crypto opens ours');
        assert.deepStrictEqual(k.decrypt(nonce, nodeSeal(alg, key, nonce, pt, aad), aad), pt, 'we open node:crypto\'s');
      }
    }
  });

  test(`${name}: tampering and misuse`, () => {
    const key = Cls === AESGCM ? AESGCM.generateKey(keyLen * 8) : ChaCha20Poly1305.generateKey();
    assert.strictEqual(key.length, keyLen);
    const k = new Cls(key);
    const nonce = crypto.randomBytes(12);
    const pt = Buffer.from('attack at dawn');
    const aad = Buffer.from('hdr');
    const ct = k.encrypt(nonce, pt, aad);
    assert.deepStrictEqual(k.decrypt(nonce, ct, aad), pt);
    assert.deepStrictEqual(pt.toString(), 'attack at dawn', 'input untouched');
    for (let i = 0; i < ct.length; i++) {
      const bad = Buffer.from(ct);
      bad[i] ^= 0x80;
      assert.throws(() => k.decrypt(nonce, bad, aad), InvalidTag);
    }
    assert.throws(() => k.decrypt(nonce, ct), InvalidTag, 'missing AAD');
    assert.throws(() => k.decrypt(nonce, ct, Buffer.from('hdx')), InvalidTag);
    assert.throws(() => k.decrypt(crypto.randomBytes(12), ct, aad), InvalidTag);
    assert.throws(() => k.decrypt(nonce, ct.subarray(0, 15), aad), InvalidTag, 'shorter than a tag');
    assert.throws(() => k.decrypt(nonce, Buffer.alloc(0), aad), InvalidTag);
    // Uint8Array / DataView inputs work, without copying
    const u8 = new Uint8Array(pt);
    assert.deepStrictEqual(k.decrypt(new Uint8Array(nonce), new DataView(ct.buffer, ct.byteOffset, ct.length), new Uint8Array(aad)), pt);
    assert.deepStrictEqual(k.encrypt(nonce, u8, aad), ct);
    // wrong sizes
    assert.throws(() => new Cls(Buffer.alloc(keyLen + 1)), (e) => e.code === 'CRYPTOGO_ERR_INVALID_ARGUMENT');
    assert.throws(() => new Cls(Buffer.alloc(0)), (e) => e.code === 'CRYPTOGO_ERR_INVALID_ARGUMENT');
    assert.throws(() => k.encrypt(Buffer.alloc(4), pt), (e) => e.code === 'CRYPTOGO_ERR_INVALID_ARGUMENT');
    if (Cls === ChaCha20Poly1305) assert.throws(() => k.encrypt(Buffer.alloc(16), pt), (e) => e.code === 'CRYPTOGO_ERR_INVALID_ARGUMENT');
    // wrong types
    assert.throws(() => new Cls('k'.repeat(keyLen)), (e) => e instanceof TypeError && e.code === 'ERR_INVALID_ARG_TYPE');
    assert.throws(() => k.encrypt(nonce, 'text'), (e) => e.code === 'ERR_INVALID_ARG_TYPE');
    assert.throws(() => k.encrypt(nonce, pt, 42), (e) => e.code === 'ERR_INVALID_ARG_TYPE');
    assert.throws(() => k.encrypt(null, pt), (e) => e.code === 'ERR_INVALID_ARG_TYPE');
    // freed
    k.free();
    assert.throws(() => k.encrypt(nonce, pt), InvalidHandle);
    assert.throws(() => k.decrypt(nonce, ct, aad), InvalidHandle);
  });
}

// Nonce sizes outside tests/wycheproof_policy.json's api_limits must be
// refused with InvalidArgument (pyca's ValueError) whatever the verdict;
// truncated tags (tagSize != 128) cannot be expressed and must be refused.
function wycheproofAead(t, file, Cls) {
  const w = loadWycheproof(t, file);
  if (!w) return;
  const lim = JSON.parse(require('fs').readFileSync(require('path').join(ROOT, 'tests', 'wycheproof_policy.json'), 'utf8')).api_limits[file];
  const [lo, hi] = lim.nonce_bytes;
  const nonceOk = (n) => n >= lo && n <= hi;
  let pass = 0;
  let rejectedByApi = 0;
  let total = 0;
  for (const g of w.testGroups) {
    for (const c of g.tests) {
      total++;
      const key = hex(c.key);
      const iv = hex(c.iv);
      const aad = hex(c.aad);
      const msg = hex(c.msg);
      const ct = Buffer.concat([hex(c.ct), hex(c.tag)]);
      const want = expect(file, c.result, c.flags);
      const label = `${file} tcId ${c.tcId} (${c.comment})`;
      if (!nonceOk(iv.length)) {
        const k = new Cls(key);
        assert.throws(() => k.encrypt(iv, msg, aad), (e) => e.code === 'CRYPTOGO_ERR_INVALID_ARGUMENT', label);
        assert.throws(() => k.decrypt(iv, ct, aad), (e) => e.code === 'CRYPTOGO_ERR_INVALID_ARGUMENT', label);
        k.free();
        rejectedByApi++;
        continue;
      }
      if (g.tagSize !== 128 || ![16, 24, 32].includes(key.length) || (Cls === ChaCha20Poly1305 && key.length !== 32)) {
        // Outside the API (truncated tags, unsupported nonce/key sizes, as pyca): must be refused, never accepted.
        assert.throws(() => {
          const k = new Cls(key);
          try {
            k.decrypt(iv, ct, aad);
          } finally {
            k.free();
          }
          if (g.tagSize !== 128) throw new InvalidTag('truncated tag');
        }, (e) => e instanceof InvalidTag || e.code === 'CRYPTOGO_ERR_INVALID_ARGUMENT', label);
        rejectedByApi++;
        continue;
      }
      const k = new Cls(key);
      if (want) {
        assert.deepStrictEqual(k.encrypt(iv, msg, aad), ct, label);
        assert.deepStrictEqual(k.decrypt(iv, ct, aad), msg, label);
      } else {
        assert.throws(() => k.decrypt(iv, ct, aad), InvalidTag, label);
      }
      pass++;
    }
  }
  console.log(`${file}: ${pass + rejectedByApi}/${total} as expected (${rejectedByApi} rejected by API limit: nonce size outside ${lo}..${hi} bytes, or truncated tag)`);
}

test('Wycheproof aes_gcm_test.json through the Node API', (t) => wycheproofAead(t, 'aes_gcm_test.json', AESGCM));
test('Wycheproof chacha20_poly1305_test.json through the Node API', (t) => wycheproofAead(t, 'chacha20_poly1305_test.json', ChaCha20Poly1305));
