'use strict';
// errors.js - the one mapping from libcrypto-go status codes to JavaScript
// errors. Every failure reported by the library throws a CryptogoError
// subclass with a stable `code` (the C status name, e.g.
// 'CRYPTOGO_ERR_INVALID_TAG'), the numeric `status`, and `pycaName`, the
// exception pyca/cryptography raises in the same case.
//
// Wrong JavaScript argument types throw a plain TypeError with code
// 'ERR_INVALID_ARG_TYPE' (and out-of-range numbers a RangeError with code
// 'ERR_OUT_OF_RANGE'), as node:crypto does.
const { N, abi } = require('./native');

class CryptogoError extends Error {
  /** status/code default to the subclass's own (e.g. new InvalidToken('...')). */
  constructor(message, status, code) {
    super(message);
    this.status = status === undefined ? new.target.status : status;
    this.code = code === undefined ? new.target.code : code;
  }
}

// status name -> [class name, pyca exception]. A test asserts that every
// status of cryptogo_abi.json has an entry.
const TABLE = {
  CRYPTOGO_ERR_INTERNAL: ['InternalError', 'InternalError'],
  CRYPTOGO_ERR_INVALID_ARGUMENT: ['InvalidArgument', 'ValueError'],
  CRYPTOGO_ERR_TYPE: ['InvalidType', 'TypeError'],
  CRYPTOGO_ERR_BUFFER_TOO_SMALL: ['BufferTooSmall', 'InternalError'],
  CRYPTOGO_ERR_INVALID_HANDLE: ['InvalidHandle', 'ValueError'],
  CRYPTOGO_ERR_INVALID_TOKEN: ['InvalidToken', 'InvalidToken'],
  CRYPTOGO_ERR_INVALID_TAG: ['InvalidTag', 'InvalidTag'],
  CRYPTOGO_ERR_INVALID_SIGNATURE: ['InvalidSignature', 'InvalidSignature'],
  CRYPTOGO_ERR_INVALID_KEY: ['InvalidKey', 'InvalidKey'],
  CRYPTOGO_ERR_ALREADY_FINALIZED: ['AlreadyFinalized', 'AlreadyFinalized'],
  CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM: ['UnsupportedAlgorithm', 'UnsupportedAlgorithm'],
  CRYPTOGO_ERR_DECRYPTION_FAILED: ['DecryptionFailed', 'ValueError'],
  CRYPTOGO_ERR_OVERFLOW: ['InputTooLarge', 'OverflowError'],
  CRYPTOGO_ERR_PASSWORD_REQUIRED: ['PasswordRequired', 'TypeError'],
  CRYPTOGO_ERR_PASSWORD_UNEXPECTED: ['PasswordUnexpected', 'TypeError'],
  CRYPTOGO_ERR_BAD_KEY_DATA: ['BadKeyData', 'ValueError'],
};

const classes = { CryptogoError };
const byStatus = new Map();
for (const [code, status] of Object.entries(abi.status)) {
  if (status === 0) continue;
  const [name, pyca] = TABLE[code] || ['CryptogoError', 'Exception'];
  let cls = classes[name];
  if (!cls) {
    cls = { [name]: class extends CryptogoError {} }[name];
    Object.defineProperty(cls.prototype, 'name', { value: name, configurable: true, writable: true });
    cls.prototype.pycaName = pyca;
    cls.code = code;
    cls.status = status;
    classes[name] = cls;
  }
  byStatus.set(status, { cls, code, message: N.strerror(status) });
}
Object.defineProperty(CryptogoError.prototype, 'name', { value: 'CryptogoError', configurable: true, writable: true });

// errorFor returns the error for a negative status code (never throws itself).
function errorFor(status, detail) {
  const e = byStatus.get(status);
  if (!e) return new CryptogoError(`unknown libcrypto-go status ${status}`, status, 'CRYPTOGO_ERR_UNKNOWN');
  return new e.cls(detail ? `${e.message}: ${detail}` : e.message, status, e.code);
}

// check throws for a negative status and returns it otherwise.
function check(r, detail) {
  if (r < 0) throw errorFor(r, detail);
  return r;
}

function typeError(name, expected, value) {
  const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
  const e = new TypeError(`The "${name}" argument must be ${expected}. Received ${got}`);
  e.code = 'ERR_INVALID_ARG_TYPE';
  return e;
}

function rangeError(name, what) {
  const e = new RangeError(`The "${name}" argument ${what}`);
  e.code = 'ERR_OUT_OF_RANGE';
  return e;
}

module.exports = { ...classes, TABLE, errorFor, check, typeError, rangeError, byStatus };
