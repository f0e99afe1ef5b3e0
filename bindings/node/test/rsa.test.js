'use strict';
// RSA: keys exchanged with node:crypto in every format (both ways, encrypted
// PKCS8 too), OAEP/PKCS1v15 encryption and PSS/PKCS1v15 signatures across the
// two implementations, async variants, Wycheproof OAEP and PSS, misuse.
const { test } = require('node:test');
const assert = require('assert');
const crypto = require('crypto');
const cg = require('..');
const { generateRSAPrivateKeyAsync, loadPrivateKey, loadPublicKey, RSAPrivateKey, RSAPublicKey } = cg;
const { loadWycheproof, expect, hex } = require('./helpers');

const C = crypto.constants;
let nodeKeys;
let ours;
function keys() {
  if (!nodeKeys) nodeKeys = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  return nodeKeys;
}

test('key generation (sync and off the main thread)', async () => {
  ours = await generateRSAPrivateKeyAsync({ keySize: 2048 });
  assert.strictEqual(ours.keySize, 2048);
  assert.strictEqual(ours.privateNumbers().e, 65537n);
  const k = cg.generateRSAPrivateKey({ keySize: 1024, publicExponent: 3 });
  assert.strictEqual(k.keySize, 1024);
  assert.strictEqual(k.privateNumbers().e, 3n);
  k.free();
  assert.throws(() => cg.generateRSAPrivateKey({ keySize: 512 }), (e) => e.code === 'CRYPTOGO_ERR_INVALID_ARGUMENT');
  assert.throws(() => cg.generateRSAPrivateKey({ publicExponent: 4 }), (e) => e.code === 'CRYPTOGO_ERR_INVALID_ARGUMENT');
});

test('node:crypto keys load here in every format (PEM/DER, PKCS8/PKCS1/SPKI, encrypted PKCS8)', () => {
  const { privateKey, publicKey } = keys();
  const jwk = privateKey.export({ format: 'jwk' });
  const nBig = BigInt(`0x${Buffer.from(jwk.n, 'base64url').toString('hex')}`);
  const forms = [
    [privateKey.export({ format: 'pem', type: 'pkcs8' }), {}],
    [privateKey.export({ format: 'der', type: 'pkcs8' }), {}],
    [privateKey.export({ format: 'pem', type: 'pkcs1' }), {}],
    [privateKey.export({ format: 'der', type: 'pkcs1' }), {}],
    [privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'hunter2' }), { password: 'hunter2' }],
    [privateKey.export({ format: 'der', type: 'pkcs8', cipher: 'aes-128-cbc', passphrase: 'pw' }), { password: Buffer.from('pw') }],
  ];
  for (const [data, opt] of forms) {
    const k = loadPrivateKey(data, opt);
    assert.strictEqual(k.privateNumbers().n, nBig);
    assert.strictEqual(k.privateNumbers().d, BigInt(`0x${Buffer.from(jwk.d, 'base64url').toString('hex')}`));
    k.free();
  }
  for (const data of [
    publicKey.export({ format: 'pem', type: 'spki' }), publicKey.export({ format: 'der', type: 'spki' }),
    publicKey.export({ format: 'pem', type: 'pkcs1' }), publicKey.export({ format: 'der', type: 'pkcs1' }),
  ]) {
    const k = loadPublicKey(data);
    assert.strictEqual(k.publicNumbers().n, nBig);
    assert.strictEqual(k.keySize, 2048);
    k.free();
  }
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'hunter2' });
  assert.throws(() => loadPrivateKey(pem), cg.PasswordRequired);
  assert.throws(() => loadPrivateKey(pem, { password: 'wrong' }), cg.BadKeyData);
  assert.throws(() => loadPrivateKey(privateKey.export({ format: 'pem', type: 'pkcs8' }), { password: 'x' }), cg.PasswordUnexpected);
  assert.throws(() => loadPrivateKey(Buffer.from('garbage')), cg.BadKeyData);
  assert.throws(() => loadPrivateKey('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n'), cg.BadKeyData);
  assert.throws(() => loadPublicKey(Buffer.alloc(10)), cg.BadKeyData);
  const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  assert.throws(() => loadPrivateKey(ec.privateKey.export({ format: 'pem', type: 'pkcs8' })), cg.UnsupportedAlgorithm);
  assert.throws(() => loadPublicKey(ec.publicKey.export({ format: 'der', type: 'spki' })), cg.UnsupportedAlgorithm);
});

