#!/usr/bin/env node
'use strict';
// leak-rss.js - create/use cycles of every handle kind, released only by the
// FinalizationRegistry (never by free()), then checks that the live-handle
// counter returns to its start and that resident memory stayed flat.
//
//   node scripts/leak-rss.js [--cycles 1000000] [--rss-bound-mib 64] [--only Kind]
//
// Bound: RSS at the end may exceed the highest RSS seen between the warm-up
// (10% of the cycles) and half-way by at most --rss-bound-mib (default 64 MiB):
// both heaps reach a plateau; a leak keeps growing past it. Not part of
// `npm test` (a million cycles per kind takes minutes); issue 7's figure.
const v8 = require('v8');
const vm = require('vm');
const cg = require('..');

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');
const argv = process.argv.slice(2);
const opt = (n, d) => (argv.includes(n) ? Number(argv[argv.indexOf(n) + 1]) : d);
const CYCLES = opt('--cycles', 1000000);
const BOUND = opt('--rss-bound-mib', 64) * 1024 * 1024;
const ONLY = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : '';

const fkey = cg.Fernet.generateKey();
const nonce = Buffer.alloc(12);
const one = Buffer.from('x');
let rsaPem = null;
let xPeer = null; // a fixed X25519 peer (made in main)

const kinds = {
  AESGCM: () => new cg.AESGCM(Buffer.alloc(32)).encrypt(nonce, one),
  ChaCha20Poly1305: () => new cg.ChaCha20Poly1305(Buffer.alloc(32)).encrypt(nonce, one),
  Hash: () => cg.createHash('sha256').update(one).copy().digest(),
  Hmac: () => cg.createHmac('sha256', one).update(one).digest(),
  Fernet: () => new cg.Fernet(fkey).encrypt(one),
  MultiFernet: () => new cg.MultiFernet([new cg.Fernet(fkey)]).encrypt(one),
  RSAPublicKey: () => cg.loadPublicKey(rsaPem).keySize,
  // Curve keys (issue 13; the Node binding has no EC keys yet). Each cycle
  // costs tens of microseconds: CYCLES / 20 of them.
  Ed25519: () => {
    const k = cg.Ed25519PrivateKey.generate();
    return k.publicKey().verify(k.sign(one), one);
  },
  X25519: () => cg.X25519PrivateKey.generate().exchange(xPeer),
};
const DIVISOR = { Ed25519: 20, X25519: 20 };

async function settle(before) {
  const deadline = Date.now() + 30000;
  for (;;) {
    gc();
    await new Promise((r) => setImmediate(r));
    if (cg.liveHandles() <= before || Date.now() > deadline) return cg.liveHandles();
  }
}

async function main() {
  try {
    const k = cg.generateRSAPrivateKey({ keySize: 1024 });
    const pub = k.publicKey();
    rsaPem = pub.export();
    pub.free();
    k.free();
  } catch (e) {
    delete kinds.RSAPublicKey;
  }
  xPeer = cg.X25519PrivateKey.generate().publicKey();
  let failed = false;
  for (const [name, f] of Object.entries(kinds).filter(([n]) => n.includes(ONLY))) {
    const before = await settle(cg.liveHandles());
    const cycles = Math.max(Math.floor(CYCLES / (DIVISOR[name] || 1)), 100);
    const warm = Math.floor(cycles / 10);
    let rss0 = 0;
    let peak = 0;
    const t0 = Date.now();
    for (let i = 0; i < cycles; i++) {
      f();
      if (i % 10000 === 9999 || (cycles < 100000 && i % 1000 === 999)) {
        await new Promise((r) => setImmediate(r)); // let finalizers run
        const rss = process.memoryUsage.rss();
        if (rss > peak) peak = rss;
        // Baseline: the highest RSS between the warm-up and half-way. Both
        // heaps (V8's, and Go's, which holds objects until their handles are
        // finalized) grow to a plateau set by how much garbage is pending; a
        // leak keeps growing past it in the second half.
        if (i >= warm && i < cycles / 2 && rss > rss0) rss0 = rss;
      }
    }
    const live = await settle(before);
    const rss1 = process.memoryUsage.rss();
    const growth = rss1 - (rss0 || rss1);
    const ok = live === before && growth <= BOUND;
    if (!ok) failed = true;
    console.log(`${name}: ${cycles} cycles in ${((Date.now() - t0) / 1000).toFixed(1)} s; live handles ${before} -> ${live}; ` +
      `RSS first-half plateau ${(rss0 / 2 ** 20).toFixed(1)} MiB -> end ${(rss1 / 2 ** 20).toFixed(1)} MiB (peak ${(peak / 2 ** 20).toFixed(1)}, bound +${BOUND / 2 ** 20} MiB) ${ok ? 'ok' : 'FAILED'}`);
  }
  process.exit(failed ? 1 : 0);
}

main();
