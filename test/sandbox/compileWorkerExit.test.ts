/**
 * @fileoverview The compiler workers kept idle between compiles must not keep a process alive: a
 * worker created with piped stdio holds a ref'd MessagePort even when unref'd, so every `iceosc
 * build` with a code node waited out the idle timer (10 s) after printing "built". The child
 * below compiles once and lists what still keeps its event loop alive.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";

const DIST = join(ROOT, "dist", "src");

describe("compiler workers", () => {
  it("leave nothing keeping the process alive once a compile is done", () => {
    const script = [
      `const { lowerBody } = await import(${JSON.stringify(pathToFileURL(join(DIST, "codenode", "index.js")).href)});`,
      `const { embedCodeBody } = await import(${JSON.stringify(pathToFileURL(join(DIST, "testing", "embedCodeBody.js")).href)});`,
      `const { compileInWorker } = await import(${JSON.stringify(pathToFileURL(join(DIST, "emit", "wasm", "compileWorker.js")).href)});`,
      "const obj = (fields) => ({ kind: 'object', fields: Object.entries(fields).map(([name, kind]) => ({ name, type: { kind }, optional: false })) });",
      "const source = lowerBody(embedCodeBody('return { n: inputs.n + 1 };', 'exit'), obj({ n: 'number' }), obj({ n: 'number' }), []).source;",
      "const [outcome] = await compileInWorker([source], { unitMs: 120000, totalMs: 240000 });",
      "setImmediate(() => console.log(JSON.stringify({ ok: !!outcome.binary, alive: process.getActiveResourcesInfo() })));",
    ].join("\n");
    // A file, not `--input-type=module -e`: workers inherit that flag, and asc's worker is a script.
    const file = join(mkdtempSync(join(tmpdir(), "iceosc-worker-exit-")), "compile.mjs");
    writeFileSync(file, script);
    const child = spawnSync(process.execPath, [file], { encoding: "utf8" });
    expect(child.stderr).toBe("");
    const report = JSON.parse(child.stdout) as { ok: boolean; alive: string[] };
    expect(report.ok).toBe(true);
    // The child's own stdio pipes are listed too; nothing else may be.
    expect(report.alive.filter((kind) => kind !== "PipeWrap")).toEqual([]);
  });
});
