/**
 * The Anthropic Messages provider against a loopback server speaking its wire protocol: plain and
 * streamed replies, tool use in an agent loop, structured output through a forced tool, 429 with
 * Retry-After, a connection cut mid-stream, timeouts and cancellation.
 */
import { describe, expect, it } from "vitest";
import { anthropicProvider, defaultProvider } from "../../runtime/providers/index.js";
import { failure, objectType, run, server } from "./harness.js";
import { anthropicStream, anthropicText, json, slow } from "./servers.js";

const env = { ANTHROPIC_API_KEY: "sk-ant-test" };

describe("Anthropic provider", () => {
  it("sends model, max_tokens, system and key; returns the text and usage", async () => {
    const s = await server(anthropicText("Bonjour"));
    const { rt, events } = run(
      { n: { kind: "llm" } },
      { llm: anthropicProvider({ env, baseURL: s.url, stream: false }) },
    );
    expect(
      await rt.llm("n", {
        prompt: "Say hello in French",
        model: "claude-test",
        config: { system: "Be brief.", max_tokens: 64, temperature: 0 },
      }),
    ).toEqual({ text: "Bonjour" });
    const [req] = s.requests;
    expect(req!.path).toBe("/v1/messages");
    expect(req!.headers["x-api-key"]).toBe("sk-ant-test");
    expect(req!.headers["anthropic-version"]).toBe("2023-06-01");
    expect(req!.headers.authorization).toBeUndefined();
    expect(req!.body).toMatchObject({
      model: "claude-test",
      max_tokens: 64,
      temperature: 0,
      system: "Be brief.",
      messages: [{ role: "user", content: "Say hello in French" }],
    });
    expect(events).toContainEqual(expect.objectContaining({ type: "llm_usage", inputTokens: 13, outputTokens: 5 }));
  });

  it("streams text deltas as token events", async () => {
    const s = await server(anthropicStream([{ text: "one two three" }]));
    const { rt, events } = run({ n: { kind: "llm" } }, { llm: anthropicProvider({ env, baseURL: s.url }) });
    expect(await rt.llm("n", { prompt: "count" })).toEqual({ text: "one two three" });
    expect(s.requests[0]!.body["stream"]).toBe(true);
    expect(events.filter((e) => e.type === "llm_token").map((e) => (e as { text: string }).text)).toEqual([
      "one ",
      "two ",
      "three",
    ]);
    expect(events).toContainEqual(
      expect.objectContaining({ type: "llm_usage", model: "claude-test", inputTokens: 30, outputTokens: 9 }),
    );
  });

  it("runs an agent's tool-use loop, sending tool results back in a user turn", async () => {
    const s = await server(
      anthropicStream([{ text: "Let me look. " }, { tool: "lookup", id: "toolu_1", input: { city: "Oslo" } }]),
      anthropicStream([{ text: "Snowing in Oslo." }]),
    );
    const { rt, events } = run(
      {
        agent: {
          kind: "agent",
          agentTools: {
            lookup: {
              description: "Weather",
              parameters: { type: "object", properties: { city: { type: "string" } } },
            },
          },
        },
      },
      { llm: anthropicProvider({ env, baseURL: s.url }), tools: { lookup: ({ city }) => ({ city, weather: "snow" }) } },
    );
    expect(await rt.agent("agent", { prompt: "Weather in Oslo?", tools: ["lookup"], maxIterations: 4 })).toEqual({
      text: "Snowing in Oslo.",
    });
    expect(s.requests[0]!.body["tools"]).toEqual([
      {
        name: "lookup",
        description: "Weather",
        input_schema: { type: "object", properties: { city: { type: "string" } } },
      },
    ]);
    expect(s.requests[1]!.body["messages"]).toEqual([
      { role: "user", content: "Weather in Oslo?" },
      {
        role: "assistant",
        content: [
          { type: "text", text: "Let me look. " },
          { type: "tool_use", id: "toolu_1", name: "lookup", input: { city: "Oslo" } },
        ],
      },
      {
        role: "user",
        content: [{ type: "tool_result", tool_use_id: "toolu_1", content: '{"city":"Oslo","weather":"snow"}' }],
      },
    ]);
    expect(events.filter((e) => e.type === "agent_step").length).toBe(2);
  });

  it("answers a model's call of an unknown tool with an error message instead of failing", async () => {
    const s = await server(
      anthropicStream([{ tool: "rm_rf", id: "t1", input: {} }]),
      anthropicStream([{ text: "Sorry." }]),
    );
    const { rt } = run(
      { a: { kind: "agent" } },
      { llm: anthropicProvider({ env, baseURL: s.url }), tools: { lookup: () => 1 } },
    );
    expect(await rt.agent("a", { prompt: "x", tools: ["lookup"], maxIterations: 3 })).toEqual({ text: "Sorry." });
    const result = (s.requests[1]!.body["messages"] as { content: { content?: string }[] }[])[2]!.content[0]!.content;
    expect(result).toContain("tool 'rm_rf' is not available");
  });

  it("gets structured output through a forced tool and validates it", async () => {
    const s = await server(
      anthropicStream([{ tool: "output", id: "t1", input: { label: "ham", score: 1 } }], { stopReason: "tool_use" }),
      anthropicText('{"label":"spam","score":2}'),
    );
    const node = { kind: "llm" as const, outputType: objectType({ label: "string", score: "integer" }) };
    const { rt } = run({ a: node, b: node }, { llm: anthropicProvider({ env, baseURL: s.url }) });
    expect(await rt.llm("a", { prompt: "classify" })).toEqual({ label: "ham", score: 1 });
    expect(s.requests[0]!.body["tool_choice"]).toEqual({ type: "tool", name: "output" });
    expect((s.requests[0]!.body["tools"] as { input_schema: object }[])[0]!.input_schema).toMatchObject({
      type: "object",
      required: ["label", "score"],
    });
    // a server that answers in text is accepted too
    expect(await rt.llm("b", { prompt: "classify", config: { stream: false } })).toEqual({ label: "spam", score: 2 });
  });

  it("honours Retry-After on 429 and reports the retry", async () => {
    const s = await server(
      json(429, { type: "error", error: { type: "rate_limit_error", message: "slow" } }, { "retry-after": "0.2" }),
      anthropicStream([{ text: "fine" }]),
    );
    const { rt, events } = run({ n: { kind: "llm" } }, { llm: anthropicProvider({ env, baseURL: s.url }) });
    expect(await rt.llm("n", { prompt: "x" })).toEqual({ text: "fine" });
    expect(events).toContainEqual(expect.objectContaining({ type: "llm_retrying", delayMs: 200, status: 429 }));
  });

  it("retries a 529 overload, then fails with the status when it persists", async () => {
    const s = await server(
      json(
        529,
        { type: "error", error: { type: "overloaded_error", message: "Overloaded" } },
        { "retry-after-ms": "1" },
      ),
    );
    const { rt } = run({ n: { kind: "llm" } }, { llm: anthropicProvider({ env, baseURL: s.url, maxRetries: 1 }) });
    expect(await failure(rt.llm("n", { prompt: "x" }))).toMatchObject({ code: "ICE_PROVIDER_FAILED", status: 529 });
    expect(s.requests).toHaveLength(2);
  });

  it("reports a connection cut mid-stream as ICE_PROVIDER_FAILED (stream_cut)", async () => {
    const s = await server(anthropicStream([{ text: "a b c d e f" }], { cutAfter: 4 }));
    const { rt } = run({ n: { kind: "llm" } }, { llm: anthropicProvider({ env, baseURL: s.url }) });
    expect(await failure(rt.llm("n", { prompt: "x" }))).toMatchObject({
      code: "ICE_PROVIDER_FAILED",
      reason: "stream_cut",
    });
  });

  it("retries a node whose stream was cut when the node has retries", async () => {
    const s = await server(anthropicStream([{ text: "a b c" }], { cutAfter: 3 }), anthropicStream([{ text: "whole" }]));
    const { rt, events } = run(
      { n: { kind: "llm", retries: 1 } },
      { llm: anthropicProvider({ env, baseURL: s.url }), retryPolicy: { baseDelayMs: 10 } },
    );
    expect(await rt.llm("n", { prompt: "x" })).toEqual({ text: "whole" });
    expect(events).toContainEqual(
      expect.objectContaining({
        type: "node_retrying",
        nodeId: "n",
        attempt: 2,
        delayMs: 10,
        code: "ICE_PROVIDER_FAILED",
      }),
    );
  });

  it("times out a slow reply and cancels in-flight requests", async () => {
    const s = await server(slow(10_000, anthropicStream([{ text: "late" }])));
    const { rt } = run({ n: { kind: "llm", timeoutMs: 200 } }, { llm: anthropicProvider({ env, baseURL: s.url }) });
    expect(await failure(rt.llm("n", { prompt: "x" }))).toMatchObject({ code: "ICE_TIMEOUT" });
    const controller = new AbortController();
    const other = run(
      { m: { kind: "llm" } },
      { llm: anthropicProvider({ env, baseURL: s.url }), signal: controller.signal },
    );
    const pending = failure(other.rt.llm("m", { prompt: "x" }));
    await s.arrived(2);
    controller.abort();
    expect(await pending).toMatchObject({ code: "ICE_ABORTED" });
    await expect.poll(() => s.requests.map((r) => r.closedEarly)).toEqual([true, true]);
  });
});

