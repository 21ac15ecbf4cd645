/**
 * @fileoverview The set of workflows one command works on: the files given, plus the
 * sub-workflows they reference by path (`workflow_ref: ./summarise.yaml`), loaded transitively.
 * A reference resolves to a workflow of the set by name, or to a file beside the referring one.
 */
import { existsSync } from "node:fs";
import { dirname, extname, resolve } from "node:path";
import { type DiagnosticBag, Diagnostics, type SourceFile } from "../diagnostics/index.js";
import { parseIceWorkflow, parseYamlWorkflow } from "../frontend/index.js";
import { walkNodes, type Workflow } from "../plan/index.js";
import { findWorkflowFiles, readSource, WORKFLOW_EXTENSIONS } from "./sources.js";

/** A parsed workflow with the file it came from. */
export interface LoadedWorkflow {
  readonly workflow: Workflow;
  readonly file: SourceFile;
  /** True when it was named on the command line (not only referenced). */
  readonly requested: boolean;
}

export interface WorkflowSet {
  readonly workflows: readonly LoadedWorkflow[];
  /** For each workflow name, its `workflow_ref` values resolved to workflow names. */
  readonly references: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** Parses `paths` and everything they reference. */
export function loadWorkflowSet(paths: readonly string[], diagnostics: DiagnosticBag): WorkflowSet {
  const byPath = new Map<string, LoadedWorkflow>();
  const load = (path: string, requested: boolean): LoadedWorkflow | undefined => {
    const key = resolve(path);
    const known = byPath.get(key);
    if (known) return known;
    const file = readSource(path, diagnostics);
    if (!file) return undefined;
    const parsed = parseWorkflowFile(file, diagnostics);
    if (!parsed) return undefined;
    const loaded = { workflow: parsed, file, requested };
    byPath.set(key, loaded);
    return loaded;
  };
  for (const path of findWorkflowFiles(paths, diagnostics)) load(path, true);

  const references = new Map<string, Map<string, string>>();
  const pending = [...byPath.values()];
  while (pending.length > 0) {
    const current = pending.shift()!;
    const resolved = new Map<string, string>();
    references.set(current.workflow.name, resolved);
    walkNodes(current.workflow.nodes, (node) => {
      if (node.kind !== "workflow") return;
      const ref = node.workflowRef.name;
      const byName = [...byPath.values()].find((w) => w.workflow.name === ref);
      if (byName) return void resolved.set(ref, byName.workflow.name);
      const file = referencedFile(current.file.path, ref);
      if (!file) return;
      const before = byPath.size;
      const loaded = load(file, false);
      if (!loaded) return;
      resolved.set(ref, loaded.workflow.name);
      if (byPath.size > before) pending.push(loaded);
    });
  }

  const seen = new Map<string, LoadedWorkflow>();
  for (const loaded of byPath.values()) {
    const other = seen.get(loaded.workflow.name);
    if (other)
      diagnostics.report(
        Diagnostics.DuplicateWorkflowName,
        loaded.workflow.span,
        [loaded.workflow.name],
        [{ message: "the other one is here", span: other.workflow.span }],
      );
    else seen.set(loaded.workflow.name, loaded);
  }
  return { workflows: [...seen.values()], references };
}

function parseWorkflowFile(file: SourceFile, diagnostics: DiagnosticBag): Workflow | undefined {
  const { workflow, diagnostics: found } =
    extname(file.path) === ".ice" ? parseIceWorkflow(file) : parseYamlWorkflow(file);
  diagnostics.addAll(found);
  return workflow;
}

/** The file a `workflow_ref` names relative to the referring file, if it exists. */
function referencedFile(from: string, ref: string): string | undefined {
  const base = resolve(dirname(from), ref);
  const candidates = WORKFLOW_EXTENSIONS.includes(extname(ref)) ? [base] : WORKFLOW_EXTENSIONS.map((ext) => base + ext);
  return candidates.find((candidate) => existsSync(candidate));
}
