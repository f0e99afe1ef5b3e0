'use strict';
// rsa.js - RSA on the generic key handles (keys.js): RSAPrivateKey and
// RSAPublicKey extend PrivateKey / PublicKey (load, export, keySize,
// asymmetricKeyType, equals come from there) and are registered as the
// classes of CRYPTOGO_KEY_RSA. Here: generation, numbers, OAEP and PKCS1v15
// encryption, PSS and PKCS1v15 signatures, PKCS1v15 data recovery.
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
//                      prehashed: data is already the digest [false] };
//                    hash null with 'pkcs1v15': data is the payload itself,
//                    signed without a DigestInfo (pyca's NoDigestInfo())
// verify throws InvalidSignature; decrypt throws DecryptionFailed for any
// padding/ciphertext failure (pyca's ValueError("Decryption failed")).
const { fn, abi, bytes, optBytes, int, opts, outVar, check, hashId } = require('./util');
const { typeError, rangeError } = require('./errors');
const keys = require('./keys');

const { PrivateKey, PublicKey } = keys.api;
const E = abi.enums;
const SALT = {
  max: E.cryptogo_pss_salt.CRYPTOGO_PSS_SALT_MAX_LENGTH,
  digest: E.cryptogo_pss_salt.CRYPTOGO_PSS_SALT_DIGEST_LENGTH,
  auto: E.cryptogo_pss_salt.CRYPTOGO_PSS_SALT_AUTO,
};
const COMP = {};
for (const [k, v] of Object.entries(E.cryptogo_rsa_component)) COMP[k.replace('CRYPTOGO_RSA_', '').toLowerCase()] = v;

const R = {};
for (const name of [
  'rsa_generate', 'rsa_generate_async', 'rsa_private_key_number', 'rsa_public_key_number',
  'rsa_private_key_from_numbers', 'rsa_public_key_from_numbers',
  'rsa_encrypt_oaep', 'rsa_decrypt_oaep', 'rsa_decrypt_oaep_async', 'rsa_encrypt_pkcs1v15',
  'rsa_decrypt_pkcs1v15', 'rsa_decrypt_pkcs1v15_async', 'rsa_sign_pss', 'rsa_sign_pss_async', 'rsa_verify_pss',
  'rsa_sign_pkcs1v15', 'rsa_sign_pkcs1v15_async', 'rsa_verify_pkcs1v15', 'rsa_recover_pkcs1v15',
]) R[name.replace(/^rsa_/, '')] = fn(name);

// CRYPTOGO_HASH_NONE: recover() with hash null returns the whole payload (pyca's None).
const HASH_NONE = E.cryptogo_hash_alg.CRYPTOGO_HASH_NONE;

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

// Signature hashes: as hashes(), and hash null with 'pkcs1v15' signs/verifies
// data itself as the payload, without a DigestInfo (pyca's NoDigestInfo();
// crypto.privateEncrypt with RSA_PKCS1_PADDING). PSS needs a hash.
function signHashes(o, p) {
  if (o.hash !== null) return hashes(o);
  if (p !== 'pkcs1v15') throw typeError('options.hash', "a hash name (null only with padding 'pkcs1v15')", null);
  if (o.prehashed) throw rangeError('options.prehashed', 'needs a hash (options.hash is null)');
  return [HASH_NONE, HASH_NONE];
}

