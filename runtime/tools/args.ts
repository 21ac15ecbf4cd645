/**
 * @fileoverview Reading built-in tool arguments: typed accessors that fail with a message naming
 * the argument. (Paths are resolved and confined in fileAccess.ts.)
 */
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
