/**
 * @fileoverview A plugin module's shape: which functions are tools and what their argument and
 * result types are, from the module's own signatures. A plugin is a TypeScript module in the
 * language code nodes accept; each exported function is a tool (the default export is named after
 * the file), taking one arguments object and returning (a promise of) a result object.
 *
 * The module is checked as the body of one async function (the code-node pipeline's virtual file,
 * src/codenode/declarations.ts, with `export` dropped): its top-level declarations become the
 * body's locals, its functions the body's nested functions. Lines are kept, so every diagnostic
 * points into the plugin file.
 */
import { ts } from "../codenode/typescript.js";
import type { ObjectType, SchemaType } from "../../runtime/schema.js";
import { createDiagnostic, Diagnostics, span, type Diagnostic, type SourceFile } from "../diagnostics/index.js";
import type { EmbeddedSource } from "../plan/node.js";

/** Capabilities a plugin module is compiled with; the operator's grants decide at run time. */
export const PLUGIN_COMPILE_CAPABILITIES: readonly string[] = ["plugin", "math", "log", "time", "random"];

/** Name the anonymous default export gets inside the body. */
const DEFAULT_FUNCTION = "__ice_default";
/** Name a tool's destructured arguments parameter gets (the pattern becomes a `const` in its body). */
const ARGUMENTS = "__ice_args";
/** Names the rewriting introduces (user code may not use names starting with `__`). */
export const PLUGIN_SYNTHETIC_NAMES: ReadonlySet<string> = new Set([DEFAULT_FUNCTION, ARGUMENTS]);

/** One exported function. */
export interface PluginExport {
  /** The tool's name: the function's, or the plugin's for the default export. */
  readonly toolName: string;
  /** The function's name inside the body. */
  readonly functionName: string;
  /** The function's doc comment (offered to agents as the tool's description). */
  readonly description: string | undefined;
  /** Offset of the declaration in the plugin file, and its 0-based line. */
  readonly start: number;
  readonly line: number;
  /** Number of parameters (0 or 1). */
  readonly parameters: number;
}

/** The module rewritten as a body, and its exports. */
export interface PluginModule {
  readonly name: string;
  readonly body: EmbeddedSource;
  readonly exports: readonly PluginExport[];
}

/** A plugin's name from its file name: `tools/slugify.ts` is `slugify`. */
export function pluginNameOf(path: string): string {
  const base = path.replace(/\\/g, "/").split("/").pop() ?? path;
  return base.replace(/\.(ts|mts)$/, "").replace(/[^A-Za-z0-9_]/g, "_");
}

