// The sx-* engine (spec §9) against jsdom with a scripted fake server.
'use strict';
const { test, afterEach } = require('node:test');
const assert = require('node:assert');
const { page, settle, tick, click, closeAll } = require('./dom-harness.js');

afterEach(closeAll);

test('sx-get on click swaps the rendered text/sx into the element and sends the SX headers', async () => {
  const p = await page('<button id="b" sx-get="/hello">load</button>',
    { '/hello': { body: '(span :class "x" "Hello " (b "world"))', headers: { 'SX-Components-Hash': 'h2' } } },
    { head: '<script type="text/sx" data-components data-hash="h1">(defcomp ~x () (p "x"))</script>' });
  click(p.window, p.document.getElementById('b'));
  await settle();
  assert.strictEqual(p.document.getElementById('b').innerHTML, '<span class="x">Hello <b>world</b></span>');
  const h = p.requests[0].headers;
  assert.strictEqual(h['SX-Request'], 'true');
  assert.strictEqual(h['SX-Target'], '#b');
  assert.strictEqual(h['SX-Current-URL'], 'http://localhost/');
  assert.strictEqual(h['SX-Components-Hash'], 'h1');
  assert.strictEqual(h['X-CSRF-Token'], undefined);
  click(p.window, p.document.getElementById('b'));
  await settle();
  assert.strictEqual(p.requests[1].headers['SX-Components-Hash'], 'h2', 'hash from the response header is reported next time');
});

test('definitions sent ahead of the content register and render nothing', async () => {
  const p = await page('<div id="t" sx-get="/c" sx-trigger="load"></div>',
    { '/c': '(defcomp ~card (&key title &rest children) (div :class "card" (h2 title) children)) (~card :title "T" (p "body"))' });
  await settle();
  assert.strictEqual(p.document.getElementById('t').innerHTML, '<div class="card"><h2>T</h2><p>body</p></div>');
});

test('sx-post sends form fields urlencoded with the CSRF token from the meta tag', async () => {
  const p = await page('<form id="f" sx-post="/save" sx-target="#out"><input name="title" value="a b"><input type="checkbox" name="c" value="1"><button>go</button></form><div id="out"></div>',
    { 'POST /save': (req) => `(p "saved " ${JSON.stringify(req.body)})` }, { head: '<meta name="csrf-token" content="tok123">' });
  p.document.getElementById('f').dispatchEvent(new p.window.Event('submit', { bubbles: true, cancelable: true }));
  await settle();
  const req = p.requests[0];
  assert.strictEqual(req.method, 'POST');
  assert.strictEqual(req.headers['X-CSRF-Token'], 'tok123');
  assert.strictEqual(req.headers['Content-Type'], 'application/x-www-form-urlencoded');
  assert.strictEqual(req.headers['SX-Target'], '#out');
  assert.strictEqual(p.document.getElementById('out').textContent, 'saved title=a%20b');
});

test('GET parameters go in the query string; sx-vals, sx-headers and sx-include add to the request', async () => {
  const p = await page('<input id="q" name="q" value="rose"><button id="b" sx-get="/s?x=1" sx-include="#q" sx-vals=\'{"page": 2}\' sx-headers="{:X-Extra &quot;yes&quot;}">s</button>',
    { '/s': '(p "ok")' });
  click(p.window, p.document.getElementById('b'));
  await settle();
  const req = p.requests[0];
  assert.strictEqual(req.url, '/s?x=1&q=rose&page=2');
  assert.strictEqual(req.headers['X-Extra'], 'yes');
});

for (const [how, expected] of [
  ['innerHTML', '<div id="w"><div id="t"><i>new</i></div></div>'],
  ['outerHTML', '<div id="w"><i>new</i></div>'],
  ['beforebegin', '<div id="w"><i>new</i><div id="t"><b>old</b></div></div>'],
  ['afterbegin', '<div id="w"><div id="t"><i>new</i><b>old</b></div></div>'],
  ['beforeend', '<div id="w"><div id="t"><b>old</b><i>new</i></div></div>'],
  ['afterend', '<div id="w"><div id="t"><b>old</b></div><i>new</i></div>'],
  ['delete', '<div id="w"></div>'],
  ['none', '<div id="w"><div id="t"><b>old</b></div></div>'],
]) {
  test(`sx-swap=${how}`, async () => {
    const p = await page(`<div id="w"><div id="t"><b>old</b></div></div><button id="b" sx-get="/n" sx-target="#t" sx-swap="${how}">go</button>`,
      { '/n': '(i "new")' });
    click(p.window, p.document.getElementById('b'));
    await settle();
    assert.strictEqual(p.document.getElementById('w').outerHTML, expected);
  });
}

