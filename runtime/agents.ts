/**
 * @fileoverview The parts of agent and recursive nodes beyond the tool-calling loop: where a
 * node's conversation lives (`memory: { backend, key }`), what a registered implementation's
 * result means, how a reply becomes the node's output, and what later rounds of a recursive
 * node say.
 */
import { OutputInvalidError } from "./errors.js";
import type { AgentCall } from "./llm.js";
import type { AgentMemory } from "./options.js";
import { validateValue, type SchemaType } from "./schema.js";

/** `memory` on an agent or recursive node, as generated code passes it. */
export interface MemoryChoice {
  readonly backend: string;
  readonly key?: string;
}

/** An agent node's call: the loop's settings, a registered implementation's name, its memory. */
export interface AgentNodeCall extends AgentCall {
  readonly package?: string;
  readonly memory?: MemoryChoice;
}

/** A recursive node's call: an agent's, run for at most `maxRounds` rounds. */
export interface RecursiveCall extends AgentNodeCall {
  readonly maxRounds: number;
}

/** Where one node's conversation is kept. */
export interface MemoryPlace {
  readonly memory: AgentMemory;
  readonly key: string;
}

/** True when an output type asks for more than the reply text (`{ text }`). */
export function isStructured(type: SchemaType | undefined): boolean {
  return type !== undefined && type.kind === "object" && !(type.fields.length === 1 && type.fields[0]!.name === "text");
}

/**
 * The output of an agent's final reply: `{ text }`; with a structured output_schema, the reply's
 * JSON (when it parses and fits) with `text` beside it. A reply that does not fit keeps `{ text }`
 * and `warn` says why.
 */
export function replyOutput(
  text: string,
  outputType: SchemaType | undefined,
  warn: (message: string) => void,
): Record<string, unknown> {
  if (!isStructured(outputType)) return { text };
  let parsed: unknown;
  try {
    parsed = JSON.parse(stripFences(text));
  } catch {
    warn("the final reply is not JSON, so its output is { text } and not the fields of its output_schema");
    return { text };
  }
  const problem = validateValue(parsed, outputType!, "output");
  if (problem || typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    warn(`the final reply does not fit its output_schema (${problem ?? "not an object"}), so its output is { text }`);
    return { text };
  }
  return { ...(parsed as Record<string, unknown>), text };
}

/** What a registered implementation returned, as the node's output (checked against its output_schema). */
export function implementationOutput(
  nodeId: string,
  result: unknown,
  outputType: SchemaType | undefined,
): Record<string, unknown> {
  const output =
    typeof result === "string"
      ? { text: result }
      : typeof result === "object" && result !== null && !Array.isArray(result)
        ? (result as Record<string, unknown>)
        : undefined;
  if (!output)
    throw new OutputInvalidError(
      nodeId,
      `agent implementation returned ${describe(result)}, not a string or an object`,
    );
  const problem = validateValue(
    output,
    outputType ?? { kind: "object", fields: [{ name: "text", type: { kind: "string" }, optional: false }] },
    "output",
  );
  if (problem) throw new OutputInvalidError(nodeId, `agent implementation: ${problem}`);
  return output;
}

/** The message of round `iteration` (> 1) of a recursive node run from its prompt. */
export function followUp(iteration: number, maxRounds: number): string {
  return `Round ${iteration} of at most ${maxRounds}: your answer from the last round is above. Improve it, or give it again if it is right.`;
}

function stripFences(text: string): string {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/.exec(text);
  return fenced ? fenced[1]! : text;
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  return Array.isArray(value) ? "an array" : `a ${typeof value}`;
}
