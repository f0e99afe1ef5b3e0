'use strict';
// keys.js - the generic asymmetric key layer over the library's
// cryptogo_private_key / cryptogo_public_key handles, shaped like node:crypto's
// KeyObject world: PrivateKey and PublicKey base classes carry what every key
// type has (`type`, `asymmetricKeyType`, `keySize`, `export`, `publicKey()`,
// `equals`), and one registry maps the library's key type (enum
// cryptogo_key_type) to the class of each algorithm (rsa.js registers
// RSAPrivateKey / RSAPublicKey). loadPrivateKey / loadPublicKey load whatever
// algorithm the data holds and return an object of the registered class; a
// type the library knows but no class was registered for is
// UnsupportedAlgorithm. New algorithms (EC, Ed25519, ...) add a file that
// extends PrivateKey / PublicKey and calls registerKeyType.
const { Handle } = require('./handle');
const { fn, abi, bytes, opts, pick, outVar, check, scratchF64 } = require('./util');
const { typeError, UnsupportedAlgorithm, InvalidType } = require('./errors');

const E = abi.enums;
const ENC = {
  pem: E.cryptogo_encoding.CRYPTOGO_ENCODING_PEM,
  der: E.cryptogo_encoding.CRYPTOGO_ENCODING_DER,
  raw: E.cryptogo_encoding.CRYPTOGO_ENCODING_RAW,
  openssh: E.cryptogo_encoding.CRYPTOGO_ENCODING_OPENSSH,
};
const PRIV_FMT = {
  pkcs8: E.cryptogo_private_format.CRYPTOGO_PRIVATE_FORMAT_PKCS8,
  pkcs1: E.cryptogo_private_format.CRYPTOGO_PRIVATE_FORMAT_TRADITIONAL_OPENSSL,
  traditional: E.cryptogo_private_format.CRYPTOGO_PRIVATE_FORMAT_TRADITIONAL_OPENSSL,
  raw: E.cryptogo_private_format.CRYPTOGO_PRIVATE_FORMAT_RAW,
};
const PUB_FMT = {
  spki: E.cryptogo_public_format.CRYPTOGO_PUBLIC_FORMAT_SUBJECT_PUBLIC_KEY_INFO,
  pkcs1: E.cryptogo_public_format.CRYPTOGO_PUBLIC_FORMAT_PKCS1,
  raw: E.cryptogo_public_format.CRYPTOGO_PUBLIC_FORMAT_RAW,
  openssh: E.cryptogo_public_format.CRYPTOGO_PUBLIC_FORMAT_OPENSSH,
};
// The loaders detect PEM or DER; raw bytes are imported with fromRaw().
const LOAD_ENC = { pem: ENC.pem, der: ENC.der };

// exportEncoding: options.encoding, defaulting to 'raw' for format 'raw',
// 'openssh' for format 'openssh' and 'pem' otherwise ({ format: 'raw' } alone
// asks for the raw bytes). The
// library refuses mixed combinations (raw with PEM, PKCS8 with raw):
// InvalidArgument, pyca's ValueError.
function exportEncoding(o) {
  const f = typeof o.format === 'string' ? o.format.toLowerCase() : '';
  return pick(ENC, o.encoding, 'options.encoding', f === 'raw' || f === 'openssh' ? f : 'pem');
}

const K = {};
for (const name of [
  'private_key_load', 'private_key_load_async', 'private_key_dump', 'private_key_dump_async', 'private_key_type',
  'private_key_bits', 'private_key_public_key', 'private_key_free',
  'public_key_load', 'public_key_dump', 'public_key_type', 'public_key_bits', 'public_key_equal', 'public_key_free',
  'private_key_generate', 'private_key_generate_async', 'private_key_from_raw', 'public_key_from_raw',
]) K[name] = fn(name);

// Key type enum value -> node:crypto's asymmetricKeyType spelling
// (CRYPTOGO_KEY_RSA -> 'rsa', CRYPTOGO_KEY_ML_KEM_768 -> 'ml-kem-768').
const TYPE_NAMES = new Map();
for (const [k, v] of Object.entries(E.cryptogo_key_type || {})) {
  TYPE_NAMES.set(v, k.replace(/^CRYPTOGO_KEY_/, '').toLowerCase().replace(/_/g, '-'));
}

// The registry: key type value -> { private: class, public: class }.
const registry = new Map();

/** registerKeyType('rsa', { private: RSAPrivateKey, public: RSAPublicKey }). */
function registerKeyType(name, classes) {
  const v = [...TYPE_NAMES].find(([, n]) => n === name);
  if (!v) throw new Error(`cryptogo: the library has no key type '${name}' (enum cryptogo_key_type)`);
  registry.set(v[0], classes);
}