/** Finds the tools and rewrites the module as a body; undefined (with diagnostics) when it cannot. */
export function readPluginModule(file: SourceFile, name: string, diagnostics: Diagnostic[]): PluginModule | undefined {
  const text = file.text;
  const source = ts.createSourceFile(file.path, text, ts.ScriptTarget.ES2017, true, ts.ScriptKind.TS);
  const edits: { start: number; end: number; text: string }[] = [];
  const exports: PluginExport[] = [];
  const at = (node: ts.Node) => span(file, node.getStart(source), node.getEnd());
  let failed = false;
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) || ts.isImportEqualsDeclaration(statement)) {
      diagnostics.push(
        createDiagnostic(Diagnostics.PluginModuleForm, at(statement), [
          "an import",
          "a plugin is one self-contained module; host services come from the capabilities the operator grants (http, kv, log, time, random)",
        ]),
      );
      failed = true;
      continue;
    }
    if (ts.isExportDeclaration(statement) || ts.isExportAssignment(statement)) {
      diagnostics.push(
        createDiagnostic(Diagnostics.PluginModuleForm, at(statement), [
          "this export form",
          "export each tool's function where it is declared: `export async function name(args: Args): Promise<Result>`",
        ]),
      );
      failed = true;
      continue;
    }
    const modifiers = ts.canHaveModifiers(statement) ? (ts.getModifiers(statement) ?? []) : [];
    const exported = modifiers.find((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    const isDefault = modifiers.find((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
    // Blanked, not removed, so that columns stay those of the file.
    edits.push({ start: exported.getStart(source), end: exported.getEnd(), text: " ".repeat(6) });
    if (isDefault) edits.push({ start: isDefault.getStart(source), end: isDefault.getEnd(), text: " ".repeat(7) });
    if (!ts.isFunctionDeclaration(statement)) {
      if (isDefault) {
        diagnostics.push(
          createDiagnostic(Diagnostics.PluginModuleForm, at(statement), [
            "a default export that is not a function",
            "default-export the tool's function: `export default async function (args: Args): Promise<Result>`",
          ]),
        );
        failed = true;
      }
      continue; // an exported type or constant is simply part of the module
    }
    let functionName = statement.name?.text;
    if (!functionName) {
      functionName = DEFAULT_FUNCTION;
      const keyword =
        statement.asteriskToken ?? statement.getChildren(source).find((c) => c.kind === ts.SyntaxKind.FunctionKeyword);
      if (keyword) edits.push({ start: keyword.getEnd(), end: keyword.getEnd(), text: ` ${DEFAULT_FUNCTION}` });
    }
    destructuredArguments(statement, text, source, edits);
    const toolName = isDefault ? name : functionName;
    if (exports.some((e) => e.toolName === toolName)) {
      diagnostics.push(
        createDiagnostic(Diagnostics.PluginToolSignature, at(statement), [
          toolName,
          "two exports give a tool of this name (the default export is named after the file); rename one",
        ]),
      );
      failed = true;
      continue;
    }
    exports.push({
      toolName,
      functionName,
      description: docComment(text, statement, source),
      start: statement.getStart(source),
      line: file.position(statement.getStart(source)).line - 1,
      parameters: statement.parameters.length,
    });
  }
  if (failed) return undefined;
  if (exports.length === 0) {
    diagnostics.push(createDiagnostic(Diagnostics.PluginNoTools, span(file, 0, Math.min(text.length, 1)), [name]));
    return undefined;
  }
  return { name, body: rewrite(file, edits), exports };
}

/**
 * `({ text, separator }: Args)` becomes `(__ice_args: Args)` with `const { text, separator } =
 * __ice_args;` at the start of the body (same lines: the pattern's line breaks stay in the
 * parameter list), since the printer takes a tool's arguments as one object.
 */
function destructuredArguments(
  fn: ts.FunctionDeclaration,
  text: string,
  source: ts.SourceFile,
  edits: { start: number; end: number; text: string }[],
): void {
  const pattern = fn.parameters[0]?.name;
  if (!pattern || ts.isIdentifier(pattern) || !fn.body) return;
  const start = pattern.getStart(source);
  const written = text.slice(start, pattern.getEnd());
  if (written.includes("//") || written.includes("/*")) return; // the printer explains the refusal
  const breaks = written.split("\n").length - 1;
  edits.push({ start, end: pattern.getEnd(), text: `${ARGUMENTS}${"\n".repeat(breaks)}` });
  const open = fn.body.getStart(source) + 1;
  edits.push({ start: open, end: open, text: ` const ${written.replace(/\s*\n\s*/g, " ")} = ${ARGUMENTS};` });
}

/** The plugin file with the edits applied, as an embedded body whose lines map onto the file's. */
function rewrite(file: SourceFile, edits: { start: number; end: number; text: string }[]): EmbeddedSource {
  const text = file.text;
  edits.sort((a, b) => a.start - b.start);
  let out = "";
  let from = 0;
  for (const edit of edits) {
    out += text.slice(from, edit.start) + edit.text;
    from = edit.end;
  }
  out += text.slice(from);
  // Edits never add or remove line breaks, so line i of the body is line i of the file.
  const lineOrigins: number[] = [];
  for (let line = 1; line <= file.lineCount; line++) lineOrigins.push(file.lineStart(line));
  return { text: out, lineOrigins, span: span(file, 0, text.length) };
}

/** The `/** ... *\/` comment right before a declaration, as plain text. */
function docComment(text: string, node: ts.Node, source: ts.SourceFile): string | undefined {
  const ranges = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
  const last = ranges[ranges.length - 1];
  if (!last || !text.startsWith("/**", last.pos)) return undefined;
  void source;
  const body = text
    .slice(last.pos + 3, last.end - 2)
    .split("\n")
    .map((line) => line.replace(/^\s*\*\s?/, "").trim())
    .filter((line) => line !== "" && !line.startsWith("@"))
    .join(" ");
  return body || undefined;
}

/** The schema type of a checker type, or why a tool's arguments or result cannot have it. */
export function schemaOfType(checker: ts.TypeChecker, type: ts.Type, depth = 0): SchemaType | string {
  if (depth > 20) return "recursive types cannot cross the sandbox boundary";
  const flags = type.flags;
  if (flags & (ts.TypeFlags.String | ts.TypeFlags.StringLiteral)) return { kind: "string" };
  if (flags & (ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral)) return { kind: "number" };
  if (flags & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return { kind: "boolean" };
  if (type.isUnion()) {
    const defined = type.types.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)));
    if (defined.every((t) => t.flags & ts.TypeFlags.BooleanLiteral)) return { kind: "boolean" };
    if (defined.every((t) => t.flags & ts.TypeFlags.StringLiteral)) return { kind: "string" };
    if (defined.every((t) => t.flags & ts.TypeFlags.NumberLiteral)) return { kind: "number" };
    return `'${checker.typeToString(type)}' (a union) cannot cross the sandbox boundary; use one type`;
  }
  if (checker.isArrayType(type)) {
    const [element] = checker.getTypeArguments(type as ts.TypeReference);
    const inner = element ? schemaOfType(checker, element, depth + 1) : "an array of unknown elements";
    return typeof inner === "string" ? inner : { kind: "array", element: inner };
  }
  if (flags & ts.TypeFlags.Object && type.getCallSignatures().length === 0) {
    const name = type.getSymbol()?.getName();
    if (name === "Map" || name === "Set" || name === "Promise" || name === "Error")
      return `'${checker.typeToString(type)}' cannot cross the sandbox boundary; use arrays and plain objects`;
    if (checker.getIndexInfosOfType(type).length > 0)
      return `'${checker.typeToString(type)}' has an index signature; list the fields`;
    const fields: { name: string; type: SchemaType; optional: boolean }[] = [];
    for (const property of checker.getPropertiesOfType(type)) {
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      const propertyType = declaration
        ? checker.getTypeOfSymbolAtLocation(property, declaration)
        : checker.getTypeOfSymbol(property);
      const optional = (property.flags & ts.SymbolFlags.Optional) !== 0;
      const converted = schemaOfType(
        checker,
        optional ? checker.getNonNullableType(propertyType) : propertyType,
        depth + 1,
      );
      if (typeof converted === "string") return `field '${property.name}': ${converted}`;
      fields.push({ name: property.name, type: converted, optional });
    }
    return { kind: "object", fields };
  }
  return `'${checker.typeToString(type)}' cannot cross the sandbox boundary`;
}

