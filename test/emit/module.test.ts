/**
 * Generated workflow modules, as golden files: the orchestration users read in `W.js` and the
 * types in `W.d.ts`. Regenerate with `npx vitest run test/emit -u` and review the diff.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkWorkflow, toolSignature, typeOfReference } from "../../src/check/index.js";
import { DiagnosticBag, SourceFile } from "../../src/diagnostics/index.js";
import { emitModule } from "../../src/emit/ts/emitModule.js";
import { parseYamlWorkflow } from "../../src/frontend/index.js";
import { buildManifest } from "../../src/lower/manifest.js";
import { nullableOutputs, outputTypes } from "../../src/lower/outputTypes.js";
import { lowerSandboxes } from "../../src/lower/sandboxes.js";
import { ROOT } from "../helpers/cli.js";

function emitExample(name: string, subWorkflows: Record<string, string> = {}) {
  const path = `examples/${name}.yaml`;
  const { workflow, diagnostics } = parseYamlWorkflow(new SourceFile(path, readFileSync(join(ROOT, path), "utf8")));
  expect(diagnostics).toEqual([]);
  const checked = checkWorkflow(workflow!, { workflowNames: new Set(Object.keys(subWorkflows)) });
  expect(checked.filter((d) => d.severity === "error")).toEqual([]);
  const bag = new DiagnosticBag();
  const sandboxes = lowerSandboxes(workflow!, (p, containers) => typeOfReference(workflow!, p, containers), bag);
  expect(bag.all).toEqual([]);
  return emitModule({
    workflow: workflow!,
    sourcePath: path,
    manifest: buildManifest(workflow!, new Map(sandboxes.map((s) => [s.nodeId, s])), new Map()),
    sandboxes: new Map(sandboxes.map((s) => [s.nodeId, { inputs: s.inputs }])),
    outputTypes: outputTypes(workflow!, (p) => typeOfReference(workflow!, p, [])),
    nullableOutputs: nullableOutputs(workflow!),
    toolSignature: (name) => toolSignature(workflow!, name),
    runtimeSpecifier: "iceosc/runtime",
    subWorkflows: new Map(Object.entries(subWorkflows).map(([ref, name]) => [ref, `./${name}.js`])),
  });
}

describe("generated modules", () => {
  it("sales_alert: a guarded branch after a sandboxed condition", async () => {
    const module = emitExample("sales_alert");
    await expect(module.js).toMatchFileSnapshot("golden/sales_alert.js");
    await expect(module.dts).toMatchFileSnapshot("golden/sales_alert.d.ts");
  });

  it("review_batch: a loop around a parallel block and a sub-workflow", async () => {
    const module = emitExample("review_batch", { review_verdict: "review_verdict" });
    await expect(module.js).toMatchFileSnapshot("golden/review_batch.js");
  });
});
