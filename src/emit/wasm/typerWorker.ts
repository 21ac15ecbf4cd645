/**
 * @fileoverview The typer worker (typer.ts starts it with a heap cap and gives each job a
 * deadline): TypeScript is loaded here, not on the build's thread, and every job that parses or
 * type-checks workflow text runs here, one at a time (typerJobs.ts). The core library's SourceFile
 * stays parsed for every later body (src/codenode/program.ts). A body too expensive to type ends
 * this worker (out of memory, or terminated at its deadline); the build goes on with a new one.
 */
import { parentPort } from "node:worker_threads";
import { saveTypeScriptCodeCache } from "../../codenode/typescript.js";
import { runTyperJob } from "./typerJobs.js";
import type { TyperJob, TyperReply } from "./typerWire.js";

parentPort?.on("message", async (message: { readonly id: number; readonly job: TyperJob }) => {
  let reply: TyperReply;
  try {
    reply = { id: message.id, answer: await runTyperJob(message.job) };
  } catch (error) {
    // The stack (a body nesting too deeply) or anything the lowering did not catch (a fault of
    // iceosc's): the job fails, the worker stays.
    reply = isStackOverflow(error)
      ? { id: message.id, stack: true }
      : { id: message.id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  parentPort!.postMessage(reply);
  // After the reply: the build waits for it, not for the cache (written at most once per worker).
  if (message.job.kind === "lower") saveTypeScriptCodeCache();
});
// TypeScript and the lowering are loaded (static imports): the deadlines of jobs start now.
parentPort?.postMessage({ ready: true });

/** V8's "Maximum call stack size exceeded". */
function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && error.message.includes("call stack");
}
