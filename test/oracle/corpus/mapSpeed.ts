/**
 * @fileoverview Map, Set and dictionary cases for the hash table of support/iteration.ts and
 * support/dictionary.ts ((hash, position) slots, our string hash read 8 bytes at a time, the key
 * found last remembered, tombstones and compaction): string keys of every tail length and equal
 * text in different objects, number keys (NaN, -0, infinities, huge), boolean keys, mutation
 * during iteration (delete, re-add, clear, break, nested loops), long insert/delete churn.
 */
import type { OracleCase } from "../oracle.js";

const CHURN = Array.from({ length: 3000 }, (_, i) => `t${(i * 131) % 700}`);
const ODD = [
  "",
  "a",
  "ab",
  "abc",
  "abcd",
  "abcde",
  "é",
  "日本語",
  "👍",
  "👍a",
  "a👍",
  "x".repeat(17),
  "x".repeat(16),
  "\u0000",
  "\u0000\u0000",
];

export const MAP_SPEED: readonly OracleCase[] = [
  {
    name: "map-speed/string-key-shapes",
    body: `
      const m = new Map<string, number>();
      const base = inputs.prefix;
      // keys of every length up to 20 that differ only in the last code unit, or only in the first
      for (let n = 0; n <= 20; n++) {
        const stem = base.repeat(n);
        m.set(stem, n);
        m.set(stem + "a", n + 100);
        m.set(stem + "b", n + 200);
        m.set("b" + stem, n + 300);
      }
      for (const w of inputs.words) m.set(w, (m.get(w) ?? 0) + 1);
      // the same text built other ways: different string objects
      let found = 0;
      for (let n = 0; n <= 20; n++) {
        const again = base.repeat(n + 1).slice(base.length);
        if (m.has(again)) found++;
        if ((m.get(again + "b") ?? -1) === n + 200) found++;
        if (m.has(("B" + again).toLowerCase())) found++;
      }
      for (const w of inputs.words) {
        const copy = [...w].join("");
        if (m.has(copy)) found++;
        if (m.has(copy + "\\u0000")) found += 1000;
      }
      const s = new Set<string>(inputs.words);
      const parts = inputs.words.join("|").split("|");
      let inSet = 0;
      for (const p of parts) if (s.has(p)) inSet++;
      return { size: m.size, found, setSize: s.size, inSet, keys: [...m.keys()].slice(-8), first: [...s].slice(0, 6) };
    `,
    input: { prefix: "string", words: "string[]" },
    output: {
      size: "integer",
      found: "integer",
      setSize: "integer",
      inSet: "integer",
      keys: "string[]",
      first: "string[]",
    },
    inputs: [
      { prefix: "q", words: ODD },
      { prefix: "ab", words: [...ODD, ...ODD.map((w) => w + w)] },
      { prefix: "日", words: ["", "", "z"] },
      { prefix: "", words: CHURN },
    ],
  },
  {
    name: "map-speed/number-keys",
    body: `
      const m = new Map<number, string>();
      const keys = [0, -0, 0 / 0, 1 / 0, -1 / 0, 1, -1, 0.1, 0.1 + 0.2, 0.3, 2 ** 53, 2 ** 53 + 1, 1e21, 5e-324, -5e-324, 4294967296, 4294967295, -2147483648];
      for (const k of keys) m.set(k, String(k));
      for (const x of inputs.xs) m.set(x, (m.get(x) ?? "") + "+");
      const probes = [-0, 0, 0 / 0, Math.sqrt(-1), 0.30000000000000004, 9007199254740992, 1e21 + 1];
      const got = probes.map((p) => (m.has(p) ? m.get(p) ?? "?" : "none"));
      m.delete(0 / 0);
      m.delete(-0);
      const after = [m.has(0), m.has(0 / 0), m.size];
      m.set(0, "zero again");
      const s = new Set<number>([1, 1.0, -0, 0, 0 / 0, 0 / 0, 2, 3]);
      for (const x of inputs.xs) s.add(x);
      s.delete(2);
      let order = "";
      for (const [k, v] of m) order += k + "=" + v + ";";
      return { got, after: after.map((x) => String(x)), order, set: [...s].map((x) => String(x)).join(","), setSize: s.size };
    `,
    input: { xs: "number[]" },
    output: { got: "string[]", after: "string[]", order: "string", set: "string", setSize: "integer" },
    inputs: [
      { xs: [] },
      { xs: [0, 1, 1, 2, 3.5, -7, 1e21, 0.1] },
      { xs: Array.from({ length: 500 }, (_, i) => (i % 97) * 0.5 - 10) },
    ],
  },
  {
    name: "map-speed/boolean-keys",
    body: `
      const m = new Map<boolean, number>();
      for (const f of inputs.flags) m.set(f, (m.get(f) ?? 0) + 1);
      const s = new Set<boolean>(inputs.flags);
      const first = [...m.keys()].map((x) => String(x)).join(",");
      m.delete(true);
      m.set(true, -1);
      return { first, order: [...m.entries()].map(([k, v]) => k + ":" + v).join(","), set: [...s].map((x) => String(x)).join(","), t: m.get(true) ?? 0, f: m.get(false) ?? 0 };
    `,
    input: { flags: "boolean[]" },
    output: { first: "string", order: "string", set: "string", t: "integer", f: "integer" },
    inputs: [{ flags: [] }, { flags: [true] }, { flags: [false, true, false, false] }],
  },
  {
    name: "map-speed/iteration-while-changing",
    body: `
      const m = new Map<string, number>();
      for (let i = 0; i < inputs.n; i++) m.set("k" + i, i);
      const seen: string[] = [];
      let rounds = 0;
      for (const [k, v] of m) {
        seen.push(k + "=" + v);
        if (++rounds > 400) break;
        if (v % 3 === 0) m.set(k, v + 1000); // set of an existing key keeps its place
        if (v % 4 === 1) { m.delete(k); if (v < 30) m.set(k, -v); } // delete and re-add goes to the end
        if (v === 7) m.delete("k8");
        if (v === 11) { for (const k2 of [...m.keys()]) if (k2.length > 3) m.delete(k2); }
      }
      const nested: string[] = [];
      for (const a of m.keys()) {
        for (const b of m.values()) if (nested.length < 40) nested.push(a + ":" + b);
        if (m.size > 5) m.delete(a);
      }
      return { seen: seen.join(","), size: m.size, rest: [...m].map(([k, v]) => k + v).join(","), nested: nested.join(",") };
    `,
    input: { n: "integer" },
    output: { seen: "string", size: "integer", rest: "string", nested: "string" },
    inputs: [{ n: 0 }, { n: 1 }, { n: 9 }, { n: 40 }, { n: 300 }],
  },
  {
    name: "map-speed/clear-and-break-during-iteration",
    body: `
      const m = new Map<number, number>();
      for (let i = 0; i < inputs.n; i++) m.set(i, i);
      const seen: number[] = [];
      for (const [k] of m) {
        seen.push(k);
        if (k === 2) { m.clear(); m.set(100, 1); m.set(101, 2); }
        if (k === 100) m.set(102, 3);
      }
      // a loop left by break: later deletes must not move what another loop will visit
      for (const k of m.keys()) if (k >= 101) break;
      for (let i = 0; i < 50; i++) m.set(200 + i, i);
      for (let i = 0; i < 48; i++) m.delete(200 + i);
      const s = new Set<string>();
      for (let i = 0; i < inputs.n; i++) s.add("s" + i);
      const visited: string[] = [];
      for (const x of s) {
        visited.push(x);
        s.delete(x);
        if (visited.length === 3) s.clear();
        if (visited.length < 6) s.add("t" + visited.length);
      }
      return { seen, keys: [...m.keys()], size: m.size, visited, setSize: s.size };
    `,
    input: { n: "integer" },
    output: { seen: "integer[]", keys: "integer[]", size: "integer", visited: "string[]", setSize: "integer" },
    inputs: [{ n: 0 }, { n: 2 }, { n: 3 }, { n: 30 }],
  },
  {
    name: "map-speed/churn-and-last-key",
    body: `
      const m = new Map<string, number>();
      let misses = 0;
      for (let i = 0; i < inputs.words.length; i++) {
        const w = inputs.words[i];
        const c = m.get(w) ?? 0;
        if (c === 0) misses++;
        m.set(w, c + 1);
        if (i % 3 === 0) m.delete(w); // the key found last, deleted
        if ((m.get(w) ?? -1) === -1) m.set(w, 0.5);
        if (i % 7 === 0 && i > 0) m.delete(inputs.words[i - 1]);
      }
      const other = new Map<string, number>();
      for (const w of inputs.words) { other.set(w, (m.get(w) ?? 0) + (other.get(w) ?? 0)); m.set(w, (m.get(w) ?? 0) + 1); }
      let total = 0;
      for (const v of m.values()) total += v;
      const ks = [...m.keys()];
      return { misses, size: m.size, otherSize: other.size, total, head: ks.slice(0, 5), tail: ks.slice(-5) };
    `,
    input: { words: "string[]" },
    output: {
      misses: "integer",
      size: "integer",
      otherSize: "integer",
      total: "number",
      head: "string[]",
      tail: "string[]",
    },
    inputs: [{ words: [] }, { words: ["a", "a", "b", "a", "c", "b"] }, { words: CHURN }],
  },
  {
    name: "map-speed/insert-delete-cycles",
    body: `
      const m = new Map<number, number>();
      const s = new Set<number>();
      for (let i = 0; i < inputs.n; i++) {
        m.set(i, i);
        s.add(i % 37);
        if (i >= 10) m.delete(i - 10);
        if (i % 5 === 0) s.delete((i * 7) % 37);
      }
      let sum = 0;
      for (const [k, v] of m) sum += k * v;
      // NaN and -0 keys whose positions move when deleted entries are compacted away
      const z = new Map<number, number>();
      const zs = new Set<number>();
      for (let i = 0; i < 20; i++) { z.set(i + 0.5, i); zs.add(i + 0.5); }
      z.set(0 / 0, -1);
      zs.add(0 / 0);
      z.set(-0, -2);
      for (let i = 0; i < 20; i++) { z.delete(i + 0.5); zs.delete(i + 0.5); }
      for (let i = 0; i < inputs.n % 100; i++) { z.set(i * 3, i); zs.add(i * 3); }
      z.delete(0 / 0);
      z.set(0 / 0, -3);
      const zk = [...z.keys()].slice(0, 6).map((x) => String(x)).join(",");
      return {
        size: m.size, sum, keys: [...m.keys()].join(","), set: [...s].join(","),
        has: [m.has(inputs.n - 1), m.has(inputs.n - 11), s.has(0), z.has(0 / 0), zs.has(0 / 0), z.has(0), zs.has(-0)],
        nan: z.get(0 / 0) ?? 99, zero: z.get(0) ?? 99, zk, zsize: z.size + zs.size,
      };
    `,
    input: { n: "integer" },
    output: {
      size: "integer",
      sum: "number",
      keys: "string",
      set: "string",
      has: "boolean[]",
      nan: "integer",
      zero: "integer",
      zk: "string",
      zsize: "integer",
    },
    inputs: [{ n: 0 }, { n: 12 }, { n: 5000 }, { n: 5040 }],
  },
  {
    name: "map-speed/dictionary-counting",
    body: `
      const counts: Record<string, number> = {};
      for (const w of inputs.words) counts[w] = (counts[w] ?? 0) + 1;
      let removed = 0;
      for (const w of inputs.words) if (w.length === 2 && w in counts) { delete counts[w]; removed++; }
      for (const w of inputs.words) if (w.length === 2) counts[w] = (counts[w] ?? 0) + 10;
      const seen: Record<string, boolean> = {};
      let firsts = 0;
      for (const w of inputs.words) { if (!seen[w]) firsts++; seen[w] = true; }
      return { keys: Object.keys(counts), values: Object.values(counts), removed, firsts, n: Object.keys(seen).length };
    `,
    input: { words: "string[]" },
    output: { keys: "string[]", values: "integer[]", removed: "integer", firsts: "integer", n: "integer" },
    inputs: [
      { words: [] },
      { words: ["b", "a", "10", "2", "01", "b", "4294967295", "4294967294", "ab", "ab", "", "é", "👍", "cd"] },
      { words: CHURN },
    ],
  },
  {
    name: "map-speed/dictionary-defaults-and-updates",
    body: `
      const n: Record<string, number> = {};
      const t: Record<string, string> = {};
      const b: Record<string, boolean> = {};
      for (let i = 0; i < inputs.words.length; i++) {
        const w = inputs.words[i];
        n[w] = (n[w] ?? -0.5) * 2 + 1;
        t[w] = (t[w] ?? "") + i;
        b[w] = !(b[w] ?? false);
        n[i] = (n[i] ?? 0) + 1;
      }
      const missing = inputs.words.length + "x";
      const nanRead = n[missing] * 2;
      n["fresh"]++;
      n["fresh2"] += 3;
      const dotted = (n.alpha ?? 7) + (t.alpha ?? "none") + String(b.alpha ?? false);
      return {
        keys: Object.keys(n), nums: Object.values(n).map((x) => String(x)), texts: Object.values(t),
        flags: Object.values(b), nanRead: String(nanRead), dotted, three: n[3] ?? -1,
      };
    `,
    input: { words: "string[]" },
    output: {
      keys: "string[]",
      nums: "string[]",
      texts: "string[]",
      flags: "boolean[]",
      nanRead: "string",
      dotted: "string",
      three: "number",
    },
    inputs: [{ words: [] }, { words: ["alpha", "beta", "alpha", "7", "", "alpha"] }, { words: CHURN.slice(0, 400) }],
  },
  {
    name: "map-speed/split-and-index-of-scans",
    body: `
      const out: string[] = [];
      for (const sep of inputs.seps) {
        out.push(inputs.text.split(sep).join("|") + "#" + inputs.text.split(sep).length);
        out.push(inputs.text.split(sep, 2).join("|"));
        let at = inputs.text.indexOf(sep);
        let hits = "";
        while (at >= 0 && hits.length < 200) { hits += at + ","; at = inputs.text.indexOf(sep, at + 1); }
        out.push(hits + inputs.text.includes(sep) + inputs.text.indexOf(sep, -5) + inputs.text.indexOf(sep, 1e9));
      }
      return { out };
    `,
    input: { text: "string", seps: "string[]" },
    output: { out: "string[]" },
    inputs: [
      { text: "", seps: [" ", "ab", ""] },
      { text: "a`a`a`aa``a", seps: ["a", "`", "a`", "``", "`a`a`a`a`a`a`"] },
      { text: "x日y日日z\uffff\u8000\u7fff\uffffq", seps: ["日", "\uffff", "\u8000", "\u7fff", "日z", "q"] },
      { text: "1 22 333 4444 55555 666666 7777777 88888888 999999999 ", seps: [" ", "  ", "4 5", "9 ", "99999999 "] },
      { text: "👍a👍b👍👍", seps: ["👍", "\ud83d", "\udc4d", "a👍"] },
    ],
  },
  {
    name: "map-speed/object-from-entries-of-a-map",
    body: `
      const m = new Map<string, number>();
      for (const w of inputs.words) m.set(w, (m.get(w) ?? 0) + 1);
      m.delete("gone");
      const o = Object.fromEntries(m);
      const byNum = new Map<number, string[]>();
      for (const x of inputs.xs) { const g = byNum.get(x); if (g) g.push(String(x)); else byNum.set(x, [String(x)]); }
      const p = Object.fromEntries(byNum);
      return { keys: Object.keys(o), values: Object.values(o), numKeys: Object.keys(p), sizes: Object.values(p).map((g) => g.length) };
    `,
    input: { words: "string[]", xs: "number[]" },
    output: { keys: "string[]", values: "integer[]", numKeys: "string[]", sizes: "integer[]" },
    inputs: [
      { words: [], xs: [] },
      {
        words: ["b", "10", "a", "gone", "2", "b", "__proto__", "constructor", "01", "-1"],
        xs: [3, -0, 0, 1e21, 0.1, 3, -5, 2],
      },
      { words: CHURN.slice(0, 300), xs: Array.from({ length: 100 }, (_, i) => (i % 13) - 6.5) },
    ],
  },
  {
    name: "map-speed/collections-from-and-to-arrays",
    body: `
      const xs = inputs.words.slice();
      const s = new Set(xs);
      xs.push("later");
      const pairs: [string, number][] = xs.map((w, i) => [w, i]);
      const m = new Map(pairs);
      pairs.push(["pushed", 1]);
      const keys = [...m.keys()];
      keys.push("extra");
      const vals = Array.from(m.values());
      vals.reverse();
      const fromSet = [...s];
      fromSet.sort();
      const union = new Set([...s, ...m.keys()]);
      const both = [...s].filter((w) => m.has(w));
      m.delete(inputs.words[0] ?? "");
      return {
        s: [...s], m: [...m.keys()], keys, vals, fromSet, union: [...union], both, sizes: [s.size, m.size, union.size],
        entries: [...m.entries()].map(([k, v]) => k + v), setEntries: [...s.entries()].map(([a, b]) => a + b),
      };
    `,
    input: { words: "string[]" },
    output: {
      s: "string[]",
      m: "string[]",
      keys: "string[]",
      vals: "integer[]",
      fromSet: "string[]",
      union: "string[]",
      both: "string[]",
      sizes: "integer[]",
      entries: "string[]",
      setEntries: "string[]",
    },
    inputs: [{ words: [] }, { words: ["b", "a", "b", "c", "a"] }, { words: CHURN.slice(0, 200) }],
  },
  {
    name: "map-speed/lru-cache-and-broken-loops",
    body: `
      const cache = new Map<string, number>();
      let hits = 0;
      let evicted = "";
      for (let i = 0; i < inputs.words.length; i++) {
        const w = inputs.words[i];
        const hit = cache.get(w);
        if (hit !== undefined) { hits++; cache.delete(w); cache.set(w, hit + 1); continue; }
        cache.set(w, 0);
        if (cache.size > inputs.cap) {
          for (const k of cache.keys()) { if (evicted.length < 80) evicted += k + ","; cache.delete(k); break; }
        }
      }
      // find-first loops left by break, then churn, then a full loop
      const s = new Set<number>();
      for (let i = 0; i < 300; i++) s.add(i % 2 === 0 ? i : i % 3 === 0 ? 0 / 0 : -i);
      let firsts = 0;
      for (let round = 0; round < 60; round++) {
        for (const x of s) { if (x > round) { firsts += x; break; } }
        s.delete(round * 2);
        s.add(1000 + round);
        if (round % 7 === 0) s.delete(0 / 0);
        if (round % 9 === 0) s.add(0 / 0);
      }
      let rest = 0;
      let last = "";
      for (const x of s) { rest++; last = String(x); }
      return { hits, evicted, keys: [...cache.keys()].slice(-10), vals: [...cache.values()].slice(0, 10), size: cache.size, firsts, rest, last, setSize: s.size };
    `,
    input: { words: "string[]", cap: "integer" },
    output: {
      hits: "integer",
      evicted: "string",
      keys: "string[]",
      vals: "integer[]",
      size: "integer",
      firsts: "number",
      rest: "integer",
      last: "string",
      setSize: "integer",
    },
    inputs: [
      { words: [], cap: 3 },
      { words: ["a", "b", "a", "c", "d", "b", "e", "a", "a"], cap: 2 },
      { words: CHURN, cap: 50 },
      { words: CHURN, cap: 1 },
    ],
  },
];
