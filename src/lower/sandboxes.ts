/**
 * @fileoverview Lowering of the sandboxed nodes of a workflow (code nodes and conditions) into
 * sandbox units: typed input and output objects, the values bound to the inputs, the function body,
 * the granted capabilities and the limits. Code nodes marked trusted become direct functions.
 */
import type { SandboxLimits } from "../../runtime/profiles.js";
import type { ObjectType, SchemaField } from "../../runtime/schema.js";
import { roundTypeOracle } from "../check/index.js";
import { Diagnostics, type DiagnosticBag } from "../diagnostics/index.js";
import {
  INPUTS_ROOT,
  walkNodes,
  type CodeNode,
  type EmbeddedSource,
  type PlanNode,
  type ValueEntry,
  type Workflow,
} from "../plan/index.js";
import { lowerCondition, type TypeOracle } from "./conditionBody.js";
import { resolveLimits, trustProfileOf } from "./limits.js";
import { CONDITION_OUTPUT } from "./resultType.js";

/** What the code-node compiler (src/codenode, src/emit/wasm) needs of a sandboxed piece. */
export interface SandboxUnit {
  readonly nodeId: string;
  readonly kind: "code" | "condition";
  /** The `inputs` object the host passes in. */
  readonly inputType: ObjectType;
  /** What the body returns (conditions: `{ result: boolean }`). */
  readonly outputType: ObjectType;
  /** Granted capability names (already validated as known). */
  readonly capabilities: readonly string[];
  /** TypeScript function body: reads `inputs.x`, returns an object of outputType. */
  readonly body: EmbeddedSource;
}

/** A code node or condition, ready for the WASM compiler (it is a SandboxUnit) and the emitters. */
export interface LoweredSandbox extends SandboxUnit {
  /** The values bound to the inputs. */
  readonly inputs: readonly ValueEntry[];
  readonly limits: SandboxLimits;
  /** True for code nodes whose trust profile runs them directly. */
  readonly direct: boolean;
}

/** Resolves the type of a reference read inside `containers` (the loops and parallel blocks around it). */
export type ScopedTypeOracle = (path: readonly string[], containers: readonly PlanNode[]) => ReturnType<TypeOracle>;

/** Lowers every code and condition node of `workflow`, reporting what cannot be typed. */
export function lowerSandboxes(
  workflow: Workflow,
  typeOf: ScopedTypeOracle,
  diagnostics: DiagnosticBag,
): LoweredSandbox[] {
  const lowered: LoweredSandbox[] = [];
  walkNodes(workflow.nodes, (node, containers) => {
    if (node.kind === "code") {
      const unit = lowerCode(workflow, node, (path) => typeOf(path, containers), diagnostics);
      if (unit) lowered.push(unit);
    } else if (node.kind === "condition" || (node.kind === "recursive" && node.convergence)) {
      const test = node.kind === "condition" ? node : node.convergence!;
      const oracle: TypeOracle =
        node.kind === "recursive"
          ? roundTypeOracle(node, (path) => typeOf(path, containers))
          : (path) => typeOf(path, containers);
      const condition = lowerCondition(test, oracle, diagnostics);
      if (condition) {
        lowered.push({
          nodeId: node.id,
          kind: "condition",
          inputType: { kind: "object", fields: condition.inputFields },
          outputType: CONDITION_OUTPUT,
          inputs: condition.inputs,
          body: condition.body,
          capabilities: [],
          limits: resolveLimits(node),
          direct: false,
        });
      }
    }
  });
  return lowered;
}

function lowerCode(
  workflow: Workflow,
  node: CodeNode,
  typeOf: TypeOracle,
  diagnostics: DiagnosticBag,
): LoweredSandbox | undefined {
  if (!node.outputSchema) return undefined; // reported by the checker (ICE2017)
  const bound = new Map(node.inputs.map((entry) => [entry.key, entry]));
  const inputs: ValueEntry[] = [];
  let fields: SchemaField[];
  if (node.inputSchema) {
    fields = [...node.inputSchema.fields];
    for (const field of fields) {
      // A required field with nothing bound is the checker's ICE2016; the build stops before emitting.
      const entry = bound.get(field.name) ?? implicitWorkflowInput(workflow, node, field.name);
      if (entry) inputs.push(entry);
    }
    const declared = new Set(fields.map((f) => f.name));
    for (const entry of node.inputs) {
      if (!declared.has(entry.key))
        diagnostics.report(Diagnostics.UnusedCodeInput, entry.keySpan, [entry.key, node.id]);
    }
  } else {
    // No input_schema: each bound value's inferred type becomes the field's type.
    fields = [];
    for (const entry of node.inputs) {
      const type =
        entry.value.kind === "ref"
          ? typeOf(entry.value.path)
          : entry.value.kind === "template"
            ? { kind: "string" as const }
            : literalType(entry.value);
      if (!type || type.kind === "any") {
        diagnostics.report(Diagnostics.UnknownExpressionType, entry.value.span, [
          entry.key,
          entry.value.kind === "ref" ? (entry.value.path[0] ?? node.id) : node.id,
        ]);
        continue;
      }
      fields.push({ name: entry.key, type, optional: false });
      inputs.push(entry);
    }
  }
  const profile = trustProfileOf(node);
  return {
    nodeId: node.id,
    kind: "code",
    inputType: { kind: "object", fields },
    outputType: node.outputSchema,
    inputs,
    body: node.code,
    capabilities: node.imports.map((i) => i.name),
    limits: resolveLimits(node),
    direct: profile.direct,
  };
}

/** An input_schema field with no binding reads the workflow input of the same name, if any. */
function implicitWorkflowInput(workflow: Workflow, node: CodeNode, name: string): ValueEntry | undefined {
  if (!workflow.inputSchema.fields.some((f) => f.name === name)) return undefined;
  return { key: name, keySpan: node.idSpan, value: { kind: "ref", path: [INPUTS_ROOT, name], span: node.idSpan } };
}

function literalType(value: ValueEntry["value"]): ObjectType["fields"][number]["type"] | undefined {
  if (value.kind !== "literal") return undefined;
  switch (typeof value.value) {
    case "string":
      return { kind: "string" };
    case "boolean":
      return { kind: "boolean" };
    case "number":
      return Number.isInteger(value.value) ? { kind: "integer" } : { kind: "number" };
    default:
      return undefined;
  }
}
