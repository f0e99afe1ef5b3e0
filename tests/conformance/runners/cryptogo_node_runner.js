#!/usr/bin/env node
// Conformance runner for libcrypto-go's Node binding (bindings/node, the
// `cryptogo` package). Protocol: tests/conformance/PROTOCOL.md.
//
// Errors are reported by the pyca name the binding attaches to each error
// class (`pycaName`); a function the loaded library does not export yet
// (ERR_CRYPTOGO_NOT_EXPORTED) answers {"unsupported": true}. When the binding
// itself cannot be loaded (addon not built), hello fails with the reason and
// the driver shows this implementation as not available.
'use strict';
const path = require('node:path');
const readline = require('node:readline');

let cg = null;
let loadError = null;
try {
  cg = require(path.join(__dirname, '..', '..', '..', 'bindings', 'node'));
} catch (e) {
  loadError = e;
}

class Unsupported extends Error {}
const B = (h) => (h === null || h === undefined ? null : Buffer.from(h, 'hex'));
const H = (b) => Buffer.from(b).toString('hex');
const big = (b) => { let s = b.toString(16); return s.length % 2 ? '0' + s : s; };

const keys = new Map();
function priv(r) {
  const id = 'p:' + r.n + r.d + r.p;
  if (!keys.has(id)) {
    keys.set(id, cg.RSAPrivateKey.fromNumbers({ n: B(r.n), e: B(r.e), d: B(r.d), p: B(r.p), q: B(r.q),
      dmp1: B(r.dmp1), dmq1: B(r.dmq1), iqmp: B(r.iqmp) }));
  }
  return keys.get(id);
}
function pub(r) {
  const id = 'u:' + r.n + ':' + r.e;
  if (!keys.has(id)) keys.set(id, cg.RSAPublicKey.fromNumbers({ n: B(r.n), e: B(r.e) }));
  return keys.get(id);
}
const salt = (s) => (typeof s === 'number' ? s : s);
const opt = (o) => { const x = {}; for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== null) x[k] = v; return x; };

function aead(Cls) {
  return [
    (r) => {
      const a = new Cls(B(r.key));
      try { return { ct: H(a.encrypt(B(r.nonce), B(r.pt), B(r.aad) || undefined)) }; } finally { a.free(); }
    },
    (r) => {
      const a = new Cls(B(r.key));
      try { return { pt: H(a.decrypt(B(r.nonce), B(r.ct), B(r.aad) || undefined)) }; } finally { a.free(); }
    },
  ];
}

function numbers(o, fields) {
  const out = {};
  for (const f of fields) out[f] = big(o[f]);
  return out;
}
const PRIV = ['n', 'e', 'd', 'p', 'q', 'dmp1', 'dmq1', 'iqmp'];