test('sx-select picks part of the response; sx-swap-oob updates other elements by id', async () => {
  const p = await page('<div id="t"></div><span id="count">0</span><ul id="log"><li>a</li></ul><button id="b" sx-get="/r" sx-target="#t" sx-select=".keep">go</button>',
    { '/r': '(div (p :class "keep" "kept") (p "dropped")) (span :id "count" :sx-swap-oob "true" "7") (ul :id "log" :sx-swap-oob "beforeend" (li "b")) (p :id "nowhere" :sx-swap-oob "true" "x")' });
  click(p.window, p.document.getElementById('b'));
  await settle();
  assert.strictEqual(p.document.getElementById('t').innerHTML, '<p class="keep">kept</p>');
  assert.strictEqual(p.document.getElementById('count').textContent, '7');
  assert.strictEqual(p.document.getElementById('log').innerHTML, '<li>a</li><li>b</li>');
  assert.strictEqual(p.document.getElementById('nowhere'), null);
});

test('sx-confirm: declining sends nothing', async () => {
  const p = await page('<button id="b" sx-delete="/x" sx-confirm="Really?">del</button>', { '/x': '' });
  p.window.__confirmAnswer = false;
  click(p.window, p.document.getElementById('b'));
  await settle();
  assert.strictEqual(p.requests.length, 0);
  p.window.__confirmAnswer = true;
  click(p.window, p.document.getElementById('b'));
  await settle();
  assert.strictEqual(p.requests[0].method, 'DELETE');
});

test('events fire in order and sx:beforeRequest can cancel', async () => {
  const p = await page('<button id="b" sx-get="/e">go</button>', { '/e': '(p "x")' });
  const seen = [];
  ['sx:beforeRequest', 'sx:afterRequest', 'sx:beforeSwap', 'sx:afterSwap', 'sx:afterSettle'].forEach((n) =>
    p.document.addEventListener(n, () => seen.push(n)));
  click(p.window, p.document.getElementById('b'));
  await settle(10);
  assert.deepStrictEqual(seen, ['sx:beforeRequest', 'sx:afterRequest', 'sx:beforeSwap', 'sx:afterSwap', 'sx:afterSettle']);
  p.document.addEventListener('sx:beforeRequest', (e) => e.preventDefault());
  click(p.window, p.document.getElementById('b'));
  await settle();
  assert.strictEqual(p.requests.length, 1);
});

test('response headers: SX-Retarget, SX-Reswap, SX-Trigger, SX-Push-Url, SX-Redirect', async () => {
  const p = await page('<div id="a"></div><div id="other"><b>o</b></div><button id="b" sx-get="/h" sx-target="#a">go</button><button id="r" sx-get="/redir">r</button>', {
    '/h': { body: '(i "n")', headers: { 'SX-Retarget': '#other', 'SX-Reswap': 'beforeend', 'SX-Trigger': '{"saved": {"id": 3}}', 'SX-Push-Url': '/pushed' } },
    '/redir': { body: '', headers: { 'SX-Redirect': '#moved' } },
  });
  let detail = null;
  p.document.addEventListener('saved', (e) => { detail = e.detail; });
  click(p.window, p.document.getElementById('b'));
  await settle();
  assert.strictEqual(p.document.getElementById('a').innerHTML, '');
  assert.strictEqual(p.document.getElementById('other').innerHTML, '<b>o</b><i>n</i>');
  assert.strictEqual(detail.id, 3);
  assert.strictEqual(p.window.location.pathname, '/pushed');
  click(p.window, p.document.getElementById('r'));
  await settle();
  assert.strictEqual(p.window.location.hash, '#moved');
});

