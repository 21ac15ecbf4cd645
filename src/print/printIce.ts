/**
 * @fileoverview Plan to .ice text (`iceosc convert --to ice`). The printed file parses back to
 * the same plan (spans aside): code bodies and condition expressions are printed as written,
 * a code node's typed inputs become parameters `name: type = value` when the order of its
 * `inputs` and `input_schema` allows, and an `input_schema` clause otherwise.
 *
 * The plan has no comments; `iceosc fmt` passes an IceComments that gives the comment lines to
 * print before each item (declaration, node, output) and at the end of each block, found by the
 * items' source spans (see src/format/commentPlacement.ts).
 */
import type { Span } from "../diagnostics/index.js";
import type {
  CodeNode,
  EmbeddedSource,
  JsonValue,
  Named,
  ObjectType,
  PlanNode,
  ToolDeclaration,
  ValueEntry,
  Workflow,
  WorkflowAbout,
} from "../plan/index.js";
import { DEFAULT_MAX_ITERATIONS, DEFAULT_MAX_ROUNDS } from "../plan/defaults.js";
import { ownSettings } from "../frontend/ice/modelSettings.js";
import { META_KEYS } from "../frontend/ice/meta.js";
import { printConstant, printObjectType, printTemplate, printType, printValue } from "./iceValues.js";
import { printName } from "./names.js";

const INDENT = "  ";
const WIDE = 100;

/** Comment lines to print around the items of a plan, by their source spans. */
export interface IceComments {
  /** Lines before the item at `span` (each starting with `indent`). */
  before(span: Span, indent: string): string[];
  /** Lines at the end of block `index` of the item at `owner`, before its `}` (the workflow: 0; 1 is after its `}`). */
  end(owner: Span, index: number, indent: string): string[];
}

const NO_COMMENTS: IceComments = { before: () => [], end: () => [] };

/** The workflow as an .ice file. */
export function printIce(workflow: Workflow, comments: IceComments = NO_COMMENTS): string {
  const params =
    workflow.inputSchema.fields.length > 0
      ? printParams(
          workflow.inputSchema.fields.map((f) => ({
            key: f.name,
            type: `${f.optional ? "?" : ""}: ${printType(f.type)}`,
          })),
          "",
        )
      : "";
  const blocks: string[][] = [];
  if (workflow.about) blocks.push(printMeta(workflow.about));
  if (workflow.tools.length > 0)
    blocks.push(workflow.tools.flatMap((t) => [...comments.before(t.span, INDENT), ...printDeclaration(t, INDENT)]));
  for (const node of workflow.nodes) blocks.push(printNode(node, INDENT, comments));
  if (workflow.outputs.length > 0)
    blocks.push(
      workflow.outputs.flatMap((o) => [
        ...comments.before(o.keySpan, INDENT),
        `${INDENT}output ${printName(o.key)} = ${printValue(o.value)}`,
      ]),
    );
  const last = comments.end(workflow.span, 0, INDENT);
  if (last.length > 0) blocks.push(last);
  const header = comments.before(workflow.span, "");
  const head = header.length > 0 ? `${header.join("\n")}\n` : "";
  return `${head}workflow ${printName(workflow.name)}${params} {\n${blocks.map((b) => b.join("\n")).join("\n\n")}\n}\n${comments
    .end(workflow.span, 1, "")
    .map((l) => `${l}\n`)
    .join("")}`;
}

/** `meta key = value` lines, in the order of META_KEYS. */
function printMeta(about: WorkflowAbout): string[] {
  return Object.entries(META_KEYS).flatMap(([key, field]) => {
    const value = about[field];
    return value === undefined ? [] : [`${INDENT}meta ${key} = ${printConstant(value as JsonValue)}`];
  });
}

