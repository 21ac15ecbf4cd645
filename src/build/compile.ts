/**
 * @fileoverview The compiler driver: parse, check, lower, compile the sandboxed pieces to WASM
 * and emit one module per workflow. Commands (`build`, `check`, `run`) and the public API call it.
 */
import {
  checkPluginDeclarations,
  type PluginToolSignature,
  withPluginDeclarations,
} from "../plugin/declarationCheck.js";
import { DiagnosticBag, hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics/index.js";
import { checkWorkflow, toolSignature, typeOfReference, type CheckOptions } from "../check/index.js";
import type { ObjectType } from "../../runtime/schema.js";
import type { SandboxUnit } from "../emit/wasm/index.js";
import { moduleDigest } from "../emit/wasm/cache.js";
import { emitModule } from "../emit/ts/emitModule.js";
import type { SandboxBinding } from "../emit/ts/orchestration.js";
import { buildManifest, wasmFileName } from "../lower/manifest.js";
import { lowerSandboxes, type LoweredSandbox } from "../lower/sandboxes.js";
import { trustProfileOf } from "../lower/limits.js";
import { nullableOutputs, outputTypes } from "../lower/outputTypes.js";
import { type PlanNode, walkNodes, type Workflow } from "../plan/index.js";
import type { EmbeddedSource } from "../plan/node.js";
import { loadWorkflowSet, type LoadedWorkflow } from "./workflowSet.js";
import type { WorkflowManifest } from "../../runtime/manifest.js";
import type { PathUse } from "../../runtime/regularFile.js";

export interface CompileOptions {
  /** Specifier generated modules import the runtime from. Default `iceosc/runtime`. */
  readonly runtimeSpecifier?: string;
  /** Directory of the WASM cache (content-addressed); false disables it. */
  readonly cacheDir?: string | false;
  /** Stop after checking and compiling; emit no modules. */
  readonly checkOnly?: boolean;
  /** Strict mode: tools neither declared nor built in are errors (CheckOptions.strict). */
  readonly strict?: boolean;
  /** Tools of the plugins the operator registers: `tools:` declarations are checked against them. */
  readonly pluginTools?: ReadonlyMap<string, PluginToolSignature>;
  /** Called as each sandboxed piece not served from the cache starts compiling. */
  readonly onCompile?: (progress: CompileProgress) => void;
  /**
   * The group of a workflow's sandboxed pieces: a group compiles as one program
   * (src/emit/wasm/combinedProgram.ts). Default: each workflow its own. Tests group several
   * workflows (the oracle's ORACLE_COMBINED: its one-node workflows twenty at a time).
   */
  readonly sandboxGroup?: (workflow: string) => string;
  /**
   * How the paths given are read (runtime/regularFile.ts): `exact` when they are real paths to be
   * read only while they still are (`build --watch`: what the operator named when it started).
   */
  readonly paths?: PathUse;
}

/** One sandboxed piece starting to compile: `index` of `total` (from 1), in workflow `workflow`. */
export interface CompileProgress {
  readonly index: number;
  readonly total: number;
  readonly workflow: string;
  readonly nodeId: string;
}

/** One compiled workflow: the files `build` writes. */
export interface CompiledWorkflow {
  readonly name: string;
  readonly sourcePath: string;
  /** True when named on the command line; false for sub-workflows pulled in by reference. */
  readonly requested: boolean;
  readonly js: string;
  readonly dts: string;
  readonly wasm: readonly { readonly nodeId: string; readonly fileName: string; readonly bytes: Uint8Array }[];
  /** What the module hands the runtime (`iceosc run` checks the operator's policy against it first). */
  readonly manifest: WorkflowManifest;
}

export interface CompileResult {
  readonly workflows: readonly CompiledWorkflow[];
  readonly diagnostics: readonly Diagnostic[];
  /** How many sandboxed pieces were compiled, and how many came from the cache. */
  readonly sandboxStats: { readonly units: number; readonly cached: number };
  /** Every workflow file read (those named and the sub-workflows they reference), as opened. */
  readonly sources: readonly string[];
}

/**
 * The sandbox compiler (TypeScript front end, asc, binaryen), loaded only when a workflow has
 * sandboxed pieces: loading it costs more than compiling a large workflow without any.
 */
function sandboxCompiler(): Promise<typeof import("../emit/wasm/index.js")> {
  return import("../emit/wasm/index.js");
}

/**
 * The code bodies' syntax diagnostics, from the typer worker (src/emit/wasm/typer.ts: this thread
 * never loads TypeScript), which then stays loaded for the lowering.
 */
async function checkSyntax(bodies: readonly EmbeddedSource[]): Promise<Diagnostic[]> {
  const { defaultTypingLimits, prestartTyper, TypeSession } = await import("../emit/wasm/typer.js");
  prestartTyper();
  const session = new TypeSession(defaultTypingLimits(bodies.length));
  return (await Promise.all(bodies.map((body) => session.syntax(body)))).flat();
}

/**
 * Starts a compiler worker (asc, AssemblyScript's library parsed) while the typer worker loads the
 * TypeScript front end and types the code nodes: a cold build has that much less to wait for. It
 * is wasted only when every sandboxed piece then comes from the WASM cache.
 */
function prestartCompiler(): void {
  import("../emit/wasm/compileWorker.js").then(
    (m) => m.prestartCompilerWorker(),
    () => undefined,
  );
}

/**
 * What one workflow's check knows of the others: every workflow's name and the references it
 * writes (`./sub.yaml`), and their input schemas. Views, not copies: a copy of every name and
 * schema per workflow made a build of many workflows quadratic (12,000 files, each calling the
 * next: 60 s in `check`).
 */
function subWorkflowLookups(
  names: ReadonlySet<string>,
  schemas: ReadonlyMap<string, ObjectType>,
  references: ReadonlyMap<string, string>,
): Pick<CheckOptions, "workflowNames" | "workflowInputs"> {
  return {
    workflowNames: {
      has: (name) => names.has(name) || references.has(name),
      *[Symbol.iterator]() {
        yield* names;
        yield* references.keys();
      },
    },
    workflowInputs: {
      get: (ref) => {
        const name = references.get(ref);
        return (name !== undefined ? schemas.get(name) : undefined) ?? schemas.get(ref);
      },
    },
  };
}

/** Compiles the workflows in `paths` (files or directories). */
export async function compileFiles(paths: readonly string[], options: CompileOptions = {}): Promise<CompileResult> {
  const diagnostics = new DiagnosticBag();
  const set = await loadWorkflowSet(paths, diagnostics, options.paths);
  const workflowNames = new Set(set.workflows.map((w) => w.workflow.name));
  const inputSchemas = new Map(set.workflows.map((w) => [w.workflow.name, w.workflow.inputSchema]));
  const lowered = new Map<string, LoweredSandbox[]>();
  for (const { workflow } of set.workflows) {
    const references = set.references.get(workflow.name) ?? new Map<string, string>();
    const pluginTools = options.pluginTools;
    diagnostics.addAll(
      checkWorkflow(pluginTools ? withPluginDeclarations(workflow, pluginTools) : workflow, {
        ...subWorkflowLookups(workflowNames, inputSchemas, references),
        ...(options.strict && { strict: true }),
      }),
    );
    if (pluginTools) diagnostics.addAll(checkPluginDeclarations(workflow, pluginTools));
    const codeNodes: PlanNode[] = [];
    walkNodes(workflow.nodes, (node) => {
      if (node.kind === "code") codeNodes.push(node);
    });
    if (codeNodes.length > 0) {
      if (codeNodes.some((node) => !trustProfileOf(node).direct)) prestartCompiler();
      diagnostics.addAll(await checkSyntax(codeNodes.flatMap((node) => (node.kind === "code" ? [node.code] : []))));
    }
    const sandboxes = lowerSandboxes(
      workflow,
      (path, containers) => typeOfReference(workflow, path, containers),
      diagnostics,
    );
    lowered.set(workflow.name, sandboxes);
  }
  const sources = set.workflows.map((w) => w.file.path);
  const empty = { workflows: [], sandboxStats: { units: 0, cached: 0 }, sources };
  if (diagnostics.hasErrors) return { ...empty, diagnostics: sortDiagnostics(diagnostics.all) };

  const units: SandboxUnit[] = [];
  const unitOwner = new Map<SandboxUnit, string>();
  for (const [name, sandboxes] of lowered) {
    for (const s of sandboxes) {
      if (s.direct) continue;
      units.push(s);
      unitOwner.set(s, name);
    }
  }
  const onCompile = options.onCompile;
  const compiled =
    units.length === 0
      ? { artifacts: [], diagnostics: [], cached: 0 }
      : await (await sandboxCompiler()).compileSandboxUnits(units, {
          ...(options.cacheDir && { cacheDir: options.cacheDir }),
          groupOf: (unit) => (options.sandboxGroup ?? ((name: string) => name))(unitOwner.get(unit) ?? ""),
          ...(onCompile && {
            onCompile: (unit: SandboxUnit, index: number, total: number) =>
              onCompile({ index, total, workflow: unitOwner.get(unit) ?? "", nodeId: unit.nodeId }),
          }),
        });
  diagnostics.addAll(compiled.diagnostics);
  const sandboxStats = { units: units.length, cached: compiled.cached ?? 0 };
  if (diagnostics.hasErrors || options.checkOnly)
    return { workflows: [], sandboxStats, sources, diagnostics: sortDiagnostics(diagnostics.all) };

  const wasmByWorkflow = new Map<string, CompiledWorkflow["wasm"][number][]>();
  units.forEach((unit, index) => {
    const artifact = compiled.artifacts[index]!;
    const name = unitOwner.get(unit)!;
    const list = wasmByWorkflow.get(name) ?? [];
    list.push({ nodeId: unit.nodeId, fileName: wasmFileName(name, unit.nodeId), bytes: artifact.wasm });
    wasmByWorkflow.set(name, list);
  });

  const workflows = set.workflows.map((loaded) =>
    emitWorkflow(
      loaded,
      lowered.get(loaded.workflow.name) ?? [],
      set.references.get(loaded.workflow.name) ?? new Map(),
      wasmByWorkflow.get(loaded.workflow.name) ?? [],
      options,
    ),
  );
  return { workflows, sandboxStats, sources, diagnostics: sortDiagnostics(diagnostics.all) };
}

function emitWorkflow(
  loaded: LoadedWorkflow,
  sandboxes: readonly LoweredSandbox[],
  references: ReadonlyMap<string, string>,
  wasm: CompiledWorkflow["wasm"],
  options: CompileOptions,
): CompiledWorkflow {
  const { workflow } = loaded;
  const bindings = new Map(sandboxes.map((s) => [s.nodeId, binding(s)]));
  const manifest = buildManifest(
    workflow,
    new Map(sandboxes.map((s) => [s.nodeId, s])),
    new Map(wasm.map((w) => [w.nodeId, moduleDigest(w.bytes)])),
  );
  const module = emitModule({
    workflow,
    sourcePath: loaded.file.path,
    manifest,
    sandboxes: bindings,
    outputTypes: outputTypes(workflow, (path) => typeOfReference(workflow, path, [])),
    nullableOutputs: nullableOutputs(workflow),
    toolSignature: (name) => toolSignature(workflow, name),
    runtimeSpecifier: options.runtimeSpecifier ?? "iceosc/runtime",
    subWorkflows: new Map([...references].map(([ref, name]) => [ref, `./${name}.js`])),
  });
  return {
    name: workflow.name,
    sourcePath: loaded.file.path,
    requested: loaded.requested,
    js: module.js,
    dts: module.dts,
    wasm,
    manifest,
  };
}

function binding(sandbox: LoweredSandbox): SandboxBinding & {
  directBody?: { inputType: LoweredSandbox["inputType"]; outputType: LoweredSandbox["outputType"]; code: string };
} {
  if (!sandbox.direct) return { inputs: sandbox.inputs };
  return {
    inputs: sandbox.inputs,
    directFunction: `code_${sandbox.nodeId.replace(/[^A-Za-z0-9_$]/g, "_")}`,
    directBody: { inputType: sandbox.inputType, outputType: sandbox.outputType, code: sandbox.body.text },
  };
}

export { hasErrors, type Workflow };
