/**
 * @fileoverview Reading built-in tool arguments: typed accessors that fail with a message naming
 * the argument, and path resolution confined to the directories the run allows.
 */
import { isAbsolute, relative, resolve } from "node:path";
import { CapabilityDeniedError } from "../errors.js";

export type Args = Record<string, unknown>;

/** A required string argument. */
export function stringArg(args: Args, name: string): string {
  const value = args[name];
  if (value === undefined || value === null) throw new Error(`missing argument '${name}' (a string)`);
  if (typeof value !== "string") throw new Error(`argument '${name}' must be a string`);
  return value;
}

/** An optional string argument. */
export function optionalString(args: Args, name: string): string | undefined {
  const value = args[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new Error(`argument '${name}' must be a string`);
  return value;
}

export function numberArg(args: Args, name: string, fallback: number): number {
  const value = args[name];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value)) throw new Error(`argument '${name}' must be a number`);
  return value;
}

export function booleanArg(args: Args, name: string, fallback: boolean): boolean {
  const value = args[name];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "boolean") throw new Error(`argument '${name}' must be a boolean`);
  return value;
}

export function stringListArg(args: Args, ...names: string[]): string[] | undefined {
  for (const name of names) {
    const value = args[name];
    if (value === undefined || value === null) continue;
    if (typeof value === "string") return [value];
    if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value as string[];
    throw new Error(`argument '${name}' must be a string or a list of strings`);
  }
  return undefined;
}

/** Where file tools may read. */
export interface FileAccess {
  readonly baseDir: string;
  readonly readableDirs: readonly string[];
}

/** Resolves `path` against the base directory; refuses paths outside the readable directories. */
export function resolvePath(access: FileAccess, path: string, nodeId: string): string {
  const full = resolve(access.baseDir, path);
  const inside = access.readableDirs.some((dir) => {
    const rel = relative(resolve(dir), full);
    return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
  });
  if (!inside)
    throw new CapabilityDeniedError(
      nodeId,
      `path '${path}' is outside the directories file tools may read (${access.readableDirs.join(", ")})`,
    );
  return full;
}
