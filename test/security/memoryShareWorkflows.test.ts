/**
 * @fileoverview Red team of shared sandbox memories through generated workflows, as a workflow
 * author can attack them: a workflow of 75 code nodes of one memory cap (more than the pool's
 * memories, here forced down to 3, so most programs share), with nodes that fill their heap with
 * a secret, nodes that read what they allocate, a condition, a loop run 3 at a time, parallel
 * branches and a sub-workflow; many runs started at once (Promise.all) beside a second workflow
 * whose nodes trap, run out of fuel, grow their memory and throw on the same memories. Every
 * run's output must be the bodies' plain-JavaScript result (test/oracle/reference.ts), every
 * node's fuel the same as in a run alone, and no secret may appear in any output.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setMemoriesPerCap } from "../../runtime/sandbox/memoryPool.js";
import { compileAndImport, type GeneratedModule } from "../helpers/compile.js";
import { referenceBody } from "../oracle/reference.js";

const TOP = 60;
const LIMITS = "limits: { fuel: 50000000, memory_mb: 16, timeout_ms: 10000 }";

/** Fills its heap with the run's secret; returns only numbers derived from it. */
const secretBody = (i: number): string => `const parts: string[] = [];
for (let k = 0; k < inputs.n * 20; k++) parts.push("SECRET-" + inputs.key + "-" + k.toString());
const big = parts.join("|");
const seen = new Map<string, number>();
for (let k = 0; k < parts.length; k++) seen.set(parts[k], k);
return { v: big.length + seen.size * 1000 + ${i}, t: "s${i}" };`;

/** Allocates, shrinks and regrows arrays, builds strings and maps: what a reused heap could leak into. */
const readerBody = (i: number): string => `const a: number[] = [];
for (let k = 0; k < inputs.n * 3; k++) a.push(k * ${i + 1});
if (a.length > 1) a.length = 1;
for (let k = 0; k < 4; k++) a.push(k);
const b: number[] = new Array<number>(inputs.n % 9).fill(${i});
let s = "";
for (let k = 0; k < inputs.n; k++) s += String.fromCharCode(97 + ((k + ${i}) % 26));
const m = new Map<string, number>();
for (let k = 0; k < inputs.n; k++) m.set("k" + (k % 7).toString(), k);
const words = (s + " " + s.toUpperCase()).split(" ");
return { v: a.length * 100 + a[3] + b.length + m.size + ${i}, t: a.join(",") + "/" + b.join(",") + "/" + words.join("+").slice(0, 40) + "/" + s.padEnd(inputs.n + 3, "#").slice(-5) };`;

const body = (i: number): string => (i % 2 === 0 ? secretBody(i) : readerBody(i));

/** A code node at `indent`; `item` is the text before `id:` (`- `, or `- - ` for a branch's first node). */
function codeNode(
  id: string,
  code: string,
  inputs: string,
  schema: string,
  indent: string,
  item = "- ",
  limits = LIMITS,
): string {
  const lines = code.split("\n").map((l) => `${indent}    ${l}`);
  return [
    `${indent.slice(0, indent.length - item.length + 2)}${item}id: ${id}`,
    `${indent}  type: code`,
    `${indent}  inputs: ${inputs}`,
    `${indent}  input_schema: ${schema}`,
    `${indent}  output_schema: { v: integer, t: string }`,
    `${indent}  ${limits}`,
    `${indent}  code: |`,
    ...lines,
  ].join("\n");
}

const KN = '{ key: "{{ inputs.key }}", n: "{{ inputs.n }}" }';
const KN_SCHEMA = "{ key: string, n: integer }";

