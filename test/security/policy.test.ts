/**
 * The operator's policy (README "Operator policy") as users meet it: `iceosc run` with and without the
 * policy flags, and a generated module's `run(input, { policy })`. A workflow never promotes its
 * own code to host JavaScript nor grants itself limits above the ceilings: both are refused with
 * ICE_POLICY_DENIED, naming the node and the flag, before any node runs.
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { iceosc, RUNTIME_URL, writeFiles } from "../helpers/cli.js";
import { compileAndImport } from "../helpers/compile.js";
import { openAiChunks, openAiText, startServer } from "../runtime/servers.js";

const runtime = (await import(RUNTIME_URL)) as typeof import("../../runtime/index.js");

/** A workflow: a tool node `first` (it leaves a mark when it runs), then a code node `second`. */
function twoNodes(second: string): string {
  return `name: two
input_schema: { n: integer }
tools:
  mark:
    input_schema: { n: integer }
    output_schema: { n: integer }
nodes:
  - id: first
    type: tool
    tool_name: mark
    tool_args: { n: "{{ inputs.n }}" }
  - id: second
    type: code
    inputs: { n: "{{ first.n }}" }
    input_schema: { n: integer }
    output_schema: { value: integer }
${second}
    code: |
      return { value: inputs.n + 1 };
outputs: { value: "{{ second.value }}" }
`;
}

/** A `--tools` module whose `mark` tool writes `markFile` when called. */
function markTools(markFile: string): string {
  return `import { writeFileSync } from "node:fs";
export default { mark: async ({ n }) => { writeFileSync(${JSON.stringify(markFile)}, "ran"); return { n }; } };
`;
}

