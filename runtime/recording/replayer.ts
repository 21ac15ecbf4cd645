/**
 * @fileoverview Replay: a provider and tools that answer from a `Recording` instead of the
 * network or the disk. A call is matched by kind, node, tool name and canonical arguments (the
 * whole request for models); each recorded call answers once. A call the recording does not hold
 * fails with `ICE_REPLAY_MISMATCH`.
 */
import { IceError, ReplayMismatchError, type IceErrorCode } from "../errors.js";
import type { LlmProvider, LlmRequest, LlmResponse, ToolFunction } from "../options.js";
import { canonical, plain, recordingProblem, type RecordedCall, type RecordedError, type Recording } from "./format.js";
import { requestKey } from "./recorder.js";
import { readRegularText } from "../regularFile.js";

/** Bytes of a recording file read at most (a FIFO or a device is not read at all). */
export const RECORDING_BYTES_LIMIT = 256 * 1024 * 1024;

/**
 * The recorded calls not replayed yet, indexed by what a call is matched on: each call's key is
 * worked out once, when the recording is read, and a match is a map lookup. (Matching by scanning
 * the calls and serialising each one's arguments again made a run quadratic in the recording's
 * size: red team 6, test/security/redTeam6Replay.test.ts.)
 */
export class Replayer {
  /** Calls by key, in recorded order; `next` is the first one not replayed. */
  private readonly byKey = new Map<string, { readonly calls: (RecordedCall | undefined)[]; next: number }>();
  /** Calls not replayed yet, by node and name (llm or the tool's), for mismatch messages. */
  private readonly byName = new Map<string, number>();
  private left: number;

  constructor(recording: Recording) {
    const problem = recordingProblem(recording);
    if (problem !== undefined) throw new Error(problem);
    for (const call of recording.calls) {
      const key =
        call.kind === "llm"
          ? callKey("llm", call.nodeId, "", canonical(call.request))
          : callKey("tool", call.nodeId, call.tool, canonical(call.args));
      const queue = this.byKey.get(key);
      if (queue) queue.calls.push(call);
      else this.byKey.set(key, { calls: [call], next: 0 });
      const name = nameKey(call.nodeId, call.kind === "llm" ? "llm" : call.tool);
      this.byName.set(name, (this.byName.get(name) ?? 0) + 1);
    }
    this.left = recording.calls.length;
  }

  /** A recording file: a regular file of at most RECORDING_BYTES_LIMIT bytes. */
  static async load(path: string): Promise<Replayer> {
    return new Replayer(JSON.parse(readRegularText(path, RECORDING_BYTES_LIMIT)) as Recording);
  }

  /** A provider answering from the recording; streamed replies are streamed again, piece by piece. */
  provider(): LlmProvider {
    return {
      complete: async (request: LlmRequest): Promise<LlmResponse> => {
        const key = canonical(plain(requestKey(request)));
        const call = this.take(callKey("llm", request.nodeId, "", key), request.nodeId, "llm");
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
          const call = this.take(callKey("tool", context.nodeId, name, key), context.nodeId, name);
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
    return this.left;
  }

  /** The first unreplayed call with `key`, now replayed. */
  private take(key: string, nodeId: string, name: string): RecordedCall | undefined {
    const queue = this.byKey.get(key);
    if (!queue || queue.next >= queue.calls.length) return undefined;
    const call = queue.calls[queue.next]!;
    queue.calls[queue.next++] = undefined; // let it be collected
    this.left--;
    const names = nameKey(nodeId, name);
    this.byName.set(names, (this.byName.get(names) ?? 1) - 1);
    return call;
  }

  private mismatch(nodeId: string, what: string, name: string): ReplayMismatchError {
    const sameNode = this.byName.get(nameKey(nodeId, name)) ?? 0;
    return new ReplayMismatchError(
      nodeId,
      `the recording has no ${what}${sameNode > 0 ? ` (it has ${sameNode} other such call(s) for this node: the workflow or its input changed since recording)` : ""}`,
    );
  }
}

/** What a call is matched on; NUL cannot occur in JSON text, so the parts are unambiguous. */
function callKey(kind: "llm" | "tool", nodeId: string, tool: string, canonicalArgs: string): string {
  return `${kind}\0${nodeId.length}\0${nodeId}${tool.length}\0${tool}${canonicalArgs}`;
}

function nameKey(nodeId: string, name: string): string {
  return `${nodeId.length}\0${nodeId}${name}`;
}

function rebuild(error: RecordedError, nodeId: string): Error {
  return error.code ? new IceError(error.code as IceErrorCode, error.message, nodeId) : new Error(error.message);
}
