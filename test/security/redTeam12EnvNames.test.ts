/**
 * @fileoverview Red team 12: `{{ env.NAME }}` with a NAME that is a member of `Object.prototype`.
 * The compiler listed each workflow's environment reads in a plain object, so `{{ env.constructor }}`
 * (or `toString`, `__proto__`, `hasOwnProperty`) found Object.prototype's member there and
 * `iceosc build` and `run` ended with an internal error ("readers.includes is not a function"),
 * while `iceosc check` said "no errors". And the runtime read `process.env[name]`, where
 * `toString` is a function, not a variable. Now the reads are an own-keyed record
 * (src/lower/manifest.ts), and a variable is read only as an own string of the environment
 * (runtime/run.ts `env`): each such name is an environment variable like any other, refused
 * unless the operator allows it.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { iceosc, tempDir, writeFiles } from "../helpers/cli.js";

const NAMES = ["constructor", "toString", "__proto__", "hasOwnProperty"];

/** A workflow whose outputs read `{{ env.<name> }}`, alone and in a template. */
const workflow = (name: string) => `name: w
input_schema: { x: number }
nodes: []
outputs: { alone: "{{ env.${name} }}", spliced: "<{{ env.${name} }}>" }
`;

describe("environment variables named like Object.prototype's members", () => {
  it("iceosc run: refused without --allow-env, unset (null) with it; never an internal error", async () => {
    for (const name of NAMES) {
      const dir = writeFiles({ "w.yaml": workflow(name) });
      const args = ["run", join(dir, "w.yaml"), "--input", '{"x":1}'];
      const refused = await iceosc(args);
      expect(refused.stderr, name).not.toContain("internal error");
      expect(refused.code, name).toBe(1);
      expect(refused.stderr).toContain(`ICE_POLICY_DENIED: reads environment variable '${name}'`);
      const allowed = await iceosc([...args, "--allow-env", name]);
      expect(allowed.code, allowed.stderr).toBe(0);
      expect(JSON.parse(allowed.stdout), name).toEqual({ alone: null, spliced: "<>" });
    }
  }, 180_000);

  it("a generated module reads such a variable only when the environment has it", async () => {
    const dir = writeFiles({ "w.yaml": workflow("constructor") });
    const out = tempDir();
    const built = await iceosc(["build", join(dir, "w.yaml"), "--out-dir", out]);
    expect(built.code, built.stderr).toBe(0);
    const module = (await import(pathToFileURL(join(out, "w.js")).href)) as {
      run(input: unknown, options: unknown): Promise<unknown>;
    };
    const policy = { allowEnv: ["constructor"] };
    expect(await module.run({ x: 1 }, { policy, env: { constructor: "set" } })).toEqual({
      alone: "set",
      spliced: "<set>",
    });
    expect(await module.run({ x: 1 }, { policy, env: {} })).toEqual({ alone: null, spliced: "<>" });
  }, 180_000);
});
