#!/usr/bin/env node
'use strict';
// bench.js - cryptogo (Node-API bridge -> libcrypto-go) against node:crypto,
// same process, interleaved: every round runs each operation's ours/ref pair
// back to back (alternating which goes first), each side timed over a batch
// sized to ~BATCH_MS; the reported figure is the median per-call time over
// the rounds. Prints a table and writes build/bench-node.json (repository
// root) with rows {"layer":"node","op","size","ours_ns","ref","ref_ns","ratio","target"}.
//
//   node bench/bench.js [--rounds N] [--quick] [--only regexp]
//
// Targets (issue 4): ratio <= 1.0 for 64-byte operations, <= 1.2 for bulk,
// <= 1.5 for RSA private-key operations; rows without a reference (Fernet,
// the bridge's per-call cost) have ref null and are absolute figures.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const cg = require('..');

const args = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const QUICK = args.includes('--quick');
const ROUNDS = Number(arg('--rounds', QUICK ? 3 : 7));
const BATCH_MS = QUICK ? 8 : 25;
const ONLY = arg('--only', '');

const KiB = 1024;
const MiB = 1024 * 1024;
const C = crypto.constants;

function aeadNode(alg, key, nonce, pt) {
  const c = crypto.createCipheriv(alg, key, nonce, { authTagLength: 16 });
  const a = c.update(pt);
  const b = c.final();
  return [a, b, c.getAuthTag()];
}

const skipped = [];
// setup(name, f) runs f, or records the family as skipped when the loaded
// library lacks its exports (ERR_CRYPTOGO_NOT_EXPORTED).
function setup(name, f) {
  try {
    return f();
  } catch (e) {
    if (e.code !== 'ERR_CRYPTOGO_NOT_EXPORTED') throw e;
    skipped.push(`${name}: ${e.message}`);
    return null;
  }
}

const msg32 = crypto.randomBytes(32);
const R = setup('RSA', () => {
  const keyPair = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const priv = cg.loadPrivateKey(keyPair.privateKey.export({ format: 'der', type: 'pkcs8' }));
  const r = {
    keyPair, priv, pub: priv.publicKey(),
    pssOurs: { padding: 'pss', hash: 'sha256', saltLength: 'digest' },
    pssNode: { key: keyPair.privateKey, padding: C.RSA_PKCS1_PSS_PADDING, saltLength: C.RSA_PSS_SALTLEN_DIGEST },
    pssNodeV: { key: keyPair.publicKey, padding: C.RSA_PKCS1_PSS_PADDING, saltLength: C.RSA_PSS_SALTLEN_DIGEST },
    oaepNodeE: { key: keyPair.publicKey, padding: C.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
    oaepNodeD: { key: keyPair.privateKey, padding: C.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
  };
  r.sigNode = crypto.sign('sha256', msg32, r.pssNode);
  r.ctNode = crypto.publicEncrypt(r.oaepNodeE, msg32);
  r.priv.sign(msg32, r.pssOurs); // probe every export used below
  r.pub.encrypt(msg32);
  return r;
});
const fernet = setup('Fernet', () => new cg.Fernet(cg.Fernet.generateKey()));
const N = cg._native;

// [op, size, ours, ref|null, target|null]
function cases() {
  const list = [];
  list.push(['bridge no-op (cryptogo_debug_live_handles)', '-', () => N.debug_live_handles(), null, null]);
  list.push(['Node-API no-op (no library call)', '-', () => N.noop(), null, null]);
  for (const size of [64, 4 * KiB, MiB]) {
    const key = crypto.randomBytes(32);
    const nonce = crypto.randomBytes(12);
    const pt = crypto.randomBytes(size);
    const k = new cg.AESGCM(key);
    list.push(['AES-256-GCM encrypt', size, () => k.encrypt(nonce, pt), () => aeadNode('aes-256-gcm', key, nonce, pt), size === 64 ? 1.0 : 1.2]);
  }
  {
    const key = crypto.randomBytes(32);
    const nonce = crypto.randomBytes(12);
    const pt = crypto.randomBytes(MiB);
    const k = new cg.ChaCha20Poly1305(key);
    list.push(['ChaCha20-Poly1305 encrypt', MiB, () => k.encrypt(nonce, pt), () => aeadNode('chacha20-poly1305', key, nonce, pt), 1.2]);
  }
  for (const size of [64, MiB]) {
    const d = crypto.randomBytes(size);
    list.push(['SHA-256', size, () => cg.hash('sha256', d), () => crypto.createHash('sha256').update(d).digest(), size === 64 ? 1.0 : 1.2]);
  }
  {
    const key = crypto.randomBytes(32);
    const d = crypto.randomBytes(64);
    list.push(['HMAC-SHA256', 64, () => cg.hmac('sha256', key, d), () => crypto.createHmac('sha256', key).update(d).digest(), 1.0]);
  }
  list.push(['PBKDF2-HMAC-SHA256 100k iterations', 32,
    () => cg.pbkdf2Sync('password', 'salt-salt-salt', 100000, 32, 'sha256'),
    () => crypto.pbkdf2Sync('password', 'salt-salt-salt', 100000, 32, 'sha256'), 1.2]);
  if (R) {
    const { priv, pub } = R;
    list.push(['RSA-2048 sign PSS-SHA256', 32, () => priv.sign(msg32, R.pssOurs), () => crypto.sign('sha256', msg32, R.pssNode), 1.5]);
    list.push(['RSA-2048 verify PSS-SHA256', 32, () => pub.verify(R.sigNode, msg32, R.pssOurs), () => crypto.verify('sha256', msg32, R.pssNodeV, R.sigNode), 1.2]);
    list.push(['RSA-2048 OAEP-SHA256 encrypt', 32, () => pub.encrypt(msg32, { hash: 'sha256' }), () => crypto.publicEncrypt(R.oaepNodeE, msg32), 1.2]);
    list.push(['RSA-2048 OAEP-SHA256 decrypt', 32, () => priv.decrypt(R.ctNode, { hash: 'sha256' }), () => crypto.privateDecrypt(R.oaepNodeD, R.ctNode), 1.5]);
    list.push(['RSA-2048 keygen', '2048 bit', () => cg.generateRSAPrivateKey({ keySize: 2048 }).free(),
      () => crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }), 1.5]);
  }
  for (const size of fernet ? [100, MiB] : []) {
    const d = crypto.randomBytes(size);
    const tok = fernet.encrypt(d);
    list.push(['Fernet encrypt', size, () => fernet.encrypt(d), null, null]);
    list.push(['Fernet decrypt', size, () => fernet.decrypt(tok), null, null]);
  }
  return list.filter((c) => new RegExp(ONLY).test(c[0]));
}

