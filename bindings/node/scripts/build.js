#!/usr/bin/env node
'use strict';
// build.js - builds the cryptogo Node-API addon offline (run by `npm install`).
//
//   1. makes sure libcrypto-go.so exists: $CRYPTOGO_LIBRARY if set, else
//      <repo>/build/libcrypto-go.so, built with `make lib` (or `go build`)
//      at the repository root when missing;
//   2. generates build/gen/cryptogo_addon.c from include/cryptogo_abi.json
//      (scripts/gen-addon.js);
//   3. compiles it with the C compiler ($CC, default cc) against Node's own
//      headers (<node prefix>/include/node, or $NODE_INCLUDE_DIR): no header
//      download, no node-gyp.
//
// The addon dlopen()s the library at load time: $CRYPTOGO_LIBRARY, else the
// path of the repository it was built in, else ../../../../build relative to
// the addon, else the linker's search path. So rebuilding the Go library does
// not require rebuilding the addon; only a new export does (run `npm run build`).

const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const here = path.resolve(__dirname, '..');
const root = path.resolve(here, '..', '..');
const quiet = process.argv.includes('--quiet');
const log = (...a) => { if (!quiet) console.log('[cryptogo build]', ...a); };

function run(cmd, args, opts = {}) {
  log([cmd, ...args].join(' '));
  execFileSync(cmd, args, { stdio: 'inherit', ...opts });
}

function ensureLibrary() {
  const env = process.env.CRYPTOGO_LIBRARY;
  if (env && fs.existsSync(env)) return env;
  const lib = path.join(root, 'build', 'libcrypto-go.so');
  if (fs.existsSync(lib) && !env) return lib;
  if (fs.existsSync(path.join(root, 'Makefile'))) {
    run('make', ['lib'], { cwd: root });
  } else {
    // go.mod says go 1.27: the go command fetches that toolchain when the machine's is older.
    const env = { ...process.env, GOTOOLCHAIN: process.env.GOTOOLCHAIN || 'go1.27.3' };
    run('go', ['build', '-buildmode=c-shared', '-trimpath', '-o', lib, './capi'], { cwd: root, env });
  }
  if (env && !fs.existsSync(env)) throw new Error(`CRYPTOGO_LIBRARY=${env} does not exist`);
  return env || lib;
}

function nodeIncludeDir() {
  const cands = [
    process.env.NODE_INCLUDE_DIR,
    path.resolve(path.dirname(process.execPath), '..', 'include', 'node'),
    '/usr/include/node',
    '/usr/local/include/node',
  ].filter(Boolean);
  for (const d of cands) if (fs.existsSync(path.join(d, 'node_api.h'))) return d;
  throw new Error(`Node-API headers (node_api.h) not found in: ${cands.join(', ')}. Set NODE_INCLUDE_DIR.`);
}

function main() {
  const lib = ensureLibrary();
  log('library:', lib);
  const abi = process.env.CRYPTOGO_ABI_JSON || path.join(root, 'include', 'cryptogo_abi.json');
  const gen = path.join(here, 'build', 'gen', 'cryptogo_addon.c');
  run(process.execPath, [path.join(__dirname, 'gen-addon.js'), abi, gen]);
  const out = path.join(here, 'build', 'Release', 'cryptogo.node');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const defaultLib = path.join(root, 'build', 'libcrypto-go.so');
  const cc = process.env.CC || 'cc';
  const tmp = `${out}.tmp-${process.pid}`;
  run(cc, [
    '-O2', '-std=gnu11', '-shared', '-fPIC', '-fvisibility=hidden',
    '-Wall', '-Wextra', '-Wno-unused-parameter', '-Wno-unused-function', '-Wno-missing-field-initializers',
    `-I${nodeIncludeDir()}`, `-I${path.join(root, 'include')}`, `-I${path.join(here, 'src')}`,
    `-DCG_DEFAULT_LIBRARY="${defaultLib}"`,
    '-o', tmp, gen, '-ldl', '-lpthread', '-lm',
  ]);
  fs.renameSync(tmp, out); // atomic: a running process keeps its mapped copy
  log('built', path.relative(process.cwd(), out));
}

try {
  main();
} catch (e) {
  console.error('[cryptogo build] failed:', e.message);
  process.exit(1);
}
