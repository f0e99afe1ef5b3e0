'use strict';
// Ed25519, Ed448, X25519, X448 against node:crypto: keys exchanged both ways
// in every format (PEM/DER PKCS8/SPKI, raw via JWK) with byte-identical
// exports, signatures identical to node's (deterministic EdDSA) and verified
// both ways, Diffie-Hellman agreement both ways, KeyObject.equals against
// ours, async variants, misuse; Wycheproof ed25519/ed448/x25519/x448.
const { test } = require('node:test');
const assert = require('assert');
const crypto = require('crypto');
const cg = require('..');
const { loadWycheproof, expect, hex } = require('./helpers');

const TYPES = {
  ed25519: { Priv: cg.Ed25519PrivateKey, Pub: cg.Ed25519PublicKey, sign: true },
  ed448: { Priv: cg.Ed448PrivateKey, Pub: cg.Ed448PublicKey, sign: true },
  x25519: { Priv: cg.X25519PrivateKey, Pub: cg.X25519PublicKey, sign: false },
  x448: { Priv: cg.X448PrivateKey, Pub: cg.X448PublicKey, sign: false },
};
const sizeFn = (name) => cg._native[name]();
// The library's sizes (cryptogo_<type>_publickeybytes, ...), as the binding reads them.
const SIZES = {
  ed25519: { pub: 32, priv: 32, sig: 64 },
  ed448: { pub: 57, priv: 57, sig: 114 },
  x25519: { pub: 32, priv: 32 },
  x448: { pub: 56, priv: 56 },
};

// node's raw bytes of a KeyObject (JWK d / x).
const rawOf = (k) => Buffer.from(k.export({ format: 'jwk' })[k.type === 'private' ? 'd' : 'x'], 'base64url');
const nodeFromRaw = (type, d, x) => {
  const crv = { ed25519: 'Ed25519', ed448: 'Ed448', x25519: 'X25519', x448: 'X448' }[type];
  const jwk = { kty: 'OKP', crv, x: x.toString('base64url') };
  if (d) return crypto.createPrivateKey({ key: { ...jwk, d: d.toString('base64url') }, format: 'jwk' });
  return crypto.createPublicKey({ key: jwk, format: 'jwk' });
};

test('sizes come from the library and match the RFCs', () => {
  for (const [type, s] of Object.entries(SIZES)) {
    const names = [['publickeybytes', s.pub], ['secretkeybytes', s.priv]];
    if (s.sig) names.push(['signaturebytes', s.sig]);
    for (const [n, v] of names) {
      assert.strictEqual(sizeFn(`${type}_${n}`), v, `${type}_${n}`);
      const macro = cg.abi.macros[`CRYPTOGO_${type.toUpperCase()}_${n.toUpperCase()}`];
      if (macro !== undefined) assert.strictEqual(macro, v, `CRYPTOGO_${type.toUpperCase()}_${n.toUpperCase()}`);
    }
  }
});

test('generateKeyPair / generate: classes, asymmetricKeyType, raw sizes, sync and async', async () => {
  for (const [type, { Priv, Pub }] of Object.entries(TYPES)) {
    const { privateKey, publicKey } = cg.generateKeyPair(type);
    assert.ok(privateKey instanceof Priv && privateKey instanceof cg.PrivateKey, type);
    assert.ok(publicKey instanceof Pub && publicKey instanceof cg.PublicKey, type);
    assert.strictEqual(privateKey.asymmetricKeyType, type);
    assert.strictEqual(publicKey.asymmetricKeyType, type);
    assert.strictEqual(privateKey.type, 'private');
    assert.strictEqual(publicKey.type, 'public');
    assert.strictEqual(privateKey.export({ format: 'raw' }).length, SIZES[type].priv);
    assert.strictEqual(publicKey.export({ format: 'raw', encoding: 'raw' }).length, SIZES[type].pub);
    // keySize: the library's answer (OpenSSL's EVP_PKEY_bits values)
    assert.strictEqual(privateKey.keySize, { ed25519: 256, ed448: 456, x25519: 253, x448: 448 }[type]);
    assert.strictEqual(publicKey.keySize, privateKey.keySize);
    const k2 = Priv.generate();
    assert.ok(!k2.equals(privateKey), `${type}: two generated keys differ`);
    const a = await cg.generateKeyPairAsync(type);
    assert.ok(a.privateKey instanceof Priv && a.publicKey instanceof Pub);
    assert.ok(a.publicKey.equals(a.privateKey.publicKey()));
    const g = await Priv.generateAsync();
    assert.strictEqual(g.asymmetricKeyType, type);
    for (const k of [privateKey, publicKey, k2, a.privateKey, a.publicKey, g]) k.free();
  }
  const r = cg.generateKeyPair('rsa', { modulusLength: 1024 });
  assert.strictEqual(r.publicKey.keySize, 1024);
  assert.throws(() => cg.generateKeyPair('ec'), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => cg.generateKeyPair(), { code: 'ERR_INVALID_ARG_TYPE' });
  await assert.rejects(cg.generateKeyPairAsync('dh'), { code: 'ERR_INVALID_ARG_TYPE' });
});