test('status: 422 is swapped, 500 is not and fires sx:responseError, 204 swaps nothing', async () => {
  const p = await page('<div id="t">old</div><button id="a" sx-post="/v" sx-target="#t">a</button><button id="b" sx-post="/e" sx-target="#t">b</button><button id="c" sx-post="/n" sx-target="#t">c</button>', {
    '/v': { status: 422, body: '(p :class "error" "Title is required")' },
    '/e': { status: 500, body: 'boom' },
    '/n': { status: 204, body: '' },
  });
  let errors = 0;
  p.document.addEventListener('sx:responseError', () => errors++);
  click(p.window, p.document.getElementById('b'));
  await settle();
  assert.strictEqual(p.document.getElementById('t').textContent, 'old');
  assert.strictEqual(errors, 1);
  click(p.window, p.document.getElementById('c'));
  await settle();
  assert.strictEqual(p.document.getElementById('t').textContent, 'old');
  click(p.window, p.document.getElementById('a'));
  await settle();
  assert.strictEqual(p.document.getElementById('t').innerHTML, '<p class="error">Title is required</p>');
});

test('a malformed text/sx response logs one clear error, swaps nothing and leaves the page usable', async () => {
  const p = await page('<div id="t">old</div><button id="b" sx-get="/bad" sx-target="#t">b</button><button id="g" sx-get="/good" sx-target="#t">g</button>',
    { '/bad': '(div "unclosed', '/good': '(p "fine")' });
  let errors = 0;
  p.document.addEventListener('sx:responseError', () => errors++);
  click(p.window, p.document.getElementById('b'));
  await settle();
  assert.strictEqual(p.document.getElementById('t').textContent, 'old');
  assert.strictEqual(errors, 1);
  assert.strictEqual(p.errors.length, 1, p.errors.join('\n'));
  assert.match(p.errors[0], /bad text\/sx response from \/bad: unterminated string at 1:6/);
  click(p.window, p.document.getElementById('g'));
  await settle();
  assert.strictEqual(p.document.getElementById('t').textContent, 'fine');
});

test('a network failure fires sx:sendError', async () => {
  const p = await page('<button id="b" sx-get="/down">b</button>', { '/down': new Error('connection refused') });
  let sendErrors = 0;
  p.document.addEventListener('sx:sendError', () => sendErrors++);
  click(p.window, p.document.getElementById('b'));
  await settle();
  assert.strictEqual(sendErrors, 1);
  assert.strictEqual(p.errors.length, 0);
});

test('triggers: keyup filter, changed and delay debounce an active search', async () => {
  const p = await page('<input id="q" name="q" sx-get="/search" sx-trigger="keyup changed delay:30ms, keyup[key==\'Enter\']" sx-target="#res"><div id="res"></div>',
    { '/search': (req) => `(p "results for " ${JSON.stringify(req.query.get('q'))})` });
  const q = p.document.getElementById('q');
  const key = (k) => q.dispatchEvent(new p.window.KeyboardEvent('keyup', { key: k, bubbles: true }));
  q.value = 'r'; key('r');
  q.value = 'ro'; key('o');
  q.value = 'ros'; key('s');
  key('Shift');   // value unchanged: ignored by "changed"
  await tick(60); await settle();
  assert.strictEqual(p.requests.length, 1, 'three keystrokes within the delay make one request');
  assert.strictEqual(p.document.getElementById('res').textContent, 'results for ros');
  key('Enter');
  await settle();
  assert.strictEqual(p.requests.length, 2);
});

test('triggers: once, load, every and from:', async () => {
  let n = 0;
  const p = await page('<button id="o" sx-get="/o" sx-trigger="click once" sx-swap="none">o</button><div id="l" sx-get="/l" sx-trigger="load"></div><div id="e" sx-get="/e" sx-trigger="every 20ms" sx-swap="none"></div><button id="src">s</button><div id="f" sx-get="/f" sx-trigger="click from:#src" sx-swap="none"></div>',
    { '/o': '', '/l': '(p "loaded")', '/e': () => { n++; return ''; }, '/f': '' });
  const o = p.document.getElementById('o');
  click(p.window, o); click(p.window, o);
  click(p.window, p.document.getElementById('src'));
  await tick(70); await settle();
  assert.strictEqual(p.requests.filter((r) => r.path === '/o').length, 1);
  assert.strictEqual(p.requests.filter((r) => r.path === '/f').length, 1);
  assert.strictEqual(p.document.getElementById('l').textContent, 'loaded');
  assert.ok(n >= 2, `every 20ms polled ${n} times`);
  p.document.getElementById('e').remove();
  await settle();
  const before = n;
  await tick(60);
  assert.strictEqual(n, before, 'polling stops when the element leaves the page');
});

