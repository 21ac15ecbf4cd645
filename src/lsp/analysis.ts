/**
 * @fileoverview What the language server knows about one open document: its plan and its
 * diagnostics, computed in-process by the compiler's own phases (parse, check, the code-node
 * front end's syntax checks), without AssemblyScript: no compiler worker is ever started from the
 * editor, so an analysis takes milliseconds. The code bodies it reads are typed apart, in the
 * bounded typer worker (bodyTyping.ts). Cached per document version; the last plan that could be
 * read stays available while the text is broken.
 */
import { fileURLToPath } from "node:url";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { checkWorkflow, typeOfReference } from "../check/index.js";
import { DiagnosticBag, SourceFile, sortDiagnostics, type Diagnostic } from "../diagnostics/index.js";
import type { SandboxUnit } from "../emit/wasm/index.js";
import { checkCodeSyntax } from "../emit/wasm/syntax.js";
import { parseIceWorkflow, parseYamlWorkflow } from "../frontend/index.js";
import { lowerSandboxes } from "../lower/sandboxes.js";
import { walkNodes, type Workflow } from "../plan/index.js";

export type DocumentLanguage = "ice" | "yaml";

export interface Analysis {
  readonly uri: string;
  readonly version: number;
  readonly language: DocumentLanguage;
  readonly file: SourceFile;
  /** The plan, when the document reads without errors. */
  readonly workflow: Workflow | undefined;
  /** The best plan available: this version's, as far as it reads, else the last one that did. */
  readonly partial: Workflow | undefined;
  readonly diagnostics: readonly Diagnostic[];
  /** The code bodies to type (bodyTyping.ts); none while the document has errors before them. */
  readonly units: readonly SandboxUnit[];
}

/** `.ice` documents are .ice; everything else the server is given is workflow YAML. */
export function languageOf(uri: string, languageId: string): DocumentLanguage {
  return languageId === "ice" || uri.endsWith(".ice") ? "ice" : "yaml";
}

/** Analyzes one text (its code bodies are typed apart: `units`). */
export function analyze(uri: string, text: string, language: DocumentLanguage, version = 0): Analysis {
  const file = new SourceFile(pathOf(uri), text);
  const parsed = language === "ice" ? parseIceWorkflow(file) : parseYamlWorkflow(file);
  const bag = new DiagnosticBag();
  bag.addAll(parsed.diagnostics);
  const checked = parsed.workflow ? checkPlan(parsed.workflow) : { diagnostics: [], units: [] };
  bag.addAll(checked.diagnostics);
  return {
    units: checked.units,
    uri,
    version,
    language,
    file,
    workflow: parsed.workflow,
    partial: parsed.workflow ?? parsed.partial,
    diagnostics: sortDiagnostics(bag.all),
  };
}

/**
 * What `iceosc check` reports for a parsed plan before its bodies are typed, and the units to
 * type (the typer's diagnostics complete it, up to the AssemblyScript compile).
 */
function checkPlan(workflow: Workflow): { diagnostics: Diagnostic[]; units: SandboxUnit[] } {
  const bag = new DiagnosticBag();
  bag.addAll(checkWorkflow(workflow, {}));
  walkNodes(workflow.nodes, (node) => {
    if (node.kind === "code") bag.addAll(checkCodeSyntax(node.code));
  });
  if (bag.hasErrors) return { diagnostics: [...bag.all], units: [] };
  const sandboxes = lowerSandboxes(workflow, (path, containers) => typeOfReference(workflow, path, containers), bag);
  if (bag.hasErrors) return { diagnostics: [...bag.all], units: [] };
  const units: SandboxUnit[] = sandboxes
    .filter((s) => !s.direct)
    .map((s) => ({
      nodeId: s.nodeId,
      kind: s.kind,
      inputType: s.inputType,
      outputType: s.outputType,
      capabilities: s.capabilities,
      body: s.body,
    }));
  return { diagnostics: [...bag.all], units };
}

function pathOf(uri: string): string {
  if (!uri.startsWith("file:")) return uri;
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}

/** Analyses of open documents, by uri, recomputed when the version changes. */
export class AnalysisCache {
  private readonly entries = new Map<string, Analysis>();

  get(document: TextDocument): Analysis {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    const fresh = analyze(
      document.uri,
      document.getText(),
      languageOf(document.uri, document.languageId),
      document.version,
    );
    const analysis = fresh.partial || !cached ? fresh : { ...fresh, partial: cached.partial };
    this.entries.set(document.uri, analysis);
    return analysis;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
