/**
 * @fileoverview `JSON.parse(text)` read as an interface the body declares, when the text is not
 * what the type says: JavaScript carries the mistyped value on (a string where the interface says
 * number, a missing field), and so does the sandbox, the value staying an 'any'
 * (src/codenode/dynamicStores.ts). A typed copy that JavaScript's shared value could be told apart
 * from is refused. The well-typed runs are in the oracle corpus (test/oracle/corpus/parsedTyped.ts).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { SandboxProgram } from "../../runtime/sandbox/index.js";
import { runAsJavaScript } from "./differential.js";
import { compileAll, LIMITS, unit, where } from "./helpers.js";

const BODY = [
  "interface Verdict { label: string; confidence: number; tags?: string[] }",
  "const v = JSON.parse(inputs.reply) as Verdict;",
  'return { label: v.label, sure: v.confidence > 0.5, tags: (v.tags ?? []).join(",") };',
].join("\n");

/**
 * The parsed value stays shared in JavaScript: a typed copy could be told apart, so these are
 * refused. (`const v: { n: number } = d; d.n = 2; return { n: v.n }` compiles: `v` stays the same
 * 'any' as `d`, test/oracle/corpus/semantics12.ts.)
 */
const SHARED = {
  read_in_a_loop:
    "const d = JSON.parse(inputs.reply);\nlet n = 0;\nfor (let i = 0; i < 2; i++) { const v: { n: number } = d; v.n++; n = v.n; }\nreturn { n };",
};

let program: SandboxProgram;
let refused: Awaited<ReturnType<typeof compileAll>>;

beforeAll(async () => {
  const compiled = await compileAll([
    unit("verdict", BODY, { reply: "string" }, { label: "string", sure: "boolean", tags: "string" }, ["json"]),
  ]);
  expect(compiled.diagnostics.map((d) => `${where(d)} ${d.message}`)).toEqual([]);
  program = compiled.programs.get("verdict")!;
  refused = await compileAll(
    Object.entries(SHARED).map(([id, body]) => unit(id, body, { reply: "string" }, { n: "number" }, ["json"])),
  );
}, 120_000);

const run = (reply: string) => program.run({ reply }, { ...LIMITS, fuel: 1e8 }).output;

describe("a parsed value read as an interface", () => {
  it.each(Object.keys(SHARED))("is refused when the parsed value stays shared (%s)", (id) => {
    const lines = refused.diagnostics
      .filter((d) => d.message.includes("reading a value of type 'any' as"))
      .map((d) => `${d.span?.file.path}`);
    expect(lines.filter((path) => path.includes(id.replace(/ /g, "_")) || path.includes(id))).not.toEqual([]);
    expect(refused.programs.has(id)).toBe(false);
  });

  it("reads a well-typed reply as JavaScript does, extra keys ignored", () => {
    const reply = '{"tags":["a","b"],"label":"spam","confidence":0.9,"extra":[1]}';
    expect(run(reply)).toEqual((runAsJavaScript(BODY, { reply }) as { output: unknown }).output);
  });

  // The interface is the body's own, so the parsed value stays an 'any' (codenode/dynamicStores.ts):
  // a missing or mistyped field reads what JavaScript reads.
  it.each([
    '{"label":"ham","confidence":"high"}',
    '{"label":"ham"}',
    '{"label":"ham","confidence":1,"tags":[1]}',
    '{"label":"ham","confidence":1,"tags":null}',
  ])("carries %s on as JavaScript does", (reply) => {
    const js = runAsJavaScript(BODY, { reply });
    expect("output" in js).toBe(true);
    expect(run(reply)).toEqual((js as { output: unknown }).output);
  });

  it("stops the node where the output would lack a declared field (JavaScript's label is undefined)", () => {
    expect(runAsJavaScript(BODY, { reply: '"just text"' })).toEqual({ output: { sure: false, tags: "" } });
    expect(() => run('"just text"')).toThrow("is undefined where the code expects a string");
  });
});
