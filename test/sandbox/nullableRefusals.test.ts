/**
 * @fileoverview `T | null` in code bodies (src/codenode/print/nullable.ts): what is still refused
 * is refused at the construct, in TypeScript's terms, saying what to write instead. What compiles
 * is checked against JavaScript by the oracle (test/oracle/corpus/nullable.ts).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { SandboxProgram } from "../../runtime/sandbox/index.js";
import type { CompileSandboxResult } from "../../src/emit/wasm/index.js";
import { BODY_FIRST_LINE, compileAll, unit, where } from "./helpers.js";

const line = (n: number) => BODY_FIRST_LINE + n - 1;

const REFUSED = [
  unit(
    "null_and_undefined",
    "const xs: string[] | null | undefined = inputs.t ? null : undefined;\nreturn { n: xs ? 1 : 0 };",
    { t: "string" },
    { n: "integer" },
  ),
  unit(
    "null_parameter_default",
    "function f(xs: string[] | null = ['d']) { return xs === null ? 0 : xs.length; }\nreturn { n: f(null) };",
    {},
    { n: "integer" },
  ),
  unit(
    "array_of_nullable",
    "const rows: (number[] | null)[] = [null, [1]];\nreturn { n: rows.length };",
    {},
    { n: "integer" },
  ),
  unit(
    "dict_of_nullable",
    "const byKey: Record<string, number[] | null> = { a: null };\nreturn { n: Object.keys(byKey).length };",
    {},
    { n: "integer" },
  ),
  unit(
    "chain_to_null",
    "type A = { next: { v: string } | null };\nconst a: A | null = inputs.t ? { next: null } : null;\nreturn { s: JSON.stringify([a?.next]) };",
    { t: "string" },
    { s: "string" },
    ["json"],
  ),
  unit(
    "null_vs_undefined",
    "const xs = [[1], [2]];\nconst a: number[] | null = xs.find((x) => x.length > 0) ?? null;\nconst b = xs.find((x) => x.length > 5);\nreturn { n: a === b ? 1 : 0 };",
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
    expect(diagnosticsOf("null_and_undefined")[0]).toMatch(
      new RegExp(
        `^null_and_undefined.yaml:${line(1)}:13 ICE3009 .*'string\\[\\] \\| null \\| undefined' may be null or undefined: use one of the two`,
      ),
    );
    expect(diagnosticsOf("null_parameter_default")[0]).toMatch(
      new RegExp(
        `^null_parameter_default.yaml:${line(1)}:18 ICE3009 a default on a parameter that may be null \\(JavaScript applies it to undefined only\\)`,
      ),
    );
    expect(diagnosticsOf("array_of_nullable")[0]).toMatch(
      new RegExp(`^array_of_nullable.yaml:${line(1)}:13 ICE3009 .*arrays of values that may be null are not supported`),
    );
    expect(diagnosticsOf("dict_of_nullable")[0]).toMatch(
      new RegExp(`^dict_of_nullable.yaml:${line(1)}:13 ICE3009 .*holds values that may be null`),
    );
    expect(diagnosticsOf("chain_to_null")[0]).toMatch(
      new RegExp(
        `^chain_to_null.yaml:${line(3)}:\\d+ ICE3009 .*(may be null or undefined|reaching a value that may be null)`,
      ),
    );
    expect(diagnosticsOf("null_vs_undefined")[0]).toMatch(
      new RegExp(
        `^null_vs_undefined.yaml:${line(4)}:\\d+ ICE3009 comparing a value that may be null with one that may be undefined`,
      ),
    );
    for (const d of refused.diagnostics) expect(d.message).not.toMatch(/~lib|AS\d{3}|\bauto\b|\bi32\b|\bf64\b/);
  });
});
