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