test('our keys load in node:crypto in every format (encrypted too), sync and async export', async () => {
  const k = ours || cg.generateRSAPrivateKey();
  const jwkN = Buffer.from(crypto.createPrivateKey(k.export()).export({ format: 'jwk' }).n, 'base64url');
  assert.strictEqual(BigInt(`0x${jwkN.toString('hex')}`), k.privateNumbers().n);
  const cases = [
    [{ encoding: 'pem', format: 'pkcs8' }, { format: 'pem' }],
    [{ encoding: 'der', format: 'pkcs8' }, { format: 'der', type: 'pkcs8' }],
    [{ encoding: 'pem', format: 'pkcs1' }, { format: 'pem' }],
    [{ encoding: 'der', format: 'pkcs1' }, { format: 'der', type: 'pkcs1' }],
    [{ encoding: 'pem', format: 'pkcs8', password: 'correct horse' }, { format: 'pem', passphrase: 'correct horse' }],
    [{ encoding: 'der', format: 'pkcs8', password: Buffer.from('pw') }, { format: 'der', type: 'pkcs8', passphrase: 'pw' }],
  ];
  for (const [ex, im] of cases) {
    const data = ex.password ? await k.exportAsync(ex) : k.export(ex);
    const nk = crypto.createPrivateKey({ key: data, ...im });
    assert.deepStrictEqual(Buffer.from(nk.export({ format: 'jwk' }).n, 'base64url'), jwkN, JSON.stringify(ex));
    // and back
    const back = loadPrivateKey(data, { password: ex.password });
    assert.strictEqual(back.privateNumbers().n, k.privateNumbers().n);
    back.free();
  }
  assert.throws(() => k.export({ encoding: 'der', format: 'pkcs1', password: 'x' }), (e) => e.code === 'CRYPTOGO_ERR_INVALID_ARGUMENT');
  const pub = k.publicKey();
  for (const [ex, im] of [
    [{ encoding: 'pem', format: 'spki' }, { format: 'pem' }],
    [{ encoding: 'der', format: 'spki' }, { format: 'der', type: 'spki' }],
    [{ encoding: 'pem', format: 'pkcs1' }, { format: 'pem', type: 'pkcs1' }],
    [{ encoding: 'der', format: 'pkcs1' }, { format: 'der', type: 'pkcs1' }],
  ]) {
    const nk = crypto.createPublicKey({ key: pub.export(ex), ...im });
    assert.deepStrictEqual(Buffer.from(nk.export({ format: 'jwk' }).n, 'base64url'), jwkN);
  }
  // byte-identical to node's serialization of the same key
  const nodePriv = crypto.createPrivateKey(k.export());
  assert.strictEqual(pub.export({ format: 'spki' }).toString(), crypto.createPublicKey(nodePriv).export({ format: 'pem', type: 'spki' }));
  assert.deepStrictEqual(k.export({ encoding: 'der', format: 'pkcs1' }), nodePriv.export({ format: 'der', type: 'pkcs1' }));
  pub.free();
});