function calibrate(f) {
  let n = 1;
  for (;;) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) f();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (ms >= BATCH_MS / 4 || n >= 1 << 22) return Math.max(1, Math.round((n * BATCH_MS) / Math.max(ms, 0.001)));
    n *= 4;
  }
}

function timeBatch(f, n) {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) f();
  return Number(process.hrtime.bigint() - t0) / n;
}

const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function fmtSize(n) {
  if (n >= MiB) return `${n / MiB} MiB`;
  if (n >= KiB) return `${n / KiB} KiB`;
  return `${n} B`;
}

function fmtNs(ns) {
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(2)} ms`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(2)} us`;
  return `${ns.toFixed(0)} ns`;
}

function main() {
  const list = cases();
  const slowOps = /keygen|PBKDF2/;
  const plan = list.map(([op, size, ours, ref, target]) => {
    const fast = !slowOps.test(op);
    return {
      op, size, ours, ref, target,
      nOurs: fast ? calibrate(ours) : 1,
      nRef: ref ? (fast ? calibrate(ref) : 1) : 0,
      tOurs: [], tRef: [],
    };
  });
  for (let r = 0; r < ROUNDS; r++) {
    for (const p of plan) {
      const rounds = slowOps.test(p.op) && /keygen/.test(p.op) ? 2 : 1; // keygen timing varies a lot: 2 samples per round
      for (let k = 0; k < rounds; k++) {
        if (p.ref && (r + k) % 2 === 1) p.tRef.push(timeBatch(p.ref, p.nRef));
        p.tOurs.push(timeBatch(p.ours, p.nOurs));
        if (p.ref && (r + k) % 2 === 0) p.tRef.push(timeBatch(p.ref, p.nRef));
      }
    }
  }
  const rows = plan.map((p) => {
    const ours = median(p.tOurs);
    const ref = p.ref ? median(p.tRef) : null;
    return {
      layer: 'node', op: p.op, size: typeof p.size === 'string' ? p.size : fmtSize(p.size), ours_ns: Math.round(ours),
      ref: p.ref ? 'node:crypto' : null, ref_ns: ref === null ? null : Math.round(ref),
      ratio: ref === null ? null : Number((ours / ref).toFixed(3)), target: p.target,
    };
  });
  const head = ['op', 'size', 'ours', 'node:crypto', 'ratio', 'target', ''];
  const table = rows.map((r) => [r.op, r.size, fmtNs(r.ours_ns), r.ref_ns === null ? '-' : fmtNs(r.ref_ns),
    r.ratio === null ? '-' : r.ratio.toFixed(2), r.target === null ? '-' : `<= ${r.target}`,
    r.ratio === null || r.target === null ? '' : r.ratio <= r.target ? 'ok' : 'MISSED']);
  const w = head.map((h, i) => Math.max(h.length, ...table.map((t) => String(t[i]).length)));
  const line = (cols) => `| ${cols.map((c, i) => String(c).padEnd(w[i])).join(' | ')} |`;
  console.log(`cryptogo Node bench: node ${process.version}, ${ROUNDS} interleaved rounds, median; library ${cg.libraryPath}`);
  console.log(line(head));
  console.log(`|${w.map((x) => '-'.repeat(x + 2)).join('|')}|`);
  for (const t of table) console.log(line(t));
  const out = path.resolve(__dirname, '..', '..', '..', 'build', 'bench-node.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(rows, null, 1)}\n`);
  console.log(`wrote ${out}`);
  for (const s of skipped) console.log(`SKIPPED (library lacks the exports) ${s}`);
}

main();
