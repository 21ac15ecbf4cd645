/**
 * @fileoverview `--trace`: prints run events as a timeline on stderr.
 */
import type { RunEvent } from "../../runtime/options.js";

export function printTrace(started: number): (event: RunEvent) => void {
  return (event) => {
    const at = `${(performance.now() - started).toFixed(1).padStart(8)} ms`;
    process.stderr.write(`${at}  ${describe(event)}\n`);
  };
}

function describe(event: RunEvent): string {
  switch (event.type) {
    case "node_started":
      return `start     ${event.nodeId} (${event.kind})${event.attempt > 1 ? ` attempt ${event.attempt}` : ""}`;
    case "node_completed":
      return `done      ${event.nodeId} in ${event.durationMs.toFixed(2)} ms${event.fuelUsed !== undefined ? `, fuel ${event.fuelUsed}` : ""}`;
    case "node_failed":
      return `failed    ${event.nodeId}: ${event.code} ${event.message}`;
    case "node_retrying":
      return `retry     ${event.nodeId} in ${event.delayMs} ms (${event.code})`;
    case "node_skipped":
      return `skipped   ${event.nodeId}`;
    case "log":
      return `log       ${event.nodeId}: ${event.message}`;
  }
}
