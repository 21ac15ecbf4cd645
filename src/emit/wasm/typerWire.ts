/**
 * @fileoverview What crosses between the build and the typer worker (typer.ts, typerWorker.ts):
 * bodies and diagnostics as plain data. A span is sent as offsets and rejoined to its file on the
 * other side (every span of a body's diagnostics lies in the body's own workflow file).
 */
import { type Diagnostic, SourceFile, span } from "../../diagnostics/index.js";
import type { EmbeddedSource } from "../../plan/node.js";
import type { SandboxUnit } from "../../lower/sandboxes.js";
import type { PluginModule } from "../../plugin/module.js";
import type { TypedTool } from "../../plugin/lower.js";
import type { RiskFacts } from "./riskReport.js";

/** An embedded body with its file (path and text: positions are counted in it). */
export interface WireBody {
  readonly text: string;
  readonly lineOrigins: readonly number[];
  readonly start: number;
  readonly end: number;
  readonly path: string;
  readonly fileText: string;
}

/** A unit as the worker lowers it. */
export interface WireUnit extends Omit<SandboxUnit, "body"> {
  readonly body: WireBody;
}

interface WireSpan {
  readonly start: number;
  readonly end: number;
}

export interface WireDiagnostic {
  readonly code: string;
  readonly severity: Diagnostic["severity"];
  readonly message: string;
  readonly span?: WireSpan;
  readonly notes: readonly { readonly message: string; readonly span?: WireSpan }[];
}

/** A plugin module read (src/plugin/module.ts), to be typed and lowered tool by tool. */
export interface WirePlugin extends Omit<PluginModule, "body"> {
  readonly body: WireBody;
}

/** A plugin tool lowered: its types, program and body (the module's, with its call appended). */
export interface WireTool extends TypedTool {
  readonly source: string;
  readonly body: Omit<WireBody, "fileText">;
}

/**
 * A job for the worker: a body's syntax, a unit's risk facts (its parse), its lowering, or a
 * plugin module's tools typed and lowered (src/plugin/lower.ts).
 */
export type TyperJob =
  | { readonly kind: "syntax"; readonly body: WireBody }
  | { readonly kind: "facts"; readonly unit: WireUnit }
  | { readonly kind: "lower"; readonly unit: WireUnit }
  | { readonly kind: "plugin"; readonly module: WirePlugin };

/** What the worker answers: diagnostics, plus what the job made (a plugin's tools only when all lowered). */
export interface TyperAnswer {
  readonly diagnostics: readonly WireDiagnostic[];
  readonly source?: string;
  readonly facts?: RiskFacts;
  readonly tools?: readonly WireTool[];
}

/**
 * The worker's reply to job `id`: its answer, or `stack` when the job ran out of the worker's stack
 * (a body nesting too deeply: the body's cost), or `error` for anything else the job threw (the
 * compiler's fault).
 */
export type TyperReply =
  | { readonly id: number; readonly answer: TyperAnswer; readonly stack?: undefined; readonly error?: undefined }
  | { readonly id: number; readonly stack: true; readonly answer?: undefined; readonly error?: undefined }
  | { readonly id: number; readonly error: string; readonly answer?: undefined; readonly stack?: undefined };

export function wireBody(body: EmbeddedSource): WireBody {
  const { file, start, end } = body.span;
  return { text: body.text, lineOrigins: body.lineOrigins, start, end, path: file.path, fileText: file.text };
}

export function wireUnit(unit: SandboxUnit): WireUnit {
  const { nodeId, kind, inputType, outputType, capabilities } = unit;
  return { nodeId, kind, inputType, outputType, capabilities, body: wireBody(unit.body) };
}

/** The body again, in a file made from the text sent (one SourceFile per file while it is unchanged). */
export function bodyOf(wire: WireBody, files: Map<string, SourceFile>): EmbeddedSource {
  let file = files.get(wire.path);
  if (!file || file.text !== wire.fileText) {
    file = new SourceFile(wire.path, wire.fileText);
    files.set(wire.path, file);
  }
  return { text: wire.text, lineOrigins: wire.lineOrigins, span: span(file, wire.start, wire.end) };
}

export function toWire(diagnostic: Diagnostic): WireDiagnostic {
  const at = (s: Diagnostic["span"]): WireSpan | undefined => (s ? { start: s.start, end: s.end } : undefined);
  const where = at(diagnostic.span);
  return {
    code: diagnostic.code,
    severity: diagnostic.severity,
    message: diagnostic.message,
    ...(where && { span: where }),
    notes: diagnostic.notes.map((n) => {
      const noteAt = at(n.span);
      return { message: n.message, ...(noteAt && { span: noteAt }) };
    }),
  };
}

/** A diagnostic from the worker, its spans in `file` (the body's). */
export function fromWire(wire: WireDiagnostic, file: SourceFile): Diagnostic {
  const at = (s: WireSpan | undefined) => (s ? span(file, s.start, s.end) : undefined);
  return {
    code: wire.code,
    severity: wire.severity,
    message: wire.message,
    span: at(wire.span),
    notes: wire.notes.map((n) => ({ message: n.message, ...(n.span && { span: at(n.span) }) })),
  };
}
