'use strict';
// keypair.js - node:crypto-style top-level functions over the key classes:
//   generateKeyPair(type[, options]) -> { privateKey, publicKey }
//       (crypto.generateKeyPairSync; type 'ed25519' | 'x25519' | 'ed448' |
//       'x448' | 'rsa' with { modulusLength, publicExponent })
//   generateKeyPairAsync(type[, options]) -> Promise of the same, generated
//       on the libuv thread pool
//   sign(algorithm, data, key) -> Buffer              (crypto.sign)
//   verify(algorithm, data, key, signature) -> boolean (crypto.verify)
// sign/verify: algorithm null/undefined for Ed25519 / Ed448 keys (it is part
// of the key); for RSA keys a hash name (node's default RSA padding, PKCS#1
// v1.5). As node:crypto's, verify answers false for a wrong signature; the
// key classes' verify methods throw InvalidSignature instead (pyca's shape).
const { typeError } = require('./errors');
const { InvalidSignature, InvalidType } = require('./errors');
const { opts } = require('./util');
const { PrivateKey, PublicKey } = require('./keys').api;
const { RSAPrivateKey, RSAPublicKey, generateRSAPrivateKey, generateRSAPrivateKeyAsync } = require('./rsa');
const ed = require('./eddsa');
const xdh = require('./xdh');

const GEN = {
  ed25519: ed.Ed25519PrivateKey,
  ed448: ed.Ed448PrivateKey,
  x25519: xdh.X25519PrivateKey,
  x448: xdh.X448PrivateKey,
};
const TYPES = ['rsa', ...Object.keys(GEN)];

function checkType(type) {
  if (typeof type !== 'string' || !TYPES.includes(type)) throw typeError('type', `one of ${TYPES.map((t) => `'${t}'`).join(', ')}`, type);
}

function rsaOptions(options) {
  const o = opts(options);
  return { keySize: o.modulusLength === undefined ? o.keySize : o.modulusLength, publicExponent: o.publicExponent };
}

function pair(privateKey) {
  return { privateKey, publicKey: privateKey.publicKey() };
}

/** crypto.generateKeyPairSync(type, options) in the binding's shape: key objects, not PEM strings. */
function generateKeyPair(type, options) {
  checkType(type);
  if (type === 'rsa') return pair(generateRSAPrivateKey(rsaOptions(options)));
  opts(options);
  return pair(GEN[type].generate());
}

async function generateKeyPairAsync(type, options) {
  checkType(type);
  if (type === 'rsa') return pair(await generateRSAPrivateKeyAsync(rsaOptions(options)));
  opts(options);
  return pair(await GEN[type].generateAsync());
}

const isEd = (k) => k instanceof ed.Ed25519PrivateKey || k instanceof ed.Ed448PrivateKey
  || k instanceof ed.Ed25519PublicKey || k instanceof ed.Ed448PublicKey;

function checkAlgorithm(algorithm, key) {
  if (isEd(key)) {
    if (algorithm !== null && algorithm !== undefined) {
      throw typeError('algorithm', `null or undefined for ${key.asymmetricKeyType} keys`, algorithm);
    }
    return undefined;
  }
  if (key instanceof RSAPrivateKey || key instanceof RSAPublicKey) {
    return { padding: 'pkcs1v15', hash: algorithm === null || algorithm === undefined ? 'sha256' : algorithm };
  }
  throw new InvalidType(`cryptogo: ${key.asymmetricKeyType} keys do not sign`);
}

/** crypto.sign(algorithm, data, privateKey). */
function sign(algorithm, data, key) {
  if (!(key instanceof PrivateKey)) throw typeError('key', 'an instance of PrivateKey', key);
  const o = checkAlgorithm(algorithm, key);
  return o ? key.sign(data, o) : key.sign(data);
}

/** crypto.verify(algorithm, data, key, signature): true or false. key: a public key, or a private key (its public half). */
function verify(algorithm, data, key, signature) {
  if (!(key instanceof PublicKey) && !(key instanceof PrivateKey)) throw typeError('key', 'an instance of PublicKey or PrivateKey', key);
  const o = checkAlgorithm(algorithm, key);
  try {
    if (o) key.verify(signature, data, o);
    else key.verify(signature, data);
    return true;
  } catch (e) {
    if (e instanceof InvalidSignature) return false;
    throw e;
  }
}

module.exports = { generateKeyPair, generateKeyPairAsync, sign, verify };