function mainYaml(): string {
  const nodes: string[] = [];
  for (let i = 0; i < TOP; i++) nodes.push(codeNode(`c${i}`, body(i), KN, KN_SCHEMA, "  "));
  nodes.push(
    [
      "  - id: big_enough",
      "    type: condition",
      '    expression: "c1.v > 1000"',
      "    true_path:",
      codeNode("when_big", secretBody(100), KN, KN_SCHEMA, "      "),
      "    false_path:",
      codeNode("when_small", readerBody(101), KN, KN_SCHEMA, "      "),
    ].join("\n"),
  );
  nodes.push(
    [
      "  - id: per_item",
      "    type: loop",
      '    items_source: "{{ inputs.items }}"',
      "    item_var: item",
      "    max_parallel: 3",
      "    body:",
      codeNode("each", readerBody(102), '{ key: "{{ inputs.key }}", n: "{{ item }}" }', KN_SCHEMA, "      "),
    ].join("\n"),
  );
  nodes.push(
    [
      "  - id: both",
      "    type: parallel",
      "    branches:",
      codeNode("p0", secretBody(103), KN, KN_SCHEMA, "        ", "- - "),
      codeNode("p1", readerBody(104), KN, KN_SCHEMA, "        "),
      codeNode("q0", readerBody(105), KN, KN_SCHEMA, "        ", "- - "),
      codeNode("q1", secretBody(106), KN, KN_SCHEMA, "        "),
    ].join("\n"),
  );
  nodes.push(
    ["  - id: sub", "    type: workflow", "    workflow_ref: ./shared_sub.yaml", `    inputs: ${KN}`].join("\n"),
  );
  const outputs = [
    ...Array.from({ length: TOP }, (_, i) => `  c${i}: "{{ c${i} }}"`),
    '  big_enough: "{{ big_enough.result }}"',
    '  per_item: "{{ per_item.results }}"',
    ...["p0", "p1", "q0", "q1"].map((id) => `  ${id}: "{{ ${id} }}"`),
    '  sub: "{{ sub }}"',
  ];
  return [
    "name: shared_main",
    'input_schema: { key: string, n: integer, items: "integer[]" }',
    "nodes:",
    ...nodes,
    "outputs:",
    ...outputs,
    "",
  ].join("\n");
}

function subYaml(): string {
  return [
    "name: shared_sub",
    "input_schema: { key: string, n: integer }",
    "nodes:",
    codeNode("sub_secret", secretBody(200), KN, KN_SCHEMA, "  "),
    codeNode("sub_reader", readerBody(201), KN, KN_SCHEMA, "  "),
    "outputs:",
    '  a: "{{ sub_secret }}"',
    '  b: "{{ sub_reader }}"',
    "",
  ].join("\n");
}

/** Nodes that fail or grow, on the same cap: mode 0 grows to MiBs, 1 throws, 2 spins out of fuel, 3 recurses. */
const HOSTILE = `const parts: string[] = [];
for (let k = 0; k < inputs.n; k++) parts.push("SECRET-" + inputs.key + "-" + k.toString());
const big = parts.join("|");
function down(k: number): number { return k <= 0 ? 0 : 1 + down(k + 1); }
if (inputs.mode === 1) throw new Error("hostile " + big.length.toString());
if (inputs.mode === 2) { let z = 0; for (let k = 0; k < 1e15; k++) z += k % 3; return { v: z, t: "" }; }
if (inputs.mode === 3) return { v: down(1), t: "" };
return { v: big.length, t: "grown" };`;

function hostileYaml(): string {
  return [
    "name: shared_hostile",
    "input_schema: { key: string, n: integer, mode: integer }",
    "nodes:",
    codeNode(
      "hostile",
      HOSTILE,
      '{ key: "{{ inputs.key }}", n: "{{ inputs.n }}", mode: "{{ inputs.mode }}" }',
      "{ key: string, n: integer, mode: integer }",
      "  ",
      "- ",
      "limits: { fuel: 200000000, memory_mb: 16, timeout_ms: 10000 }",
    ),
    "outputs:",
    '  hostile: "{{ hostile }}"',
    "",
  ].join("\n");
}

/** The workflow's output computed by running every body as plain JavaScript. */
function expectedMain(input: { key: string; n: number; items: number[] }): Record<string, unknown> {
  const js = (code: string, inputs: object): unknown => {
    const ref = referenceBody(code);
    if (ref.kind !== "ok") throw new Error(ref.message);
    const got = ref.call(inputs);
    if (got.kind !== "returned") throw new Error(got.message);
    return got.value;
  };
  const kn = { key: input.key, n: input.n };
  const out: Record<string, unknown> = {};
  for (let i = 0; i < TOP; i++) out[`c${i}`] = js(body(i), kn);
  out.big_enough = (out.c1 as { v: number }).v > 1000;
  out.per_item = input.items.map((n) => js(readerBody(102), { key: input.key, n }));
  out.p0 = js(secretBody(103), kn);
  out.p1 = js(readerBody(104), kn);
  out.q0 = js(readerBody(105), kn);
  out.q1 = js(secretBody(106), kn);
  out.sub = { a: js(secretBody(200), kn), b: js(readerBody(201), kn) };
  return out;
}