test('node:crypto keys load here in every format, and our exports are byte-identical to node', () => {
  for (const [type, { Priv, Pub }] of Object.entries(TYPES)) {
    const n = crypto.generateKeyPairSync(type);
    const forms = {
      pkcs8pem: n.privateKey.export({ format: 'pem', type: 'pkcs8' }),
      pkcs8der: n.privateKey.export({ format: 'der', type: 'pkcs8' }),
      spkipem: n.publicKey.export({ format: 'pem', type: 'spki' }),
      spkider: n.publicKey.export({ format: 'der', type: 'spki' }),
    };
    for (const data of [forms.pkcs8pem, forms.pkcs8der]) {
      const k = cg.loadPrivateKey(data);
      assert.ok(k instanceof Priv, type);
      assert.deepStrictEqual(k.export({ encoding: 'pem', format: 'pkcs8' }).toString(), forms.pkcs8pem, `${type} pkcs8 pem`);
      assert.deepStrictEqual(k.export({ encoding: 'der', format: 'pkcs8' }), forms.pkcs8der, `${type} pkcs8 der`);
      assert.deepStrictEqual(k.export({ format: 'raw' }), rawOf(n.privateKey), `${type} raw private`);
      const p = k.publicKey();
      assert.deepStrictEqual(p.export().toString(), forms.spkipem, `${type} spki pem of the derived public key`);
      assert.deepStrictEqual(p.export({ format: 'raw' }), rawOf(n.publicKey), `${type} raw public`);
      k.free();
      p.free();
    }
    for (const data of [forms.spkipem, forms.spkider]) {
      const k = cg.loadPublicKey(data);
      assert.ok(k instanceof Pub, type);
      assert.deepStrictEqual(k.export({ encoding: 'der', format: 'spki' }), forms.spkider, `${type} spki der`);
      assert.strictEqual(k.export({ encoding: 'pem' }).toString(), forms.spkipem, `${type} spki pem`);
      k.free();
    }
    // typed loaders and raw import
    const t = Priv.load(forms.pkcs8pem);
    const fromRaw = Priv.fromRaw(rawOf(n.privateKey));
    assert.ok(t.equals(fromRaw), `${type}: fromRaw equals the loaded key`);
    assert.deepStrictEqual(fromRaw.export({ encoding: 'der', format: 'pkcs8' }), forms.pkcs8der);
    const pr = Pub.fromRaw(rawOf(n.publicKey));
    assert.deepStrictEqual(pr.export({ encoding: 'der' }), forms.spkider);
    assert.ok(pr.equals(Pub.load(forms.spkider)));
    // encrypted PKCS8 both ways
    const enc = n.privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'pw' });
    assert.ok(cg.loadPrivateKey(enc, { password: 'pw' }).equals(t));
    const ours = t.export({ encoding: 'der', format: 'pkcs8', password: 'hunter2' });
    const back = crypto.createPrivateKey({ key: ours, format: 'der', type: 'pkcs8', passphrase: 'hunter2' });
    assert.ok(back.equals(n.privateKey), `${type}: node opens our encrypted PKCS8`);
  }
});

