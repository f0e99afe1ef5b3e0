#!/usr/bin/env node
// Conformance runner for Node's built-in node:crypto (a reference
// implementation, independent of libcrypto-go). Protocol: PROTOCOL.md.
//
// node:crypto has no Fernet and no separate MGF1 hash for OAEP/PSS: those
// requests answer {"unsupported": true}. Errors are mapped to pyca's names
// where the meaning is clear ("errors": "coarse" in the hello answer: the
// driver compares only accept/reject for this runner, not the error kind).
'use strict';
const crypto = require('node:crypto');
const readline = require('node:readline');

class Unsupported extends Error {}
class Kind extends Error {
  constructor(kind, msg) { super(msg || kind); this.kind = kind; }
}

const HASHES = {
  sha1: 'sha1', sha224: 'sha224', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512',
  'sha512-224': 'sha512-224', 'sha512-256': 'sha512-256', 'sha3-224': 'sha3-224',
  'sha3-256': 'sha3-256', 'sha3-384': 'sha3-384', 'sha3-512': 'sha3-512',
  shake128: 'shake128', shake256: 'shake256', blake2b: 'blake2b512', blake2s: 'blake2s256',
  md5: 'md5',
};
const DIGEST_SIZE = {
  sha1: 20, sha224: 28, sha256: 32, sha384: 48, sha512: 64, 'sha512-224': 28, 'sha512-256': 32,
  'sha3-224': 28, 'sha3-256': 32, 'sha3-384': 48, 'sha3-512': 64, md5: 16,
};

function hashName(n) {
  const h = HASHES[n];
  if (!h) throw new Unsupported('hash ' + n);
  return h;
}
const B = (h) => (h === null || h === undefined ? null : Buffer.from(h, 'hex'));
const H = (b) => Buffer.from(b).toString('hex');
const b64u = (hex) => Buffer.from(hex.length % 2 ? '0' + hex : hex, 'hex').toString('base64url');
const big = (hex) => BigInt('0x' + hex);
const bhex = (b) => { let s = b.toString(16); return s.length % 2 ? '0' + s : s; };
const fromB64u = (s) => bhex(BigInt('0x' + (Buffer.from(s, 'base64url').toString('hex') || '0')));

const keyCache = new Map();
function privKey(r) {
  const id = 'priv:' + r.n + r.d + r.p;
  if (!keyCache.has(id)) {
    keyCache.set(id, crypto.createPrivateKey({
      format: 'jwk',
      key: { kty: 'RSA', n: b64u(r.n), e: b64u(r.e), d: b64u(r.d), p: b64u(r.p), q: b64u(r.q),
        dp: b64u(r.dmp1), dq: b64u(r.dmq1), qi: b64u(r.iqmp) },
    }));
  }
  return keyCache.get(id);
}
function pubKey(r) {
  const id = 'pub:' + r.n + ':' + r.e;
  if (!keyCache.has(id)) {
    keyCache.set(id, crypto.createPublicKey({ format: 'jwk', key: { kty: 'RSA', n: b64u(r.n), e: b64u(r.e) } }));
  }
  return keyCache.get(id);
}

function sameMgf(r) {
  if (r.mgf1_hash !== r.hash) throw new Unsupported('node:crypto: MGF1 hash must equal the hash');
}

function aead(cipherFor) {
  return [
    (r) => {
      const key = B(r.key);
      const c = crypto.createCipheriv(cipherFor(key), key, B(r.nonce), { authTagLength: 16 });
      if (r.aad) c.setAAD(B(r.aad));
      const ct = Buffer.concat([c.update(B(r.pt)), c.final(), c.getAuthTag()]);
      return { ct: H(ct) };
    },
    (r) => {
      const key = B(r.key);
      const ct = B(r.ct);
      if (ct.length < 16) throw new Kind('InvalidTag');
      const d = crypto.createDecipheriv(cipherFor(key), key, B(r.nonce), { authTagLength: 16 });
      d.setAuthTag(ct.subarray(ct.length - 16));
      if (r.aad) d.setAAD(B(r.aad));
      try {
        const pt = Buffer.concat([d.update(ct.subarray(0, ct.length - 16)), d.final()]);
        return { pt: H(pt) };
      } catch (e) { throw new Kind('InvalidTag', e.message); }
    },
  ];
}