// NEW is the constructor token: key objects are made by the loaders and
// factories only, never by `new` from user code.
const NEW = Symbol('new');

// typeOf asks the library for a handle's key type (enum value).
function typeOf(h, kind) {
  check(kind === 'private' ? K.private_key_type(h) : K.public_key_type(h));
  return scratchF64[0];
}

/**
 * wrapKey turns a creator's result (a handle, or a negative status) into an
 * object of the class registered for the key's type. `kind` is 'private' or
 * 'public'. With `expect` (a class), a key of another type is InvalidType.
 */
function wrapKey(h, kind, expect) {
  if (typeof h === 'number') check(h);
  const free = kind === 'private' ? K.private_key_free : K.public_key_free;
  let t;
  try {
    t = typeOf(h, kind);
  } catch (e) {
    free(h);
    throw e;
  }
  const entry = registry.get(t);
  const cls = entry && entry[kind];
  if (!cls || (expect && cls !== expect && !(cls.prototype instanceof expect))) {
    free(h);
    const name = TYPE_NAMES.get(t) || `type ${t}`;
    if (!cls) throw new UnsupportedAlgorithm(`cryptogo: ${name} keys are not supported by this version of the Node binding`);
    throw new InvalidType(`cryptogo: expected ${expect.name}, the data holds an ${name} key`);
  }
  return new cls(NEW, h, t);
}

