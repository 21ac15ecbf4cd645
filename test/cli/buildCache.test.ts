/**
 * @fileoverview The whole-build cache: an unchanged build is replayed (same files, same warnings)
 * without compiling; any change to a file the build read, or a damaged cache, compiles again.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { iceosc, tempDir, writeFiles } from "../helpers/cli.js";

const parent = (factor: number) => `
name: parent
input_schema: { n: number }
nodes:
  - id: scale
    type: code
    inputs: { n: "{{ inputs.n }}", unused: 1 }
    input_schema: { n: number }
    output_schema: { y: number }
    code: "return { y: inputs.n * ${factor} };"
  - id: child
    type: workflow
    workflow_ref: ./child.yaml
    inputs: { n: "{{ scale.y }}" }
outputs: { y: "{{ child.y }}" }
`;
const child = (offset: number) => `
name: child
input_schema: { n: number }
nodes:
  - id: add
    type: code
    inputs: { n: "{{ inputs.n }}" }
    input_schema: { n: number }
    output_schema: { y: number }
    code: "return { y: inputs.n + ${offset} };"
outputs: { y: "{{ add.y }}" }
`;

function outputs(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f)).toString("base64")]));
}

describe("the build cache", () => {
  it("replays an unchanged build, warnings included, and rebuilds when a referenced file changes", async () => {
    const dir = writeFiles({ "parent.yaml": parent(2), "child.yaml": child(1) });
    const env = { ICEOSC_CACHE_DIR: join(tempDir(), "cache") };
    const first = tempDir();
    const built = await iceosc(["build", join(dir, "parent.yaml"), "--out-dir", first], { env });
    expect(built.code).toBe(0);
    expect(built.stderr).toContain("ICE2020");
    expect(built.stderr).not.toContain("unchanged");

    const second = tempDir();
    const replayed = await iceosc(["build", join(dir, "parent.yaml"), "--out-dir", second], { env });
    expect(replayed.code).toBe(0);
    expect(replayed.stderr).toContain("ICE2020");
    expect(replayed.stderr).toContain("unchanged: 2 sandboxed pieces");
    expect(outputs(second)).toEqual(outputs(first));

    // The sub-workflow is not on the command line, but the build read it.
    writeFileSync(join(dir, "child.yaml"), child(5));
    const third = tempDir();
    const rebuilt = await iceosc(["build", join(dir, "parent.yaml"), "--out-dir", third], { env });
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stderr).not.toContain("unchanged");
    expect(readFileSync(join(third, "child.js"), "utf8")).not.toEqual(readFileSync(join(first, "child.js"), "utf8"));
  });

  it("compiles again when a recorded output is damaged, and never replays with --no-cache", async () => {
    const dir = writeFiles({ "parent.yaml": parent(3), "child.yaml": child(2) });
    const cache = join(tempDir(), "cache");
    const env = { ICEOSC_CACHE_DIR: cache };
    const first = tempDir();
    expect((await iceosc(["build", join(dir, "parent.yaml"), "--out-dir", first], { env })).code).toBe(0);
    for (const blob of readdirSync(join(cache, "blobs"))) writeFileSync(join(cache, "blobs", blob), "damaged");
    const second = tempDir();
    const again = await iceosc(["build", join(dir, "parent.yaml"), "--out-dir", second], { env });
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain("unchanged");
    expect(outputs(second)).toEqual(outputs(first));

    const third = tempDir();
    const uncached = await iceosc(["build", join(dir, "parent.yaml"), "--out-dir", third, "--no-cache"], { env });
    expect(uncached.code).toBe(0);
    expect(uncached.stderr).not.toContain("unchanged");
  });
});

describe("the check cache", () => {
  it("replays a passing check of unchanged files, and checks again after an edit", async () => {
    const dir = writeFiles({ "parent.yaml": parent(4), "child.yaml": child(3) });
    const env = { ICEOSC_CACHE_DIR: join(tempDir(), "cache") };
    const first = await iceosc(["check", join(dir, "parent.yaml")], { env });
    expect(first.code).toBe(0);
    expect(first.stderr).toContain("ICE2020");
    const again = await iceosc(["check", join(dir, "parent.yaml")], { env });
    expect(again).toEqual(first);

    // Break the sub-workflow: the next check must see it.
    writeFileSync(join(dir, "child.yaml"), child(3).replace("add.y", "missing.y"));
    const broken = await iceosc(["check", join(dir, "parent.yaml")], { env });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain("missing");
  });
});
