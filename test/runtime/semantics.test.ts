/**
 * Run semantics around llm, agent and tool nodes: retry policies, the failure policy, agent memory,
 * usage totals, and cancellation of tool calls in flight.
 */
import { describe, expect, it } from "vitest";
import { InMemoryAgentMemory } from "../../runtime/llm.js";
import type { LlmProvider, LlmRequest } from "../../runtime/options.js";
import { failure, run } from "./harness.js";

/** A provider that answers from a function (for run semantics; HTTP is tested against servers). */
function scripted(answer: (request: LlmRequest) => string): LlmProvider & { requests: LlmRequest[] } {
  const requests: LlmRequest[] = [];
  return {
    requests,
    complete: async (request) => {
      requests.push(request);
      return { text: answer(request), usage: { inputTokens: 10, outputTokens: 2 } };
    },
  };
}

describe("run semantics", () => {
  it("retries with the node's policy: delays, and only the listed codes", async () => {
    let calls = 0;
    const flaky = () => {
      if (++calls < 3) throw new Error("try again");
      return { ok: true };
    };
    const { rt, events } = run(
      { t: { kind: "tool", toolName: "flaky", retries: 5 } },
      { tools: { flaky }, retryPolicy: { baseDelayMs: 5, factor: 3 } },
    );
    expect(await rt.tool("t", {})).toEqual({ ok: true });
    expect(events.filter((e) => e.type === "node_retrying").map((e) => (e as { delayMs: number }).delayMs)).toEqual([
      5, 15,
    ]);
    const strict = run(
      { t: { kind: "tool", toolName: "bad", retries: 3 } },
      {
        tools: { bad: () => Promise.reject(new Error("no")) },
        nodeRetries: { t: { retries: 3, retryOn: ["ICE_TIMEOUT"] } },
      },
    );
    expect(await failure(strict.rt.tool("t", {}))).toMatchObject({ code: "ICE_TOOL_FAILED" });
    expect(strict.events.filter((e) => e.type === "node_started")).toHaveLength(1);
  });

  it("with failurePolicy continue, a failed node yields undefined and the run goes on", async () => {
    const { rt, events } = run(
      { a: { kind: "tool", toolName: "boom" }, b: { kind: "tool", toolName: "ok" } },
      { tools: { boom: () => Promise.reject(new Error("x")), ok: () => ({ fine: true }) }, failurePolicy: "continue" },
    );
    const [a, b] = await Promise.all([rt.tool("a", {}), rt.tool("b", {})]);
    expect(a).toBeUndefined();
    expect(b).toEqual({ fine: true });
    expect(events).toContainEqual(
      expect.objectContaining({ type: "node_failed", nodeId: "a", code: "ICE_TOOL_FAILED", continued: true }),
    );
    expect(rt.output({ a: a?.value, b })).toEqual({ a: null, b: { fine: true } });
    const halting = run(
      { a: { kind: "tool", toolName: "boom" } },
      {
        tools: { boom: () => Promise.reject(new Error("x")) },
        failurePolicy: "continue",
        nodeFailurePolicy: { a: "halt" },
      },
    );
    expect(await failure(halting.rt.tool("a", {}))).toMatchObject({ code: "ICE_TOOL_FAILED" });
  });

  it("cancels tool calls in flight through their signal", async () => {
    const controller = new AbortController();
    let sawAbort = false;
    const wait = (_args: unknown, { signal }: { signal: AbortSignal }) =>
      new Promise((_resolve, reject) =>
        signal.addEventListener("abort", () => {
          sawAbort = true;
          reject(signal.reason);
        }),
      );
    const { rt } = run({ t: { kind: "tool", toolName: "wait" } }, { tools: { wait }, signal: controller.signal });
    const pending = failure(rt.tool("t", {}));
    setTimeout(() => controller.abort(), 10);
    expect(await pending).toMatchObject({ code: "ICE_ABORTED" });
    expect(sawAbort).toBe(true);
  });

  it("keeps agent conversations in the memory store under llm_config.memory_key", async () => {
    const memory = new InMemoryAgentMemory();
    const llm = scripted((r) => `seen ${r.messages.length} messages`);
    const first = run({ a: { kind: "agent" } }, { llm, memory });
    expect(
      await first.rt.agent("a", {
        prompt: "My name is Ada.",
        tools: [],
        maxIterations: 2,
        config: { memory_key: "user-1" },
      }),
    ).toEqual({ text: "seen 1 messages" });
    const second = run({ a: { kind: "agent" } }, { llm, memory });
    expect(
      await second.rt.agent("a", {
        prompt: "What is my name?",
        tools: [],
        maxIterations: 2,
        config: { memory_key: "user-1" },
      }),
    ).toEqual({ text: "seen 3 messages" });
    expect(llm.requests[1]!.messages.map((m) => m.content)).toEqual([
      "My name is Ada.",
      "seen 1 messages",
      "What is my name?",
    ]);
    expect(memory.load("user-1")).toHaveLength(4);
  });

  it("sums tokens and cost over the run in run_completed", async () => {
    const llm = scripted(() => "ok");
    const { rt, events } = run(
      { a: { kind: "llm" }, b: { kind: "llm" } },
      { llm, pricing: { "my-model": { inputPerMillion: 1_000_000, outputPerMillion: 0 } } },
    );
    await rt.llm("a", { prompt: "x", model: "my-model" });
    await rt.llm("b", { prompt: "y", model: "my-model" });
    rt.output({});
    expect(events.at(-1)).toMatchObject({
      type: "run_completed",
      workflow: "test",
      tokens: { inputTokens: 20, outputTokens: 4 },
      costUsd: 20,
    });
  });

  it("offers a built-in tool to an agent with the built-in's own schema when the workflow does not declare it", async () => {
    const llm = scripted(() => "done");
    const { rt } = run(
      {
        a: {
          kind: "agent",
          agentTools: { search_documents: { description: "search_documents", parameters: { type: "object" } } },
        },
      },
      { llm },
    );
    await rt.agent("a", { prompt: "x", tools: ["search_documents"], maxIterations: 1 });
    expect(llm.requests[0]!.tools![0]).toMatchObject({ name: "search_documents", parameters: { required: ["query"] } });
  });
});