test('our keys load in node:crypto (PEM/DER PKCS8/SPKI, raw), equal by KeyObject.equals', () => {
  for (const type of Object.keys(TYPES)) {
    const { privateKey, publicKey } = cg.generateKeyPair(type);
    const np = crypto.createPrivateKey(privateKey.export());
    const nd = crypto.createPrivateKey({ key: privateKey.export({ encoding: 'der' }), format: 'der', type: 'pkcs8' });
    assert.strictEqual(np.asymmetricKeyType, type);
    assert.ok(np.equals(nd));
    const nPub = crypto.createPublicKey(publicKey.export());
    const nPubDer = crypto.createPublicKey({ key: publicKey.export({ encoding: 'der', format: 'spki' }), format: 'der', type: 'spki' });
    assert.ok(nPub.equals(nPubDer));
    assert.ok(nPub.equals(crypto.createPublicKey(np)), `${type}: node derives the same public key`);
    const nRaw = nodeFromRaw(type, privateKey.export({ format: 'raw' }), publicKey.export({ format: 'raw' }));
    assert.ok(nRaw.equals(np), `${type}: raw bytes import in node`);
    assert.deepStrictEqual(rawOf(nPub), publicKey.export({ format: 'raw' }));
    // equals here mirrors node's equals
    const other = cg.generateKeyPair(type);
    const nOther = crypto.createPublicKey(other.publicKey.export());
    assert.strictEqual(publicKey.equals(other.publicKey), nPub.equals(nOther));
    assert.strictEqual(publicKey.equals(cg.loadPublicKey(nPub.export({ format: 'pem', type: 'spki' }))), true);
    assert.strictEqual(privateKey.equals(cg.loadPrivateKey(np.export({ format: 'der', type: 'pkcs8' }))), true);
    assert.strictEqual(privateKey.equals(other.privateKey), false);
    assert.strictEqual(privateKey.equals(publicKey), false);
    assert.strictEqual(publicKey.equals(privateKey), false);
    assert.throws(() => publicKey.equals(nPub), { code: 'ERR_INVALID_ARG_TYPE' });
  }
  // keys of different types are unequal
  const a = cg.generateKeyPair('ed25519');
  const b = cg.X25519PrivateKey.fromRaw(a.privateKey.export({ format: 'raw' }));
  assert.strictEqual(a.privateKey.equals(b), false);
  assert.strictEqual(a.publicKey.equals(b.publicKey()), false);
});

test('Ed25519 / Ed448 signatures: identical to node:crypto, verified both ways', async () => {
  for (const type of ['ed25519', 'ed448']) {
    const { Priv } = TYPES[type];
    const n = crypto.generateKeyPairSync(type);
    const k = Priv.load(n.privateKey.export({ format: 'der', type: 'pkcs8' }));
    const pub = k.publicKey();
    for (const msg of [Buffer.alloc(0), Buffer.from('abc'), crypto.randomBytes(1000), new Uint8Array(3)]) {
      const ours = k.sign(msg);
      assert.strictEqual(ours.length, SIZES[type].sig);
      const theirs = crypto.sign(null, msg, n.privateKey);
      assert.deepStrictEqual(ours, theirs, `${type}: deterministic signature identical to node`);
      assert.deepStrictEqual(cg.sign(null, msg, k), theirs);
      assert.deepStrictEqual(await k.signAsync(msg), theirs);
      assert.ok(crypto.verify(null, msg, n.publicKey, ours), `${type}: node verifies ours`);
      pub.verify(theirs, msg);
      k.verify(theirs, msg);
      assert.strictEqual(cg.verify(null, msg, pub, theirs), true);
      assert.strictEqual(cg.verify(undefined, msg, k, theirs), true);
      const bad = Buffer.from(theirs);
      bad[0] ^= 1;
      assert.throws(() => pub.verify(bad, msg), cg.InvalidSignature);
      assert.strictEqual(cg.verify(null, msg, pub, bad), false);
      assert.strictEqual(crypto.verify(null, msg, n.publicKey, bad), false);
      assert.throws(() => pub.verify(theirs.subarray(1), msg), cg.InvalidSignature);
      assert.throws(() => pub.verify(theirs, Buffer.concat([Buffer.from(msg), Buffer.from('x')])), cg.InvalidSignature);
    }
    // our generated key, node verifies
    const ourKey = Priv.generate();
    const sig = ourKey.sign(Buffer.from('hello world'));
    assert.ok(crypto.verify(null, Buffer.from('hello world'), crypto.createPublicKey(ourKey.publicKey().export()), sig));
    assert.throws(() => cg.sign('sha256', Buffer.from('x'), k), { code: 'ERR_INVALID_ARG_TYPE' });
    assert.throws(() => k.sign('a string'), { code: 'ERR_INVALID_ARG_TYPE' });
  }
  // top-level sign/verify with an RSA key: node's default PKCS#1 v1.5
  const rsa = cg.generateRSAPrivateKey({ keySize: 1024 });
  const nr = crypto.createPrivateKey(rsa.export());
  const m = Buffer.from('rsa');
  assert.deepStrictEqual(cg.sign('sha256', m, rsa), crypto.sign('sha256', m, nr));
  assert.strictEqual(cg.verify('sha256', m, rsa.publicKey(), crypto.sign('sha256', m, nr)), true);
  const x = cg.X25519PrivateKey.generate();
  assert.throws(() => cg.sign(null, m, x), cg.InvalidType);
  assert.throws(() => cg.sign(null, m, x.publicKey()), { code: 'ERR_INVALID_ARG_TYPE' });
});

