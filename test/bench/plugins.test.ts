// The plugin bench row alone (bench/suites/plugins.ts) at the smallest sample counts: it runs, the
// sandboxed plugin and the direct tool agree, and it adds its two timings and their ratio. No
// timing is asserted (the bench is judged on one quiet machine, not by tests).
import { describe, expect, it } from "vitest";
import { createContext } from "../../bench/harness/context.js";
import { pluginSuite, ROWS } from "../../bench/suites/plugins.js";

describe("plugin bench row", () => {
  it("measures a sandboxed plugin call and the same function as a direct tool", { timeout: 600_000 }, async () => {
    const ctx = createContext({ config: { maxTime: 0.05, minSamples: 2 }, quick: true, log: () => undefined });
    try {
      await pluginSuite(ctx);
      const names = ctx.report.rows.map((r) => r.name);
      expect(names).toEqual([ROWS.sandboxed, ROWS.direct, ROWS.ratio]);
      if (process.env.ICEOSC_BENCH_PRINT) console.log(JSON.stringify(ctx.report.rows, null, 2));
    } finally {
      ctx.dispose();
    }
  });
});
