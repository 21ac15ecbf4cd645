/**
 * @fileoverview Child processes for durable-run tests: the built `iceosc` CLI run as a user runs
 * it, killed with SIGKILL the moment a tool's call log shows a chosen call started (never after a
 * fixed sleep), and the log read back.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { CLI } from "../helpers/cli.js";

export interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts `iceosc ...args`. */
export function start(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  cwd?: string,
): ChildProcess & { result: Promise<Finished> } {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, ...env },
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk) => (stdout += chunk));
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  const result = new Promise<Finished>((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
  return Object.assign(child, { result });
}

/** Runs `iceosc ...args` to the end. */
export function run(args: readonly string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<Finished> {
  return start(args, env, cwd).result;
}

/** One line of a tool call log: `start|done <name> <idempotency key> <pid>`. */
export interface Call {
  readonly event: "start" | "done";
  readonly name: string;
  readonly key: string;
  readonly pid: number;
}

export function readLog(path: string): Call[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const [event, name, key, pid] = line.split(" ");
      return { event: event as Call["event"], name: name!, key: key!, pid: Number(pid) };
    });
}

/** Resolves once `test` holds for the log (polled), or rejects if the child ends first. */
export async function waitForLog(
  path: string,
  test: (calls: Call[]) => boolean,
  child: { result: Promise<Finished> },
  timeoutMs = 90_000,
): Promise<void> {
  let ended: Finished | undefined;
  void child.result.then((r) => (ended = r));
  const deadline = Date.now() + timeoutMs;
  while (!test(readLog(path))) {
    if (ended) throw new Error(`the process ended before the awaited call (exit ${ended.code}): ${ended.stderr}`);
    if (Date.now() > deadline) throw new Error("timed out waiting for the tool log");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
