/**
 * @fileoverview Red team 5: `iceosc run --durable` and `enqueue` compile into `<cache>/durable/`
 * and import (or have workers import) the JavaScript there, but the folder was used whatever its
 * permissions, while the WASM cache refuses a folder others can write (ICE4010). With
 * `ICEOSC_CACHE_DIR` on a folder other users may write (a shared disk, as the durable-runs docs
 * suggest for several machines), another user could swap a module in between the check that the
 * folder holds exactly what was compiled and the import, or plant one a forged queued run names.
 * Now both commands refuse such a folder before compiling (a usage error naming it and the
 * reason), and a worker serves only its `--allow-modules` folders then.
 */
import { chmodSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { iceosc, tempDir, writeFiles } from "../helpers/cli.js";

const FLOW = `name: flow
input_schema: { n: integer }
nodes:
  - id: c
    type: code
    inputs: { n: "{{ inputs.n }}" }
    input_schema: { n: integer }
    output_schema: { y: integer }
    code: |
      return { y: inputs.n + 1 };
outputs: { y: "{{ c.y }}" }
`;

describe("durable runs and a cache folder others may write", () => {
  it("run --durable and enqueue refuse it before compiling into it", async () => {
    const dir = writeFiles({ "flow.yaml": FLOW });
    const cache = tempDir("iceosc-shared-cache-");
    chmodSync(cache, 0o777);
    const env = { ICEOSC_CACHE_DIR: cache };
    // No database listens there: the folder is refused first.
    const db = ["--db", "postgres://127.0.0.1:1/none"];
    for (const args of [
      ["run", join(dir, "flow.yaml"), "--durable", "--run-id", "r1", ...db, "--input", '{"n":1}'],
      ["enqueue", join(dir, "flow.yaml"), ...db, "--input", '{"n":1}'],
    ]) {
      const result = await iceosc(args, { env });
      expect(result.code, args[0]).toBe(2);
      expect(result.stderr, args[0]).toContain(cache);
      expect(result.stderr, args[0]).toContain("others may write");
      expect(existsSync(join(cache, "durable")), args[0]).toBe(false);
    }
    // A durable folder others may write inside a private cache is refused too.
    chmodSync(cache, 0o700);
    mkdirSync(join(cache, "durable"), { mode: 0o777 });
    chmodSync(join(cache, "durable"), 0o777);
    const result = await iceosc(["enqueue", join(dir, "flow.yaml"), ...db], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(join(cache, "durable"));
  });
});
