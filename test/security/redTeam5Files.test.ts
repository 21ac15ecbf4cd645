/**
 * @fileoverview Red team 5: an app that imports a generated module and calls `run(input)` without
 * `builtins.baseDir` granted the workflow's file tools the process's working directory (the
 * default was `process.cwd()`): a hostile workflow read `package.json`, `.env`, anything below
 * where the app was started. SPEC 8 says defaults are safe, so a generated module now reads no
 * file unless the app grants a folder (`builtins.baseDir`, `builtins.readableDirs`,
 * `options.policy.allowRead`); otherwise `ICE_CAPABILITY_DENIED` naming those options. The CLI
 * still grants the workflow's folder and `--allow-read` directories.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { iceosc, RUNTIME_URL, tempDir, writeFiles } from "../helpers/cli.js";
import { compileAndImport } from "../helpers/compile.js";

const runtime = (await import(RUNTIME_URL)) as typeof import("../../runtime/index.js");

const READER = `name: reader
input_schema: { path: string }
nodes:
  - id: read
    type: tool
    tool_name: read_file
    tool_args: { path: "{{ inputs.path }}" }
outputs: { text: "{{ read.text }}" }
`;

async function failure(promise: Promise<unknown>): Promise<InstanceType<typeof runtime.IceError>> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(runtime.IceError);
    return error as InstanceType<typeof runtime.IceError>;
  }
  throw new Error("the run read the file");
}

describe("a generated module's file tools without a granted folder", () => {
  it("read nothing from the app's working directory, relative or absolute", async () => {
    const module = await compileAndImport({ "reader.yaml": READER }, "reader.yaml");
    // The test process's working directory stands for the app's (its package.json, its .env).
    for (const path of ["package.json", join(process.cwd(), "package.json")]) {
      const error = await failure(module.run({ path }));
      expect(error.code, path).toBe("ICE_CAPABILITY_DENIED");
      expect(error.message, path).toContain("builtins.baseDir");
      expect(error.message, path).toContain("options.policy.allowRead");
      expect(error.message, path).not.toContain('"name"');
    }
  });

  it("read the folder the app grants, by builtins.baseDir or options.policy.allowRead", async () => {
    const module = await compileAndImport({ "reader.yaml": READER }, "reader.yaml");
    const granted = tempDir("iceosc-granted-");
    writeFileSync(join(granted, "note.txt"), "granted");
    expect(await module.run({ path: "note.txt" }, { builtins: { baseDir: granted } })).toEqual({ text: "granted" });
    const policy = { allowRead: [granted] };
    expect(await module.run({ path: join(granted, "note.txt") }, { policy })).toEqual({ text: "granted" });
    // allowRead grants that folder only: the working directory stays closed.
    const error = await failure(module.run({ path: "package.json" }, { policy }));
    expect(error.code).toBe("ICE_CAPABILITY_DENIED");
  });

  it("iceosc run still grants the workflow's folder and --allow-read", async () => {
    const dir = writeFiles({ "reader.yaml": READER, "ok.txt": "inside" });
    const other = tempDir("iceosc-other-");
    writeFileSync(join(other, "more.txt"), "more");
    const inside = await iceosc(["run", join(dir, "reader.yaml"), "--input", JSON.stringify({ path: "ok.txt" })]);
    expect(inside.stderr).toBe("");
    expect(JSON.parse(inside.stdout)).toEqual({ text: "inside" });
    const more = join(other, "more.txt");
    const allowed = await iceosc([
      "run",
      join(dir, "reader.yaml"),
      "--input",
      JSON.stringify({ path: more }),
      "--allow-read",
      other,
    ]);
    expect(allowed.stderr).toBe("");
    expect(JSON.parse(allowed.stdout)).toEqual({ text: "more" });
  });
});
