'use strict';
// cryptogo - libcrypto-go for Node.js. See index.d.ts for the typed API.
const { N, abi } = require('./native');
const errors = require('./errors');
const { Fernet, MultiFernet } = require('./fernet');
const { AESGCM, ChaCha20Poly1305 } = require('./aead');
const hash = require('./hash');
const keys = require('./keys').api;
const rsa = require('./rsa');
const eddsa = require('./eddsa');
const xdh = require('./xdh');
const keypair = require('./keypair');
const { randomBytes, randomFill } = require('./random');
const { Handle, dispose } = require('./handle');

/** Number of live native handles in the process (created, not yet freed). */
function liveHandles() {
  errors.check(N.debug_live_handles());
  return N.scratchF64[0];
}

module.exports = {
  Fernet,
  MultiFernet,
  AESGCM,
  ChaCha20Poly1305,
  ...hash,
  ...keys,
  ...rsa,
  ...eddsa,
  ...xdh,
  ...keypair,
  randomBytes,
  randomFill,
  errors,
  ...Object.fromEntries(Object.entries(errors).filter(([k, v]) => typeof v === 'function' && /^[A-Z]/.test(k))),
  version: () => N.version(),
  libraryPath: N.libraryPath,
  liveHandles,
  Handle,
  dispose,
  abi,
  _native: N,
};
