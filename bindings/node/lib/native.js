'use strict';
// native.js - loads the Node-API bridge (build/Release/cryptogo.node) and the
// ABI tables it carries (status codes, enums, macros from cryptogo_abi.json).
//
// The bridge dlopen()s libcrypto-go.so: $CRYPTOGO_LIBRARY if set, else the
// library of the repository the addon was built in (see scripts/build.js).
const path = require('path');

let N;
try {
  N = require(path.join(__dirname, '..', 'build', 'Release', 'cryptogo.node'));
} catch (e) {
  if (e.code === 'MODULE_NOT_FOUND') {
    e.message = `cryptogo: the native addon is not built; run \`npm install\` (or \`npm run build\`) in ${path.join(__dirname, '..')}\n${e.message}`;
  }
  throw e;
}

const abi = JSON.parse(N.abiJSON);

// fn returns the bridge function for an export (name without the cryptogo_
// prefix; `_async` suffix for the Promise variant). When the loaded library or
// the addon lacks it, the returned stub throws ERR_CRYPTOGO_NOT_EXPORTED when
// called (not at require time, so a partial build still serves what it has).
function fn(name) {
  const f = N[name];
  if (typeof f === 'function') return f;
  return function notExported() {
    const err = new Error(`cryptogo_${name.replace(/_async$/, '')} is not available in this build of libcrypto-go / the cryptogo addon (${N.libraryPath})`);
    err.code = 'ERR_CRYPTOGO_NOT_EXPORTED';
    throw err;
  };
}

module.exports = { N, fn, abi, scratchF64: N.scratchF64, scratchI64: N.scratchI64 };
