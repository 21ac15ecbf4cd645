import { it, expect } from "vitest";
import { compileAll, LIMITS, unit, thrown } from "./helpers.js";
import { verifyModule } from "../../runtime/sandbox/verify.js";
it("scratch", async () => {
  const r = await compileAll([
    unit("echo", "return { text: inputs.text, n: inputs.text.length };", { text: "string" }, { text: "string", n: "integer" }),
    unit("spin", "let i = 0;\nwhile (inputs.n > 0) { i++; }\nreturn { n: i };", { n: "integer" }, { n: "integer" }),
  ]);
  expect(r.diagnostics).toEqual([]);
  console.log("resettable", verifyModule(r.artifacts[0]!.wasm).resettable, r.artifacts[0]!.wasm.length);
  const p = r.programs.get("echo")!;
  const input = { text: "x".repeat(1000) };
  for (let k = 0; k < 3; k++) {
    const N = 20000; const t = performance.now();
    for (let i = 0; i < N; i++) p.run(input, LIMITS);
    console.log("us/run", ((performance.now() - t) * 1000 / N).toFixed(2), p.run(input, LIMITS).fuelUsed);
  }
  const s = r.programs.get("spin")!;
  const t = performance.now();
  const e = thrown(() => s.run({ n: 1 }, { fuel: 1e15, memoryBytes: 1 << 20, timeoutMs: 50 }));
  console.log(e.code, (performance.now() - t).toFixed(1), "ms");
  console.log(s.run({ n: 0 }, LIMITS));
}, 60000);
