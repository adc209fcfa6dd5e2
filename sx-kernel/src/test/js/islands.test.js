// Reactive islands (spec §7) and the DOM renderer against jsdom.
'use strict';
const { test, afterEach } = require('node:test');
const assert = require('node:assert');
const { page, settle, click, closeAll } = require('./dom-harness.js');

afterEach(closeAll);

const DEFS = `
(defisland ~counter (&key initial)
  (let ((n (signal initial)))
    (div (button :class "inc" :on-click (fn (e) (swap! n inc)) "+")
         (span :class "n" (deref n))
         (when (> (deref n) 6) (em "big")))))
(defisland ~temp ()
  (let ((c (signal 0))
        (f (computed (fn () (+ 32 (* 9 (/ (deref c) 5)))))))
    (div (input :class "c" :on-input (fn (e) (reset! c (or (parse-float (event-value e)) 0))))
         (span :class "f" (deref f)))))
(defisland ~cart-badge ()
  (let ((cart (def-store "cart" (fn () (signal 0)))))
    (b :class "badge" (deref cart))))
(defisland ~cart-button ()
  (let ((cart (def-store "cart" (fn () (signal 0)))))
    (button :class "add" :on-click (fn (e) (swap! cart inc)) "add")))
(defisland ~listener (&rest children)
  (let ((last (signal "none")))
    (on-event "pick" (fn (e) (reset! last (get (event-detail e) "name"))))
    (div (p :class "last" (deref last)) children)))
(defisland ~ticker ()
  (let ((n (signal 0)))
    (effect (fn () (deref n) (fn () nil)))
    (button :on-click (fn (e) (swap! n inc)) (deref n))))
`;
const head = `<script type="text/sx" data-components data-hash="h">${DEFS}</script>`;
const counterSsr = '<span id="i" data-sx-island="counter" data-sx-state="{&quot;initial&quot;:5}"><div><button class="inc">+</button><span class="n">5</span></div></span>';

test('a server-rendered island hydrates with its state and reacts to clicks', async () => {
  const p = await page(counterSsr, {}, { head });
  const island = p.document.getElementById('i');
  assert.strictEqual(island.querySelector('.n').textContent, '5');
  assert.strictEqual(p.SX.debug.islands, 1);
  click(p.window, island.querySelector('.inc'));
  assert.strictEqual(island.querySelector('.n').textContent, '6');
  click(p.window, island.querySelector('.inc'));
  assert.strictEqual(island.querySelector('.n').textContent, '7');
  assert.strictEqual(island.querySelector('em').textContent, 'big', 'conditional content appears');
});

test('computed signals: the temperature converter', async () => {
  const p = await page('<span data-sx-island="temp"></span>', {}, { head });
  const input = p.document.querySelector('.c');
  assert.strictEqual(p.document.querySelector('.f').textContent, '32');
  input.value = '100';
  input.dispatchEvent(new p.window.Event('input', { bubbles: true }));
  assert.strictEqual(p.document.querySelector('.f').textContent, '212');
  input.value = '-40';
  input.dispatchEvent(new p.window.Event('input', { bubbles: true }));
  assert.strictEqual(p.document.querySelector('.f').textContent, '-40');
});

test('a store is shared by two islands', async () => {
  const p = await page('<span data-sx-island="cart-badge"></span><span data-sx-island="cart-button"></span>', {}, { head });
  click(p.window, p.document.querySelector('.add'));
  click(p.window, p.document.querySelector('.add'));
  assert.strictEqual(p.document.querySelector('.badge').textContent, '2');
});

test('event bridge: server-rendered data-sx-emit content inside an island reaches on-event', async () => {
  const p = await page('<span data-sx-island="listener"><div><p class="last">none</p></div></span>', {}, { head });
  // server content swapped into the island later carries the emitter
  const host = p.document.querySelector('[data-sx-island=listener] div');
  host.insertAdjacentHTML('beforeend', '<a data-sx-emit="pick" data-sx-emit-detail=\'{"name":"Rose"}\'><i>Rose</i></a>');
  click(p.window, host.querySelector('i'));
  assert.strictEqual(p.document.querySelector('.last').textContent, 'Rose');
});

