/**
 * Run semantics of generated modules: scheduling waves, retries, timeouts, loops with bounded
 * parallelism, cancellation and sub-workflows, through the public compile API.
 */
import { describe, expect, it } from "vitest";
import { compileAndImport } from "../helpers/compile.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("generated orchestration", () => {
  it("runs independent nodes concurrently and dependent ones after", async () => {
    const module = await compileAndImport(
      {
        "fan.yaml": `name: fan
nodes:
  - { id: a, type: tool, tool_name: slow, tool_args: { tag: "a" } }
  - { id: b, type: tool, tool_name: slow, tool_args: { tag: "b" } }
  - { id: c, type: tool, tool_name: join, tool_args: { left: "{{ a.tag }}", right: "{{ b.tag }}" } }
outputs: { joined: "{{ c.value }}" }
`,
      },
      "fan.yaml",
    );
    const log: string[] = [];
    const output = await module.run(
      {},
      {
        tools: {
          slow: async ({ tag }: { tag: string }) => {
            log.push(`start ${tag}`);
            await sleep(20);
            log.push(`end ${tag}`);
            return { tag };
          },
          join: async ({ left, right }: { left: string; right: string }) => ({ value: `${left}+${right}` }),
        },
      },
    );
    expect(output).toEqual({ joined: "a+b" });
    expect(log.slice(0, 2)).toEqual(["start a", "start b"]);
  });

  it("retries a failing node and reports each attempt", async () => {
    const module = await compileAndImport(
      {
        "flaky.yaml": `name: flaky\nnodes:\n  - { id: f, type: tool, tool_name: flaky, retries: 2 }\noutputs: { ok: "{{ f.ok }}" }\n`,
      },
      "flaky.yaml",
    );
    let calls = 0;
    const events: { type: string }[] = [];
    const output = await module.run(
      {},
      {
        tools: { flaky: async () => (++calls < 3 ? Promise.reject(new Error("503")) : { ok: true }) },
        onEvent: (e: { type: string }) => events.push(e),
      },
    );
    expect(output).toEqual({ ok: true });
    expect(calls).toBe(3);
    expect(events.filter((e) => e.type === "node_retrying")).toHaveLength(2);
  });

  it("fails a slow node with ICE_TIMEOUT and aborts its signal", async () => {
    const module = await compileAndImport(
      {
        "slow.yaml": `name: slow\nnodes:\n  - { id: s, type: tool, tool_name: hang, timeout_seconds: 0.05 }\noutputs: {}\n`,
      },
      "slow.yaml",
    );
    let aborted = false;
    const error = await module
      .run(
        {},
        {
          tools: {
            hang: (_: unknown, { signal }: { signal: AbortSignal }) =>
              new Promise((resolve) =>
                signal.addEventListener("abort", () => {
                  aborted = true;
                  resolve(null);
                }),
              ),
          },
        },
      )
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ICE_TIMEOUT", nodeId: "s" });
    expect(aborted).toBe(true);
  });

  it("gives a tool a signal made when read: live during its attempt, aborted once it is over", async () => {
    const module = await compileAndImport(
      {
        "late.yaml": `name: late\nnodes:\n  - { id: t, type: tool, tool_name: keep }\noutputs: {}\n`,
      },
      "late.yaml",
    );
    const contexts: { signal: AbortSignal }[] = [];
    let during: boolean | undefined;
    await module.run(
      {},
      {
        tools: {
          keep: (_: unknown, context: { signal: AbortSignal }) => {
            contexts.push(context);
            if (contexts.length === 1) during = context.signal.aborted;
            return {};
          },
        },
      },
    );
    await module.run(
      {},
      {
        tools: {
          keep: (_: unknown, context: { signal: AbortSignal }) => {
            contexts.push(context);
            return {};
          },
        },
      },
    );
    expect(during).toBe(false);
    // Read during the attempt, then after it: the same signal, aborted when the attempt ended.
    expect(contexts[0]!.signal.aborted).toBe(true);
    expect(contexts[0]!.signal.reason).toBe("attempt over");
    // First read after the attempt ended: made aborted, with the same reason.
    expect(contexts[1]!.signal.aborted).toBe(true);
    expect(contexts[1]!.signal.reason).toBe("attempt over");
    expect(contexts[1]!.signal).toBe(contexts[1]!.signal);
  });

  it("bounds a loop's parallelism by max_parallel and keeps item order", async () => {
    const module = await compileAndImport(
      {
        "loop.yaml": `name: loop
input_schema: { items: "integer[]" }
nodes:
  - id: each
    type: loop
    items_source: "{{ inputs.items }}"
    item_var: n
    max_parallel: 2
    body:
      - { id: square, type: tool, tool_name: square, tool_args: { n: "{{ n }}" } }
outputs: { results: "{{ each.results }}" }
`,
      },
      "loop.yaml",
    );
    let running = 0;
    let peak = 0;
    const output = await module.run(
      { items: [5, 1, 4, 2, 3] },
      {
        tools: {
          square: async ({ n }: { n: number }) => {
            peak = Math.max(peak, ++running);
            await sleep(5 * n);
            running--;
            return { value: n * n };
          },
        },
      },
    );
    expect(output.results).toEqual([25, 1, 16, 4, 9].map((value) => ({ value })));
    expect(peak).toBe(2);
  });

  it("stops a run when its AbortSignal fires", async () => {
    const module = await compileAndImport(
      {
        "abort.yaml": `name: abort\nnodes:\n  - { id: wait, type: tool, tool_name: wait }\n  - { id: after, type: tool, tool_name: never, dependencies: [wait] }\noutputs: {}\n`,
      },
      "abort.yaml",
    );
    const controller = new AbortController();
    let reachedNever = false;
    const run = module.run(
      {},
      {
        signal: controller.signal,
        tools: {
          wait: () => sleep(1_000),
          never: () => {
            reachedNever = true;
            return {};
          },
        },
      },
    );
    setTimeout(() => controller.abort(), 10);
    await expect(run).rejects.toMatchObject({ code: "ICE_ABORTED" });
    expect(reachedNever).toBe(false);
  });

  it("calls a sub-workflow referenced by path with typed inputs", async () => {
    const module = await compileAndImport(
      {
        "outer.yaml": `name: outer
input_schema: { text: string }
nodes:
  - { id: inner, type: workflow, workflow_ref: ./inner.yaml, inputs: { text: "{{ inputs.text }}" } }
outputs: { shout: "{{ inner.shout }}" }
`,
        "inner.yaml": `name: inner
input_schema: { text: string }
nodes:
  - id: upper
    type: code
    inputs: { text: "{{ inputs.text }}" }
    input_schema: { text: string }
    output_schema: { shout: string }
    code: |
      return { shout: inputs.text.toUpperCase() + "!" };
outputs: { shout: "{{ upper.shout }}" }
`,
      },
      "outer.yaml",
    );
    expect(await module.run({ text: "hi" })).toEqual({ shout: "HI!" });
    await expect(module.run({ text: 3 })).rejects.toMatchObject({ code: "ICE_INPUT_INVALID" });
  });
  it("takes retry_policy and on_failure from the workflow, and run options override them", async () => {
    const module = await compileAndImport(
      {
        "policy.yaml": `name: policy
nodes:
  - id: f
    type: tool
    tool_name: flaky
    retry_policy: { max_attempts: 3, base_delay_ms: 1, factor: 1 }
  - id: broken
    type: tool
    tool_name: broken
    on_failure: continue
outputs: { ok: "{{ f.ok }}", broken: "{{ broken.value }}" }
`,
      },
      "policy.yaml",
    );
    let calls = 0;
    const delays: number[] = [];
    const tools = {
      flaky: async () => (++calls < 3 ? Promise.reject(new Error("503")) : { ok: true }),
      broken: async () => Promise.reject(new Error("down")),
    };
    const output = await module.run(
      {},
      {
        tools,
        onEvent: (e: { type: string; delayMs?: number }) =>
          void (e.type === "node_retrying" && delays.push(e.delayMs!)),
      },
    );
    expect(output).toEqual({ ok: true, broken: null });
    expect(calls).toBe(3);
    expect(delays).toEqual([1, 1]);
    calls = 0;
    await expect(module.run({}, { tools, failurePolicy: "halt" })).rejects.toMatchObject({
      code: "ICE_TOOL_FAILED",
      nodeId: "broken",
    });
  });
});
