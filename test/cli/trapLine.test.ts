/**
 * `iceosc run` on workflows whose code nodes throw or trap: an uncaught exception fails the node
 * with ICE_SANDBOX_TRAP, JavaScript's text of the thrown value and the workflow line of the throw;
 * a run-time trap (an index out of range) names its workflow line too; a caught exception does
 * not fail the node (issue 12, items 6 and 8).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { codeWorkflow, iceosc, writeFiles } from "../helpers/cli.js";

/** The workflow line of body line `k` (1-based) in files made by codeWorkflow. */
const line = (k: number) => 11 + k;

describe("iceosc run: exceptions and trap locations", () => {
  it("reports an uncaught throw with its message and workflow line, and runs a caught one", async () => {
    const body = [
      "class NotFound extends Error { constructor(what: string) { super(what + ' not found'); this.name = 'NotFound'; } }",
      "function find(n: number): number {",
      "  if (n > 5) throw new NotFound('item ' + n);",
      "  return n * 2;",
      "}",
      "let value = 0;",
      "try { value = find(inputs.n + 10); } catch (e) { value = -1; }",
      "return { value: value + find(inputs.n) };",
    ].join("\n");
    const dir = writeFiles({ "lookup.yaml": codeWorkflow(body) });
    const ok = await iceosc(["run", join(dir, "lookup.yaml"), "--input", '{"n":2}']);
    expect(ok.stderr).toBe("");
    expect(JSON.parse(ok.stdout)).toEqual({ value: 3 });
    const failed = await iceosc(["run", join(dir, "lookup.yaml"), "--input", '{"n":7}']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("ICE_SANDBOX_TRAP");
    expect(failed.stderr).toContain("Uncaught NotFound: item 7 not found");
    expect(failed.stderr).toContain(`lookup.yaml:${line(3)}`);
    expect(failed.stdout).toBe("");
  });

  it("reports a run-time trap with the workflow line of the statement", async () => {
    // A read past the end that the body passes on (not one it tests, which is undefined as in JavaScript).
    const body = [
      "const xs = [1, 2, 3];",
      "const k = inputs.n;",
      "const v = [xs[k]];",
      "return { value: v.length };",
    ].join("\n");
    const dir = writeFiles({ "index.yaml": codeWorkflow(body) });
    const failed = await iceosc(["run", join(dir, "index.yaml"), "--input", '{"n":9}']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("ICE_SANDBOX_TRAP");
    expect(failed.stderr).toMatch(/out of range/);
    expect(failed.stderr).toContain(`index.yaml:${line(3)}`);
  });

  it("compiles a body once wherever it sits, and names each place's own line", async () => {
    // The module counts lines from the body's first line; the manifest adds where the body is.
    const body = ["const xs = [1, 2, 3, 4417];", "const v = [xs[inputs.n]];", "return { value: v.length };"].join("\n");
    const dir = writeFiles({
      "top.yaml": codeWorkflow(body),
      "moved.yaml": `# a comment\n# and another\n${codeWorkflow(body)}`,
    });
    const failed: string[] = [];
    const builds: string[] = [];
    for (const name of ["top", "moved"]) {
      const out = join(dir, `out-${name}`);
      const build = await iceosc(["build", join(dir, `${name}.yaml`), "--out-dir", out]);
      expect(build.code).toBe(0);
      builds.push(build.stdout + build.stderr);
      const run = await iceosc(["run", join(dir, `${name}.yaml`), "--input", '{"n":9}']);
      expect(run.code).toBe(1);
      failed.push(run.stderr);
    }
    expect(failed[0]).toContain(`top.yaml:${line(2)}`);
    expect(failed[1]).toContain(`moved.yaml:${line(2) + 2}`);
    expect(builds[1]).toContain("1 from cache");
  });
});
