'use strict';
// hash.js - message digests, HMAC and PBKDF2-HMAC.
//
// Hash names follow node:crypto ('sha256', 'sha3-256', 'sha512-256',
// 'shake128', 'blake2b512', 'md5', ...; see util.hashId). SHAKE needs an
// outputLength. digest() finalizes: a second digest()/update() throws
// AlreadyFinalized (node:crypto throws ERR_CRYPTO_HASH_FINALIZED there).
const { Handle } = require('./handle');
const { fn, bytes, int, check, hashId, HASH_NAMES, encodeOut, scratchF64, libSize } = require('./util');
const { typeError } = require('./errors');

const H = {
  create: fn('hash_new'), update: fn('hash_update'), copy: fn('hash_copy'), fin: fn('hash_finalize'),
  free: fn('hash_free'), digest: fn('hash_digest'), size: fn('hash_digestbytes'), block: fn('hash_blockbytes'),
};
const M = {
  create: fn('hmac_new'), update: fn('hmac_update'), copy: fn('hmac_copy'), fin: fn('hmac_finalize'),
  verify: fn('hmac_verify'), free: fn('hmac_free'), compute: fn('hmac_compute'),
};
const P = { derive: fn('pbkdf2_hmac_derive'), deriveAsync: fn('pbkdf2_hmac_derive_async'), verify: fn('pbkdf2_hmac_verify') };

const sizes = new Map();
const blocks = new Map();
function digestSize(id) {
  let s = sizes.get(id);
  if (s === undefined) {
    check(H.size(id));
    s = scratchF64[0];
    sizes.set(id, s);
  }
  return s;
}
function blockSize(id) {
  let s = blocks.get(id);
  if (s === undefined) {
    check(H.block(id));
    s = scratchF64[0];
    blocks.set(id, s);
  }
  return s;
}

function outputLength(options) {
  if (options === undefined || options === null) return 0;
  if (typeof options !== 'object') throw typeError('options', 'of type object', options);
  return options.outputLength === undefined ? 0 : int(options.outputLength, 'options.outputLength', 1, libSize('inputbytes_max'));
}

const NEW = Symbol('new');

class Hash extends Handle {
  /** @param algorithm e.g. 'sha256'; options.outputLength for SHAKE (XOF). */
  constructor(algorithm, options) {
    let h, id, size;
    if (algorithm === NEW) {
      [h, id, size] = options;
    } else {
      id = hashId(algorithm);
      const len = outputLength(options);
      h = H.create(id, len);
      if (typeof h === 'number') check(h, HASH_NAMES.get(id));
      size = len || digestSize(id);
    }
    super(h, H.free);
    this._id = id;
    this._size = size;
  }

  update(data, inputEncoding) {
    check(H.update(this._h, bytes(data, 'data', true, inputEncoding)));
    return this;
  }

  /** An independent copy of the current state. */
  copy() {
    const h = H.copy(this._h);
    if (typeof h === 'number') check(h);
    return new Hash(NEW, [h, this._id, this._size]);
  }

  /** Finalizes; returns a Buffer, or a string when an encoding is given. */
  digest(encoding) {
    const out = Buffer.allocUnsafe(this._size);
    check(H.fin(this._h, out));
    return encodeOut(out, encoding);
  }

  get algorithm() { return HASH_NAMES.get(this._id); }
  get digestSize() { return this._size; }
  get blockSize() { return blockSize(this._id); }
}

function createHash(algorithm, options) {
  return new Hash(algorithm, options);
}

/**
 * One-shot digest. The third argument is an output encoding ('hex', ...) or
 * { outputLength, outputEncoding }. Returns a Buffer unless an encoding is given.
 */
function hash(algorithm, data, options) {
  const id = hashId(algorithm);
  let enc;
  let len = 0;
  if (typeof options === 'string') enc = options;
  else if (options) {
    len = outputLength(options);
    enc = options.outputEncoding;
  }
  const out = Buffer.allocUnsafe(len || digestSize(id));
  check(H.digest(out, bytes(data, 'data', true), id, len));
  return encodeOut(out, enc);
}

class Hmac extends Handle {
  /** @param algorithm hash name; @param key string or bytes (any length). */
  constructor(algorithm, key) {
    let h, id;
    if (algorithm === NEW) {
      [h, id] = key;
    } else {
      id = hashId(algorithm);
      h = M.create(bytes(key, 'key', true), id);
      if (typeof h === 'number') check(h, HASH_NAMES.get(id));
    }
    super(h, M.free);
    this._id = id;
  }

  update(data, inputEncoding) {
    check(M.update(this._h, bytes(data, 'data', true, inputEncoding)));
    return this;
  }

  copy() {
    const h = M.copy(this._h);
    if (typeof h === 'number') check(h);
    return new Hmac(NEW, [h, this._id]);
  }

  digest(encoding) {
    const out = Buffer.allocUnsafe(digestSize(this._id));
    check(M.fin(this._h, out));
    return encodeOut(out, encoding);
  }

  /** Finalizes and compares with signature in constant time; throws InvalidSignature on mismatch. */
  verify(signature) {
    check(M.verify(this._h, bytes(signature, 'signature')));
  }

  get algorithm() { return HASH_NAMES.get(this._id); }
  get digestSize() { return digestSize(this._id); }
}

function createHmac(algorithm, key) {
  return new Hmac(algorithm, key);
}

/** One-shot HMAC: returns a Buffer (or a string with an output encoding). */
function hmac(algorithm, key, data, encoding) {
  const id = hashId(algorithm);
  const out = Buffer.allocUnsafe(digestSize(id));
  check(M.compute(out, bytes(data, 'data', true), bytes(key, 'key', true), id));
  return encodeOut(out, encoding);
}

function pbkdf2Args(password, salt, iterations, keylen, digest) {
  return [
    bytes(password, 'password', true), bytes(salt, 'salt', true),
    int(iterations, 'iterations', 1), int(keylen, 'keylen', 0, libSize('inputbytes_max')), hashId(digest, 'digest'),
  ];
}

/** PBKDF2-HMAC (RFC 8018) on the calling thread; returns a Buffer of keylen bytes. */
function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  const [p, s, it, len, id] = pbkdf2Args(password, salt, iterations, keylen, digest);
  const out = Buffer.allocUnsafe(len);
  check(P.derive(out, p, s, it, id));
  return out;
}

/**
 * PBKDF2 on the libuv thread pool. Returns a Promise of the key; with a
 * callback (node:crypto's style), calls callback(err, key) instead.
 */
function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  let promise;
  try {
    const [p, s, it, len, id] = pbkdf2Args(password, salt, iterations, keylen, digest);
    const out = Buffer.allocUnsafe(len);
    promise = P.deriveAsync(out, p, s, it, id).then((r) => {
      check(r);
      return out;
    });
  } catch (e) {
    if (typeof callback !== 'function') throw e;
    process.nextTick(callback, e);
    return undefined;
  }
  if (typeof callback === 'function') {
    promise.then((k) => callback(null, k), (e) => callback(e));
    return undefined;
  }
  return promise;
}

/** Derives and compares with expected in constant time; throws InvalidKey on mismatch. */
function pbkdf2Verify(expected, password, salt, iterations, digest) {
  const [p, s, it, , id] = pbkdf2Args(password, salt, iterations, 0, digest);
  check(P.verify(bytes(expected, 'expected'), p, s, it, id));
}

module.exports = { Hash, createHash, hash, Hmac, createHmac, hmac, pbkdf2, pbkdf2Sync, pbkdf2Verify };
