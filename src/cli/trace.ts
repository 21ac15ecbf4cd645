/**
 * @fileoverview `--trace`: prints run events as a timeline on stderr: node starts, ends (with
 * duration, fuel, tokens and cost), failures, retries (node and provider level), the first
 * streamed token of each model call, agent steps and tool calls, and the run's totals.
 */
import type { RunEvent } from "../../runtime/options.js";
import type { CliIo } from "./io.js";
import { visibleText } from "../util/visibleText.js";

export function printTrace(io: CliIo, started: number): (event: RunEvent) => void {
  const streaming = new Set<string>();
  return (event) => {
    if (event.type === "llm_token") {
      if (streaming.has(event.nodeId)) return;
      streaming.add(event.nodeId);
    } else if (event.type === "llm_usage" || event.type === "node_completed" || event.type === "node_failed")
      streaming.delete(event.nodeId);
    const at = `${(performance.now() - started).toFixed(1).padStart(8)} ms`;
    // Node failures, logs, warnings and tool errors carry text a workflow or plugin chose: escaped.
    io.stderr(`${at}  ${visibleText(describe(event))}\n`);
  };
}

function describe(event: RunEvent): string {
  switch (event.type) {
    case "node_started":
      return `start     ${event.nodeId} (${event.kind})${event.attempt > 1 ? ` attempt ${event.attempt}` : ""}`;
    case "node_completed":
      return `done      ${event.nodeId} in ${event.durationMs.toFixed(2)} ms${event.fuelUsed !== undefined ? `, fuel ${event.fuelUsed}` : ""}${event.tokens ? `, ${tokens(event.tokens)}` : ""}${cost(event.costUsd)}`;
    case "node_failed":
      return `failed    ${event.nodeId}: ${event.code} ${event.message}${event.continued ? " (continuing)" : ""}`;
    case "node_retrying":
      return `retry     ${event.nodeId} in ${event.delayMs} ms (${event.code})`;
    case "node_skipped":
      return `skipped   ${event.nodeId}`;
    case "log":
      return `log       ${event.nodeId}: ${event.message}`;
    case "llm_token":
      return `stream    ${event.nodeId}: first token`;
    case "llm_retrying":
      return `retry     ${event.nodeId} request in ${event.delayMs} ms (${event.reason})`;
    case "llm_usage":
      return `model     ${event.nodeId}: ${event.model}, ${tokens(event)} in ${event.durationMs.toFixed(0)} ms${cost(event.costUsd)}`;
    case "agent_step":
      return `step      ${event.nodeId} #${event.iteration}: ${event.toolCalls.length > 0 ? `calls ${event.toolCalls.join(", ")}` : "final answer"}`;
    case "tool_call":
      return `tool      ${event.nodeId} -> ${event.tool} in ${event.durationMs.toFixed(1)} ms${event.ok ? "" : `: ${event.error ?? "failed"}`}`;
    case "warning":
      return `warning   ${event.nodeId}: ${event.message}`;
    case "recursive_round":
      return `round     ${event.nodeId} #${event.iteration}${event.converged ? ": converged" : ""}`;
    case "run_completed":
      return `finished  ${event.workflow} in ${event.durationMs.toFixed(1)} ms, ${tokens(event.tokens)}${cost(event.costUsd)}`;
  }
}

function tokens(usage: { readonly inputTokens: number; readonly outputTokens: number }): string {
  return `${usage.inputTokens} tokens in / ${usage.outputTokens} out`;
}

function cost(costUsd: number | undefined): string {
  return costUsd === undefined ? "" : `, $${costUsd.toFixed(6)}`;
}
