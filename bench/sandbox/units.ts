/**
 * @fileoverview Building blocks of the sandbox benchmarks: sandbox units written by hand (as
 * test/sandbox/helpers.ts does), compiled through the public compiler API (metered, verified,
 * cached) and, for the unmetered comparison, through the same asc step without the fuel pass;
 * a minimal host for unmetered modules (SandboxProgram refuses them, rightly); and the same body
 * as a direct JavaScript function, with types erased the way trusted code nodes are.
 */
import { ts } from "ts-morph";
import type { ObjectType, SchemaType } from "../../runtime/schema.js";
import { SandboxProgram } from "../../runtime/sandbox/index.js";
import { createIntrinsics, INTRINSIC_IMPORTS } from "../../runtime/sandbox/intrinsics.js";
import { KEEP_BYTES } from "../../runtime/sandbox/program.js";
import { makeDecoder, WireReader, WireWriter, type Decoder } from "../../runtime/sandbox/codec.js";
import { makeEncoder, type Encoder } from "../../runtime/sandbox/encoder.js";
import { compileSandboxUnits, type SandboxUnit } from "../../src/emit/wasm/index.js";
import { compileInWorker } from "../../src/emit/wasm/compileWorker.js";
import { lowerBody } from "../../src/codenode/index.js";
import type { EmbeddedSource } from "../../src/plan/node.js";
import { embedCodeBody } from "../../src/testing/embedCodeBody.js";

/** A compact schema: `"integer"`, `"string[]"`, `[shape]` (array of objects), nested maps. */
export type Shape = string | readonly [Shape] | { readonly [field: string]: Shape };

function typeOf(shape: Shape): SchemaType {
  if (Array.isArray(shape)) return { kind: "array", element: typeOf(shape[0] as Shape) };
  if (typeof shape !== "string") return obj(shape as { readonly [field: string]: Shape });
  if (shape.endsWith("[]")) return { kind: "array", element: typeOf(shape.slice(0, -2)) };
  return { kind: shape as "string" | "number" | "integer" | "boolean" };
}

/** An object type from a compact shape. */
export function obj(fields: { readonly [field: string]: Shape }): ObjectType {
  return {
    kind: "object",
    fields: Object.entries(fields).map(([name, shape]) => ({ name, optional: false, type: typeOf(shape) })),
  };
}

/** A body embedded in a synthetic workflow file, so compiler diagnostics have positions. */
function embed(body: string, nodeId: string): EmbeddedSource {
  return embedCodeBody(body, nodeId, "bench");
}

/** A piece of sandboxed work: its source, schemas and a representative input. */
export interface Workload {
  readonly id: string;
  readonly kind: "code" | "condition";
  readonly body: string;
  readonly input: { readonly [field: string]: Shape };
  readonly output: { readonly [field: string]: Shape };
  readonly value: Record<string, unknown>;
  /** Granted capabilities (`imports:`), e.g. `["json"]`; none when absent. */
  readonly capabilities?: readonly string[];
  /** The memory cap of its runs, when it needs more than the suite's default. */
  readonly memoryBytes?: number;
}

export function toUnit(w: Workload): SandboxUnit {
  return {
    nodeId: w.id,
    kind: w.kind,
    inputType: obj(w.input),
    outputType: obj(w.output),
    capabilities: [...(w.capabilities ?? [])],
    body: embed(w.body, w.id),
  };
}

/** Compiles workloads through `compileSandboxUnits` (metered, verified); throws on diagnostics. */
export async function compileMetered(
  workloads: readonly Workload[],
  cacheDir: string | undefined,
): Promise<Map<string, Uint8Array>> {
  const units = workloads.map(toUnit);
  const result = await compileSandboxUnits(units, cacheDir === undefined ? {} : { cacheDir });
  if (result.artifacts.length !== units.length) {
    const messages = result.diagnostics.map((d) => `${d.code} ${d.message}`).join("\n");
    throw new Error(`bench units failed to compile:\n${messages}`);
  }
  return new Map(result.artifacts.map((a) => [a.nodeId, a.wasm]));
}

/** The same programs as compileMetered, from the same asc step, without the fuel pass. */
export async function compileUnmetered(workloads: readonly Workload[]): Promise<Map<string, Uint8Array>> {
  const sources = workloads.map((w) => {
    const u = toUnit(w);
    return lowerBody(u.body, u.inputType, u.outputType, u.capabilities).source!;
  });
  const outcomes = await compileInWorker(sources, { unitMs: 60_000, totalMs: 600_000 });
  const out = new Map<string, Uint8Array>();
  outcomes.forEach((o, i) => {
    if (!o.binary)
      throw new Error(
        `unmetered compile of ${workloads[i]!.id} failed: ${o.failure?.message ?? o.diagnostics.map((d) => d.message).join("; ")}`,
      );
    out.set(workloads[i]!.id, o.binary);
  });
  return out;
}

/** A verified program for a workload (the production host). */
export function programFor(w: Workload, wasm: Uint8Array): SandboxProgram {
  const u = toUnit(w);
  return SandboxProgram.compile(wasm, {
    nodeId: w.id,
    inputType: u.inputType,
    outputType: u.outputType,
    capabilities: u.capabilities,
  });
}

interface RawExports {
  readonly _start: () => void;
  readonly __ice_alloc: (length: number) => number;
  readonly __ice_run: () => number;
  readonly __ice_fuel?: WebAssembly.Global;
}

/** Fuel no benchmark run can spend, so the host's `ice.tick` is never reached. */
export const BIG_FUEL = 2n ** 62n;