test('OAEP (SHA-1, SHA-256, label) and PKCS1v15 encryption interoperate with node:crypto', async () => {
  const { privateKey, publicKey } = keys();
  const priv = loadPrivateKey(privateKey.export({ format: 'der', type: 'pkcs8' }));
  const pub = priv.publicKey();
  for (const h of ['sha1', 'sha256']) {
    for (const label of [undefined, Buffer.from('label')]) {
      const msg = crypto.randomBytes(40);
      const nodeCt = crypto.publicEncrypt({ key: publicKey, padding: C.RSA_PKCS1_OAEP_PADDING, oaepHash: h, oaepLabel: label }, msg);
      assert.deepStrictEqual(priv.decrypt(nodeCt, { padding: 'oaep', hash: h, label }), msg);
      assert.deepStrictEqual(await priv.decryptAsync(nodeCt, { padding: 'oaep', hash: h, label }), msg);
      const ct = pub.encrypt(msg, { padding: 'oaep', hash: h, label });
      assert.strictEqual(ct.length, 256);
      assert.deepStrictEqual(crypto.privateDecrypt({ key: privateKey, padding: C.RSA_PKCS1_OAEP_PADDING, oaepHash: h, oaepLabel: label }, ct), msg);
      assert.throws(() => priv.decrypt(ct, { hash: h === 'sha1' ? 'sha256' : 'sha1', label }), cg.DecryptionFailed);
      const bad = Buffer.from(ct);
      bad[10] ^= 1;
      assert.throws(() => priv.decrypt(bad, { hash: h, label }), cg.DecryptionFailed);
    }
  }
  // PKCS1v15: node encrypts (its PKCS1v15 *decryption* is disabled since CVE-2023-46809)
  const msg = Buffer.from('pkcs1 v1.5 message');
  const nodeCt = crypto.publicEncrypt({ key: publicKey, padding: C.RSA_PKCS1_PADDING }, msg);
  assert.deepStrictEqual(priv.decrypt(nodeCt, { padding: 'pkcs1v15' }), msg);
  assert.deepStrictEqual(await priv.decryptAsync(nodeCt, { padding: 'pkcs1v15' }), msg);
  assert.deepStrictEqual(priv.decrypt(pub.encrypt(msg, { padding: 'pkcs1v15' }), { padding: 'pkcs1v15' }), msg);
  assert.throws(() => priv.decrypt(Buffer.alloc(256, 7), { padding: 'pkcs1v15' }), cg.DecryptionFailed);
  assert.throws(() => pub.encrypt(Buffer.alloc(300)), (e) => e.code === 'CRYPTOGO_ERR_INVALID_ARGUMENT');
  assert.throws(() => pub.encrypt(msg, { padding: 'pss' }), (e) => e.code === 'ERR_INVALID_ARG_TYPE');
  priv.free();
  pub.free();
});

test('PSS and PKCS1v15 signatures interoperate with node:crypto (prehashed too, async)', async () => {
  const { privateKey, publicKey } = keys();
  const priv = loadPrivateKey(privateKey.export({ format: 'pem', type: 'pkcs1' }));
  const pub = loadPublicKey(publicKey.export({ format: 'pem', type: 'spki' }));
  const msg = crypto.randomBytes(100);
  for (const h of ['sha1', 'sha256', 'sha384', 'sha512']) {
    // PKCS1v15 is deterministic: byte-identical
    const sig = priv.sign(msg, { padding: 'pkcs1v15', hash: h });
    assert.deepStrictEqual(sig, crypto.sign(h, msg, privateKey));
    assert.deepStrictEqual(await priv.signAsync(msg, { padding: 'pkcs1v15', hash: h }), sig);
    pub.verify(crypto.sign(h, msg, privateKey), msg, { padding: 'pkcs1v15', hash: h });
    const digest = crypto.createHash(h).update(msg).digest();
    assert.deepStrictEqual(priv.sign(digest, { padding: 'pkcs1v15', hash: h, prehashed: true }), sig);
    pub.verify(sig, digest, { padding: 'pkcs1v15', hash: h, prehashed: true });
    // PSS
    for (const [ours, theirs] of [['max', C.RSA_PSS_SALTLEN_MAX_SIGN], ['digest', C.RSA_PSS_SALTLEN_DIGEST], [0, 0], [17, 17]]) {
      const s = priv.sign(msg, { padding: 'pss', hash: h, saltLength: ours });
      assert.ok(crypto.verify(h, msg, { key: publicKey, padding: C.RSA_PKCS1_PSS_PADDING, saltLength: theirs }, s), `node verifies our PSS ${h} ${ours}`);
      assert.ok(crypto.verify(h, msg, { key: publicKey, padding: C.RSA_PKCS1_PSS_PADDING, saltLength: C.RSA_PSS_SALTLEN_AUTO }, s));
      const ns = crypto.sign(h, msg, { key: privateKey, padding: C.RSA_PKCS1_PSS_PADDING, saltLength: theirs });
      pub.verify(ns, msg, { padding: 'pss', hash: h, saltLength: ours });
      pub.verify(ns, msg, { padding: 'pss', hash: h, saltLength: 'auto' });
      pub.verify(ns, digest, { padding: 'pss', hash: h, saltLength: 'auto', prehashed: true });
    }
    const s = await priv.signAsync(digest, { hash: h, prehashed: true });
    assert.ok(crypto.verify(h, msg, { key: publicKey, padding: C.RSA_PKCS1_PSS_PADDING, saltLength: C.RSA_PSS_SALTLEN_AUTO }, s));
  }
  const sig = priv.sign(msg);
  const bad = Buffer.from(sig);
  bad[0] ^= 1;
  assert.throws(() => pub.verify(bad, msg), cg.InvalidSignature);
  assert.throws(() => pub.verify(sig, Buffer.concat([msg, Buffer.alloc(1)])), cg.InvalidSignature);
  assert.throws(() => pub.verify(sig, msg, { padding: 'pkcs1v15' }), cg.InvalidSignature);
  assert.throws(() => pub.verify(sig.subarray(1), msg), cg.InvalidSignature);
  assert.throws(() => priv.sign(msg, { saltLength: 'auto' }), (e) => e.code === 'ERR_OUT_OF_RANGE');
  assert.throws(() => priv.sign(msg, { hash: 'nope' }), cg.UnsupportedAlgorithm);
  assert.throws(() => priv.sign(Buffer.alloc(5), { prehashed: true }), (e) => e.code === 'CRYPTOGO_ERR_INVALID_ARGUMENT');
  priv.verify(sig, msg);
  priv.free();
  assert.throws(() => priv.sign(msg), cg.InvalidHandle);
  await assert.rejects(priv.signAsync(msg), cg.InvalidHandle);
  await assert.rejects(priv.decryptAsync(Buffer.alloc(256)), cg.InvalidHandle);
  pub.free();
});

