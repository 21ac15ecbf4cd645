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

let program: SandboxProgram;

beforeAll(async () => {
  const compiled = await compileAll([
    unit("verdict", BODY, { reply: "string" }, { label: "string", sure: "boolean", tags: "string" }, ["json"]),
  ]);
  expect(compiled.diagnostics.map((d) => `${where(d)} ${d.message}`)).toEqual([]);
  program = compiled.programs.get("verdict")!;
}, 120_000);

const run = (reply: string) => program.run({ reply }, { ...LIMITS, fuel: 1e8 }).output;

describe("a parsed value read as an interface", () => {
  it("reads a well-typed reply as JavaScript does, extra keys ignored", () => {
    const reply = '{"tags":["a","b"],"label":"spam","confidence":0.9,"extra":[1]}';
    expect(run(reply)).toEqual((runAsJavaScript(BODY, { reply }) as { output: unknown }).output);
  });

  it.each([
    ['{"label":"ham","confidence":"high"}', "is a string where the code expects a number"],
    ['{"label":"ham"}', "is undefined where the code expects a number"],
    ['{"label":"ham","confidence":1,"tags":[1]}', "is a number where the code expects a string"],
    ['{"label":"ham","confidence":1,"tags":null}', "is null where the code expects an array"],
    ['"just text"', "where the code expects an object"],
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
