/**
 * @fileoverview Emits one workflow as an ES module: `W.js` (the manifest and `run`, calling the
 * runtime) and `W.d.ts` (Input, Output, Tools, Options and `run`'s signature), printed as text
 * from the same pieces (moduleParts below), plus the TypeScript source they correspond to. No
 * compiler runs here: the orchestration is printed as JavaScript already, and the types are
 * schema types printed by types.ts. Only trusted code nodes (user TypeScript run directly) need
 * TypeScript's transpiler, loaded on first use (directBodies.ts), so a build without them never
 * loads the TypeScript compiler.
 */
import type { WorkflowManifest } from "../../../runtime/manifest.js";
import type { ObjectType, SchemaType, Workflow } from "../../plan/index.js";
import { directFunctions } from "./directBodies.js";
import { commentText, prettyDataLiteral, stringLiteral } from "./literals.js";
import { NameTable } from "./names.js";
import { emitOrchestration, type SandboxBinding } from "./orchestration.js";
import { toolsTypeText, type ToolTypeSource } from "./toolTypes.js";
import { layoutType } from "./typeLayout.js";
import { typeText } from "./types.js";

export interface ModuleInput {
  readonly workflow: Workflow;
  /** Path of the workflow file, for the header comment. */
  readonly sourcePath: string;
  readonly manifest: WorkflowManifest;
  readonly sandboxes: ReadonlyMap<
    string,
    SandboxBinding & {
      readonly directBody?: { readonly inputType: ObjectType; readonly outputType: ObjectType; readonly code: string };
    }
  >;
  /** Types of the workflow outputs, where known. */
  readonly outputTypes: ReadonlyMap<string, SchemaType | undefined>;
  /** Module specifier of the runtime (`iceosc/runtime`, or a file URL). */
  readonly runtimeSpecifier: string;
  /** Sub-workflow reference -> module specifier of its generated module (`./other.js`). */
  readonly subWorkflows: ReadonlyMap<string, string>;
  /** Signatures of the tools the workflow declares or calls, for the `Tools` type. */
  readonly toolSignature?: (name: string) => ToolTypeSource | undefined;
  /** Outputs that may be null: they read a node that may be skipped or fail with `on_failure: continue`. */
  readonly nullableOutputs?: ReadonlySet<string>;
}

export interface EmittedModule {
  readonly js: string;
  readonly dts: string;
  /** The TypeScript source the two correspond to. */
  readonly ts: string;
}

/** An exported (or local) type alias of the module. */
interface TypeAlias {
  readonly name: string;
  readonly type: string;
  readonly exported: boolean;
  readonly doc?: string;
}

/** What the three texts are printed from. */
interface ModuleParts {
  readonly header: string;
  /** Value imports (`import { Run } from ...`), type-only imports, sub-workflow imports. */
  readonly runtimeValues: readonly string[];
  readonly runtimeTypes: readonly string[];
  readonly runtimeSpecifier: string;
  readonly subWorkflowImports: readonly { readonly specifier: string; readonly local: string }[];
  readonly types: readonly TypeAlias[];
  readonly manifest: string;
  readonly preload: boolean;
  readonly direct: readonly { readonly name: string; readonly ts: string; readonly js: string }[];
  readonly runDoc: string;
  readonly optionsType: string;
  readonly runBody: readonly string[];
}

/** Emits one workflow module. */
export function emitModule(input: ModuleInput): EmittedModule {
  const parts = moduleParts(input);
  return { js: printJs(parts), dts: printDts(parts), ts: printTs(parts) };
}

