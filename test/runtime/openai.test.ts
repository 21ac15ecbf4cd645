/**
 * The OpenAI-compatible provider against a loopback server speaking chat completions: plain and
 * streamed replies, tool calls, structured output, 429 with Retry-After, 5xx, a connection cut
 * mid-stream, a slow reply that times out, and cancellation of requests in flight.
 */
import { describe, expect, it } from "vitest";
import { openAiProvider } from "../../runtime/providers/index.js";
import { failure, objectType, run, server } from "./harness.js";
import { hang, json, openAiChunks, openAiText, openAiToolCall, slow } from "./servers.js";

const env = { OPENAI_API_KEY: "sk-test" };

describe("OpenAI-compatible provider", () => {
  it("sends the prompt, model, settings and key; returns the text and usage", async () => {
    const s = await server(openAiText("Hello there"));
    // The operator configures the host (OPENAI_BASE_URL); the key goes only there.
    const configured = { ...env, OPENAI_BASE_URL: `${s.url}/v1` };
    const { rt, events } = run({ greet: { kind: "llm" } }, { llm: openAiProvider({ env: configured }) });
    const out = await rt.llm("greet", {
      prompt: "Say hello",
      model: "gpt-test",
      config: { base_url: `${s.url}/v1`, stream: false, temperature: 0.2, max_tokens: 50, system: "Be brief." },
    });
    expect(out).toEqual({ text: "Hello there" });
    const [req] = s.requests;
    expect(req!.path).toBe("/v1/chat/completions");
    expect(req!.headers.authorization).toBe("Bearer sk-test");
    expect(req!.body).toMatchObject({
      model: "gpt-test",
      temperature: 0.2,
      max_tokens: 50,
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "Say hello" },
      ],
    });
    expect(req!.body["stream"]).toBeUndefined();
    expect(events).toContainEqual(
      expect.objectContaining({
        type: "llm_usage",
        nodeId: "greet",
        model: "gpt-test",
        inputTokens: 11,
        outputTokens: 7,
      }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({
        type: "node_completed",
        nodeId: "greet",
        tokens: { inputTokens: 11, outputTokens: 7 },
      }),
    );
  });

  it("streams over SSE by default, with a token event per piece and usage from the last chunk", async () => {
    const s = await server(openAiChunks(["The ", "answer ", "is 42."]));
    const { rt, events } = run({ ask: { kind: "llm" } }, { llm: openAiProvider({ env, baseURL: `${s.url}/v1` }) });
    expect(await rt.llm("ask", { prompt: "?", model: "gpt-4o-mini" })).toEqual({ text: "The answer is 42." });
    expect(s.requests[0]!.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(events.filter((e) => e.type === "llm_token").map((e) => (e as { text: string }).text)).toEqual([
      "The ",
      "answer ",
      "is 42.",
    ]);
    const usage = events.find((e) => e.type === "llm_usage");
    expect(usage).toMatchObject({ inputTokens: 20, outputTokens: 3 });
    expect((usage as { costUsd?: number }).costUsd).toBeCloseTo((20 * 0.15 + 3 * 0.6) / 1e6, 12);
  });

  it("runs an agent's tool-calling loop: streamed tool call, tool result sent back, final answer", async () => {
    const s = await server(openAiToolCall("call_1", "lookup", { city: "Paris" }), openAiChunks(["It is ", "sunny."]));
    const calls: unknown[] = [];
    const { rt, events } = run(
      {
        agent: {
          kind: "agent",
          agentTools: {
            lookup: {
              description: "Weather by city",
              parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
            },
          },
        },
      },
      {
        llm: openAiProvider({ env, baseURL: s.url }),
        tools: {
          lookup: async (args) => {
            calls.push(args);
            return { weather: "sunny" };
          },
        },
      },
    );
    expect(await rt.agent("agent", { prompt: "Weather in Paris?", tools: ["lookup"], maxIterations: 3 })).toEqual({
      text: "It is sunny.",
    });
    expect(calls).toEqual([{ city: "Paris" }]);
    expect(s.requests[0]!.body["tools"]).toEqual([
      {
        type: "function",
        function: {
          name: "lookup",
          description: "Weather by city",
          parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
        },
      },
    ]);
    const second = s.requests[1]!.body["messages"] as object[];
    expect(second.slice(1)).toEqual([
      {
        role: "assistant",
        content: null,
        tool_calls: [{ id: "call_1", type: "function", function: { name: "lookup", arguments: '{"city":"Paris"}' } }],
      },
      { role: "tool", tool_call_id: "call_1", content: '{"weather":"sunny"}' },
    ]);
    expect(events.filter((e) => e.type === "agent_step")).toMatchObject([
      { iteration: 1, toolCalls: ["lookup"] },
      { iteration: 2, toolCalls: [] },
    ]);
    expect(events).toContainEqual(expect.objectContaining({ type: "tool_call", tool: "lookup", ok: true }));
  });

  it("stops an agent at max_iterations", async () => {
    const s = await server(openAiToolCall("c", "lookup", {}));
    const { rt } = run(
      { a: { kind: "agent" } },
      { llm: openAiProvider({ env, baseURL: s.url }), tools: { lookup: () => ({}) } },
    );
    const error = await failure(rt.agent("a", { prompt: "loop", tools: ["lookup"], maxIterations: 2 }));
    expect(error.code).toBe("ICE_PROVIDER_FAILED");
    expect(error.message).toContain("max_iterations (2)");
    expect(s.requests).toHaveLength(2);
  });

  it("sends output_schema as a strict JSON schema and validates the typed reply", async () => {
    const s = await server(openAiText('{"label":"spam","score":3}'), openAiText('{"label":"spam"}'));
    const node = { kind: "llm" as const, outputType: objectType({ label: "string", score: "integer" }) };
    const { rt } = run(
      { classify: node, again: node },
      { llm: openAiProvider({ env, baseURL: s.url, stream: false }) },
    );
    expect(await rt.llm("classify", { prompt: "classify" })).toEqual({ label: "spam", score: 3 });
    expect(s.requests[0]!.body["response_format"]).toEqual({
      type: "json_schema",
      json_schema: {
        name: "output",
        strict: true,
        schema: {
          type: "object",
          properties: { label: { type: "string" }, score: { type: "integer" } },
          required: ["label", "score"],
          additionalProperties: false,
        },
      },
    });
    const error = await failure(rt.llm("again", { prompt: "classify" }));
    expect(error.code).toBe("ICE_OUTPUT_INVALID");
    expect(error.message).toContain("output.score");
  });

  it("waits as long as Retry-After says on 429, then succeeds", async () => {
    const s = await server(
      json(429, { error: { message: "slow down", type: "rate_limit" } }, { "retry-after": "1" }),
      openAiChunks(["ok"]),
    );
    const { rt, events } = run({ n: { kind: "llm" } }, { llm: openAiProvider({ env, baseURL: s.url }) });
    const started = Date.now();
    expect(await rt.llm("n", { prompt: "x" })).toEqual({ text: "ok" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(events).toContainEqual({
      type: "llm_retrying",
      nodeId: "n",
      attempt: 2,
      delayMs: 1000,
      status: 429,
      reason: "rate limited",
    });
  });

  it("fails with ICE_PROVIDER_FAILED (rate_limited) when 429s outlast the retries", async () => {
    const s = await server(json(429, { error: { message: "quota" } }, { "retry-after-ms": "10" }));
    const { rt } = run({ n: { kind: "llm" } }, { llm: openAiProvider({ env, baseURL: s.url, maxRetries: 2 }) });
    const error = await failure(rt.llm("n", { prompt: "x" }));
    expect(error).toMatchObject({ code: "ICE_PROVIDER_FAILED", nodeId: "n", reason: "rate_limited", status: 429 });
    expect(s.requests).toHaveLength(3);
  });

  it("does not wait for a Retry-After longer than the cap", async () => {
    const s = await server(json(429, { error: { message: "come back tomorrow" } }, { "retry-after": "86400" }));
    const { rt } = run({ n: { kind: "llm" } }, { llm: openAiProvider({ env, baseURL: s.url }) });
    const started = Date.now();
    expect(await failure(rt.llm("n", { prompt: "x" }))).toMatchObject({
      code: "ICE_PROVIDER_FAILED",
      reason: "rate_limited",
    });
    expect(Date.now() - started).toBeLessThan(30_000); // the cap is 60 s; waiting would take a day
    expect(s.requests).toHaveLength(1);
  });

  it("retries 5xx but not 4xx", async () => {
    const s = await server(
      json(503, { error: { message: "overloaded" } }, { "retry-after-ms": "5" }),
      openAiText("recovered"),
    );
    const { rt } = run(
      { n: { kind: "llm" }, m: { kind: "llm" } },
      { llm: openAiProvider({ env, baseURL: s.url, stream: false }), policy: { allowHosts: ["127.0.0.1"] } },
    );
    expect(await rt.llm("n", { prompt: "x" })).toEqual({ text: "recovered" });
    const bad = await server(json(400, { error: { message: "bad model name" } }));
    const error = await failure(rt.llm("m", { prompt: "x", config: { base_url: bad.url } }));
    expect(error).toMatchObject({ code: "ICE_PROVIDER_FAILED", status: 400, reason: "http" });
    expect(error.message).toContain("bad model name");
    expect(bad.requests).toHaveLength(1);
  });

  it("reports a connection cut mid-stream as ICE_PROVIDER_FAILED (stream_cut), promptly", async () => {
    const s = await server(openAiChunks(["partial ", "answer ", "never ", "finished"], { cutAfter: 3 }));
    const { rt, events } = run({ n: { kind: "llm" } }, { llm: openAiProvider({ env, baseURL: s.url }) });
    const started = Date.now();
    const error = await failure(rt.llm("n", { prompt: "x" }));
    expect(error).toMatchObject({ code: "ICE_PROVIDER_FAILED", nodeId: "n", reason: "stream_cut" });
    expect(error.message).toContain("closed before the reply was complete");
    expect(Date.now() - started).toBeLessThan(30_000); // not the provider's request timeout
    expect(events.filter((e) => e.type === "llm_token")).toHaveLength(2);
  });

  it("treats a stream that ends without finish_reason as cut", async () => {
    const s = await server((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.end(
        `data: ${JSON.stringify({ id: "c", object: "chat.completion.chunk", model: "m", choices: [{ index: 0, delta: { content: "half" }, finish_reason: null }] })}\n\n`,
      );
    });
    const { rt } = run({ n: { kind: "llm" } }, { llm: openAiProvider({ env, baseURL: s.url }) });
    expect(await failure(rt.llm("n", { prompt: "x" }))).toMatchObject({
      code: "ICE_PROVIDER_FAILED",
      reason: "stream_cut",
    });
  });

  it("times out a slow reply with ICE_TIMEOUT (node timeout_seconds) and closes the connection", async () => {
    const s = await server(slow(120_000, openAiChunks(["late"])));
    const { rt } = run({ n: { kind: "llm", timeoutMs: 300 } }, { llm: openAiProvider({ env, baseURL: s.url }) });
    const started = Date.now();
    expect(await failure(rt.llm("n", { prompt: "x" }))).toMatchObject({ code: "ICE_TIMEOUT", nodeId: "n" });
    expect(Date.now() - started).toBeLessThan(30_000); // far sooner than the reply (2 minutes)
    await expect.poll(() => s.requests[0]?.closedEarly).toBe(true);
  });

  it("times out with llm_config.timeout_seconds too, without retrying the timeout", async () => {
    const s = await server(hang(10_000));
    const { rt } = run({ n: { kind: "llm" } }, { llm: openAiProvider({ env, baseURL: s.url }) });
    expect(await failure(rt.llm("n", { prompt: "x", config: { timeout_seconds: 0.3 } }))).toMatchObject({
      code: "ICE_TIMEOUT",
    });
    expect(s.requests).toHaveLength(1);
  });

  it("cancelling the run stops every request in flight", async () => {
    const s = await server(slow(10_000, openAiChunks(["late"])));
    const controller = new AbortController();
    const { rt } = run(
      { a: { kind: "llm" }, b: { kind: "llm" }, c: { kind: "agent" } },
      { llm: openAiProvider({ env, baseURL: s.url }), signal: controller.signal },
    );
    const runs = [
      rt.llm("a", { prompt: "1" }),
      rt.llm("b", { prompt: "2" }),
      rt.agent("c", { prompt: "3", tools: [], maxIterations: 2 }),
    ].map(failure);
    await s.arrived(3);
    controller.abort();
    const errors = await Promise.all(runs);
    expect(errors.map((e) => e.code)).toEqual(["ICE_ABORTED", "ICE_ABORTED", "ICE_ABORTED"]);
    await expect.poll(() => s.requests.map((r) => r.closedEarly)).toEqual([true, true, true]);
  });

  it("cancelling during a Retry-After wait stops at once", async () => {
    const s = await server(json(429, { error: { message: "wait" } }, { "retry-after": "50" }));
    const controller = new AbortController();
    const { rt } = run(
      { n: { kind: "llm" } },
      { llm: openAiProvider({ env, baseURL: s.url }), signal: controller.signal },
    );
    const pending = failure(rt.llm("n", { prompt: "x" }));
    await s.arrived(1);
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    expect(await pending).toMatchObject({ code: "ICE_ABORTED" });
    expect(Date.now() - started).toBeLessThan(30_000); // not the 50 s wait
  });

  it("reports a refused connection as ICE_PROVIDER_FAILED (connection)", async () => {
    const s = await server(openAiText("x"));
    const url = s.url;
    await s.close();
    const { rt } = run({ n: { kind: "llm" } }, { llm: openAiProvider({ env, baseURL: url, maxRetries: 0 }) });
    expect(await failure(rt.llm("n", { prompt: "x" }))).toMatchObject({
      code: "ICE_PROVIDER_FAILED",
      reason: "connection",
    });
  });

  it("needs a key only for the vendor's own URL", async () => {
    const { rt } = run({ n: { kind: "llm" } }, { llm: openAiProvider({ env: {} }) });
    expect(await failure(rt.llm("n", { prompt: "x" }))).toMatchObject({ code: "ICE_PROVIDER_MISSING" });
    const s = await server(openAiText("local"));
    const local = run({ n: { kind: "llm" } }, { llm: openAiProvider({ env: { OPENAI_BASE_URL: s.url } }) });
    expect(await local.rt.llm("n", { prompt: "x", config: { stream: false } })).toEqual({ text: "local" });
  });
});
