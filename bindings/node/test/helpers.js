'use strict';
// Shared test helpers: locating the external vectors exactly like
// tests/vectors/vectors.go (WYCHEPROOF_DIR, FERNET_SPEC_DIR, CRYPTOGO_SHARED,
// ../shared from the repository root; skip loudly when missing, fail under
// CRYPTOGO_REQUIRE_VECTORS=1), the Wycheproof policy file, and pyca's venv.
const fs = require('fs');
const path = require('path');
const assert = require('assert');

const ROOT = path.resolve(__dirname, '..', '..', '..');

function sharedDir() {
  return process.env.CRYPTOGO_SHARED || path.join(ROOT, '..', 'shared');
}

function missing(t, what, looked, how) {
  const msg = `\n*** ${what} NOT FOUND (looked in ${looked.join(', ')}) ***\n*** these tests are SKIPPED: ${how} ***\n`;
  if (process.env.CRYPTOGO_REQUIRE_VECTORS === '1') {
    assert.fail(`${msg}*** CRYPTOGO_REQUIRE_VECTORS=1: failing instead of skipping ***`);
  }
  process.stderr.write(msg);
  t.skip(msg.trim());
  return null;
}

function wycheproofDir(t) {
  const cands = process.env.WYCHEPROOF_DIR
    ? [path.join(process.env.WYCHEPROOF_DIR, 'testvectors_v1'), process.env.WYCHEPROOF_DIR]
    : [path.join(sharedDir(), 'wycheproof')];
  for (const d of cands) {
    try {
      if (fs.readdirSync(d).some((f) => f.endsWith('_test.json'))) return d;
    } catch {
      // not there
    }
  }
  return missing(t, 'Wycheproof vectors', cands,
    'point WYCHEPROOF_DIR at a checkout of https://github.com/C2SP/wycheproof (or CRYPTOGO_SHARED at a folder with wycheproof/)');
}

function fernetSpecDir(t) {
  const d = process.env.FERNET_SPEC_DIR || path.join(sharedDir(), 'fernet-spec');
  if (fs.existsSync(path.join(d, 'generate.json'))) return d;
  return missing(t, 'Fernet spec vectors', [d], 'point FERNET_SPEC_DIR at a checkout of https://github.com/fernet/spec');
}

function loadWycheproof(t, name) {
  const d = wycheproofDir(t);
  if (!d) return null;
  return JSON.parse(fs.readFileSync(path.join(d, name), 'utf8'));
}

let policy;
function loadPolicy() {
  if (!policy) policy = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'wycheproof_policy.json'), 'utf8'));
  return policy;
}

// expect: true when the case must pass, false when it must be rejected; an
// "acceptable" case takes the policy's decision (file override first) and
// fails the test when there is none.
function expect(file, result, flags) {
  if (result === 'valid') return true;
  if (result === 'invalid') return false;
  const p = loadPolicy();
  for (const f of flags || []) {
    const d = p.files && p.files[file] && p.files[file][f];
    if (d) return d === 'valid';
  }
  for (const f of flags || []) {
    const d = p.flags && p.flags[f];
    if (d) return d === 'valid';
  }
  throw new Error(`${file}: acceptable case with flags ${JSON.stringify(flags)} has no decision in tests/wycheproof_policy.json`);
}

// pycaPython: the repository venv's python with pyca installed, or null.
function pycaPython() {
  const cands = [process.env.CRYPTOGO_PYCA_PYTHON, path.join(ROOT, 'build', 'venv', 'bin', 'python')].filter(Boolean);
  for (const p of cands) if (fs.existsSync(p)) return p;
  return null;
}

const hex = (s) => Buffer.from(s, 'hex');

module.exports = { ROOT, wycheproofDir, fernetSpecDir, loadWycheproof, expect, pycaPython, hex };
