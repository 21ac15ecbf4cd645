/**
 * Secrets and hosts (README "Operator policy"): a workflow reaches only hosts the operator allows
 * (`--allow-host`) and reads no environment variable the operator did not grant (`--allow-env`),
 * besides each provider's own key variable, which goes only to that provider's configured host.
 * Loopback servers stand in for the operator's provider and for an attacker's host; every byte
 * the attacker's server receives is checked for the secrets.
 */
import { afterEach, describe, expect, it } from "vitest";
import { iceosc, RUNTIME_URL, writeFiles } from "../helpers/cli.js";
import { compileAndImport } from "../helpers/compile.js";
import { anthropicText, json, openAiText, startServer, type TestServer } from "../runtime/servers.js";
import { join } from "node:path";

const runtime = (await import(RUNTIME_URL)) as typeof import("../../runtime/index.js");

const OPENAI_KEY = "sk-operator-secret-1";
const ANTHROPIC_KEY = "sk-ant-operator-secret-2";
const OTHER_SECRET = "hunter2-database-password";

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(reply: ReturnType<typeof json>): Promise<TestServer> {
  const s = await startServer([reply]);
  servers.push(s);
  return s;
}

/** `host:port` of a server, as `--allow-host` takes it. */
const hostOf = (s: TestServer) => new URL(s.url).host;

/** Everything a server received, as one string to search for secrets. */
const received = (s: TestServer) => JSON.stringify(s.requests.map((r) => ({ headers: r.headers, body: r.body })));

function llmWorkflow(config: string): string {
  return `name: ask
input_schema: { q: string }
nodes:
  - id: ask
    type: llm
    model: gpt-test
    prompt: "{{ inputs.q }}"
    llm_config: ${config}
outputs: { text: "{{ ask.text }}" }
`;
}

/** The operator's environment: keys, and the provider's configured host (the "good" server). */
function operatorEnv(good: TestServer): NodeJS.ProcessEnv {
  return {
    OPENAI_API_KEY: OPENAI_KEY,
    OPENAI_BASE_URL: `${good.url}/v1`,
    ANTHROPIC_API_KEY: ANTHROPIC_KEY,
    ANTHROPIC_BASE_URL: good.url,
    MY_SECRET: OTHER_SECRET,
  };
}

async function runAsk(config: string, env: NodeJS.ProcessEnv, ...flags: string[]) {
  const dir = writeFiles({ "ask.yaml": llmWorkflow(config) });
  return iceosc(["run", join(dir, "ask.yaml"), "--input", '{"q":"hi"}', ...flags], { env });
}