test('sx-indicator and sx-disabled-elt are applied during the request only', async () => {
  const p = await page('<span id="spin"></span><button id="b" sx-get="/slow" sx-indicator="#spin" sx-disabled-elt="this" sx-swap="none">b</button>',
    { '/slow': { body: '', delay: 30 } });
  const b = p.document.getElementById('b');
  click(p.window, b);
  await tick(5);
  assert.ok(p.document.getElementById('spin').classList.contains('sx-request'));
  assert.strictEqual(b.disabled, true);
  await tick(40); await settle();
  assert.ok(!p.document.getElementById('spin').classList.contains('sx-request'));
  assert.strictEqual(b.disabled, false);
});

test('sx-sync drop ignores a second request while one is in flight; default replaces it', async () => {
  const p = await page('<button id="d" sx-get="/slow" sx-sync="drop" sx-target="#t">d</button><button id="r" sx-get="/slow" sx-target="#t">r</button><div id="t"></div>',
    { '/slow': (req) => ({ body: `(p ${JSON.stringify(String(p.requests.length))})`, delay: 20 }) });
  const d = p.document.getElementById('d');
  click(p.window, d); click(p.window, d);
  await tick(40); await settle();
  assert.strictEqual(p.requests.length, 1);
  const r = p.document.getElementById('r');
  click(p.window, r); click(p.window, r);
  await tick(40); await settle();
  assert.strictEqual(p.requests.length, 3);
  assert.strictEqual(p.document.getElementById('t').textContent, '3', 'the replaced request never swaps');
});

test('sx-boost: links inside navigate with the engine and push the URL', async () => {
  const p = await page('<nav sx-boost="true" sx-target="#main"><a id="a" href="/page2">p2</a><a id="ext" href="https://elsewhere.example/">x</a></nav><main id="main">one</main>',
    { '/page2': '(p "two")' });
  click(p.window, p.document.getElementById('a'));
  await settle();
  assert.strictEqual(p.document.getElementById('main').textContent, 'two');
  assert.strictEqual(p.window.location.pathname, '/page2');
  assert.strictEqual(p.requests[0].headers['SX-Request'], 'true');
  assert.strictEqual(p.requests[0].headers['SX-Boosted'], 'true');
});

test('history: back to a pushed URL restores the full page from the server', async () => {
  const p = await page('<div id="t">home</div><button id="b" sx-get="/tab2" sx-target="#t" sx-push-url="true">t</button>', {
    '/tab2': '(p "tab two")',
    '/': { headers: { 'Content-Type': 'text/html' }, body: '<html><head><title>Home</title></head><body><div id="t">home again</div></body></html>' },
  });
  click(p.window, p.document.getElementById('b'));
  await settle();
  assert.strictEqual(p.window.location.pathname, '/tab2');
  p.window.history.back();
  await tick(20); await settle();
  const restore = p.requests[p.requests.length - 1];
  assert.strictEqual(restore.path, '/');
  assert.strictEqual(restore.headers['SX-History-Restore'], 'true');
  assert.strictEqual(restore.headers['SX-Request'], undefined);
  assert.strictEqual(p.document.getElementById('t').textContent, 'home again');
  assert.strictEqual(p.document.title, 'Home');
});

test('sx-preserve keeps the live element across a swap', async () => {
  const p = await page('<div id="t"><video id="v" sx-preserve></video><p>old</p></div><button id="b" sx-get="/p" sx-target="#t">b</button>',
    { '/p': '(video :id "v" :sx-preserve true) (p "new")' });
  const v = p.document.getElementById('v');
  v.dataset.live = 'yes';
  click(p.window, p.document.getElementById('b'));
  await settle();
  assert.strictEqual(p.document.getElementById('v'), v);
  assert.strictEqual(p.document.getElementById('t').lastChild.textContent, 'new');
});

