/**
 * @fileoverview Lookaround assertions stay within the fuel budget: each lookaround is decided at
 * every position of the text in one pass (support/regexLook.ts) and the tables are kept for the
 * subject across a global search, so lookaheads and lookbehinds that make a backtracking engine
 * slow (`(?=(?:a|aa)+b)`, a variable-length lookbehind `(?<=^(?:a|aa)+)`) and a global replace
 * or split with an empty match at every position use fuel linear in the input. (The values are
 * checked against JavaScript by the oracle: test/oracle/corpus/regexLookaround.ts.)
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { SandboxProgram } from "../../../runtime/sandbox/index.js";
import { compileAll, MiB, unit } from "../helpers.js";

const BODY = [
  "const s = inputs.text;",
  "const a = /(?=(?:a|aa)+b)a/.test(s);",
  "const b = /(?<=^(?:a|aa)+)!/.test(s);",
  "const c = /(?<!a)a(?!a)/.test(s);",
  'const d = s.replace(/(?<=a)(?=a)/g, "-").length;',
  "const e = s.split(/(?<=a)/).length;",
  'return { r: [a, b, c].map((v) => (v ? "1" : "0")).join("") + ":" + d + ":" + e };',
].join("\n");

let program: SandboxProgram;

beforeAll(async () => {
  const compiled = await compileAll([unit("lookarounds", BODY, { text: "string" }, { r: "string" })]);
  const found = compiled.programs.get("lookarounds");
  if (!found) throw new Error(compiled.diagnostics.map((d) => d.message).join("; "));
  program = found;
}, 120_000);

const LIMITS = { fuel: 2_000_000_000, memoryBytes: 64 * MiB, timeoutMs: 120_000 };

describe("lookaround assertions", () => {
  it("give the answer on long inputs", () => {
    const n = 20_000;
    const run = program.run({ text: `${"a".repeat(n)}!` }, LIMITS);
    expect(run.output).toEqual({ r: `010:${2 * n}:${n + 1}` });
  });

  it("use fuel linear in the input, also for a global replace and a split with empty matches", () => {
    const fuel = (n: number) => program.run({ text: `${"a".repeat(n)}!` }, LIMITS).fuelUsed;
    const small = fuel(2_000);
    const large = fuel(8_000);
    expect(large / small).toBeLessThan(6);
  });
});
