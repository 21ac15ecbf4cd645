/**
 * @fileoverview The types of references. A reference's root is a loop item variable in scope,
 * `inputs`, or a node id; its type comes from the workflow's `input_schema`, the node's output
 * type, or the element type of the loop's items source, and then each further path segment
 * selects a field (objects), an element (`rows.0` on lists) or `length` (lists and strings).
 *
 * Node output types: `output_schema` when declared; otherwise a tool's declared `output_schema`
 * (`tools:`) or its built-in result type, `{ text: string }` for llm and agent nodes, `{ result: boolean }` for conditions,
 * `{ results: T[] }` for loops (T: the output type of the body's last node), `{ branches: any[] }`
 * for parallel blocks, and `any` for what cannot be known (undeclared tools, sub-workflows,
 * code without a schema). A built-in tool's result type is open: fields it does not list are
 * `any` (toolSignatures.ts).
 */
import { ANY, BOOLEAN, INTEGER, NUMBER, STRING, type ObjectType, type SchemaType } from "../../runtime/schema.js";
import { ENV_ROOT, INPUTS_ROOT } from "../plan/dependencies.js";
import { isAssignable } from "./assignable.js";
import { allNodes, type JsonValue, type LoopNode, type PlanNode, type Value, type Workflow } from "../plan/index.js";
import { isOpenType, toolSignature } from "./toolSignatures.js";

/** The containers (loops, parallel blocks) around a reference, outermost first. */
export type ReferenceScope = readonly PlanNode[];

/** What the root of a reference names. */
export type RootBinding =
  | { readonly kind: "inputs"; readonly type: ObjectType }
  /** `env.NAME`: an environment variable, a string (absent when unset). */
  | { readonly kind: "env"; readonly type: SchemaType }
  | { readonly kind: "item"; readonly loop: LoopNode; readonly type: SchemaType }
  | { readonly kind: "node"; readonly node: PlanNode; readonly type: SchemaType };

/** A reference resolved as far as it goes. */
export interface ResolvedReference {
  readonly binding: RootBinding;
  /** The type of the whole path; undefined when a segment names nothing. */
  readonly type: SchemaType | undefined;
  /** Index of the first segment that names nothing, with the type it was looked up in. */
  readonly failure?: { readonly index: number; readonly parent: SchemaType };
}

const TEXT_OUTPUT: ObjectType = { kind: "object", fields: [{ name: "text", type: STRING, optional: false }] };
const CONDITION_OUTPUT: ObjectType = { kind: "object", fields: [{ name: "result", type: BOOLEAN, optional: false }] };
const PARALLEL_OUTPUT: ObjectType = {
  kind: "object",
  fields: [{ name: "branches", type: { kind: "array", element: ANY }, optional: false }],
};

/** `env` itself: its fields (variable names) are strings, see resolveReference. */
const ENV_TYPE: SchemaType = ANY;

const nodeIndexes = new WeakMap<Workflow, Map<string, PlanNode>>();

/** The node with id `id` (the first, if duplicated), at any depth. */
export function findNode(workflow: Workflow, id: string): PlanNode | undefined {
  let index = nodeIndexes.get(workflow);
  if (!index) {
    index = new Map();
    for (const node of allNodes(workflow.nodes)) if (!index.has(node.id)) index.set(node.id, node);
    nodeIndexes.set(workflow, index);
  }
  return index.get(id);
}

/** What `root` names in `scope`: the innermost loop item variable, then `inputs`, then a node. */
export function bindRoot(workflow: Workflow, root: string, scope: ReferenceScope): RootBinding | undefined {
  for (let i = scope.length - 1; i >= 0; i--) {
    const container = scope[i]!;
    if (container.kind === "loop" && container.itemVar.name === root)
      return { kind: "item", loop: container, type: itemTypeOf(workflow, container, scope.slice(0, i)) };
  }
  if (root === INPUTS_ROOT) return { kind: "inputs", type: workflow.inputSchema };
  const node = findNode(workflow, root);
  if (!node && root === ENV_ROOT) return { kind: "env", type: ENV_TYPE };
  return node && { kind: "node", node, type: outputTypeOf(workflow, node) };
}

/** Resolves every segment of a reference path; undefined when the root names nothing. */
export function resolveReference(
  workflow: Workflow,
  path: readonly string[],
  scope: ReferenceScope,
): ResolvedReference | undefined {
  const binding = path[0] === undefined ? undefined : bindRoot(workflow, path[0], scope);
  if (!binding) return undefined;
  let type: SchemaType = binding.type;
  if (binding.kind === "env") {
    // `env.NAME` is a string; past the name, nothing is known.
    if (path.length === 1) return { binding, type: ANY };
    return { binding, type: path.length === 2 ? STRING : ANY };
  }
  for (let index = 1; index < path.length; index++) {
    const next = selectSegment(type, path[index]!);
    if (!next) return { binding, type: undefined, failure: { index, parent: type } };
    type = next;
  }
  return { binding, type };
}

