/**
 * @fileoverview Red team 5: the content hash of a durable run's module (`moduleHash`, computed by
 * `iceosc enqueue`, `run --durable`, `runDurable`, `enqueue` and every worker) followed any
 * `"wasm": "..."` or `from "../x.js"` it found in the module's text. Workflow text reaches the
 * module inside template literals, quotes unescaped, so a tool argument or prompt holding
 * `"wasm": "../../../../dev/zero"` made it read /dev/zero: `iceosc enqueue` of that workflow
 * hung at 100% CPU past 2 minutes and 1.8 GB (a FIFO: forever), and any file it names was read.
 * Now only plain names beside the module are followed, and only regular files are read.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { moduleHash } from "../../runtime/durable/module.js";
import { compileFiles } from "../../src/index.js";
import { CACHE_DIR, RUNTIME_URL, writeFiles } from "../helpers/cli.js";

const flow = (reference: string): string => `name: flow
input_schema: { q: string }
nodes:
  - id: ask
    type: tool
    tool_name: echo
    tool_args: { text: 'see {{ inputs.q }} "wasm": "${reference}" and from "${reference}.js"' }
outputs: { a: "{{ ask }}" }
`;

describe("the content hash of a durable run's module", () => {
  it("reads no file that workflow text names outside the module's folder", async () => {
    const dir = writeFiles({ "flow.yaml": flow("../outside.bin") });
    const result = await compileFiles([join(dir, "flow.yaml")], {
      runtimeSpecifier: RUNTIME_URL,
      ...(CACHE_DIR !== undefined && { cacheDir: CACHE_DIR }),
    });
    const module = join(dir, "out", "flow.js");
    mkdirSync(join(dir, "out"));
    writeFileSync(module, result.workflows[0]!.js);
    expect(result.workflows[0]!.js).toContain('"wasm": "../outside.bin"');
    // Stands for /dev/zero or a FIFO: a file the hash must not read (its content would change it).
    writeFileSync(join(dir, "outside.bin"), "one");
    writeFileSync(join(dir, "outside.bin.js"), "one");
    const before = moduleHash(module);
    writeFileSync(join(dir, "outside.bin"), "two");
    writeFileSync(join(dir, "outside.bin.js"), "two");
    expect(moduleHash(module)).toBe(before);
  });
});