function gcmName(key) {
  if (![16, 24, 32].includes(key.length)) throw new Kind('ValueError', 'AESGCM key must be 128, 192, or 256 bits');
  return 'aes-' + key.length * 8 + '-gcm';
}

function pssSalt(r, key, verify) {
  const s = r.salt;
  const bits = key.asymmetricKeyDetails.modulusLength;
  const emLen = Math.ceil((bits - 1) / 8);
  const hLen = DIGEST_SIZE[r.hash];
  if (s === 'digest') return hLen;
  if (s === 'max') return emLen - hLen - 2;
  if (s === 'auto') {
    if (!verify) throw new Kind('ValueError', 'AUTO is for verification only');
    return crypto.constants.RSA_PSS_SALTLEN_AUTO;
  }
  return Number(s);
}

function verifyResult(ok) {
  if (!ok) throw new Kind('InvalidSignature');
  return {};
}

// Key loading follows pyca's rules (PROTOCOL.md): a password for an
// unencrypted key or none for an encrypted one is a TypeError, anything else
// that fails is a ValueError, a key of another type UnsupportedAlgorithm, and
// a private key is checked for consistency as pyca (OpenSSL's RSA_check_key) does.
function isEncrypted(data, encoding) {
  if (encoding === 'pem') return data.toString('latin1').includes('ENCRYPTED');
  // DER: EncryptedPrivateKeyInfo starts SEQUENCE { SEQUENCE (algorithm) ...},
  // PrivateKeyInfo / RSAPrivateKey start SEQUENCE { INTEGER ...}.
  if (data.length < 4 || data[0] !== 0x30) return false;
  let i = 1;
  if (data[i] & 0x80) i += 1 + (data[i] & 0x7f); else i += 1;
  return data[i] === 0x30;
}

function modpow(b, e, m) {
  let r = 1n; b %= m;
  while (e > 0n) { if (e & 1n) r = (r * b) % m; b = (b * b) % m; e >>= 1n; }
  return r;
}

function checkPrivate(jwk) {
  const n = big(fromB64u(jwk.n)), e = big(fromB64u(jwk.e)), d = big(fromB64u(jwk.d));
  const p = big(fromB64u(jwk.p)), q = big(fromB64u(jwk.q));
  const dp = big(fromB64u(jwk.dp)), dq = big(fromB64u(jwk.dq)), qi = big(fromB64u(jwk.qi));
  const ok = p * q === n && p > 1n && q > 1n && (e * dp) % (p - 1n) === 1n && (e * dq) % (q - 1n) === 1n
    && (qi * q) % p === 1n && d % (p - 1n) === dp && d % (q - 1n) === dq
    && modpow(2n, p - 1n, p) === 1n && modpow(2n, q - 1n, q) === 1n && e > 1n && (e & 1n) === 1n;
  if (!ok) throw new Kind('ValueError', 'invalid RSA private key');
}

function numbersOut(key, priv) {
  const j = key.export({ format: 'jwk' });
  const out = { n: fromB64u(j.n), e: fromB64u(j.e) };
  if (priv) {
    checkPrivate(j);
    Object.assign(out, { d: fromB64u(j.d), p: fromB64u(j.p), q: fromB64u(j.q), dmp1: fromB64u(j.dp),
      dmq1: fromB64u(j.dq), iqmp: fromB64u(j.qi) });
  }
  return out;
}

