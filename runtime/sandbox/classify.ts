/**
 * @fileoverview How a sandbox run ended, as one of the stable error codes of README "Errors and
 * diagnostics": an abort from the module (a trap with its line, or an output the module found
 * invalid), the memory cap, the deadline, a stack overflow, a WebAssembly trap, an output that
 * does not decode, a module V8 refuses.
 */
import {
  IceError,
  MemoryLimitError,
  ModuleInvalidError,
  OutputInvalidError,
  SandboxTrapError,
  TimeoutError,
} from "../errors.js";
import type { SandboxLimits } from "../profiles.js";
import { WireError } from "./codec.js";
import type { FuelMeter } from "./fuel.js";
import { OUTPUT_ABORT_PREFIX, SandboxAbort } from "./host.js";
import { IntrinsicError } from "./intrinsics.js";

/**
 * The error a run of node `nodeId` ends with, given what was thrown; `outOfMemory` is the
 * module's own flag (its allocator hit the cap), `meter` the run's fuel and deadline.
 */
export function classifyRunError(
  nodeId: string,
  error: unknown,
  outOfMemory: boolean,
  meter: FuelMeter,
  limits: SandboxLimits,
): unknown {
  if (error instanceof IceError) return error;
  if (error instanceof SandboxAbort) {
    if (error.message.startsWith(OUTPUT_ABORT_PREFIX))
      return new OutputInvalidError(nodeId, error.message.slice(OUTPUT_ABORT_PREFIX.length));
    return new SandboxTrapError(nodeId, error.message);
  }
  if (outOfMemory) return new MemoryLimitError(nodeId, limits.memoryBytes);
  if (meter.overdue()) return new TimeoutError(nodeId, limits.timeoutMs);
  if (error instanceof RangeError && /call stack/i.test(error.message))
    return new SandboxTrapError(nodeId, "stack overflow");
  if (error instanceof WebAssembly.RuntimeError) return new SandboxTrapError(nodeId, error.message);
  if (error instanceof WireError) return new OutputInvalidError(nodeId, error.message);
  if (error instanceof WebAssembly.LinkError || error instanceof WebAssembly.CompileError) {
    return new ModuleInvalidError(nodeId, error.message);
  }
  if (error instanceof RangeError || error instanceof IntrinsicError)
    return new SandboxTrapError(nodeId, error.message);
  return error;
}
