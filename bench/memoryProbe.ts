/**
 * @fileoverview Child process of the memory suite, so that resident memory is measured in a
 * clean process: `node --expose-gc memoryProbe.js sandbox <module.wasm> <input.bin> <count>` keeps
 * `count` live instances of the module (each with its own memory, each run once on the input);
 * `... quickjs <count>` keeps `count` quickjs runtimes with a context each; `... programs
 * <module.wasm> <spec.json> <count> <limits.json>` keeps `count` SandboxPrograms of the module,
 * each with one prepared instance (`prepare(limits)`), stopping at the first one V8 refuses
 * (`distinct-programs`: each program's bytes differ by a custom section, so each is its own V8
 * module). Prints `{ "rssKiB", "heapKiB", "count", "ms", "refused"? }`: RSS and V8 heap + external
 * deltas after a full GC per item kept, how many were kept, the time to make them, and why the
 * next one was refused, if one was.
 */
import { readFileSync } from "node:fs";
import type { SandboxLimits } from "../runtime/profiles.js";
import { SandboxProgram, type SandboxSpec } from "../runtime/sandbox/index.js";
import { loadQuickJs } from "./sandbox/competitors.js";
import { BIG_FUEL, importsFor, memoryMinFromBinary } from "./sandbox/units.js";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc");

function snapshot(): { rss: number; heap: number } {
  gc!();
  gc!();
  const usage = process.memoryUsage();
  return { rss: usage.rss, heap: usage.heapUsed + usage.external };
}

/** A refusal to create one more item (the count a process can hold is reached). */
class ProbeRefused extends Error {}

function isIceError(error: unknown): boolean {
  return typeof (error as { code?: unknown } | undefined)?.code === "string";
}

/** `wasm` with a custom section named `name` appended: the same program, distinct bytes (a distinct V8 module). */
function withCustomSection(wasm: Uint8Array, name: string): Uint8Array {
  const nameBytes = new TextEncoder().encode(name);
  const payload = [...leb(nameBytes.length), ...nameBytes];
  const tail = [0, ...leb(payload.length), ...payload];
  const out = new Uint8Array(wasm.length + tail.length);
  out.set(wasm);
  out.set(tail, wasm.length);
  return out;
}

function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

const [kind, ...args] = process.argv.slice(2);
const keep: unknown[] = [];
let count: number;
let create: () => void;

if (kind === "sandbox") {
  const wasm = readFileSync(args[0]!);
  const input = readFileSync(args[1]!);
  count = Number(args[2]);
  const module = new WebAssembly.Module(wasm);
  const minPages = memoryMinFromBinary(wasm);
  create = () => {
    const memory = new WebAssembly.Memory({ initial: minPages, maximum: 32 });
    const exports = new WebAssembly.Instance(
      module,
      importsFor(module, () => memory),
    ).exports as Record<string, unknown>;
    (exports.__ice_fuel as WebAssembly.Global).value = BIG_FUEL;
    (exports._start as () => void)();
    const at = (exports.__ice_alloc as (n: number) => number)(input.length) >>> 0;
    new Uint8Array(memory.buffer, at, input.length).set(input);
    (exports.__ice_run as () => number)();
    keep.push({ memory, exports });
  };
} else if (kind === "quickjs") {
  const quickjs = await loadQuickJs();
  if (!quickjs) throw new Error("quickjs-emscripten not installed");
  count = Number(args[0]);
  create = () => {
    const runtime = quickjs.module.newRuntime();
    runtime.setMemoryLimit(16 * 1024 * 1024);
    keep.push({ runtime, context: runtime.newContext() });
  };
} else if (kind === "programs" || kind === "distinct-programs") {
  // Live SandboxPrograms with one prepared instance each, until `count` or the first refusal.
  const wasm = readFileSync(args[0]!);
  const spec = JSON.parse(readFileSync(args[1]!, "utf8")) as SandboxSpec;
  count = Number(args[2]);
  const limits = JSON.parse(readFileSync(args[3]!, "utf8")) as SandboxLimits;
  let made = 0;
  create = () => {
    const bytes = kind === "programs" ? wasm : withCustomSection(wasm, `bench-${made++}`);
    const program = SandboxProgram.compile(bytes, spec);
    program.prepare(limits);
    if (!program.hasReadyInstance) {
      // prepare() keeps its reason for the run that needs the instance: ask V8 the same way.
      let why = "prepare left no instance (a memory could still be made)";
      try {
        new WebAssembly.Memory({ initial: 1, maximum: Math.floor(limits.memoryBytes / 65_536) });
      } catch (error) {
        why = error instanceof Error ? error.message : String(error);
      }
      throw new ProbeRefused(why);
    }
    keep.push(program);
  };
} else {
  throw new Error(`unknown probe '${kind}'`);
}

create(); // warm the code paths before the baseline
keep.length = 0;
const before = snapshot();
let refused: string | undefined;
const started = performance.now();
for (let i = 0; i < count; i++) {
  try {
    create();
  } catch (error) {
    if (!(error instanceof ProbeRefused) && !(error instanceof RangeError) && !isIceError(error)) throw error;
    refused = error instanceof Error ? error.message : String(error);
    break;
  }
}
const ms = performance.now() - started;
const after = snapshot();
const made = Math.max(1, keep.length);
process.stdout.write(
  `${JSON.stringify({ rssKiB: (after.rss - before.rss) / 1024 / made, heapKiB: (after.heap - before.heap) / 1024 / made, count: keep.length, ms, ...(refused !== undefined && { refused }) })}\n`,
);
