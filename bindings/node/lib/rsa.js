'use strict';
// rsa.js - RSA keys: generation, PEM/DER load and export (PKCS8, PKCS1 /
// "traditional OpenSSL", SubjectPublicKeyInfo; encrypted PKCS8 with a
// password), OAEP and PKCS1v15 encryption, PSS and PKCS1v15 signatures.
//
// Private-key operations and key generation have *Async variants that run on
// the libuv thread pool (napi_async_work) and return Promises.
//
// Options (defaults in brackets):
//   encrypt/decrypt: { padding: 'oaep' | 'pkcs1v15' ['oaep'], hash ['sha256'],
//                      mgf1Hash [= hash], label [none] }
//   sign/verify:     { padding: 'pss' | 'pkcs1v15' ['pss'], hash ['sha256'],
//                      mgf1Hash [= hash], saltLength: number | 'max' | 'digest'
//                      | 'auto' (verify only) [sign: 'max', verify: 'auto'],
//                      prehashed: data is already the digest [false] }
// verify throws InvalidSignature; decrypt throws DecryptionFailed for any
// padding/ciphertext failure (pyca's ValueError("Decryption failed")).
const { Handle } = require('./handle');
const { fn, abi, bytes, optBytes, int, outVar, check, hashId, scratchF64 } = require('./util');
const { typeError, rangeError } = require('./errors');

const E = abi.enums;
const ENC = { pem: E.cryptogo_encoding.CRYPTOGO_ENCODING_PEM, der: E.cryptogo_encoding.CRYPTOGO_ENCODING_DER };
const PRIV_FMT = {
  pkcs8: E.cryptogo_private_format.CRYPTOGO_PRIVATE_FORMAT_PKCS8,
  pkcs1: E.cryptogo_private_format.CRYPTOGO_PRIVATE_FORMAT_TRADITIONAL_OPENSSL,
  traditional: E.cryptogo_private_format.CRYPTOGO_PRIVATE_FORMAT_TRADITIONAL_OPENSSL,
};
const PUB_FMT = {
  spki: E.cryptogo_public_format.CRYPTOGO_PUBLIC_FORMAT_SUBJECT_PUBLIC_KEY_INFO,
  pkcs1: E.cryptogo_public_format.CRYPTOGO_PUBLIC_FORMAT_PKCS1,
};
const SALT = {
  max: E.cryptogo_pss_salt.CRYPTOGO_PSS_SALT_MAX_LENGTH,
  digest: E.cryptogo_pss_salt.CRYPTOGO_PSS_SALT_DIGEST_LENGTH,
  auto: E.cryptogo_pss_salt.CRYPTOGO_PSS_SALT_AUTO,
};
const COMP = {};
for (const [k, v] of Object.entries(E.cryptogo_rsa_component)) COMP[k.replace('CRYPTOGO_RSA_', '').toLowerCase()] = v;

const R = {};
for (const name of [
  'rsa_generate', 'rsa_generate_async', 'rsa_private_key_free', 'rsa_public_key_free',
  'rsa_private_key_public_key', 'rsa_private_key_size', 'rsa_public_key_size',
  'rsa_private_key_number', 'rsa_public_key_number', 'rsa_private_key_from_numbers', 'rsa_public_key_from_numbers',
  'rsa_encrypt_oaep', 'rsa_decrypt_oaep', 'rsa_decrypt_oaep_async', 'rsa_encrypt_pkcs1v15',
  'rsa_decrypt_pkcs1v15', 'rsa_decrypt_pkcs1v15_async', 'rsa_sign_pss', 'rsa_sign_pss_async', 'rsa_verify_pss',
  'rsa_sign_pkcs1v15', 'rsa_sign_pkcs1v15_async', 'rsa_verify_pkcs1v15',
  'rsa_private_key_load', 'rsa_private_key_load_async', 'rsa_private_key_dump', 'rsa_private_key_dump_async',
  'rsa_public_key_load', 'rsa_public_key_dump',
]) R[name.replace(/^rsa_/, '')] = fn(name);

function pick(table, v, name, dflt) {
  if (v === undefined) return table[dflt];
  const k = typeof v === 'string' ? table[v.toLowerCase()] : undefined;
  if (k === undefined) throw typeError(name, `one of ${Object.keys(table).map((x) => `'${x}'`).join(', ')}`, v);
  return k;
}

function opts(o, name = 'options') {
  if (o === undefined || o === null) return {};
  if (typeof o !== 'object') throw typeError(name, 'of type object', o);
  return o;
}

