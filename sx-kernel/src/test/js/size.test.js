// The size budget of sx.js as served (spec §9: at most 25 KB gzipped), and the committed minified copy
// (npm run minify) staying in step with the plain file.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { minify } = require('terser');

const JS = path.join(__dirname, '..', '..', 'main', 'js');
const BUDGET = 25000;
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

test('sx.js is within the 25 KB gzipped budget, plain and minified', () => {
  const plain = fs.readFileSync(path.join(JS, 'sx.js'));
  const min = fs.readFileSync(path.join(JS, 'sx.min.js'));
  console.log(`sx.js ${plain.length} B raw, ${gz(plain)} B gzipped; sx.min.js ${min.length} B raw, ${gz(min)} B gzipped`);
  assert.ok(gz(plain) <= BUDGET, `sx.js is ${gz(plain)} B gzipped`);
  assert.ok(gz(min) <= BUDGET, `sx.min.js is ${gz(min)} B gzipped`);
});

test('sx.min.js is the current minified sx.js (run npm run minify after editing sx.js)', async () => {
  const fresh = await minify(fs.readFileSync(path.join(JS, 'sx.js'), 'utf8'), { compress: true, mangle: true, format: { comments: false } });
  assert.strictEqual(fs.readFileSync(path.join(JS, 'sx.min.js'), 'utf8'), fresh.code);
});

test('the minified copy passes the same suite as the plain file', () => {
  const { spawnSync } = require('node:child_process');
  const files = ['conformance', 'engine', 'islands'].map((f) => path.join(__dirname, `${f}.test.js`));
  const run = spawnSync(process.execPath, ['--test', ...files], {
    env: { ...process.env, SX_JS: path.join(JS, 'sx.min.js') }, encoding: 'utf8', timeout: 240000,
  });
  const summary = (run.stdout || '').split('\n').filter((l) => /^# (pass|fail)/.test(l)).join(', ');
  assert.strictEqual(run.status, 0, `minified suite failed (${summary}):\n${(run.stdout || '').split('\n').filter((l) => /not ok|error:/.test(l)).join('\n')}`);
});
