'use strict';
// util.js - argument helpers shared by the JS API.
const { N, fn, abi, scratchF64 } = require('./native');
const { check, typeError, rangeError } = require('./errors');

const STATUS = abi.status;
const BUFFER_TOO_SMALL = STATUS.CRYPTOGO_ERR_BUFFER_TOO_SMALL;

// bytes accepts a Buffer/TypedArray/DataView/ArrayBuffer (returned as is; the
// bridge borrows it without copying) and, where `encoding` is allowed, a
// string (converted with Buffer.from(s, encoding)).
function bytes(v, name, allowString, encoding) {
  if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer) return v;
  if (allowString && typeof v === 'string') return Buffer.from(v, encoding || 'utf8');
  throw typeError(name, allowString ? 'of type string or an instance of Buffer, TypedArray, DataView or ArrayBuffer'
    : 'an instance of Buffer, TypedArray, DataView or ArrayBuffer', v);
}

function optBytes(v, name, allowString) {
  if (v === undefined || v === null) return null;
  return bytes(v, name, allowString);
}

// blen is the byte length of an input the bridge accepts (0 for null).
function blen(v, name) {
  if (v === undefined || v === null) return 0;
  const n = v.byteLength;
  if (typeof n !== 'number') throw typeError(name, 'an instance of Buffer, TypedArray, DataView or ArrayBuffer', v);
  return n;
}

function int(v, name, min = 0, max = Number.MAX_SAFE_INTEGER) {
  if (typeof v !== 'number') throw typeError(name, 'of type number', v);
  if (!Number.isInteger(v) || v < min || v > max) throw rangeError(name, `must be an integer >= ${min} and <= ${max}. Received ${v}`);
  return v;
}

// opts checks an options bag: undefined/null -> {}, anything but an object -> TypeError.
function opts(o, name = 'options') {
  if (o === undefined || o === null) return {};
  if (typeof o !== 'object') throw typeError(name, 'of type object', o);
  return o;
}

// pick maps a case-insensitive string option through table (undefined -> table[dflt]).
function pick(table, v, name, dflt) {
  if (v === undefined) return table[dflt];
  const k = typeof v === 'string' ? table[v.toLowerCase()] : undefined;
  if (k === undefined) throw typeError(name, `one of ${Object.keys(table).map((x) => `'${x}'`).join(', ')}`, v);
  return k;
}

// libSize returns a size the library states (a `size_t cryptogo_<name>(void)`
// export such as aesgcm_tagbytes or inputbytes_max), asked once and memoized:
// the binding restates no size, limit or bound.
const libSizes = new Map();
function libSize(name) {
  let v = libSizes.get(name);
  if (v === undefined) {
    v = fn(name)();
    libSizes.set(name, v);
  }
  return v;
}

// outVar runs call(out) with a buffer of `guess` bytes; on BUFFER_TOO_SMALL it
// retries with the size the library asked for. Returns the filled Buffer.
function outVar(guess, call) {
  let out = Buffer.allocUnsafe(guess);
  let r = call(out);
  if (r === BUFFER_TOO_SMALL) {
    out = Buffer.allocUnsafe(scratchF64[0]);
    r = call(out);
  }
  check(r);
  return r === out.length ? out : out.subarray(0, r);
}

// Hash names: node:crypto's spelling ('sha256', 'sha3-256', 'sha512-256',
// 'shake128', 'blake2b512', 'md5'), case-insensitive; 'sha-256' and the pyca
// names ('sha512_256', 'blake2b') are accepted too.
const HASHES = new Map();
for (const [k, id] of Object.entries(abi.enums.cryptogo_hash_alg)) {
  if (k === 'CRYPTOGO_HASH_NONE') continue; // pyca's None (no DigestInfo), not a hash: see rsa.js recover()
  const base = k.replace(/^CRYPTOGO_HASH_/, '').toLowerCase();
  HASHES.set(base.replace(/_/g, '-'), id);
  HASHES.set(base, id);
}
if (HASHES.has('blake2b')) HASHES.set('blake2b512', HASHES.get('blake2b'));
if (HASHES.has('blake2s')) HASHES.set('blake2s256', HASHES.get('blake2s'));
const HASH_NAMES = new Map([...HASHES].filter(([k]) => !k.includes('_') && k !== 'blake2b' && k !== 'blake2s').map(([k, v]) => [v, k]));

function hashId(name, argName = 'algorithm') {
  if (typeof name !== 'string') throw typeError(argName, 'of type string', name);
  let k = name.toLowerCase();
  let id = HASHES.get(k);
  if (id === undefined) {
    k = k.replace(/^sha-(\d)/, 'sha$1');
    id = HASHES.get(k);
  }
  if (id === undefined) {
    const { UnsupportedAlgorithm } = require('./errors');
    throw new UnsupportedAlgorithm(`unsupported hash algorithm: ${name}`, STATUS.CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM, 'CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM');
  }
  return id;
}

function encodeOut(buf, encoding) {
  return encoding === undefined || encoding === 'buffer' ? buf : buf.toString(encoding);
}

module.exports = { N, fn, abi, STATUS, BUFFER_TOO_SMALL, scratchF64, bytes, optBytes, blen, int, opts, pick, libSize, outVar, hashId, HASH_NAMES, encodeOut, check };