function moduleParts(input: ModuleInput): ModuleParts {
  const { workflow } = input;
  const names = new NameTable();
  const workflowImports = new Map<string, string>();
  for (const [ref] of input.subWorkflows) workflowImports.set(ref, names.fresh(`run_${ref}`));
  // Trusted bodies become module functions: their identifiers come from the same table as the
  // node variables, so a node id can never collide with one.
  const sandboxes = new Map(
    [...input.sandboxes].map(([id, binding]) => [
      id,
      binding.directFunction ? { ...binding, directFunction: names.fresh(`code_${id}`) } : binding,
    ]),
  );
  const preload = Object.values(input.manifest.nodes).some((n) => n.sandbox && !n.sandbox.direct);
  const tools = toolsTypeText(workflow, input.toolSignature ?? (() => undefined));

  const outputText = (key: string): string => {
    const text = typeText(input.outputTypes.get(key));
    return input.nullableOutputs?.has(key) && text !== "unknown" ? `${text} | null` : text;
  };
  const types: TypeAlias[] = [
    {
      name: "Input",
      exported: true,
      type: typeText(workflow.inputSchema),
      doc: `Input of workflow ${commentText(workflow.name)}.`,
    },
    {
      name: "Output",
      exported: true,
      type: workflow.outputs.length
        ? `{ ${workflow.outputs.map((o) => `${stringLiteral(o.key)}: ${outputText(o.key)}`).join("; ")} }`
        : "Record<string, never>",
      doc: `Output of workflow ${commentText(workflow.name)}.`,
    },
  ];
  if (tools)
    types.push(
      { name: "ToolResult<T>", exported: false, type: "T | Promise<T>" },
      {
        name: "Tools",
        exported: true,
        type: tools,
        doc: `Implementations of the tools of workflow ${commentText(workflow.name)}, typed from their declarations (\`options.tools\` of \`run\`).`,
      },
      {
        name: "Options",
        exported: true,
        type: `Omit<RunOptions, "tools"> & { readonly tools?: Tools & { readonly [name: string]: unknown } }`,
        doc: "Options of `run`: RunOptions with `tools` typed by `Tools`.",
      },
    );

  return {
    header: `// Generated by iceosc from ${commentText(input.sourcePath)}. Do not edit: rebuild with \`iceosc build\`.`,
    runtimeValues: [...(preload ? ["preloadSandboxes"] : []), "Run"],
    runtimeTypes: ["RunOptions", ...(tools ? ["ToolContext"] : []), "WorkflowManifest"],
    runtimeSpecifier: input.runtimeSpecifier,
    subWorkflowImports: [...input.subWorkflows].map(([ref, specifier]) => ({
      specifier,
      local: workflowImports.get(ref)!,
    })),
    types,
    manifest: prettyDataLiteral(input.manifest),
    preload,
    direct: directFunctions(sandboxes),
    runDoc: `Runs workflow ${commentText(workflow.name)}${describe(workflow)}. Rejects with an IceError (see iceosc/runtime) naming the failing node.`,
    optionsType: tools ? "Options" : "RunOptions",
    runBody: [
      "const rt = new Run(manifest, import.meta.url, input, options);",
      "const inputs = rt.inputs;",
      ...emitOrchestration({ workflow, sandboxes, workflowImports, names }),
    ],
  };
}

const PRELOAD =
  "// Verify, compile and prepare the sandbox modules before this module finishes loading, so a first run\n// finds its instances ready (a module that cannot be loaded is reported by the run that needs it).\nawait preloadSandboxes(manifest, import.meta.url);";

function subWorkflowImports(parts: ModuleParts): string[] {
  return parts.subWorkflowImports.map((i) => `import { run as ${i.local} } from ${stringLiteral(i.specifier)};`);
}

function indented(lines: readonly string[]): string {
  return lines
    .flatMap((l) => l.split("\n"))
    .map((l) => (l === "" ? "" : `  ${l}`))
    .join("\n");
}

/** `: what the workflow says it does` (its description, or its blueprint's), or nothing. */
function describe(workflow: Workflow): string {
  const text = workflow.about?.summary ?? workflow.about?.description ?? workflow.about?.title;
  return text === undefined || text.trim() === "" ? "" : `: ${commentText(text.trim())}`;
}

function doc(text: string | undefined): string[] {
  return text ? [`/** ${text} */`] : [];
}

function typeAliases(parts: ModuleParts): string[] {
  return parts.types.flatMap((t) => [
    ...doc(t.doc),
    `${layoutType(`${t.exported ? "export " : ""}type ${t.name} = `, t.type)};`,
  ]);
}

function printJs(parts: ModuleParts): string {
  return [
    parts.header,
    `import { ${parts.runtimeValues.join(", ")} } from ${stringLiteral(parts.runtimeSpecifier)};`,
    ...subWorkflowImports(parts),
    `const manifest = ${parts.manifest};`,
    ...(parts.preload ? [PRELOAD] : []),
    ...parts.direct.map((d) => d.js),
    ...doc(parts.runDoc),
    "export async function run(input, options = {}) {",
    indented(parts.runBody),
    "}",
    "",
  ].join("\n");
}

function printDts(parts: ModuleParts): string {
  return [
    `import type { ${parts.runtimeTypes.filter((t) => t !== "WorkflowManifest").join(", ")} } from ${stringLiteral(parts.runtimeSpecifier)};`,
    ...typeAliases(parts),
    ...doc(parts.runDoc),
    `export declare function run(input: Input, options?: ${parts.optionsType}): Promise<Output>;`,
    "export {};",
    "",
  ].join("\n");
}

function printTs(parts: ModuleParts): string {
  return [
    parts.header,
    `import { ${[...parts.runtimeValues, ...parts.runtimeTypes.map((t) => `type ${t}`)].join(", ")} } from ${stringLiteral(parts.runtimeSpecifier)};`,
    ...subWorkflowImports(parts),
    ...typeAliases(parts),
    `const manifest: WorkflowManifest = ${parts.manifest};`,
    ...(parts.preload ? [PRELOAD] : []),
    ...parts.direct.map((d) => d.ts),
    ...doc(parts.runDoc),
    `export async function run(input: Input, options: ${parts.optionsType} = {}): Promise<Output> {`,
    indented(parts.runBody),
    "}",
    "",
  ].join("\n");
}
