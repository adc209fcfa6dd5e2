/* sx.js: the SX browser runtime. Reader, evaluator and primitives (the pure subset of the
 * Java kernel), HTML-string and DOM renderers, the sx-* hypermedia engine and reactive islands.
 * One plain script, no build step, no dependencies. Spec: docs/spec/sx-language.md;
 * wire protocol: sx-kernel/PROTOCOL.md. */
(function (root) {
  'use strict';

  // ---------------------------------------------------------------- values
  function Sym(name) { this.name = name; }
  var symtab = Object.create(null);
  function sym(n) { return symtab[n] || (symtab[n] = new Sym(n)); }
  function Kw(name) { this.name = name; }
  function Lambda(params, rest, body, env, name) {
    this.params = params; this.rest = rest; this.body = body; this.env = env; this.name = name;
  }
  function Macro(params, rest, body, env, name) {
    this.params = params; this.rest = rest; this.body = body; this.env = env; this.name = name;
  }
  function Comp(name, keys, rest, body, env, island) {
    this.name = name; this.keys = keys; this.rest = rest; this.body = body; this.env = env; this.island = island;
  }
  function Raw(html) { this.html = html; }
  function Signal(v) { this.v = v; this.subs = new Set(); }
  function Tail(x, env) { this.x = x; this.env = env; }

  function SxError(msg, loc) {
    var e = new Error(msg);
    e.sx = true; e.loc = loc; e.chain = [];
    return e;
  }
  function fail(msg, loc) { throw SxError(msg, loc); }
  // MESSAGE at LINE:COL, then one "  in ~name" line per component being rendered, innermost first
  function errorText(e) {
    return e.message + (e.loc ? ' at ' + e.loc.join(':') : '') + (e.chain || []).map(function (n) { return '\n  in ' + n; }).join('');
  }
  function isFn(x) { return x instanceof Lambda || typeof x === 'function'; }
  function truthy(x) { return x !== false && x !== null && x !== undefined; }

  // ---------------------------------------------------------------- reader
  var DELIM = /[\s()\[\]{}"';`,]/;
  var NUM = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;
  var SYMCH = /^[\p{L}\d+\-*/<>=!?&~._%$:]+$/u;

  function read(src) {
    var i = 0, line = 1, col = 1, n = src.length;
    function adv() { var ch = src[i++]; if (ch === '\n') { line++; col = 1; } else col++; return ch; }
    function skip() {
      for (;;) {
        while (i < n && /\s/.test(src[i])) adv();
        if (src[i] === ';') { while (i < n && src[i] !== '\n') adv(); continue; }
        if (src[i] === '#' && src[i + 1] === ';') { adv(); adv(); skip(); if (i >= n) fail('missing form after #;', [line, col]); form(); continue; }
        return;
      }
    }
    function seq(close, l, c, what) {
      var out = [];
      for (;;) {
        skip();
        if (i >= n) fail('unclosed ' + what, [l, c]);
        if (src[i] === close) { adv(); return out; }
        if (src[i] === ')' || src[i] === ']' || src[i] === '}') fail('unexpected ' + src[i] + ' (expected ' + close + ')', [line, col]);
        out.push(form());
      }
    }
    function form() {
      skip();
      var l = line, c = col, ch = src[i];
      if (i >= n) fail('unexpected end of input', [l, c]);
      if (ch === '(' || ch === '[') {
        adv();
        var lst = seq(ch === '(' ? ')' : ']', l, c, ch);
        lst.loc = [l, c];
        return lst;
      }
      if (ch === '{') {
        adv();
        var items = seq('}', l, c, '{'), d = new Map();
        if (items.length % 2) fail('odd number of forms in dict literal', [l, c]);
        for (var k = 0; k < items.length; k += 2) d.set(dictKey(items[k]), items[k + 1]);
        return d;
      }
      if (ch === ')' || ch === ']' || ch === '}') fail('unexpected ' + ch, [l, c]);
      if (ch === '"') return str(l, c);
      if (ch === "'") return prefixed('quote', "'", l, c, 1);
      if (ch === '`') return prefixed('quasiquote', '`', l, c, 1);
      if (ch === ',') return src[i + 1] === '@' ? prefixed('splice-unquote', ',@', l, c, 2) : prefixed('unquote', ',', l, c, 1);
      var s = i;
      while (i < n && !DELIM.test(src[i])) adv();
      var tok = src.slice(s, i);
      if (NUM.test(tok)) {
        var v = Number(tok);
        if (!isFinite(v) || (/^-?\d+$/.test(tok) && (BigInt(tok) > 9223372036854775807n || BigInt(tok) < -9223372036854775808n)))
          fail('number too large: ' + tok, [l, c]);
        return v;
      }
      if (/^-?\d/.test(tok)) fail('invalid number ' + tok, [l, c]);
      if (tok === 'true') return true;
      if (tok === 'false') return false;
      if (tok === 'nil') return null;
      if (!tok || !SYMCH.test(tok)) fail('unexpected character ' + printable(tok ? Array.from(tok).filter(function (t) { return !SYMCH.test(t); })[0] || tok[0] : ch), [l, c]);
      if (tok === ':') fail('empty keyword', [l, c]);
      if (tok[0] === ':' && tok.length > 1) return new Kw(tok.slice(1));
      return sym(tok);
    }
    function prefixed(name, text, l, c, len) {
      while (len--) adv();
      skip();
      if (i >= n || /[)\]}]/.test(src[i])) fail('missing form after ' + text, [l, c]);
      return [sym(name), form()];
    }
    function str(l, c) {
      adv();
      var out = '';
      for (;;) {
        if (i >= n) fail('unterminated string', [l, c]);
        var ch = adv();
        if (ch === '"') return out;
        if (ch !== '\\') { out += ch; continue; }
        if (i >= n) fail('unterminated string', [l, c]);
        var e = adv();
        if (e === 'n') out += '\n'; else if (e === 't') out += '\t'; else if (e === 'r') out += '\r';
        else if (e === '0') out += '\0'; else if (e === '"' || e === '\\') out += e;
        else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(src.substr(i, 4))) {
          out += String.fromCharCode(parseInt(src.substr(i, 4), 16)); adv(); adv(); adv(); adv();
        } else fail('bad escape \\' + e + ' in string', [l, c]);
      }
    }
    var forms = [];
    for (;;) { skip(); if (i >= n) return forms; forms.push(form()); }
  }
  function printable(ch) {
    return /[\x00-\x1f\x7f-\x9f]/.test(ch) ? 'U+' + ('000' + ch.charCodeAt(0).toString(16).toUpperCase()).slice(-4) : "'" + ch + "'";
  }
  function dictKey(k) {
    if (k instanceof Kw) return k.name;
    if (k instanceof Sym) return k.name;
    return typeof k === 'string' ? k : printed(k);
  }

  // ---------------------------------------------------------------- printer
  function fmtNum(x) {
    if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
    if (Object.is(x, -0)) return '0';
    if (Math.abs(x) >= 1e15 && isFinite(x)) return x.toExponential();
    return String(x);
  }
  function quoteStr(s) {
    return '"' + s.replace(/[\\"\n\t\r\0]/g, function (c) {
      return { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\t': '\\t', '\r': '\\r', '\0': '\\0' }[c];
    }) + '"';
  }
  function serialize(x) {
    if (x === null || x === undefined) return 'nil';
    if (x === true || x === false) return String(x);
    if (typeof x === 'number') return fmtNum(x);
    if (typeof x === 'string') return quoteStr(x);
    if (x instanceof Sym) return x.name;
    if (x instanceof Kw) return ':' + x.name;
    if (Array.isArray(x)) return '(' + x.map(serialize).join(' ') + ')';
    if (x instanceof Map) {
      var parts = [];
      x.forEach(function (v, k) { parts.push((/^[\p{L}\p{N}+\-*/<>=!?&~._%$:]+$/u.test(k) ? ':' + k : quoteStr(k)) + ' ' + serialize(v)); });
      return '{' + parts.join(' ') + '}';
    }
    if (x instanceof Raw) return '(raw! ' + quoteStr(x.html) + ')';
    if (x instanceof Lambda) return '<lambda ' + (x.name || 'lambda') + '>';
    if (x instanceof Macro) return '<macro ' + x.name + '>';
    if (x instanceof Comp) return '<' + (x.island ? 'island ' : 'component ') + x.name + '>';
    if (x instanceof Signal) return '<signal ' + serialize(x.v) + '>';
    if (typeof x === 'function') return '<lambda lambda>';
    return String(x);
  }
  // str: strings as they are, everything else printed
  function printed(x) {
    if (x === null || x === undefined) return '';
    if (typeof x === 'string') return x;
    if (x instanceof Raw) return x.html;
    if (x instanceof Kw) return x.name;
    return serialize(x);
  }

  // ---------------------------------------------------------------- environments
  function Env(parent) { this.v = Object.create(null); this.p = parent; }
  Env.prototype.find = function (name) {
    for (var e = this; e; e = e.p) if (name in e.v) return e;
    return null;
  };
  var UNBOUND = {};
  function lookupName(name, env) {
    var e = env.find(name);
    if (e) return e.v[name];
    if (name in PRIMS) return PRIMS[name];
    return UNBOUND;
  }

  // ---------------------------------------------------------------- equality
  function equal(a, b) {
    if (a === b) return true;
    if (a === null || b === null || a === undefined || b === undefined) return (a == null) && (b == null);
    if (Array.isArray(a)) {
      if (!Array.isArray(b) || a.length !== b.length) return false;
      for (var i = 0; i < a.length; i++) if (!equal(a[i], b[i])) return false;
      return true;
    }
    if (a instanceof Map) {
      if (!(b instanceof Map) || a.size !== b.size) return false;
      var ok = true;
      a.forEach(function (v, k) { if (ok && (!b.has(k) || !equal(v, b.get(k)))) ok = false; });
      return ok;
    }
    if (a instanceof Kw && b instanceof Kw) return a.name === b.name;
    if (a instanceof Raw && b instanceof Raw) return a.html === b.html;
    return false;
  }

  // ---------------------------------------------------------------- evaluator
  var opts = { maxDepth: 100000 };   // pending calls (heap) plus nested evaluations (JS stack)
  var depth = 0;
  var R = { mode: 'eval' };   // render context: mode eval|html|dom, island scope, svg namespace
  var scopes = [];            // provide/context/emit! dynamic scope

  function evalBody(body, env, from) {
    for (var i = from; i < body.length - 1; i++) ev(body[i], env);
    return body.length > from ? new Tail(body[body.length - 1], env) : null;
  }

  // Calls keep their pending arguments on a heap stack (ks), not the JS stack, so non-tail
  // recursion through function arguments is bounded by opts.maxDepth rather than by V8's stack.
  // Special forms still evaluate their parts recursively; a JS stack overflow there becomes
  // "Recursion too deep" too.
  var frames = 0;
  function Frame(x, env, f) { this.x = x; this.env = env; this.f = f; this.args = []; this.i = 1; }
  function ev(x, env) {
    if (++depth > opts.maxDepth) { depth--; fail('Recursion too deep'); }
    var ks = [], v, f, fr, t;
    try {
      for (;;) {
        compute: {
          if (x instanceof Sym) {
            v = lookupName(x.name, env);
            if (v === UNBOUND) fail('Undefined symbol: ' + x.name);
            break compute;
          }
          if (x instanceof Kw) { v = x.name; break compute; }
          if (x instanceof Map) {
            v = new Map();
            x.forEach(function (fv, k) { v.set(k, ev(fv, env)); });
            break compute;
          }
          if (!Array.isArray(x) || x.length === 0) { v = x; break compute; }
          var head = x[0];
          if (head instanceof Sym) {
            var sf = SPECIAL[head.name];
            if (sf) {
              var r = sf(x, env);
              if (r instanceof Tail) { x = r.x; env = r.env; continue; }
              v = r; break compute;
            }
            f = lookupName(head.name, env);
            if (f === UNBOUND) {
              if (head.name[0] === '~') fail('Unknown component: ' + head.name, x.loc);
              if (isTagName(head.name)) { v = renderTag(head.name, x, 1, env); break compute; }
              fail('Undefined symbol: ' + head.name, x.loc);
            }
          } else f = ev(head, env);
          if (f instanceof Macro) { x = expandMacro(f, x); continue; }
          if (f instanceof Comp) { v = callComp(f, x, env); break compute; }
          fr = new Frame(x, env, f);
          if (x.length > 1) {
            if (++frames + depth > opts.maxDepth) fail('Recursion too deep');
            ks.push(fr);
            x = x[1]; continue;
          }
          t = applyFrame(fr);
          if (t instanceof Tail) { x = t.x; env = t.env; continue; }
          v = t;
        }
        // deliver v to the innermost call still collecting arguments
        for (;;) {
          if (!ks.length) return v;
          fr = ks[ks.length - 1];
          fr.args.push(v);
          if (++fr.i < fr.x.length) { x = fr.x[fr.i]; env = fr.env; break; }
          ks.pop(); frames--;
          t = applyFrame(fr);
          if (t instanceof Tail) { x = t.x; env = t.env; break; }
          v = t;
        }
      }
    } catch (e) {
      if (e instanceof RangeError && !e.sx) e = SxError('Recursion too deep');
      if (e.sx && !e.loc) {   // the innermost form with a position
        var form = Array.isArray(x) && x.loc ? x : ks.length ? ks[ks.length - 1].x : null;
        if (form && form.loc) e.loc = form.loc;
      }
      throw e;
    } finally { depth--; frames -= ks.length; }
  }
  // a call whose arguments are all evaluated: a lambda continues as a tail, anything else returns
  function applyFrame(fr) {
    var f = fr.f;
    if (f instanceof Lambda) {
      var env;
      try { env = bindArgs(f, fr.args); } catch (e) { e.loc = fr.x.loc; throw e; }
      return evalBody(f.body, env, 0) || null;
    }
    if (typeof f === 'function') {
      try { return f.apply(null, fr.args); } catch (e) { if (!e.loc && fr.x.loc) e.loc = fr.x.loc; throw e; }
    }
    fail('Not callable: ' + serialize(f), fr.x.loc);
  }

  function bindArgs(f, args) {
    var n = f.params.length;
    if (f.rest ? args.length < n : args.length !== n)
      fail((f.name || 'lambda') + ' expects ' + n + ' args, got ' + args.length);
    var env = new Env(f.env);
    for (var i = 0; i < n; i++) env.v[f.params[i]] = args[i];
    if (f.rest) env.v[f.rest] = args.slice(n);
    return env;
  }

  function apply(f, args) {
    if (typeof f === 'function') return f.apply(null, args);
    if (f instanceof Lambda) {
      var env = bindArgs(f, args), t = evalBody(f.body, env, 0);
      return t ? ev(t.x, t.env) : null;
    }
    fail('Not callable: ' + serialize(f));
  }

  function parseParams(list, what) {
    if (!Array.isArray(list)) fail('Parameter list expected');
    var params = [], rest = null, keys = null, mode = 'pos';
    list.forEach(function (p) {
      var name = p instanceof Sym ? p.name : (p instanceof Kw ? p.name : null);
      if (name === '&rest' || name === '&body') { mode = 'rest'; return; }
      if (name === '&key') { mode = 'key'; keys = keys || []; return; }
      if (name === null) fail(what + ': bad parameter ' + serialize(p));
      if (mode === 'rest') rest = name;
      else if (mode === 'key') keys.push(name);
      else params.push(name);
    });
    return { params: params, rest: rest, keys: keys };
  }

  function expandMacro(m, x) {
    var env = bindArgs(m, x.slice(1)), t = evalBody(m.body, env, 0);
    return t ? ev(t.x, t.env) : null;
  }

  // component call: keyword args and children evaluated at the call site, then the body
  function compArgs(c, x, env, from) {
    var kw = new Map(), children = [];
    for (var i = from; i < x.length; i++) {
      if (x[i] instanceof Kw && i + 1 < x.length) {
        if (c.keys.indexOf(x[i].name) < 0)
          fail(c.name + ' has no parameter :' + x[i].name, x.loc);
        kw.set(x[i].name, ev(x[i + 1], env)); i++;
      } else children.push(ev(x[i], env));
    }
    return { kw: kw, children: children };
  }
  function compEnv(c, a) {
    var env = new Env(c.env);
    c.keys.forEach(function (k) { env.v[k] = a.kw.has(k) ? a.kw.get(k) : null; });
    if (c.rest) env.v[c.rest] = a.children;
    return env;
  }
  function runComp(c, a) {
    try {
      var env = compEnv(c, a), t = evalBody(c.body, env, 0);
      return t ? ev(t.x, t.env) : null;
    } catch (e) { if (e.chain) e.chain.push(c.name); throw e; }
  }
  function callComp(c, x, env) {
    var a = compArgs(c, x, env, 1);
    if (c.island) return R.mode === 'dom' ? domIsland(c, a.kw) : htmlIsland(c, a);
    return runComp(c, a);
  }

  // ---------------------------------------------------------------- special forms
  var SPECIAL = Object.create(null);
  var PRIMS = Object.create(null);
  // minimum number of forms after the head, so a malformed form fails clearly
  var SHAPE = { quote: 1, if: 2, when: 1, unless: 1, let: 1, letrec: 1, define: 1, fn: 1, lambda: 1, 'set!': 2,
    defmacro: 2, defcomp: 2, defisland: 2, defstyle: 2, case: 1, provide: 2, context: 1, 'emit!': 2, emitted: 1, 'try-call': 1, el: 1 };
  function special(names, fn) {
    names.split(' ').forEach(function (n) {
      SPECIAL[n] = n in SHAPE ? function (x, env) {
        if (x.length - 1 < SHAPE[n]) fail('Bad ' + n + ': expected at least ' + SHAPE[n] + ' forms', x.loc);
        return fn(x, env);
      } : fn;
    });
  }
  function nameOf(x, what) { if (!(x instanceof Sym)) fail(what + ': name expected'); return x.name; }

  special('quote', function (x) { return x[1] === undefined ? null : x[1]; });
  special('if', function (x, env) {
    if (truthy(ev(x[1], env))) return new Tail(x[2], env);
    return x.length > 3 ? new Tail(x[3], env) : null;
  });
  special('when', function (x, env) { return truthy(ev(x[1], env)) ? evalBody(x, env, 2) : null; });
  special('unless', function (x, env) { return truthy(ev(x[1], env)) ? null : evalBody(x, env, 2); });
  function isElse(t) { return (t instanceof Sym && t.name === 'else') || (t instanceof Kw && t.name === 'else'); }
  special('cond', function (x, env) {
    var c1 = x[1];
    var scheme = Array.isArray(c1) && (Array.isArray(c1[0]) || isElse(c1[0]));
    if (scheme) {
      for (var i = 1; i < x.length; i++) {
        var cl = x[i];
        if (isElse(cl[0]) || truthy(ev(cl[0], env))) return cl.length > 1 ? evalBody(cl, env, 1) : null;
      }
      return null;
    }
    for (var j = 1; j + 1 < x.length; j += 2)
      if (isElse(x[j]) || truthy(ev(x[j], env))) return new Tail(x[j + 1], env);
    return null;
  });
  function caseKey(k) { return k instanceof Kw ? k.name : k; }
  special('case', function (x, env) {
    var v = ev(x[1], env);
    for (var i = 2; i + 1 < x.length; i += 2) {
      var k = x[i];
      if (isElse(k)) return new Tail(x[i + 1], env);
      var alts = Array.isArray(k) ? k : [k];
      for (var j = 0; j < alts.length; j++) if (equal(caseKey(alts[j]), v)) return new Tail(x[i + 1], env);
    }
    return null;
  });
  special('and', function (x, env) {
    if (x.length === 1) return true;
    for (var i = 1; i < x.length - 1; i++) { var v = ev(x[i], env); if (!truthy(v)) return v; }
    return new Tail(x[x.length - 1], env);
  });
  special('or', function (x, env) {
    if (x.length === 1) return null;
    for (var i = 1; i < x.length - 1; i++) { var v = ev(x[i], env); if (truthy(v)) return v; }
    return new Tail(x[x.length - 1], env);
  });
  function bindingPairs(b) {
    if (!Array.isArray(b)) fail('let: binding list expected');
    if (b.length && Array.isArray(b[0])) return b.map(function (p) { return [p[0], p[1]]; });
    var out = [];
    for (var i = 0; i < b.length; i += 2) out.push([b[i], b[i + 1]]);
    return out;
  }
  special('let', function (x, env) {
    if (x[1] instanceof Sym) {   // named let
      var pairs = bindingPairs(x[2]), loopEnv = new Env(env);
      var f = new Lambda(pairs.map(function (p) { return nameOf(p[0], 'let'); }), null, x.slice(3), loopEnv, x[1].name);
      loopEnv.v[x[1].name] = f;
      var args = pairs.map(function (p) { return ev(p[1], env); });
      return evalBody(f.body, bindArgs(f, args), 0);
    }
    // sequential let as nested one-parameter calls, built once per form: a deep recursion in an
    // init expression then waits on the heap stack like any other call argument
    if (!x.asCalls) {
      var pairs = bindingPairs(x[1]), body = [sym('do')].concat(x.slice(2));
      for (var i = pairs.length - 1; i >= 0; i--) {
        body = [[sym('fn'), [sym(nameOf(pairs[i][0], 'let'))], body], pairs[i][1]];
        body.loc = x.loc;
      }
      x.asCalls = body;
    }
    return new Tail(x.asCalls, env);
  });
  special('letrec', function (x, env) {
    var e = new Env(env), pairs = bindingPairs(x[1]);
    pairs.forEach(function (p) { e.v[nameOf(p[0], 'letrec')] = null; });
    pairs.forEach(function (p) { e.v[p[0].name] = ev(p[1], e); });
    return evalBody(x, e, 2);
  });
  function makeFn(x, i, env, name) {
    var p = parseParams(x[i], 'fn');
    return new Lambda(p.params, p.rest, x.slice(i + 1), env, name);
  }
  special('define', function (x, env) {
    if (Array.isArray(x[1])) {
      var name = nameOf(x[1][0], 'define');
      var p = parseParams(x[1].slice(1), 'define');
      env.v[name] = new Lambda(p.params, p.rest, x.slice(2), env, name);
    } else {
      var v = ev(x[2], env);
      if (v instanceof Lambda && !v.name) v.name = x[1].name;
      env.v[nameOf(x[1], 'define')] = v;
    }
    return null;
  });
  special('fn lambda', function (x, env) {
    if (x[1] instanceof Sym) {
      var e = new Env(env), f = makeFn(x, 2, e, x[1].name);
      e.v[x[1].name] = f;
      return f;
    }
    return makeFn(x, 1, env, null);
  });
  special('do begin', function (x, env) { return evalBody(x, env, 1); });
  special('set!', function (x, env) {
    var name = nameOf(x[1], 'set!'), e = env.find(name);
    if (!e) fail('set! of undefined symbol: ' + name, x.loc);
    e.v[name] = ev(x[2], env);
    return null;
  });
  function qq(x, env, lvl) {
    if (x instanceof Map) {
      var d = new Map();
      x.forEach(function (v, k) { d.set(k, qq(v, env, lvl)); });
      return d;
    }
    if (!Array.isArray(x) || !x.length) return x;
    var h = x[0] instanceof Sym ? x[0].name : null;
    if (h === 'unquote') return lvl === 1 ? ev(x[1], env) : [x[0], qq(x[1], env, lvl - 1)];
    if (h === 'quasiquote') return [x[0], qq(x[1], env, lvl + 1)];
    var out = [];
    x.forEach(function (item) {
      if (Array.isArray(item) && item[0] instanceof Sym && item[0].name === 'splice-unquote' && lvl === 1) {
        var v = ev(item[1], env);
        if (v !== null) out.push.apply(out, Array.isArray(v) ? v : [v]);
      } else out.push(qq(item, env, lvl));
    });
    return out;
  }
  special('quasiquote', function (x, env) { return qq(x[1], env, 1); });
  special('unquote splice-unquote', function (x) { fail(x[0].name + ' outside quasiquote', x.loc); });
  special('defmacro', function (x, env) {
    var p = parseParams(x[2], 'defmacro'), name = nameOf(x[1], 'defmacro');
    env.v[name] = new Macro(p.params, p.rest, x.slice(3), env, name);
    return null;
  });
  function defcomp(island) {
    return function (x, env) {
      var name = nameOf(x[1], 'defcomp'), p = parseParams(x[2], name);
      env.v[name] = new Comp(name, (p.keys || []).concat(p.params), p.rest, x.slice(3), env, island);
      return null;
    };
  }
  special('defcomp', defcomp(false));
  special('defisland', defcomp(true));
  special('defstyle', function (x, env) { env.v[nameOf(x[1], 'defstyle')] = ev(x[2], env); return null; });
  special('defpage defhandler', function () { return null; });   // routes are served by the server
  special('->', function (x, env) {
    var acc = x[1];
    for (var i = 2; i < x.length; i++) {
      var f = x[i];
      acc = Array.isArray(f) ? [f[0], acc].concat(f.slice(1)) : [f, acc];
    }
    return new Tail(acc, env);
  });
  special('provide', function (x, env) {
    var scope = { name: ev(x[1], env), value: ev(x[2], env), emitted: [] };
    scopes.push(scope);
    try { var t = evalBody(x, env, 3); return t ? ev(t.x, t.env) : null; } finally { scopes.pop(); }
  });
  function findScope(name) {
    for (var i = scopes.length - 1; i >= 0; i--) if (scopes[i].name === name) return scopes[i];
    return null;
  }
  special('context', function (x, env) {
    var name = ev(x[1], env), s = findScope(name);
    if (s) return s.value;
    if (x.length > 2) return ev(x[2], env);
    fail('No provider for context ' + name, x.loc);
  });
  special('emit!', function (x, env) {
    var name = ev(x[1], env), s = findScope(name);
    if (!s) fail('emit! ' + name + ' has no enclosing provide', x.loc);
    s.emitted.push(ev(x[2], env));
    return null;
  });
  special('emitted', function (x, env) {
    var s = findScope(ev(x[1], env));
    return s ? s.emitted.slice() : [];
  });
  special('try-call', function (x, env) {
    var thunk = ev(x[1], env), d = new Map(), saved = scopes.length, savedR = R;
    try { var v = apply(thunk, []); d.set('ok', true); d.set('value', v); } catch (e) {
      scopes.length = saved; R = savedR;
      d.set('ok', false); d.set('error', e.message);
    }
    return d;
  });
  special('el', function (x, env) { return renderTag(String(ev(x[1], env)), x, 2, env); });
  special('<>', function (x, env) {
    var out = [];
    for (var i = 1; i < x.length; i++) out.push(ev(x[i], env));
    return R.mode === 'dom' ? toNodes(out) : new Raw(childrenHtml(out));
  });
  // higher-order forms: function first; map and for-each render their results in render contexts
  function seqOf(c) {
    if (c === null || c === undefined) return [];
    if (Array.isArray(c)) return c;
    if (typeof c === 'string') return Array.from(c);
    if (c instanceof Map) return Array.from(c, function (e) { return [e[0], e[1]]; });
    fail(curPrim + ' expects a list, got ' + serialize(c));
  }
  // higher-order forms are special forms for dispatch and also values (e.g. passed to apply)
  function hof(name, fn) {
    PRIMS[name] = fn;
    return function (x, env) {
      var args = [];
      for (var i = 1; i < x.length; i++) args.push(ev(x[i], env));
      curPrim = name;
      return fn.apply(null, args);
    };
  }
  special('map', hof('map', function (f, c) { return seqOf(c).map(function (v) { return apply(f, [v]); }); }));
  special('map-indexed', hof('map-indexed', function (f, c) { return seqOf(c).map(function (v, i) { return apply(f, [i, v]); }); }));
  special('filter', hof('filter', function (f, c) { return seqOf(c).filter(function (v) { return truthy(apply(f, [v])); }); }));
  special('reduce', hof('reduce', function (f, init, c) { return seqOf(c).reduce(function (a, v) { return apply(f, [a, v]); }, init); }));
  special('some', hof('some', function (f, c) {
    var s = seqOf(c);
    for (var i = 0; i < s.length; i++) { var r = apply(f, [s[i]]); if (truthy(r)) return r; }
    return null;
  }));
  special('every?', hof('every?', function (f, c) { return seqOf(c).every(function (v) { return truthy(apply(f, [v])); }); }));
  special('for-each', hof('for-each', function (f, c) {
    var out = seqOf(c).map(function (v) { return apply(f, [v]); });
    return R.mode === 'eval' ? null : out;
  }));

  // ---------------------------------------------------------------- primitives
  // fixed-arity primitives check their argument count; OPTIONAL lists those with optional trailing args
  var OPTIONAL = { round: 1, split: 1, get: 2, substring: 2, slice: 2, range: 1, pluralize: 2, 'format-decimal': 1,
    assert: 1, gensym: 0, signal: 0, 'sx-parse': 1 };
  function prim(names, fn) {
    var variadic = /\barguments\b/.test(String(fn));
    names.split(' ').forEach(function (n) {
      PRIMS[n] = checked(n, fn, variadic ? 0 : n in OPTIONAL ? OPTIONAL[n] : fn.length, variadic ? Infinity : fn.length);
    });
  }
  var curPrim = 'argument';   // the primitive being applied, named in type errors
  function checked(name, fn, min, max) {
    return function () {
      var n = arguments.length;
      if (n < min || n > max) fail(name + ' expects ' + (min === max ? min : min + ' to ' + max) + ' args, got ' + n);
      curPrim = name;
      return fn.apply(null, arguments);
    };
  }
  function num(x, who) { if (typeof x !== 'number') fail(who + ' expects a number, got ' + serialize(x)); return x; }
  function int(r, a, b) {
    // the JVM kernel's integers are 64-bit; JS numbers are exact to 2^53 and overflow where longs do
    if (Number.isInteger(a) && Number.isInteger(b) && Math.abs(r) >= 9223372036854775808) fail('Integer overflow');
    return r;
  }
  prim('+', function () { var s = 0; for (var i = 0; i < arguments.length; i++) s = int(s + num(arguments[i], '+'), s, arguments[i]); return s; });
  prim('*', function () { var s = 1; for (var i = 0; i < arguments.length; i++) s = int(s * num(arguments[i], '*'), s, arguments[i]); return s; });
  prim('-', function (a) {
    if (arguments.length === 1) return -num(a, '-');
    var s = num(a, '-');
    for (var i = 1; i < arguments.length; i++) s = int(s - num(arguments[i], '-'), s, arguments[i]);
    return s;
  });
  prim('/', function (a) {
    if (arguments.length === 1) { if (num(a, '/') === 0) fail('Division by zero'); return 1 / a; }
    var s = num(a, '/');
    for (var i = 1; i < arguments.length; i++) {
      if (num(arguments[i], '/') === 0) fail('Division by zero');
      s = s / arguments[i];
    }
    return s;
  });
  prim('mod', function (a, b) {
    if (num(b, 'mod') === 0) fail('Division by zero');
    var r = num(a, 'mod') % b;
    return r !== 0 && (r < 0) !== (b < 0) ? r + b : r;
  });
  function roundHalfAway(x) { return x < 0 ? -Math.round(-x) : Math.round(x); }
  prim('floor', function (x) { return Math.floor(num(x, 'floor')); });
  prim('ceil', function (x) { return Math.ceil(num(x, 'ceil')); });
  prim('round', function (x, d) {
    if (!d) return roundHalfAway(num(x, 'round'));
    return Number(formatDecimal(x, d));
  });
  prim('abs', function (x) { return Math.abs(num(x, 'abs')); });
  prim('min', function () { return Math.min.apply(null, flatArgs(arguments)); });
  prim('max', function () { return Math.max.apply(null, flatArgs(arguments)); });
  function flatArgs(a) { var l = Array.from(a); return l.length === 1 && Array.isArray(l[0]) ? l[0] : l; }
  prim('pow', function (a, b) { return int(Math.pow(num(a, 'pow'), num(b, 'pow')), a, b); });
  prim('sqrt', function (x) { return Math.sqrt(num(x, 'sqrt')); });
  prim('clamp', function (x, lo, hi) { return Math.max(lo, Math.min(hi, x)); });
  prim('inc', function (x) { return int(num(x, 'inc') + 1, x, 1); });
  prim('dec', function (x) { return int(num(x, 'dec') - 1, x, 1); });
  function chain(test) {
    return function () {
      for (var i = 0; i + 1 < arguments.length; i++) if (!test(arguments[i], arguments[i + 1])) return false;
      return true;
    };
  }
  function cmp(a, b) {
    if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
    if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
    fail(curPrim + ' expects two numbers or two strings, got ' + serialize(a) + ' and ' + serialize(b));
  }
  prim('=', chain(equal));
  prim('!=', function (a, b) { return !equal(a, b); });
  prim('eq?', function (a, b) { return a === b || (a instanceof Kw && b instanceof Kw && a.name === b.name); });
  prim('<', chain(function (a, b) { return cmp(a, b) < 0; }));
  prim('>', chain(function (a, b) { return cmp(a, b) > 0; }));
  prim('<=', chain(function (a, b) { return cmp(a, b) <= 0; }));
  prim('>=', chain(function (a, b) { return cmp(a, b) >= 0; }));
  prim('not', function (x) { return !truthy(x); });
  prim('odd?', function (x) { return Math.abs(num(x, 'odd?') % 2) === 1; });
  prim('even?', function (x) { return num(x, 'even?') % 2 === 0; });
  prim('zero?', function (x) { return x === 0; });

  function typeOf(x) {
    if (x === null || x === undefined) return 'nil';
    if (typeof x === 'number' || typeof x === 'string' || typeof x === 'boolean') return typeof x;
    if (x instanceof Sym) return 'symbol';
    if (x instanceof Kw) return 'keyword';
    if (Array.isArray(x)) return 'list';
    if (x instanceof Map) return 'dict';
    if (x instanceof Lambda || typeof x === 'function') return 'lambda';
    if (x instanceof Macro) return 'macro';
    if (x instanceof Comp) return x.island ? 'island' : 'component';
    if (x instanceof Signal) return 'signal';
    if (x instanceof Raw) return 'raw-html';
    return 'host';
  }
  prim('type-of', typeOf);
  [['nil?', 'nil'], ['boolean?', 'boolean'], ['number?', 'number'], ['string?', 'string'], ['symbol?', 'symbol'],
    ['keyword?', 'keyword'], ['list?', 'list'], ['dict?', 'dict'], ['signal?', 'signal']].forEach(function (p) {
    prim(p[0], function (x) { return typeOf(x) === p[1]; });
  });
  prim('fn?', isFn);
  prim('empty?', function (x) {
    return x === null || x === undefined || x === '' || (Array.isArray(x) && !x.length) || (x instanceof Map && !x.size);
  });

  function s(x, who) { if (typeof x !== 'string') fail(who + ' expects a string, got ' + serialize(x)); return x; }
  prim('str', function () { return Array.from(arguments).map(printed).join(''); });
  prim('upper', function (x) { return s(x, 'upper').toUpperCase(); });
  prim('lower', function (x) { return s(x, 'lower').toLowerCase(); });
  prim('trim', function (x) { return s(x, 'trim').trim(); });
  prim('split', function (x, sep) { return s(x, 'split').split(sep === undefined ? ' ' : sep); });
  prim('join', function (sep, l) { return seqOf(l).map(printed).join(sep); });
  prim('replace', function (x, a, b) { return s(x, 'replace').split(a).join(b); });
  prim('starts-with?', function (x, p) { return s(x, 'starts-with?').startsWith(p); });
  prim('ends-with?', function (x, p) { return s(x, 'ends-with?').endsWith(p); });
  prim('string-contains?', function (x, p) { return s(x, 'string-contains?').indexOf(p) >= 0; });
  function bound(i, n) { i = i < 0 ? n + i : i; return Math.max(0, Math.min(n, i)); }
  prim('substring', function (x, a, b) {
    s(x, 'substring');
    return x.slice(bound(a, x.length), b === undefined || b === null ? x.length : bound(b, x.length));
  });
  prim('slice', function (c, a, b) {
    if (c === null) return [];
    var n = c.length;
    return c.slice(bound(a, n), b === undefined || b === null ? n : bound(b, n));
  });
  prim('index-of', function (c, v) {
    if (typeof c === 'string') return c.indexOf(v);
    var l = seqOf(c);
    for (var i = 0; i < l.length; i++) if (equal(l[i], v)) return i;
    return -1;
  });
  prim('len', function (c) {
    if (c === null || c === undefined) return 0;
    if (c instanceof Map) return c.size;
    if (typeof c === 'string' || Array.isArray(c)) return c.length;
    fail('len: expected a collection, got ' + serialize(c));
  });
  prim('pluralize', function (n, one, many) { return n === 1 ? one : (many === undefined || many === null ? one + 's' : many); });
  function escapeHtml(x) { return String(x).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }
  function escapeText(x) { return String(x).replace(/[&<>]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;' }[c]; }); }
  prim('escape', function (x) { return escapeHtml(printed(x)); });
  prim('strip-tags', function (x) { return s(x, 'strip-tags').replace(/<[^>]*>/g, ''); });
  prim('parse-int', function (x) {
    if (typeof x === 'number') return Math.trunc(x);
    var m = /^\s*([-+]?\d+)/.exec(s(x, 'parse-int')); return m ? parseInt(m[1], 10) : null;
  });
  prim('parse-float', function (x) {
    if (typeof x === 'number') return x;
    var m = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(s(x, 'parse-float')); return m ? parseFloat(m[0]) : null;
  });
  // toFixed rounds the exact binary value half away from zero, as Java's BigDecimal HALF_UP does
  function formatDecimal(x, places) {
    var out = num(x, 'format-decimal').toFixed(Math.max(0, Math.min(100, places)));
    return /^-0(\.0*)?$/.test(out) ? out.slice(1) : out;
  }
  prim('format-decimal', function (x, p) { return formatDecimal(x, p === undefined ? 2 : p); });
  prim('format-date', function (iso, pattern) {
    var m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(s(iso, 'format-date'));
    if (!m) fail('format-date: not an ISO-8601 date: ' + iso);
    var parts = { yyyy: m[1], MM: m[2], dd: m[3], HH: m[4] || '00', mm: m[5] || '00', ss: m[6] || '00' };
    return pattern.replace(/yyyy|MM|dd|HH|mm|ss/g, function (t) { return parts[t]; });
  });

  prim('list', function () { return Array.from(arguments); });
  prim('first', function (c) { var l = seqOf(c); return l.length ? l[0] : null; });
  prim('last', function (c) { var l = seqOf(c); return l.length ? l[l.length - 1] : null; });
  prim('rest', function (c) { return seqOf(c).slice(1); });
  prim('nth', function (c, i) {
    if (!Number.isInteger(i)) fail('nth expects an integer, got ' + serialize(i));
    if (typeof c === 'string') return i >= 0 && i < c.length ? c[i] : null;
    var l = seqOf(c); return i >= 0 && i < l.length ? l[i] : null;
  });
  prim('cons', function (x, l) { return [x].concat(seqOf(l)); });
  prim('append concat', function () {
    var out = [];
    Array.from(arguments).forEach(function (a) { if (Array.isArray(a)) out.push.apply(out, a); else if (a !== null) out.push(a); });
    return out;
  });
  prim('reverse', function (c) { return typeof c === 'string' ? Array.from(c).reverse().join('') : seqOf(c).slice().reverse(); });
  function flatten(l, out) { l.forEach(function (x) { if (Array.isArray(x)) flatten(x, out); else out.push(x); }); return out; }
  prim('flatten', function (l) { return flatten(seqOf(l), []); });
  prim('range', function (a, b, step) {
    if (b === undefined) { b = a; a = 0; }
    step = step === undefined ? 1 : step;
    if (step === 0) fail('range step must not be zero');
    var out = [];
    for (var i = a; step > 0 ? i < b : i > b; i += step) out.push(i);
    return out;
  });
  prim('sort', function (l) { return seqOf(l).slice().sort(cmp); });
  prim('sort-by', function (f, l) {
    return seqOf(l).map(function (v) { return [apply(f, [v]), v]; })
      .sort(function (a, b) { return cmp(a[0], b[0]); }).map(function (p) { return p[1]; });
  });
  prim('take', function (n, l) { return seqOf(l).slice(0, Math.max(0, n)); });
  prim('drop', function (n, l) { return seqOf(l).slice(Math.max(0, n)); });
  prim('distinct', function (l) {
    var out = [];
    seqOf(l).forEach(function (v) { if (!out.some(function (o) { return equal(o, v); })) out.push(v); });
    return out;
  });
  prim('chunk-every', function (n, l) {
    if (!(n > 0)) fail('chunk-every expects a positive size');
    var src = seqOf(l), out = [];
    for (var i = 0; i < src.length; i += n) out.push(src.slice(i, i + n));
    return out;
  });
  prim('zip-pairs', function (l) {
    var src = seqOf(l), out = [];
    for (var i = 0; i + 1 < src.length; i += 2) out.push([src[i], src[i + 1]]);
    return out;
  });
  prim('contains?', function (c, v) {
    if (c === null || c === undefined) return false;
    if (typeof c === 'string') return c.indexOf(v) >= 0;
    if (c instanceof Map) return c.has(v);
    return seqOf(c).some(function (o) { return equal(o, v); });
  });
  prim('apply', function (f) {
    var a = Array.from(arguments).slice(1), last = a.pop();
    return apply(f, a.concat(seqOf(last)));
  });

  function dictOf(d, who) { if (d === null || d === undefined) return new Map(); if (!(d instanceof Map)) fail(who + ' expects a dict, got ' + serialize(d)); return d; }
  prim('dict', function () {
    if (arguments.length % 2) fail('dict expects key value pairs');
    var d = new Map();
    for (var i = 0; i + 1 < arguments.length; i += 2) d.set(dictKey(arguments[i]), arguments[i + 1]);
    return d;
  });
  function get(c, k, dflt) {
    var v;
    if (c instanceof Map) { k = dictKey(k); return c.has(k) ? c.get(k) : (dflt === undefined ? null : dflt); }
    else if (Array.isArray(c)) v = c[k];
    else if (typeof c === 'string' || typeof c === 'number' || typeof c === 'boolean') fail('get expects a dict or list, got ' + serialize(c));
    else if (c !== null && c !== undefined && typeof c === 'object') v = c[k];   // host objects (DOM events)
    return v === undefined || v === null ? (dflt === undefined ? null : dflt) : v;
  }
  prim('get', get);
  prim('keys', function (d) { return Array.from(dictOf(d, 'keys').keys()); });
  prim('vals', function (d) { return Array.from(dictOf(d, 'vals').values()); });
  prim('has-key?', function (d, k) { return d instanceof Map && d.has(dictKey(k)); });
  prim('assoc', function (d) {
    var out = new Map(dictOf(d, 'assoc'));
    for (var i = 1; i + 1 < arguments.length; i += 2) out.set(dictKey(arguments[i]), arguments[i + 1]);
    return out;
  });
  prim('dissoc', function (d) {
    var out = new Map(dictOf(d, 'dissoc'));
    for (var i = 1; i < arguments.length; i++) out.delete(dictKey(arguments[i]));
    return out;
  });
  prim('merge', function () {
    var out = new Map();
    Array.from(arguments).forEach(function (d) { if (d !== null) dictOf(d, 'merge').forEach(function (v, k) { out.set(k, v); }); });
    return out;
  });
  prim('into', function (t, c) {
    if (t instanceof Map) {
      var out = new Map(t);
      seqOf(c).forEach(function (p) { out.set(dictKey(p[0]), p[1]); });
      return out;
    }
    return seqOf(t).concat(seqOf(c));
  });
  prim('update', function (d, k, f) {
    var out = new Map(dictOf(d, 'update')), key = dictKey(k);
    out.set(key, apply(f, [out.has(key) ? out.get(key) : null].concat(Array.from(arguments).slice(3))));
    return out;
  });

  function toJson(v) {
    if (v === null || v === undefined) return null;
    if (v instanceof Map) { var o = {}; v.forEach(function (x, k) { o[k] = toJson(x); }); return o; }
    if (Array.isArray(v)) return v.map(toJson);
    if (v instanceof Kw || v instanceof Sym) return v.name;
    if (v instanceof Raw) return v.html;
    if (typeof v === 'number' && !isFinite(v)) fail('json-encode: cannot encode ' + v);
    if (isFn(v)) fail('json-encode: cannot encode a function');
    return v;
  }
  function jsonEncode(v) { return JSON.stringify(toJson(v)); }
  function fromJson(v) {
    if (Array.isArray(v)) return v.map(fromJson);
    if (v && typeof v === 'object') { var d = new Map(); Object.keys(v).forEach(function (k) { d.set(k, fromJson(v[k])); }); return d; }
    return v;
  }
  prim('json-encode', jsonEncode);
  prim('json-decode', function (t) {
    try { return fromJson(JSON.parse(s(t, 'json-decode'))); } catch (e) { if (e.sx) throw e; fail('json-decode: ' + e.message); }
  });
  prim('serialize', serialize);
  prim('sx-parse', function (t) { return read(s(t, 'sx-parse')); });
  var gensymN = 0;
  prim('gensym', function (p) { return sym((p || 'G__') + (++gensymN)); });
  prim('error', function (m) { fail(printed(m)); });
  prim('assert', function (c, m) { if (!truthy(c)) fail(m === undefined || m === null ? 'Assertion failed' : printed(m)); return true; });
  prim('random-int', function (lo, hi) {
    if (!(num(lo, 'random-int') < num(hi, 'random-int'))) fail('random-int expects lo < hi');
    return lo + Math.floor(Math.random() * (hi - lo)); });
  prim('uuid', function () {
    var c = root.crypto;
    if (c && c.randomUUID) return c.randomUUID();
    return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, function (ch) {
      var r = Math.random() * 16 | 0; return (ch === 'x' ? r : (r & 3 | 8)).toString(16);
    });
  });
  prim('raw!', function (x) { return new Raw(printed(x)); });
  prim('identity', function (x) { return x; });

  // ---------------------------------------------------------------- HTML rendering
  var TAGS = new Set(('a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption ' +
    'cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure footer ' +
    'form h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link main mark menu meta ' +
    'meter nav noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp script search section ' +
    'select slot small source span strong style sub summary sup table tbody td template textarea tfoot th thead time title ' +
    'tr track u ul var video wbr svg g path circle ellipse line polyline polygon rect text tspan defs use symbol marker ' +
    'clipPath mask pattern image linearGradient radialGradient stop foreignObject desc filter feBlend feColorMatrix ' +
    'feGaussianBlur feOffset feMerge feMergeNode animate animateTransform textPath view').split(' '));
  var VOID = new Set('area base br col embed hr img input link meta source track wbr'.split(' '));
  var BOOL_ATTR = new Set(('allowfullscreen async autofocus autoplay checked controls default defer disabled formnovalidate ' +
    'hidden inert ismap itemscope loop multiple muted nomodule novalidate open playsinline readonly required reversed selected').split(' '));
  var URL_ATTR = new Set('href src action formaction poster cite srcset xlink:href'.split(' '));
  function isTagName(n) { return TAGS.has(n); }
  // browsers drop whitespace and control characters inside a scheme, so the check does too
  function urlOk(v) {
    var m = /^([a-zA-Z][a-zA-Z0-9+.\-]*):/.exec(v.replace(/[\x00-\x20\x7f]/g, ''));
    return !m || /^(https?|mailto|tel)$/i.test(m[1]);
  }
  function safeUrl(v, name) {
    var ok = name === 'srcset' ? v.split(',').every(function (c) { return urlOk(c.trim().split(/\s+/)[0]); }) : urlOk(v);
    return ok ? v : 'about:invalid#blocked';
  }
  function attrText(v) {
    if (Array.isArray(v)) return v.filter(truthy).map(attrText).join(' ');
    return typeof v === 'number' ? fmtNum(v) : printed(v);
  }

  // one pass over a tag form: keyword/value pairs are attributes in order, the rest children
  function tagParts(x, from, env, lazy) {
    var attrs = [], children = [];
    for (var i = from; i < x.length; i++) {
      if (x[i] instanceof Kw && i + 1 < x.length) { attrs.push([x[i].name, lazy ? x[i + 1] : ev(x[i + 1], env)]); i++; }
      else children.push(lazy ? x[i] : ev(x[i], env));
    }
    return { attrs: attrs, children: children };
  }
  function renderTag(tag, x, from, env) {
    if (R.mode === 'dom') return domTag(tag, x, from, env);
    var p = tagParts(x, from, env, false), out = '<' + tag;
    p.attrs.forEach(function (a) {
      var name = a[0], v = a[1];
      if (/^on/i.test(name) || isFn(v)) return;
      if (BOOL_ATTR.has(name)) { if (truthy(v)) out += ' ' + name; return; }
      if (v === null || v === false || v === undefined) return;
      var text = attrText(v);
      if (URL_ATTR.has(name)) text = safeUrl(text, name);
      out += ' ' + name + '="' + escapeHtml(text) + '"';
    });
    out += '>';
    if (VOID.has(tag)) {
      if (p.children.some(function (c) { return c !== null && c !== false && !(Array.isArray(c) && !flatten(c, []).some(truthy)); }))
        fail('Void element <' + tag + '> cannot have children', x.loc);
      return new Raw(out);
    }
    return new Raw(out + childrenHtml(p.children) + '</' + tag + '>');
  }
  function childHtml(c) {
    if (c === null || c === undefined || c === false) return '';
    if (c instanceof Raw) return c.html;
    if (Array.isArray(c)) return childrenHtml(c);
    if (typeof c === 'string') return escapeText(c);
    if (isFn(c)) fail('Cannot render a lambda as HTML');
    if (c instanceof Comp || c instanceof Macro) return '';
    return escapeText(printed(c));
  }
  function childrenHtml(l) { return l.map(childHtml).join(''); }

  // island on the server side of the wire: the span wrapper with its state; effects do not run
  function islandState(kw) { return kw.size ? jsonEncode(kw) : null; }
  function htmlIsland(c, a) {
    var name = c.name.replace(/^~/, ''), state = islandState(a.kw), body = '';
    var open = '<span data-sx-island="' + escapeHtml(name) + '"' + (state ? ' data-sx-state="' + escapeHtml(state) + '"' : '') + '>';
    var saved = scopes.length;
    try { body = childHtml(runComp(c, a)); } catch (e) { scopes.length = saved; body = ''; }
    return new Raw(open + body + '</span>');
  }

  // ---------------------------------------------------------------- host entry points
  var globalEnv = new Env(null);
  function withMode(mode, fn) {
    var saved = R;
    R = { mode: mode, island: saved.island, svg: false };
    try { return fn(); } finally { R = saved; }
  }
  function evalSource(src, env) {
    env = env || new Env(globalEnv);
    return withMode('eval', function () {
      var forms = read(src), v = null;
      forms.forEach(function (f) { v = ev(f, env); });
      return v;
    });
  }
  function renderHtml(src, env) {
    env = env || new Env(globalEnv);
    return withMode('html', function () {
      return read(src).map(function (f) { return childHtml(ev(f, env)); }).join('');
    });
  }
  // the CLI's printing of an eval result
  function evalPrint(src, env) { return serialize(evalSource(src, env)); }

  var SX = {
    read: read, serialize: serialize, errorText: errorText, evalSource: evalSource, evalPrint: evalPrint, renderHtml: renderHtml,
    Env: Env, globalEnv: globalEnv, options: opts, sym: sym, Kw: Kw, Raw: Raw,
    debug: { effects: 0, listeners: 0, islands: 0, errors: 0 }
  };

  // ---------------------------------------------------------------- signals
  // An Effect is also an owner: effects, listeners and cleanups created while it runs belong to
  // it and are released when it re-runs or is disposed. An island's scope is an Effect with no fn.
  var Observer = null, Owner = null, batchDepth = 0, pending = [], flushing = false;
  var dbg = SX.debug;
  function Effect(fn) {
    this.fn = fn; this.deps = []; this.owned = []; this.cleanup = null; this.disposed = false;
    if (Owner) Owner.owned.push(this);
    dbg.effects++;
  }
  function release(e) {
    e.deps.forEach(function (s) { s.subs.delete(e); });
    e.deps = [];
    var owned = e.owned; e.owned = [];
    owned.forEach(function (o) { typeof o === 'function' ? o() : disposeEffect(o); });
    if (e.cleanup) { var c = e.cleanup; e.cleanup = null; safely(function () { apply(c, []); }); }
  }
  function disposeEffect(e) {
    if (e.disposed) return;
    e.disposed = true; dbg.effects--;
    release(e);
  }
  function runEffect(e) {
    if (e.disposed) return;
    release(e);
    var pO = Observer, pOwner = Owner;
    Observer = Owner = e;
    try { var r = e.fn(); if (isFn(r)) e.cleanup = r; } finally { Observer = pO; Owner = pOwner; }
  }
  function untracked(fn) { var p = Observer; Observer = null; try { return fn(); } finally { Observer = p; } }
  function deref(s) {
    if (!(s instanceof Signal)) return s;
    if (Observer && !s.subs.has(Observer)) { s.subs.add(Observer); Observer.deps.push(s); }
    return s.v;
  }
  function flush() {
    if (flushing) return;
    flushing = true;
    var runs = 0;
    try {
      while (pending.length) {
        if (++runs > 100000) { pending = []; logError('sx: effects keep re-triggering each other; stopped'); break; }
        var e = pending.shift();
        safely(function () { runEffect(e); });
      }
    } finally { flushing = false; }
  }
  function setSignal(s, v) {
    if (!(s instanceof Signal)) fail('reset! expects a signal, got ' + serialize(s));
    if (s.v === v) return v;
    s.v = v;
    s.subs.forEach(function (e) { if (pending.indexOf(e) < 0) pending.push(e); });
    if (!batchDepth) flush();
    return v;
  }
  function effect(fn) {
    if (R.mode === 'html') return function () { return null; };  // effects do not run in server-style rendering
    var e = new Effect(fn);
    runEffect(e);
    return function () { disposeEffect(e); return null; };
  }
  function safely(fn) {
    try { return fn(); } catch (err) { logError('sx: ' + (err && err.message || err), err); }
  }
  function logError(msg, err) { dbg.errors++; if (root.console) console.error(msg, err && !err.sx ? err : ''); }

  prim('signal', function (v) { return new Signal(v === undefined ? null : v); });
  prim('deref', deref);
  prim('reset!', setSignal);
  prim('swap!', function (s, f) {
    if (!(s instanceof Signal)) fail('swap! expects a signal, got ' + serialize(s));
    return setSignal(s, apply(f, [s.v].concat(Array.from(arguments).slice(2))));
  });
  prim('computed', function (thunk) {
    var s = new Signal(null);
    if (R.mode === 'html') { s.v = apply(thunk, []); return s; }
    s.stop = effect(function () { setSignal(s, apply(thunk, [])); });
    return s;
  });
  prim('effect', function (thunk) { return effect(function () { return apply(thunk, []); }); });
  prim('batch', function (thunk) {
    batchDepth++;
    try { return apply(thunk, []); } finally { if (!--batchDepth) flush(); }
  });
  prim('dispose', function (x) {
    if (typeof x === 'function') x();
    else if (x instanceof Signal && x.stop) x.stop();
    else if (x && x.nodeType) disposeIsland(x);
    return null;
  });
  var stores = new Map();
  prim('def-store', function (name, init) {
    if (!stores.has(name)) {
      var pOwner = Owner; Owner = null;   // stores outlive the island that defines them
      try { stores.set(name, untracked(function () { return apply(init, []); })); } finally { Owner = pOwner; }
    }
    return stores.get(name);
  });
  prim('use-store', function (name) {
    if (!stores.has(name)) fail('Unknown store: ' + name);
    return stores.get(name);
  });
  SX.clearStores = function () { stores.clear(); };

  // ---------------------------------------------------------------- DOM rendering
  var SVG_NS = 'http://www.w3.org/2000/svg';
  var doc = root.document;
  // every listener SX adds goes through here, so debug.listeners proves none leak
  function listen(el, type, fn, opt) {
    el.addEventListener(type, fn, opt);
    dbg.listeners++;
    var rec = [el, type, fn, opt, false];
    (el.__sxL || (el.__sxL = [])).push(rec);
    if (Owner) Owner.owned.push(function () { unlisten(rec); });
    return rec;
  }
  function unlisten(rec) {
    if (rec[4]) return;
    rec[4] = true; dbg.listeners--;
    rec[0].removeEventListener(rec[1], rec[2], rec[3]);
  }
  // release what SX attached to a subtree leaving the page: islands, listeners, timers
  function cleanupTree(node) {
    if (!node || node.nodeType !== 1) return;
    var all = [node].concat(Array.from(node.querySelectorAll('*')));
    all.forEach(function (el) {
      if (el.__sxIsland) disposeIsland(el);
      if (el.__sxL) { el.__sxL.forEach(unlisten); el.__sxL = null; }
      if (el.__sxT) { el.__sxT.forEach(function (t) { clearInterval(t); }); el.__sxT = null; }
      if (el.__sxDelay) { clearTimeout(el.__sxDelay); el.__sxDelay = null; }
      if (el.__sxIO) { el.__sxIO.disconnect(); el.__sxIO = null; }
      el.__sxBound = false;
    });
  }
  function toNodes(v, out) {
    out = out || [];
    if (v === null || v === undefined || v === false) return out;
    if (Array.isArray(v)) { v.forEach(function (c) { toNodes(c, out); }); return out; }
    if (v.nodeType) { out.push(v); return out; }
    if (v instanceof Raw) {
      var t = doc.createElement('template'); t.innerHTML = v.html;
      out.push.apply(out, Array.from(t.content.childNodes));
      return out;
    }
    if (v instanceof Comp || v instanceof Macro) return out;
    out.push(doc.createTextNode(typeof v === 'string' ? v : printed(v)));
    return out;
  }
  function setAttr(el, name, v) {
    if (BOOL_ATTR.has(name)) {
      if (truthy(v)) el.setAttribute(name, ''); else el.removeAttribute(name);
      if (name in el) el[name] = truthy(v);
      return;
    }
    if (v === null || v === false || v === undefined) { el.removeAttribute(name); return; }
    var text = attrText(v);
    if (URL_ATTR.has(name)) text = safeUrl(text, name);
    if (name === 'xlink:href') el.setAttributeNS('http://www.w3.org/1999/xlink', name, text);
    else el.setAttribute(name, text);
    if (name === 'value' && 'value' in el && el.value !== text) el.value = text;
  }
  function bindHandler(el, name, f) {
    var type = name.replace(/^on-?/, '');
    el.__sxOn = el.__sxOn || {};
    if (!el.__sxOn[type]) listen(el, type, function (e) { var h = el.__sxOn[type]; if (h) safely(function () { untracked(function () { apply(h, [e]); }); }); });
    el.__sxOn[type] = f;
  }
  // a child or attribute expression of a tag inside an island is a reactive slot when it is not
  // a literal or a nested tag: it re-evaluates when the signals it reads change
  function isStatic(x, env) {
    if (!(x instanceof Sym) && !Array.isArray(x)) return true;
    if (Array.isArray(x) && x[0] instanceof Sym) {
      var n = x[0].name;
      return n === 'quote' || n === '<>' || n === 'el' || n === 'fn' || n === 'lambda' || (isTagName(n) && lookupName(n, env) === UNBOUND);
    }
    return false;
  }
  function domTag(tag, x, from, env) {
    var svg = R.svg || tag === 'svg';
    var el = svg ? doc.createElementNS(SVG_NS, tag) : doc.createElement(tag);
    var p = tagParts(x, from, env, true), island = R.island;
    p.attrs.forEach(function (a) {
      var name = a[0], expr = a[1];
      if (/^on/i.test(name)) {
        var f = ev(expr, env);
        if (isFn(f)) bindHandler(el, name, f);
        return;
      }
      if (island && !isStatic(expr, env)) {
        var ctx = R;
        effect(function () { var pR = R; R = ctx; try { setAttr(el, name, ev(expr, env)); } finally { R = pR; } });
      } else setAttr(el, name, ev(expr, env));
    });
    var saved = R;
    R = { mode: 'dom', island: island, svg: svg && tag !== 'foreignObject' };
    try {
      p.children.forEach(function (cx) {
        if (island && !isStatic(cx, env)) slot(el, cx, env);
        else toNodes(ev(cx, env)).forEach(function (n) { el.appendChild(n); });
      });
    } finally { R = saved; }
    if (tag === 'select' || tag === 'textarea') {   // value attribute is set before options exist
      var val = p.attrs.filter(function (a) { return a[0] === 'value'; })[0];
      if (val) el.value = attrText(ev(val[1], env));
    }
    return el;
  }
  function slot(parent, expr, env) {
    var ctx = R, nodes = null;
    effect(function () {
      var pR = R; R = ctx;
      var fresh;
      try { fresh = toNodes(ev(expr, env)); } finally { R = pR; }
      if (!fresh.length) fresh = [doc.createTextNode('')];
      if (!nodes) fresh.forEach(function (n) { parent.appendChild(n); });
      else {
        var anchor = nodes[0], host = anchor.parentNode || parent;
        fresh.forEach(function (n) { host.insertBefore(n, anchor); });
        nodes.forEach(function (n) { if (n.parentNode) { cleanupTree(n); n.parentNode.removeChild(n); } });
        fresh.forEach(process);
      }
      nodes = fresh;
    });
  }

  // ---------------------------------------------------------------- islands
  function kwFromState(state) {
    var kw = new Map();
    if (state) Object.keys(state).forEach(function (k) { kw.set(k, fromJson(state[k])); });
    return kw;
  }
  function mountIsland(el, c, kw) {
    var scope = new Effect(null);
    el.__sxIsland = scope; el.__sxIslandName = c.name;
    dbg.islands++;
    var pOwner = Owner, pObs = Observer, pR = R, nodes;
    Owner = scope; Observer = null; R = { mode: 'dom', island: el, svg: false };
    try {
      nodes = toNodes(runComp(c, { kw: kw, children: [] }));
    } catch (e) {
      Owner = pOwner; Observer = pObs; R = pR;
      disposeIsland(el);
      el.__sxIslandFailed = true;
      throw e;
    } finally { Owner = pOwner; Observer = pObs; R = pR; }
    Array.from(el.childNodes).forEach(function (n) { cleanupTree(n); el.removeChild(n); });
    nodes.forEach(function (n) { el.appendChild(n); });
    if (el.isConnected) process(el);   // sx-* elements the island renders work like any others
  }
  function domIsland(c, kw) {
    var el = doc.createElement('span');
    el.setAttribute('data-sx-island', c.name.replace(/^~/, ''));
    var state = islandState(kw);
    if (state) el.setAttribute('data-sx-state', state);
    var pOwner = Owner; Owner = null;   // an island is its own owner, disposed when it leaves the page
    try { mountIsland(el, c, kw); } finally { Owner = pOwner; }
    return el;
  }
  function disposeIsland(el) {
    var scope = el.__sxIsland;
    if (!scope) return;
    el.__sxIsland = null;
    dbg.islands--;
    disposeEffect(scope);
  }
  function hydrateIsland(el) {
    if (el.__sxIsland || el.__sxIslandFailed) return;
    var name = el.getAttribute('data-sx-island'), c = lookupName('~' + name, globalEnv);
    if (!(c instanceof Comp) || !c.island) {
      el.__sxIslandFailed = true;
      logError('sx: no definition for island ~' + name + '; server-rendered content left as it is');
      return;
    }
    var raw = el.getAttribute('data-sx-state'), state = null;
    try { state = raw ? JSON.parse(raw) : null; } catch (e) {
      el.__sxIslandFailed = true;
      logError('sx: island ~' + name + ' has data-sx-state that is not valid JSON (' + e.message + '); left as server-rendered');
      return;
    }
    try { mountIsland(el, c, kwFromState(state)); } catch (e) {
      logError('sx: island ~' + name + ' failed to hydrate: ' + e.message, e);
    }
  }
  function hydrate(node) {
    if (!node || node.nodeType !== 1) return;
    var list = node.matches('[data-sx-island]') ? [node] : [];
    list.concat(Array.from(node.querySelectorAll('[data-sx-island]'))).forEach(function (el) {
      if (el.isConnected) hydrateIsland(el);
    });
  }
  // on-event: listen on the enclosing island for a bridge event; released with the island
  prim('on-event', function (name, handler) {
    var host = R.island;
    if (!host) fail('on-event: only inside an island');
    listen(host, name, function (e) { safely(function () { untracked(function () { apply(handler, [e]); }); }); });
    return null;
  });
  prim('event-detail', function (e) { return e && e.detail !== undefined ? (e.detail instanceof Map ? e.detail : fromJson(e.detail)) : null; });
  prim('event-value', function (e) { return e && e.target ? e.target.value : null; });
  prim('prevent-default', function (e) { if (e && e.preventDefault) e.preventDefault(); return null; });
  prim('checked?', function (e) { return !!(e && e.target && e.target.checked); });

  function renderDom(src, env) {
    env = env || globalEnv;
    return withMode('dom', function () {
      var out = [];
      read(src).forEach(function (f) { toNodes(ev(f, env), out); });
      return out;
    });
  }
  SX.renderDom = renderDom;
  SX.hydrate = hydrate;
  SX.cleanup = cleanupTree;
  SX.loadDefinitions = function (src) { withMode('dom', function () { read(src).forEach(function (f) { ev(f, globalEnv); }); }); };

  // ---------------------------------------------------------------- engine (sx-* attributes)
  var VERBS = ['get', 'post', 'put', 'patch', 'delete'];
  var VERB_SEL = VERBS.map(function (v) { return '[sx-' + v + ']'; }).join(',') + ',[sx-boost]';
  var componentsHash = null;

  function attr(el, name) { return el && el.getAttribute ? el.getAttribute(name) : null; }
  function closestAttr(el, name) { var c = el.closest && el.closest('[' + name + ']'); return c ? c.getAttribute(name) : null; }
  function fire(el, name, detail, cancelable) {
    var target = el && el.isConnected ? el : doc;
    var ev = new root.CustomEvent(name, { bubbles: true, cancelable: !!cancelable, detail: detail || {} });
    return target.dispatchEvent(ev);
  }
  function resolve(el, sel) {
    if (!sel || sel === 'this') return el;
    var m = /^(closest|find|next|previous)\s+(.+)$/.exec(sel);
    if (m) {
      if (m[1] === 'closest') return el.closest(m[2]);
      if (m[1] === 'find') return el.querySelector(m[2]);
      var sib = el;
      while ((sib = m[1] === 'next' ? sib.nextElementSibling : sib.previousElementSibling)) if (sib.matches(m[2])) return sib;
      return null;
    }
    if (sel === 'body') return doc.body;
    if (sel === 'document') return doc;
    if (sel === 'window') return root;
    try { return doc.querySelector(sel); } catch (e) { logError('sx: bad selector ' + sel); return null; }
  }
  function parseDictAttr(text, what) {
    if (!text) return [];
    try {
      var t = text.trim(), d;
      if (t[0] === '{' && /^\{\s*:/.test(t)) d = withMode('eval', function () { return ev(read(t)[0], globalEnv); });
      else d = fromJson(JSON.parse(t));
      return d instanceof Map ? Array.from(d, function (e) { return [e[0], printed(e[1])]; }) : [];
    } catch (e) { logError('sx: ' + what + ' is neither JSON nor an SX dict: ' + text); return []; }
  }
  function fieldsOf(el, out) {
    if (el.tagName === 'FORM') {
      Array.from(el.elements).forEach(function (f) { fieldValue(f, out); });
    } else if (el.name !== undefined && el.name) fieldValue(el, out);
    else Array.from(el.querySelectorAll('input,select,textarea')).forEach(function (f) { fieldValue(f, out); });
    return out;
  }
  function fieldValue(f, out) {
    if (!f.name || f.disabled) return;
    var type = (f.type || '').toLowerCase();
    if ((type === 'checkbox' || type === 'radio') && !f.checked) return;
    if (type === 'submit' || type === 'button' || type === 'reset' || type === 'image') return;
    if (type === 'file') { Array.from(f.files || []).forEach(function (file) { out.push([f.name, file]); }); return; }
    if (f.tagName === 'SELECT' && f.multiple) {
      Array.from(f.options).forEach(function (o) { if (o.selected) out.push([f.name, o.value]); });
      return;
    }
    out.push([f.name, f.value]);
  }
  function params(el, verb, evt) {
    var out = [], form = el.tagName === 'FORM' ? el : (verb !== 'get' || el.matches('input,select,textarea') ? el.closest('form') : null);
    if (form) fieldsOf(form, out);
    else if (el.name) fieldValue(el, out);
    var sub = evt && evt.submitter;
    if (sub && sub.name) out.push([sub.name, sub.value]);
    var inc = attr(el, 'sx-include') || closestAttr(el, 'sx-include');
    if (inc) {
      var nodes = inc === 'this' ? [el] : /^(closest|find)/.test(inc) ? [resolve(el, inc)] : Array.from(doc.querySelectorAll(inc));
      nodes.forEach(function (n) { if (n) fieldsOf(n, out); });
    }
    parseDictAttr(attr(el, 'sx-vals'), 'sx-vals').forEach(function (p) { out.push(p); });
    return out;
  }
  function encodeQuery(pairs) {
    return pairs.filter(function (p) { return typeof p[1] === 'string'; })
      .map(function (p) { return encodeURIComponent(p[0]) + '=' + encodeURIComponent(p[1]); }).join('&');
  }
  function csrfToken() { var m = doc.querySelector('meta[name="csrf-token"]'); return m ? m.getAttribute('content') : null; }

  // over: attribute values that win over the element's own (used by sx-boost)
  function issue(el, verb, url, evt, over) {
    var A = function (n) { return over && over[n] !== undefined ? over[n] : attr(el, n); };
    var confirmMsg = A('sx-confirm');
    if (confirmMsg && !root.confirm(confirmMsg)) return null;
    var target = resolve(el, A('sx-target') || closestAttr(el, 'sx-target') || 'this');
    if (!fire(el, 'sx:beforeRequest', { verb: verb, path: url, target: target }, true)) return null;
    // sx-sync: one request per element (or the element it names); default replaces the one in flight
    var sync = (A('sx-sync') || '').split(':'), strategy = (sync.length > 1 ? sync[1] : sync[0]) || 'replace';
    var syncEl = sync.length > 1 ? resolve(el, sync[0]) || el : el;
    if (syncEl.__sxAbort) {
      if (strategy === 'drop') return null;
      syncEl.__sxAbort.abort();
    }
    var ctl = new root.AbortController();
    syncEl.__sxAbort = ctl;
    var pairs = params(el, verb, evt), body = null, method = verb.toUpperCase();
    var headers = { 'SX-Request': 'true', 'SX-Current-URL': root.location.href, 'Accept': 'text/sx, text/html;q=0.9' };
    var tsel = A('sx-target') || closestAttr(el, 'sx-target') || (target && target.id ? '#' + target.id : null);
    if (tsel) headers['SX-Target'] = tsel;
    if (componentsHash) headers['SX-Components-Hash'] = componentsHash;
    if (el.name) headers['SX-Trigger-Name'] = el.name;
    if (over) headers['SX-Boosted'] = 'true';
    if (method !== 'GET') { var tok = csrfToken(); if (tok) headers['X-CSRF-Token'] = tok; }
    parseDictAttr(A('sx-headers'), 'sx-headers').forEach(function (p) { headers[p[0]] = p[1]; });
    if (method === 'GET' || method === 'DELETE') {
      var q = encodeQuery(pairs);
      if (q) url += (url.indexOf('?') >= 0 ? '&' : '?') + q;
    } else {
      var form = el.closest('form');
      if (form && /multipart/i.test(form.getAttribute('enctype') || '')) {
        body = new root.FormData();
        pairs.forEach(function (p) { body.append(p[0], p[1]); });
      } else {
        body = encodeQuery(pairs);
        headers['Content-Type'] = 'application/x-www-form-urlencoded';
      }
    }
    var elts = function (sel, dflt) { return !sel ? dflt : sel === 'this' ? [el] : Array.from(doc.querySelectorAll(sel)); };
    var indicators = elts(A('sx-indicator'), [el]), disabled = elts(A('sx-disabled-elt'), []);
    indicators.forEach(function (i) { i.classList.add('sx-request'); });
    disabled.forEach(function (d) { d.disabled = true; });
    function done() {
      indicators.forEach(function (i) { i.classList.remove('sx-request'); });
      disabled.forEach(function (d) { d.disabled = false; });
      if (syncEl.__sxAbort === ctl) syncEl.__sxAbort = null;
    }
    return root.fetch(url, { method: method, headers: headers, body: body, credentials: 'same-origin', signal: ctl.signal })
      .then(function (resp) {
        return resp.text().then(function (text) {
          done();
          fire(el, 'sx:afterRequest', { status: resp.status, successful: resp.ok, path: url });
          handleResponse(el, target, url, method, resp, text, A);
        });
      }, function (err) {
        done();
        if (err && err.name === 'AbortError') return;
        fire(el, 'sx:sendError', { error: String(err && err.message || err), path: url });
      }).catch(function (err) { logError('sx: ' + (err && err.message || err), err); });
  }

  function sameOrigin(url) {
    try { return new root.URL(url, root.location.href).origin === root.location.origin; } catch (e) { return false; }
  }
  function parseResponse(text, type, url) {
    if (/text\/html/.test(type)) {
      if (/<body[\s>]/i.test(text)) {   // a whole page (a server that ignored SX-Request): take its body and title
        var page = new root.DOMParser().parseFromString(text, 'text/html');
        if (page.title) doc.title = page.title;
        return Array.from(page.body.childNodes).map(function (n) { return doc.importNode(n, true); });
      }
      var t = doc.createElement('template'); t.innerHTML = text;
      return Array.from(t.content.childNodes);
    }
    try { return renderDom(text, globalEnv); } catch (e) {
      logError('sx: bad text/sx response from ' + url + ': ' + errorText(e));
      return null;
    }
  }
  function handleResponse(el, target, url, method, resp, text, A) {
    var h = function (n) { return resp.headers.get(n); };
    if (h('SX-Components-Hash')) componentsHash = h('SX-Components-Hash');
    if (h('SX-Redirect')) { if (sameOrigin(h('SX-Redirect'))) root.location.href = h('SX-Redirect'); return; }
    if (h('SX-Refresh') === 'true') { root.location.reload(); return; }
    if (resp.status === 204) { triggerHeader(el, h('SX-Trigger')); return; }
    if (!resp.ok && resp.status !== 422) {
      fire(el, 'sx:responseError', { status: resp.status, path: url, body: text });
      return;
    }
    if (h('SX-Retarget')) target = resolve(el, h('SX-Retarget'));
    var swapSpec = (h('SX-Reswap') || A('sx-swap') || closestAttr(el, 'sx-swap') || 'innerHTML').split(/\s+/)[0];
    var nodes = parseResponse(text, h('Content-Type') || '', url);
    if (!nodes) { fire(el, 'sx:responseError', { status: resp.status, path: url, error: 'unreadable response' }); return; }
    if (!fire(el, 'sx:beforeSwap', { target: target, nodes: nodes, status: resp.status }, true)) return;
    nodes = swapOob(nodes);
    var sel = A('sx-select');
    if (sel) nodes = selectFrom(nodes, sel);
    if (target) swap(target, swapSpec, nodes);
    var push = h('SX-Push-Url') || A('sx-push-url');
    if (push && push !== 'false' && root.history) {
      var pushUrl = push === 'true' ? (method === 'GET' ? url : null) : push;
      if (pushUrl && sameOrigin(pushUrl)) root.history.pushState({ sx: true }, '', pushUrl);
    }
    fire(el, 'sx:afterSwap', { target: target, path: url });
    triggerHeader(el, h('SX-Trigger'));
    root.setTimeout(function () { fire(el, 'sx:afterSettle', { target: target, path: url }); }, 0);
  }
  function triggerHeader(el, value) {
    if (!value) return;
    var events = {};
    if (value.trim()[0] === '{') { try { events = JSON.parse(value); } catch (e) { logError('sx: bad SX-Trigger header'); return; } }
    else value.split(',').forEach(function (n) { events[n.trim()] = null; });
    Object.keys(events).forEach(function (n) { fire(el, n, events[n]); });
  }
  function selectFrom(nodes, sel) {
    var out = [];
    nodes.forEach(function (n) {
      if (n.nodeType !== 1) return;
      if (n.matches(sel)) out.push(n); else out.push.apply(out, Array.from(n.querySelectorAll(sel)));
    });
    return out;
  }
  function swapOob(nodes) {
    return nodes.filter(function (n) {
      if (n.nodeType !== 1 || !n.hasAttribute('sx-swap-oob')) return true;
      var how = n.getAttribute('sx-swap-oob'), old = n.id && doc.getElementById(n.id);
      n.removeAttribute('sx-swap-oob');
      if (old) {
        if (how === 'true' || how === '' || how === 'outerHTML') swap(old, 'outerHTML', [n]);
        else swap(old, how, Array.from(n.childNodes));
      }
      return false;
    });
  }
  function remove(n) { cleanupTree(n); if (n.parentNode) n.parentNode.removeChild(n); }
  // elements marked sx-preserve keep their current DOM node across a swap
  function preserve(nodes) {
    nodes.forEach(function (n) {
      if (n.nodeType !== 1) return;
      var marked = n.matches('[sx-preserve][id]') ? [n] : [];
      marked.concat(Array.from(n.querySelectorAll('[sx-preserve][id]'))).forEach(function (fresh) {
        var old = doc.getElementById(fresh.id);
        if (old && old !== fresh && old.hasAttribute('sx-preserve')) { old.__sxKeep = true; fresh.parentNode ? fresh.parentNode.replaceChild(old, fresh) : (nodes[nodes.indexOf(fresh)] = old); }
      });
    });
    return nodes;
  }
  function settle(nodes) {
    nodes.forEach(function (n) {
      if (n.nodeType === 1) { delete n.__sxKeep; process(n); hydrate(n); }
    });
  }
  function removeAll(list) { list.forEach(function (n) { if (!n.__sxKeep) remove(n); }); }
  function swap(target, how, nodes) {
    nodes = preserve(nodes);
    var parent = target.parentNode;
    switch (how) {
      case 'outerHTML':
        nodes.forEach(function (n) { parent.insertBefore(n, target); });
        if (!target.__sxKeep) remove(target);
        break;
      case 'beforebegin': nodes.forEach(function (n) { parent.insertBefore(n, target); }); break;
      case 'afterbegin': { var first = target.firstChild; nodes.forEach(function (n) { target.insertBefore(n, first); }); break; }
      case 'beforeend': nodes.forEach(function (n) { target.appendChild(n); }); break;
      case 'afterend': { var next = target.nextSibling; nodes.forEach(function (n) { parent.insertBefore(n, next); }); break; }
      case 'delete': remove(target); return;
      case 'none': return;
      case 'morph': {
        var single = nodes.filter(function (n) { return n.nodeType === 1; });
        if (single.length === 1 && nodes.length === 1 && target.id && single[0].id === target.id) morph(target, single[0]);
        else morphChildren(target, nodes);
        process(target); hydrate(target);
        return;
      }
      default: {
        var old = Array.from(target.childNodes);
        removeAll(old);
        nodes.forEach(function (n) { target.appendChild(n); });
      }
    }
    settle(nodes);
  }

  // ---------------------------------------------------------------- morph
  // Updates the live DOM to match new nodes, keeping nodes that match (by id, else by tag in
  // order) so focus, typed input values and hydrated islands survive.
  function sameIsland(a, b) {
    return a.__sxIsland && b.nodeType === 1 && b.getAttribute('data-sx-island') === a.getAttribute('data-sx-island') &&
      b.getAttribute('data-sx-state') === a.getAttribute('data-sx-state');
  }
  function morph(old, fresh) {
    if (old.nodeType !== fresh.nodeType || old.nodeName !== fresh.nodeName) {
      old.parentNode.insertBefore(fresh, old); remove(old); settle([fresh]); return fresh;
    }
    if (old.nodeType !== 1) { if (old.nodeValue !== fresh.nodeValue) old.nodeValue = fresh.nodeValue; return old; }
    if (sameIsland(old, fresh) || (old.hasAttribute('sx-preserve') && old.id)) { cleanupTree(fresh); return old; }
    var focused = old === doc.activeElement, oldValueAttr = old.getAttribute('value');
    Array.from(old.attributes).forEach(function (a) { if (!fresh.hasAttribute(a.name)) old.removeAttribute(a.name); });
    Array.from(fresh.attributes).forEach(function (a) { if (old.getAttribute(a.name) !== a.value) old.setAttribute(a.name, a.value); });
    if ('value' in old && old.tagName !== 'LI' && old.tagName !== 'BUTTON' && !focused && fresh.getAttribute('value') !== oldValueAttr)
      old.value = fresh.value;
    if (fresh.__sxOn) { old.__sxOn = old.__sxOn || {}; Object.keys(fresh.__sxOn).forEach(function (t) { bindHandler(old, t, fresh.__sxOn[t]); }); }
    if (old.tagName !== 'TEXTAREA') morphChildren(old, Array.from(fresh.childNodes));
    // the fresh node is discarded: release what rendering attached to it (its handlers now live on old)
    if (fresh.__sxL) { fresh.__sxL.forEach(unlisten); fresh.__sxL = null; }
    disposeIsland(fresh);
    return old;
  }
  function morphChildren(parent, fresh) {
    var olds = Array.from(parent.childNodes), used = new Set(), cursor = 0;
    fresh.forEach(function (f) {
      var match = null;
      if (f.nodeType === 1 && f.id) match = olds.filter(function (o) { return !used.has(o) && o.id === f.id; })[0] || null;
      if (!match && f.nodeType === 1 && f.hasAttribute('data-sx-island'))
        match = olds.filter(function (o) { return !used.has(o) && o.nodeType === 1 && sameIsland(o, f); })[0] || null;
      if (!match) {
        for (var i = cursor; i < olds.length; i++) {
          var o = olds[i];
          if (used.has(o)) continue;
          if (o.nodeType === f.nodeType && o.nodeName === f.nodeName && !(o.id && o.id !== f.id) && !(f.id && o.id !== f.id)) { match = o; break; }
          if (o.nodeType === 1 && o.id) continue;
          break;
        }
      }
      var ref = null;
      for (var j = 0; j < olds.length; j++) if (!used.has(olds[j])) { ref = olds[j]; break; }
      if (match) {
        used.add(match);
        cursor = olds.indexOf(match) + 1;
        if (match !== ref) parent.insertBefore(match, ref);
        morph(match, f);
      } else {
        parent.insertBefore(f, ref);
        if (f.nodeType === 1) settle([f]);
      }
    });
    olds.forEach(function (o) { if (!used.has(o)) remove(o); });
  }

  // ---------------------------------------------------------------- triggers
  function parseTriggers(spec) {
    return spec.split(/,(?![^\[]*\])/).map(function (part) {
      var toks = part.trim().match(/[^\s\[]+(\[[^\]]*\])?|\S+/g) || [];
      var t = { event: toks[0] || 'click', mods: {} }, m = /^([^\[]+)\[(.*)\]$/.exec(t.event);
      if (m) { t.event = m[1]; t.filter = m[2]; }
      if (t.event === 'every') { t.every = parseTime(toks[1]); toks = toks.slice(1); }
      toks.slice(1).forEach(function (tok) {
        var kv = /^(delay|throttle|from):(.+)$/.exec(tok);
        if (kv) t.mods[kv[1]] = kv[1] === 'from' ? kv[2] : parseTime(kv[2]);
        else t.mods[tok] = true;
      });
      return t;
    });
  }
  function parseTime(s) {
    var m = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(s || '');
    return m ? Number(m[1]) * (m[2] === 's' ? 1000 : 1) : 0;
  }
  // trigger filters like key=='Enter' && !shiftKey, read without eval (the page CSP forbids it)
  function filterOk(filter, e) {
    return filter.split('&&').every(function (term) {
      var m = /^\s*(!?)([\w.]+)\s*(?:(===?|!==?)\s*(.+?))?\s*$/.exec(term);
      if (!m) return false;
      var v = m[2].split('.').reduce(function (o, k) { return o == null ? o : o[k]; }, e);
      if (!m[3]) return m[1] ? !v : !!v;
      var lit = m[4].replace(/^['"]|['"]$/g, ''), want = /^['"]/.test(m[4]) ? lit : (lit === 'true' ? true : lit === 'false' ? false : Number(lit));
      var eq = v === want;
      return m[3][0] === '!' ? !eq : eq;
    });
  }
  function defaultEvent(el) {
    if (el.tagName === 'FORM') return 'submit';
    if (el.matches('input:not([type=button]):not([type=submit]),select,textarea')) return 'change';
    return 'click';
  }
  function timer(el, id) { (el.__sxT || (el.__sxT = [])).push(id); }
  function bind(el) {
    if (el.__sxBound) return;
    var verb = VERBS.filter(function (v) { return el.hasAttribute('sx-' + v); })[0];
    if (!verb) return;
    el.__sxBound = true;
    var url = el.getAttribute('sx-' + verb);
    var go = function (e) { return issue(el, verb, url, e); };
    parseTriggers(attr(el, 'sx-trigger') || defaultEvent(el)).forEach(function (t) {
      if (t.every) { timer(el, root.setInterval(function () { if (el.isConnected) go(); }, t.every)); return; }
      if (t.event === 'load') { root.setTimeout(function () { go(); }, 0); return; }
      if (t.event === 'revealed') { revealed(el, go); return; }
      var fired = false, last, lastValue = el.value, srcs = t.mods.from ? (t.mods.from === 'document' ? [doc] : t.mods.from === 'window' ? [root] : Array.from(doc.querySelectorAll(t.mods.from))) : [el];
      var handler = function (e) {
        if (t.filter && !filterOk(t.filter, e)) return;
        // the engine replaces the browser's own navigation: links, form submits, submit buttons
        if (e.type === 'submit' || (e.type === 'click' && (el.tagName === 'A' || (el.form && el.type === 'submit')))) e.preventDefault();
        if (t.mods.once && fired) return;
        if (t.mods.changed) { if (el.value === lastValue) return; lastValue = el.value; }
        fired = true;
        if (t.mods.throttle) {
          var now = Date.now();
          if (last && now - last < t.mods.throttle) return;
          last = now;
        }
        if (t.mods.delay) {
          clearTimeout(el.__sxDelay);
          el.__sxDelay = root.setTimeout(function () { go(e); }, t.mods.delay);
        } else go(e);
      };
      srcs.forEach(function (s) { var rec = listen(s, t.event, handler); if (s !== el) (el.__sxL || (el.__sxL = [])).push(rec); });
    });
  }
  function revealed(el, go) {
    if (!root.IntersectionObserver) { root.setTimeout(go, 0); return; }
    var io = new root.IntersectionObserver(function (entries) {
      if (entries.some(function (en) { return en.isIntersecting; })) { io.disconnect(); go(); }
    });
    io.observe(el);
    el.__sxIO = io;
  }
  // sx-boost: links and forms inside navigate with the engine, falling back to the browser
  function boost(container) {
    if (container.__sxBound) return;
    container.__sxBound = true;
    var run = function (e, el, verb, url) {
      e.preventDefault();
      var over = {};
      ['sx-target', 'sx-swap', 'sx-select'].forEach(function (a) { if (!el.hasAttribute(a) && container.hasAttribute(a)) over[a] = container.getAttribute(a); });
      if (!el.hasAttribute('sx-target') && !over['sx-target']) over['sx-target'] = 'body';
      if (!el.hasAttribute('sx-push-url') && verb === 'get') over['sx-push-url'] = 'true';
      issue(el, verb, url, e, over);
    };
    listen(container, 'click', function (e) {
      var a = e.target.closest && e.target.closest('a[href]');
      if (!a || !container.contains(a) || e.defaultPrevented || e.button || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
      if (a.target && a.target !== '_self' || a.hasAttribute('download') || !sameOrigin(a.href) || VERBS.some(function (v) { return a.hasAttribute('sx-' + v); })) return;
      if (/^#/.test(a.getAttribute('href'))) return;
      run(e, a, 'get', a.href);
    });
    listen(container, 'submit', function (e) {
      var f = e.target;
      if (e.defaultPrevented || VERBS.some(function (v) { return f.hasAttribute('sx-' + v); })) return;
      var action = f.getAttribute('action') || root.location.href;
      if (!sameOrigin(action)) return;
      run(e, f, (f.getAttribute('method') || 'get').toLowerCase(), action);
    });
  }
  function process(node) {
    if (!node || node.nodeType !== 1) return;
    var list = node.matches(VERB_SEL) ? [node] : [];
    list.concat(Array.from(node.querySelectorAll(VERB_SEL))).forEach(function (el) {
      safely(function () { if (el.hasAttribute('sx-boost') && attr(el, 'sx-boost') !== 'false') boost(el); else bind(el); });
    });
  }

  // ---------------------------------------------------------------- history, startup
  function loadComponentBlocks(d) {
    Array.from(d.querySelectorAll('script[type="text/sx"][data-components]')).forEach(function (s) {
      try { SX.loadDefinitions(s.textContent); } catch (e) { logError('sx: bad component definitions: ' + e.message); }
      if (s.getAttribute('data-hash')) componentsHash = s.getAttribute('data-hash');
    });
  }
  function restore() {
    var url = root.location.href;
    root.fetch(url, { headers: { 'SX-History-Restore': 'true' }, credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) throw new Error('status ' + r.status); return r.text(); })
      .then(function (html) {
        var fresh = new root.DOMParser().parseFromString(html, 'text/html');
        SX.clearStores();
        loadComponentBlocks(fresh);
        if (fresh.title) doc.title = fresh.title;
        morphChildren(doc.body, Array.from(fresh.body.childNodes).map(function (n) { return doc.importNode(n, true); }));
        process(doc.body); hydrate(doc.body);
      }).catch(function () { root.location.reload(); });
  }
  var started = false;
  function start() {
    if (started) return;
    started = true;
    loadComponentBlocks(doc);
    process(doc.body);
    hydrate(doc.body);
    if (root.history && root.history.replaceState && !(root.history.state && root.history.state.sx))
      root.history.replaceState({ sx: true }, '', root.location.href);
    listen(root, 'popstate', function (e) { if (e.state && e.state.sx) restore(); });
    // event bridge: a click on server-rendered content marked data-sx-emit tells the island
    listen(doc, 'click', function (e) {
      var src = e.target.closest && e.target.closest('[data-sx-emit]');
      if (!src) return;
      var detail = null, raw = src.getAttribute('data-sx-emit-detail');
      if (raw) { try { detail = fromJson(JSON.parse(raw)); } catch (err) { logError('sx: data-sx-emit-detail is not valid JSON'); } }
      src.dispatchEvent(new root.CustomEvent(src.getAttribute('data-sx-emit'), { bubbles: true, detail: detail }));
    });
    // islands removed by anything other than the engine are disposed too
    if (root.MutationObserver) new root.MutationObserver(function (records) {
      records.forEach(function (r) { Array.from(r.removedNodes).forEach(function (n) { if (n.nodeType === 1 && !n.isConnected) cleanupTree(n); }); });
    }).observe(doc.body, { childList: true, subtree: true });
  }
  SX.process = process;
  SX.swap = swap;
  SX.morph = morph;
  SX.start = start;
  SX.componentsHash = function () { return componentsHash; };
  if (doc && !root.SX_NO_AUTOSTART) {
    if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', function () { safely(start); });
    else safely(start);
  }

  root.SX = SX;
  if (typeof module === 'object' && module.exports) module.exports = SX;
})(typeof window !== 'undefined' ? window : globalThis);
