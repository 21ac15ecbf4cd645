/**
 * @fileoverview The hostile suite's plugin section, at the user level: plugins registered with
 * `iceosc run --plugin` that loop, allocate without bound, reach a host they were not granted,
 * await a host that never answers, throw, flood their kv store, or return what their
 * declaration does not promise. Each ends with its exact error code naming the plugin and the
 * calling node, and afterwards the same process still runs a good plugin and the hostile plugin's
 * benign tool. Also: `http` reaches a loopback server only when granted, and agents call plugin
 * tools offered with the types of their signatures.
 */
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { iceosc, writeFiles } from "../../helpers/cli.js";
import { SLUGIFY, toolWorkflow } from "../../plugins/fixtures.js";

const HOSTILE = `
interface N {
  n: number;
}

/** Loops forever. */
export async function spin(args: N): Promise<N> {
  let x = args.n;
  while (x >= 0) x = x + 1;
  return { n: x };
}

/** Loops forever, pausing on a host call every turn: fuel is counted across the pauses. */
export async function spinAwait(args: N): Promise<N> {
  let x = args.n;
  while (x >= 0) {
    await kv.get("k");
    x = x + 1;
  }
  return { n: x };
}

/** Allocates without bound. */
export async function hog(_args: N): Promise<N> {
  const rows: string[] = [];
  let row = "a row that keeps growing";
  while (rows.length >= 0) {
    row = row + row;
    rows.push(row);
  }
  return { n: rows.length };
}

/** GETs a URL it is given. */
export async function fetchUrl(args: { url: string }): Promise<{ status: number; ok: boolean; text: string }> {
  const response = await http.get(args.url);
  return { status: response.status, ok: response.ok, text: response.text };
}

/** POSTs to a URL it is given. */
export async function postUrl(args: { url: string; body: string }): Promise<{ status: number; text: string }> {
  const response = await http.post(args.url, args.body);
  return { status: response.status, text: response.text };
}

/** Fills its kv store without end. */
export async function flood(args: N): Promise<N> {
  let value = "0123456789abcdef";
  for (let i = 0; i < 16; i++) value = value + value; // 1 MiB characters: the largest value kv takes
  let i = args.n;
  while (i >= 0) {
    await kv.set("key" + i, value);
    i = i + 1;
  }
  return { n: i };
}

/** Throws. */
export async function boom(args: N): Promise<N> {
  if (args.n >= 0) throw new Error("boom " + args.n);
  return { n: args.n };
}

/** Returns text where its declaration in the workflow promises a number. */
export async function wrong(args: N): Promise<{ n: string }> {
  return { n: "x" + args.n };
}

/** Benign. */
export async function echo(args: N): Promise<N> {
  return { n: args.n * 2 };
}
`;

