/**
 * @fileoverview The YAML front end's entry point: a workflow document (README "Workflows in YAML", the iceOS
 * blueprint field names) to the typed plan.
 *
 *   Workflow : { name?, description?, version?, input_schema?, inputs?, nodes, outputs?, tools?,
 *                id?, schema_version?, api_version?, metadata? }
 *
 * `name` defaults to the file's base name without extension. The iceOS blueprint shapes (inputs
 * lists, outputs lists, metadata, body_nodes, `.response`) are read by the files of `iceos/`. Reading goes on after errors so
 * that one run reports everything wrong in the file; the plan is returned only when there are
 * no errors.
 */
import { type Document, isSeq, parseDocument, YAMLParseError } from "yaml";
import {
  didYouMean,
  Diagnostics,
  sortDiagnostics,
  span,
  type Diagnostic,
  type RelatedNote,
  type SourceFile,
} from "../../diagnostics/index.js";
import type { ObjectType, Workflow } from "../../plan/index.js";
import { checkSourceSize, checkYamlBounds, tooDeep, yamlFlowOverflow } from "../bounds.js";
import { checkWorkflowNames } from "../names.js";
import { YamlContext, type MapEntry } from "./context.js";
import { findDuplicateKeys } from "./duplicateKeys.js";
import { TOP_LEVEL_FIELDS } from "./fieldTable.js";
import { readNodeList } from "./nodes.js";
import { readObjectType } from "./schemaTypes.js";
import { readToolDeclarations } from "./toolDeclarations.js";
import { readValueMap } from "./values.js";
import { resolveReplyText } from "../replyText.js";
import { readAbout } from "./iceos/about.js";
import { moveBodyNodes } from "./iceos/bodyNodes.js";
import { mergeInputNames } from "./iceos/inputs.js";
import { everyNodeOutput, readOutputList } from "./iceos/outputs.js";

/** The result of reading one workflow file. */
export interface YamlParseResult {
  /** The plan; undefined when any error was reported. */
  readonly workflow: Workflow | undefined;
  readonly diagnostics: Diagnostic[];
  /** The plan as far as it could be read, also with errors (for editors: completion, symbols). */
  readonly partial?: Workflow;
}

const EMPTY_OBJECT: ObjectType = { kind: "object", fields: [] };

/** Parses a YAML workflow file into the plan. */
/** Advice for the YAML mistake workflow authors make most: `[]` of a list type in a `{ ... }` map. */
function yamlHint(text: string, at: number): RelatedNote[] {
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  const lineEnd = text.indexOf("\n", at);
  const line = text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
  if (/\{[^}]*\b\w+\[\]/.test(line))
    return [
      { message: 'inside `{ ... }`, quote a list type: `{ xs: "number[]" }` (unquoted, `[` starts a YAML list)' },
    ];
  return [];
}

/** YAML errors that are not the echo of an earlier one. */
const STANDALONE_YAML_ERRORS: ReadonlySet<string> = new Set(["DUPLICATE_KEY"]);