test('numbers: fromNumbers round trip', () => {
  const { privateKey } = keys();
  const k = loadPrivateKey(privateKey.export({ format: 'pem', type: 'pkcs8' }));
  const nums = k.privateNumbers();
  const k2 = RSAPrivateKey.fromNumbers(nums);
  assert.deepStrictEqual(k2.privateNumbers(), nums);
  const p2 = RSAPublicKey.fromNumbers({ n: nums.n, e: nums.e });
  p2.verify(k.sign(Buffer.from('m')), Buffer.from('m'));
  assert.throws(() => RSAPrivateKey.fromNumbers({ ...nums, d: nums.d + 2n }), (e) => e.code === 'CRYPTOGO_ERR_INVALID_ARGUMENT');
  [k, k2, p2].forEach((x) => x.free());
});

test('generic key layer: loaders return the registered class; type, asymmetricKeyType and asymmetricKeyDetails as node:crypto KeyObject', async () => {
  const { privateKey, publicKey } = keys();
  const priv = loadPrivateKey(privateKey.export({ format: 'pem', type: 'pkcs8' }));
  const privAsync = await cg.loadPrivateKeyAsync(privateKey.export({ format: 'der', type: 'pkcs1' }));
  const pub = loadPublicKey(publicKey.export({ format: 'der', type: 'spki' }));
  const derived = priv.publicKey();
  for (const k of [priv, privAsync]) {
    assert.ok(k instanceof RSAPrivateKey && k instanceof cg.PrivateKey && k instanceof cg.Handle);
    assert.strictEqual(k.type, privateKey.type);
    assert.strictEqual(k.asymmetricKeyType, privateKey.asymmetricKeyType);
    assert.deepStrictEqual(k.asymmetricKeyDetails, privateKey.asymmetricKeyDetails);
    assert.strictEqual(k.keySize, privateKey.asymmetricKeyDetails.modulusLength);
  }
  for (const k of [pub, derived]) {
    assert.ok(k instanceof RSAPublicKey && k instanceof cg.PublicKey);
    assert.strictEqual(k.type, publicKey.type);
    assert.strictEqual(k.asymmetricKeyType, publicKey.asymmetricKeyType);
    assert.deepStrictEqual(k.asymmetricKeyDetails, publicKey.asymmetricKeyDetails);
  }
  const e3 = cg.generateRSAPrivateKey({ keySize: 1024, publicExponent: 3 });
  const nodeE3 = crypto.createPrivateKey(e3.export());
  assert.deepStrictEqual(e3.asymmetricKeyDetails, nodeE3.asymmetricKeyDetails);
  assert.deepStrictEqual(e3.publicKey().asymmetricKeyDetails, crypto.createPublicKey(nodeE3).asymmetricKeyDetails);
  // asymmetricKeyType is read from the library (the generic type query), memoized per object
  assert.strictEqual(cg._native.private_key_type(priv._h), 0);
  assert.strictEqual(cg._native.scratchF64[0], cg.abi.enums.cryptogo_key_type.CRYPTOGO_KEY_RSA);
  // typed statics load through the same registry
  const typed = RSAPublicKey.load(publicKey.export({ format: 'pem', type: 'pkcs1' }));
  assert.ok(typed instanceof RSAPublicKey);
  assert.ok((await RSAPrivateKey.loadAsync(privateKey.export({ format: 'pem', type: 'pkcs8' }))) instanceof RSAPrivateKey);
  // objects are made by loaders and factories only
  assert.throws(() => new RSAPublicKey(), TypeError);
  assert.throws(() => new cg.PrivateKey(), TypeError);
  // generic handles: a private handle where a public one is expected is InvalidHandle (no crash)
  assert.strictEqual(cg._native.public_key_bits(priv._h), cg.abi.status.CRYPTOGO_ERR_INVALID_HANDLE);
  const before = cg.liveHandles();
  for (const k of [priv, privAsync, pub, derived, e3, typed]) k.free();
  assert.ok(cg.liveHandles() <= before - 6);
  assert.throws(() => priv.asymmetricKeyDetails, cg.InvalidHandle);
  assert.strictEqual(priv.asymmetricKeyType, 'rsa'); // memoized before free
});

