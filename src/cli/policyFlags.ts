/**
 * @fileoverview The operator's policy from `iceosc run`'s flags (README "Operator policy"): `--allow-trusted`,
 * the ceilings `--max-fuel`, `--max-memory-mb`, `--max-timeout-ms`, `--max-retries`,
 * `--max-parallel`, `--max-model-calls`, `--max-run-seconds`, `--max-run-nodes`, `--max-nodes-in-flight`, and the grants `--allow-read DIR`, `--allow-host HOST`, `--allow-env NAME`
 * (each repeatable). A malformed flag is a usage error (exit 2).
 */
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { MAX_MEMORY_MB, MAX_RUN_MS, type OperatorPolicy } from "../../runtime/policy/index.js";
import { UsageError } from "./report.js";

/** The flags as `parseArgs` returns them. */
export interface PolicyFlagValues {
  readonly "allow-trusted"?: boolean;
  readonly "max-fuel"?: string;
  readonly "max-memory-mb"?: string;
  readonly "max-timeout-ms"?: string;
  readonly "max-retries"?: string;
  readonly "max-parallel"?: string;
  readonly "max-model-calls"?: string;
  readonly "max-run-seconds"?: string;
  readonly "max-run-nodes"?: string;
  readonly "max-nodes-in-flight"?: string;
  readonly "allow-read"?: readonly string[];
  readonly "allow-host"?: readonly string[];
  readonly "allow-env"?: readonly string[];
}

/** The `parseArgs` option table of the policy flags. */
export const POLICY_FLAG_OPTIONS = {
  "allow-trusted": { type: "boolean" },
  "max-fuel": { type: "string" },
  "max-memory-mb": { type: "string" },
  "max-timeout-ms": { type: "string" },
  "max-retries": { type: "string" },
  "max-parallel": { type: "string" },
  "max-model-calls": { type: "string" },
  "max-run-seconds": { type: "string" },
  "max-run-nodes": { type: "string" },
  "max-nodes-in-flight": { type: "string" },
  "allow-read": { type: "string", multiple: true },
  "allow-host": { type: "string", multiple: true },
  "allow-env": { type: "string", multiple: true },
} as const;

/** The policy of `values`; `--allow-read` directories resolve against `cwd`. */
export function policyFromFlags(values: PolicyFlagValues, cwd: string): OperatorPolicy {
  const maxFuel = integerFlag(values, "max-fuel", 1, Number.MAX_SAFE_INTEGER);
  const maxMemoryMb = integerFlag(values, "max-memory-mb", 1, MAX_MEMORY_MB);
  const maxTimeoutMs = integerFlag(values, "max-timeout-ms", 1, 2_147_483_647);
  const maxRetries = integerFlag(values, "max-retries", 0, 1_000_000);
  const maxParallel = integerFlag(values, "max-parallel", 1, 1_000_000);
  const maxModelCalls = integerFlag(values, "max-model-calls", 1, Number.MAX_SAFE_INTEGER);
  const maxRunSeconds = integerFlag(values, "max-run-seconds", 1, Math.floor(MAX_RUN_MS / 1000));
  const maxRunNodes = integerFlag(values, "max-run-nodes", 1, Number.MAX_SAFE_INTEGER);
  const maxNodesInFlight = integerFlag(values, "max-nodes-in-flight", 1, Number.MAX_SAFE_INTEGER);
  return {
    ...(values["allow-trusted"] && { allowTrusted: true }),
    ...(maxFuel !== undefined && { maxFuel }),
    ...(maxMemoryMb !== undefined && { maxMemoryMb }),
    ...(maxTimeoutMs !== undefined && { maxTimeoutMs }),
    ...(maxRetries !== undefined && { maxRetries }),
    ...(maxParallel !== undefined && { maxParallel }),
    ...(maxModelCalls !== undefined && { maxModelCalls }),
    ...(maxRunSeconds !== undefined && { maxRunMs: maxRunSeconds * 1000 }),
    ...(maxRunNodes !== undefined && { maxRunNodes }),
    ...(maxNodesInFlight !== undefined && { maxNodesInFlight }),
    allowRead: (values["allow-read"] ?? []).map((dir) => directoryFlag(cwd, dir)),
    allowHosts: (values["allow-host"] ?? []).map(host),
    allowEnv: (values["allow-env"] ?? []).map(envName),
  };
}

function integerFlag(
  values: PolicyFlagValues,
  name: keyof PolicyFlagValues,
  min: number,
  max: number,
): number | undefined {
  const text = values[name];
  if (text === undefined) return undefined;
  const value = typeof text === "string" && text.trim() !== "" ? Number(text) : Number.NaN;
  if (!Number.isInteger(value) || value < min || value > max)
    throw new UsageError(`--${name} must be an integer from ${min} to ${max}, got '${String(text)}'`);
  return value;
}

/** `--allow-read DIR` (or another directory flag): an existing directory, made absolute against the working directory. */
export function directoryFlag(cwd: string, dir: string, flag = "--allow-read"): string {
  const full = resolve(cwd, dir);
  let isDirectory = false;
  try {
    isDirectory = statSync(full).isDirectory();
  } catch {
    // reported below
  }
  if (!isDirectory) throw new UsageError(`${flag}: '${dir}' is not a directory`);
  return full;
}

function host(pattern: string): string {
  if (pattern.trim() === "" || /[\s/]/.test(pattern))
    throw new UsageError(
      `--allow-host takes a host name (example.com, *.example.com, 127.0.0.1:8080), got '${pattern}'`,
    );
  return pattern;
}

function envName(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
    throw new UsageError(`--allow-env takes an environment variable name, got '${name}'`);
  return name;
}