function detectEncoding(data, enc, name) {
  if (enc !== undefined) return pick(LOAD_ENC, enc, name);
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

class KeyBase extends Handle {
  constructor(token, h, t, freeFn, hint) {
    if (token !== NEW) throw new TypeError(hint);
    super(h, freeFn);
    this._type = t;
  }

  /** node:crypto's asymmetricKeyType: 'rsa' (later 'ec', 'ed25519', ...), from the library. */
  get asymmetricKeyType() {
    if (this._type === undefined) this._type = typeOf(this._h, this.type);
    return TYPE_NAMES.get(this._type);
  }

  /** Key size in bits (pyca's key_size; the modulus size for RSA), from the library. */
  get keySize() {
    if (this._bits === undefined) {
      check(this.type === 'private' ? K.private_key_bits(this._h) : K.public_key_bits(this._h));
      this._bits = scratchF64[0];
    }
    return this._bits;
  }
}

class PublicKey extends KeyBase {
  constructor(token, h, t, hint = 'use loadPublicKey() or privateKey.publicKey()') {
    super(token, h, t, K.public_key_free, hint);
  }

  /** 'public', as node:crypto's KeyObject.type. */
  get type() { return 'public'; }

  /**
   * node:crypto's KeyObject.equals: true when other is the same public key
   * (the library compares; keys of different types are unequal). A private
   * key is never equal to a public one.
   */
  equals(other) {
    if (other instanceof PrivateKey) return false;
    if (!(other instanceof PublicKey)) throw typeError('otherKeyObject', 'an instance of PublicKey', other);
    check(K.public_key_equal(this._h, other._h));
    return scratchF64[0] !== 0;
  }

  /**
   * Serializes: { encoding: 'pem' | 'der' | 'raw' | 'openssh' ['pem'; 'raw' /
   * 'openssh' with that format], format: 'spki' | 'pkcs1' | 'raw' | 'openssh'
   * ['spki'] } -> Buffer. OpenSSH: an "ssh-ed25519 AAAA..." line (Ed25519, RSA).
   */
  export(options) {
    const o = opts(options);
    const enc = exportEncoding(o);
    const fmt = pick(PUB_FMT, o.format, 'options.format', 'spki');
    return outVar(1024, (out) => K.public_key_dump(out, enc, fmt, this._h));
  }
}

class PrivateKey extends KeyBase {
  constructor(token, h, t, hint = 'use loadPrivateKey() or a generate function') {
    super(token, h, t, K.private_key_free, hint);
  }

  /** 'private', as node:crypto's KeyObject.type. */
  get type() { return 'private'; }

  /** A new public key object of the matching class (freed independently). */
  publicKey() {
    return wrapKey(K.private_key_public_key(this._h), 'public');
  }

  _exportArgs(options) {
    const o = opts(options);
    return [exportEncoding(o), pick(PRIV_FMT, o.format, 'options.format', 'pkcs8'), password(o.password)];
  }

  /**
   * node:crypto's KeyObject.equals for private keys: true when other is a
   * private key of the same type with the same public key (what OpenSSL's
   * EVP_PKEY_eq, behind node's equals, compares). A public key is never equal.
   */
  equals(other) {
    if (other instanceof PublicKey) return false;
    if (!(other instanceof PrivateKey)) throw typeError('otherKeyObject', 'an instance of PrivateKey', other);
    const a = this.publicKey();
    try {
      const b = other.publicKey();
      try {
        return a.equals(b);
      } finally {
        b.free();
      }
    } finally {
      a.free();
    }
  }

  /**
   * Serializes: { encoding: 'pem' | 'der' | 'raw' ['pem'; 'raw' with format
   * 'raw'], format: 'pkcs8' | 'pkcs1' | 'raw' ['pkcs8'], password: encrypts
   * (PKCS8 / PEM pkcs1) when given }. Returns a Buffer.
   */
  export(options) {
    const [enc, fmt, pw] = this._exportArgs(options);
    return outVar(4096, (out) => K.private_key_dump(out, enc, fmt, pw, this._h));
  }

  async exportAsync(options) {
    const [enc, fmt, pw] = this._exportArgs(options);
    let out = Buffer.allocUnsafe(8192);
    let r = await K.private_key_dump_async(out, enc, fmt, pw, this._h);
    if (Array.isArray(r)) { // [BUFFER_TOO_SMALL, size needed]
      out = Buffer.allocUnsafe(r[1]);
      r = await K.private_key_dump_async(out, enc, fmt, pw, this._h);
    }
    check(Array.isArray(r) ? r[0] : r);
    return out.subarray(0, r);
  }
}

function loadArgs(data, options) {
  const o = opts(options);
  const d = bytes(data, 'data', true);
  return [d, password(o.password), detectEncoding(d, o.encoding, 'options.encoding')];
}

/**
 * Loads a private key of whichever algorithm the data holds (PKCS8, encrypted
 * PKCS8, traditional OpenSSL; PEM or DER, detected unless options.encoding is
 * given). options.password: omitted/null = none (PasswordRequired if
 * encrypted), else string or bytes.
 */
function loadPrivateKey(data, options, expect) {
  const [d, pw, enc] = loadArgs(data, options);
  return wrapKey(K.private_key_load(d, pw, enc), 'private', expect);
}

async function loadPrivateKeyAsync(data, options, expect) {
  const [d, pw, enc] = loadArgs(data, options);
  return wrapKey(await K.private_key_load_async(d, pw, enc), 'private', expect);
}

/** Loads a public key (SubjectPublicKeyInfo, or PKCS1 for RSA; PEM or DER, detected). */
function loadPublicKey(data, options, expect) {
  const o = opts(options);
  const d = bytes(data, 'data', true);
  return wrapKey(K.public_key_load(d, detectEncoding(d, o.encoding, 'options.encoding')), 'public', expect);
}

/** The library's key type value of a node:crypto asymmetricKeyType name ('ed25519' -> CRYPTOGO_KEY_ED25519). */
function typeValue(name) {
  const v = [...TYPE_NAMES].find(([, n]) => n === name);
  return v && v[0];
}

/** A new private key of a parameterless type (Ed25519, X25519, Ed448, X448), of class cls. */
function generateKey(name, cls) {
  return wrapKey(K.private_key_generate(typeValue(name)), 'private', cls);
}

/** generateKey on the libuv thread pool. */
async function generateKeyAsync(name, cls) {
  return wrapKey(await K.private_key_generate_async(typeValue(name)), 'private', cls);
}

/**
 * Imports raw key bytes (pyca's from_private_bytes / from_public_bytes) of
 * the named type; a wrong length is InvalidArgument.
 */
function fromRaw(kind, name, data, cls) {
  const d = bytes(data, 'data');
  const f = kind === 'private' ? K.private_key_from_raw : K.public_key_from_raw;
  return wrapKey(f(typeValue(name), d), kind, cls);
}

// pyca-style names.
const loadPemPrivateKey = (data, pw) => loadPrivateKey(data, { password: pw, encoding: 'pem' });
const loadDerPrivateKey = (data, pw) => loadPrivateKey(data, { password: pw, encoding: 'der' });
const loadPemPublicKey = (data) => loadPublicKey(data, { encoding: 'pem' });
const loadDerPublicKey = (data) => loadPublicKey(data, { encoding: 'der' });

module.exports = {
  // public API (re-exported by index.js)
  api: {
    PrivateKey, PublicKey, loadPrivateKey: (d, o) => loadPrivateKey(d, o), loadPrivateKeyAsync: (d, o) => loadPrivateKeyAsync(d, o),
    loadPublicKey: (d, o) => loadPublicKey(d, o), loadPemPrivateKey, loadDerPrivateKey, loadPemPublicKey, loadDerPublicKey,
  },
  // for the algorithm modules
  NEW, registerKeyType, wrapKey, loadPrivateKey, loadPrivateKeyAsync, loadPublicKey, generateKey, generateKeyAsync, fromRaw,
  registry, TYPE_NAMES,
};
