/**
 * Limits through a generated module: trust profiles give the defaults, a node's own `limits`
 * override its profile, run options (`limits`, `nodeLimits`) override both; a node spinning
 * inside one call stops on wall-clock time; a failing node leaves its siblings running.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { iceosc, tempDir, writeFiles } from "../helpers/cli.js";

type Module = { run: (input: unknown, options?: object) => Promise<Record<string, unknown>> };

const WORKFLOW = `name: limits_demo
input_schema: { n: integer }
nodes:
  - id: strict_loop
    type: code
    trust: strict
    inputs: { n: "{{ inputs.n }}" }
    output_schema: { v: integer }
    code: |
      let s = 0;
      for (let i = 0; i < inputs.n; i++) s = (s + i) & 1023;
      return { v: s };
  - id: own_limits
    type: code
    trust: strict
    limits: { fuel: 50000000, timeout_ms: 5000 }
    inputs: { n: "{{ inputs.n }}" }
    output_schema: { v: integer }
    code: |
      let s = 0;
      for (let i = 0; i < inputs.n; i++) s = (s + i) & 1023;
      return { v: s };
  - id: spin
    type: code
    limits: { fuel: 1000000000000000, timeout_ms: 5000 }
    inputs: { n: "{{ inputs.n }}" }
    output_schema: { v: integer }
    code: |
      let i = 0;
      while (inputs.n < 0) { i++; }
      return { v: i };
outputs: { a: "{{ strict_loop.v }}", b: "{{ own_limits.v }}", c: "{{ spin.v }}" }
`;

let module: Module;

beforeAll(async () => {
  const dir = writeFiles({ "limits_demo.yaml": WORKFLOW });
  const out = tempDir();
  const result = await iceosc(["build", join(dir, "limits_demo.yaml"), "--out-dir", out]);
  expect(result.stderr).toContain("built 1 workflow");
  module = (await import(pathToFileURL(join(out, "limits_demo.js")).href)) as Module;
}, 120_000);

/** The operator's policy lets `spin` ask for its 10^15 fuel (above the default ceiling): its wall-clock limit is the subject. */
const POLICY = { policy: { maxFuel: 1e15 } };
const run = (input: unknown, options: object = {}) => module.run(input, { ...POLICY, ...options });

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (e: { code?: string }) => e.code,
  );

describe("limits: profiles, node limits, run-time overrides", () => {
  it("runs within every limit", async () => {
    expect(await run({ n: 1000 })).toEqual({ a: expect.any(Number), b: expect.any(Number), c: 0 });
  });

  it("applies the strict profile's fuel (1,000,000) unless the node or the run overrides it", async () => {
    // ~10 fuel units per iteration: 200k iterations exceed the strict budget, not the node's own.
    // (Overrides raise the 250 ms strict timeout too, so a loaded machine cannot turn "ok" into a timeout.)
    const error = await run({ n: 200_000 }).catch((e: { code: string; nodeId: string }) => e);
    expect(error).toMatchObject({ code: "ICE_FUEL_EXHAUSTED", nodeId: "strict_loop" });
    expect(await codeOf(run({ n: 200_000 }, { nodeLimits: { strict_loop: { fuel: 1e9, timeoutMs: 10_000 } } }))).toBe(
      "ok",
    );
    expect(await codeOf(run({ n: 200_000 }, { limits: { fuel: 1e9, timeoutMs: 10_000 } }))).toBe("ok");
    expect(await codeOf(run({ n: 100 }, { limits: { fuel: 1_000 } }))).toBe("ICE_FUEL_EXHAUSTED");
  });

  it("stops a node spinning inside one call with ICE_TIMEOUT, on time", async () => {
    const started = performance.now();
    const error = await run({ n: -1 }).catch((e: { code: string; nodeId: string }) => e);
    expect(error).toMatchObject({ code: "ICE_TIMEOUT", nodeId: "spin" });
    expect(performance.now() - started).toBeLessThan(30_000); // its fuel would last for hours
    expect(await codeOf(run({ n: -1 }, { nodeLimits: { spin: { fuel: 100_000 } } }))).toBe("ICE_FUEL_EXHAUSTED");
    expect(await codeOf(run({ n: 10 }))).toBe("ok");
  });
});
