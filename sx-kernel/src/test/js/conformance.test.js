// Runs every case of the shared conformance corpus that is not `;; only: jvm` against sx.js:
// one source of truth for SX semantics on both hosts.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const SX = require(require('./dom-harness.js').SX_PATH);
const { CORPUS_DIR, caseFiles, parseCases } = require('./corpus.js');

// Cases sx.js cannot meet, each with the reason; a listed case that starts passing fails the run
// so this list never goes stale. Keys: "file.sx: case name".
const KNOWN = require('./known-differences.json');

function run(c) {
  const env = new SX.Env(SX.globalEnv);
  if (c.mode === 'render') return SX.renderHtml(c.source, env);
  return SX.evalPrint(c.source, env);
}

const files = caseFiles();
test('the conformance corpus is present', () => {
  assert.ok(fs.existsSync(CORPUS_DIR), `missing ${CORPUS_DIR}`);
});

for (const file of files) {
  const rel = path.relative(CORPUS_DIR, file);
  test.describe(rel, () => {
    for (const c of parseCases(fs.readFileSync(file, 'utf8'), rel)) {
      const key = `${rel}: ${c.name}`;
      const skip = c.only === 'jvm' ? 'jvm only' : c.mode === 'aser' ? 'aser is server-side' : false;
      test.it(c.name, { skip }, (t) => {
        let actual, err = null;
        try { actual = run(c).replace(/\n$/, ''); } catch (e) { err = e; }
        const check = () => {
          if (c.error !== null) {
            assert.ok(err, `expected an error containing ${JSON.stringify(c.error)}, got output ${JSON.stringify(actual)}`);
            assert.ok(SX.errorText(err).includes(c.error), `error ${JSON.stringify(SX.errorText(err))} does not contain ${JSON.stringify(c.error)}`);
          } else {
            if (err) throw new Error(`${file}:${c.line}: unexpected error: ${SX.errorText(err)}`);
            assert.strictEqual(actual, c.expect.replace(/\n$/, ''), `${file}:${c.line}`);
          }
        };
        if (KNOWN[key]) {
          let passed = true;
          try { check(); } catch (e) { passed = false; }
          if (passed) assert.fail(`${key} is listed in known-differences.json but now passes; remove it`);
          t.skip(`known difference: ${KNOWN[key]}`);
          return;
        }
        check();
      });
    }
  });
}