function saltLength(v, dflt, verify) {
  if (v === undefined) v = dflt;
  if (typeof v === 'number') return int(v, 'options.saltLength', 0, 2 ** 31 - 1);
  if (v === 'auto' && !verify) throw rangeError('options.saltLength', "'auto' is only valid for verify");
  if (typeof v === 'string' && SALT[v] !== undefined) return SALT[v];
  throw typeError('options.saltLength', "a non-negative integer, 'max', 'digest' or 'auto'", v);
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

class RSAPublicKey extends PublicKey {
  constructor(token, h, t) {
    super(token, h, t, 'use loadPublicKey(), RSAPublicKey.fromNumbers() or privateKey.publicKey()');
  }

  /** node:crypto's asymmetricKeyDetails for RSA: { modulusLength, publicExponent }. */
  get asymmetricKeyDetails() {
    return { modulusLength: this.keySize, publicExponent: this.publicNumbers().e };
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
    const [h, m] = signHashes(o, p);
    const pre = o.prehashed ? 1 : 0;
    if (p === 'pss') check(R.verify_pss(s, d, saltLength(o.saltLength, 'auto', true), h, m, pre, this._h));
    else check(R.verify_pkcs1v15(s, d, h, pre, this._h));
  }

  /**
   * Recovers the signed data from a PKCS#1 v1.5 signature (pyca's
   * recover_data_from_signature): options.hash names the hash whose
   * DigestInfo the library checks and strips (the digest is returned), or is
   * null for the whole unpadded payload (DigestInfo included; what
   * crypto.publicDecrypt with RSA_PKCS1_PADDING returns). The option is
   * required, as pyca's algorithm argument. Throws InvalidSignature.
   */
  recover(signature, options) {
    if (options === undefined || options === null || typeof options !== 'object') {
      throw typeError('options', 'an object with a hash (a hash name, or null for the raw payload)', options);
    }
    padding(options, ['pkcs1v15'], 'pkcs1v15');
    if (options.hash === undefined) throw typeError('options.hash', 'a hash name, or null for the raw payload', undefined);
    const h = options.hash === null ? HASH_NONE : hashId(options.hash, 'options.hash');
    const s = bytes(signature, 'signature');
    return outVar((this.keySize + 7) >> 3, (out) => R.recover_pkcs1v15(out, s, h, this._h));
  }

  /** { n, e } as BigInts. */
  publicNumbers() {
    const num = (c) => toBigInt(outVar(1024, (out) => R.public_key_number(out, c, this._h)));
    return { n: num(COMP.n), e: num(COMP.e) };
  }

  static fromNumbers({ n, e }) {
    return keys.wrapKey(R.public_key_from_numbers(fromBigInt(n, 'n'), fromBigInt(e, 'e')), 'public', RSAPublicKey);
  }
}

class RSAPrivateKey extends PrivateKey {
  constructor(token, h, t) {
    super(token, h, t, 'use generateRSAPrivateKey(), loadPrivateKey() or RSAPrivateKey.fromNumbers()');
  }

  /** node:crypto's asymmetricKeyDetails for RSA: { modulusLength, publicExponent }. */
  get asymmetricKeyDetails() {
    return { modulusLength: this.keySize, publicExponent: toBigInt(outVar(16, (out) => R.private_key_number(out, COMP.e, this._h))) };
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
    const [h, m] = signHashes(o, p);
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

  /** { n, e, d, p, q, dmp1, dmq1, iqmp } as BigInts. */
  privateNumbers() {
    const r = {};
    for (const [k, c] of Object.entries(COMP)) r[k] = toBigInt(outVar(1024, (out) => R.private_key_number(out, c, this._h)));
    return r;
  }

  static fromNumbers({ n, e, d, p, q, dmp1, dmq1, iqmp }) {
    const b = (v, name) => fromBigInt(v, name);
    return keys.wrapKey(R.private_key_from_numbers(b(n, 'n'), b(e, 'e'), b(d, 'd'), b(p, 'p'), b(q, 'q'),
      b(dmp1, 'dmp1'), b(dmq1, 'dmq1'), b(iqmp, 'iqmp')), 'private', RSAPrivateKey);
  }
}

keys.registerKeyType('rsa', { private: RSAPrivateKey, public: RSAPublicKey });

// [key_bits, public_exponent], in cryptogo_rsa_generate's order.
function genArgs(options) {
  const o = opts(options);
  return [int(o.keySize === undefined ? 2048 : o.keySize, 'options.keySize', 0),
    int(o.publicExponent === undefined ? 65537 : o.publicExponent, 'options.publicExponent', 0)];
}

/** generateRSAPrivateKey({ keySize = 2048, publicExponent = 65537 }) on the calling thread. */
function generateRSAPrivateKey(options) {
  const [bits, e] = genArgs(options);
  return keys.wrapKey(R.generate(bits, e), 'private', RSAPrivateKey);
}

/** Key generation on the libuv thread pool. */
async function generateRSAPrivateKeyAsync(options) {
  const [bits, e] = genArgs(options);
  return keys.wrapKey(await R.generate_async(bits, e), 'private', RSAPrivateKey);
}

// Typed loaders: InvalidType when the data holds a key of another algorithm.
RSAPrivateKey.generate = generateRSAPrivateKey;
RSAPrivateKey.generateAsync = generateRSAPrivateKeyAsync;
RSAPrivateKey.load = (data, options) => keys.loadPrivateKey(data, options, RSAPrivateKey);
RSAPrivateKey.loadAsync = (data, options) => keys.loadPrivateKeyAsync(data, options, RSAPrivateKey);
RSAPublicKey.load = (data, options) => keys.loadPublicKey(data, options, RSAPublicKey);

module.exports = { RSAPrivateKey, RSAPublicKey, generateRSAPrivateKey, generateRSAPrivateKeyAsync };
