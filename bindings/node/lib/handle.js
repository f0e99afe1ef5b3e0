'use strict';
// handle.js - base class of every object holding a libcrypto-go handle.
//
// A handle is released deterministically by free() (idempotent) or by
// `using` / Symbol.dispose, and, as a safety net, by a FinalizationRegistry
// when the object is garbage collected. After free(), every method throws
// InvalidHandle (CRYPTOGO_ERR_INVALID_HANDLE): the JS side passes null, and
// the library answers with that status.
const dispose = Symbol.dispose || Symbol.for('nodejs.dispose');

const registry = new FinalizationRegistry((held) => {
  try {
    held.free(held.h);
  } catch {
    // nothing to report to: the owner is gone
  }
});

class Handle {
  constructor(h, freeFn) {
    this._h = h;
    this._free = freeFn;
    registry.register(this, { free: freeFn, h }, this);
  }

  /** Releases the native object (wiping its secrets). Safe to call twice. */
  free() {
    const h = this._h;
    if (h === null) return;
    this._h = null;
    registry.unregister(this);
    this._free(h);
  }

  /** True once free() has run. */
  get freed() {
    return this._h === null;
  }

  [dispose]() {
    this.free();
  }
}

module.exports = { Handle, dispose };
