import { it, expect } from "vitest";
import { compileAll, LIMITS, unit, where } from "./helpers.js";
it("idioms", async () => {
  const units = [
    unit("ws", `const words = inputs.text.split(" ");
let longest = 0;
for (const w of words) longest = Math.max(longest, w.length);
return { words: words.length, longest };`, { text: "string" }, { words: "integer", longest: "integer" }, ["math"]),
    unit("avg", `let total = 0;
for (const v of inputs.values) total += v;
const avg = total / inputs.values.length;
return { avg, half: Math.floor(inputs.values.length / 2), label: "avg=" + avg, t: \`\${avg} \${total}\` };`, { values: "integer[]" }, { avg: "number", half: "integer", label: "string", t: "string" }, ["math"]),
    unit("opt", `const limit = inputs.limit ?? 3;
const has = inputs.limit !== undefined;
const note = inputs.meta?.note ?? "none";
const flag = inputs.meta?.flag ?? false;
const { a, b = 5 } = inputs.pair;
let count = 0;
inputs.rows.forEach((r) => { if (r.score === undefined) return; count++; });
const chars: string[] = [];
for (const ch of "abc") chars.push(ch);
return { limit, has, note, flag, sum: a + b, count, chars: chars.join(","), maybe: inputs.limit, none: undefined };`,
      { limit: "integer?", meta: { note: "string?", flag: "boolean?" }, pair: { a: "integer", b: "integer?" }, rows: [{ score: "number?" }] },
      { limit: "integer", has: "boolean", note: "string", flag: "boolean", sum: "integer", count: "integer", chars: "string", maybe: "integer?", none: "number?" }),
    unit("missing", `return { a: 1 };`, { x: "integer" }, { a: "integer", b: "integer" }),
    unit("closure", `const k = inputs.x;\nconst ys = [1, 2].map<i32>((v) => v * k);\nreturn { a: ys.length };`, { x: "integer" }, { a: "integer" }),
    unit("trycatch", `try { return { a: 1 }; } catch (e) { return { a: 2 }; }`, { x: "integer" }, { a: "integer" }),
  ];
  const r = await compileAll(units);
  for (const d of r.diagnostics) console.log(where(d), d.message);
  for (const [id, input] of [["ws", { text: "the quick brown fox" }], ["avg", { values: [1, 2, 4] }], ["opt", { meta: { flag: true }, pair: { a: 1 }, rows: [{ score: 1 }, {}, { score: 2 }] }], ["opt", { limit: 7, meta: { note: "n" }, pair: { a: 1, b: 2 }, rows: [] }]] as const) {
    const p = r.programs.get(id);
    if (p) console.log(id, JSON.stringify(p.run(input as never, LIMITS).output));
  }
}, 60000);