function padding(o, allowed, dflt) {
  const p = o.padding === undefined ? dflt : o.padding;
  if (!allowed.includes(p)) throw typeError('options.padding', allowed.map((x) => `'${x}'`).join(' or '), p);
  return p;
}

function hashes(o) {
  const h = hashId(o.hash === undefined ? 'sha256' : o.hash, 'options.hash');
  const m = o.mgf1Hash === undefined ? h : hashId(o.mgf1Hash, 'options.mgf1Hash');
  return [h, m];
}

function saltLength(v, dflt, verify) {
  if (v === undefined) v = dflt;
  if (typeof v === 'number') return int(v, 'options.saltLength', 0, 2 ** 31 - 1);
  if (v === 'auto' && !verify) throw rangeError('options.saltLength', "'auto' is only valid for verify");
  if (typeof v === 'string' && SALT[v] !== undefined) return SALT[v];
  throw typeError('options.saltLength', "a non-negative integer, 'max', 'digest' or 'auto'", v);
}

function detectEncoding(data, enc, name) {
  if (enc !== undefined) return pick(ENC, enc, name);
  // PEM is text starting with "-----BEGIN" (after optional whitespace).
  const b = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer || data, data.byteOffset || 0, data.byteLength);
  let i = 0;
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x09)) i++;
  return b.toString('latin1', i, i + 5) === '-----' ? ENC.pem : ENC.der;
}

function password(p) {
  if (p === undefined || p === null) return null;
  return bytes(p, 'password', true);
}

function toBigInt(buf) {
  return buf.length === 0 ? 0n : BigInt(`0x${buf.toString('hex')}`);
}

function fromBigInt(v, name) {
  if (typeof v === 'number' && Number.isSafeInteger(v)) v = BigInt(v);
  if (typeof v !== 'bigint') {
    if (ArrayBuffer.isView(v)) return v;
    throw typeError(name, 'a bigint or a big-endian Buffer', v);
  }
  if (v < 0n) throw rangeError(name, 'must be non-negative');
  let h = v.toString(16);
  if (h.length % 2) h = `0${h}`;
  return Buffer.from(h, 'hex');
}

const NEW = Symbol('new');

function wrapCreated(h, cls) {
  if (typeof h === 'number') check(h);
  return new cls(NEW, h);
}

class RSAPublicKey extends Handle {
  constructor(token, h) {
    if (token !== NEW) throw new TypeError('use loadPublicKey(), RSAPublicKey.fromNumbers() or privateKey.publicKey()');
    super(h, R.public_key_free);
  }

  /** Modulus size in bits. */
  get keySize() {
    if (this._bits === undefined) {
      check(R.public_key_size(this._h));
      this._bits = scratchF64[0];
    }
    return this._bits;
  }

  encrypt(data, options) {
    const o = opts(options);
    const d = bytes(data, 'data');
    const size = (this.keySize + 7) >> 3;
    const p = padding(o, ['oaep', 'pkcs1v15'], 'oaep');
    if (p === 'oaep') {
      const [h, m] = hashes(o);
      const label = optBytes(o.label, 'options.label');
      return outVar(size, (out) => R.encrypt_oaep(out, d, label, h, m, this._h));
    }
    return outVar(size, (out) => R.encrypt_pkcs1v15(out, d, this._h));
  }

  /** Throws InvalidSignature unless signature is valid for data. */
  verify(signature, data, options) {
    const o = opts(options);
    const s = bytes(signature, 'signature');
    const d = bytes(data, 'data');
    const p = padding(o, ['pss', 'pkcs1v15'], 'pss');
    const [h, m] = hashes(o);
    const pre = o.prehashed ? 1 : 0;
    if (p === 'pss') check(R.verify_pss(s, d, saltLength(o.saltLength, 'auto', true), h, m, pre, this._h));
    else check(R.verify_pkcs1v15(s, d, h, pre, this._h));
  }

  /** Serializes: { encoding: 'pem' | 'der' ['pem'], format: 'spki' | 'pkcs1' ['spki'] } -> Buffer. */
  export(options) {
    const o = opts(options);
    const enc = pick(ENC, o.encoding, 'options.encoding', 'pem');
    const fmt = pick(PUB_FMT, o.format, 'options.format', 'spki');
    return outVar(1024, (out) => R.public_key_dump(out, enc, fmt, this._h));
  }