test('morph keeps focus and typed input values and updates the rest', async () => {
  const p = await page('<form id="t"><input id="name" name="name" value=""><p id="msg">old</p></form><button id="b" sx-get="/m" sx-target="#t" sx-swap="morph">b</button>',
    { '/m': '(input :id "name" :name "name" :value "") (p :id "msg" :class "err" "Name is too short")' });
  const input = p.document.getElementById('name');
  input.focus();
  input.value = 'Al';
  click(p.window, p.document.getElementById('b'));
  await settle();
  assert.strictEqual(p.document.getElementById('name'), input, 'same node');
  assert.strictEqual(p.document.activeElement, input);
  assert.strictEqual(input.value, 'Al');
  assert.strictEqual(p.document.getElementById('msg').outerHTML, '<p id="msg" class="err">Name is too short</p>');
});

test('sx-boost: forms inside post with the engine, with the CSRF token', async () => {
  const p = await page('<div sx-boost="true" sx-target="#main"><form id="f" action="/comment" method="post"><input name="text" value="hi"></form></div><main id="main"></main>',
    { 'POST /comment': (req) => `(p "posted " ${JSON.stringify(req.body)})` }, { head: '<meta name="csrf-token" content="t1">' });
  p.document.getElementById('f').dispatchEvent(new p.window.Event('submit', { bubbles: true, cancelable: true }));
  await settle();
  assert.strictEqual(p.document.getElementById('main').textContent, 'posted text=hi');
  assert.strictEqual(p.requests[0].headers['X-CSRF-Token'], 't1');
  assert.strictEqual(p.window.location.pathname, '/', 'a POST does not push a URL');
  assert.strictEqual(p.document.getElementById('f').hasAttribute('sx-target'), false, 'boost leaves the markup alone');
});

test('triggers: inputs default to change; throttle drops events inside the window; revealed fires', async () => {
  const p = await page('<select id="s" name="s" sx-get="/c" sx-swap="none"><option>a</option><option>b</option></select><button id="t" sx-get="/t" sx-trigger="click throttle:50ms" sx-swap="none">t</button><div id="r" sx-get="/r" sx-trigger="revealed"></div>',
    { '/c': '', '/t': '', '/r': '(p "more")' });
  const sel = p.document.getElementById('s');
  sel.value = 'b';
  sel.dispatchEvent(new p.window.Event('change', { bubbles: true }));
  const t = p.document.getElementById('t');
  click(p.window, t); click(p.window, t); click(p.window, t);
  await settle();
  assert.strictEqual(p.requests.filter((r) => r.path === '/c')[0].url, '/c?s=b');
  assert.strictEqual(p.requests.filter((r) => r.path === '/t').length, 1);
  assert.strictEqual(p.document.getElementById('r').textContent, 'more');
});

test('an SX lambda that throws in a handler logs one error; the page keeps working', async () => {
  const p = await page('<div id="t"></div><button id="b" sx-get="/h" sx-target="#t">b</button>',
    { '/h': '(button :id "x" :on-click (fn (e) (error "handler broke")) "x")' });
  click(p.window, p.document.getElementById('b'));
  await settle();
  click(p.window, p.document.getElementById('x'));
  assert.strictEqual(p.errors.length, 1);
  assert.match(p.errors[0], /handler broke/);
  click(p.window, p.document.getElementById('b'));
  await settle();
  assert.strictEqual(p.requests.length, 2);
});

test('a submit button with sx-post inside a form does not also submit the form', async () => {
  const p = await page('<form id="f" action="/plain" method="post"><input name="a" value="1"><button id="b" sx-post="/x" sx-target="#t">go</button></form><div id="t"></div>',
    { 'POST /x': (req) => `(p ${JSON.stringify(req.body)})` });
  let submitted = 0;
  p.document.getElementById('f').addEventListener('submit', () => submitted++);
  const e = new p.window.MouseEvent('click', { bubbles: true, cancelable: true });
  p.document.getElementById('b').dispatchEvent(e);
  await settle();
  assert.strictEqual(e.defaultPrevented, true);
  assert.strictEqual(submitted, 0);
  assert.strictEqual(p.document.getElementById('t').textContent, 'a=1');
});

test('a full HTML page in answer to an engine request swaps its body and sets the title', async () => {
  const p = await page('<nav sx-boost="true"><a id="a" href="/plain">p</a></nav>',
    { '/plain': { headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: '<!doctype html><html><head><title>Plain</title></head><body><p id="x">plain page</p></body></html>' } });
  click(p.window, p.document.getElementById('a'));
  await settle();
  assert.strictEqual(p.document.body.innerHTML, '<p id="x">plain page</p>');
  assert.strictEqual(p.document.title, 'Plain');
});