function buildOps() {
  const [ge, gd] = aead(cg.AESGCM);
  const [ce, cd] = aead(cg.ChaCha20Poly1305);
  return {
    hash: (r) => ({ digest: H(cg.hash(r.alg, B(r.data), r.length ? { outputLength: r.length } : undefined)) }),
    hmac: (r) => ({ mac: H(cg.hmac(r.alg, B(r.key), B(r.data))) }),
    'hmac.verify': (r) => {
      const h = cg.createHmac(r.alg, B(r.key));
      try { h.update(B(r.data)); h.verify(B(r.mac)); return {}; } finally { h.free(); }
    },
    pbkdf2: (r) => ({ key: H(cg.pbkdf2Sync(B(r.password), B(r.salt), r.iterations, r.length, r.alg)) }),
    'aesgcm.encrypt': ge,
    'aesgcm.decrypt': gd,
    'chacha20poly1305.encrypt': ce,
    'chacha20poly1305.decrypt': cd,
    'fernet.encrypt': (r) => {
      const f = new cg.Fernet(r.key);
      try {
        if (typeof f._encryptFromParts !== 'function') throw new Unsupported('no deterministic Fernet encryption');
        return { token: Buffer.from(f._encryptFromParts(B(r.pt), r.time, B(r.iv))).toString('latin1') };
      } finally { f.free(); }
    },
    'fernet.decrypt': (r) => {
      const f = new cg.Fernet(r.key);
      try {
        const pt = r.ttl === null || r.ttl === undefined ? f.decrypt(r.token) : f.decryptAtTime(r.token, r.ttl, r.time);
        return { pt: H(pt) };
      } finally { f.free(); }
    },
    'rsa.oaep.encrypt': (r) => ({
      ct: H(pub(r).encrypt(B(r.pt), opt({ padding: 'oaep', hash: r.hash, mgf1Hash: r.mgf1_hash, label: B(r.label) }))),
    }),
    'rsa.oaep.decrypt': (r) => ({
      pt: H(priv(r).decrypt(B(r.ct), opt({ padding: 'oaep', hash: r.hash, mgf1Hash: r.mgf1_hash, label: B(r.label) }))),
    }),
    'rsa.pkcs1v15.encrypt': (r) => ({ ct: H(pub(r).encrypt(B(r.pt), { padding: 'pkcs1v15' })) }),
    'rsa.pkcs1v15.decrypt': (r) => ({ pt: H(priv(r).decrypt(B(r.ct), { padding: 'pkcs1v15' })) }),
    'rsa.pss.sign': (r) => ({
      sig: H(priv(r).sign(B(r.msg), { padding: 'pss', hash: r.hash, mgf1Hash: r.mgf1_hash, saltLength: salt(r.salt) })),
    }),
    'rsa.pss.verify': (r) => {
      pub(r).verify(B(r.sig), B(r.msg), { padding: 'pss', hash: r.hash, mgf1Hash: r.mgf1_hash, saltLength: salt(r.salt) });
      return {};
    },
    'rsa.pkcs1v15.sign': (r) => ({ sig: H(priv(r).sign(B(r.msg), { padding: 'pkcs1v15', hash: r.hash })) }),
    'rsa.pkcs1v15.verify': (r) => {
      pub(r).verify(B(r.sig), B(r.msg), { padding: 'pkcs1v15', hash: r.hash });
      return {};
    },
    'key.load': (r) => {
      // The protocol's key.load is RSA's: a key of another algorithm (the
      // library loads Ed25519/X25519/... too) is UnsupportedAlgorithm.
      const notRSA = (k) => {
        if (k.asymmetricKeyType === 'rsa') return;
        k.free();
        throw new cg.UnsupportedAlgorithm('not an RSA key: ' + k.asymmetricKeyType);
      };
      if (r.kind === 'private') {
        const k = cg.loadPrivateKey(B(r.data), { encoding: r.encoding, password: B(r.password) });
        notRSA(k);
        try { return numbers(k.privateNumbers(), PRIV); } finally { k.free(); }
      }
      const k = cg.loadPublicKey(B(r.data), { encoding: r.encoding });
      notRSA(k);
      try { return numbers(k.publicNumbers(), ['n', 'e']); } finally { k.free(); }
    },
    'key.dump': (r) => {
      if (r.kind === 'private') {
        return { data: H(priv(r).export(opt({ encoding: r.encoding, format: r.format, password: B(r.password) }))) };
      }
      return { data: H(pub(r).export({ encoding: r.encoding, format: r.format })) };
    },
  };
}

function errorKind(e) {
  if (e && e.pycaName) return e.pycaName;
  if (e instanceof TypeError) return 'TypeError';
  if (e instanceof RangeError) return 'ValueError';
  return (e && e.name) || 'Error';
}

const OPS = cg ? buildOps() : {};
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
const pending = [];
let scheduled = false;
function emit(o) {
  pending.push(JSON.stringify(o) + '\n');
  if (!scheduled) { scheduled = true; setImmediate(() => { scheduled = false; process.stdout.write(pending.splice(0).join('')); }); }
}
rl.on('line', (line) => {
  if (!line.trim()) return;
  const r = JSON.parse(line);
  if (r.op === 'hello') {
    if (!cg) emit({ id: r.id, ok: false, error: 'ImportError', message: String(loadError && loadError.message).slice(0, 300) });
    else emit({ id: r.id, ok: true, name: 'cryptogo (Node binding)', version: cg.version(), errors: 'pyca', ops: Object.keys(OPS).sort() });
    return;
  }
  const fn = OPS[r.op];
  if (!fn) { emit({ id: r.id, unsupported: true, message: 'unknown op ' + r.op }); return; }
  try {
    emit(Object.assign({ id: r.id, ok: true }, fn(r)));
  } catch (e) {
    if (e instanceof Unsupported || (e && e.code === 'ERR_CRYPTOGO_NOT_EXPORTED')) emit({ id: r.id, unsupported: true, message: e.message });
    else emit({ id: r.id, ok: false, error: errorKind(e), message: String(e && e.message).slice(0, 200) });
  }
});
