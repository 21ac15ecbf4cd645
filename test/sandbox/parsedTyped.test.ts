/**
 * @fileoverview `JSON.parse(text)` read as a typed value (src/codenode/print/parsedJson.ts) when
 * the text is not what the type says: JavaScript carries the mistyped value on (a string where the
 * interface says number, a missing field), the sandbox stops the node with a message naming what
 * it expected and the workflow line, never a different value. The well-typed runs are in the
 * oracle corpus (test/oracle/corpus/parsedTyped.ts).
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

/** The parsed value stays shared in JavaScript: a typed copy could be told apart, so these are refused. */
const SHARED = {
  read_twice: "const d = JSON.parse(inputs.reply);\nconst v: { n: number } = d;\nd.n = 2;\nreturn { n: v.n };",
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

  it.each([
    ['{"label":"ham","confidence":"high"}', "is a string where the code expects a number"],
    ['{"label":"ham"}', "is undefined where the code expects a number"],
    ['{"label":"ham","confidence":1,"tags":[1]}', "is a number where the code expects a string"],
    ['{"label":"ham","confidence":1,"tags":null}', "is null where the code expects an array"],
    // A text is read as an object without fields (v is only read by fields): its required ones are missing.
    ['"just text"', "is undefined where the code expects a number"],
  ])("stops the node where JavaScript would carry %s on", (reply, message) => {
    expect("output" in runAsJavaScript(BODY, { reply })).toBe(true);
    expect(() => run(reply)).toThrow(message);
    try {
      run(reply);
    } catch (error) {
      expect((error as { code?: string }).code).toBe("ICE_SANDBOX_TRAP");
    }
  });
});
