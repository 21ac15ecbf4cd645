/**
 * @fileoverview TypeScript's checker on hostile type-level code (SECURITY.md "Type-checking code
 * bodies"). Forty aliases of a tail-recursive conditional type building 999-element tuples, a few
 * KB of body, took 15 s and 1.2 GB on the compiler's own thread: more of them ended the process
 * (out of memory, exit 134). Bodies are now typed in a worker with a heap cap and deadlines
 * (src/emit/wasm/typer.ts): the bomb gets ICE3008 on its body, the bodies after it are still
 * typed (a new worker), and the compiler, run here under a 256 MB heap of its own, exits 1.
 */
import { describe, expect, it } from "vitest";
import { spawnIceosc, writeFiles } from "../helpers/cli.js";
import { bombBody, codeNode } from "../helpers/typeBomb.js";

const WORKFLOW = [
  "name: bomb",
  "input_schema: { n: number }",
  "nodes:",
  ...codeNode("first", "inputs", ["return { n: inputs.n + 1 };"]),
  ...codeNode("bomb", "first", bombBody(40)),
  ...codeNode("after", "bomb", ["const s: string = inputs.n;", "return { n: inputs.n * 2 };"]),
  'outputs: { n: "{{ after.n }}" }',
  "",
].join("\n");

/** The line of the workflow file where `text` first appears (1-based). */
function lineOf(text: string): number {
  return WORKFLOW.split("\n").findIndex((l) => l.includes(text)) + 1;
}

describe("type bombs in code bodies", () => {
  it("get ICE3008 on their body; the other bodies are still typed; the compiler stays within its memory", async () => {
    const dir = writeFiles({ "bomb.yaml": WORKFLOW });
    const result = await spawnIceosc(["build", "bomb.yaml", "--out-dir", "out"], {
      cwd: dir,
      env: {
        // The compiler's own heap: typing the bomb on this thread ran out of it (exit 134).
        NODE_OPTIONS: "--max-old-space-size=256",
        // Internal: small limits for the typer worker, so that the bomb is stopped quickly.
        ICEOSC_TYPING_LIMITS: "120000,128",
      },
    });
    expect(result.stderr).not.toMatch(/internal error|FATAL|at .*\.js:\d+/);
    expect(result.code).toBe(1);
    const bombLine = lineOf("id: bomb") + 5;
    expect(result.stderr).toMatch(
      new RegExp(
        `bomb\\.yaml:${bombLine}:\\d+ - error ICE3008: this code body is too expensive to type-check: it needed more than 128 MB`,
      ),
    );
    // The body after the bomb was typed by a new worker: its own error is reported, located.
    expect(result.stderr).toMatch(new RegExp(`bomb\\.yaml:${lineOf("const s: string")}:\\d+ - error ICE3001`));
    expect(result.stderr).toMatch(/2 errors/);
  }, 300_000);
});

describe("type bombs in plugin modules", () => {
  it("get ICE3008 on the module; the compiler stays within its memory", async () => {
    const plugin = [
      ...bombBody(40).slice(0, -1),
      "export function tool(args: { n: number }): { n: number } {",
      "  return { n: args.n };",
      "}",
      "",
    ].join("\n");
    const flow = [
      "name: flow",
      "input_schema: { n: number }",
      "nodes:",
      "  - id: call",
      "    type: tool",
      "    tool_name: bomb",
      '    tool_args: { n: "{{ inputs.n }}" }',
      'outputs: { n: "{{ call.n }}" }',
      "",
    ].join("\n");
    const dir = writeFiles({ "bomb.ts": plugin, "flow.yaml": flow });
    const result = await spawnIceosc(["run", "flow.yaml", "--input", '{"n":1}', "--plugin", "bomb.ts"], {
      cwd: dir,
      env: { NODE_OPTIONS: "--max-old-space-size=256", ICEOSC_TYPING_LIMITS: "120000,128" },
    });
    expect(result.stderr).not.toMatch(/internal error|FATAL|at .*\.js:\d+/);
    expect(result.stderr).toMatch(
      /bomb\.ts:1:\d+ - error ICE3008: this code body is too expensive to type-check: it needed more than 128 MB/,
    );
    expect(result.code).not.toBe(0);
  }, 300_000);
});
