'use strict';
// The README's quick start runs as written (with require('cryptogo') pointing here).
const { test } = require('node:test');
const fs = require('fs');
const path = require('path');

test('README quick start runs', async () => {
  const md = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  const m = /```js\n([\s\S]*?)```/.exec(md);
  const code = m[1].replace(/require\('cryptogo'\)/g, `require(${JSON.stringify(path.join(__dirname, '..'))})`);
  const AsyncFunction = (async () => {}).constructor;
  await new AsyncFunction('require', code)(require);
});
