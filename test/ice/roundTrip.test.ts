/**
 * The convert property: for every example and every valid fixture, yaml -> ice -> plan equals
 * yaml -> plan, and ice -> yaml -> plan equals ice -> plan (plans compared without spans).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatDiagnostics, SourceFile } from "../../src/diagnostics/index.js";
import { parseIceWorkflow, parseYamlWorkflow } from "../../src/frontend/index.js";
import type { Workflow } from "../../src/plan/index.js";
import { printIce, printYaml } from "../../src/print/index.js";
import { planWithoutSpans } from "./planWithoutSpans.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

function filesIn(dir: string, ext: string): string[] {
  return readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => `${dir}/${f}`);
}

function read(path: string, parse: typeof parseIceWorkflow, text?: string): Workflow {
  const parsed = parse(new SourceFile(path, text ?? readFileSync(join(ROOT, path), "utf8")));
  expect(formatDiagnostics(parsed.diagnostics.filter((d) => d.severity === "error")), text ?? path).toBe("");
  return parsed.workflow!;
}

describe("yaml -> ice -> plan equals yaml -> plan", () => {
  it.each([...filesIn("examples", ".yaml"), ...filesIn("test/fixtures/yaml/valid", ".yaml")])("%s", (path) => {
    const fromYaml = read(path, parseYamlWorkflow);
    const ice = printIce(fromYaml);
    const fromIce = read(path.replace(/\.yaml$/, ".converted.ice"), parseIceWorkflow, ice);
    expect(planWithoutSpans(fromIce)).toEqual(planWithoutSpans(fromYaml));
  });
});

describe("ice -> yaml -> plan equals ice -> plan", () => {
  it.each([...filesIn("examples/ice", ".ice"), ...filesIn("test/fixtures/ice/valid", ".ice")])("%s", (path) => {
    const fromIce = read(path, parseIceWorkflow);
    const yaml = printYaml(fromIce);
    const fromYaml = read(path.replace(/\.ice$/, ".converted.yaml"), parseYamlWorkflow, yaml);
    expect(planWithoutSpans(fromYaml)).toEqual(planWithoutSpans(fromIce));
  });
});

describe("examples in both forms", () => {
  it.each(filesIn("examples/ice", ".ice"))("%s has the plan of its YAML twin", (path) => {
    const twin = path.replace(/^examples\/ice\//, "examples/").replace(/\.ice$/, ".yaml");
    expect(planWithoutSpans(read(path, parseIceWorkflow))).toEqual(planWithoutSpans(read(twin, parseYamlWorkflow)));
  });
});
