/**
 * @fileoverview The host keeps an instance whose run grew its memory (up to KEEP_BYTES) for the
 * next run, zeroed with the data image restored: runs on that instance give the same output and
 * fuel as runs on a fresh one, stop at the same memory limit, and see nothing of earlier runs.
 * Also the allocator (src/emit/wasm/allocator.ts): many objects, strings and arrays that grow,
 * shrink and move.
 */
import { describe, expect, it } from "vitest";
import { directFunction } from "../../bench/sandbox/units.js";
import { SandboxProgram } from "../../runtime/sandbox/index.js";
import { KEEP_BYTES } from "../../runtime/sandbox/program.js";
import { compileAll, LIMITS, MiB, thrown, unit } from "./helpers.js";

const BODY = [
  "const rows: { key: string; n: number; x: number }[] = [];",
  "const parts: string[] = [];",
  "for (let i = 0; i < inputs.n; i++) {",
  '  rows.push({ key: "k" + (i % 7).toString(), n: i, x: i * 0.5 });',
  "  if (i % 100 === 0) parts.push(i.toString());",
  "}",
  "let total = 0;",
  "for (const r of rows) total += r.n + r.x + r.key.length;",
  'const text = parts.join(",");',
  "const sorted = rows.map((r) => r.x).sort((a, b) => b - a).slice(0, 3);",
  "return { total: total, text: text.slice(0, 40), count: rows.length, top: sorted };",
].join("\n");

const direct = directFunction(BODY);
const expected = (n: number) => direct({ n });

describe("memory kept between runs", () => {
  it("gives fresh-instance output and fuel on a kept grown memory, and the same memory limit", async () => {
    const u = unit(
      "grow",
      BODY,
      { n: "integer" },
      { total: "number", text: "string", count: "integer", top: ["number"] },
    );
    const { artifacts } = await compileAll([u]);
    const spec = { nodeId: "grow", inputType: u.inputType, outputType: u.outputType, capabilities: [] };
    const fresh = () => SandboxProgram.compile(artifacts[0]!.wasm, spec);
    const limits = { ...LIMITS, fuel: 1e9, memoryBytes: 16 * MiB };
    const kept = fresh();
    for (const n of [20_000, 20_000, 10, 30_000, 0, 20_000]) {
      const first = fresh().run({ n }, limits);
      expect(first.output).toEqual(expected(n));
      expect(kept.run({ n }, limits)).toEqual(first);
    }
    expect(kept.hasReadyInstance).toBe(true);
    // Past the cap: the same limit error on a kept instance as on a fresh one.
    const tight = { ...limits, memoryBytes: 4 * MiB };
    const onFresh = thrown(() => fresh().run({ n: 100_000 }, tight));
    expect(onFresh.code).toBe("ICE_MEMORY_LIMIT");
    expect(kept.run({ n: 20_000 }, tight).output).toEqual(expected(20_000));
    expect(thrown(() => kept.run({ n: 100_000 }, tight))).toEqual(onFresh);
    expect(kept.run({ n: 10 }, tight).output).toEqual(expected(10));
    expect(KEEP_BYTES).toBeGreaterThanOrEqual(MiB);
  });
});