test('an island swapped out of the page releases its effects and listeners', async () => {
  const p = await page('<div id="t"><span data-sx-island="ticker"></span></div><button id="b" sx-get="/x" sx-target="#t">b</button>',
    { '/x': '(p "gone")' }, { head });
  const d = p.SX.debug;
  assert.strictEqual(d.islands, 1);
  assert.ok(d.effects >= 2 && d.listeners >= 3, JSON.stringify(d));
  click(p.window, p.document.querySelector('[data-sx-island] button'));
  assert.strictEqual(p.document.querySelector('[data-sx-island] button').textContent, '1');
  const baseline = { islands: 0, effects: 0 };
  click(p.window, p.document.getElementById('b'));
  await settle();
  assert.strictEqual(p.document.getElementById('t').textContent, 'gone');
  assert.strictEqual(d.islands, baseline.islands);
  assert.strictEqual(d.effects, baseline.effects);
  // what remains are the engine's own listeners: the trigger on #b, popstate and the emit bridge
  assert.strictEqual(d.listeners, 3, JSON.stringify(d));
});

test('an island removed by other script is disposed too', async () => {
  const p = await page(counterSsr, {}, { head });
  p.document.getElementById('i').remove();
  await settle();
  assert.strictEqual(p.SX.debug.islands, 0);
  assert.strictEqual(p.SX.debug.effects, 0);
});

test('an island in a text/sx response hydrates at once, and again after every swap', async () => {
  const p = await page('<div id="t"></div><button id="b" sx-get="/c" sx-target="#t">b</button><button id="h" sx-get="/h" sx-target="#t">h</button>',
    { '/c': '(~counter :initial 1)', '/h': { headers: { 'Content-Type': 'text/html' }, body: counterSsr } }, { head });
  click(p.window, p.document.getElementById('b'));
  await settle();
  const island = p.document.querySelector('#t [data-sx-island=counter]');
  assert.strictEqual(island.getAttribute('data-sx-state'), '{"initial":1}');
  click(p.window, island.querySelector('.inc'));
  assert.strictEqual(island.querySelector('.n').textContent, '2');
  click(p.window, p.document.getElementById('h'));
  await settle();
  click(p.window, p.document.querySelector('#t .inc'));
  assert.strictEqual(p.document.querySelector('#t .n').textContent, '6');
  assert.strictEqual(p.SX.debug.islands, 1);
});

test('an island survives a morph when its name and state are unchanged', async () => {
  const p = await page(`<div id="t"><h1>v1</h1>${counterSsr}</div><button id="b" sx-get="/m" sx-target="#t" sx-swap="morph">b</button>`,
    { '/m': '(h1 "v2") (~counter :initial 5)' }, { head });
  const island = p.document.getElementById('i');
  click(p.window, island.querySelector('.inc'));
  assert.strictEqual(island.querySelector('.n').textContent, '6');
  click(p.window, p.document.getElementById('b'));
  await settle();
  assert.strictEqual(p.document.querySelector('#t h1').textContent, 'v2');
  assert.strictEqual(p.document.querySelector('#t [data-sx-island]'), island, 'same live node');
  assert.strictEqual(island.querySelector('.n').textContent, '6', 'its state kept');
  assert.strictEqual(p.SX.debug.islands, 1);
});

test('island state that does not parse logs one error and leaves the server content', async () => {
  const p = await page('<span id="i" data-sx-island="counter" data-sx-state="{oops"><b>ssr</b></span><span data-sx-island="nowhere">x</span>', {}, { head });
  assert.strictEqual(p.document.getElementById('i').innerHTML, '<b>ssr</b>');
  assert.strictEqual(p.errors.length, 2, p.errors.join('\n'));
  assert.match(p.errors[0], /island ~counter has data-sx-state that is not valid JSON/);
  assert.match(p.errors[1], /no definition for island ~nowhere/);
});

