/**
 * @fileoverview Test helpers for the sandbox: embed a body in a fake workflow file (so that
 * diagnostics have real positions), write schemas compactly, compile units and load programs.
 */
import type { ObjectType, SchemaType } from "../../runtime/schema.js";
import { SandboxProgram } from "../../runtime/sandbox/index.js";
import type { SandboxLimits } from "../../runtime/profiles.js";
import type { Diagnostic } from "../../src/diagnostics/index.js";
import { compileSandboxUnits, type SandboxArtifact, type SandboxUnit } from "../../src/emit/wasm/index.js";
import type { EmbeddedSource } from "../../src/plan/node.js";
import { embedCodeBody } from "../../src/testing/embedCodeBody.js";

/**
 * A schema written compactly: `"integer"`, `"string[]"`, `"number?"` (optional), nested maps,
 * `[shape]` for an array of any shape.
 */
export type Shape = string | readonly [Shape] | { readonly [field: string]: Shape };

function typeOf(shape: Shape): SchemaType {
  if (Array.isArray(shape)) return { kind: "array", element: typeOf(shape[0] as Shape) };
  if (typeof shape !== "string") return obj(shape as { readonly [field: string]: Shape });
  if (shape.endsWith("[]")) return { kind: "array", element: typeOf(shape.slice(0, -2)) };
  return { kind: shape as "string" | "number" | "integer" | "boolean" | "any" };
}

/** An object type from a compact shape; a field name or type ending in `?` is optional. */
export function obj(fields: { readonly [field: string]: Shape }): ObjectType {
  return {
    kind: "object",
    fields: Object.entries(fields).map(([name, shape]) => {
      const optional = typeof shape === "string" && shape.endsWith("?");
      return { name, optional, type: typeOf(optional ? (shape as string).slice(0, -1) : shape) };
    }),
  };
}

/** The 1-based line of the first body line in files made by `embed`. */
export const BODY_FIRST_LINE = 6;

/** Embeds `body` as a YAML block scalar (indented 6) in a file named `<nodeId>.yaml`. */
export function embed(body: string, nodeId = "node"): EmbeddedSource {
  return embedCodeBody(body, nodeId);
}

/** A code unit. */
export function unit(
  nodeId: string,
  body: string,
  input: { readonly [field: string]: Shape },
  output: { readonly [field: string]: Shape },
  capabilities: readonly string[] = [],
  kind: "code" | "condition" = "code",
): SandboxUnit {
  return { nodeId, kind, inputType: obj(input), outputType: obj(output), capabilities, body: embed(body, nodeId) };
}

/** Compiles units (cached in `cacheDir`, by default the test run's cache) and loads each artifact as a program, by node id. */
export async function compileAll(units: readonly SandboxUnit[], cacheDir = process.env.ICEOSC_CACHE_DIR) {
  const result = await compileSandboxUnits(units, cacheDir === undefined ? {} : { cacheDir });
  const programs = new Map<string, SandboxProgram>();
  for (const artifact of result.artifacts) programs.set(artifact.nodeId, load(artifact, units));
  return { ...result, programs };
}

/** The program compiled for `id`; when it did not compile, fails showing the diagnostics for it. */
export function programOf(
  compiled: { readonly programs: ReadonlyMap<string, SandboxProgram>; readonly diagnostics: readonly Diagnostic[] },
  id: string,
): SandboxProgram {
  const found = compiled.programs.get(id);
  if (found) return found;
  const reasons = compiled.diagnostics
    .filter((d) => d.span?.file.path === `${id}.yaml`)
    .map((d) => `${where(d)} ${d.message}`);
  throw new Error(`'${id}' did not compile:\n${reasons.join("\n") || "(no diagnostics for it)"}`);
}

function load(artifact: SandboxArtifact, units: readonly SandboxUnit[]): SandboxProgram {
  const u = units.find((x) => x.nodeId === artifact.nodeId)!;
  return SandboxProgram.compile(artifact.wasm, {
    nodeId: u.nodeId,
    inputType: u.inputType,
    outputType: u.outputType,
    capabilities: u.capabilities,
  });
}

export const MiB = 1024 * 1024;
export const LIMITS: SandboxLimits = { fuel: 10_000_000, memoryBytes: 4 * MiB, timeoutMs: 5_000 };

/** `file:line:col CODE` of a diagnostic, for compact assertions. */
export function where(d: Diagnostic): string {
  if (!d.span) return d.code;
  const { line, column } = d.span.file.position(d.span.start);
  return `${d.span.file.path}:${line}:${column} ${d.code}`;
}

/** The error a function throws (fails the test when it does not throw). */
export function thrown(fn: () => unknown): { code?: string; message: string } {
  try {
    fn();
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error("expected an error");
}
