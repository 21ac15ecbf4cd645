/**
 * The lean runtime package (packages/runtime, `@iceosc/runtime`): an app that only runs generated
 * modules installs it alone. Packed as npm would publish it, installed into a fresh app (from
 * npm's cache when it is warm), measured, and used: a module built with this compiler runs there. The
 * install pulls no compiler (TypeScript, AssemblyScript, binaryen, ts-morph) and no provider SDK
 * (optional peer dependencies, loaded only when a workflow uses them).
 */
import { execFile } from "node:child_process";
import { existsSync, lstatSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { iceosc, ROOT, tempDir } from "../helpers/cli.js";

const run = promisify(execFile);
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

/** Bytes of the files under `dir` (symlinks not followed). */
function sizeOf(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += sizeOf(path);
    else total += lstatSync(path).size;
  }
  return total;
}

describe("@iceosc/runtime in an app", () => {
  let app: string;
  beforeAll(async () => {
    const packs = tempDir("iceosc-pack-");
    const packed = await run(NPM, ["pack", "--silent", "--pack-destination", packs], {
      cwd: join(ROOT, "packages", "runtime"),
    });
    const tarball = join(packs, packed.stdout.trim().split("\n").at(-1)!);
    app = tempDir("iceosc-app-");
    writeFileSync(
      join(app, "package.json"),
      JSON.stringify({
        name: "app",
        private: true,
        type: "module",
        dependencies: { "@iceosc/runtime": `file:${tarball}` },
      }),
    );
    // csv-parse comes from npm's cache when it is there (the registry otherwise).
    await run(NPM, ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"], { cwd: app });
  }, 300_000);

  it("installs small, without the compiler or provider SDKs", () => {
    const modules = join(app, "node_modules");
    const installed = readdirSync(modules)
      .filter((name) => !name.startsWith("."))
      .flatMap((name) => (name.startsWith("@") ? readdirSync(join(modules, name)).map((n) => `${name}/${n}`) : [name]));
    for (const heavy of [
      "typescript",
      "assemblyscript",
      "binaryen",
      "ts-morph",
      "openai",
      "@anthropic-ai/sdk",
      "pg",
      "iceosc",
    ])
      expect(installed, heavy).not.toContain(heavy);
    expect(installed).toContain("@iceosc/runtime");
    const bytes = sizeOf(modules);
    console.log(
      `app depending on @iceosc/runtime alone: node_modules ${(bytes / 1e6).toFixed(2)} MB, ${installed.length} packages`,
    );
    expect(bytes).toBeLessThan(5e6);
  });

  it("runs a module built with this compiler, which finds the runtime by package name", async () => {
    const built = await iceosc(["build", join(ROOT, "examples", "word_stats.yaml"), "--out-dir", join(app, "gen")]);
    expect(built.code).toBe(0);
    expect(built.stderr).not.toContain("note:");
    const text = "the quick brown fox jumped";
    const { stdout } = await run(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `import { run } from "./gen/word_stats.js"; console.log(JSON.stringify(await run({ text: ${JSON.stringify(text)} })));`,
      ],
      { cwd: app },
    );
    const words = text.split(" ");
    expect(JSON.parse(stdout)).toEqual({ words: words.length, longest: Math.max(...words.map((w) => w.length)) });
    expect(existsSync(join(app, "node_modules", "@iceosc", "runtime", "dist", "index.js"))).toBe(true);
  });
});