test('equals agrees with node:crypto KeyObject.equals', () => {
  const { privateKey, publicKey } = keys();
  const other = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
  const a = loadPublicKey(publicKey.export({ format: 'pem', type: 'spki' }));
  const b = loadPrivateKey(privateKey.export({ format: 'der', type: 'pkcs8' })).publicKey();
  const c = loadPublicKey(publicKey.export({ format: 'der', type: 'pkcs1' }));
  const d = loadPublicKey(other.publicKey.export({ format: 'pem', type: 'spki' }));
  const nums = a.publicNumbers();
  const e = RSAPublicKey.fromNumbers({ n: nums.n, e: 3n });
  const pairs = [
    [a, b, publicKey, crypto.createPublicKey(privateKey)],
    [a, c, publicKey, crypto.createPublicKey({ key: publicKey.export({ format: 'der', type: 'pkcs1' }), format: 'der', type: 'pkcs1' })],
    [a, d, publicKey, other.publicKey],
    [a, e, publicKey, crypto.createPublicKey({ key: e.export(), format: 'pem' })],
  ];
  for (const [x, y, nx, ny] of pairs) {
    const want = nx.equals(ny);
    assert.strictEqual(x.equals(y), want);
    assert.strictEqual(y.equals(x), want);
  }
  assert.strictEqual(a.equals(a), publicKey.equals(publicKey));
  assert.deepStrictEqual([a.equals(b), a.equals(d), a.equals(e)], [true, false, false]);
  // a private key is never equal to a public one (node: KeyObject.equals across types is false)
  const priv = loadPrivateKey(privateKey.export({ format: 'pem', type: 'pkcs8' }));
  assert.strictEqual(a.equals(priv), publicKey.equals(privateKey));
  assert.strictEqual(a.equals(priv), false);
  assert.throws(() => a.equals(publicKey.export({ format: 'der', type: 'spki' })), (err) => err.code === 'ERR_INVALID_ARG_TYPE');
  assert.throws(() => a.equals(undefined), (err) => err.code === 'ERR_INVALID_ARG_TYPE');
  d.free();
  assert.throws(() => a.equals(d), cg.InvalidHandle);
  [a, b, c, e, priv].forEach((k) => k.free());
});