/** `declare tool name(params): type` and its description. */
function printDeclaration(tool: ToolDeclaration, indent: string): string[] {
  const params = tool.inputSchema
    ? printParams(
        tool.inputSchema.fields.map((f) => ({ key: f.name, type: `${f.optional ? "?" : ""}: ${printType(f.type)}` })),
      )
    : "";
  const output = tool.outputSchema ? `: ${printType(tool.outputSchema)}` : "";
  const lines = [`${indent}declare tool ${printName(tool.name)}${params}${output}`];
  if (tool.description !== undefined) lines.push(`${indent}${INDENT}description ${JSON.stringify(tool.description)}`);
  return lines;
}

/** One node, its clauses on the following lines, after its comments. */
export function printNode(node: PlanNode, indent: string, comments: IceComments = NO_COMMENTS): string[] {
  return [...comments.before(node.span, indent), ...printNodeItself(node, indent, comments)];
}

function printNodeItself(node: PlanNode, indent: string, comments: IceComments): string[] {
  const id = printName(node.id);
  const output = node.outputSchema ? `: ${printObjectType(node.outputSchema)}` : "";
  const clauses = commonClauses(node, indent + INDENT);
  const withClauses = (head: string, extra: string[] = []): string[] => [indent + head, ...extra, ...clauses];
  switch (node.kind) {
    case "tool":
      return withClauses(`tool ${id} = ${printName(node.toolName.name)}${printArguments(node.args, indent)}${output}`);
    case "workflow":
      return withClauses(
        `workflow ${id} = ${printName(node.workflowRef.name)}${printArguments(node.inputs, indent)}${output}`,
      );
    case "condition": {
      const branches = [
        ...(node.truePath.length > 0 ? [`then ${printNames(node.truePath)}`] : []),
        ...(node.falsePath.length > 0 ? [`else ${printNames(node.falsePath)}`] : []),
      ];
      return withClauses(
        `condition ${id}(${node.source.text})${output}`,
        branches.map((b) => indent + INDENT + b),
      );
    }
    case "code":
      return printCode(node, id, output, indent, clauses);
    case "loop": {
      const parallel =
        node.maxParallel === 1 ? "" : node.maxParallel === 0 ? " parallel" : ` parallel ${node.maxParallel}`;
      const head = `loop ${id}(${printName(node.itemVar.name)} of ${printValue(node.itemsSource)})${output}${parallel}`;
      const [open, ...rest] = printBlock(node.body, indent, comments, comments.end(node.span, 0, indent + INDENT));
      return clauses.length === 0
        ? [`${indent}${head} ${open}`, ...rest]
        : [...withClauses(head), indent + open, ...rest];
    }
    case "parallel": {
      const branches = node.branches.flatMap((branch, i) => {
        const ending = comments.end(node.span, i, indent + INDENT + INDENT);
        const [open, ...rest] = printBlock(branch, indent + INDENT, comments, ending);
        return [`${indent}${INDENT}branch ${open}`, ...rest];
      });
      const head =
        clauses.length > 0
          ? [...withClauses(`parallel ${id}${output}`), `${indent}{`]
          : [`${indent}parallel ${id}${output} {`];
      return [...head, ...branches, `${indent}}`];
    }
    case "llm":
    case "agent":
    case "recursive": {
      const settings: [string, string][] = [];
      if (node.model !== undefined) settings.push(["model", printValue(node.model)]);
      if (node.kind !== "llm") {
        if (node.tools.length > 0) settings.push(["tools", printNames(node.tools)]);
        if (node.maxIterations !== DEFAULT_MAX_ITERATIONS)
          settings.push(["max_iterations", String(node.maxIterations)]);
        if (node.package) settings.push(["package", JSON.stringify(node.package.name)]);
        if (node.memory)
          settings.push([
            "memory",
            node.memory.key === undefined
              ? JSON.stringify(node.memory.backend)
              : printConstant({ backend: node.memory.backend, key: node.memory.key }),
          ]);
      }
      if (node.kind === "recursive") {
        if (node.sources.length > 0) settings.push(["sources", printNames(node.sources)]);
        if (node.maxRounds !== DEFAULT_MAX_ROUNDS) settings.push(["max_rounds", String(node.maxRounds)]);
      }
      settings.push(...configSettings(node.llmConfig, ownSettings(node.kind)));
      const args =
        settings.length > 0
          ? printList(
              settings.map(([k, v]) => `${k}: ${v}`),
              "(",
              ")",
              indent,
            )
          : "";
      const until =
        node.kind === "recursive" && node.convergence
          ? [`${indent}${INDENT}until (${node.convergence.source.text})`]
          : [];
      const prompt = printTemplate(node.prompt);
      if (clauses.length === 0 && until.length === 0) return [`${indent}${node.kind} ${id}${args}${output} ${prompt}`];
      return [...withClauses(`${node.kind} ${id}${args}${output}`), ...until, `${indent}${INDENT}${prompt}`];
    }
  }
}

