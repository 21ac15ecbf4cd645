/**
 * @fileoverview Replay: a provider and tools that answer from a `Recording` instead of the
 * network or the disk. A call is matched by kind, node, tool name and canonical arguments (the
 * whole request for models); each recorded call answers once. A call the recording does not hold
 * fails with `ICE_REPLAY_MISMATCH`.
 */
import { readFile } from "node:fs/promises";
import { IceError, ReplayMismatchError, type IceErrorCode } from "../errors.js";
import type { LlmProvider, LlmRequest, LlmResponse, ToolFunction } from "../options.js";
import { canonical, plain, recordingProblem, type RecordedCall, type RecordedError, type Recording } from "./format.js";
import { requestKey } from "./recorder.js";

export class Replayer {
  private readonly unused: RecordedCall[];

  constructor(recording: Recording) {
    const problem = recordingProblem(recording);
    if (problem !== undefined) throw new Error(problem);
    this.unused = [...recording.calls];
  }

  static async load(path: string): Promise<Replayer> {
    return new Replayer(JSON.parse(await readFile(path, "utf8")) as Recording);
  }

  /** A provider answering from the recording; streamed replies are streamed again, piece by piece. */
  provider(): LlmProvider {
    return {
      complete: async (request: LlmRequest): Promise<LlmResponse> => {
        const key = canonical(plain(requestKey(request)));
        const call = this.take((c) => c.kind === "llm" && c.nodeId === request.nodeId && canonical(c.request) === key);
        if (call?.kind !== "llm") throw this.mismatch(request.nodeId, "model call", "llm");
        if (call.error) throw rebuild(call.error, request.nodeId);
        for (const token of call.tokens ?? []) request.onToken?.(token);
        return call.response!;
      },
    };
  }

  /**
   * Tools answering from the recording: a proxy that has every tool name (so a call the recording
   * lacks is reported as a mismatch, not as a missing tool).
   */
  tools(): Record<string, ToolFunction> {
    const cache = new Map<string, ToolFunction>();
    const named = (name: string): ToolFunction => {
      let tool = cache.get(name);
      if (!tool) {
        tool = async (args, context) => {
          const key = canonical(plain(args));
          const call = this.take(
            (c) => c.kind === "tool" && c.nodeId === context.nodeId && c.tool === name && canonical(c.args) === key,
          );
          if (call?.kind !== "tool")
            throw this.mismatch(context.nodeId, `call of tool '${name}' with ${key.slice(0, 200)}`, name);
          if (call.error) throw rebuild(call.error, context.nodeId);
          return call.result;
        };
        cache.set(name, tool);
      }
      return tool;
    };
    return new Proxy({} as Record<string, ToolFunction>, {
      get: (_target, name) => (typeof name === "string" ? named(name) : undefined),
      has: (_target, name) => typeof name === "string",
    });
  }

  /** Recorded calls not replayed yet. */
  get remaining(): number {
    return this.unused.length;
  }

  private take(match: (call: RecordedCall) => boolean): RecordedCall | undefined {
    const index = this.unused.findIndex(match);
    return index < 0 ? undefined : this.unused.splice(index, 1)[0];
  }

  private mismatch(nodeId: string, what: string, name: string): ReplayMismatchError {
    const sameNode = this.unused.filter(
      (c) => c.nodeId === nodeId && (c.kind === "llm" ? name === "llm" : c.tool === name),
    ).length;
    return new ReplayMismatchError(
      nodeId,
      `the recording has no ${what}${sameNode > 0 ? ` (it has ${sameNode} other such call(s) for this node: the workflow or its input changed since recording)` : ""}`,
    );
  }
}

function rebuild(error: RecordedError, nodeId: string): Error {
  return error.code ? new IceError(error.code as IceErrorCode, error.message, nodeId) : new Error(error.message);
}
