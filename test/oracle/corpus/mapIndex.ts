/**
 * @fileoverview Map and Set over their own hash table (support/iteration.ts: one hash per lookup,
 * the key found last remembered) and `m.get(k) ?? literal` without a box (print/mapDefault.ts):
 * many keys, growth, deletes and re-adds (compaction), NaN and -0 keys, clear, iteration order.
 */
import type { OracleCase } from "../oracle.js";

const WORDS = Array.from({ length: 6000 }, (_, i) => `w${(i * 7919) % 2500}`);

export const MAP_INDEX: readonly OracleCase[] = [
  {
    name: "map-index/count-many-keys",
    body: `
      const counts = new Map<string, number>();
      for (const w of inputs.words) counts.set(w, (counts.get(w) ?? 0) + 1);
      const seen = new Map<string, boolean>();
      const last = new Map<string, string>();
      let flips = 0;
      for (let i = 0; i < inputs.words.length; i++) {
        const w = inputs.words[i];
        if (!(seen.get(w) ?? false)) flips++;
        seen.set(w, !(seen.get(w) ?? false));
        last.set(w, (last.get(w) ?? "") + (i % 10).toString());
      }
      let top = "";
      let topCount = -1;
      for (const [w, c] of counts) if (c > topCount) { top = w; topCount = c; }
      const keys = [...counts.keys()];
      return {
        size: counts.size, top, topCount, flips, first: keys.slice(0, 5), lastKey: keys[keys.length - 1] ?? "",
        missing: counts.get("nope") ?? -1, text: last.get(inputs.words[0] ?? "") ?? "none",
      };
    `,
    input: { words: "string[]" },
    output: {
      size: "integer",
      top: "string",
      topCount: "integer",
      flips: "integer",
      first: "string[]",
      lastKey: "string",
      missing: "integer",
      text: "string",
    },
    inputs: [{ words: [] }, { words: ["", "", "a", "", "👍", "a"] }, { words: WORDS }],
  },
  {
    name: "map-index/delete-readd-compact",
    body: `
      const m = new Map<number, number>();
      for (let i = 0; i < inputs.n; i++) m.set(i, i * 2);
      let removed = 0;
      for (let i = 0; i < inputs.n; i += 3) if (m.delete(i)) removed++;
      for (let i = 0; i < inputs.n; i += 6) m.set(i, -i);
      m.set(0 / 0, 1);
      m.set(-0, 7);
      m.set(0 / 0, 2);
      let sum = 0;
      let order = "";
      for (const [k, v] of m) { sum += v; if (order.length < 60) order += k + ":" + v + ","; }
      const hits = [m.get(0) ?? -1, m.get(-0) ?? -2, m.get(0 / 0) ?? -3, m.get(3) ?? -4, m.get(inputs.n + 5) ?? -5];
      const s = new Set<string>();
      for (let i = 0; i < inputs.n; i++) s.add("k" + (i % 97));
      for (let i = 0; i < 97; i += 2) s.delete("k" + i);
      s.add("k0");
      const sv = [...s];
      m.clear();
      m.set(5, 5);
      return { size: removed, sum, order, hits, setSize: s.size, setHead: sv.slice(0, 4), setTail: sv[sv.length - 1] ?? "", after: m.get(5) ?? 0 };
    `,
    input: { n: "integer" },
    output: {
      size: "integer",
      sum: "number",
      order: "string",
      hits: "number[]",
      setSize: "integer",
      setHead: "string[]",
      setTail: "string",
      after: "integer",
    },
    inputs: [{ n: 0 }, { n: 5 }, { n: 40 }, { n: 3000 }],
  },
  {
    name: "map-index/delete-while-iterating",
    body: `
      const m = new Map<string, number>();
      for (let i = 0; i < inputs.n; i++) m.set("k" + i, i);
      const visited: string[] = [];
      for (const [k, v] of m) {
        visited.push(k);
        if (v % 2 === 0) m.delete("k" + (v + 1));
        if (v === 3) m.set("late", 99);
        if (v % 5 === 0) m.delete(k);
      }
      return { visited: visited.join(","), size: m.size, late: m.get("late") ?? -1, k4: m.get("k4") ?? -1 };
    `,
    input: { n: "integer" },
    output: { visited: "string", size: "integer", late: "integer", k4: "integer" },
    inputs: [{ n: 0 }, { n: 10 }, { n: 60 }],
  },
];