test('recover (PKCS1v15 data recovery) agrees with crypto.publicDecrypt(RSA_PKCS1_PADDING) on signatures', () => {
  const { privateKey, publicKey } = keys();
  const pub = loadPublicKey(publicKey.export({ format: 'pem', type: 'spki' }));
  const msg = crypto.randomBytes(77);
  for (const h of ['sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha512-256', 'sha3-256', 'md5']) {
    const sig = crypto.sign(h, msg, privateKey);
    // node's public-key "decryption" of a signature is the payload: DigestInfo || digest
    const payload = crypto.publicDecrypt({ key: publicKey, padding: C.RSA_PKCS1_PADDING }, sig);
    const digest = crypto.createHash(h).update(msg).digest();
    assert.deepStrictEqual(payload.subarray(payload.length - digest.length), digest);
    assert.deepStrictEqual(pub.recover(sig, { hash: null }), payload, `${h} raw`);
    assert.deepStrictEqual(pub.recover(sig, { padding: 'pkcs1v15', hash: h }), digest, h);
    // a DigestInfo of another hash does not recover
    assert.throws(() => pub.recover(sig, { hash: h === 'sha256' ? 'sha384' : 'sha256' }), cg.InvalidSignature, h);
  }
  // raw payloads (no DigestInfo): node's privateEncrypt with PKCS1 padding is a PKCS1v15 signature of raw data
  for (const data of [Buffer.alloc(0), Buffer.from('raw payload'), crypto.randomBytes(245)]) {
    const sig = crypto.privateEncrypt({ key: privateKey, padding: C.RSA_PKCS1_PADDING }, data);
    assert.deepStrictEqual(pub.recover(sig, { hash: null }), data);
    assert.deepStrictEqual(pub.recover(sig, { hash: null }), crypto.publicDecrypt({ key: publicKey, padding: C.RSA_PKCS1_PADDING }, sig));
    assert.throws(() => pub.recover(sig, { hash: 'sha256' }), cg.InvalidSignature);
  }
  // our signatures too
  const priv = loadPrivateKey(privateKey.export({ format: 'pem', type: 'pkcs8' }));
  const ours = priv.sign(msg, { padding: 'pkcs1v15', hash: 'sha384' });
  assert.deepStrictEqual(pub.recover(ours, { hash: 'sha384' }), crypto.createHash('sha384').update(msg).digest());
  const bad = Buffer.from(ours);
  bad[5] ^= 1;
  assert.throws(() => pub.recover(bad, { hash: null }), cg.InvalidSignature);
  assert.throws(() => pub.recover(ours.subarray(1), { hash: null }), cg.InvalidSignature);
  assert.throws(() => pub.recover(priv.sign(msg), { hash: 'sha256' }), cg.InvalidSignature); // PSS is not PKCS1v15
  assert.throws(() => pub.recover(ours), (e) => e.code === 'ERR_INVALID_ARG_TYPE');
  assert.throws(() => pub.recover(ours, {}), (e) => e.code === 'ERR_INVALID_ARG_TYPE');
  assert.throws(() => pub.recover(ours, { padding: 'pss', hash: 'sha256' }), (e) => e.code === 'ERR_INVALID_ARG_TYPE');
  assert.throws(() => pub.recover(ours, { hash: 'nope' }), cg.UnsupportedAlgorithm);
  priv.free();
  pub.free();
  assert.throws(() => pub.recover(ours, { hash: null }), cg.InvalidHandle);
});

const hashName = (s) => s.toLowerCase().replace(/^sha-/, 'sha').replace('/', '-');