/**
 * Imports for any sandbox module without capabilities: the memory `memoryOf` returns, the host's
 * intrinsics (number text, Math, localeCompare: what every module may import), an `abort` that
 * throws, and every other imported function (the fuel slice hook `ice.tick`, which BIG_FUEL keeps
 * from being called) as a function that throws if it ever is.
 */
export function importsFor(module: WebAssembly.Module, memoryOf: () => WebAssembly.Memory): WebAssembly.Imports {
  const imports: Record<string, Record<string, unknown>> = {};
  const intrinsics = createIntrinsics(memoryOf);
  for (const item of WebAssembly.Module.imports(module)) {
    imports[item.module] ??= {};
    const ns = imports[item.module]!;
    if (item.kind === "memory") Object.defineProperty(ns, item.name, { enumerable: true, get: memoryOf });
    else if (item.kind === "function" && `${item.module}.${item.name}` in INTRINSIC_IMPORTS)
      ns[item.name] = intrinsics[item.name]; // number printing and parsing, Math, localeCompare: the host's own
    else if (item.kind === "function") {
      ns[item.name] = () => {
        throw new Error(`sandbox called ${item.module}.${item.name}`);
      };
    } else throw new Error(`unexpected import ${item.module}.${item.name} (${item.kind})`);
  }
  return imports as WebAssembly.Imports;
}

/**
 * The production host's hot path without verification, schema validation and error
 * classification: fresh instance per run, a zeroed reused memory (kept grown up to KEEP_BYTES, as
 * the production host keeps it), the same codec. Runs metered
 * and unmetered modules alike, so the two differ only in the fuel checks.
 */
export class RawRunner {
  private readonly module: WebAssembly.Module;
  private readonly minPages: number;
  private readonly encode: Encoder;
  private readonly decode: Decoder;
  private readonly writer = new WireWriter();
  private spare: WebAssembly.Memory | undefined;
  private memory: WebAssembly.Memory | undefined;
  private readonly imports: WebAssembly.Imports;

  constructor(
    w: Workload,
    wasm: Uint8Array,
    private readonly maxPages = 256,
  ) {
    const u = toUnit(w);
    this.module = new WebAssembly.Module(wasm as Uint8Array<ArrayBuffer>);
    this.minPages = memoryMinFromBinary(wasm);
    this.encode = makeEncoder(u.inputType);
    this.decode = makeDecoder(u.outputType);
    this.imports = importsFor(this.module, () => this.memory!);
  }

  /** Pages of the imported memory at instantiation. */
  get pages(): number {
    return this.minPages;
  }

  run(input: Record<string, unknown>): Record<string, unknown> {
    const w = this.writer;
    w.pos = 0;
    this.encode(w, input);
    const length = w.pos;
    const memory = this.spare ?? new WebAssembly.Memory({ initial: this.minPages, maximum: this.maxPages });
    this.spare = undefined;
    this.memory = memory;
    const exports = new WebAssembly.Instance(this.module, this.imports).exports as unknown as RawExports;
    if (exports.__ice_fuel) exports.__ice_fuel.value = BIG_FUEL;
    exports._start();
    const at = exports.__ice_alloc(length) >>> 0;
    new Uint8Array(memory.buffer, at, length).set(w.bytes.subarray(0, length));
    const out = exports.__ice_run() >>> 0;
    const bytes = new Uint8Array(memory.buffer);
    const view = new DataView(memory.buffer);
    const size = view.getUint32(out, true);
    const output = this.decode(new WireReader(bytes, view, out + 4, out + 4 + size)) as Record<string, unknown>;
    if (memory.buffer.byteLength <= KEEP_BYTES) {
      bytes.fill(0);
      this.spare = memory;
    }
    return output;
  }
}

/** Minimum pages of the imported memory, from the import section (unmetered modules fail verifyModule). */
export function memoryMinFromBinary(wasm: Uint8Array): number {
  let pos = 8;
  const u32 = (): number => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = wasm[pos++]!;
      result |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result >>> 0;
      shift += 7;
    }
  };
  while (pos < wasm.length) {
    const id = wasm[pos++]!;
    const size = u32();
    const end = pos + size;
    if (id === 2) {
      for (let n = u32(); n > 0; n--) {
        for (let part = 0; part < 2; part++) {
          const length = u32();
          pos += length;
        }
        const kind = wasm[pos++]!;
        if (kind === 0) u32();
        else if (kind === 1) {
          pos++;
          limits();
        } else if (kind === 2) return limits().min;
        else pos += 2;
      }
    }
    pos = end;
  }
  throw new Error("module imports no memory");

  function limits(): { min: number } {
    const flags = wasm[pos++]!;
    const min = u32();
    if (flags & 1) u32();
    return { min };
  }
}

/** The body as a direct JavaScript function (TypeScript types erased, as for trusted code). */
export function directFunction(body: string): (inputs: Record<string, unknown>) => Record<string, unknown> {
  const source = `function __direct(inputs) {\n${body}\n}`;
  const js = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.None, removeComments: true },
  }).outputText;
  return new Function(`${js}\nreturn __direct;`)() as (inputs: Record<string, unknown>) => Record<string, unknown>;
}

/** The body as JavaScript source of a function expression (for the other sandboxes). */
export function javascriptOf(body: string): string {
  const source = `(function (inputs) {\n${body}\n})`;
  return ts
    .transpileModule(source, {
      compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.None, removeComments: true },
    })
    .outputText.replace(/^"use strict";\s*/, "")
    .trim()
    .replace(/;$/, "");
}
