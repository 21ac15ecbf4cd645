/**
 * @fileoverview Regular expressions cannot escape the fuel budget: patterns that make a
 * backtracking engine take exponential time (`(a+)+$`, `(a|aa)+b`, `(\w+\s?)+$`) run in linear
 * time in the sandbox's Pike VM, so on long inputs they finish with the right answer, the fuel
 * they use grows linearly with the input, and a tight budget stops them with ICE_FUEL_EXHAUSTED
 * instead of hanging. (JavaScript itself would not finish these inputs, so the oracle's corpus
 * uses short ones: test/oracle/corpus/regex.ts.)
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { SandboxProgram } from "../../../runtime/sandbox/index.js";
import { compileAll, MiB, unit } from "../helpers.js";

const BODY = [
  "const s = inputs.text;",
  "const a = /(a+)+$/.test(s);",
  "const b = /(a|aa)+b/.test(s);",
  "const c = /^(\\w+\\s?)+$/.test(s);",
  'const d = s.replace(/(x+x+)+y/g, "!").length;',
  'return { r: [a, b, c].map((v) => (v ? "1" : "0")).join("") + d };',
].join("\n");

let program: SandboxProgram;

beforeAll(async () => {
  const compiled = await compileAll([unit("catastrophic", BODY, { text: "string" }, { r: "string" })]);
  const found = compiled.programs.get("catastrophic");
  if (!found) throw new Error(compiled.diagnostics.map((d) => d.message).join("; "));
  program = found;
}, 120_000);

const LIMITS = { fuel: 2_000_000_000, memoryBytes: 64 * MiB, timeoutMs: 120_000 };

describe("catastrophic regular expressions", () => {
  it("finish on long inputs with the answer a backtracking engine would need ages for", () => {
    const n = 20_000;
    const run = program.run({ text: `${"a".repeat(n)}!` }, LIMITS);
    expect(run.output).toEqual({ r: `000${n + 1}` });
    const words = program.run({ text: `${"word ".repeat(2_000)}!` }, LIMITS);
    expect(words.output).toEqual({ r: `000${String(2_000 * 5 + 1)}` });
  });

  it("use fuel linear in the input", () => {
    const fuel = (n: number) => program.run({ text: `${"a".repeat(n)}!` }, LIMITS).fuelUsed;
    const small = fuel(2_000);
    const large = fuel(8_000);
    expect(large / small).toBeLessThan(6);
  });

  it("stop with ICE_FUEL_EXHAUSTED under a tight budget, never hang", () => {
    let code: string | undefined;
    try {
      program.run({ text: `${"a".repeat(50_000)}!` }, { ...LIMITS, fuel: 1_000_000 });
    } catch (error) {
      code = (error as { code?: string }).code;
    }
    expect(code).toBe("ICE_FUEL_EXHAUSTED");
  });
});