export function parseYamlWorkflow(file: SourceFile): YamlParseResult {
  const tooLarge = checkSourceSize(file);
  if (tooLarge) return { workflow: undefined, diagnostics: [tooLarge] };
  const deep = yamlFlowOverflow(file.text);
  if (deep !== undefined)
    return { workflow: undefined, diagnostics: [tooDeep(file, deep, deep + 1, "this YAML value")] };
  let document: Document;
  try {
    document = parseDocument(file.text, {
      prettyErrors: false,
      keepSourceTokens: true,
      // Checked below in one pass: the library's own check is quadratic in a map's size.
      uniqueKeys: false,
    });
  } catch (error) {
    // The YAML library recurses on nesting; bounds are checked on its result, so a document
    // too deep for the library itself is reported the same way.
    if (!(error instanceof RangeError)) throw error;
    return { workflow: undefined, diagnostics: [tooDeep(file, 0, 0, "this YAML document")] };
  }
  for (const duplicate of findDuplicateKeys(document))
    document.errors.push(new YAMLParseError([...duplicate.pos], "DUPLICATE_KEY", "Map keys must be unique"));
  if (document.errors.some((e) => e.message.includes("call stack")))
    return { workflow: undefined, diagnostics: [tooDeep(file, 0, 0, "this YAML document")] };
  if (document.errors.length > 0) {
    // After a syntax error the YAML parser re-synchronises poorly: what follows the first one is
    // mostly its echo (one misplaced `[` gave 50 errors, one per token to the end of the file).
    // So: the first syntax error, plus the errors that stand alone (duplicate keys), at most 50.
    const syntax = document.errors.filter((e) => !STANDALONE_YAML_ERRORS.has(e.code));
    const first = syntax.reduce<(typeof syntax)[number] | undefined>(
      (a, e) => (a === undefined || e.pos[0] < a.pos[0] ? e : a),
      undefined,
    );
    const shown = document.errors.filter((e) => e === first || STANDALONE_YAML_ERRORS.has(e.code));
    const diagnostics = shown.slice(0, 50).map((e) => ({
      code: Diagnostics.YamlSyntax.code,
      severity: Diagnostics.YamlSyntax.severity,
      message: e.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, ""),
      span: span(file, e.pos[0], e.pos[1]),
      notes: yamlHint(file.text, e.pos[0]),
    }));
    return { workflow: undefined, diagnostics: sortDiagnostics(diagnostics) };
  }
  const unbounded = checkYamlBounds(file, document);
  if (unbounded) return { workflow: undefined, diagnostics: [unbounded] };
  const ctx = new YamlContext(file, document);
  const entries = ctx.mapping(ctx.resolve(document.contents), "a workflow file", span(file, 0));
  if (!entries) return { workflow: undefined, diagnostics: [...ctx.bag.all] };
  const fields = new Map<string, MapEntry>(entries.map((e) => [e.key, e]));
  for (const entry of entries) {
    if (!TOP_LEVEL_FIELDS.includes(entry.key))
      ctx.bag.report(Diagnostics.UnknownTopLevelField, entry.keySpan, [
        entry.key,
        didYouMean(entry.key, TOP_LEVEL_FIELDS),
      ]);
  }
  const whole = ctx.span(document.contents);
  const nameEntry = fields.get("name");
  const name = (nameEntry && ctx.string(nameEntry)) ?? baseName(file.path);
  const about = readAbout(ctx, fields);
  const schemaEntry = fields.get("input_schema");
  const declared = schemaEntry ? readObjectType(ctx, schemaEntry.value, "input_schema") : EMPTY_OBJECT;
  const inputsEntry = fields.get("inputs");
  const inputSchema = declared && inputsEntry ? mergeInputNames(ctx, inputsEntry, declared) : declared;
  const nodesEntry = fields.get("nodes");
  if (!nodesEntry) ctx.bag.report(Diagnostics.MissingTopLevelField, span(file, whole.start), ["nodes"]);
  const nodes = moveBodyNodes(ctx, nodesEntry ? readNodeList(ctx, nodesEntry.value, "nodes", nodesEntry.keySpan) : []);
  const outputsEntry = fields.get("outputs");
  const outputs = !outputsEntry
    ? ICEOS_MARKERS.some((m) => fields.has(m))
      ? everyNodeOutput(nodes)
      : []
    : isSeq(outputsEntry.value)
      ? readOutputList(ctx, outputsEntry.value, outputsEntry.keySpan)
      : readValueMap(ctx, outputsEntry);
  const toolsEntry = fields.get("tools");
  const tools = toolsEntry ? readToolDeclarations(ctx, toolsEntry) : [];
  const nameSpan = nameEntry && ctx.span(nameEntry.value, nameEntry.keySpan);
  const workflow: Workflow = {
    name,
    span: whole,
    ...(nameSpan && { nameSpan }),
    ...(about && { about }),
    inputSchema: inputSchema ?? EMPTY_OBJECT,
    nodes,
    outputs,
    tools,
  };
  checkWorkflowNames(workflow, ctx.bag);
  const diagnostics = sortDiagnostics(ctx.bag.all);
  if (ctx.bag.hasErrors || !inputSchema) return { workflow: undefined, diagnostics, partial: workflow };
  return { workflow: resolveReplyText(workflow), diagnostics, partial: workflow };
}

/** Top-level fields only iceOS blueprints carry. */
const ICEOS_MARKERS = ["id", "schema_version", "api_version", "metadata", "inputs"];

/** `dir/word_stats.yaml` to `word_stats`. */
function baseName(path: string): string {
  const file = path.split(/[\\/]/).pop() ?? path;
  return file.replace(/\.[^.]*$/, "") || file;
}
