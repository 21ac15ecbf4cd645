/**
 * Nothing a workflow says reaches generated code except through a printer that cannot be broken
 * out of (SECURITY.md, "Printers"). Property: workflows with hostile strings (quotes, backticks,
 * `${`, `*\/`, `</script>`, line breaks, U+2028, lone surrogates, `__proto__`, `../`, NUL, very
 * long text) in every field that reaches emitted code or a path either get located diagnostics,
 * or build; a built module imports, and run with stub tools and a stub model returns exactly the
 * data written. The same workflow converted to .ice (and back to YAML) means the same plan and
 * builds to a module with the same behaviour.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse as parseYaml, stringify } from "yaml";
import { compileFiles } from "../../src/build/compile.js";
import { writeOutputFiles } from "../../src/build/outDir.js";
import { SourceFile } from "../../src/diagnostics/index.js";
import { parseIceWorkflow, parseYamlWorkflow } from "../../src/frontend/index.js";
import { printIce, printYaml } from "../../src/print/index.js";
import { RUNTIME_URL, tempDir } from "../helpers/cli.js";
import { planWithoutSpans } from "../ice/planWithoutSpans.js";

const PIECES = [
  '"',
  "'",
  "`",
  "${",
  "${x}",
  "*/",
  "/*",
  "//",
  "</script>",
  "<!--",
  "\n",
  "\r\n",
  "\r",
  "\u2028",
  "\u2029",
  "__proto__",
  "constructor",
  "prototype",
  "../",
  "..\\",
  "\0",
  "\\",
  "\\n",
  "\\u0041",
  "{",
  "}",
  "$",
  "#",
  ": ",
  "- ",
  "&a",
  "*a",
  "!!str",
  "%",
  "\t",
  "\u001b[31m",
  "\ud800",
  "\udfff",
  "😀",
  "é",
  "\ufeff",
  " ",
  "0",
  "-1",
  "1e3",
  "true",
  "null",
  "~",
];

/** Hostile text; never `{{`/`}}` (references by design), nor a `{`/`}` that would make one beside `{{ }}`. */
const hostile: fc.Arbitrary<string> = fc
  .oneof(
    {
      weight: 12,
      arbitrary: fc
        .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength: 8 })
        .map((parts) => parts.join("")),
    },
    { weight: 1, arbitrary: fc.constantFrom(...PIECES).map((p) => p.repeat(Math.ceil(20_000 / p.length))) },
  )
  .filter((s) => !s.includes("{{") && !s.includes("}}") && !s.endsWith("{") && !s.startsWith("}"));

/** A name: a safe one (and the flag saying so) or hostile text. */
function name(safe: readonly string[]): fc.Arbitrary<{ text: string; safe: boolean }> {
  return fc.oneof(
    { weight: 15, arbitrary: fc.constantFrom(...safe).map((text) => ({ text, safe: true })) },
    { weight: 1, arbitrary: hostile.map((text) => ({ text, safe: false })) },
  );
}

/** An object with own properties only (`__proto__` included), as JSON would make it. */
function own(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  return Object.fromEntries(entries);
}

const dataValue: fc.Arbitrary<unknown> = fc.oneof(
  hostile,
  fc.integer(),
  fc.array(hostile, { maxLength: 3 }),
  fc.tuple(hostile, hostile).map(([a, b]) =>
    own([
      ["__proto__", a],
      ["x", b],
    ]),
  ),
  fc.uniqueArray(fc.tuple(hostile, hostile), { maxLength: 3, selector: ([k]) => k }).map(own),
);

const workflowArb = fc.record({
  name: name(["w", "flow_1", "my-flow"]),
  description: hostile,
  toolDescription: hostile,
  toolId: name(["fetch", "t1"]),
  llmId: name(["ask", "llm_2"]),
  args: fc.uniqueArray(fc.tuple(hostile, dataValue), { maxLength: 4, selector: ([k]) => k }),
  templated: fc.tuple(hostile, hostile, hostile),
  model: hostile,
  config: fc.uniqueArray(fc.tuple(hostile, dataValue), { maxLength: 3, selector: ([k]) => k }),
  prompt: fc.tuple(hostile, hostile),
  outputNames: fc.tuple(name(["echoed", "o1"]), name(["literal", "o2"]), name(["text", "o3"]), name(["said"])),
  literal: dataValue,
  outTemplate: fc.tuple(hostile, hostile),
  input: hostile,
});

