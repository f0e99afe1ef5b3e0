'use strict';
// eddsa.js - Ed25519 and Ed448 (pure EdDSA, empty context; RFC 8032) on the
// generic key handles (keys.js). Ed25519PrivateKey / Ed25519PublicKey and
// Ed448PrivateKey / Ed448PublicKey extend PrivateKey / PublicKey (load,
// export in PEM/DER PKCS8/SPKI and raw, asymmetricKeyType, equals come from
// there) and are registered for CRYPTOGO_KEY_ED25519 / CRYPTOGO_KEY_ED448.
//
// Signatures are deterministic: the same key and message give the same bytes
// as node:crypto's crypto.sign(null, data, key). verify throws
// InvalidSignature (pyca's shape); the node:crypto-style top-level
// sign()/verify() are in keypair.js. Sizes come from the library
// (cryptogo_ed25519_signaturebytes, ...).
const { fn, bytes, outVar, check, libSize } = require('./util');
const keys = require('./keys');

const { PrivateKey, PublicKey } = keys.api;
const S = { sign: fn('eddsa_sign'), signAsync: fn('eddsa_sign_async'), verify: fn('eddsa_verify') };

// makeEdDSA builds the class pair of one curve ('ed25519' or 'ed448').
function makeEdDSA(name, Title) {
  const sigBytes = () => libSize(`${name}_signaturebytes`);

  const Pub = { [`${Title}PublicKey`]: class extends PublicKey {
    constructor(token, h, t) {
      super(token, h, t, `use ${Title}PublicKey.fromRaw(), loadPublicKey() or privateKey.publicKey()`);
    }

    /** Throws InvalidSignature unless signature is this key's signature of data. */
    verify(signature, data) {
      check(S.verify(bytes(signature, 'signature'), bytes(data, 'data'), this._h));
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

    /** The signature of data (deterministic). */
    sign(data) {
      const d = bytes(data, 'data');
      return outVar(sigBytes(), (out) => S.sign(out, d, this._h));
    }

    /** sign() on the libuv thread pool. */
    async signAsync(data) {
      const d = bytes(data, 'data');
      const out = Buffer.allocUnsafe(sigBytes());
      const r = check(await S.signAsync(out, d, this._h));
      return r === out.length ? out : out.subarray(0, r);
    }

    /** Convenience: verify with the public half (throws InvalidSignature). */
    verify(signature, data) {
      const pub = this.publicKey();
      try {
        pub.verify(signature, data);
      } finally {
        pub.free();
      }
    }

    static generate() {
      return keys.generateKey(name, Priv);
    }

    static generateAsync() {
      return keys.generateKeyAsync(name, Priv);
    }

    /** pyca's from_private_bytes: the raw private key (seed) (InvalidArgument for a wrong length). */
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

const [Ed25519PrivateKey, Ed25519PublicKey] = makeEdDSA('ed25519', 'Ed25519');
const [Ed448PrivateKey, Ed448PublicKey] = makeEdDSA('ed448', 'Ed448');

module.exports = { Ed25519PrivateKey, Ed25519PublicKey, Ed448PrivateKey, Ed448PublicKey };