describe("iceosc run: provider keys go only to the provider's configured host", () => {
  it("sends OPENAI_API_KEY to the configured host", async () => {
    const good = await serve(openAiText("from the operator's provider"));
    const result = await runAsk("{ stream: false }", operatorEnv(good));
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({ text: "from the operator's provider" });
    expect(good.requests[0]!.headers.authorization).toBe(`Bearer ${OPENAI_KEY}`);
  });

  it("refuses a workflow's base_url at a host the operator did not allow, before anything is sent", async () => {
    const good = await serve(openAiText("good"));
    const evil = await serve(openAiText("evil"));
    for (const provider of ["openai", "anthropic"]) {
      const result = await runAsk(
        `{ provider: ${provider}, base_url: "${evil.url}", stream: false }`,
        operatorEnv(good),
      );
      expect(result.code, provider).toBe(1);
      expect(result.stderr).toContain("ICE_POLICY_DENIED");
      expect(result.stderr).toContain("'ask'");
      expect(result.stderr).toContain(`--allow-host ${hostOf(evil)}`);
    }
    expect(evil.requests).toHaveLength(0);
    expect(good.requests).toHaveLength(0);
  });

  it("sends no provider key to an allowed host that is not the provider's", async () => {
    const good = await serve(openAiText("good"));
    const evil = await serve(openAiText("evil answered"));
    const result = await runAsk(
      `{ base_url: "${evil.url}/v1", stream: false }`,
      operatorEnv(good),
      "--allow-host",
      hostOf(evil),
    );
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({ text: "evil answered" });
    expect(evil.requests).toHaveLength(1);
    for (const secret of [OPENAI_KEY, ANTHROPIC_KEY, OTHER_SECRET]) expect(received(evil)).not.toContain(secret);
  });

  it("refuses api_key_env naming a variable the operator did not grant; sends it only when granted", async () => {
    const good = await serve(openAiText("good"));
    const evil = await serve(openAiText("evil"));
    const env = operatorEnv(good);
    const refused = await runAsk(`{ api_key_env: MY_SECRET, stream: false }`, env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("ICE_POLICY_DENIED");
    expect(refused.stderr).toContain("--allow-env MY_SECRET");
    // Even pointed at an allowed host, the variable stays home without --allow-env.
    const elsewhere = await runAsk(
      `{ api_key_env: MY_SECRET, base_url: "${evil.url}", stream: false }`,
      env,
      "--allow-host",
      hostOf(evil),
    );
    expect(elsewhere.stderr).toContain("--allow-env MY_SECRET");
    expect(good.requests).toHaveLength(0);
    expect(evil.requests).toHaveLength(0);

    const granted = await runAsk(`{ api_key_env: MY_SECRET, stream: false }`, env, "--allow-env", "MY_SECRET");
    expect(granted.stderr).toBe("");
    expect(good.requests[0]!.headers.authorization).toBe(`Bearer ${OTHER_SECRET}`);
  });

  it("names another provider's key variable only with --allow-env", async () => {
    const good = await serve(openAiText("good"));
    const result = await runAsk(
      `{ provider: openai, api_key_env: ANTHROPIC_API_KEY, stream: false }`,
      operatorEnv(good),
    );
    expect(result.stderr).toContain("--allow-env ANTHROPIC_API_KEY");
    expect(good.requests).toHaveLength(0);
  });
});

describe("iceosc run: http_request reaches only allowed hosts", () => {
  it("refuses a host that was not allowed, naming --allow-host; reaches it when allowed", async () => {
    const evil = await serve(json(200, { ok: true }));
    const dir = writeFiles({
      "fetch.yaml": `name: fetcher
input_schema: { url: string }
nodes:
  - id: call
    type: tool
    tool_name: http_request
    tool_args: { url: "{{ inputs.url }}" }
outputs: { status: "{{ call.status }}" }
`,
    });
    const args = ["run", join(dir, "fetch.yaml"), "--input", JSON.stringify({ url: `${evil.url}/x` })];
    const refused = await iceosc(args);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("ICE_CAPABILITY_DENIED");
    expect(refused.stderr).toContain("'call'");
    expect(refused.stderr).toContain(`--allow-host ${hostOf(evil)}`);
    expect(evil.requests).toHaveLength(0);
    const allowed = await iceosc([...args, "--allow-host", hostOf(evil)]);
    expect(allowed.stderr).toBe("");
    expect(JSON.parse(allowed.stdout)).toEqual({ status: 200 });
  });
});

describe("generated modules: options.policy grants hosts and variables", () => {
  it("keeps the provider's key at home and refuses ungranted hosts and variables", async () => {
    const good = await serve(anthropicText("good"));
    const evil = await serve(anthropicText("evil"));
    const module = await compileAndImport(
      { "a.yaml": llmWorkflow(`{ provider: anthropic, base_url: "${evil.url}", stream: false }`) },
      "a.yaml",
    );
    const llm = runtime.defaultProvider({ env: { ANTHROPIC_API_KEY: ANTHROPIC_KEY, ANTHROPIC_BASE_URL: good.url } });
    const error = await module.run({ q: "hi" }, { llm }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(runtime.PolicyDeniedError);
    expect(error).toMatchObject({ code: "ICE_POLICY_DENIED", nodeId: "ask" });
    expect(evil.requests).toHaveLength(0);

    expect(await module.run({ q: "hi" }, { llm, policy: { allowHosts: [hostOf(evil)] } })).toEqual({ text: "evil" });
    expect(received(evil)).not.toContain(ANTHROPIC_KEY);
    expect(good.requests).toHaveLength(0);
  });
});
