/**
 * @fileoverview `iceosc`: the compiler's public API. Parse a workflow into the typed plan, check
 * it, compile it to modules, and render diagnostics.
 */
export { compileFiles, type CompileOptions, type CompileResult, type CompiledWorkflow } from "./build/compile.js";
export { parseYamlWorkflow } from "./frontend/index.js";
export { checkWorkflow } from "./check/index.js";
export { Diagnostics, DiagnosticBag, SourceFile, diagnosticToJson, formatDiagnostic, formatDiagnostics, formatLocation, hasErrors, type Diagnostic, type Span } from "./diagnostics/index.js";
export type * from "./plan/node.js";
export type * from "./plan/value.js";
export type * from "./plan/expression.js";
export type { ObjectType, SchemaField, SchemaType } from "../runtime/schema.js";
