/**
 * @fileoverview The recording file: every model and tool call of a run, with its result or
 * error, as JSON. Calls are matched on replay by node, name and arguments, so runs with parallel
 * nodes replay whatever order they finish in.
 */
import type { LlmResponse } from "../options.js";

export const RECORDING_FORMAT = "iceosc-recording";
export const RECORDING_VERSION = 1;

/** A failure, as recorded. */
export interface RecordedError {
  readonly code?: string;
  readonly message: string;
}

/** One model call. */
export interface RecordedLlmCall {
  readonly kind: "llm";
  readonly nodeId: string;
  /** What identifies the request: model, messages, config, offered tool names, output schema. */
  readonly request: unknown;
  /** Streamed text pieces, when the reply was streamed. */
  tokens?: string[];
  response?: LlmResponse;
  error?: RecordedError;
}

/** One tool call. */
export interface RecordedToolCall {
  readonly kind: "tool";
  readonly nodeId: string;
  readonly tool: string;
  readonly args: unknown;
  result?: unknown;
  error?: RecordedError;
}

export type RecordedCall = RecordedLlmCall | RecordedToolCall;

export interface Recording {
  readonly format: typeof RECORDING_FORMAT;
  readonly version: number;
  readonly calls: RecordedCall[];
}

/** JSON with object keys sorted: equal values give equal text. */
export function canonical(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      v && typeof v === "object" && !Array.isArray(v)
        ? Object.fromEntries(
            Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
          )
        : v,
    ) ?? "null"
  );
}

/** A tool result as JSON data (what the file can hold). */
export function plain(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

/** Deepest nesting a recorded value may have (canonical() and JSON.stringify recurse per level). */
export const MAX_RECORDED_DEPTH = 256;

/**
 * Why `value` is not a usable recording, or undefined when it is: a recording is a file, perhaps
 * from someone else, and a call it holds must not fail a run with a TypeError or a stack overflow
 * when it is matched.
 */
export function recordingProblem(value: unknown): string | undefined {
  const recording = value as Partial<Recording> | null;
  if (recording?.format !== RECORDING_FORMAT || !Array.isArray(recording.calls))
    return `not an iceosc recording (expected format '${RECORDING_FORMAT}')`;
  for (const [i, call] of recording.calls.entries()) {
    const where = `calls[${i}]`;
    if (typeof call !== "object" || call === null || Array.isArray(call)) return `${where} is not an object`;
    if (call.kind !== "llm" && call.kind !== "tool") return `${where}.kind must be 'llm' or 'tool'`;
    if (typeof call.nodeId !== "string") return `${where}.nodeId must be a string`;
    if (call.kind === "tool" && typeof call.tool !== "string") return `${where}.tool must be a string`;
    if (
      call.kind === "llm" &&
      call.tokens !== undefined &&
      !(Array.isArray(call.tokens) && call.tokens.every((t) => typeof t === "string"))
    )
      return `${where}.tokens must be a list of strings`;
    if (
      call.kind === "llm" &&
      call.response !== undefined &&
      (typeof call.response !== "object" || call.response === null)
    )
      return `${where}.response must be an object`;
    if (
      call.error !== undefined &&
      (typeof call.error !== "object" || call.error === null || typeof call.error.message !== "string")
    )
      return `${where}.error must be an object with a message`;
    if (depthOf(call) > MAX_RECORDED_DEPTH) return `${where} is nested more than ${MAX_RECORDED_DEPTH} levels deep`;
  }
  return undefined;
}

/** How deeply `value` nests arrays and objects, counted without recursion. */
function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== "object" || v === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_RECORDED_DEPTH) return deepest;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return deepest;
}