// Every rsa_*_test.json of Wycheproof through the Node API, by schema (as
// core/rsa/rsa_wycheproof_test.go): OAEP and PKCS1v15 decryption, PSS verification
// (keys with and without PSS parameters: the key is built from its numbers),
// PKCS1v15 verification and signature generation. Files listed under
// "unsupported" in tests/wycheproof_policy.json must refuse every case with
// the recorded error. An unknown schema fails the test.
test('Wycheproof RSA (OAEP, PSS, PKCS1v15) through the Node API', async (t) => {
  const fs = require('fs');
  const path = require('path');
  const { ROOT, wycheproofDir } = require('./helpers');
  const dir = wycheproofDir(t);
  if (!dir) return;
  const policy = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'wycheproof_policy.json'), 'utf8'));
  const unsupported = policy.unsupported || {};
  const errClass = { UnsupportedAlgorithm: cg.UnsupportedAlgorithm, ValueError: cg.InvalidArgument };
  const files = fs.readdirSync(dir).filter((f) => /^rsa_.*_test\.json$/.test(f)).sort();
  const sum = { files: 0, cases: 0, unsupported: 0, multi: 0 };
  for (const file of files) {
    const w = loadWycheproof(t, file);
    const schema = w.schema.replace(/_schema(_v1)?\.json$/, '');
    const unsup = unsupported[file] && errClass[unsupported[file].error];
    let ok = 0;
    let total = 0;
    let nUnsup = 0;
    let nMulti = 0;
    const pending = [];
    const t0 = Date.now();
    const pubFromNumbers = (g) => RSAPublicKey.fromNumbers({ n: hex(g.publicKey.modulus), e: hex(g.publicKey.publicExponent) });
    for (const g of w.testGroups) {
      let key;
      let run;
      const multiPrime = g.privateKey && Array.isArray(g.privateKey.otherPrimeInfos) && g.privateKey.otherPrimeInfos.length > 0;
      if (multiPrime) {
        // Multi-prime (RFC 8017) keys: the key loader refuses them, as pyca's
        // parser does (core/keys/parse.go), and fromNumbers takes two primes; so the
        // API cannot use these keys. Asserted, counted and reported.
        assert.throws(() => loadPrivateKey(hex(g.privateKeyPkcs8)), cg.BadKeyData, `${file}: multi-prime key`);
        total += g.tests.length;
        ok += g.tests.length;
        nMulti += g.tests.length;
        continue;
      }
      if (schema === 'rsaes_oaep_decrypt' || schema === 'rsaes_pkcs1_decrypt') {
        key = loadPrivateKey(hex(g.privateKeyPkcs8));
        const opt = schema === 'rsaes_oaep_decrypt'
          ? { padding: 'oaep', hash: hashName(g.sha), mgf1Hash: hashName(g.mgfSha) } : { padding: 'pkcs1v15' };
        run = (c, want, label) => {
          const o = c.label === undefined ? opt : { ...opt, label: hex(c.label) };
          // pyca: a ciphertext whose length is not the key size is ValueError
          // ("Ciphertext length must be equal to key size."), anything else "Decryption failed".
          const wrongLength = hex(c.ct).length !== (key.keySize + 7) >> 3;
          const errCls = wrongLength ? cg.InvalidArgument : cg.DecryptionFailed;
          if (key.keySize > 4096) {
            // Slow in Go (~0.2-0.8 s each): run on the thread pool, concurrently.
            pending.push(want
              ? key.decryptAsync(hex(c.ct), o).then((m) => assert.deepStrictEqual(m, hex(c.msg), label))
              : assert.rejects(key.decryptAsync(hex(c.ct), o), errCls, label));
            return;
          }
          if (want) assert.deepStrictEqual(key.decrypt(hex(c.ct), o), hex(c.msg), label);
          else assert.throws(() => key.decrypt(hex(c.ct), o), errCls, label);
        };
      } else if (schema === 'rsassa_pss_verify' || schema === 'rsassa_pss_with_parameters_verify') {
        key = pubFromNumbers(g);
        const mgf1Hash = g.mgf === 'MGF1' ? hashName(g.mgfSha) : hashName(g.mgf);
        const opt = { padding: 'pss', hash: hashName(g.sha), mgf1Hash, saltLength: g.sLen };
        run = (c, want, label) => {
          if (want) {
            key.verify(hex(c.sig), hex(c.msg), opt);
            key.verify(hex(c.sig), hex(c.msg), { ...opt, saltLength: 'auto' });
          } else {
            assert.throws(() => key.verify(hex(c.sig), hex(c.msg), opt), cg.InvalidSignature, label);
          }
        };
      } else if (schema === 'rsassa_pkcs1_verify') {
        key = pubFromNumbers(g);
        const opt = { padding: 'pkcs1v15', hash: hashName(g.sha) };
        run = (c, want, label) => {
          if (want) key.verify(hex(c.sig), hex(c.msg), opt);
          else assert.throws(() => key.verify(hex(c.sig), hex(c.msg), opt), cg.InvalidSignature, label);
        };
      } else if (schema === 'rsassa_pkcs1_generate') {
        key = loadPrivateKey(hex(g.privateKeyPkcs8));
        const opt = { padding: 'pkcs1v15', hash: hashName(g.sha) };
        run = (c, want, label) => {
          if (want) assert.strictEqual(key.sign(hex(c.msg), opt).toString('hex'), c.sig, label);
          else assert.throws(() => key.sign(hex(c.msg), opt), cg.CryptogoError, label);
        };
      } else {
        assert.fail(`${file}: unknown schema ${w.schema}`);
      }
      for (const c of g.tests) {
        total++;
        const label = `${file} tcId ${c.tcId} (${c.comment}) ${JSON.stringify(c.flags)}`;
        if (unsup) {
          assert.throws(() => run(c, true, label), unsup, label);
          nUnsup++;
        } else {
          run(c, expect(file, c.result, c.flags), label);
        }
        ok++;
      }
      await Promise.all(pending.splice(0));
      key.free();
    }
    assert.strictEqual(total, w.numberOfTests, `${file}: ran ${total} of ${w.numberOfTests}`);
    console.log(`${file}: ${ok}/${total} as expected${nUnsup ? ` (${nUnsup} unsupported, refused with ${unsupported[file].error})` : ''}` +
      `${nMulti ? ` (${nMulti} with a multi-prime key, refused at load with BadKeyData as pyca)` : ''} [${Date.now() - t0} ms]`);
    sum.files++;
    sum.cases += ok;
    sum.unsupported += nUnsup;
    sum.multi += nMulti;
  }
  console.log(`Wycheproof RSA through Node: ${sum.files} files, ${sum.cases} cases as expected (${sum.unsupported} unsupported SHAKE-PSS, ${sum.multi} multi-prime-key cases refused at load)`);
});

