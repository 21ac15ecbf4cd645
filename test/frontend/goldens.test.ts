/**
 * Golden tests for the YAML front end and the checker. Each `invalid/X.yaml` has beside it
 * `X.expected.txt`, its rendered diagnostics; each `valid/X.yaml` has `X.plan.txt`, a plan
 * summary (plus the checker's diagnostics for the few valid fixtures listed below). Regenerate
 * with `UPDATE_GOLDENS=1 npx vitest run test/frontend`.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkWorkflow } from "../../src/check/index.js";
import { formatDiagnostics, sortDiagnostics, type SourceFile } from "../../src/diagnostics/index.js";
import { ROOT } from "../helpers/cli.js";
import { fixtureFiles, golden, loadFixture } from "../helpers/goldens.js";
import { parseYamlWorkflow } from "../../src/frontend/index.js";
import { planSummary } from "./planSummary.js";

const FIXTURES = join(ROOT, "test/fixtures/yaml");
/** Workflows the fixtures may call. */
const WORKFLOW_NAMES = new Set(["pager", "./pager.yaml", "summarise"]);
/**
 * Valid fixtures (no front-end errors) that the checker still rejects: the original design's
 * code node has no output_schema (ICE2017); its Python body is the sandbox compiler's concern.
 */
const CHECKER_REJECTS: { readonly [name: string]: readonly string[] } = { original_design_code: ["ICE2017"] };

function load(dir: string, name: string): SourceFile {
  return loadFixture(join(FIXTURES, dir, name));
}

/** Input schemas of the workflows the fixtures may call: the pager and summarise fixtures', by name and path. */
const WORKFLOW_INPUTS = new Map(
  ["pager", "./pager.yaml", "summarise"].map((ref) => [
    ref,
    parseYamlWorkflow(load("valid", `${ref.replace(/^\.\/|\.yaml$/g, "")}.yaml`)).workflow!.inputSchema,
  ]),
);
const OPTIONS = { workflowNames: WORKFLOW_NAMES, workflowInputs: WORKFLOW_INPUTS };

const yamlFiles = (dir: string): string[] => fixtureFiles(join(FIXTURES, dir), ".yaml");

describe("invalid YAML fixtures", () => {
  it.each(yamlFiles("invalid"))("%s", (name) => {
    const file = load("invalid", name);
    const parsed = parseYamlWorkflow(file);
    const checked = parsed.workflow ? checkWorkflow(parsed.workflow, OPTIONS) : [];
    const diagnostics = sortDiagnostics([...parsed.diagnostics, ...checked]);
    expect(diagnostics.length).toBeGreaterThan(0);
    golden(join(FIXTURES, "invalid", name.replace(/\.yaml$/, ".expected.txt")), formatDiagnostics(diagnostics));
  });
});

describe("valid YAML fixtures", () => {
  it.each(yamlFiles("valid"))("%s", (name) => {
    const base = name.replace(/\.yaml$/, "");
    const file = load("valid", name);
    const parsed = parseYamlWorkflow(file);
    expect(parsed.diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual([]);
    const checked = checkWorkflow(parsed.workflow!, OPTIONS);
    expect(checked.filter((d) => d.severity === "error").map((d) => d.code)).toEqual(CHECKER_REJECTS[base] ?? []);
    const checkerNotes = checked.length > 0 ? `\n${formatDiagnostics(checked)}` : "";
    golden(join(FIXTURES, "valid", `${base}.plan.txt`), planSummary(parsed.workflow!) + checkerNotes);
  });
});
