/**
 * @fileoverview `iceosc`: the compiler's public API. Parse a workflow (YAML or .ice) into the
 * typed plan, check it, print it in either form, compile it to modules, and render diagnostics.
 */
// compiling
export { compileFiles, type CompileOptions, type CompileResult, type CompiledWorkflow } from "./build/compile.js";
// front ends and printers
export { parseIceWorkflow, parseYamlWorkflow } from "./frontend/index.js";
export { PrintError, printIce, printYaml } from "./print/index.js";
// checking
export { checkWorkflow, CHECK_RULES, type CheckOptions, type CheckRule } from "./check/index.js";
// diagnostics
export {
  Diagnostics,
  DiagnosticBag,
  SourceFile,
  diagnosticToJson,
  formatDiagnostic,
  formatDiagnostics,
  formatLocation,
  hasErrors,
  type Diagnostic,
  type Span,
} from "./diagnostics/index.js";
// the plan
export type * from "./plan/node.js";
export type * from "./plan/value.js";
export type * from "./plan/expression.js";
export type { ObjectType, SchemaField, SchemaType } from "../runtime/schema.js";
