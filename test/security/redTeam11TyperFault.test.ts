/**
 * @fileoverview Red team 11: a fault of the compiler was reported as the workflow's. The typer
 * worker (src/emit/wasm/typer.ts) ending before it loaded TypeScript, exiting mid-job, or throwing
 * an error the lowering did not expect all became ICE3008 "this code body is too expensive to
 * type-check: the type checker failed (...); simplify its types" on a body as plain as
 * `return { n: inputs.n + 1 };`. Only what the body costs (the deadline, the budget, the heap, the
 * stack) is ICE3008 now; anything else is ICE3010, which says it is iceosc's fault, on the body
 * being typed, with one line of why (no stack trace).
 */
import { describe, expect, it } from "vitest";
import { compileSandboxUnits } from "../../src/emit/wasm/index.js";
import { unit, where } from "../sandbox/helpers.js";

const N = { n: "integer" } as const;

describe("the typer worker failing", () => {
  it("is reported as iceosc's fault, not as the body's cost, when the worker cannot start", async () => {
    // A heap too small to load TypeScript: the worker ends before its first job.
    const units = [unit("plain", "return { n: inputs.n + 1 };", N, N)];
    const result = await compileSandboxUnits(units, { typing: { memoryMb: 2 } });
    expect(result.diagnostics.map(where)).toEqual([expect.stringMatching(/^plain\.yaml:\d+:\d+ ICE3010$/)]);
    const [message] = result.diagnostics.map((d) => d.message);
    expect(message).toBe(
      "iceosc failed while type-checking this code body (the typer worker's 2 MB heap ran out while it loaded TypeScript); this is a fault in iceosc, not in the code: please report it",
    );
    expect(message).not.toMatch(/too expensive|simplify/);
    expect(result.artifacts).toEqual([]);
  }, 240_000);
});
