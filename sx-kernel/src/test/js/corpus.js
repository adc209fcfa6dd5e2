// Reads the shared conformance case files (format: sx-kernel/CONFORMANCE.md).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const CORPUS_DIR = path.join(__dirname, '..', 'resources', 'conformance');

function caseFiles(dir = CORPUS_DIR) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return caseFiles(p);
    return d.name.endsWith('.sx') ? [p] : [];
  }).sort();
}

function directive(line) {
  const m = /^;;\s*(case|mode|only):\s?(.*)$/.exec(line);
  return m ? { key: m[1], value: m[2].trim() } : null;
}

function parseCases(text, file) {
  const lines = text.split(/\r?\n/);
  let fileMode = 'eval';
  const cases = [];
  let cur = null;
  let state = 'outside';   // outside | header | source | expect
  lines.forEach((line, idx) => {
    const d = directive(line);
    if (d && d.key === 'case') {
      cur = { name: d.value, mode: fileMode, only: null, source: [], expect: null, error: null, line: idx + 1, file };
      cases.push(cur);
      state = 'header';
      return;
    }
    if (!cur) { if (d && d.key === 'mode') fileMode = d.value; return; }
    if (state === 'header' && d) { cur[d.key] = d.value; return; }
    if (state === 'header' || state === 'source') {
      if (line.startsWith(';=>')) { cur.expect = [line.slice(3).replace(/^ /, '')]; state = 'expect'; return; }
      if (line.startsWith(';!!')) { cur.error = line.slice(3).trim(); state = 'done'; return; }
      state = 'source';
      cur.source.push(line);
      return;
    }
    if (state === 'expect' && line.startsWith(';=>')) { cur.expect.push(line.slice(3).replace(/^ /, '')); return; }
    if (state === 'expect') state = 'done';
  });
  return cases.map((c) => ({ ...c, source: c.source.join('\n'), expect: c.expect && c.expect.join('\n') }));
}

module.exports = { CORPUS_DIR, caseFiles, parseCases };
