/**
 * @fileoverview Emits one workflow as an ES module with ts-morph: a typed TypeScript module
 * (Input, Output, the manifest, `run`) that the TypeScript emitter turns into `W.js` + `W.d.ts`.
 */
import { Project, ts, type SourceFile as TsSourceFile } from "ts-morph";
import type { WorkflowManifest } from "../../../runtime/manifest.js";
import type { ObjectType, SchemaType, Workflow } from "../../plan/index.js";
import { commentText, prettyDataLiteral, stringLiteral } from "./literals.js";
import { NameTable } from "./names.js";
import { emitOrchestration, type SandboxBinding } from "./orchestration.js";
import { toolsTypeText, type ToolTypeSource } from "./toolTypes.js";
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
  /** The TypeScript source the two were emitted from. */
  readonly ts: string;
}

/** Emits one workflow module. */
export function emitModule(input: ModuleInput): EmittedModule {
  const { workflow } = input;
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      declaration: true,
      removeComments: false,
      noResolve: true,
      noLib: true,
      isolatedModules: true,
    },
  });
  const file = project.createSourceFile(`/${workflow.name}.ts`, "");
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
  file.addImportDeclaration({
    moduleSpecifier: input.runtimeSpecifier,
    namedImports: [
      ...(preload ? ["preloadSandboxes"] : []),
      "Run",
      { name: "RunOptions", isTypeOnly: true },
      ...(tools ? [{ name: "ToolContext", isTypeOnly: true }] : []),
      { name: "WorkflowManifest", isTypeOnly: true },
    ],
  });
  for (const [ref, specifier] of input.subWorkflows)
    file.addImportDeclaration({
      moduleSpecifier: specifier,
      namedImports: [{ name: "run", alias: workflowImports.get(ref)! }],
    });

  file.addTypeAlias({
    name: "Input",
    isExported: true,
    type: typeText(workflow.inputSchema),
    docs: [`Input of workflow ${commentText(workflow.name)}.`],
  });
  const outputText = (key: string): string => {
    const text = typeText(input.outputTypes.get(key));
    return input.nullableOutputs?.has(key) && text !== "unknown" ? `${text} | null` : text;
  };
  const outputType = `{ ${workflow.outputs.map((o) => `${stringLiteral(o.key)}: ${outputText(o.key)}`).join("; ")} }`;
  file.addTypeAlias({
    name: "Output",
    isExported: true,
    type: workflow.outputs.length ? outputType : "Record<string, never>",
    docs: [`Output of workflow ${commentText(workflow.name)}.`],
  });
  if (tools) {
    file.addTypeAlias({ name: "ToolResult", typeParameters: ["T"], type: "T | Promise<T>" });
    file.addTypeAlias({
      name: "Tools",
      isExported: true,
      type: tools,
      docs: [
        `Implementations of the tools of workflow ${commentText(workflow.name)}, typed from their declarations (\`options.tools\` of \`run\`).`,
      ],
    });
    file.addTypeAlias({
      name: "Options",
      isExported: true,
      type: `Omit<RunOptions, "tools"> & { readonly tools?: Tools & { readonly [name: string]: unknown } }`,
      docs: ["Options of `run`: RunOptions with `tools` typed by `Tools`."],
    });
  }
  file.addStatements(`const manifest: WorkflowManifest = ${prettyDataLiteral(input.manifest)};`);
  if (preload)
    file.addStatements(
      "// Verify and compile the sandbox modules now, off the calling thread, so first runs find them ready.\npreloadSandboxes(manifest, import.meta.url);",
    );
  addDirectBodies(file, sandboxes);

  file.addFunction({
    name: "run",
    isExported: true,
    isAsync: true,
    docs: [
      `Runs workflow ${commentText(workflow.name)}. Rejects with an IceError (see iceosc/runtime) naming the failing node.`,
    ],
    parameters: [
      { name: "input", type: "Input" },
      { name: "options", type: tools ? "Options" : "RunOptions", initializer: "{}" },
    ],
    returnType: "Promise<Output>",
    statements: [
      "const rt = new Run(manifest, import.meta.url, input, options);",
      "const inputs = rt.inputs;",
      ...emitOrchestration({ workflow, sandboxes, workflowImports, names }),
    ],
  });
  file.insertStatements(
    0,
    `// Generated by iceosc from ${commentText(input.sourcePath)}. Do not edit: rebuild with \`iceosc build\`.`,
  );
  file.formatText({ indentSize: 2, convertTabsToSpaces: true });

  const emitted = project.emitToMemory();
  const js = emitted.getFiles().find((f) => f.filePath.endsWith(".js"))?.text;
  const dts = emitted.getFiles().find((f) => f.filePath.endsWith(".d.ts"))?.text;
  if (js === undefined || dts === undefined)
    throw new Error(`internal: TypeScript emitted no module for workflow '${workflow.name}'`);
  return { js, dts, ts: file.getFullText() };
}

/** Code nodes marked trusted: their bodies become plain functions of the module. */
function addDirectBodies(file: TsSourceFile, sandboxes: ModuleInput["sandboxes"]): void {
  for (const binding of sandboxes.values()) {
    if (!binding.directFunction || !binding.directBody) continue;
    file.addFunction({
      name: binding.directFunction,
      docs: ["Trusted code node: runs directly, outside the sandbox."],
      parameters: [{ name: "inputs", type: typeText(binding.directBody.inputType) }],
      returnType: typeText(binding.directBody.outputType),
      statements: binding.directBody.code,
    });
  }
}
