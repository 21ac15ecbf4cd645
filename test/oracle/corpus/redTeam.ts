/**
 * @fileoverview Adversarial bodies against the code-node features of session 8 (narrower
 * parameters in projection.ts, structuredClone, spread key order, odd-key dictionaries,
 * intersections, `as const` tuples, optional objects compared by identity, String/Number as
 * callbacks, recursive types and generic classes): each body tries to make the sandbox's result
 * differ from JavaScript's. Bodies the compiler must refuse are named `...-refused`.
 */
import type { OracleCase } from "../oracle.js";
import { cases } from "./caseMaker.js";

const make = cases("redteam");
const N = [{ n: 1 }, { n: -0 }, { n: 3 }, { n: -2.5 }];
const rt = (name: string, lines: string[], caps: readonly string[] = ["json"]): OracleCase =>
  make(name, lines.join("\n"), { n: "number" }, { s: "string" }, N, caps);

export const RED_TEAM: readonly OracleCase[] = [
  // ---- narrower parameters (projection.ts) ----
  rt("narrower-arg-mutates-before-read-refused", [
    "const m = { id: 'x', n: inputs.n };",
    "function read(b: { n: number }, k: number) { return b.n + k; }",
    "function bump() { m.n = 7; return 1; }",
    "return { s: String(read(m, bump())) };",
  ]),
  rt("narrower-arg-assign-before-read-refused", [
    "const m = { id: 'x', n: inputs.n };",
    "function read(b: { n: number }, k: number) { return b.n + k; }",
    "return { s: String(read(m, (m.n = 9))) };",
  ]),
  rt("narrower-default-param-mutates-refused", [
    "const m = { id: 'x', n: inputs.n };",
    "function touch() { m.n = 7; return 1; }",
    "function read(b: { n: number }, k: number = touch()) { return b.n + k; }",
    "return { s: String(read(m)) };",
  ]),
  rt("narrower-default-param-assign-refused", [
    "const m = { id: 'x', n: inputs.n };",
    "function read(b: { n: number }, k: number = (m.n = 5)) { return b.n + k; }",
    "return { s: String(read(m)) };",
  ]),
  rt("narrower-callback-by-name-refused", [
    "const m = { id: 'x', n: inputs.n };",
    "function touch(x: number) { m.n = x + 10; }",
    "function read(b: { n: number }) { [1, 2].forEach(touch); return b.n; }",
    "return { s: String(read(m)) };",
  ]),
  rt("narrower-callback-param-function-refused", [
    "const m = { id: 'x', n: inputs.n };",
    "function read(b: { n: number }, f: (x: number) => void) { [1].forEach(f); return b.n; }",
    "return { s: String(read(m, (x) => { m.n = 40 + x; })) };",
  ]),
  rt("narrower-sort-comparator-by-name-refused", [
    "const m = { id: 'x', n: inputs.n };",
    "function cmp(a: number, c: number) { m.n = a + c; return a - c; }",
    "function read(b: { n: number }) { const xs = [3, 1, 2].sort(cmp); return b.n + xs[0]!; }",
    "return { s: String(read(m)) };",
  ]),
  rt("narrower-reassigned-closure-refused", [
    "const m = { id: 'x', n: inputs.n };",
    "let f = (b: { n: number }) => b.n;",
    "if (inputs.n >= 0) f = (b: { n: number }) => { m.n = 99; return b.n; };",
    "return { s: String(f(m)) };",
  ]),
  rt("narrower-conditional-closure-refused", [
    "const m = { id: 'x', n: inputs.n };",
    "const f = inputs.n > 0 ? (b: { n: number }) => b.n : (b: { n: number }) => { m.n = 99; return b.n; };",
    "return { s: String(f(m)) };",
  ]),
  rt("narrower-conditional-closure-2-refused", [
    "const m = { id: 'x', n: inputs.n };",
    "const f = inputs.n > 0 ? (b: { n: number }) => { m.n = 99; return b.n; } : (b: { n: number }) => b.n;",
    "return { s: String(f(m)) };",
  ]),
  rt("narrower-array-of-functions-refused", [
    "const m = { id: 'x', n: inputs.n };",
    "const fs = [(b: { n: number }) => b.n, (b: { n: number }) => { m.n = 99; return b.n; }];",
    "return { s: String(fs[1]!(m)) + String(fs[0]!(m)) };",
  ]),
  rt("narrower-map-stored-function-refused", [
    "const m = { id: 'x', n: inputs.n };",
    "const fs = new Map([['a', (b: { n: number }) => b.n]]);",
    "fs.set('b', (b) => { m.n = 99; return b.n; });",
    "return { s: String(fs.get('b')!(m)) };",
  ]),
  rt("narrower-overridden-method-refused", [
    "const m = { id: 'x', n: inputs.n };",
    "class A { read(b: { n: number }) { return b.n; } }",
    "class B extends A { override read(b: { n: number }) { m.n = 99; return b.n; } }",
    "const a: A = inputs.n > 0 ? new B() : new A();",
    "return { s: String(a.read(m)) };",
  ]),
  rt("narrower-object-method-reassigned-refused", [
    "const m = { id: 'x', n: inputs.n };",
    "const o = { f: (b: { n: number }) => b.n };",
    "o.f = (b) => { m.n = 99; return b.n; };",
    "return { s: String(o.f(m)) };",
  ]),
  rt("narrower-getter-mutates-refused", [
    "const m = { id: 'x', n: inputs.n };",
    "class C { get g() { m.n = 99; return 1; } }",
    "function read(b: { n: number }, c: C) { const x = c.g; return b.n + x; }",
    "return { s: String(read(m, new C())) };",
  ]),
  rt("narrower-setter-mutates-refused", [
    "const m = { id: 'x', n: inputs.n };",
    "class C { set g(v: number) { m.n = v; } }",
    "function read(b: { n: number }, c: C) { c.g = 5; return b.n; }",
    "return { s: String(read(m, new C())) };",
  ]),
  rt("narrower-aliased-identity", [
    "const m = { id: 'x', n: inputs.n };",
    "const alias = m;",
    "function read(b: { n: number }) { return b.n; }",
    "const r = read(m);",
    "alias.n = 3;",
    "return { s: String(r) + ':' + String(m.n) };",
  ]),
  rt("narrower-for-of-field-target-refused", [
    "const m = { id: 'x', n: inputs.n };",
    "function read(b: { n: number }, o: { n: number; id: string }) { for (o.n of [4, 5]) {} return b.n; }",
    "return { s: String(read(m, m)) };",
  ]),
  rt("narrower-optional-chain-refused", [
    "const m = { id: 'x', n: inputs.n, extra: true };",
    "function read(b?: { n: number }) { return b?.n ?? -1; }",
    "return { s: String(read(m)) + String(read()) };",
  ]),
  rt("narrower-method-callee-refused", [
    "const m = { id: 'x', n: inputs.n, extra: 'e' };",
    "class R { k = 2; read(b: { n: number }) { return b.n * this.k; } }",
    "return { s: String(new R().read(m)) };",
  ]),
  rt("narrower-generic-callee", [
    "const m = { id: 'x', n: inputs.n };",
    "function read<T extends { n: number }>(b: T) { return b.n; }",
    "return { s: String(read(m)) };",
  ]),
  rt("narrower-throw-midway", [
    "const m = { id: 'x', n: inputs.n };",
    "function read(b: { n: number }) { if (b.n > 2) throw new Error('big ' + b.n); return b.n; }",
    "try { return { s: String(read(m)) }; } catch (e) { return { s: (e as Error).message + m.n }; }",
  ]),
  rt("narrower-nested-declaration-refused", [
    "const m = { id: 'x', n: inputs.n };",
    "function read(b: { n: number }) { function inner() { return b.n; } return inner(); }",
    "return { s: String(read(m)) };",
  ]),
  rt("narrower-array-arg-mutates-before-refused", [
    "const m = { id: 'x', n: inputs.n };",
    "const xs = [m];",
    "function read(b: { n: number }, k: number) { return b.n * k; }",
    "return { s: String(read(m, xs.map((x) => (x.n = 4)).length)) };",
  ]),
  rt("narrower-tostring-template-refused", [
    "const m = { id: 'x', n: inputs.n };",
    "class C { toString() { m.n = 99; return 'c'; } }",
    "function read(b: { n: number }, c: C) { const t = `${c}`; return t + b.n; }",
    "return { s: read(m, new C()) };",
  ]),
  rt("narrower-tojson-refused", [
    "const m = { id: 'x', n: inputs.n };",
    "class C { k = 1; toJSON() { m.n = 99; return 'c'; } }",
    "function read(b: { n: number }, c: C) { const t = JSON.stringify(c); return t + b.n; }",
    "return { s: read(m, new C()) };",
  ]),
  rt("narrower-still-projects", [
    "interface Base { id: string; n: number }",
    "const m = { id: 'x', n: inputs.n, extra: [1] };",
    "const read = (b: Base, k: number) => b.id + (b.n + k);",
    "function dest({ id, n }: Base, k: string) { return id + n + k; }",
    "return { s: read(m, m.n * 2) + dest(m, m.id.toUpperCase()) + [m].map((x) => read(x, 1)).join() };",
  ]),
  rt("narrower-destructured-later-arg-refused", [
    "const m = { id: 'x', n: inputs.n };",
    "function dest({ n }: { n: number }, k: number) { return n + k; }",
    "return { s: String(dest(m, (m.n = 9))) };",
  ]),
  // ---- structuredClone ----
  rt("clone-map-key-value-identity-refused", [
    "const k = { id: inputs.n };",
    "const m = new Map([[k, k]]);",
    "const c = structuredClone(m);",
    "const [[a, b]] = [...c.entries()];",
    "return { s: String(a === b) + String(a === k) + JSON.stringify(a) };",
  ]),
  rt("clone-shared-across-containers-refused", [
    "const o = { n: inputs.n };",
    "const s = { list: [o], map: new Map([['k', o]]), set: new Set([o]) };",
    "const c = structuredClone(s);",
    "c.list[0]!.n = 5;",
    "return { s: String(c.map.get('k')!.n) + String([...c.set][0]!.n) + String(o.n) };",
  ]),
  rt("clone-array-of-arrays-shared", [
    "const inner = [inputs.n];",
    "const c = structuredClone([inner, inner, [inputs.n]]);",
    "c[0]!.push(2);",
    "return { s: JSON.stringify(c) + String(c[0] === c[1]) };",
  ]),
  rt("clone-negative-zero-nan", [
    "const v = { a: -0, b: NaN, c: [inputs.n, -0], d: inputs.n * 0 };",
    "const c = structuredClone(v);",
    "return { s: [Object.is(c.a, -0), Number.isNaN(c.b), Object.is(c.c[1], -0), Object.is(c.d, v.d), Object.is(c.c[0], inputs.n)].join() };",
  ]),
  rt("clone-optional-undefined-present-refused", [
    "type T = { a?: number; b: number };",
    "const t: T = inputs.n > 0 ? { a: undefined, b: 1 } : { b: 2 };",
    "const c = structuredClone(t);",
    "return { s: Object.keys(c).join() + '|' + String('a' in c) + JSON.stringify(c) };",
  ]),
  rt("clone-key-order-of-literal-refused", [
    "type T = { a?: number; b: number };",
    "const t: T = inputs.n > 0 ? { b: 1, a: 2 } : { b: 2 };",
    "const c = structuredClone(t);",
    "return { s: JSON.stringify(c) + Object.keys(c).join() };",
  ]),
  rt("clone-dict-integer-keys", [
    "const d: Record<string, number> = {};",
    "d['b'] = 1; d['2'] = 2; d['1'] = inputs.n; d['01'] = 4; d['-1'] = 5;",
    "const c = structuredClone(d);",
    "delete d['b'];",
    "return { s: Object.keys(c).join() + JSON.stringify(c) + Object.keys(d).join() };",
  ]),
  rt(
    "clone-dates",
    [
      "const d = { at: new Date(inputs.n * 1000), bad: new Date(NaN) };",
      "const c = structuredClone(d);",

      "return { s: String(d.at.getTime()) + ',' + String(c.at.getTime()) + ',' + String(c.bad.getTime()) + String(c.at === d.at) };",
    ],
    ["json", "time"],
  ),
  rt("clone-tuple", [
    "const t: [number, string, number[]] = [inputs.n, 'x', [1]];",
    "const c = structuredClone(t);",
    "c[2].push(3);",
    "return { s: JSON.stringify(t) + JSON.stringify(c) };",
  ]),
  rt("clone-any-shared", [
    "const o: any = { a: inputs.n };",
    "const v: any = [o, o];",
    "const c = structuredClone(v);",
    "c[0].a = 2;",
    "return { s: JSON.stringify(c) + JSON.stringify(v) };",
  ]),
  rt("clone-set-of-arrays-refused", [
    "const a = [inputs.n];",
    "const s = new Set([a, a, [inputs.n]]);",
    "const c = structuredClone(s);",
    "return { s: String(c.size) + JSON.stringify([...c]) };",
  ]),
  rt("clone-nested-map-in-dict", [
    "const inner = new Map([['x', inputs.n]]);",
    "const d: Record<string, Map<string, number>> = { p: inner, q: inner };",
    "const c = structuredClone(d);",
    "c['p']!.set('y', 2);",
    "return { s: String(c['q']!.size) + String(inner.size) + Object.keys(c).join() };",
  ]),
  // ---- spread key order ----
  rt("spread-optional-absent-present-refused", [
    "type T = { a?: number; b: number; c?: string };",
    "const t: T = inputs.n > 0 ? { b: 1, c: 'x', a: 2 } : inputs.n < 0 ? { c: 'y', b: 2 } : { b: 3 };",
    "const u = { c: 'z', ...t, d: 1 };",
    "return { s: JSON.stringify(u) + Object.keys(u).join() };",
  ]),
  rt("spread-same-shape-twice-refused", [
    "const a = { x: 1, y: inputs.n };",
    "const b = { y: 5, x: 6 };",
    "const u = { ...b, ...a };",
    "const v = { ...a, ...b, x: 0 };",
    "return { s: JSON.stringify(u) + JSON.stringify(v) };",
  ]),
  rt("spread-nested-refused", [
    "const a = { p: { y: 1, x: inputs.n }, q: 2 };",
    "const u = { ...a, p: { ...a.p, z: 3 } };",
    "return { s: JSON.stringify(u) + Object.keys(u.p).join() };",
  ]),
  rt("spread-class-instance-refused", [
    "class P { b = 1; a = inputs.n; }",
    "const u = { z: 0, ...new P() };",
    "return { s: JSON.stringify(u) + JSON.stringify(new P()) };",
  ]),
  rt("spread-class-ctor-order-refused", [
    "class P { a: number; b: number; constructor(n: number) { this.b = n; this.a = 2; } }",
    "const p = new P(inputs.n);",
    "return { s: JSON.stringify(p) + Object.keys(p).join() + JSON.stringify({ ...p }) };",
  ]),
  rt("object-assign-order", [
    "const base = { b: 1, a: 2 };",
    "const o = Object.assign({}, { a: inputs.n }, base, { c: 3 });",
    "return { s: JSON.stringify(o) + Object.keys(o).join() };",
  ]),
  rt("spread-param-unknown-order-refused", [
    "type T = { a: number; b: number };",
    "function f(t: T) { return JSON.stringify({ ...t, c: 1 }); }",
    "const x: T = { b: 1, a: inputs.n };",
    "return { s: f(x) + f({ a: 1, b: 2 }) };",
  ]),
  rt("spread-of-array-element", [
    "type T = { a: number; b: number };",
    "const xs: T[] = [{ b: 1, a: inputs.n }];",
    "return { s: JSON.stringify(xs.map((t) => ({ ...t }))) };",
  ]),
  // ---- odd-key dictionaries ----
  rt("odd-keys-integer-like", [
    "const h = { 'x-y': 'a', '2': 'b', '1': 'c', '01': 'd', '-1': 'e' };",
    "return { s: Object.keys(h).join() + JSON.stringify(h) + Object.entries(h).map(([k, v]) => k + v).join() };",
  ]),
  rt("odd-keys-proto-refused", [
    "const h = { '__proto__': 'p', 'a-b': 'w' };",
    "return { s: Object.keys(h).join() + JSON.stringify(h) };",
  ]),
  rt("odd-keys-in-inherited", [
    "const h = { 'a-b': 1, 'c-d': inputs.n };",
    "const k = inputs.n > 0 ? 'toString' : 'hasOwnProperty';",
    "return { s: String(k in h) + String('a-b' in h) + String('valueOf' in h) };",
  ]),
  rt("odd-keys-assign-delete-refused", [
    "const h: { 'a-b'?: number; 'c-d'?: number } = { 'c-d': 1, 'a-b': inputs.n };",
    "delete h['c-d'];",
    "h['c-d'] = 3;",
    "return { s: Object.keys(h).join() + JSON.stringify(h) };",
  ]),
  rt("odd-keys-spread-into-typed", [
    "const h = { 'Content-Type': 'json', 'X-Id': String(inputs.n) };",
    "const g = { ...h, 'Content-Type': 'text', Accept: 'all' };",
    "return { s: JSON.stringify(g) + Object.keys(g).join() };",
  ]),
  rt("odd-keys-constructor", [
    "const h = { 'constructor': 'c', 'a b': 'd' };",
    "return { s: h['constructor'] + h['a b'] + Object.keys(h).join() + JSON.stringify(h) };",
  ]),
  rt("odd-keys-numeric-literal", [
    "const h = { 10: 'a', 'x-y': 'b', 9: 'c', 1.5: 'd' };",
    "return { s: Object.keys(h).join() + JSON.stringify(h) };",
  ]),
  rt("intersection-spread-order", [
    "type A = { b: number } & { a: number };",
    "const x: A = { a: inputs.n, b: 1 };",
    "const y = { ...x, c: 2 };",
    "return { s: JSON.stringify(x) + JSON.stringify(y) };",
  ]),
  rt("as-const-tuple-mixed-refused", [
    "const T = [1, 'a', -0] as const;",
    "return { s: JSON.stringify(T) + String(T.length) + String(Object.is(T[2], -0)) };",
  ]),
  // ---- identity comparisons ----
  rt("optional-identity", [
    "const xs = [{ n: 1 }, { n: inputs.n }];",
    "const a = xs.find((x) => x.n === inputs.n);",
    "const b = xs.findLast((x) => x.n === inputs.n);",
    "const c = xs[5];",
    "return { s: [a === b, a === xs[1], c === undefined, c == null, xs[0] === c, a === c, a != undefined].join() };",
  ]),
  // ---- library callbacks ----
  rt("string-number-callbacks", [
    'const v: any = JSON.parse(\'[1, -0, null, "a", true, 1e21, [1,2], {"a":1}, " 2 ", "", "0x10"]\');',
    "const ss: string[] = v.map(String);",
    "const ns: number[] = v.map(Number);",
    "return { s: ss.join('|') + ns.map((x) => (Object.is(x, -0) ? '-0' : String(x))).join('|') };",
  ]),
  rt("parseint-callback-refused", ["const v = ['1', '2', '3', '10'];", "return { s: v.map(parseInt).join() };"]),
  // ---- generic classes ----
  rt("generic-instanceof-refused", [
    "class Box<T> { constructor(public v: T) {} }",
    "const a = new Box(inputs.n);",
    "const b = new Box('x');",
    "return { s: String(a instanceof Box) + String(b instanceof Box) + JSON.stringify([a, b]) };",
  ]),
  // ---- batch 2 ----
  rt("any-callbacks-string-number", [
    'const arr: any[] = JSON.parse(\'[1, -0, null, "a", true, false, 1e21, [1,2], {"a":1}, " 12 ", "", "0x10", "-0x10", "0b11", "1_000", "+.5", "1e1000", "Infinity", [], [5], ["5"], [[]], [null], [true], [1,[null,2]], "\\u00a0 7\\n"]\');',
    "const ss: string[] = arr.map(String);",
    "const ns: number[] = arr.map(Number);",
    "return { s: ss.join('|') + '#' + ns.map((x) => (Object.is(x, -0) ? '-0' : String(x))).join('|') };",
  ]),
  rt(
    "any-callbacks-others-refused",
    [
      'const arr: any[] = JSON.parse(\'[1.5, -0, null, "2.5", true, [], [3], {}, " 4x", "", [1,2], -1.5, "a b"]\');',
      "const b = arr.filter(Boolean).length;",
      "const e: string[] = arr.map(encodeURIComponent);",
      "const i = arr.filter(Number.isInteger).length + arr.filter(Number.isFinite).length;",
      "const show = (x: number) => (Object.is(x, -0) ? '-0' : String(x));",
      "return { s: show(-0) + '#' + b + '#' + e.join() + '#' + i };",
    ],
    ["json", "math"],
  ),
  rt("set-map-negative-zero", [
    "const s = new Set([-0, inputs.n, NaN, NaN]);",
    "const m = new Map([[-0, 'z'], [inputs.n, 'n']]);",
    "const c = structuredClone(s);",
    "const show = (x: number) => (Object.is(x, -0) ? '-0' : String(x));",
    "return { s: [...s].map(show).join() + '|' + [...m.keys()].map(show).join() + '|' + [...c].map(show).join() + String(c.has(0)) + String(m.get(0)) + String(s.size) };",
  ]),
  rt("clone-cycle-self", [
    "type Node = { v: number; next?: Node };",
    "const n: Node = { v: inputs.n };",
    "n.next = n;",
    "const c = structuredClone(n);",
    "return { s: String(c.next === c) + String(c.next === n) + String(c.v) };",
  ]),
  rt("clone-array-field-shared", [
    "const a = [inputs.n];",
    "const o = { x: a, y: a, z: [a] };",
    "const c = structuredClone(o);",
    "c.x.push(2);",
    "return { s: JSON.stringify(c) + JSON.stringify(o) };",
  ]),
  rt("clone-optional-object-refused", [
    "type T = { id: string; meta?: { n: number } };",
    "const xs: T[] = [{ id: 'a' }, { id: 'b', meta: { n: inputs.n } }];",
    "xs.push({ id: 'c', meta: xs[1]!.meta });",
    "const c = structuredClone(xs);",
    "c[1]!.meta!.n = 7;",
    "return { s: JSON.stringify(c) + String(c[2]!.meta === c[1]!.meta) };",
  ]),
  rt("clone-any-negative-zero", [
    "const v: any = JSON.parse('[-0, {\"a\": -0}]');",
    "const c = structuredClone(v);",
    "return { s: String(1 / c[0]) + String(1 / c[1].a) + JSON.stringify(c) };",
  ]),
  rt("clone-dict-shared-values", [
    "const o = { n: inputs.n };",
    "const d: Record<string, { n: number }> = { '2': o, a: o, '1': { n: 1 } };",
    "const c = structuredClone(d);",
    "c['a']!.n = 5;",
    "return { s: Object.values(c).map((v) => v.n).join() + Object.keys(c).join() + String(c['2'] === c['a']) };",
  ]),
  rt("spread-dict-integer-keys", [
    "const d: Record<string, number> = { z: 1 };",
    "d['2'] = 2; d['1'] = inputs.n;",
    "const u = { ...d, y: 3, '0': 4 };",
    "return { s: JSON.stringify(u) + Object.keys(u).join() };",
  ]),
  rt("spread-odd-keys-integer", [
    "const h = { 'a-b': 'x', '7': 'y' };",
    "const u = { 'c-d': 'z', ...h, '3': 'w' };",
    "return { s: JSON.stringify(u) + Object.keys(u).join() };",
  ]),
  rt("odd-keys-alias-as-record", [
    "const h = { 'a-b': 'x', 'c-d': String(inputs.n) };",
    "const r: Record<string, string> = h;",
    "r['e-f'] = 'y';",
    "r['a-b'] = 'changed';",
    "return { s: JSON.stringify(h) + Object.keys(h).join() + h['a-b'] };",
  ]),
  rt("odd-keys-passed-to-record-param", [
    "const h = { 'a-b': 'x', 'c-d': String(inputs.n) };",
    "function add(r: Record<string, string>) { r['z'] = '1'; return Object.keys(r).length; }",
    "const k = add(h);",
    "return { s: String(k) + JSON.stringify(h) };",
  ]),
  rt("odd-keys-keyof-loop", [
    "const h = { 'a-b': 1, '10': 2, 'c d': inputs.n };",
    "let t = '';",
    "for (const k in h) t += k + '=' + h[k as keyof typeof h] + ';';",
    "for (const [k, v] of Object.entries(h)) t += k + v;",
    "return { s: t + Object.values(h).join() };",
  ]),
  rt("odd-keys-length-key", [
    "const h = { 'length': 'a', 'x-y': 'b' };",
    "return { s: h['length'] + h.length + Object.keys(h).join() + JSON.stringify(h) };",
  ]),
  rt("as-const-object", [
    "const O = { b: 1, a: 'x', c: [1, 2] } as const;",
    "return { s: JSON.stringify(O) + Object.keys(O).join() + O.c.length + O.a };",
  ]),
  rt("as-const-nested-tuples", [
    "const T = [[1, 2], [3]] as const;",
    "const L = ['b', 'a', 'b'] as const;",
    "return { s: JSON.stringify(T) + T[0].length + L.indexOf('b') + L.lastIndexOf('b') + [...L].sort().join() + L.includes(String(inputs.n) as 'a') };",
  ]),
  rt("identity-both-missing", [
    "const xs = [{ n: inputs.n }];",
    "const ys = [{ n: inputs.n }];",
    "const i = inputs.n > 0 ? 0 : 3;",
    "const a = xs[i];",
    "const b = ys[i];",
    "return { s: [xs[i] === ys[i], a === b, a == b, xs[4] === ys[9], a === xs[0], a !== undefined, a != null].join() };",
  ]),
  rt("identity-optional-chain", [
    "type T = { n: number; kid?: T };",
    "const leaf: T = { n: 1 };",
    "const a: T = { n: inputs.n, kid: inputs.n > 0 ? leaf : undefined };",
    "const b: T = { n: 2, kid: inputs.n > 0 ? leaf : undefined };",
    "return { s: [a.kid === b.kid, a.kid?.kid === b.kid, a.kid === leaf, a.kid?.kid === undefined].join() };",
  ]),
  rt("generic-pair-order-refused", [
    "class Pair<A, B> { constructor(public b: B, public a: A) {} swap() { return new Pair<B, A>(this.a, this.b); } }",
    "const p = new Pair(inputs.n, 'x');",
    "return { s: JSON.stringify(p) + JSON.stringify(p.swap()) + JSON.stringify([p, p.swap().swap()]) };",
  ]),
  rt("generic-optional-t-refused", [
    "class Box<T> { constructor(public v: T) {} get() { return this.v; } }",
    "const a = new Box<number | undefined>(inputs.n > 0 ? inputs.n : undefined);",
    "const b = new Box<string>('s');",
    "return { s: JSON.stringify(a) + JSON.stringify(b) + String(a.get() ?? 'none') };",
  ]),
  rt("generic-shared-array", [
    "class Box<T> { constructor(public v: T) {} }",
    "const arr = [inputs.n];",
    "const a = new Box(arr);",
    "const b = new Box(arr);",
    "a.v.push(1);",
    "return { s: b.v.join() + String(a.v === b.v) + String(a === b) };",
  ]),
  rt("generic-typeof-t", [
    "class Box<T> { constructor(public v: T) {} kind() { return typeof this.v; } twice() { return [this.v, this.v]; } }",
    "return { s: new Box(inputs.n).kind() + new Box('x').kind() + new Box([1]).kind() + JSON.stringify(new Box(true).twice()) };",
  ]),
  rt("recursive-cycle-json-refused", [
    "type Node = { v: number; next?: Node };",
    "const n: Node = { v: inputs.n };",
    "if (inputs.n > 0) n.next = n;",
    "return { s: JSON.stringify(n) };",
  ]),
  rt("recursive-deep-list", [
    "type L = { v: number; next?: L };",
    "let head: L | undefined;",
    "for (let i = 0; i < 200; i++) head = { v: i, next: head };",
    "return { s: JSON.stringify(head).length + ':' + JSON.stringify(structuredClone(head)).slice(0, 20) };",
  ]),
  rt("intersection-assign-result", [
    "const defaults = { b: 1, a: 'x' };",
    "const o = Object.assign({}, defaults, { a: String(inputs.n), c: true });",
    "const p = { ...o, b: 2 };",
    "return { s: JSON.stringify(o) + JSON.stringify(p) + Object.keys(p).join() };",
  ]),
  // ---- batch 3 ----
  rt("narrower-arguments-object-refused", [
    "const m = { id: 'x', n: inputs.n };",
    "function read(b: { n: number }) { return b.n + arguments.length; }",
    "return { s: String(read(m)) };",
  ]),
  rt("narrower-spread-arguments-refused", [
    "const m = { id: 'x', n: inputs.n };",
    "function read(k: number, j: number, b: { n: number }) { return k + j + b.n; }",
    "const ks: [number, number] = [1, 2];",
    "return { s: String(read(...ks, m)) };",
  ]),
  rt("narrower-logical-assign-field-refused", [
    "const m = { id: 'x', n: inputs.n, o: 0 as number | undefined };",
    "function read(b: { n: number }, t: { o?: number }) { t.o ??= 5; t.o ||= 6; return b.n; }",
    "return { s: String(read(m, m)) + String(m.o) };",
  ]),
  rt("narrower-identity-after-refused", [
    "const m = { id: 'x', n: inputs.n };",
    "const seen: { n: number }[] = [];",
    "const read = (b: { n: number }) => b.n * 2;",
    "const r = read(m);",
    "seen.push(m);",
    "return { s: String(r) + String(seen[0] === m) };",
  ]),
  rt("spread-through-typed-var", [
    "const a = { y: 1, x: inputs.n };",
    "const b: { x: number; y: number } = { ...a };",
    "return { s: JSON.stringify({ ...b, z: 1 }) };",
  ]),
  rt("spread-conditional-refused", [
    "const u = { a: 1, ...(inputs.n > 0 ? { b: 2 } : {}), c: 3 };",
    "const x = { q: 1, p: 2 };",
    "const y = { p: 3, q: 4 };",
    "const v = { ...(inputs.n > 0 ? x : y) };",
    "return { s: JSON.stringify(u) + JSON.stringify(v) };",
  ]),
  rt("spread-optional-object-refused", [
    "const o: { a: number; b: number } | undefined = inputs.n > 0 ? { b: 1, a: 2 } : undefined;",
    "const u = { z: 0, ...o };",
    "return { s: JSON.stringify(u) };",
  ]),
  rt("spread-array-and-string-refused", [
    "const u = { ...[inputs.n, 2], z: 1 };",
    "const v = { ...'ab' };",
    "return { s: JSON.stringify(u) + JSON.stringify(v) };",
  ]),
  rt("delete-then-readd-refused", [
    "const o: { a?: number; b: number } = { a: 1, b: inputs.n };",
    "delete o.a;",
    "o.a = 3;",
    "return { s: JSON.stringify(o) + JSON.stringify({ ...o }) };",
  ]),
  rt("spread-accumulate-computed", [
    "let acc: Record<string, number> = {};",
    "for (const k of ['b', '1', 'a', '0', 'b']) acc = { ...acc, [k]: (acc[k] ?? 0) + inputs.n };",
    "return { s: JSON.stringify(acc) + Object.keys(acc).join() };",
  ]),
  rt("intersection-param-spread-refused", [
    "type A = { id: string } & { score: number };",
    "const f = (x: A) => ({ ...x, rank: 1 });",
    "const xs: A[] = [{ score: inputs.n, id: 'a' }];",
    "return { s: JSON.stringify(xs.map(f)) + JSON.stringify(f({ id: 'b', score: 2 })) };",
  ]),
  rt("narrower-destructured-default-mutates-refused", [
    "const m = { id: 'x', n: inputs.n };",
    "function bump() { m.n = 7; return 1; }",
    "function dest({ k = bump(), n }: { n: number; k?: number }) { return k + n; }",
    "return { s: String(dest(m)) };",
  ]),
  rt("narrower-destructured-default-ok", [
    "const m = { id: 'x', n: inputs.n };",
    "function dest({ k = 2, n }: { n: number; k?: number }) { return k * n; }",
    "return { s: String(dest(m)) };",
  ]),
  // ---- batch 4: class instances that structuredClone must not copy as instances ----
  rt("clone-generic-class-instance-refused", [
    "class Box<T> { constructor(public v: T) {} get() { return this.v; } }",
    "const c = structuredClone(new Box(inputs.n));",
    "return { s: String(c.get()) + String(c instanceof Box) };",
  ]),
  rt("clone-generic-class-in-array-refused", [
    "class Box<T> { constructor(public v: T) {} get() { return this.v; } }",
    "const c = structuredClone([new Box('a'), new Box(String(inputs.n))]);",
    "return { s: c.map((b) => b.get()).join() };",
  ]),
  rt("clone-generic-method-class-refused", [
    "class Bag { items: number[] = []; add(x: number) { this.items.push(x); return this; } map<U>(f: (x: number) => U): U[] { return this.items.map(f); } }",
    "const b = new Bag().add(inputs.n);",
    "const c = structuredClone(b);",
    "return { s: c.map((x) => String(x)).join() };",
  ]),
  rt("clone-recursive-class-refused", [
    "class Node { kids: Node[] = []; constructor(public v: number) {} sum(): number { return this.kids.reduce((a, k) => a + k.sum(), this.v); } }",
    "const r = new Node(inputs.n);",
    "r.kids.push(new Node(2));",
    "const c = structuredClone(r);",
    "return { s: String(c.sum()) };",
  ]),
  rt("clone-subclass-as-base-refused", [
    "class A { constructor(public n: number) {} }",
    "class B extends A { constructor(n: number, public k: string) { super(n); } }",
    "const a: A = new B(inputs.n, 'k');",
    "const c = structuredClone(a);",
    "return { s: JSON.stringify(c) };",
  ]),
  rt("clone-class-in-optional-field-refused", [
    "class C { constructor(public v: number) {} twice() { return this.v * 2; } }",
    "type T = { c?: C; d: Map<string, C> };",
    "const t: T = { c: new C(inputs.n), d: new Map([['k', new C(1)]]) };",
    "const x = structuredClone(t);",
    "return { s: String(x.c?.twice()) + String(x.d.get('k')!.twice()) };",
  ]),
  rt("clone-typed-and-any-alias-refused", [
    "const o = { n: inputs.n };",
    "const a: any = o;",
    "const pair = { typed: o, loose: a };",
    "const c = structuredClone(pair);",
    "c.typed.n = 5;",
    "return { s: JSON.stringify(c.loose) + JSON.stringify(c.typed) };",
  ]),
  rt("any-alias-of-typed-refused", [
    "const o = { n: inputs.n };",
    "const a: any = o;",
    "a.n = 2;",
    "o.n += 1;",
    "return { s: String(o.n) + JSON.stringify(a) };",
  ]),
  // ---- batch 5: objects built where the key order is not a literal's ----
  rt("rest-of-parameter-order-refused", [
    "type T = { a: number; b: number; c: number };",
    "function f(o: T) { const { a, ...rest } = o; return a + JSON.stringify(rest); }",
    "const lit = { b: 5, c: 6 };",
    "return { s: f({ c: 1, b: 2, a: inputs.n }) + JSON.stringify(lit) };",
  ]),
  rt("rest-of-literal-order-refused", [
    "const o = { c: 1, a: inputs.n, b: 2 };",
    "const { a, ...rest } = o;",
    "const other = { b: 7, c: 8 };",
    "return { s: a + JSON.stringify(rest) + JSON.stringify(other) + Object.keys(rest).join() };",
  ]),
  rt("parsed-typed-order-refused", [
    "type T = { a: number; b: number };",
    'const x: T = JSON.parse(inputs.n > 0 ? \'{"b":1,"a":2}\' : \'{"a":3,"b":4}\');',
    "const y: T = { a: 1, b: 2 };",
    "return { s: JSON.stringify(x) + JSON.stringify(y) + JSON.stringify({ ...x, c: 1 }) };",
  ]),
  rt("empty-as-type-refused", [
    "type T = { a: number; b: number };",
    "const t = {} as T;",
    "t.b = inputs.n;",
    "t.a = 2;",
    "return { s: JSON.stringify(t) };",
  ]),
  rt("empty-as-type-unassigned-refused", [
    "type T = { a: number; b: string };",
    "const t = {} as T;",
    "return { s: JSON.stringify(t) + String(t.a) + String(t.b) };",
  ]),
  rt("partial-as-type-refused", [
    "type T = { a: number; b: number; c: number };",
    "const t = { c: inputs.n } as T;",
    "t.a = 1;",
    "return { s: JSON.stringify(t) + Object.keys(t).join() };",
  ]),
  rt("object-assign-into-existing-refused", [
    "type T = { a: number; b?: number; c?: number };",
    "const t: T = { a: inputs.n };",
    "Object.assign(t, { c: 3 }, { b: 2 });",
    "return { s: JSON.stringify(t) };",
  ]),
  rt("odd-keys-index-boundary", [
    "const h = { 'x-y': 'a', '1.0': 'b', 1: 'c', '4294967295': 'd', '4294967294': 'e', '-0': 'f', '9007199254740993': 'g', '0': 'h', ' 2': 'i' };",
    "return { s: Object.keys(h).join() + JSON.stringify(h) };",
  ]),
  rt("record-index-boundary", [
    "const d: Record<string, number> = {};",
    "for (const k of ['x', '4294967295', '4294967294', '10', '010', '1e3', '2', '-1', String(inputs.n)]) d[k] = k.length;",
    "return { s: Object.keys(d).join() + JSON.stringify(structuredClone(d)) + JSON.stringify({ ...d, a: 0 }) };",
  ]),
  rt("rest-same-shape-and-optional-refused", [
    "type T = { a: number; b?: number; c: number };",
    "const o: T = inputs.n > 0 ? { c: 1, a: inputs.n, b: 2 } : { a: 1, c: 2 };",
    "const { ...all } = o;",
    "const { b, ...ac } = o;",
    "return { s: JSON.stringify(all) + JSON.stringify(ac) + JSON.stringify(o) + String(b) };",
  ]),
  rt("rest-nested-then-spread", [
    "const o = { z: 1, y: { q: 1, p: inputs.n }, x: 3 };",
    "const { x, ...r1 } = o;",
    "const { z, ...r2 } = r1;",
    "return { s: JSON.stringify(r1) + JSON.stringify(r2) + JSON.stringify({ w: 0, ...r2 }) + x + z };",
  ]),
  rt("rest-of-literal-json", [
    "const o = { c: 1, a: inputs.n, b: 2 };",
    "const { a, ...rest } = o;",
    "const ys = [o].map(({ b, ...r }) => r);",
    "return { s: a + JSON.stringify(rest) + JSON.stringify({ ...rest, d: 4 }) + ys.length };",
  ]),
  // ---- batch 6: optional fields named like Object.prototype's members ----
  rt("narrower-optional-inherited-name-refused", [
    "const m = { id: 'x', n: inputs.n };",
    "const f = (o: { id: string; toString?: string }) => typeof o.toString;",
    "const g = (o: { id: string; constructor?: string }) => typeof o.constructor;",
    "return { s: f(m) + g(m) };",
  ]),
  rt("optional-inherited-name-literal-refused", [
    "type T = { id: string; valueOf?: string; hasOwnProperty?: string };",
    "const t: T = inputs.n > 0 ? { id: 'x', valueOf: 'v' } : { id: 'y' };",
    "return { s: typeof t.valueOf + typeof t.hasOwnProperty + String(t.valueOf === undefined) };",
  ]),
  rt("optional-inherited-name-clone-refused", [
    "type T = { id: string; toString?: string };",
    "const t: T = { id: String(inputs.n) };",
    "const c = structuredClone(t);",
    "return { s: typeof c.toString + JSON.stringify(c) };",
  ]),
  rt("optional-inherited-name-spread-refused", [
    "type T = { id: string; constructor?: string };",
    "const t: T = { id: String(inputs.n) };",
    "const u = { ...t, k: 1 };",
    "return { s: typeof u.constructor + JSON.stringify(u) };",
  ]),
  rt("narrower-optional-absent", [
    "const m = { id: 'x', n: inputs.n };",
    "const f = (o: { id: string; note?: string; k?: number }) => (o.note ?? 'none') + String(o.k) + String(o.k === undefined);",
    "return { s: f(m) };",
  ]),
  // ---- batch 7: clones of containers after deletes ----
  rt("clone-map-after-delete", [
    "const m = new Map<string, number[]>();",
    "const shared = [inputs.n];",
    "m.set('a', shared); m.set('b', [2]); m.set('c', shared);",
    "m.delete('a'); m.set('a', [9]); m.delete('b');",
    "const c = structuredClone(m);",
    "c.get('c')!.push(1);",
    "m.set('z', []);",
    "return { s: [...c.keys()].map((k) => k + JSON.stringify(c.get(k)!)).join() + c.size + [...m.keys()].join() };",
  ]),
  rt("clone-set-after-delete", [
    "const s = new Set(['x', 'y', String(inputs.n), 'z']);",
    "s.delete('y'); s.add('y'); s.delete('x');",
    "const c = structuredClone(s);",
    "c.add('w');",
    "return { s: [...c].join() + c.size + [...s].join() + s.size };",
  ]),
  rt("clone-dict-after-delete", [
    "const d: Record<string, number[]> = {};",
    "const shared = [inputs.n];",
    "d['b'] = shared; d['a'] = [1]; d['3'] = shared;",
    "delete d['b']; d['b'] = [2]; delete d['a'];",
    "const c = structuredClone(d);",
    "c['3']!.push(5);",
    "return { s: JSON.stringify(c) + JSON.stringify(d) + Object.keys(c).join() };",
  ]),
  rt("clone-map-number-keys", [
    "const m = new Map<number, string>([[-0, 'z'], [NaN, 'n'], [inputs.n, 'i']]);",
    "const c = structuredClone(m);",
    "return { s: [...c.keys()].map((k) => (Object.is(k, -0) ? '-0' : String(k))).join() + c.get(0) + c.get(NaN) + c.size };",
  ]),
  rt("clone-nested-maps-shared", [
    "const inner = new Map([['k', [inputs.n]]]);",
    "const outer = new Map([['a', inner], ['b', inner]]);",
    "const c = structuredClone({ outer, list: [inner] });",
    "c.outer.get('a')!.set('k2', [1]);",
    "return { s: String(c.outer.get('b')!.size) + String(c.list[0]!.size) + String(inner.size) + String(c.list[0] === c.outer.get('a')) };",
  ]),
  rt("odd-keys-unicode-json", [
    "const h = { '\\ud800': 'lone', '😀': 'e', 'e\\u0301': 'comb', 'a\\u2028b': 'ls', '\\u007f-\\u0000': 'ctl' };",
    "const d: Record<string, string> = { ...h };",
    "d['\\udc00x'] = String(inputs.n);",
    "return { s: JSON.stringify(h) + JSON.stringify(d) + Object.keys(d).map((k) => k.length).join() };",
  ]),
  rt("intersection-with-record-refused", [
    "type A = Record<string, number> & { id: number };",
    "const x: A = { b: 2, id: inputs.n, '1': 3 };",
    "x['c'] = 4;",
    "return { s: JSON.stringify(x) + Object.keys(x).join() + x.id };",
  ]),
  rt("odd-keys-line-separator", [
    "const h = { 'a\\u2028b': 'ls', 'c\\u2029d': String(inputs.n) };",
    "const { 'a\\u2028b': x, ...rest } = h;",
    "const k: keyof typeof h = 'c\\u2029d';",
    "const d: Record<string, string> = { ...h };",
    "delete d['a\\u2028b'];",
    "return { s: JSON.stringify(h) + x + JSON.stringify(rest) + h[k] + Object.keys(d).join() + String('a\\u2028b' in h) };",
  ]),
];
