/**
 * @fileoverview The WASM cache and the modules beside a generated module are not trusted by
 * name: a swapped, damaged or foreign entry is rebuilt with a warning, a cache folder others can
 * write to is not used, and a module that differs from the one the build recorded never runs.
 */
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { compileFiles } from "../../src/index.js";
import { RUNTIME_URL, tempDir, writeFiles } from "../helpers/cli.js";

const workflow = (name: string, factor: number) => `
name: ${name}
input_schema: { n: number }
nodes:
  - id: scale
    type: code
    inputs: { n: "{{ inputs.n }}" }
    input_schema: { n: number }
    output_schema: { y: number }
    code: |
      return { y: inputs.n * ${factor} };
outputs: { y: "{{ scale.y }}" }
`;

async function build(file: string, cacheDir: string) {
  return compileFiles([file], { runtimeSpecifier: RUNTIME_URL, cacheDir });
}

async function runBuilt(result: Awaited<ReturnType<typeof build>>, input: unknown): Promise<unknown> {
  const out = tempDir();
  const built = result.workflows[0]!;
  writeFileSync(join(out, `${built.name}.js`), built.js);
  for (const wasm of built.wasm) writeFileSync(join(out, wasm.fileName), wasm.bytes);
  const module = (await import(pathToFileURL(join(out, `${built.name}.js`)).href)) as {
    run(input: unknown): Promise<unknown>;
  };
  return { out, built, output: await module.run(input) };
}

const codes = (result: Awaited<ReturnType<typeof build>>) => result.diagnostics.map((d) => d.code);

describe("the WASM cache", () => {
  it("rebuilds, with a warning, an entry swapped for another valid module", async () => {
    const dir = writeFiles({ "double.yaml": workflow("double", 2), "triple.yaml": workflow("triple", 3) });
    const cache = join(tempDir(), "cache");
    const first = await build(join(dir, "double.yaml"), cache);
    expect(codes(first)).toEqual([]);
    const [doubleEntry] = readdirSync(cache);
    await build(join(dir, "triple.yaml"), cache);
    const tripleEntry = readdirSync(cache).find((f) => f !== doubleEntry)!;
    // The attacker's move: the triple module under the double module's name.
    writeFileSync(join(cache, doubleEntry!), readFileSync(join(cache, tripleEntry)));

    const again = await build(join(dir, "double.yaml"), cache);
    expect(codes(again)).toEqual(["ICE4011"]);
    expect(again.diagnostics[0]!.span?.file.path).toContain("double.yaml");
    expect(((await runBuilt(again, { n: 5 })) as { output: unknown }).output).toEqual({ y: 10 });
    // The entry was repaired: the next build is a clean hit.
    const third = await build(join(dir, "double.yaml"), cache);
    expect(codes(third)).toEqual([]);
    expect(third.sandboxStats.cached).toBe(1);
  });

  it("rebuilds a truncated or garbage entry instead of failing", async () => {
    const dir = writeFiles({ "double.yaml": workflow("double", 2) });
    const cache = join(tempDir(), "cache");
    await build(join(dir, "double.yaml"), cache);
    const [entry] = readdirSync(cache);
    for (const damage of [
      Buffer.alloc(0),
      Buffer.from("not a module"),
      readFileSync(join(cache, entry!)).subarray(0, 50),
    ]) {
      writeFileSync(join(cache, entry!), damage);
      const again = await build(join(dir, "double.yaml"), cache);
      expect(codes(again).filter((c) => c !== "ICE4011")).toEqual([]);
      expect(again.workflows).toHaveLength(1);
    }
  });

  it("does not use a cache folder that others may write to", async () => {
    const dir = writeFiles({ "double.yaml": workflow("double", 2) });
    const cache = join(tempDir(), "shared");
    mkdirSync(cache);
    chmodSync(cache, 0o777);
    const result = await build(join(dir, "double.yaml"), cache);
    expect(codes(result)).toEqual(["ICE4010"]);
    expect(result.diagnostics[0]!.message).toContain("others may write to it");
    expect(readdirSync(cache)).toEqual([]);
    expect(result.workflows).toHaveLength(1);
  });

  it("creates its folder private to the user", async () => {
    const dir = writeFiles({ "double.yaml": workflow("double", 2) });
    const cache = join(tempDir(), "fresh", "cache");
    await build(join(dir, "double.yaml"), cache);
    const { statSync } = await import("node:fs");
    expect(statSync(cache).mode & 0o077).toBe(0);
    for (const entry of readdirSync(cache)) expect(statSync(join(cache, entry)).mode & 0o077).toBe(0);
  });
});

describe("modules beside a generated module", () => {
  it("refuses to run a module that is not the one the build recorded", async () => {
    const dir = writeFiles({ "double.yaml": workflow("double", 2), "triple.yaml": workflow("triple", 3) });
    const cache = join(tempDir(), "cache");
    const double = await build(join(dir, "double.yaml"), cache);
    const triple = await build(join(dir, "triple.yaml"), cache);
    const out = tempDir();
    const built = double.workflows[0]!;
    writeFileSync(join(out, `${built.name}.js`), built.js);
    // A valid module, but another workflow's.
    writeFileSync(join(out, built.wasm[0]!.fileName), triple.workflows[0]!.wasm[0]!.bytes);
    const module = (await import(pathToFileURL(join(out, `${built.name}.js`)).href)) as {
      run(input: unknown): Promise<unknown>;
    };
    await expect(module.run({ n: 5 })).rejects.toMatchObject({
      nodeId: "scale",
      message: expect.stringContaining("SHA-256"),
    });
  });
});
