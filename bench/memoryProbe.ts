/**
 * @fileoverview Child process of the memory suite, so that resident memory is measured in a
 * clean process: `node --expose-gc memoryProbe.js sandbox <module.wasm> <input.bin> <count>` keeps
 * `count` live instances of the module (each with its own memory, each run once on the input);
 * `... quickjs <count>` keeps `count` quickjs runtimes with a context each. Prints
 * `{ "rssKiB", "heapKiB" }` per item: RSS and V8 heap + external deltas after a full GC.
 */
import { readFileSync } from "node:fs";
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
} else {
  throw new Error(`unknown probe '${kind}'`);
}

create(); // warm the code paths before the baseline
keep.length = 0;
const before = snapshot();
for (let i = 0; i < count; i++) create();
const after = snapshot();
process.stdout.write(
  `${JSON.stringify({ rssKiB: (after.rss - before.rss) / 1024 / count, heapKiB: (after.heap - before.heap) / 1024 / count, count: keep.length })}\n`,
);