let main: GeneratedModule;
let hostile: GeneratedModule;
let previousBound = 0;

beforeAll(async () => {
  previousBound = setMemoriesPerCap(3); // the generated modules prepare their nodes on import: 3 memories for all
  main = await compileAndImport({ "shared_main.yaml": mainYaml(), "shared_sub.yaml": subYaml() }, "shared_main.yaml");
  hostile = await compileAndImport({ "shared_hostile.yaml": hostileYaml() }, "shared_hostile.yaml");
});

afterAll(() => {
  setMemoriesPerCap(previousBound);
});

interface Observed {
  readonly output?: Record<string, unknown>;
  readonly error?: { code?: string; message: string };
  /** Fuel of each completed node, per node id (loop bodies: one per item, sorted). */
  readonly fuel: Record<string, number[]>;
}

async function observe(module: GeneratedModule, input: object): Promise<Observed> {
  const fuel: Record<string, number[]> = {};
  const onEvent = (e: { type: string; nodeId?: string; fuelUsed?: number }): void => {
    if (e.type !== "node_completed" || e.fuelUsed === undefined) return;
    const list = fuel[e.nodeId!] ?? [];
    list.push(e.fuelUsed);
    fuel[e.nodeId!] = list;
  };
  try {
    const output = await module.run(input, { onEvent });
    for (const list of Object.values(fuel)) list.sort((x, y) => x - y);
    return { output, fuel };
  } catch (error) {
    const e = error as { code?: string; message: string };
    for (const list of Object.values(fuel)) list.sort((x, y) => x - y);
    return { error: { code: e.code, message: e.message }, fuel };
  }
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe("a 75-code-node workflow on 3 shared memories", () => {
  it("gives every run its JavaScript output and its own fuel, concurrently beside failing runs", async () => {
    const inputs = Array.from({ length: 16 }, (_, r) => ({
      key: `k${r}x${"Z".repeat(r % 4)}`,
      n: (r * 7) % 23,
      items: Array.from({ length: r % 5 }, (_, j) => (r + j * 5) % 17),
    }));
    // Mode 0 grows its memory to a few MiB (j = 0) and past KEEP_BYTES (j = 4: the memory is retired while other programs are bound to it).
    const hostileInputs = [0, 1, 2, 3, 0, 1].map((mode, j) => ({
      key: `h${j}`,
      n: j === 0 ? 20_000 : j === 4 ? 60_000 : 500,
      mode,
    }));
    // Alone first, one at a time with turns between: the fuel each node burns.
    const alone: Observed[] = [];
    for (const input of inputs) {
      alone.push(await observe(main, input));
      await nextTurn();
    }
    const hostileAlone: Observed[] = [];
    for (const input of hostileInputs) {
      hostileAlone.push(await observe(hostile, input));
      await nextTurn();
    }
    for (const [r, input] of inputs.entries())
      expect({ r, ...alone[r]!, fuel: {} }).toEqual({ r, output: expectedMain(input), fuel: {} });
    // Then all at once, twice, interleaved with the hostile runs.
    for (let round = 0; round < 2; round++) {
      const runs = [
        ...inputs.map((input) => observe(main, input)),
        ...hostileInputs.map((input) => observe(hostile, input)),
      ];
      const got = await Promise.all(runs);
      for (const [r, input] of inputs.entries()) {
        expect(got[r]!.output).toEqual(expectedMain(input));
        expect(got[r]!.fuel).toEqual(alone[r]!.fuel);
        expect(JSON.stringify(got[r]!.output)).not.toContain("SECRET");
      }
      for (const [j] of hostileInputs.entries()) expect(got[inputs.length + j]).toEqual(hostileAlone[j]);
    }
    expect(hostileAlone.map((o) => o.error?.code ?? "ok")).toEqual([
      "ok",
      "ICE_SANDBOX_TRAP",
      "ICE_FUEL_EXHAUSTED",
      "ICE_SANDBOX_TRAP",
      "ok",
      "ICE_SANDBOX_TRAP",
    ]);
  });
});
