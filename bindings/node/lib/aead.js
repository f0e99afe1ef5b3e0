'use strict';
// aead.js - AESGCM and ChaCha20Poly1305, shaped like pyca's
// cryptography.hazmat.primitives.ciphers.aead: encrypt(nonce, data, aad?)
// returns ciphertext || tag; decrypt(nonce, data, aad?) throws InvalidTag on
// any authentication failure. Tag and key sizes and the message bound are the
// library's (cryptogo_*_tagbytes, _keybytes*, cryptogo_aead_messagebytes_max).
const { Handle } = require('./handle');
const { fn, bytes, optBytes, blen, int, check, libSize, STATUS } = require('./util');
const { rangeError, errorFor } = require('./errors');
const { randomBytes } = require('./random');

function aead(prefix) {
  return {
    create: fn(`${prefix}_new`), free: fn(`${prefix}_free`), enc: fn(`${prefix}_encrypt`), dec: fn(`${prefix}_decrypt`),
    tagbytes: `${prefix}_tagbytes`,
  };
}

// pyca's OverflowError bound on data and associated data, checked before the
// output is allocated (the library refuses such input too).
function checkSizes(d, ad) {
  const max = libSize('aead_messagebytes_max');
  if (blen(d) > max || blen(ad) > max) {
    throw errorFor(STATUS.CRYPTOGO_ERR_OVERFLOW, `Data or associated data too long. Max ${max} bytes`);
  }
}

class AEADBase extends Handle {
  encrypt(nonce, data, associatedData) {
    const d = bytes(data, 'data');
    const ad = optBytes(associatedData, 'associatedData');
    checkSizes(d, ad);
    const out = Buffer.allocUnsafe(blen(d) + libSize(this._ops.tagbytes));
    check(this._ops.enc(out, d, ad, bytes(nonce, 'nonce'), this._h));
    return out;
  }

  decrypt(nonce, data, associatedData) {
    const d = bytes(data, 'data');
    const ad = optBytes(associatedData, 'associatedData');
    checkSizes(d, ad);
    const n = blen(d);
    const tag = libSize(this._ops.tagbytes);
    const out = Buffer.allocUnsafe(n > tag ? n - tag : 0);
    check(this._ops.dec(out, d, ad, bytes(nonce, 'nonce'), this._h));
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

  /** A random key of bitLength 128, 192 or 256 (AES key sizes within the library's keybytes_min.._max). */
  static generateKey(bitLength) {
    int(bitLength, 'bitLength');
    const min = libSize('aesgcm_keybytes_min');
    const max = libSize('aesgcm_keybytes_max');
    if (bitLength % 64 !== 0 || bitLength / 8 < min || bitLength / 8 > max) {
      const sizes = [];
      for (let b = min; b <= max; b += 8) sizes.push(b * 8);
      throw rangeError('bitLength', `must be ${sizes.slice(0, -1).join(', ')}, or ${sizes[sizes.length - 1]}`);
    }
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
    return randomBytes(libSize('chacha20poly1305_keybytes'));
  }
}

module.exports = { AESGCM, ChaCha20Poly1305 };