let server: Server;
let port = 0;
let requests = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    requests++;
    if (request.url === "/hang") return; // never answers
    let body = "";
    request.on("data", (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on("end", () => {
      response.writeHead(request.url === "/missing" ? 404 : 200, { "content-type": "text/plain" });
      response.end(request.method === "POST" ? `got ${body}` : "hello from loopback");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const dir = writeFiles({
  "hostile.ts": HOSTILE,
  "slugify.ts": SLUGIFY,
  "slug.yaml": toolWorkflow("slugify", '{ text: "{{ inputs.text }}" }', '{ slug: "{{ call.slug }}" }'),
  "wrong.yaml": toolWorkflow(
    "wrong",
    "{ n: 1 }",
    '{ n: "{{ call.n }}" }',
    "tools:\n  wrong:\n    input_schema: { n: number }\n    output_schema: { n: number }\n",
  ),
  ...Object.fromEntries(
    ["spin", "spinAwait", "hog", "flood", "boom", "echo"].map((tool) => [
      `${tool}.yaml`,
      toolWorkflow(tool, "{ n: 1 }", '{ n: "{{ call.n }}" }'),
    ]),
  ),
  "fetch.yaml": `name: fetch
input_schema: { url: string }
nodes:
  - { id: get, type: tool, tool_name: fetchUrl, tool_args: { url: "{{ inputs.url }}" } }
outputs: { status: "{{ get.status }}", ok: "{{ get.ok }}", text: "{{ get.text }}" }
`,
  "post.yaml": `name: post
input_schema: { url: string }
nodes:
  - { id: send, type: tool, tool_name: postUrl, tool_args: { url: "{{ inputs.url }}", body: "ping" } }
outputs: { status: "{{ send.status }}", text: "{{ send.text }}" }
`,
  "agent.yaml": `name: helper
input_schema: { title: string }
nodes:
  - { id: helper, type: agent, prompt: "Make a slug of {{ inputs.title }}", tools: [slugify], max_iterations: 3 }
outputs: { text: "{{ helper.text }}" }
`,
  // A scripted model: calls slugify once, then answers with what it was offered and given.
  "model.mjs": `export default {};
export const llm = {
  async complete(request) {
    const spec = (request.tools ?? []).find((t) => t.name === "slugify");
    const answer = request.messages.find((m) => m.role === "tool");
    if (!answer) return { text: "", toolCalls: [{ id: "c1", name: "slugify", arguments: { text: "Agents Call Plugins" } }] };
    return { text: JSON.stringify({ description: spec.description, parameters: spec.parameters, result: JSON.parse(answer.content) }) };
  },
};
`,
});
const hostile = ["--plugin", join(dir, "hostile.ts")];
const FUEL_NOT_TIME = ["--plugin-limits", "hostile=fuel:5000000,timeout-ms:600000"];
const NO_INPUT = ["--input", '{"text":""}'];

/** The host is healthy: a good plugin and the hostile plugin's benign tool still run. */
async function expectHealthy(): Promise<void> {
  const good = await iceosc([
    "run",
    join(dir, "slug.yaml"),
    "--input",
    '{"text":"Still Here"}',
    "--plugin",
    join(dir, "slugify.ts"),
  ]);
  expect(good.stderr).toBe("");
  expect(JSON.parse(good.stdout)).toEqual({ slug: "still-here" });
  const echo = await iceosc(["run", join(dir, "echo.yaml"), ...NO_INPUT, ...hostile]);
  expect(JSON.parse(echo.stdout)).toEqual({ n: 2 });
}

// Compiling a plugin runs asc once per tool: on a loaded machine that takes minutes, not a failure.
const SLOW = { timeout: 600_000 };

beforeAll(async () => {
  // Compiles both plugins once (later runs take them from the compile cache).
  await iceosc(["run", join(dir, "echo.yaml"), ...NO_INPUT, ...hostile]);
  await iceosc(["run", join(dir, "slug.yaml"), "--input", '{"text":"x"}', "--plugin", join(dir, "slugify.ts")]);
}, 900_000);

describe("hostile plugins", SLOW, () => {
  const cases: { name: string; tool: string; code: string; flags?: string[]; message?: RegExp }[] = [
    // Fuel, not the clock, must stop these however loaded the machine: a small budget, a long deadline.
    { name: "loops forever", tool: "spin", code: "ICE_FUEL_EXHAUSTED", flags: FUEL_NOT_TIME },
    {
      name: "loops forever across host pauses",
      tool: "spinAwait",
      code: "ICE_FUEL_EXHAUSTED",
      // kv on disk answers with promises, so every turn of the loop pauses the module.
      flags: ["--grant", "hostile=kv", "--kv-dir", join(dir, "kv-spin"), ...FUEL_NOT_TIME],
    },
    { name: "allocates without bound", tool: "hog", code: "ICE_MEMORY_LIMIT" },
    {
      name: "floods kv",
      tool: "flood",
      code: "ICE_MEMORY_LIMIT",
      flags: ["--grant", "hostile=kv"],
      // The call's own write bound (runtime/plugins/callKv.ts) is met before the store's.
      message: /kv store is full|a call may write \d+ characters of kv keys and values/,
    },
    { name: "uses kv without the grant", tool: "flood", code: "ICE_CAPABILITY_DENIED", message: /--grant hostile=kv/ },
    { name: "throws", tool: "boom", code: "ICE_SANDBOX_TRAP", message: /boom 1/ },
  ];
  for (const c of cases)
    it(`${c.name}: ${c.code}, and the host stays healthy`, async () => {
      const result = await iceosc(["run", join(dir, `${c.tool}.yaml`), ...NO_INPUT, ...hostile, ...(c.flags ?? [])]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`error ${c.code}: node 'call': plugin 'hostile' (tool '${c.tool}')`);
      if (c.message) expect(result.stderr).toMatch(c.message);
      await expectHealthy();
    });

  it("the kv --kv-dir flood leaves the store as it was before the refused write", async () => {
    const kvDir = join(dir, "kv-flood");
    const result = await iceosc([
      "run",
      join(dir, "flood.yaml"),
      ...NO_INPUT,
      ...hostile,
      "--grant",
      "hostile=kv",
      "--kv-dir",
      kvDir,
      // Seven 8 MB writes may take seconds on a loaded machine: the store's bound is what is tested.
      "--plugin-limits",
      "hostile=timeout-ms:300000",
    ]);
    expect(result.stderr).toContain("ICE_MEMORY_LIMIT");
    expect(result.stderr).toMatch(/kv store is full|a call may write \d+ characters of kv keys and values/);
    // A call's writes land only when it succeeds (runtime/plugins/callKv.ts): the refused call
    // left the store as it was before the call, empty.
    const file = join(kvDir, "hostile.kv.json");
    const kept = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, string>) : {};
    expect(Object.keys(kept)).toHaveLength(0);
    await expectHealthy();
  });

  it("reaches a host it was not granted: ICE_CAPABILITY_DENIED, and no request leaves", async () => {
    const before = requests;
    const url = `http://127.0.0.1:${port}/secret`;
    const none = await iceosc(["run", join(dir, "fetch.yaml"), "--input", JSON.stringify({ url }), ...hostile]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("error ICE_CAPABILITY_DENIED: node 'get': plugin 'hostile' (tool 'fetchUrl')");
    const other = await iceosc([
      "run",
      join(dir, "fetch.yaml"),
      "--input",
      JSON.stringify({ url }),
      ...hostile,
      "--grant",
      "hostile=http:api.example.com",
    ]);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain(`host '127.0.0.1:${port}'`);
    expect(requests).toBe(before);
    await expectHealthy();
  });

  it("awaits a host that never answers: ICE_TIMEOUT at the deadline", async () => {
    const url = `http://127.0.0.1:${port}/hang`;
    const result = await iceosc([
      "run",
      join(dir, "fetch.yaml"),
      "--input",
      JSON.stringify({ url }),
      ...hostile,
      "--grant",
      `hostile=http:127.0.0.1:${port}`,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error ICE_TIMEOUT: node 'get': plugin 'hostile' (tool 'fetchUrl')");
    await expectHealthy();
  });

  it("returns what its declaration does not promise: ICE3033 before anything runs", async () => {
    const result = await iceosc(["run", join(dir, "wrong.yaml"), ...NO_INPUT, ...hostile]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /wrong\.yaml:\d+:\d+ - error ICE3033: tool 'wrong' is declared in tools: with output/,
    );
    await expectHealthy();
  });
});

describe("http from plugins", SLOW, () => {
  it("reaches a loopback server when granted, GET and POST", async () => {
    const grant = ["--grant", `hostile=http:127.0.0.1:${port}`];
    const get = await iceosc([
      "run",
      join(dir, "fetch.yaml"),
      "--input",
      JSON.stringify({ url: `http://127.0.0.1:${port}/greet` }),
      ...hostile,
      ...grant,
    ]);
    expect(get.stderr).toBe("");
    expect(JSON.parse(get.stdout)).toEqual({ status: 200, ok: true, text: "hello from loopback" });
    const missing = await iceosc([
      "run",
      join(dir, "fetch.yaml"),
      "--input",
      JSON.stringify({ url: `http://127.0.0.1:${port}/missing` }),
      ...hostile,
      ...grant,
    ]);
    expect(JSON.parse(missing.stdout)).toMatchObject({ status: 404, ok: false });
    const post = await iceosc([
      "run",
      join(dir, "post.yaml"),
      "--input",
      JSON.stringify({ url: `http://127.0.0.1:${port}/echo` }),
      ...hostile,
      ...grant,
    ]);
    expect(JSON.parse(post.stdout)).toEqual({ status: 200, text: "got ping" });
  });
});

describe("agents", SLOW, () => {
  it("call plugin tools offered with their signature's types and doc comment", async () => {
    const result = await iceosc([
      "run",
      join(dir, "agent.yaml"),
      "--input",
      '{"title":"x"}',
      "--tools",
      join(dir, "model.mjs"),
      "--plugin",
      join(dir, "slugify.ts"),
    ]);
    expect(result.stderr).toBe("");
    const answer = JSON.parse(JSON.parse(result.stdout).text);
    expect(answer.description).toBe("Turns a title into a URL slug.");
    expect(answer.parameters).toMatchObject({
      type: "object",
      properties: { text: { type: "string" }, separator: { type: "string" } },
      required: ["text"],
    });
    expect(answer.result).toEqual({ slug: "agents-call-plugins", words: 3 });
  });
});
