/**
 * `iceosc schema` (README "Command line"): a draft-07 JSON Schema of the YAML form. The YAML front end
 * is the oracle: every workflow it reads without a structural error validates, and every file it
 * rejects for a field's name, presence or type fails validation; hand-made broken workflows fail
 * at the path of the mistake.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ErrorObject } from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SourceFile } from "../../src/diagnostics/index.js";
import { parseYamlWorkflow } from "../../src/frontend/index.js";
import { workflowJsonSchema } from "../../src/schema/yamlSchema.js";
import { iceosc, ROOT } from "../helpers/cli.js";

/** Front-end codes about a field's name, presence or shape: what a schema can see. */
const STRUCTURAL = [
  "ICE1002",
  "ICE1003",
  "ICE1004",
  "ICE1005",
  "ICE1006",
  "ICE1007",
  "ICE1011",
  "ICE1012",
  "ICE1015",
  "ICE1016",
];

const schema = workflowJsonSchema();
const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);

function yamlFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith(".yaml") || f.endsWith(".yml"))
    .map((f) => join(dir, f));
}

const ALL = [
  ...yamlFiles("examples"),
  ...yamlFiles("test/fixtures/yaml/valid"),
  ...yamlFiles("test/fixtures/yaml/invalid"),
  ...yamlFiles("test/fixtures/iceos"),
];

function errorsOf(text: string): ErrorObject[] {
  return validate(parse(text)) ? [] : [...(validate.errors ?? [])];
}

function structuralCodes(path: string, text: string): string[] {
  const { diagnostics } = parseYamlWorkflow(new SourceFile(path, text));
  return diagnostics.filter((d) => d.severity === "error" && STRUCTURAL.includes(d.code)).map((d) => d.code);
}

describe("iceosc schema", () => {
  it("prints the schema the compiler library builds, as draft-07", async () => {
    const result = await iceosc(["schema"]);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(printed).toEqual(schema);
    expect(printed.$schema).toBe("http://json-schema.org/draft-07/schema#");
  });

  it("validates every example and every fixture the front end reads without a structural error", async () => {
    const checked: string[] = [];
    for (const path of ALL) {
      const text = readFileSync(join(ROOT, path), "utf8");
      if (path.endsWith("yaml_syntax.yaml")) continue;
      if (structuralCodes(path, text).length > 0) continue;
      checked.push(path);
      expect(errorsOf(text), path).toEqual([]);
    }
    expect(checked.length).toBeGreaterThan(20);
    expect(checked).toContain("examples/word_stats.yaml");
  });

  it("rejects every fixture the front end rejects for a field's name, presence or shape", async () => {
    const rejected: string[] = [];
    for (const path of ALL) {
      const text = readFileSync(join(ROOT, path), "utf8");
      if (path.endsWith("yaml_syntax.yaml") || structuralCodes(path, text).length === 0) continue;
      rejected.push(path);
      expect(errorsOf(text).length, path).toBeGreaterThan(0);
    }
    expect(rejected).toContain("test/fixtures/yaml/invalid/unknown_fields.yaml");
  });

  const base = `name: w
input_schema: { text: string }
nodes:
  - id: first
    type: tool
    tool_name: echo
    tool_args: { text: "{{ inputs.text }}" }
`;
  const cases: { what: string; node: string; path: string; keyword: string; detail?: string }[] = [
    {
      what: "an unknown field",
      node: "tool\n    tool_nme: x",
      path: "/nodes/1",
      keyword: "additionalProperties",
      detail: "tool_nme",
    },
    { what: "a missing required field", node: "tool", path: "/nodes/1", keyword: "required", detail: "tool_name" },
    { what: "an unknown node type", node: "tol\n    tool_name: x", path: "/nodes/1/type", keyword: "enum" },
    {
      what: "a wrong value type",
      node: "tool\n    tool_name: x\n    retries: many",
      path: "/nodes/1/retries",
      keyword: "type",
    },
    {
      what: "an unknown limit",
      node: "code\n    code: return {};\n    limits: { feul: 10 }",
      path: "/nodes/1/limits",
      keyword: "additionalProperties",
      detail: "feul",
    },
    {
      what: "a bad on_failure",
      node: "tool\n    tool_name: x\n    on_failure: retry",
      path: "/nodes/1/on_failure",
      keyword: "enum",
    },
    {
      what: "a field of another node type",
      node: "llm\n    prompt: hi\n    code: x",
      path: "/nodes/1",
      keyword: "additionalProperties",
      detail: "code",
    },
  ];
  for (const c of cases) {
    it(`rejects ${c.what} at its path`, async () => {
      const text = `${base}  - id: second\n    type: ${c.node}\n`;
      // The front end agrees that the workflow is broken.
      expect(structuralCodes("w.yaml", text).length).toBeGreaterThan(0);
      const errors = errorsOf(text);
      const hit = errors.find((e) => e.instancePath === c.path && e.keyword === c.keyword);
      expect(hit, JSON.stringify(errors, null, 1)).toBeDefined();
      if (c.detail) expect(JSON.stringify(hit?.params)).toContain(c.detail);
    });
  }

  it("rejects a body node nested in a loop at its nested path", async () => {
    const text = `${base}  - id: each
    type: loop
    items_source: "{{ inputs.text }}"
    body:
      - id: inner
        type: code
        code: return {};
        imprts: [math]
`;
    const hit = errorsOf(text).find(
      (e) => e.instancePath === "/nodes/1/body/0" && e.keyword === "additionalProperties",
    );
    expect(hit?.params).toEqual({ additionalProperty: "imprts" });
  });

  it("rejects an unknown top-level field", async () => {
    const hit = errorsOf(`${base}outptus: {}\n`).find(
      (e) => e.instancePath === "" && e.keyword === "additionalProperties",
    );
    expect(hit?.params).toEqual({ additionalProperty: "outptus" });
  });
});
