'use strict';
// fernet.js - Fernet and MultiFernet (the Fernet spec; pyca's cryptography.fernet).
//
// Keys are the 44-character url-safe base64 text (string or bytes), as pyca's
// Fernet(key). Tokens are returned as Buffers of ASCII text (pyca returns
// bytes); decrypt accepts a token as string or bytes. Every failure of decrypt
// / extractTimestamp (bad key, tampered or expired token, wrong format) throws
// InvalidToken, without detail.
const { Handle } = require('./handle');
const { fn, bytes, blen, int, outVar, check, scratchF64, libSize } = require('./util');
const { typeError } = require('./errors');

const tokenSize = fn('fernet_tokenbytes');
const maxPlaintext = fn('fernet_msgbytes_max');
const genKey = fn('fernet_generate_key');

function ops(prefix) {
  return {
    free: fn(`${prefix}_free`),
    encrypt: fn(`${prefix}_encrypt`),
    encryptAtTime: fn(`${prefix}_encrypt_at_time`),
    decrypt: fn(`${prefix}_decrypt`),
    decryptAtTime: fn(`${prefix}_decrypt_at_time`),
    extractTimestamp: fn(`${prefix}_extract_timestamp`),
  };
}

const FERNET = { ...ops('fernet'), create: fn('fernet_new'), withIv: fn('fernet_encrypt_at_time_with_iv') };
const MULTI = { ...ops('multifernet'), create: fn('multifernet_new'), rotate: fn('multifernet_rotate') };

const token = (t) => bytes(t, 'token', true, 'latin1');
const data = (d) => bytes(d, 'data', false);

class FernetBase extends Handle {
  encrypt(plaintext) {
    const d = data(plaintext);
    const out = Buffer.allocUnsafe(tokenSize(blen(d)));
    check(this._ops.encrypt(out, d, this._h));
    return out;
  }

  encryptAtTime(plaintext, currentTime) {
    const d = data(plaintext);
    const out = Buffer.allocUnsafe(tokenSize(blen(d)));
    check(this._ops.encryptAtTime(out, d, int(currentTime, 'currentTime', -Number.MAX_SAFE_INTEGER), this._h));
    return out;
  }

  /** Decrypts a token; with ttl (seconds), tokens older than ttl are rejected. */
  decrypt(tok, ttl) {
    const t = token(tok);
    const hasTtl = ttl !== undefined && ttl !== null;
    const out = Buffer.allocUnsafe(maxPlaintext(blen(t)));
    const r = check(this._ops.decrypt(out, t, hasTtl ? 1 : 0, hasTtl ? int(ttl, 'ttl', -Number.MAX_SAFE_INTEGER) : 0, this._h));
    return r === out.length ? out : out.subarray(0, r);
  }

  decryptAtTime(tok, ttl, currentTime) {
    const t = token(tok);
    const out = Buffer.allocUnsafe(maxPlaintext(blen(t)));
    const r = check(this._ops.decryptAtTime(out, t, int(ttl, 'ttl', -Number.MAX_SAFE_INTEGER),
      int(currentTime, 'currentTime', -Number.MAX_SAFE_INTEGER), this._h));
    return r === out.length ? out : out.subarray(0, r);
  }

  /** The token's timestamp (seconds since the epoch), after checking its HMAC. */
  extractTimestamp(tok) {
    check(this._ops.extractTimestamp(token(tok), this._h));
    return scratchF64[0];
  }
}

class Fernet extends FernetBase {
  /** @param key 44-byte url-safe base64 key (string or bytes), e.g. from Fernet.generateKey(). */
  constructor(key) {
    const h = FERNET.create(bytes(key, 'key', true, 'latin1'));
    if (typeof h === 'number') check(h);
    super(h, FERNET.free);
    this._ops = FERNET;
  }

  /** A new random key: 44 bytes of url-safe base64 text (a Buffer, as pyca returns bytes). */
  static generateKey() {
    const out = Buffer.allocUnsafe(libSize('fernet_keybytes'));
    return out.subarray(0, check(genKey(out)));
  }

  /** Deterministic encryption with a given 16-byte IV (pyca's _encrypt_from_parts); for test vectors. */
  _encryptFromParts(plaintext, currentTime, iv) {
    const d = data(plaintext);
    const out = Buffer.allocUnsafe(tokenSize(blen(d)));
    check(FERNET.withIv(out, d, int(currentTime, 'currentTime', -Number.MAX_SAFE_INTEGER), bytes(iv, 'iv'), this._h));
    return out;
  }
}

class MultiFernet extends FernetBase {
  /** @param fernets Fernet instances; the first encrypts, all are tried to decrypt. Keys are copied. */
  constructor(fernets) {
    if (!Array.isArray(fernets)) throw typeError('fernets', 'an array of Fernet instances', fernets);
    const hs = fernets.map((f, i) => {
      if (!(f instanceof Fernet)) throw typeError(`fernets[${i}]`, 'an instance of Fernet', f);
      return f._h;
    });
    const h = MULTI.create(hs);
    if (typeof h === 'number') check(h, hs.length === 0 ? 'MultiFernet requires at least one Fernet instance' : undefined);
    super(h, MULTI.free);
    this._ops = MULTI;
  }

  /** Re-encrypts a token under the first key, keeping its timestamp. */
  rotate(tok) {
    const t = token(tok);
    return outVar(tokenSize(maxPlaintext(blen(t))), (out) => MULTI.rotate(out, t, this._h));
  }
}

module.exports = { Fernet, MultiFernet };
