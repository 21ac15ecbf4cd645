/**
 * @fileoverview The message of JSON.parse's SyntaxError where a `catch` reads it: the host
 * engine's own words for the text (runtime/sandbox/hostText.ts `jsonParseError`), compared with
 * JavaScript in the oracle corpus (test/oracle/corpus/jsonCatch.ts). Here, the bound: for a text
 * over JSON_ERROR_TEXT_LIMIT characters the host does not parse it again (V8 would build the
 * valid part first), and the node stops with a message saying so, never a different message.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { JSON_ERROR_TEXT_LIMIT } from "../../runtime/sandbox/hostText.js";
import type { SandboxProgram } from "../../runtime/sandbox/index.js";
import { runAsJavaScript } from "./differential.js";
import { compileAll, LIMITS, unit, where } from "./helpers.js";

const BODY = [
  "try {",
  "  return { n: JSON.parse(inputs.text).length, error: '' };",
  "} catch (e) {",
  "  return { n: -1, error: e instanceof Error ? e.message : String(e) };",
  "}",
].join("\n");

let program: SandboxProgram;

beforeAll(async () => {
  const compiled = await compileAll([
    unit("reads", BODY, { text: "string" }, { n: "number", error: "string" }, ["json"]),
  ]);
  expect(compiled.diagnostics.map((d) => `${where(d)} ${d.message}`)).toEqual([]);
  program = compiled.programs.get("reads")!;
}, 120_000);

const run = (text: string) => program.run({ text }, { ...LIMITS, fuel: 1e9, memoryBytes: 64 << 20 }).output;

describe("the message of a JSON.parse error a catch reads", () => {
  it("is JavaScript's for a text at the limit", () => {
    const text = `[${"1,".repeat((JSON_ERROR_TEXT_LIMIT - 2) / 2)}]`.slice(0, JSON_ERROR_TEXT_LIMIT);
    expect(text.length).toBe(JSON_ERROR_TEXT_LIMIT);
    expect(run(text)).toEqual((runAsJavaScript(BODY, { text }) as { output: unknown }).output);
  });

  it("stops the node for a longer text, saying why", () => {
    const text = `[${"1,".repeat(JSON_ERROR_TEXT_LIMIT / 2)}]`;
    expect(() => run(text)).toThrow(/JSON\.parse's error for a text over 1048576 characters/);
    try {
      run(text);
    } catch (error) {
      expect((error as { code?: string }).code).toBe("ICE_SANDBOX_TRAP");
    }
  });
});