test('X25519 / X448 Diffie-Hellman: agreement with node:crypto both ways', async () => {
  for (const type of ['x25519', 'x448']) {
    const { Priv, Pub } = TYPES[type];
    const n = crypto.generateKeyPairSync(type);
    const ours = Priv.generate();
    const ourPub = ours.publicKey();
    const theirPub = Pub.load(n.publicKey.export({ format: 'der', type: 'spki' }));
    const s1 = cg.diffieHellman({ privateKey: ours, publicKey: theirPub });
    const s2 = crypto.diffieHellman({ privateKey: n.privateKey, publicKey: crypto.createPublicKey(ourPub.export()) });
    assert.strictEqual(s1.length, SIZES[type].pub);
    assert.deepStrictEqual(s1, s2, `${type}: same shared secret`);
    assert.deepStrictEqual(ours.exchange(theirPub), s1);
    assert.deepStrictEqual(await ours.exchangeAsync(theirPub), s1);
    // node's key imported here computes the same as node
    const theirs = Priv.load(n.privateKey.export({ format: 'pem', type: 'pkcs8' }));
    assert.deepStrictEqual(theirs.exchange(ourPub), s2);
    // all-zero shared secret (low-order point 0): refused, as node:crypto refuses it
    const zero = Pub.fromRaw(Buffer.alloc(SIZES[type].pub));
    assert.throws(() => cg.diffieHellman({ privateKey: ours, publicKey: zero }), cg.InvalidArgument);
    assert.throws(() => crypto.diffieHellman({ privateKey: n.privateKey, publicKey: nodeFromRaw(type, null, Buffer.alloc(SIZES[type].pub)) }));
    await assert.rejects(ours.exchangeAsync(zero), cg.InvalidArgument);
  }
  const a = cg.X25519PrivateKey.generate();
  const b = cg.X448PrivateKey.generate();
  assert.throws(() => a.exchange(b.publicKey()), cg.InvalidType);
  assert.throws(() => cg.diffieHellman({ privateKey: a, publicKey: a }), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => cg.diffieHellman({ privateKey: cg.Ed25519PrivateKey.generate(), publicKey: a.publicKey() }), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => cg.diffieHellman(), { code: 'ERR_INVALID_ARG_TYPE' });
  const ed = cg.Ed25519PrivateKey.generate();
  assert.throws(() => a.exchange(ed.publicKey()), cg.InvalidType);
});

test('Ed25519 public keys as OpenSSH lines (pyca\'s Encoding.OpenSSH); other types refused', () => {
  const { privateKey, publicKey } = cg.generateKeyPair('ed25519');
  const line = publicKey.export({ format: 'openssh' }).toString();
  const m = /^ssh-ed25519 ([A-Za-z0-9+/=]+)$/.exec(line);
  assert.ok(m, line);
  const blob = Buffer.from(m[1], 'base64');
  // string "ssh-ed25519" || string key (RFC 8709)
  assert.strictEqual(blob.readUInt32BE(0), 11);
  assert.strictEqual(blob.toString('latin1', 4, 15), 'ssh-ed25519');
  assert.strictEqual(blob.readUInt32BE(15), 32);
  assert.deepStrictEqual(blob.subarray(19), publicKey.export({ format: 'raw' }));
  assert.deepStrictEqual(publicKey.export({ encoding: 'openssh', format: 'openssh' }), Buffer.from(line));
  assert.throws(() => publicKey.export({ encoding: 'pem', format: 'openssh' }), cg.InvalidArgument);
  for (const t of ['x25519', 'ed448', 'x448']) assert.throws(() => cg.generateKeyPair(t).publicKey.export({ format: 'openssh' }), cg.InvalidArgument, t);
  assert.match(cg.generateRSAPrivateKey({ keySize: 1024 }).publicKey().export({ format: 'openssh' }).toString(), /^ssh-rsa AAAA/);
  privateKey.free();
});

