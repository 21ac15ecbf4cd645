/**
 * @fileoverview The set of workflows one command works on: the files given, plus the
 * sub-workflows they reference by path (`workflow_ref: ./summarise.yaml`), loaded transitively.
 * A reference resolves to a workflow of the set by name, or to a file beside the referring one.
 * A referenced file must lie (symlinks resolved) under the folder of a file given, or under a
 * folder given: the workflow's author is not trusted (SPEC 8), and a reference such as
 * `../../.config/app.yaml` would otherwise have the compiler read, quote in diagnostics, compile
 * and run any workflow-looking file the operator can read (ICE2026). The operator includes a
 * file from elsewhere by naming it on the command line.
 * The .ice front end (chevrotain, and the ~700 modules of lodash-es it imports: ~0.2 s to load) is
 * imported only when a .ice file is read, so a YAML build does not pay for it.
 */
import { existsSync, realpathSync, statSync } from "node:fs";
import { dirname, extname, resolve, sep } from "node:path";
import { type DiagnosticBag, Diagnostics, type SourceFile } from "../diagnostics/index.js";
import { parseYamlWorkflow } from "../frontend/yaml/index.js";
import { type Named, walkNodes, type Workflow } from "../plan/index.js";
import type { PathUse } from "../../runtime/regularFile.js";
import { findWorkflowFiles, readSource, WORKFLOW_EXTENSIONS } from "./sources.js";
import { reportSubWorkflowCycles, type SubWorkflowCall } from "./subWorkflowCycles.js";

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

/** Parses `paths` (read as `use` says: sources.ts) and everything they reference. */
export async function loadWorkflowSet(
  paths: readonly string[],
  diagnostics: DiagnosticBag,
  use: PathUse = "followed",
): Promise<WorkflowSet> {
  const byPath = new Map<string, LoadedWorkflow>();
  // The first workflow loaded with each name (a scan of byPath per reference was quadratic).
  const byName = new Map<string, LoadedWorkflow>();
  const load = async (path: string, requested: boolean): Promise<LoadedWorkflow | undefined> => {
    const key = resolve(path);
    const known = byPath.get(key);
    if (known) return known;
    // A referenced file is read only if the file opened lies under the roots (checked after the
    // open: isUnder, before it, could see a file that a link swapped in then replaces).
    const file = readSource(path, diagnostics, requested ? use : { within: roots });
    if (!file) return undefined;
    const parsed = await parseWorkflowFile(file, diagnostics);
    if (!parsed) return undefined;
    const loaded = { workflow: parsed, file, requested };
    byPath.set(key, loaded);
    if (!byName.has(parsed.name)) byName.set(parsed.name, loaded);
    return loaded;
  };
  const roots = allowedRoots(paths);
  for (const path of findWorkflowFiles(paths, diagnostics, "refused", use)) await load(path, true);

  const references = new Map<string, Map<string, string>>();
  const calls: SubWorkflowCall[] = [];
  const pending = [...byPath.values()];
  for (let next = 0; next < pending.length; next++) {
    const current = pending[next]!;
    const resolved = new Map<string, string>();
    references.set(current.workflow.name, resolved);
    const refs: Named[] = [];
    walkNodes(current.workflow.nodes, (node) => {
      if (node.kind === "workflow") refs.push(node.workflowRef);
    });
    for (const { name: ref, span } of refs) {
      const named = byName.get(ref);
      if (named) {
        resolved.set(ref, named.workflow.name);
        calls.push({ from: current.workflow.name, to: named.workflow.name, span });
        continue;
      }
      const file = referencedFile(current.file.path, ref);
      if (!file) continue;
      if (!byPath.has(resolve(file)) && !isUnder(file, roots)) {
        diagnostics.report(Diagnostics.WorkflowRefOutside, span, [ref, roots.join(", ")]);
        continue;
      }
      const before = byPath.size;
      const loaded = await load(file, false);
      if (!loaded) continue;
      resolved.set(ref, loaded.workflow.name);
      calls.push({ from: current.workflow.name, to: loaded.workflow.name, span });
      if (byPath.size > before) pending.push(loaded);
    }
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
  reportSubWorkflowCycles(calls, diagnostics);
  return { workflows: [...seen.values()], references };
}

async function parseWorkflowFile(file: SourceFile, diagnostics: DiagnosticBag): Promise<Workflow | undefined> {
  const { workflow, diagnostics: found } =
    extname(file.path) === ".ice"
      ? (await import("../frontend/ice/index.js")).parseIceWorkflow(file)
      : parseYamlWorkflow(file);
  diagnostics.addAll(found);
  return workflow;
}

/** The file a `workflow_ref` names relative to the referring file, if it exists. */
function referencedFile(from: string, ref: string): string | undefined {
  const base = resolve(dirname(from), ref);
  const candidates = WORKFLOW_EXTENSIONS.includes(extname(ref)) ? [base] : WORKFLOW_EXTENSIONS.map((ext) => base + ext);
  return candidates.find((candidate) => existsSync(candidate));
}

/** The folders referenced files may come from: each folder given, and the folder of each file given. */
function allowedRoots(paths: readonly string[]): string[] {
  const roots: string[] = [];
  for (const path of paths) {
    try {
      const real = realpathSync(path);
      roots.push(statSync(real).isDirectory() ? real : dirname(real));
    } catch {
      // a path that does not exist is reported where the files are found
    }
  }
  return roots;
}

/** True when `file`, symlinks resolved, lies under one of `roots`. */
function isUnder(file: string, roots: readonly string[]): boolean {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return false;
  }
  return roots.some((root) => real.startsWith(root.endsWith(sep) ? root : root + sep));
}