describe("default provider", () => {
  it("picks the protocol from llm_config.provider, else from the model name, with base_url from llm_config", async () => {
    const anthropic = await server(anthropicText("from claude"));
    const openai = await server(
      json(200, {
        id: "x",
        object: "chat.completion",
        model: "m",
        choices: [{ index: 0, message: { role: "assistant", content: "from gpt" }, finish_reason: "stop" }],
      }),
    );
    const llm = defaultProvider({ env: {} });
    const policy = { allowHosts: ["127.0.0.1"] };
    const { rt } = run({ a: { kind: "llm" }, b: { kind: "llm" }, c: { kind: "llm" } }, { llm, policy });
    expect(
      await rt.llm("a", { prompt: "x", config: { provider: "anthropic", base_url: anthropic.url, stream: false } }),
    ).toEqual({ text: "from claude" });
    expect(
      await rt.llm("b", { prompt: "x", config: { provider: "openai", base_url: openai.url, stream: false } }),
    ).toEqual({ text: "from gpt" });
    expect(
      await rt.llm("c", { prompt: "x", model: "claude-x", config: { base_url: anthropic.url, stream: false } }),
    ).toEqual({ text: "from claude" });
  });

  it("is what runs llm nodes when options.llm is not given, reading the environment", async () => {
    const { rt } = run({ a: { kind: "llm" } }, {});
    const saved = { ...process.env };
    delete process.env["OPENAI_API_KEY"];
    delete process.env["OPENAI_BASE_URL"];
    delete process.env["ANTHROPIC_API_KEY"];
    delete process.env["ANTHROPIC_BASE_URL"];
    try {
      expect(await failure(rt.llm("a", { prompt: "x" }))).toMatchObject({ code: "ICE_PROVIDER_MISSING", nodeId: "a" });
      expect(await failure(rt.llm("a", { prompt: "x", config: { provider: "mistral" } }))).toMatchObject({
        code: "ICE_PROVIDER_MISSING",
      });
    } finally {
      Object.assign(process.env, saved);
    }
  });
});
