/**
 * Record and replay: a run against a loopback provider is recorded, then replayed offline with
 * the same output, events and tool results; a changed run fails with ICE_REPLAY_MISMATCH.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openAiProvider } from "../../runtime/providers/index.js";
import { Recorder, Replayer } from "../../runtime/recording/index.js";
import { failure, run, server } from "./harness.js";
import { openAiChunks, openAiToolCall } from "./servers.js";

const agentNode = {
  agent: { kind: "agent" as const, agentTools: { lookup: { description: "Look up", parameters: { type: "object" } } } },
  fetch: { kind: "tool" as const, toolName: "fetch" },
};

describe("record and replay", () => {
  it("replays a recorded agent run exactly, without the network or the tools", async () => {
    const s = await server(openAiToolCall("call_1", "lookup", { q: "x" }), openAiChunks(["Answer: ", "42"]));
    const recorder = new Recorder();
    let toolRuns = 0;
    const tools = {
      lookup: () => {
        toolRuns++;
        return { value: 42 };
      },
      fetch: ({ id }: Record<string, unknown>) => ({ id, body: "data" }),
    };
    const live = run(agentNode, {
      llm: recorder.provider(openAiProvider({ env: { OPENAI_API_KEY: "k" }, baseURL: s.url })),
      tools: recorder.tools(tools),
    });
    const fetched = await live.rt.tool("fetch", { id: 7 });
    const answer = await live.rt.agent("agent", { prompt: "What?", tools: ["lookup"], maxIterations: 3 });
    const file = join(mkdtempSync(join(tmpdir(), "iceosc-rec-")), "run.json");
    await recorder.save(file);
    const saved = JSON.parse(readFileSync(file, "utf8")) as { format: string; calls: { kind: string }[] };
    expect(saved.format).toBe("iceosc-recording");
    expect(saved.calls.map((c) => c.kind)).toEqual(["tool", "llm", "tool", "llm"]);
    await s.close();

    const replayer = await Replayer.load(file);
    const again = run(agentNode, { llm: replayer.provider(), tools: replayer.tools(), builtins: false });
    expect(await again.rt.tool("fetch", { id: 7 })).toEqual(fetched);
    expect(await again.rt.agent("agent", { prompt: "What?", tools: ["lookup"], maxIterations: 3 })).toEqual(answer);
    expect(toolRuns).toBe(1);
    expect(replayer.remaining).toBe(0);
    const tokens = (events: typeof live.events) =>
      events
        .filter((e) => e.type === "llm_token" || e.type === "agent_step" || e.type === "llm_usage")
        .map((e) => ({ ...e, durationMs: 0 }));
    expect(tokens(again.events)).toEqual(tokens(live.events));
  });

  it("fails with ICE_REPLAY_MISMATCH when the run asks for something not recorded", async () => {
    const replayer = new Replayer({
      format: "iceosc-recording",
      version: 1,
      calls: [{ kind: "tool", nodeId: "fetch", tool: "fetch", args: { id: 1 }, result: { ok: true } }],
    });
    const { rt } = run(agentNode, { llm: replayer.provider(), tools: replayer.tools() });
    expect(await failure(rt.tool("fetch", { id: 2 }))).toMatchObject({ code: "ICE_REPLAY_MISMATCH", nodeId: "fetch" });
    expect(await failure(rt.agent("agent", { prompt: "x", tools: ["lookup"], maxIterations: 1 }))).toMatchObject({
      code: "ICE_REPLAY_MISMATCH",
      nodeId: "agent",
    });
    expect(await rt.tool("fetch", { id: 1 })).toEqual({ ok: true });
  });

  it("replays recorded failures, so retries happen as they did", async () => {
    const replayer = new Replayer({
      format: "iceosc-recording",
      version: 1,
      calls: [
        { kind: "tool", nodeId: "fetch", tool: "fetch", args: {}, error: { message: "flaky" } },
        { kind: "tool", nodeId: "fetch", tool: "fetch", args: {}, result: { ok: 1 } },
      ],
    });
    const { rt, events } = run(
      { fetch: { kind: "tool", toolName: "fetch", retries: 1 } },
      { tools: replayer.tools(), retryPolicy: { baseDelayMs: 1 } },
    );
    expect(await rt.tool("fetch", {})).toEqual({ ok: 1 });
    expect(events).toContainEqual(expect.objectContaining({ type: "node_failed", code: "ICE_TOOL_FAILED" }));
  });
});