/** Settings written flat, or as `llm_config: { ... }` when a name is taken. */
function configSettings(config: { readonly [key: string]: JsonValue }, taken: readonly string[]): [string, string][] {
  const entries = Object.entries(config);
  if (entries.length === 0) return [];
  if (entries.some(([k]) => taken.includes(k))) return [["llm_config", printConstant(config)]];
  return entries.map(([k, v]) => [printName(k), printConstant(v)]);
}

/** `code id(params): output clauses { body }` */
function printCode(node: CodeNode, id: string, output: string, indent: string, clauses: string[]): string[] {
  const params = codeParams(node);
  const extra = params.schemaClause ? [`${indent}${INDENT}input_schema ${printObjectType(params.schemaClause)}`] : [];
  const imports = node.imports.length > 0 ? [`${indent}${INDENT}imports ${printNames(node.imports)}`] : [];
  const head = `code ${id}${printParams(params.params, indent)}${output}`;
  const all = [...imports, ...clauses, ...extra];
  const body = printBody(node.code, indent);
  if (all.length === 0) return [`${indent}${head} ${body[0]}`, ...body.slice(1)];
  return [indent + head, ...all, `${indent}${body[0]}`, ...body.slice(1)];
}

/** Parameters merging `inputs` (values) and `input_schema` (types), when their orders agree. */
function codeParams(node: CodeNode): {
  params: { key: string; type?: string; value?: string }[];
  schemaClause?: ObjectType;
} {
  const schema = node.inputSchema;
  const valueOnly = node.inputs.map((i) => ({ key: i.key, value: printValue(i.value) }));
  if (!schema) return { params: valueOnly };
  const keys = new Set(node.inputs.map((i) => i.key));
  const typedKeys = new Set(schema.fields.map((f) => f.name));
  const commonInInputs = node.inputs.filter((i) => typedKeys.has(i.key)).map((i) => i.key);
  const commonInSchema = schema.fields.filter((f) => keys.has(f.name)).map((f) => f.name);
  if (schema.fields.length === 0 || commonInInputs.join("\0") !== commonInSchema.join("\0"))
    return { params: valueOnly, schemaClause: schema };
  const params: { key: string; type?: string; value?: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < node.inputs.length || j < schema.fields.length) {
    const input = node.inputs[i];
    const field = schema.fields[j];
    if (input && field && input.key === field.name) {
      params.push({
        key: input.key,
        type: `${field.optional ? "?" : ""}: ${printType(field.type)}`,
        value: printValue(input.value),
      });
      i++;
      j++;
    } else if (input && !typedKeys.has(input.key)) {
      params.push({ key: input.key, value: printValue(input.value) });
      i++;
    } else if (field) {
      params.push({ key: field.name, type: `${field.optional ? "?" : ""}: ${printType(field.type)}` });
      j++;
    }
  }
  return { params };
}

/** The body between braces, dedented as the parser expects. */
function printBody(code: EmbeddedSource, indent: string): string[] {
  const text = code.text;
  if (text === "") return ["{}"];
  if (!text.includes("\n") && text === text.trim()) return [`{ ${text} }`];
  const trailing = text.endsWith("\n");
  const lines = (trailing ? text.slice(0, -1) : text).split("\n").map((l) => (l === "" ? "" : indent + INDENT + l));
  return trailing ? ["{", ...lines, `${indent}}`] : ["{", ...lines.slice(0, -1), `${lines.at(-1)} }`];
}

