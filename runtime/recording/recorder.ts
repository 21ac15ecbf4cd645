/**
 * @fileoverview Recording: wraps a provider and tools so that every call and its outcome lands in
 * a `Recording`, saved as JSON for `Replayer`.
 */
import { writeFile } from "node:fs/promises";
import { IceError, messageOf } from "../errors.js";
import type { LlmProvider, LlmRequest, LlmResponse, ToolFunction } from "../options.js";
import {
  plain,
  RECORDING_FORMAT,
  RECORDING_VERSION,
  type RecordedCall,
  type RecordedError,
  type Recording,
} from "./format.js";

/** What identifies a model request on replay. */
export function requestKey(request: LlmRequest): unknown {
  return {
    model: request.model ?? null,
    messages: request.messages,
    config: request.config,
    tools: (request.tools ?? []).map((t) => t.name),
    outputSchema: request.outputSchema ?? null,
  };
}

export class Recorder {
  private readonly calls: RecordedCall[] = [];

  /** `inner`, recording each request and its reply (or failure; cancellations are not recorded). */
  provider(inner: LlmProvider): LlmProvider {
    return {
      complete: async (request: LlmRequest): Promise<LlmResponse> => {
        const call: RecordedCall = { kind: "llm", nodeId: request.nodeId, request: plain(requestKey(request)) };
        this.calls.push(call);
        const tokens: string[] = [];
        try {
          const response = await inner.complete({
            ...request,
            onToken: (text) => {
              tokens.push(text);
              request.onToken?.(text);
            },
          });
          call.response = plain(response) as LlmResponse;
          if (tokens.length > 0) call.tokens = tokens;
          return response;
        } catch (error) {
          this.failed(call, error, request.signal);
          throw error;
        }
      },
    };
  }

  /** `inner` with each tool recording its calls. */
  tools(inner: Readonly<Record<string, ToolFunction>>): Record<string, ToolFunction> {
    return Object.fromEntries(
      Object.entries(inner).map(([name, tool]) => [
        name,
        async (args: Record<string, unknown>, context: Parameters<ToolFunction>[1]): Promise<unknown> => {
          const call: RecordedCall = { kind: "tool", nodeId: context.nodeId, tool: name, args: plain(args) };
          this.calls.push(call);
          try {
            const result: unknown = await tool(args, context);
            call.result = plain(result);
            return result;
          } catch (error) {
            this.failed(call, error, context.signal);
            throw error;
          }
        },
      ]),
    );
  }

  /** The calls so far. */
  recording(): Recording {
    return { format: RECORDING_FORMAT, version: RECORDING_VERSION, calls: [...this.calls] };
  }

  /** Writes the recording as JSON. */
  async save(path: string): Promise<void> {
    await writeFile(path, `${JSON.stringify(this.recording(), null, 2)}\n`);
  }

  private failed(call: RecordedCall, error: unknown, signal: AbortSignal): void {
    if (signal.aborted) {
      this.calls.splice(this.calls.indexOf(call), 1);
      return;
    }
    const recorded: RecordedError = {
      message: error instanceof IceError ? error.message.replace(/^node '[^']*': /, "") : messageOf(error),
      ...(error instanceof IceError && { code: error.code }),
    };
    call.error = recorded;
  }
}