/** The type of `path` read in `scope`, or undefined when it names nothing. */
export function typeOfReference(
  workflow: Workflow,
  path: readonly string[],
  scope: ReferenceScope,
): SchemaType | undefined {
  return resolveReference(workflow, path, scope)?.type;
}

/** The type of one field, element or `length` of `type`. */
export function selectSegment(type: SchemaType, segment: string): SchemaType | undefined {
  switch (type.kind) {
    case "any":
      return ANY;
    case "object":
      return type.fields.find((f) => f.name === segment)?.type ?? (isOpenType(type) ? ANY : undefined);
    case "array":
      return /^\d+$/.test(segment) ? type.element : segment === "length" ? INTEGER : undefined;
    case "string":
      return segment === "length" ? INTEGER : undefined;
    default:
      return undefined;
  }
}

/** The output type of a node (see the file overview). */
export function outputTypeOf(workflow: Workflow, node: PlanNode): SchemaType {
  if (node.kind === "recursive") return recursiveOutputType(node.outputSchema);
  if (node.kind === "agent" && node.outputSchema) return agentOutputType(node.outputSchema);
  if (node.outputSchema) return node.outputSchema;
  switch (node.kind) {
    case "tool":
      return toolSignature(workflow, node.toolName.name)?.outputSchema ?? ANY;
    case "llm":
    case "agent":
      return TEXT_OUTPUT;
    case "condition":
      return CONDITION_OUTPUT;
    case "loop": {
      const last = node.body.at(-1);
      const element = last ? outputTypeOf(workflow, last) : ANY;
      return { kind: "object", fields: [{ name: "results", type: { kind: "array", element }, optional: false }] };
    }
    case "parallel":
      return PARALLEL_OUTPUT;
    case "code":
    case "workflow":
      return ANY;
  }
}

/** A round's output (`output_schema`, else `{ text }`) with `rounds` and `converged`. */
export function recursiveOutputType(roundOutput: ObjectType | undefined): ObjectType {
  const round = roundOutput ? agentOutputType(roundOutput) : TEXT_OUTPUT;
  return {
    kind: "object",
    fields: [
      ...round.fields.filter((f) => f.name !== "rounds" && f.name !== "converged"),
      { name: "rounds", type: INTEGER, optional: false },
      { name: "converged", type: BOOLEAN, optional: false },
    ],
  };
}

/**
 * An agent's output with an output_schema: the schema's fields (present when the final reply is
 * JSON that fits it) and always `text`, the reply itself.
 */
export function agentOutputType(schema: ObjectType): ObjectType {
  if (schema.fields.some((f) => f.name === "text")) return schema;
  return { kind: "object", fields: [...schema.fields, { name: "text", type: STRING, optional: false }] };
}

/** The type of a loop's item: the element type of its items source (`any` if unknown). */
export function itemTypeOf(workflow: Workflow, loop: LoopNode, scope: ReferenceScope): SchemaType {
  const source = typeOfValue(workflow, loop.itemsSource, scope);
  return source?.kind === "array" ? source.element : ANY;
}

/** The type of a value written in a node field, read in `scope`. */
export function typeOfValue(workflow: Workflow, value: Value, scope: ReferenceScope): SchemaType | undefined {
  switch (value.kind) {
    case "ref": {
      const type = typeOfReference(workflow, value.path, scope);
      if (!value.fallback) return type;
      const fallback =
        value.fallback.kind === "ref" ? typeOfValue(workflow, value.fallback, scope) : typeOfJson(value.fallback.value);
      return withFallback(type, fallback ?? ANY);
    }
    case "template":
      return STRING;
    case "literal":
      return typeOfJson(value.value);
    case "object":
      return {
        kind: "object",
        fields: value.entries.map((e) => ({
          name: e.key,
          type: typeOfValue(workflow, e.value, scope) ?? ANY,
          optional: false,
        })),
      };
    case "array": {
      const [first] = value.items;
      return { kind: "array", element: first ? (typeOfValue(workflow, first, scope) ?? ANY) : ANY };
    }
  }
}

/**
 * The type of `x ?? fallback`: the reference's type when the default fits it, the default's when
 * the reference's fits that (an integer default for a number), else `any`. A reference whose type
 * is unknown (an input read only with a default) is `any`.
 */
export function withFallback(type: SchemaType | undefined, fallback: SchemaType): SchemaType {
  if (type === undefined) return ANY;
  if (fallback.kind === "any" || isAssignable(fallback, type)) return type;
  if (isAssignable(type, fallback)) return fallback;
  return ANY;
}

export function typeOfJson(value: JsonValue): SchemaType {
  if (value === null) return ANY;
  if (typeof value === "string") return STRING;
  if (typeof value === "boolean") return BOOLEAN;
  if (typeof value === "number") return Number.isInteger(value) ? INTEGER : NUMBER;
  if (Array.isArray(value))
    return { kind: "array", element: value.length > 0 ? typeOfJson(value[0] as JsonValue) : ANY };
  return {
    kind: "object",
    fields: Object.entries(value).map(([name, v]) => ({ name, type: typeOfJson(v), optional: false })),
  };
}
