/**
 * @fileoverview Everything TypeScript does to one sandbox unit, in the typer worker
 * (typerWorker.ts; for builds and the language server, src/lsp/bodyTyping.ts): parse the body
 * (syntax.ts), check its schema types, type and print it (src/codenode), and read its risk facts.
 */
import { lowerBody } from "../../codenode/index.js";
import { createDiagnostic, Diagnostics, type Diagnostic, hasErrors } from "../../diagnostics/index.js";
import type { SandboxUnit } from "../../lower/sandboxes.js";
import type { BodyMap } from "./bodyMap.js";
import { unsupportedReason } from "./marshal.js";
import type { RiskFacts } from "./riskReport.js";
import { sourceRisks } from "./sourceRisks.js";
import { parseBody } from "./syntax.js";

/** What lowering a unit gave: its diagnostics, and its program when it lowered without errors. */
export interface LoweredUnit {
  readonly diagnostics: Diagnostic[];
  readonly source?: string;
  readonly facts?: RiskFacts;
}

/** Parses, checks, types and prints a unit. */
export function lowerUnit(unit: SandboxUnit): LoweredUnit {
  const parsed = parseBody(unit.body);
  const diagnostics = [...parsed.diagnostics];
  if (!parsed.block) return { diagnostics };
  const { map } = parsed;
  const unsupported = unsupportedReason(unit.inputType, "inputs") ?? unsupportedReason(unit.outputType, "output");
  if (unsupported) {
    diagnostics.push(createDiagnostic(Diagnostics.UnsupportedSchemaType, map.whole, unsupported));
    return { diagnostics };
  }
  const lowered = lowerBody(unit.body, unit.inputType, unit.outputType, unit.capabilities);
  diagnostics.push(...lowered.diagnostics);
  if (lowered.source === undefined || hasErrors(lowered.diagnostics)) return { diagnostics };
  return { diagnostics, source: lowered.source, facts: riskFacts(unit, parsed.block, map) };
}

/** The risk facts of a unit whose lowering is cached: undefined when its parse reports anything. */
export function unitFacts(unit: SandboxUnit): RiskFacts | undefined {
  const parsed = parseBody(unit.body);
  if (!parsed.block || parsed.diagnostics.length > 0) return undefined;
  return riskFacts(unit, parsed.block, parsed.map);
}

function riskFacts(
  unit: SandboxUnit,
  block: NonNullable<ReturnType<typeof parseBody>["block"]>,
  map: BodyMap,
): RiskFacts {
  const { loops, functions } = sourceRisks(block, map);
  const where = map.whole.file.position(map.whole.start);
  return { nodeId: unit.nodeId, kind: unit.kind, file: map.whole.file.path, line: where.line, loops, functions };
}
