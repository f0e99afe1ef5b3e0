'use strict';
// aead.js - AESGCM and ChaCha20Poly1305, shaped like pyca's
// cryptography.hazmat.primitives.ciphers.aead: encrypt(nonce, data, aad?)
// returns ciphertext || 16-byte tag; decrypt(nonce, data, aad?) throws
// InvalidTag on any authentication failure.
const { Handle } = require('./handle');
const { fn, bytes, optBytes, blen, int, check, abi } = require('./util');
const { rangeError } = require('./errors');
const { randomBytes } = require('./random');

const TAG = abi.macros.CRYPTOGO_AESGCM_TAGBYTES || 16;

function aead(prefix) {
  return { create: fn(`${prefix}_new`), free: fn(`${prefix}_free`), enc: fn(`${prefix}_encrypt`), dec: fn(`${prefix}_decrypt`) };
}

class AEADBase extends Handle {
  encrypt(nonce, data, associatedData) {
    const d = bytes(data, 'data');
    const out = Buffer.allocUnsafe(blen(d) + TAG);
    check(this._ops.enc(out, d, optBytes(associatedData, 'associatedData'), bytes(nonce, 'nonce'), this._h));
    return out;
  }

  decrypt(nonce, data, associatedData) {
    const d = bytes(data, 'data');
    const n = blen(d);
    const out = Buffer.allocUnsafe(n > TAG ? n - TAG : 0);
    check(this._ops.dec(out, d, optBytes(associatedData, 'associatedData'), bytes(nonce, 'nonce'), this._h));
    return out;
  }
}

const AES = aead('aesgcm');
const CHACHA = aead('chacha20poly1305');

class AESGCM extends AEADBase {
  /** @param key 16, 24 or 32 bytes. */
  constructor(key) {
    const h = AES.create(bytes(key, 'key'));
    if (typeof h === 'number') check(h, 'AESGCM key must be 128, 192, or 256 bits');
    super(h, AES.free);
    this._ops = AES;
  }

  /** A random key of bitLength 128, 192 or 256. */
  static generateKey(bitLength) {
    int(bitLength, 'bitLength');
    if (![128, 192, 256].includes(bitLength)) throw rangeError('bitLength', 'must be 128, 192, or 256');
    return randomBytes(bitLength / 8);
  }
}

class ChaCha20Poly1305 extends AEADBase {
  /** @param key 32 bytes. */
  constructor(key) {
    const h = CHACHA.create(bytes(key, 'key'));
    if (typeof h === 'number') check(h, 'ChaCha20Poly1305 key must be 32 bytes');
    super(h, CHACHA.free);
    this._ops = CHACHA;
  }

  static generateKey() {
    return randomBytes(abi.macros.CRYPTOGO_CHACHA20POLY1305_KEYBYTES || 32);
  }
}

module.exports = { AESGCM, ChaCha20Poly1305 };
