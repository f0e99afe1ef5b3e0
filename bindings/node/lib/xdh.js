'use strict';
// xdh.js - X25519 and X448 key agreement (RFC 7748) on the generic key
// handles (keys.js). X25519PrivateKey / X25519PublicKey and X448PrivateKey /
// X448PublicKey extend PrivateKey / PublicKey and are registered for
// CRYPTOGO_KEY_X25519 / CRYPTOGO_KEY_X448.
//
// privateKey.exchange(publicKey) is pyca's exchange; diffieHellman({
// privateKey, publicKey }) is node:crypto's. An all-zero shared secret (a
// low-order peer key) throws InvalidArgument (pyca's ValueError; node:crypto
// throws too). Keys of different types: InvalidType. Sizes come from the
// library (cryptogo_x25519_publickeybytes, ...).
const { fn, bytes, outVar, check, opts, libSize } = require('./util');
const { typeError } = require('./errors');
const keys = require('./keys');

const { PrivateKey, PublicKey } = keys.api;
const exchange = fn('xdh_exchange');
const exchangeAsync = fn('xdh_exchange_async');

function makeXDH(name, Title) {
  const Pub = { [`${Title}PublicKey`]: class extends PublicKey {
    constructor(token, h, t) {
      super(token, h, t, `use ${Title}PublicKey.fromRaw(), loadPublicKey() or privateKey.publicKey()`);
    }

    /** pyca's from_public_bytes: the raw public key (InvalidArgument for a wrong length). */
    static fromRaw(data) {
      return keys.fromRaw('public', name, data, Pub);
    }

    static load(data, options) {
      return keys.loadPublicKey(data, options, Pub);
    }
  } }[`${Title}PublicKey`];

  const Priv = { [`${Title}PrivateKey`]: class extends PrivateKey {
    constructor(token, h, t) {
      super(token, h, t, `use ${Title}PrivateKey.generate(), ${Title}PrivateKey.fromRaw() or loadPrivateKey()`);
    }

    /** The shared secret with peer (a public key of the same type). */
    exchange(peer) {
      if (!(peer instanceof PublicKey)) throw typeError('peerPublicKey', 'an instance of PublicKey', peer);
      return outVar(libSize(`${name}_publickeybytes`), (out) => exchange(out, this._h, peer._h));
    }

    /** exchange() on the libuv thread pool. */
    async exchangeAsync(peer) {
      if (!(peer instanceof PublicKey)) throw typeError('peerPublicKey', 'an instance of PublicKey', peer);
      const out = Buffer.allocUnsafe(libSize(`${name}_publickeybytes`));
      const r = check(await exchangeAsync(out, this._h, peer._h));
      return r === out.length ? out : out.subarray(0, r);
    }

    static generate() {
      return keys.generateKey(name, Priv);
    }

    static generateAsync() {
      return keys.generateKeyAsync(name, Priv);
    }

    /** pyca's from_private_bytes: the raw private key (InvalidArgument for a wrong length). */
    static fromRaw(data) {
      return keys.fromRaw('private', name, data, Priv);
    }

    static load(data, options) {
      return keys.loadPrivateKey(data, options, Priv);
    }

    static loadAsync(data, options) {
      return keys.loadPrivateKeyAsync(data, options, Priv);
    }
  } }[`${Title}PrivateKey`];

  keys.registerKeyType(name, { private: Priv, public: Pub });
  return [Priv, Pub];
}

const [X25519PrivateKey, X25519PublicKey] = makeXDH('x25519', 'X25519');
const [X448PrivateKey, X448PublicKey] = makeXDH('x448', 'X448');
const XDH_PRIVATE = [X25519PrivateKey, X448PrivateKey];

/**
 * node:crypto's diffieHellman({ privateKey, publicKey }): the X25519 / X448
 * shared secret. InvalidType for keys that are not X25519/X448 or of
 * different types; InvalidArgument for an all-zero result.
 */
function diffieHellman(options) {
  const o = opts(options);
  const { privateKey, publicKey } = o;
  if (!XDH_PRIVATE.some((c) => privateKey instanceof c)) {
    throw typeError('options.privateKey', 'an instance of X25519PrivateKey or X448PrivateKey', privateKey);
  }
  return privateKey.exchange(publicKey);
}

module.exports = { X25519PrivateKey, X25519PublicKey, X448PrivateKey, X448PublicKey, diffieHellman };
