// A jsdom page with sx.js loaded and a scripted fake server behind window.fetch.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { JSDOM, VirtualConsole } = require('jsdom');

// SX_JS=target/sx.min.js runs the suite against the minified copy instead of the plain file
const SX_PATH = process.env.SX_JS ? path.resolve(process.env.SX_JS) : path.join(__dirname, '..', '..', 'main', 'js', 'sx.js');
const SX_SOURCE = fs.readFileSync(SX_PATH, 'utf8');

/**
 * page(bodyHtml, routes): routes maps "METHOD /path" (or "/path" for any method) to a handler
 * (req) => ({ status, headers, body }) or to a string body (text/sx, status 200).
 */
const open = new Set();
async function page(body, routes = {}, { head = '', url = 'http://localhost/' } = {}) {
  const errors = [];
  const vc = new VirtualConsole();
  vc.on('error', (...a) => errors.push(a.map(String).join(' ')));
  vc.on('jsdomError', (e) => errors.push('jsdom: ' + e.message));
  const dom = new JSDOM(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`,
    { url, runScripts: 'outside-only', pretendToBeVisual: true, virtualConsole: vc });
  const w = dom.window;
  const requests = [];
  w.confirm = () => w.__confirmAnswer !== false;
  w.fetch = (input, init = {}) => {
    const u = new w.URL(input, w.location.href);
    const req = { method: (init.method || 'GET').toUpperCase(), url: u.pathname + u.search, path: u.pathname,
      query: u.searchParams, headers: init.headers || {}, body: init.body || null };
    requests.push(req);
    const route = routes[`${req.method} ${req.path}`] || routes[req.path];
    if (!route) return Promise.resolve(response(w, { status: 404, body: 'not found' }));
    let r;
    try { r = typeof route === 'function' ? route(req) : route; } catch (e) { return Promise.reject(e); }
    if (r instanceof Error) return Promise.reject(new w.TypeError(r.message));
    return new Promise((resolve, reject) => {
      const answer = () => resolve(response(w, typeof r === 'string' ? { body: r } : r));
      if (init.signal) init.signal.addEventListener('abort', () => { const e = new Error('aborted'); e.name = 'AbortError'; reject(e); });
      if (r && r.delay) setTimeout(answer, r.delay); else setImmediate(answer);
    });
  };
  w.eval(SX_SOURCE);
  open.add(w);
  if (w.document.readyState === 'loading') await new Promise((r) => w.document.addEventListener('DOMContentLoaded', r));
  await tick(0);
  return { window: w, document: w.document, SX: w.SX, requests, errors, dom };
}
// jsdom windows keep timers alive: close every page after each test
function closeAll() { open.forEach((w) => w.close()); open.clear(); }

function response(w, { status = 200, headers = {}, body = '' }) {
  const h = Object.assign({ 'Content-Type': 'text/sx; charset=utf-8' }, headers);
  const lower = {};
  Object.keys(h).forEach((k) => { lower[k.toLowerCase()] = h[k]; });
  return { status, ok: status >= 200 && status < 300, headers: { get: (n) => lower[n.toLowerCase()] ?? null },
    text: () => Promise.resolve(body) };
}

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));
// let fetch promises, swaps and settle timers run
async function settle(ms = 5) { for (let i = 0; i < 5; i++) await tick(0); await tick(ms); }

function click(w, el) { el.dispatchEvent(new w.MouseEvent('click', { bubbles: true, cancelable: true })); }

module.exports = { SX_PATH, page, settle, tick, click, closeAll };
