'use strict';
// The README's quick start runs as written (with require('cryptogo') pointing here).
const { test } = require('node:test');
const fs = require('fs');
const path = require('path');

async function runFirstJsBlock(md) {
  const m = /```js\n([\s\S]*?)```/.exec(md);
  const code = m[1].replace(/require\('cryptogo'\)/g, `require(${JSON.stringify(path.join(__dirname, '..'))})`);
  const AsyncFunction = (async () => {}).constructor;
  await new AsyncFunction('require', code)(require);
}

test('README quick start runs', async () => {
  await runFirstJsBlock(fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8'));
});

test('top-level README Node quick start runs', async () => {
  const md = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
  await runFirstJsBlock(md.slice(md.indexOf('## Node quick start')));
});
