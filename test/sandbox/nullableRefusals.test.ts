/**
 * @fileoverview `T | null` and `T | null | undefined` in code bodies (src/codenode/print/nullable.ts,
 * print/nullish.ts): what is still refused (a default on a `T | null` parameter) is refused at the
 * construct, in TypeScript's terms, saying what to write instead. What compiles is checked
 * against JavaScript by the oracle (test/oracle/corpus/nullable.ts, nullable3.ts, refusals4.ts).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { SandboxProgram } from "../../runtime/sandbox/index.js";
import type { CompileSandboxResult } from "../../src/emit/wasm/index.js";
import { BODY_FIRST_LINE, compileAll, unit, where } from "./helpers.js";

const line = (n: number) => BODY_FIRST_LINE + n - 1;

const REFUSED = [
  unit(
    "null_parameter_default",
    "function f(xs: string[] | null = ['d']) { return xs === null ? 0 : xs.length; }\nreturn { n: f(null) };",
    {},
    { n: "integer" },
  ),
];

let refused: CompileSandboxResult & { programs: Map<string, SandboxProgram> };

beforeAll(async () => {
  refused = await compileAll(REFUSED);
}, 180_000);

describe("T | null that has no representation is refused where it is written", () => {
  const diagnosticsOf = (id: string) =>
    refused.diagnostics.filter((d) => d.span?.file.path === `${id}.yaml`).map((d) => `${where(d)} ${d.message}`);

  it("compiles none of them", () => {
    for (const u of REFUSED) expect(refused.programs.has(u.nodeId), u.nodeId).toBe(false);
  });

  it("says where and what to write instead", () => {
    expect(diagnosticsOf("null_parameter_default")[0]).toMatch(
      new RegExp(
        `^null_parameter_default.yaml:${line(1)}:18 ICE3009 a default on a parameter that may be null \\(JavaScript applies it to undefined only\\)`,
      ),
    );
    for (const d of refused.diagnostics) expect(d.message).not.toMatch(/~lib|AS\d{3}|\bauto\b|\bi32\b|\bf64\b/);
  });
});