test('misuse: wrong raw lengths, wrong classes, refused formats, freed keys', () => {
  for (const [type, { Priv, Pub }] of Object.entries(TYPES)) {
    const s = SIZES[type];
    for (const len of [0, s.priv - 1, s.priv + 1]) assert.throws(() => Priv.fromRaw(Buffer.alloc(len, 1)), cg.InvalidArgument, `${type} ${len}`);
    for (const len of [0, s.pub - 1, s.pub + 1]) assert.throws(() => Pub.fromRaw(Buffer.alloc(len, 1)), cg.InvalidArgument, `${type} ${len}`);
    assert.throws(() => Priv.fromRaw('00'.repeat(s.priv)), { code: 'ERR_INVALID_ARG_TYPE' });
    const k = Priv.generate();
    // raw only with raw; PKCS1 / traditional are RSA's
    assert.throws(() => k.export({ encoding: 'pem', format: 'raw' }), cg.InvalidArgument);
    assert.throws(() => k.export({ encoding: 'raw', format: 'pkcs8' }), cg.InvalidArgument);
    assert.throws(() => k.export({ format: 'pkcs1' }), cg.InvalidArgument);
    assert.throws(() => k.export({ format: 'raw', password: 'pw' }), cg.InvalidArgument);
    const p = k.publicKey();
    assert.throws(() => p.export({ format: 'pkcs1' }), cg.InvalidArgument);
    assert.throws(() => p.export({ encoding: 'der', format: 'raw' }), cg.InvalidArgument);
    assert.throws(() => cg.loadPublicKey(p.export({ format: 'raw' }), { encoding: 'raw' }), { code: 'ERR_INVALID_ARG_TYPE' });
    // the typed loaders refuse other algorithms
    const other = type === 'ed25519' ? cg.X25519PrivateKey : cg.Ed25519PrivateKey;
    assert.throws(() => other.load(k.export()), cg.InvalidType);
    assert.throws(() => cg.RSAPrivateKey.load(k.export()), cg.InvalidType);
    assert.throws(() => new Priv(), TypeError);
    k.free();
    assert.throws(() => k.export(), cg.InvalidHandle);
    if (TYPES[type].sign) {
      assert.throws(() => k.sign(Buffer.from('x')), cg.InvalidHandle);
      p.free();
      assert.throws(() => p.verify(Buffer.alloc(s.sig), Buffer.from('x')), cg.InvalidHandle);
    } else {
      assert.throws(() => k.exchange(p), cg.InvalidHandle);
    }
  }
  assert.throws(() => cg.loadPrivateKey(Buffer.from('30', 'hex')), cg.BadKeyData);
});

// Wycheproof: eddsa_verify (ed25519, ed448) and xdh_comp (x25519, x448) with
// raw keys, through the Node API; acceptable cases take the decision of
// tests/wycheproof_policy.json (X25519/X448: only an all-zero shared secret is
// refused, InvalidArgument, as pyca).
test('Wycheproof Ed25519, Ed448 (verify) and X25519, X448 (raw exchange)', (t) => {
  const sum = {};
  let refused = 0;
  for (const [file, Pub] of [['ed25519_test.json', cg.Ed25519PublicKey], ['ed448_test.json', cg.Ed448PublicKey]]) {
    const w = loadWycheproof(t, file);
    if (!w) return;
    let n = 0;
    for (const g of w.testGroups) {
      const key = Pub.fromRaw(hex(g.publicKey.pk));
      assert.ok(key.equals(cg.loadPublicKey(hex(g.publicKeyDer))), `${file}: DER key`);
      for (const c of g.tests) {
        const label = `${file} tcId ${c.tcId} (${c.comment})`;
        if (expect(file, c.result, c.flags)) key.verify(hex(c.sig), hex(c.msg));
        else assert.throws(() => key.verify(hex(c.sig), hex(c.msg)), cg.InvalidSignature, label);
        n++;
      }
      key.free();
    }
    sum[file] = n;
  }
  for (const [file, Priv, Pub] of [['x25519_test.json', cg.X25519PrivateKey, cg.X25519PublicKey], ['x448_test.json', cg.X448PrivateKey, cg.X448PublicKey]]) {
    const w = loadWycheproof(t, file);
    if (!w) return;
    let n = 0;
    for (const g of w.testGroups) {
      for (const c of g.tests) {
        const label = `${file} tcId ${c.tcId} (${c.comment})`;
        const run = () => {
          const k = Priv.fromRaw(hex(c.private));
          const p = Pub.fromRaw(hex(c.public));
          try {
            return k.exchange(p);
          } finally {
            k.free();
            p.free();
          }
        };
        if (expect(file, c.result, c.flags)) assert.deepStrictEqual(run(), hex(c.shared), label);
        else {
          assert.throws(run, cg.InvalidArgument, label);
          refused++;
        }
        n++;
      }
    }
    sum[file] = n;
  }
  t.diagnostic(`Wycheproof cases: ${JSON.stringify(sum)}; XDH cases refused: ${refused}`);
});