type Generated = typeof workflowArb extends fc.Arbitrary<infer T> ? T : never;

function yamlOf(g: Generated): string {
  const doc = {
    name: g.name.text,
    description: g.description,
    input_schema: { f: "string" },
    tools: { echo: { description: g.toolDescription } },
    nodes: [
      {
        id: g.toolId.text,
        type: "tool",
        tool_name: "echo",
        tool_args: own([
          ...g.args,
          ["templated", `${g.templated[0]}{{ inputs.f }}${g.templated[1]}`],
          ["__proto__", g.templated[2]],
        ]),
      },
      {
        id: g.llmId.text,
        type: "llm",
        model: g.model,
        prompt: `${g.prompt[0]}{{ inputs.f }}${g.prompt[1]}`,
        llm_config: own(g.config),
      },
    ],
    outputs: own([
      [g.outputNames[0].text, `{{ ${g.toolId.text} }}`],
      [g.outputNames[1].text, g.literal],
      [g.outputNames[2].text, `${g.outTemplate[0]}{{ inputs.f }}${g.outTemplate[1]}`],
      [g.outputNames[3].text, `{{ ${g.llmId.text}.text }}`],
    ]),
  };
  return stringify(doc, { lineWidth: 0 });
}

function allSafe(g: Generated): boolean {
  const names = [g.name, g.toolId, g.llmId, ...g.outputNames];
  return (
    names.every((n) => n.safe) && new Set(g.outputNames.map((n) => n.text)).size === 4 && g.toolId.text !== g.llmId.text
  );
}

interface LlmCall {
  readonly model: string | undefined;
  readonly config: unknown;
  readonly prompt: unknown;
}

/** Builds `file` (in `dir`), runs it on `input` with the echo tool and a stub model. */
async function buildAndRun(
  dir: string,
  file: string,
  input: string,
): Promise<{ output: unknown; calls: LlmCall[] } | { diagnostics: readonly { span?: unknown; severity: string }[] }> {
  const result = await compileFiles([join(dir, file)], { runtimeSpecifier: RUNTIME_URL, cacheDir: false });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) return { diagnostics: errors };
  const out = join(dir, `out-${file.replace(/\W/g, "_")}`);
  const [main] = result.workflows;
  writeOutputFiles(out, [{ fileName: `${main!.name}.js`, contents: main!.js }]);
  const module = (await import(pathToFileURL(join(out, `${main!.name}.js`)).href)) as {
    run: (input: unknown, options: object) => Promise<unknown>;
  };
  const calls: LlmCall[] = [];
  const output = await module.run(
    { f: input },
    {
      tools: { echo: (args: unknown) => args },
      llm: {
        complete: async (request: { model?: string; config: unknown; messages: readonly { content: unknown }[] }) => {
          calls.push({ model: request.model, config: request.config, prompt: request.messages.at(-1)?.content });
          return { text: "said" };
        },
      },
    },
  );
  return { output, calls };
}

/** What the workflow means, read from the YAML as written (the file cannot hold lone surrogates). */
function expected(yamlText: string, input: string): { output: unknown; call: LlmCall } {
  const doc = parseYaml(yamlText, { maxAliasCount: -1 }) as {
    nodes: { tool_args: Record<string, unknown>; model: string; prompt: string; llm_config: unknown }[];
    outputs: Record<string, unknown>;
  };
  const fill = (text: string): string => text.replace("{{ inputs.f }}", () => input);
  const args = Object.fromEntries(
    Object.entries(doc.nodes[0]!.tool_args).map(([k, v]) => [k, k === "templated" ? fill(v as string) : v]),
  );
  const keys = Object.keys(doc.outputs);
  return {
    output: own([
      [keys[0]!, args],
      [keys[1]!, doc.outputs[keys[1]!]],
      [keys[2]!, fill(doc.outputs[keys[2]!] as string)],
      [keys[3]!, "said"],
    ]),
    call: { model: doc.nodes[1]!.model, config: doc.nodes[1]!.llm_config, prompt: fill(doc.nodes[1]!.prompt) },
  };
}

function messages(diagnostics: readonly object[]): string {
  return diagnostics
    .map((d) => `${(d as { code: string }).code} ${(d as { message: string }).message.slice(0, 200)}`)
    .join("; ");
}