  /** { n, e } as BigInts. */
  publicNumbers() {
    const num = (c) => toBigInt(outVar(1024, (out) => R.public_key_number(out, c, this._h)));
    return { n: num(COMP.n), e: num(COMP.e) };
  }

  static fromNumbers({ n, e }) {
    return wrapCreated(R.public_key_from_numbers(fromBigInt(n, 'n'), fromBigInt(e, 'e')), RSAPublicKey);
  }
}

class RSAPrivateKey extends Handle {
  constructor(token, h) {
    if (token !== NEW) throw new TypeError('use generateRSAPrivateKey(), loadPrivateKey() or RSAPrivateKey.fromNumbers()');
    super(h, R.private_key_free);
  }

  get keySize() {
    if (this._bits === undefined) {
      check(R.private_key_size(this._h));
      this._bits = scratchF64[0];
    }
    return this._bits;
  }

  /** A new RSAPublicKey object (freed independently). */
  publicKey() {
    return wrapCreated(R.private_key_public_key(this._h), RSAPublicKey);
  }

  _decryptArgs(ciphertext, options) {
    const o = opts(options);
    const c = bytes(ciphertext, 'ciphertext');
    const p = padding(o, ['oaep', 'pkcs1v15'], 'oaep');
    const out = Buffer.allocUnsafe((this.keySize + 7) >> 3);
    if (p === 'oaep') {
      const [h, m] = hashes(o);
      return [true, out, c, optBytes(o.label, 'options.label'), h, m];
    }
    return [false, out, c];
  }

  decrypt(ciphertext, options) {
    const [oaep, out, c, label, h, m] = this._decryptArgs(ciphertext, options);
    const r = check(oaep ? R.decrypt_oaep(out, c, label, h, m, this._h) : R.decrypt_pkcs1v15(out, c, this._h));
    return out.subarray(0, r);
  }

  async decryptAsync(ciphertext, options) {
    const [oaep, out, c, label, h, m] = this._decryptArgs(ciphertext, options);
    const r = check(await (oaep ? R.decrypt_oaep_async(out, c, label, h, m, this._h) : R.decrypt_pkcs1v15_async(out, c, this._h)));
    return out.subarray(0, r);
  }

  _signArgs(data, options) {
    const o = opts(options);
    const d = bytes(data, 'data');
    const p = padding(o, ['pss', 'pkcs1v15'], 'pss');
    const [h, m] = hashes(o);
    const out = Buffer.allocUnsafe((this.keySize + 7) >> 3);
    return [p === 'pss', out, d, h, m, o.prehashed ? 1 : 0, p === 'pss' ? saltLength(o.saltLength, 'max', false) : 0];
  }

  sign(data, options) {
    const [pss, out, d, h, m, pre, salt] = this._signArgs(data, options);
    const r = check(pss ? R.sign_pss(out, d, salt, h, m, pre, this._h) : R.sign_pkcs1v15(out, d, h, pre, this._h));
    return r === out.length ? out : out.subarray(0, r);
  }

  async signAsync(data, options) {
    const [pss, out, d, h, m, pre, salt] = this._signArgs(data, options);
    const r = check(await (pss ? R.sign_pss_async(out, d, salt, h, m, pre, this._h) : R.sign_pkcs1v15_async(out, d, h, pre, this._h)));
    return r === out.length ? out : out.subarray(0, r);
  }

  /** Convenience: verify with the public half (throws InvalidSignature). */
  verify(signature, data, options) {
    const pub = this.publicKey();
    try {
      pub.verify(signature, data, options);
    } finally {
      pub.free();
    }
  }

  /** Convenience: encrypt with the public half. */
  encrypt(data, options) {
    const pub = this.publicKey();
    try {
      return pub.encrypt(data, options);
    } finally {
      pub.free();
    }
  }

  _exportArgs(options) {
    const o = opts(options);
    return [pick(ENC, o.encoding, 'options.encoding', 'pem'), pick(PRIV_FMT, o.format, 'options.format', 'pkcs8'), password(o.password)];
  }

  /**
   * Serializes: { encoding: 'pem' | 'der' ['pem'], format: 'pkcs8' | 'pkcs1'
   * ['pkcs8'], password: encrypts (PKCS8 / PEM pkcs1) when given }. Returns a Buffer.
   */
  export(options) {
    const [enc, fmt, pw] = this._exportArgs(options);
    return outVar(4096, (out) => R.private_key_dump(out, enc, fmt, pw, this._h));
  }

