/**
 * The iceOS dialect's diagnostics and edge cases, as `iceosc check` and `iceosc run` report them:
 * fields iceOS carries that mean nothing here are warnings naming them; typos still get "did you
 * mean"; JSON Schema keywords not taken are located warnings; body_nodes and api_version mistakes
 * are located errors; a recursive node stops at max_rounds or on a field of its output; agent
 * memory kept in Redis (Debian's redis-server) carries a conversation from one run to the next.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { connect, createServer } from "node:net";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { iceosc, writeFiles } from "../helpers/cli.js";
import { server } from "../runtime/harness.js";
import { openAiChunks } from "../runtime/servers.js";
import { FIXTURES, lastMessage, stubTools } from "./helpers.js";

async function check(text: string): Promise<{ code: number | null; stderr: string }> {
  const dir = writeFiles({ "blueprint.yaml": text });
  return iceosc(["check", join(dir, "blueprint.yaml")]);
}

describe("iceosc check on iceOS shapes", () => {
  it("warns about fields that mean nothing here, naming them, and still suggests for typos", async () => {
    const result = await check(`id: demo
schema_version: "1.2.0"
nodes:
  - id: ask
    type: llm
    level: 2
    use_cache: false
    prompt: "hello"
    coerce_output_types: true
    max_tokns: 10
`);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("warning ICE1031: field 'level' is an iceOS field with no meaning here");
    expect(result.stderr).toContain("field 'use_cache'");
    expect(result.stderr).toContain("field 'coerce_output_types'");
    expect(result.stderr).toMatch(
      /error ICE1005: unknown field 'max_tokns' on a llm node; did you mean 'max_tokens'\?/,
    );
  });

  it("locates JSON Schema keywords it does not take and types the field any", async () => {
    const result = await check(`nodes:
  - id: lookup
    type: tool
    tool_name: search
    output_schema:
      type: object
      properties:
        hits:
          oneOf: [{ type: string }, { type: integer }]
outputs: { hits: "{{ lookup.hits }}" }
`);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /blueprint\.yaml:9:11 - warning ICE1030: JSON Schema keyword 'oneOf' is not supported here/,
    );
  });

  it("reports body_nodes naming no top-level node, and an api_version it does not read", async () => {
    const result = await check(`api_version: chain.v1
nodes:
  - id: rows
    type: tool
    tool_name: load
  - id: each
    type: loop
    items_source: rows.items
    body_nodes: [publsh]
  - id: publish
    type: tool
    tool_name: publish
`);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/1:14 - error ICE1004: field 'api_version' must be 'blueprint.v1', got 'chain.v1'/);
    expect(result.stderr).toMatch(
      /9:18 - error ICE1032: body_nodes of loop 'each' names 'publsh', which is not a top-level node; did you mean 'publish'\?/,
    );
  });

  it("reads agent.response as the reply text even beside a JSON Schema output", async () => {
    const result = await check(`nodes:
  - id: helper
    type: agent
    prompt: "help"
    output_schema:
      type: object
      properties: { message: { type: string } }
outputs:
  response: { text: "{{ helper.response }}" }
  message: "{{ helper.message }}"
  wrong: "{{ helper.mesage }}"
`);
    expect(result.stderr).toMatch(
      /11:21 - error ICE2007: 'helper' has no output field 'mesage'; did you mean 'message'\?/,
    );
    expect(result.stderr).toContain("1 error");
  });

  it("checks the convergence test's types like a condition's", async () => {
    const result = await check(`nodes:
  - id: seed
    type: tool
    tool_name: seed
  - id: loop
    type: recursive
    recursive_sources: [seed]
    convergence_condition: "text + 1"
`);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/8:29 - error ICE2009: condition must be boolean, got string/);
  });
});

describe("recursive nodes", () => {
  const blueprint = `id: refine
inputs: { required: [draft] }
nodes:
  - id: start
    type: tool
    tool_name: draft_offer
  - id: refine
    type: recursive
    recursive_sources: [start]
    prompt: "Improve: {{ inputs.draft }}"
    convergence_condition: "text == 'DONE' or iteration >= inputs.limit"
    max_rounds: 3
outputs: { final: "{{ refine.text }}", rounds: "{{ refine.rounds }}", converged: "{{ refine.converged }}" }
`;

  it("stops when a field of the round's output satisfies the test", async () => {
    const s = await server(openAiChunks(["better"]), openAiChunks(["DONE"]), openAiChunks(["never"]));
    const dir = writeFiles({ "refine.yaml": blueprint.replace("inputs.limit", "10") });
    const result = await iceosc(
      ["run", join(dir, "refine.yaml"), "--tools", stubTools().module, "--input", '{"draft":"d"}'],
      {
        env: { OPENAI_BASE_URL: s.url, OPENAI_API_KEY: "k" },
      },
    );
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({ final: "DONE", rounds: 2, converged: true });
    expect(lastMessage(s.requests[0]!)).toBe("Improve: d");
  });

  it("ends after max_rounds without converging", async () => {
    const s = await server(openAiChunks(["a"]), openAiChunks(["b"]), openAiChunks(["c"]), openAiChunks(["d"]));
    const dir = writeFiles({ "refine.yaml": blueprint.replace("inputs.limit", "10") });
    const result = await iceosc(
      ["run", join(dir, "refine.yaml"), "--tools", stubTools().module, "--input", '{"draft":"d"}'],
      {
        env: { OPENAI_BASE_URL: s.url, OPENAI_API_KEY: "k" },
      },
    );
    expect(JSON.parse(result.stdout)).toEqual({ final: "c", rounds: 3, converged: false });
    expect(s.requests).toHaveLength(3);
  });
});

const hasRedis = spawnSync("redis-server", ["--version"]).status === 0;
if (!hasRedis) console.warn("SKIPPED: agent memory in Redis (install Debian's redis-server to run it; .ci/run does)");

describe.skipIf(!hasRedis)("agent memory in Redis", () => {
  let redis: ChildProcess | undefined;
  afterAll(() => {
    redis?.kill();
  });

  async function freePort(): Promise<number> {
    return new Promise((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
  }

  it("keeps the conversation of memory: { backend: redis } across runs", async () => {
    const port = await freePort();
    redis = spawn("redis-server", ["--port", String(port), "--save", "", "--appendonly", "no", "--bind", "127.0.0.1"], {
      stdio: "ignore",
    });
    const url = `redis://127.0.0.1:${port}/0`;
    // Wait until it answers: the first run's memory load retries nothing, so the server must be up.
    for (let i = 0; i < 100; i++) {
      const ok = await new Promise<boolean>((resolve) => {
        const socket = connect(port, "127.0.0.1");
        socket.on("connect", () => {
          socket.end();
          resolve(true);
        });
        socket.on("error", () => resolve(false));
      });
      if (ok) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const s = await server(openAiChunks(['{"message": "first"}']), openAiChunks(['{"message": "second"}']));
    const args = ["run", join(FIXTURES, "support_agent.yaml"), "--tools", stubTools().module, "--redis-url", url];
    const env = { OPENAI_BASE_URL: s.url, OPENAI_API_KEY: "k" };
    const first = await iceosc(args, { env });
    expect(first.code).toBe(0);
    expect(first.stderr).not.toContain("memory backend");
    const second = await iceosc(args, { env });
    expect(second.code).toBe(0);
    const messages = (s.requests[1]!.body["messages"] as { role: string; content: string }[]).map((m) => m.content);
    expect(messages).toContain('{"message": "first"}');
    expect(JSON.parse(second.stdout)).toMatchObject({ support_agent: { message: "second" } });
  });
});