describe("iceosc run: trusted code needs --allow-trusted", () => {
  it("refuses trust: trusted before any node runs, naming the node and the flag; runs it with the flag", async () => {
    const dir = writeFiles({ "w.yaml": twoNodes("    trust: trusted") });
    const mark = join(dir, "mark.txt");
    writeFileSync(join(dir, "tools.mjs"), markTools(mark));
    const args = ["run", join(dir, "w.yaml"), "--tools", join(dir, "tools.mjs"), "--input", '{"n":1}'];

    const refused = await iceosc(args);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("ICE_POLICY_DENIED");
    expect(refused.stderr).toContain("'second'");
    expect(refused.stderr).toContain("--allow-trusted");
    expect(refused.stdout).toBe("");
    expect(existsSync(mark)).toBe(false); // the tool node before it never ran

    const allowed = await iceosc([...args, "--allow-trusted"]);
    expect(allowed.stderr).toBe("");
    expect(allowed.code).toBe(0);
    expect(JSON.parse(allowed.stdout)).toEqual({ value: 2 });
    expect(existsSync(mark)).toBe(true);
  });

  it("refuses trusted code in a sub-workflow before the parent's first node runs", async () => {
    const dir = writeFiles({
      "parent.yaml": `name: parent
input_schema: { n: integer }
tools:
  mark:
    input_schema: { n: integer }
    output_schema: { n: integer }
nodes:
  - id: first
    type: tool
    tool_name: mark
    tool_args: { n: "{{ inputs.n }}" }
  - id: call
    type: workflow
    workflow_ref: child
    inputs: { n: "{{ first.n }}" }
outputs: { value: "{{ call.value }}" }
`,
      "child.yaml": `name: child
input_schema: { n: integer }
nodes:
  - id: escape
    type: code
    trust: trusted
    inputs: { n: "{{ inputs.n }}" }
    input_schema: { n: integer }
    output_schema: { value: integer }
    code: |
      return { value: inputs.n };
outputs: { value: "{{ escape.value }}" }
`,
    });
    const mark = join(dir, "mark.txt");
    writeFileSync(join(dir, "tools.mjs"), markTools(mark));
    const result = await iceosc([
      "run",
      join(dir, "parent.yaml"),
      "--tools",
      join(dir, "tools.mjs"),
      "--input",
      '{"n":1}',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("ICE_POLICY_DENIED");
    expect(result.stderr).toContain("'escape'");
    expect(result.stderr).toContain("--allow-trusted");
    expect(existsSync(mark)).toBe(false);
  });
});

describe("iceosc run: limits above the operator's ceilings", () => {
  it("refuses a node asking for more fuel, memory, timeout or retries than the defaults allow, naming every flag", async () => {
    const dir = writeFiles({
      "w.yaml": twoNodes("    limits: { fuel: 1e15, memory_mb: 4096, timeout_ms: 3600000 }\n    retries: 1000"),
    });
    const mark = join(dir, "mark.txt");
    writeFileSync(join(dir, "tools.mjs"), markTools(mark));
    const args = ["run", join(dir, "w.yaml"), "--tools", join(dir, "tools.mjs"), "--input", '{"n":1}'];
    const refused = await iceosc(args);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("ICE_POLICY_DENIED");
    expect(refused.stderr).toContain("'second'");
    for (const flag of [
      "--max-fuel 1000000000000000",
      "--max-memory-mb 4096",
      "--max-timeout-ms 3600000",
      "--max-retries 1000",
    ])
      expect(refused.stderr).toContain(flag);
    expect(existsSync(mark)).toBe(false);

    // Widening one ceiling is not enough: the others still refuse.
    const partly = await iceosc([...args, "--max-fuel", "1000000000000000"]);
    expect(partly.code).toBe(1);
    expect(partly.stderr).not.toContain("--max-fuel");
    expect(partly.stderr).toContain("--max-memory-mb 4096");

    const allowed = await iceosc([
      ...args,
      "--max-fuel",
      "1000000000000000",
      "--max-memory-mb",
      "4096",
      "--max-timeout-ms",
      "3600000",
      "--max-retries",
      "1000",
    ]);
    expect(allowed.stderr).toBe("");
    expect(JSON.parse(allowed.stdout)).toEqual({ value: 2 });
  });

  it("treats a malformed policy flag as a usage error", async () => {
    for (const bad of [
      ["--max-fuel", "lots"],
      ["--max-memory-mb", "0"],
      ["--max-memory-mb", "100000"],
      ["--max-timeout-ms", "1.5"],
      ["--allow-env", "A=B"],
      ["--allow-read", "/no/such/dir/anywhere"],
    ]) {
      const result = await iceosc(["run", "examples/word_stats.yaml", ...bad]);
      expect(result.code, bad.join(" ")).toBe(2);
      expect(result.stderr).toContain(bad[0]);
    }
  });
});

describe("generated modules: options.policy", () => {
  const codeNode = (extra: string) => `name: probe
input_schema: { n: integer }
nodes:
  - id: probe
    type: code
${extra}
    inputs: { n: "{{ inputs.n }}" }
    input_schema: { n: integer }
    output_schema: { value: integer }
    code: |
      return { value: inputs.n * 2 };
outputs: { value: "{{ probe.value }}" }
`;

  async function refusal(promise: Promise<unknown>): Promise<InstanceType<typeof runtime.IceError>> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(runtime.IceError);
    expect(error).toBeInstanceOf(runtime.PolicyDeniedError);
    return error as InstanceType<typeof runtime.IceError>;
  }

  it("refuses trusted code unless options.policy.allowTrusted", async () => {
    const module = await compileAndImport({ "p.yaml": codeNode("    trust: trusted") }, "p.yaml");
    const error = await refusal(module.run({ n: 2 }));
    expect(error.code).toBe("ICE_POLICY_DENIED");
    expect(error.nodeId).toBe("probe");
    expect(error.message).toContain("allowTrusted");
    await refusal(module.run({ n: 2 }, { policy: { allowTrusted: false } }));
    expect(await module.run({ n: 2 }, { policy: { allowTrusted: true } })).toEqual({ value: 4 });
  });

  it("caps what the workflow asks for, its trust profile's limits and the run-time overrides alike", async () => {
    const module = await compileAndImport({ "p.yaml": codeNode("    limits: { memory_mb: 128 }") }, "p.yaml");
    const error = await refusal(module.run({ n: 1 }));
    expect(error.nodeId).toBe("probe");
    expect(error.message).toContain("--max-memory-mb 128");
    expect(await module.run({ n: 1 }, { policy: { maxMemoryMb: 128 } })).toEqual({ value: 2 });

    const plain = await compileAndImport({ "q.yaml": codeNode("    trust: strict") }, "q.yaml");
    expect(await plain.run({ n: 3 })).toEqual({ value: 6 });
    // A plan found within the default policy is remembered (checkPlanOnce); a narrower policy still refuses it.
    expect((await refusal(plain.run({ n: 3 }, { policy: { maxFuel: 10 } }))).message).toContain("--max-fuel");
    expect(await plain.run({ n: 3 })).toEqual({ value: 6 });
    // Run-time overrides are capped too (the app is the operator, but its ceilings still hold).
    expect((await refusal(plain.run({ n: 3 }, { limits: { fuel: 5e9 } }))).message).toContain("maxFuel: 5000000000");
    expect((await refusal(plain.run({ n: 3 }, { nodeLimits: { probe: { timeoutMs: 60_000 } } }))).message).toContain(
      "--max-timeout-ms 60000",
    );
    expect((await refusal(plain.run({ n: 3 }, { nodeRetries: { probe: { retries: 11 } } }))).message).toContain(
      "--max-retries 11",
    );
    expect(await plain.run({ n: 3 }, { limits: { fuel: 5e9 }, policy: { maxFuel: 5e9 } })).toEqual({ value: 6 });
  });

  it("runs at most maxParallel iterations of an uncapped loop at once (16 by default), with the same results", async () => {
    const module = await compileAndImport(
      {
        "l.yaml": `name: fan
input_schema: { items: "integer[]" }
tools:
  slow:
    input_schema: { n: integer }
    output_schema: { n: integer }
nodes:
  - id: each
    type: loop
    items_source: "{{ inputs.items }}"
    item_var: item
    parallel: true
    body:
      - id: call
        type: tool
        tool_name: slow
        tool_args: { n: "{{ item }}" }
outputs: { results: "{{ each.results }}" }
`,
      },
      "l.yaml",
    );
    let inFlight = 0;
    let most = 0;
    const slow = async ({ n }: Record<string, unknown>) => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return { n };
    };
    const items = Array.from({ length: 60 }, (_, i) => i);
    const expected = items.map((n) => ({ n }));
    expect((await module.run({ items }, { tools: { slow } })).results).toEqual(expected);
    expect(most).toBe(16);
    most = 0;
    expect((await module.run({ items }, { tools: { slow }, policy: { maxParallel: 3 } })).results).toEqual(expected);
    expect(most).toBe(3);
  });

  it("caps an llm node's llm_config.max_retries like a node's retries", async () => {
    const server = await startServer([openAiText("hi")]);
    try {
      const module = await compileAndImport(
        {
          "m.yaml": `name: asker
nodes:
  - id: ask
    type: llm
    model: gpt-test
    prompt: "hello"
    llm_config: { max_retries: 1000, stream: false }
outputs: { text: "{{ ask.text }}" }
`,
        },
        "m.yaml",
      );
      const llm = runtime.openAiProvider({ env: { OPENAI_API_KEY: "k" }, baseURL: server.url });
      const error = await refusal(module.run({}, { llm }));
      expect(error.nodeId).toBe("ask");
      expect(error.message).toContain("--max-retries 1000");
      expect(server.requests).toHaveLength(0);
      expect(await module.run({}, { llm, policy: { maxRetries: 1000 } })).toEqual({ text: "hi" });
    } finally {
      await server.close();
    }
  });

  it("caps the model calls an agent or recursive node may make (max_iterations, max_rounds)", async () => {
    // Each model call is the operator's money: an untrusted workflow asking for a million
    // iterations (or rounds x iterations) is refused before the first request.
    const server = await startServer([openAiChunks(["do", "ne"])]);
    try {
      const spender = await compileAndImport(
        {
          "a.yaml": `name: spender
nodes:
  - { id: think, type: agent, model: gpt-test, prompt: "go", max_iterations: 1000000 }
outputs: { text: "{{ think.text }}" }
`,
        },
        "a.yaml",
      );
      const rounds = await compileAndImport(
        {
          "b.yaml": `name: rounds
nodes:
  - { id: think, type: agent, model: gpt-test, prompt: "go", max_iterations: 2 }
  - { id: haggle, type: recursive, model: gpt-test, prompt: "go", recursive_sources: [think], max_rounds: 30, max_iterations: 5 }
outputs: { text: "{{ haggle.text }}" }
`,
        },
        "b.yaml",
      );
      const llm = runtime.openAiProvider({ env: { OPENAI_API_KEY: "k" }, baseURL: server.url });
      const error = await refusal(spender.run({}, { llm }));
      expect(error.nodeId).toBe("think");
      expect(error.message).toContain("--max-model-calls 1000000");
      const second = await refusal(rounds.run({}, { llm, policy: { maxModelCalls: 149 } }));
      expect(second.nodeId).toBe("haggle");
      expect(second.message).toContain("may make 150 model calls");
      expect(server.requests).toHaveLength(0);
      expect(await spender.run({}, { llm, policy: { maxModelCalls: 1_000_000 } })).toEqual({ text: "done" });
      expect(() => runtime.resolvePolicy({ maxModelCalls: 0 })).toThrow(RangeError);
    } finally {
      await server.close();
    }
  });

  it("lets iceosc run --max-model-calls widen the ceiling", async () => {
    const dir = writeFiles({
      "w.yaml": `name: asker
nodes:
  - { id: think, type: agent, model: gpt-test, prompt: "go", max_iterations: 500 }
outputs: { text: "{{ think.text }}" }
`,
    });
    const refused = await iceosc(["run", join(dir, "w.yaml")], { env: { OPENAI_API_KEY: "k" } });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("node 'think': may make 500 model calls");
    expect(refused.stderr).toContain("--max-model-calls 500");
    const widened = await iceosc(["run", join(dir, "w.yaml"), "--max-model-calls", "500"], {
      env: { OPENAI_API_KEY: "k", OPENAI_BASE_URL: "http://127.0.0.1:9" },
    });
    expect(widened.stderr).not.toContain("ICE_POLICY_DENIED");
    expect((await iceosc(["run", join(dir, "w.yaml"), "--max-model-calls", "0"])).code).toBe(2);
  });

  it("rejects a malformed options.policy", () => {
    expect(() => runtime.resolvePolicy({ maxFuel: -1 })).toThrow(RangeError);
    expect(() => runtime.resolvePolicy({ maxMemoryMb: 1e6 })).toThrow(RangeError);
    expect(() => runtime.resolvePolicy({ allowTrusted: "yes" as never })).toThrow(RangeError);
    expect(() => runtime.resolvePolicy({ allowHosts: [1] as never })).toThrow(RangeError);
    expect(runtime.resolvePolicy(undefined)).toEqual(runtime.DEFAULT_POLICY);
  });
});
