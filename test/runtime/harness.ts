/**
 * Runs llm and agent nodes through the runtime's `Run`, the way generated modules do, against a
 * provider configured for a loopback server.
 */
import { afterEach } from "vitest";
import type { NodeManifest, WorkflowManifest } from "../../runtime/manifest.js";
import type { RunEvent, RunOptions } from "../../runtime/options.js";
import { Run } from "../../runtime/run.js";
import type { ObjectType } from "../../runtime/schema.js";
import { startServer, type Reply, type TestServer } from "./servers.js";

const open: TestServer[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** A loopback server closed after the test. */
export async function server(...replies: Reply[]): Promise<TestServer> {
  const s = await startServer(replies);
  open.push(s);
  return s;
}

/** A run of a workflow made of `nodes`, collecting its events. */
export function run(nodes: Record<string, NodeManifest>, options: RunOptions = {}): { rt: Run; events: RunEvent[] } {
  const events: RunEvent[] = [];
  const manifest: WorkflowManifest = { name: "test", inputType: { kind: "object", fields: [] }, nodes };
  const rt = new Run(manifest, import.meta.url, {}, { ...options, onEvent: (e) => events.push(e) });
  return { rt, events };
}

export const objectType = (fields: Record<string, "string" | "integer" | "number" | "boolean">): ObjectType => ({
  kind: "object",
  fields: Object.entries(fields).map(([name, kind]) => ({ name, type: { kind }, optional: false })),
});

/** The error a promise rejects with. */
export async function failure(
  promise: Promise<unknown>,
): Promise<{ code?: string; nodeId?: string; message: string; reason?: string; status?: number }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; nodeId?: string; message: string };
  }
  throw new Error("expected a failure");
}