/** JSON with sorted keys (`__proto__` included, as an own key). */
function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "undefined";
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(",")}}`;
}

function sameData(what: string, got: unknown, want: unknown): void {
  const [a, b] = [canonical(got), canonical(want)];
  if (a !== b) expect.fail(`${what} differs from what was written:\n${firstDifference(a, b)}`);
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `got ...${a.slice(Math.max(0, i - 80), i + 80)}...\nwant ...${b.slice(Math.max(0, i - 80), i + 80)}...`;
}

function expectLocated(diagnostics: readonly { span?: unknown }[]): void {
  for (const d of diagnostics) expect(d.span, JSON.stringify(d)).toBeDefined();
}

describe("hostile strings in every field that reaches generated code", () => {
  it("give a located diagnostic, or build to a module that returns exactly the data written", async () => {
    const root = tempDir("iceosc-printers-");
    let run = 0;
    let built = 0;
    await fc.assert(
      fc.asyncProperty(workflowArb, async (g) => {
        const dir = join(root, String(run++));
        mkdirSync(dir);
        writeFileSync(join(dir, "w.yaml"), yamlOf(g));
        const text = readFileSync(join(dir, "w.yaml"), "utf8");
        const input = Buffer.from(g.input, "utf8").toString("utf8");
        const outcome = await buildAndRun(dir, "w.yaml", input);
        if ("diagnostics" in outcome) {
          expectLocated(outcome.diagnostics);
          if (allSafe(g)) expect.fail(`safe names, yet: ${messages(outcome.diagnostics)}`);
          return;
        }
        built++;
        const want = expected(text, input);
        sameData("output", outcome.output, want.output);
        sameData("model call", outcome.calls, [want.call]);
        // Own `__proto__` keys survive as data, never as prototypes.
        const echoed = (outcome.output as Record<string, Record<string, unknown>>)[
          Object.keys(want.output as object)[0]!
        ]!;
        expect(Object.getPrototypeOf(echoed)).toBe(Object.prototype);
        expect(Object.hasOwn(echoed, "__proto__")).toBe(true);

        // The same workflow as .ice builds to a module with the same behaviour.
        const parsed = parseYamlWorkflow(new SourceFile(join(dir, "w.yaml"), text));
        writeFileSync(join(dir, "w.ice"), printIce(parsed.workflow!));
        const viaIce = await buildAndRun(dir, "w.ice", input);
        if ("diagnostics" in viaIce) expect.fail(`.ice did not build: ${messages(viaIce.diagnostics)}`);
        sameData("output via .ice", viaIce.output, outcome.output);
        sameData("model call via .ice", viaIce.calls, outcome.calls);
      }),
      { numRuns: 30 },
    );
    expect(built).toBeGreaterThan(5);
  }, 600_000);

  it("convert round-trips hostile strings: yaml -> ice -> plan and yaml -> yaml -> plan equal yaml -> plan", () => {
    fc.assert(
      fc.property(workflowArb, (g) => {
        const text = yamlOf(g);
        const fromYaml = parseYamlWorkflow(new SourceFile("w.yaml", text));
        if (!fromYaml.workflow) {
          expectLocated(fromYaml.diagnostics.filter((d) => d.severity === "error"));
          return;
        }
        const ice = printIce(fromYaml.workflow);
        const fromIce = parseIceWorkflow(new SourceFile("w.ice", ice));
        const iceErrors = fromIce.diagnostics.filter((d) => d.severity === "error");
        if (iceErrors.length > 0)
          expect.fail(`printed .ice does not parse: ${messages(iceErrors)}\n${ice.slice(0, 2000)}`);
        const [a, b] = [
          JSON.stringify(planWithoutSpans(fromIce.workflow)),
          JSON.stringify(planWithoutSpans(fromYaml.workflow)),
        ];
        if (a !== b) expect.fail(`yaml -> ice changed the plan:\n${firstDifference(a, b)}\n${ice.slice(0, 2000)}`);
        const yaml = printYaml(fromYaml.workflow);
        const again = parseYamlWorkflow(new SourceFile("w.yaml", yaml));
        expect(
          again.diagnostics.filter((d) => d.severity === "error"),
          yaml,
        ).toEqual([]);
        const c = JSON.stringify(planWithoutSpans(again.workflow));
        if (c !== b) expect.fail(`yaml -> yaml changed the plan:\n${firstDifference(c, b)}\n${yaml.slice(0, 2000)}`);
      }),
      { numRuns: 150 },
    );
  });
});
