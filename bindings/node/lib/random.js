'use strict';
// random.js - randomBytes from the library's CSPRNG (Go's crypto/rand).
const { fn, int, check } = require('./util');

const rnd = fn('random_bytes');

/** size random bytes as a new Buffer. */
function randomBytes(size) {
  const out = Buffer.allocUnsafe(int(size, 'size', 0, 2 ** 31 - 1));
  check(rnd(out));
  return out;
}

/** Fills a Buffer/TypedArray with random bytes in place and returns it. */
function randomFill(buf) {
  check(rnd(buf));
  return buf;
}

module.exports = { randomBytes, randomFill };
