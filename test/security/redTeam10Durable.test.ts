/**
 * @fileoverview Red team 10: a durable run's stored state with keys named after builtins. DBOS
 * stores step outcomes, a run's input and its output with superjson, which (a) drops an own
 * `__proto__` key (it assigns it, setting a prototype of its own copy), and (b) throws "constructor
 * is not allowed as a property" when a value it must restore (-0, NaN, Infinity, undefined) sits
 * under a `constructor` or `prototype` key. So the same workflow run durably lost data a plain run
 * keeps (prototype.test.ts), or failed with a non-iceosc error. Here a tool result, a loop's items,
 * the workflow's input and a code node's output carry `__proto__`, `constructor`, `prototype`,
 * `then`, `toJSON` and `valueOf`; the run is killed mid-way and resumed: the first, the resumed and
 * the finished (replayed) run all print what the plain run prints, and nothing is polluted.
 */
import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers/cli.js";
import { freshDatabase, startServer, type TestServer } from "../durable/database.js";
import { readLog, run, start, waitForLog } from "../durable/processes.js";

const FLOW = `name: builtins
input_schema: { items: "object[]", extra: object }
nodes:
  - id: weird
    type: tool
    tool_name: weird
    tool_args: { extra: "{{ inputs.extra }}" }
  - id: each
    type: loop
    items_source: "{{ inputs.items }}"
    item_var: item
    dependencies: [weird]
    body:
      - id: echo
        type: tool
        tool_name: echo
        tool_args: { item: "{{ item }}" }
  - id: slow
    type: tool
    tool_name: slow
    tool_args: { name: "slow", value: "{{ each.results }}" }
    dependencies: [each]
  - id: last
    type: tool
    tool_name: echo
    tool_args: { from: "{{ weird }}", slow: "{{ slow.value }}" }
outputs:
  weird: "{{ weird }}"
  each: "{{ each.results }}"
  last: "{{ last }}"
`;

/** Tools returning values whose keys are builtin names and whose leaves superjson must restore. */
const TOOLS = `import base from "./tools.mjs";
const hostile = () => JSON.parse('{"__proto__":{"polluted":true,"n":-0},"constructor":{"n":-0,"u":null},"prototype":[-0,1],"then":{"n":-0},"toJSON":"j","valueOf":-0}');
export default {
  ...base,
  weird: async (args) => ({ ...hostile(), args, nan: Number.NaN, big: Number.POSITIVE_INFINITY, polluted: ({}).polluted ?? "clean" }),
  echo: async (args) => ({ args, polluted: ({}).polluted ?? "clean", hasThen: typeof Object.prototype.then }),
};
`;

const INPUT = `{"items":[{"__proto__":{"p":1},"constructor":-0},{"prototype":{"x":-0},"then":1,"toJSON":2}],"extra":{"__proto__":[-0],"constructor":{"n":-0}}}`;

let server: TestServer;
beforeAll(() => {
  server = startServer();
});
afterAll(() => server?.stop());

describe("durable runs store builtin-named keys as data", () => {
  it("prints what a plain run prints: first run, killed and resumed, and replayed", {
    timeout: 300_000,
  }, async (context) => {
    if (!server.url) return context.skip();
    const dir = tempDir("iceosc-rt10-durable-");
    writeFileSync(join(dir, "flow.yaml"), FLOW);
    writeFileSync(join(dir, "hostile.mjs"), TOOLS);
    copyFileSync(join(import.meta.dirname, "..", "durable", "tools.mjs"), join(dir, "tools.mjs"));
    const tools = join(dir, "hostile.mjs");
    const plain = await run(["run", join(dir, "flow.yaml"), "--tools", tools, "--input", INPUT], {
      TOOL_LOG: join(dir, "plain.log"),
    });
    expect(plain.stderr).toBe("");
    expect(plain.code).toBe(0);
    const expected = JSON.parse(plain.stdout) as Record<string, unknown>;
    // The plain run keeps every key as data (the oracle the durable runs are held to).
    expect(plain.stdout).toContain('"__proto__"');
    expect(plain.stdout).not.toContain('"polluted":true,"args"');

    const durable = (runId: string) => [
      "run",
      join(dir, "flow.yaml"),
      "--durable",
      "--db",
      freshDatabaseOnce(),
      "--run-id",
      runId,
      "--tools",
      tools,
      "--input",
      INPUT,
    ];
    let db: string | undefined;
    function freshDatabaseOnce(): string {
      db ??= freshDatabase(server.url!);
      return db;
    }

    // Uninterrupted.
    const whole = await run(durable("whole"), { TOOL_LOG: join(dir, "whole.log"), SLOW_MS: "5" });
    expect(whole.stderr).toBe("");
    expect(JSON.parse(whole.stdout)).toEqual(expected);
    expect(whole.stdout).toBe(plain.stdout);

    // Killed while `slow` runs (after `weird` and the loop are checkpointed), then resumed.
    const log = join(dir, "killed.log");
    const doomed = start(durable("killed"), { TOOL_LOG: log, SLOW_MS: "600000" });
    await waitForLog(log, (calls) => calls.some((c) => c.event === "start" && c.name === "slow"), doomed);
    doomed.kill("SIGKILL");
    await doomed.result;
    const resumed = await run(durable("killed"), { TOOL_LOG: log, SLOW_MS: "5" });
    expect(resumed.stderr).toBe("");
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toBe(plain.stdout);
    // `weird` ran once: its recorded result came back from the database on resume.
    expect(readLog(log).filter((c) => c.event === "start" && c.name === "slow").length).toBe(2);

    // A finished run id prints its recorded output.
    const again = await run(durable("killed"), { TOOL_LOG: log });
    expect(again.stderr).toBe("");
    expect(again.stdout).toBe(plain.stdout);
  });
});

describe("the stored-value codec", () => {
  it("gives back builtin-named keys as own data, special numbers, and nothing callable", async () => {
    const { decodeStored, encodeStored } = await import("../../runtime/durable/storedValue.js");
    const value = JSON.parse(
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"n":1}},"then":{"x":1},"toJSON":"j","valueOf":[1]}',
    ) as Record<string, unknown>;
    Object.assign(value, { neg: -0, nan: Number.NaN, inf: -Infinity, none: undefined, list: [undefined, -0] });
    const back = decodeStored(encodeStored(value)) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(Object.keys(value));
    expect(Object.getOwnPropertyDescriptor(back, "__proto__")?.value).toEqual({ polluted: true });
    // (toStrictEqual compares `.constructor`, here a key of the data: the texts are compared.)
    expect(encodeStored(back)).toBe(encodeStored(value));
    expect(back.then).toEqual({ x: 1 });
    expect(Object.is(back.neg, -0)).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Awaiting it gives it back: `then` is data, not a method.
    expect(await Promise.resolve(back)).toBe(back);
    expect(() => decodeStored('["x"]')).toThrow(/malformed/);
  });
});
