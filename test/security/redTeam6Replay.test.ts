/**
 * @fileoverview Red team 6: `iceosc run --replay` matched each call by scanning the recording's
 * unused calls and serialising every one's arguments again, so a run's matching work grew with
 * the square of the recording's size: a big (or hostile) recording made a run hang. Now each
 * call's key is worked out once when the recording is read and a match is a lookup: replaying
 * 4x the calls costs about 4x the CPU, not 16x. Calls with equal keys still answer in recorded
 * order, and a call the recording lacks still names the node's other calls.
 */
import { describe, expect, it } from "vitest";
import { Replayer } from "../../runtime/recording/index.js";
import type { ToolContext } from "../../runtime/options.js";

function recording(n: number) {
  const calls = Array.from({ length: n }, (_, i) => ({
    kind: "tool" as const,
    nodeId: "t",
    tool: "lookup",
    args: { q: `query ${i}`, pad: "x".repeat(200), list: [1, 2, { deep: i }] },
    result: i,
  }));
  return { format: "iceosc-recording" as const, version: 1, calls };
}

/** CPU milliseconds to replay all `n` calls, last recorded first (the worst order for a scan). */
async function replayCpu(n: number): Promise<number> {
  const replayer = new Replayer(recording(n));
  const lookup = replayer.tools().lookup!;
  const context = { nodeId: "t" } as ToolContext;
  const start = process.cpuUsage();
  for (let i = n - 1; i >= 0; i--) {
    const result = await lookup({ q: `query ${i}`, pad: "x".repeat(200), list: [1, 2, { deep: i }] }, context);
    if (result !== i) throw new Error(`call ${i} answered ${String(result)}`);
  }
  const used = process.cpuUsage(start);
  expect(replayer.remaining).toBe(0);
  return (used.user + used.system) / 1000;
}

describe("replay matching", () => {
  it("grows linearly with the recording's size", async () => {
    // 4x the calls: ~4x the CPU when linear, ~16x when quadratic. The least of three runs on
    // each side, so a collection or a tier-up in one run (CI once measured > 9x on a linear
    // replayer, with one run of the large size) does not decide it.
    const least = async (n: number) => Math.min(await replayCpu(n), await replayCpu(n), await replayCpu(n));
    await replayCpu(500);
    const small = await least(2_000);
    const large = await least(8_000);
    expect(large / Math.max(small, 1)).toBeLessThan(9);
  }, 300_000);

  it("answers equal calls in recorded order and reports what is missing", async () => {
    const calls = [0, 1].map((result) => ({ kind: "tool" as const, nodeId: "t", tool: "lookup", args: {}, result }));
    const replayer = new Replayer({ format: "iceosc-recording", version: 1, calls });
    const lookup = replayer.tools().lookup!;
    const context = { nodeId: "t" } as ToolContext;
    expect(await lookup({}, context)).toBe(0);
    await expect(lookup({ other: 1 }, context)).rejects.toThrow(/it has 1 other such call/);
    expect(await lookup({}, context)).toBe(1);
    await expect(lookup({}, context)).rejects.toThrow(/has no call of tool 'lookup'/);
  });
});