  async exportAsync(options) {
    const [enc, fmt, pw] = this._exportArgs(options);
    let out = Buffer.allocUnsafe(8192);
    let r = await R.private_key_dump_async(out, enc, fmt, pw, this._h);
    if (Array.isArray(r)) { // [BUFFER_TOO_SMALL, size needed]
      out = Buffer.allocUnsafe(r[1]);
      r = await R.private_key_dump_async(out, enc, fmt, pw, this._h);
    }
    check(Array.isArray(r) ? r[0] : r);
    return out.subarray(0, r);
  }

  /** { n, e, d, p, q, dmp1, dmq1, iqmp } as BigInts. */
  privateNumbers() {
    const r = {};
    for (const [k, c] of Object.entries(COMP)) r[k] = toBigInt(outVar(1024, (out) => R.private_key_number(out, c, this._h)));
    return r;
  }

  static fromNumbers({ n, e, d, p, q, dmp1, dmq1, iqmp }) {
    const b = (v, name) => fromBigInt(v, name);
    return wrapCreated(R.private_key_from_numbers(b(n, 'n'), b(e, 'e'), b(d, 'd'), b(p, 'p'), b(q, 'q'),
      b(dmp1, 'dmp1'), b(dmq1, 'dmq1'), b(iqmp, 'iqmp')), RSAPrivateKey);
  }
}

function genArgs(options) {
  const o = opts(options);
  return [int(o.publicExponent === undefined ? 65537 : o.publicExponent, 'options.publicExponent', 0),
    int(o.keySize === undefined ? 2048 : o.keySize, 'options.keySize', 0)];
}

/** generateRSAPrivateKey({ keySize = 2048, publicExponent = 65537 }) on the calling thread. */
function generateRSAPrivateKey(options) {
  const [e, bits] = genArgs(options);
  return wrapCreated(R.generate(e, bits), RSAPrivateKey);
}

/** Key generation on the libuv thread pool. */
async function generateRSAPrivateKeyAsync(options) {
  const [e, bits] = genArgs(options);
  return wrapCreated(await R.generate_async(e, bits), RSAPrivateKey);
}

function loadArgs(data, options) {
  const o = opts(options);
  const d = bytes(data, 'data', true);
  return [d, password(o.password), detectEncoding(d, o.encoding, 'options.encoding')];
}

/**
 * Loads a private key (PKCS8, encrypted PKCS8, PKCS1 / traditional OpenSSL;
 * PEM or DER, auto-detected unless options.encoding is given). options.password:
 * omitted/null = none (PasswordRequired if encrypted), else string or bytes.
 */
function loadPrivateKey(data, options) {
  const [d, pw, enc] = loadArgs(data, options);
  return wrapCreated(R.private_key_load(d, pw, enc), RSAPrivateKey);
}

async function loadPrivateKeyAsync(data, options) {
  const [d, pw, enc] = loadArgs(data, options);
  return wrapCreated(await R.private_key_load_async(d, pw, enc), RSAPrivateKey);
}

/** Loads a public key (SubjectPublicKeyInfo or PKCS1; PEM or DER, auto-detected). */
function loadPublicKey(data, options) {
  const o = opts(options);
  const d = bytes(data, 'data', true);
  return wrapCreated(R.public_key_load(d, detectEncoding(d, o.encoding, 'options.encoding')), RSAPublicKey);
}

// pyca-style names.
const loadPemPrivateKey = (data, pw) => loadPrivateKey(data, { password: pw, encoding: 'pem' });
const loadDerPrivateKey = (data, pw) => loadPrivateKey(data, { password: pw, encoding: 'der' });
const loadPemPublicKey = (data) => loadPublicKey(data, { encoding: 'pem' });
const loadDerPublicKey = (data) => loadPublicKey(data, { encoding: 'der' });

RSAPrivateKey.generate = generateRSAPrivateKey;
RSAPrivateKey.generateAsync = generateRSAPrivateKeyAsync;
RSAPrivateKey.load = loadPrivateKey;
RSAPrivateKey.loadAsync = loadPrivateKeyAsync;
RSAPublicKey.load = loadPublicKey;

module.exports = {
  RSAPrivateKey, RSAPublicKey, generateRSAPrivateKey, generateRSAPrivateKeyAsync,
  loadPrivateKey, loadPrivateKeyAsync, loadPublicKey, loadPemPrivateKey, loadDerPrivateKey, loadPemPublicKey, loadDerPublicKey,
};