test("sign/verify with hash null and 'pkcs1v15' (pyca's NoDigestInfo) agree with crypto.privateEncrypt(RSA_PKCS1_PADDING)", () => {
  const { privateKey, publicKey } = keys();
  const priv = loadPrivateKey(privateKey.export({ format: 'pem', type: 'pkcs8' }));
  const pub = priv.publicKey();
  const size = (priv.keySize + 7) >> 3;
  for (const data of [Buffer.alloc(0), Buffer.from('raw payload'), crypto.randomBytes(size - 11)]) {
    const sig = priv.sign(data, { padding: 'pkcs1v15', hash: null });
    assert.deepStrictEqual(sig, crypto.privateEncrypt({ key: privateKey, padding: C.RSA_PKCS1_PADDING }, data));
    pub.verify(sig, data, { padding: 'pkcs1v15', hash: null });
    assert.throws(() => pub.verify(sig, Buffer.concat([data, Buffer.from('x')]), { padding: 'pkcs1v15', hash: null }), cg.InvalidSignature);
  }
  // DigestInfo || digest signed raw is the hash's signature
  const msg = Buffer.from('message');
  const withHash = crypto.sign('sha256', msg, privateKey);
  const payload = crypto.publicDecrypt({ key: publicKey, padding: C.RSA_PKCS1_PADDING }, withHash);
  assert.deepStrictEqual(priv.sign(payload, { padding: 'pkcs1v15', hash: null }), withHash);
  pub.verify(withHash, payload, { padding: 'pkcs1v15', hash: null });
  assert.throws(() => priv.sign(crypto.randomBytes(size - 10), { padding: 'pkcs1v15', hash: null }), cg.InvalidArgument);
  assert.throws(() => priv.sign(msg, { hash: null }), (e) => e.code === 'ERR_INVALID_ARG_TYPE'); // PSS needs a hash
  assert.throws(() => pub.verify(withHash, msg, { padding: 'pss', hash: null }), (e) => e.code === 'ERR_INVALID_ARG_TYPE');
  assert.throws(() => priv.sign(msg, { padding: 'pkcs1v15', hash: null, prehashed: true }), (e) => e.code === 'ERR_OUT_OF_RANGE');
  priv.free();
  pub.free();
});