/** The argument and result object types of an exported function, or why it is not a tool. */
export function toolTypes(
  checker: ts.TypeChecker,
  fn: ts.FunctionDeclaration,
): { inputType: ObjectType; outputType: ObjectType; result?: SchemaType; returnsNothing?: true } | string {
  if (fn.parameters.length > 1) return "a tool takes one parameter, its arguments object";
  if (fn.asteriskToken) return "a generator is not a tool";
  const signature = checker.getSignatureFromDeclaration(fn);
  if (!signature) return "its signature cannot be read";
  let inputType: ObjectType = { kind: "object", fields: [] };
  const parameter = fn.parameters[0];
  if (parameter) {
    if (!parameter.type) return "give the arguments parameter a type: `(args: Args)`";
    const type = schemaOfType(checker, checker.getTypeAtLocation(parameter));
    if (typeof type === "string") return `its arguments: ${type}`;
    if (type.kind !== "object") return "its parameter must be an arguments object (`{ text: string }`)";
    inputType = type;
  }
  let result = checker.getReturnTypeOfSignature(signature);
  if (result.getSymbol()?.getName() === "Promise") {
    const [inner] = checker.getTypeArguments(result as ts.TypeReference);
    if (inner) result = inner;
  }
  if (result.flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined))
    return { inputType, outputType: { kind: "object", fields: [] }, returnsNothing: true };
  const outputType = schemaOfType(checker, result);
  if (typeof outputType === "string") return `its result: ${outputType}`;
  if (outputType.kind === "object") return { inputType, outputType };
  // Any other result crosses the boundary as the field `value` of an object (unwrapped by the host).
  return {
    inputType,
    outputType: { kind: "object", fields: [{ name: "value", type: outputType, optional: false }] },
    result: outputType,
  };
}