function keyLoad(r) {
  const data = B(r.data);
  const pw = B(r.password);
  const format = r.encoding;
  if (r.kind === 'private') {
    const enc = isEncrypted(data, format);
    if (enc && pw === null) throw new Kind('TypeError', 'Password was not given but private key is encrypted');
    if (!enc && pw !== null) throw new Kind('TypeError', 'Password was given but private key is not encrypted');
    const types = format === 'pem' ? [undefined] : ['pkcs8', 'pkcs1'];
    let key = null, last = null;
    for (const type of types) {
      try {
        const o = { key: data, format };
        if (type) o.type = type;
        if (pw !== null) o.passphrase = pw;
        key = crypto.createPrivateKey(o);
        break;
      } catch (e) { last = e; }
    }
    if (!key) {
      if (last && /unsupported/i.test(String(last.message)) && !/bad decrypt/i.test(String(last.message))) {
        throw new Kind('UnsupportedAlgorithm', last.message);
      }
      throw new Kind('ValueError', last ? last.message : 'could not load key');
    }
    if (key.asymmetricKeyType !== 'rsa') throw new Kind('UnsupportedAlgorithm', 'not an RSA key: ' + key.asymmetricKeyType);
    return numbersOut(key, true);
  }
  const types = format === 'pem' ? [undefined] : ['spki', 'pkcs1'];
  let key = null, last = null;
  for (const type of types) {
    try {
      const o = { key: data, format };
      if (type) o.type = type;
      key = crypto.createPublicKey(o);
      if (format === 'pem' && key.type !== 'public') throw new Error('not a public key');
      break;
    } catch (e) { key = null; last = e; }
  }
  if (!key) throw new Kind('ValueError', last ? last.message : 'could not load key');
  // createPublicKey also takes a private key (and derives its public half);
  // pyca's load_*_public_key does not.
  let isPrivate = false;
  try { crypto.createPrivateKey({ key: data, format, type: format === 'der' ? 'pkcs8' : undefined }); isPrivate = true; } catch (e) { /* not a private key */ }
  try { if (!isPrivate && format === 'der') { crypto.createPrivateKey({ key: data, format, type: 'pkcs1' }); isPrivate = true; } } catch (e) { /* not a private key */ }
  if (isPrivate) throw new Kind('ValueError', 'private key given to a public key loader');
  if (key.asymmetricKeyType !== 'rsa') throw new Kind('UnsupportedAlgorithm', 'not an RSA key');
  return numbersOut(key, false);
}

function keyDump(r) {
  const format = r.encoding;
  if (r.kind === 'private') {
    const type = { pkcs8: 'pkcs8', traditional: 'pkcs1' }[r.format];
    const o = { type, format };
    if (r.password !== null && r.password !== undefined) {
      if (format === 'der' && type === 'pkcs1') throw new Kind('ValueError', 'encryption needs PEM for this format');
      const pw = B(r.password);
      if (pw.length === 0) throw new Kind('ValueError', 'password must be 1 or more bytes');
      o.cipher = 'aes-256-cbc';
      o.passphrase = pw;
    }
    const out = privKey(r).export(o);
    return { data: H(Buffer.from(out)) };
  }
  const type = { spki: 'spki', pkcs1: 'pkcs1' }[r.format];
  return { data: H(Buffer.from(pubKey(r).export({ type, format }))) };
}

const [gcmEnc, gcmDec] = aead(gcmName);
const [chachaEnc, chachaDec] = aead((key) => {
  if (key.length !== 32) throw new Kind('ValueError', 'ChaCha20Poly1305 key must be 32 bytes');
  return 'chacha20-poly1305';
});

