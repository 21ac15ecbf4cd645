/**
 * Golden tests for the .ice front end (with the checker behind it). Each `invalid/X.ice` has
 * beside it `X.expected.txt`, its rendered diagnostics; each `valid/X.ice` has `X.plan.txt`, the
 * plan summary of test/frontend (plus the checker's diagnostics, if any). Regenerate with
 * `UPDATE_GOLDENS=1 npx vitest run test/ice`.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkWorkflow } from "../../src/check/index.js";
import { formatDiagnostics, sortDiagnostics, type SourceFile } from "../../src/diagnostics/index.js";
import { ROOT } from "../helpers/cli.js";
import { fixtureFiles, golden, loadFixture } from "../helpers/goldens.js";
import { parseIceWorkflow } from "../../src/frontend/index.js";
import { planSummary } from "../frontend/planSummary.js";

const FIXTURES = join(ROOT, "test/fixtures/ice");
/** Workflows the fixtures may call. */
const WORKFLOW_NAMES = new Set(["pager", "./pager.ice", "summarise"]);

function load(dir: string, name: string): SourceFile {
  return loadFixture(join(FIXTURES, dir, name));
}

/** Input schemas of the workflows the fixtures may call: the pager and summarise fixtures', by name and path. */
const WORKFLOW_INPUTS = new Map(
  ["pager", "./pager.ice", "summarise"].map((ref) => [
    ref,
    parseIceWorkflow(load("valid", `${ref.replace(/^\.\/|\.ice$/g, "")}.ice`)).workflow!.inputSchema,
  ]),
);
const OPTIONS = { workflowNames: WORKFLOW_NAMES, workflowInputs: WORKFLOW_INPUTS };

const iceFiles = (dir: string): string[] => fixtureFiles(join(FIXTURES, dir), ".ice");

describe("invalid .ice fixtures", () => {
  it.each(iceFiles("invalid"))("%s", (name) => {
    const parsed = parseIceWorkflow(load("invalid", name));
    const checked = parsed.workflow ? checkWorkflow(parsed.workflow, OPTIONS) : [];
    const diagnostics = sortDiagnostics([...parsed.diagnostics, ...checked]);
    expect(diagnostics.filter((d) => d.severity === "error").length).toBeGreaterThan(0);
    golden(join(FIXTURES, "invalid", name.replace(/\.ice$/, ".expected.txt")), formatDiagnostics(diagnostics));
  });
});

describe("valid .ice fixtures", () => {
  it.each(iceFiles("valid"))("%s", (name) => {
    const parsed = parseIceWorkflow(load("valid", name));
    expect(parsed.diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual([]);
    const checked = checkWorkflow(parsed.workflow!, OPTIONS);
    expect(checked.filter((d) => d.severity === "error").map((d) => d.code)).toEqual([]);
    const checkerNotes = checked.length > 0 ? `\n${formatDiagnostics(checked)}` : "";
    golden(join(FIXTURES, "valid", name.replace(/\.ice$/, ".plan.txt")), planSummary(parsed.workflow!) + checkerNotes);
  });
});