test('effects: cleanup before re-run and on dispose, disposer, batch', async () => {
  const p = await page('', {});
  const out = p.SX.evalSource(`
    (define log (list))
    (define (note x) (set! log (append log (list x))))
    (define a (signal 1))
    (define b (signal 10))
    (define stop (effect (fn () (note (+ (deref a) (deref b))) (fn () (note "cleanup")))))
    (reset! a 2)
    (batch (fn () (reset! a 3) (reset! b 20)))
    (stop)
    (reset! a 100)
    log`);
  assert.strictEqual(p.SX.serialize(out), '(11 "cleanup" 12 "cleanup" 23 "cleanup")');
  assert.strictEqual(p.SX.debug.effects, 0);
});

test('DOM renderer: SVG in its namespace, attributes, URL sanitizing, handlers as SX lambdas', async () => {
  const p = await page('', {});
  const [svg] = p.SX.renderDom('(svg :viewBox "0 0 10 10" (circle :cx 5 :cy 5 :r 4))');
  assert.strictEqual(svg.namespaceURI, 'http://www.w3.org/2000/svg');
  assert.strictEqual(svg.firstChild.namespaceURI, 'http://www.w3.org/2000/svg');
  assert.strictEqual(svg.getAttribute('viewBox'), '0 0 10 10');
  const [a] = p.SX.renderDom('(a :href "javascript:alert(1)" :onclick "alert(1)" "x")');
  assert.strictEqual(a.outerHTML, '<a href="about:invalid#blocked">x</a>');
  p.SX.evalSource('(define clicked (signal 0))', p.SX.globalEnv);
  const [btn] = p.SX.renderDom('(button :disabled false :on-click (fn (e) (swap! clicked inc)) "b")');
  p.document.body.appendChild(btn);
  assert.strictEqual(btn.hasAttribute('disabled'), false);
  click(p.window, btn);
  assert.strictEqual(p.SX.evalSource('(deref clicked)', p.SX.globalEnv), 1);
});

test('computed chains, dispose and stores', async () => {
  const p = await page('', {});
  const v = (src) => p.SX.serialize(p.SX.evalSource(src, p.SX.globalEnv));
  assert.strictEqual(v(`
    (define a (signal 2))
    (define sq (computed (fn () (* (deref a) (deref a)))))
    (define plus1 (computed (fn () (inc (deref sq)))))
    (reset! a 3)
    (list (deref sq) (deref plus1))`), '(9 10)');
  assert.strictEqual(v('(dispose plus1) (reset! a 4) (list (deref sq) (deref plus1))'), '(16 10)');
  assert.strictEqual(v('(def-store "s" (fn () (signal 1))) (swap! (use-store "s") + 41) (deref (use-store "s"))'), '42');
  assert.strictEqual(v('(get (try-call (fn () (use-store "nope"))) "error")'), '"Unknown store: nope"');
  assert.strictEqual(v('(list (type-of a) (deref 5))'), '("signal" 5)');
});

test('an effect that keeps re-triggering itself is stopped with one error', async () => {
  const p = await page('', {});
  p.SX.evalSource('(define a (signal 0)) (effect (fn () (reset! a (inc (deref a)))))');
  assert.strictEqual(p.errors.length, 1);
  assert.match(p.errors[0], /effects keep re-triggering each other/);
});

test('sx-* elements an island renders are live; server content they load reaches on-event', async () => {
  const p = await page('<span data-sx-island="picker"><p>ssr</p></span>', {
    '/items': '(ul (li (a :data-sx-emit "pick" :data-sx-emit-detail "{\\"name\\":\\"Ash\\"}" "Ash")))',
  }, { head: `<script type="text/sx" data-components>
    (defisland ~picker ()
      (let ((picked (signal "none")))
        (on-event "pick" (fn (e) (reset! picked (get (event-detail e) "name"))))
        (div (p :class "picked" (deref picked)) (div :class "items" :sx-get "/items" :sx-trigger "load"))))
  </script>` });
  await settle();
  click(p.window, p.document.querySelector('.items a'));
  assert.strictEqual(p.document.querySelector('.picked').textContent, 'Ash');
});