const OPS = {
  hash: (r) => {
    const o = r.alg.startsWith('shake') ? { outputLength: r.length } : undefined;
    return { digest: crypto.createHash(hashName(r.alg), o).update(B(r.data)).digest('hex') };
  },
  hmac: (r) => {
    if (r.alg.startsWith('shake')) throw new Kind('UnsupportedAlgorithm');
    return { mac: crypto.createHmac(hashName(r.alg), B(r.key)).update(B(r.data)).digest('hex') };
  },
  'hmac.verify': (r) => {
    const mac = crypto.createHmac(hashName(r.alg), B(r.key)).update(B(r.data)).digest();
    const want = B(r.mac);
    if (want.length !== mac.length || !crypto.timingSafeEqual(mac, want)) throw new Kind('InvalidSignature');
    return {};
  },
  pbkdf2: (r) => ({
    key: H(crypto.pbkdf2Sync(B(r.password), B(r.salt), r.iterations, r.length, hashName(r.alg))),
  }),
  'aesgcm.encrypt': gcmEnc,
  'aesgcm.decrypt': gcmDec,
  'chacha20poly1305.encrypt': chachaEnc,
  'chacha20poly1305.decrypt': chachaDec,
  'rsa.oaep.encrypt': (r) => {
    sameMgf(r);
    const o = { key: pubKey(r), padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: hashName(r.hash) };
    if (r.label) o.oaepLabel = B(r.label);
    return { ct: H(crypto.publicEncrypt(o, B(r.pt))) };
  },
  'rsa.oaep.decrypt': (r) => {
    sameMgf(r);
    const o = { key: privKey(r), padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: hashName(r.hash) };
    if (r.label) o.oaepLabel = B(r.label);
    try { return { pt: H(crypto.privateDecrypt(o, B(r.ct))) }; } catch (e) { throw new Kind('ValueError', 'Decryption failed'); }
  },
  'rsa.pkcs1v15.encrypt': (r) => ({
    ct: H(crypto.publicEncrypt({ key: pubKey(r), padding: crypto.constants.RSA_PKCS1_PADDING }, B(r.pt))),
  }),
  'rsa.pkcs1v15.decrypt': (r) => {
    try {
      return { pt: H(crypto.privateDecrypt({ key: privKey(r), padding: crypto.constants.RSA_PKCS1_PADDING }, B(r.ct))) };
    } catch (e) {
      if (e.code === 'ERR_INVALID_ARG_VALUE' || /no longer supported|security-revert/i.test(e.message)) {
        throw new Unsupported('node:crypto refuses RSA_PKCS1_PADDING decryption (CVE-2023-46809)');
      }
      throw new Kind('ValueError', 'Decryption failed');
    }
  },
  'rsa.pss.sign': (r) => {
    sameMgf(r);
    const key = privKey(r);
    return { sig: H(crypto.sign(hashName(r.hash), B(r.msg), {
      key, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: pssSalt(r, key, false) })) };
  },
  'rsa.pss.verify': (r) => {
    sameMgf(r);
    const key = pubKey(r);
    return verifyResult(crypto.verify(hashName(r.hash), B(r.msg), {
      key, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: pssSalt(r, key, true) }, B(r.sig)));
  },
  'rsa.pkcs1v15.sign': (r) => ({
    sig: H(crypto.sign(hashName(r.hash), B(r.msg), { key: privKey(r), padding: crypto.constants.RSA_PKCS1_PADDING })),
  }),
  'rsa.pkcs1v15.verify': (r) => verifyResult(crypto.verify(hashName(r.hash), B(r.msg),
    { key: pubKey(r), padding: crypto.constants.RSA_PKCS1_PADDING }, B(r.sig))),
  'key.load': keyLoad,
  'key.dump': keyDump,
};

function errorKind(e) {
  if (e instanceof Kind) return e.kind;
  if (e instanceof TypeError) return 'TypeError';
  if (e instanceof RangeError) return 'ValueError';
  return 'ValueError';
}

const out = [];
let flushing = false;
function emit(obj) {
  out.push(JSON.stringify(obj) + '\n');
  if (!flushing) {
    flushing = true;
    setImmediate(() => { flushing = false; process.stdout.write(out.splice(0).join('')); });
  }
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on('line', (line) => {
  if (!line.trim()) return;
  const r = JSON.parse(line);
  if (r.op === 'hello') {
    emit({ id: r.id, ok: true, name: 'node:crypto', version: process.versions.node + ' (OpenSSL ' + process.versions.openssl + ')',
      errors: 'coarse', ops: Object.keys(OPS).sort() });
    return;
  }
  const fn = OPS[r.op];
  if (!fn) { emit({ id: r.id, unsupported: true, message: 'unknown op ' + r.op }); return; }
  try {
    emit(Object.assign({ id: r.id, ok: true }, fn(r)));
  } catch (e) {
    if (e instanceof Unsupported) emit({ id: r.id, unsupported: true, message: e.message });
    else emit({ id: r.id, ok: false, error: errorKind(e), message: String(e.message).slice(0, 200) });
  }
});