/** `{` nodes `}` of a loop body or parallel branch; the first line carries no indentation. */
function printBlock(
  nodes: readonly PlanNode[],
  indent: string,
  comments: IceComments,
  ending: readonly string[],
): string[] {
  if (nodes.length === 0 && ending.length === 0) return ["{}"];
  const inner = nodes.flatMap((n, i) => [...(i > 0 ? [""] : []), ...printNode(n, indent + INDENT, comments)]);
  if (ending.length > 0 && nodes.length > 0) inner.push("");
  return ["{", ...inner, ...ending, `${indent}}`];
}

/** Clauses every node may have. */
function commonClauses(node: PlanNode, indent: string): string[] {
  const out: string[] = [];
  if (node.title !== undefined) out.push(`title ${JSON.stringify(node.title)}`);
  if (node.description !== undefined) out.push(`description ${JSON.stringify(node.description)}`);
  if (node.dependencies.length > 0) out.push(`after ${printNames(node.dependencies)}`);
  if (node.retries !== undefined) out.push(`retries ${node.retries}`);
  if (node.retryPolicy) {
    const p = node.retryPolicy;
    const fields = [
      ["max_attempts", p.maxAttempts],
      ["base_delay_ms", p.baseDelayMs],
      ["factor", p.factor],
      ["max_delay_ms", p.maxDelayMs],
    ].filter(([, v]) => v !== undefined);
    out.push(`retry_policy ${fields.length === 0 ? "{}" : `{ ${fields.map(([k, v]) => `${k}: ${v}`).join(", ")} }`}`);
  }
  if (node.onFailure) out.push(`on_failure ${node.onFailure}`);
  if (node.timeoutSeconds !== undefined)
    out.push(`timeout ${/e/.test(String(node.timeoutSeconds)) ? node.timeoutSeconds : `${node.timeoutSeconds}s`}`);
  if (node.limits) {
    const fields = [
      ["fuel", node.limits.fuel],
      ["memory_mb", node.limits.memoryMb],
      ["timeout_ms", node.limits.timeoutMs],
    ].filter(([, v]) => v !== undefined);
    out.push(
      `limits ${fields.length === 0 ? "{}" : `{ ${fields.map(([k, v]) => `${k}: ${groupDigits(v as number)}`).join(", ")} }`}`,
    );
  }
  if (node.trust) out.push(`trust ${printName(node.trust.name)}`);
  if (node.inputSchema && node.kind !== "code") out.push(`input_schema ${printObjectType(node.inputSchema)}`);
  return out.map((c) => indent + c);
}

/** Large integer limits in groups of three digits (`5_000_000`), as people write budgets. */
function groupDigits(value: number): string {
  const text = String(value);
  return Number.isInteger(value) && /^\d{5,}$/.test(text) ? text.replace(/\B(?=(\d{3})+$)/g, "_") : text;
}

function printNames(names: readonly Named[]): string {
  return `[${names.map((n) => printName(n.name)).join(", ")}]`;
}

/** `(key: value, ...)`, one per line when long. */
function printArguments(entries: readonly ValueEntry[], indent: string): string {
  return printList(
    entries.map((e) => `${printName(e.key)}: ${printValue(e.value)}`),
    "(",
    ")",
    indent,
  );
}

function printParams(params: readonly { key: string; type?: string; value?: string }[], indent = INDENT): string {
  return printList(
    params.map((p) => `${printName(p.key)}${p.type ?? ""}${p.value !== undefined ? ` = ${p.value}` : ""}`),
    "(",
    ")",
    indent,
  );
}

function printList(items: readonly string[], open: string, close: string, indent: string): string {
  const flat = `${open}${items.join(", ")}${close}`;
  if (flat.length + indent.length < WIDE && !items.some((i) => i.includes("\n"))) return flat;
  return `${open}\n${items.map((i) => `${indent}${INDENT}${i},`).join("\n")}\n${indent}${close}`;
}
