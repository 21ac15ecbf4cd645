/**
 * @fileoverview Verifies a sandbox module's binary before it is ever instantiated: MVP-only code
 * (plus sign-extension and saturating float-to-int), fuel metering at every function entry and
 * loop header, imported memory, no start section, and the export shape the host drives.
 * Shared by the runtime (SandboxProgram.compile) and the compiler (after instrumenting).
 *
 * Metering pattern (what src/emit/wasm/meter.ts injects; checked byte-wise here):
 *   global.get F; i64.const N; i64.sub; global.set F;
 *   global.get F; i64.const 0; i64.lt_s; if; call T; end             (N >= 1, F = `__ice_fuel`)
 * where T is the imported host function `ice.tick`, which stops the run or hands out more fuel.
 */

/** The host function every fuel check calls when the current slice of fuel is spent. */
export const TICK_IMPORT = { module: "ice", name: "tick", qualifiedName: "ice.tick" } as const;

/** Names of the exports the host uses. */
export const EXPORTS = {
  start: "_start",
  alloc: "__ice_alloc",
  run: "__ice_run",
  fuel: "__ice_fuel",
  oom: "__ice_oom",
  reset: "__ice_reset",
} as const;

/** Why a module failed verification: `import` (not allowed to reach the host) or `module`. */
export class VerifyError extends Error {
  constructor(
    readonly reason: "import" | "instruction" | "module",
    message: string,
  ) {
    super(message);
  }
}

/** One import, as `module.name`. */
export interface ModuleImport {
  readonly qualifiedName: string;
  readonly kind: "function" | "table" | "memory" | "global";
}

/** What the host needs to know about a verified module. */
export interface ModuleShape {
  readonly imports: readonly ModuleImport[];
  /** Minimum pages of the imported memory (the module's static data needs them). */
  readonly memoryMinPages: number;
  /**
   * True when the module exports `__ice_reset` and it was verified to set every mutable global
   * back to its initial value (and do nothing else): the host may then reuse an instance.
   */
  readonly resettable: boolean;
  /** Imported functions (they come first in the function index space). */
  readonly importedFunctions: number;
  /** Defined functions' costs, in order (index = function index - importedFunctions). */
  readonly functions: readonly FunctionCost[];
  /** Exported functions by name (function index). */
  readonly exportedFunctions: ReadonlyMap<string, number>;
  /** Custom sections by name (e.g. the compiler's `iceosc.risk`). */
  readonly custom: ReadonlyMap<string, Uint8Array>;
}

/** A module-defined global: its type, mutability and (when it is a single constant) its initial value. */
interface GlobalInfo {
  readonly type: number;
  readonly mutable: boolean;
  readonly init?: string;
}

const KINDS = ["function", "table", "memory", "global"] as const;
const SECTION = { type: 1, import: 2, function: 3, table: 4, memory: 5, global: 6, export: 7, start: 8, code: 10 };

/**
 * Parses and checks `bytes`; throws VerifyError. `checkImport` sees each import as it is read
 * (before anything else is checked) and may throw to refuse it.
 */
export function verifyModule(bytes: Uint8Array, checkImport?: (item: ModuleImport) => void): ModuleShape {
  const r = new ByteReader(bytes);
  if (r.u32le() !== 0x6d736100 || r.u32le() !== 1) throw new VerifyError("module", "not a WebAssembly module");
  const imports: ModuleImport[] = [];
  let memoryMinPages = -1;
  let importedGlobals = 0;
  let importedFunctions = 0;
  let tick = -1;
  const globals: GlobalInfo[] = [];
  const exports = new Map<string, { kind: number; index: number }>();
  let code: { start: number; end: number } | undefined;
  const custom = new Map<string, Uint8Array>();

  while (!r.done) {
    const id = r.byte();
    const size = r.u32();
    const end = r.pos + size;
    if (end > bytes.length) throw new VerifyError("module", "section overruns the module");
    switch (id) {
      case SECTION.import:
        for (let n = r.u32(); n > 0; n--) {
          const name = `${r.name()}.${r.name()}`;
          const kind = KINDS[r.byte()];
          if (!kind) throw new VerifyError("module", `bad import kind for '${name}'`);
          imports.push({ qualifiedName: name, kind });
          checkImport?.({ qualifiedName: name, kind });
          if (kind === "function") {
            r.u32();
            if (name === TICK_IMPORT.qualifiedName) tick = importedFunctions;
            importedFunctions++;
          }
          else if (kind === "table") (r.byte(), r.limits());
          else if (kind === "memory") {
            const limits = r.limits();
            if (limits.shared) throw new VerifyError("module", "shared memory is not allowed");
            memoryMinPages = limits.min;
          } else {
            globals.push({ type: r.byte(), mutable: r.byte() === 1 });
            importedGlobals++;
          }
        }
        break;
      case SECTION.memory:
        if (r.u32() > 0) throw new VerifyError("module", "module defines its own memory; it must import env.memory");
        break;
      case SECTION.global:
        for (let n = r.u32(); n > 0; n--) {
          const type = r.byte();
          const mutable = r.byte() === 1;
          const init = r.constExpr();
          globals.push({ type, mutable, ...(init !== undefined && { init }) });
        }
        break;
      case SECTION.export:
        for (let n = r.u32(); n > 0; n--) {
          const name = r.name();
          exports.set(name, { kind: r.byte(), index: r.u32() });
        }
        break;
      case SECTION.start:
        throw new VerifyError("module", "module has a start section (code would run before fuel is set)");
      case SECTION.code:
        code = { start: r.pos, end };
        break;
      case 0: {
        const name = r.name();
        if (r.pos > end) throw new VerifyError("module", "custom section name overruns the section");
        custom.set(name, bytes.subarray(r.pos, end));
        break;
      }
      default:
        if (id > 12) throw new VerifyError("module", `unknown section ${id}`);
    }
    r.pos = end;
  }

  if (memoryMinPages < 0) throw new VerifyError("module", "module does not import env.memory");
  for (const name of [EXPORTS.start, EXPORTS.alloc, EXPORTS.run]) {
    if (exports.get(name)?.kind !== 0) throw new VerifyError("module", `missing exported function '${name}'`);
  }
  const fuel = exports.get(EXPORTS.fuel);
  const fuelGlobal = fuel?.kind === 3 ? globals[fuel.index] : undefined;
  if (!fuel || !fuelGlobal || fuel.index < importedGlobals || fuelGlobal.type !== 0x7e || !fuelGlobal.mutable) {
    throw new VerifyError("module", `missing fuel counter '${EXPORTS.fuel}' (a mutable i64 global)`);
  }
  const oom = exports.get(EXPORTS.oom);
  if (oom?.kind !== 3 || globals[oom.index]?.type !== 0x7f) throw new VerifyError("module", `missing '${EXPORTS.oom}' flag`);
  const expected = new Set<string>([...Object.values(EXPORTS), "memory"]);
  for (const name of exports.keys()) {
    if (!expected.has(name)) throw new VerifyError("module", `unexpected export '${name}'`);
  }
  if (tick < 0) throw new VerifyError("module", `module does not import '${TICK_IMPORT.qualifiedName}' (it is not fuel-metered)`);
  const reset = exports.get(EXPORTS.reset);
  if (reset && reset.kind !== 0) throw new VerifyError("module", `'${EXPORTS.reset}' is not a function`);
  let resettable = false;
  let functions: FunctionCost[] = [];
  if (code) {
    const checker = new CodeChecker(r, fuel.index, tick);
    const resetBody = checker.checkSection(code.start, code.end, reset ? reset.index - importedFunctions : -1);
    if (resetBody) resettable = checkReset(resetBody, globals, importedGlobals, fuel.index);
    functions = checker.functions;
  }
  const exportedFunctions = new Map([...exports].filter(([, e]) => e.kind === 0).map(([name, e]) => [name, e.index]));
  return { imports, memoryMinPages, resettable, importedFunctions, functions, exportedFunctions, custom };
}

/** Walks function bodies: allowed opcodes only, metering at every entry and loop. */
class CodeChecker {
  /** Per defined function, in order: what the fuel checks charge and what it calls. */
  readonly functions: FunctionCost[] = [];

  constructor(
    private readonly r: ByteReader,
    private readonly fuel: number,
    private readonly tick: number,
  ) {}

  /** Checks every body; returns the global writes of the body at `resetIndex` when it is a reset. */
  checkSection(start: number, end: number, resetIndex: number): ResetWrite[] | undefined {
    const r = this.r;
    r.pos = start;
    let reset: ResetWrite[] | undefined;
    for (let n = r.u32(), index = 0; n > 0; n--, index++) {
      const size = r.u32();
      const bodyEnd = r.pos + size;
      if (bodyEnd > end) throw new VerifyError("module", "function body overruns the code section");
      for (let groups = r.u32(); groups > 0; groups--) (r.u32(), r.byte());
      const entry = this.meterAt();
      if (entry < 0) throw new VerifyError("module", `function ${index} is not fuel-metered`);
      if (index === resetIndex) reset = this.resetWrites(bodyEnd);
      const summary: FunctionCost = { entry, loops: [], calls: [], indirect: false };
      this.functions.push(summary);
      this.checkBody(bodyEnd, summary);
      if (r.pos !== bodyEnd) throw new VerifyError("module", `function ${index} has trailing bytes`);
    }
    return reset;
  }

  /** Reads a body made only of `const; global.set` pairs (without moving); undefined otherwise. */
  private resetWrites(bodyEnd: number): ResetWrite[] | undefined {
    const r = this.r;
    const at = r.pos;
    const writes: ResetWrite[] = [];
    try {
      while (r.pos < bodyEnd) {
        const op = r.byte();
        if (op === 0x0b) return r.pos === bodyEnd ? writes : undefined;
        const value = r.constValue(op);
        if (value === undefined || r.byte() !== 0x24) return undefined;
        writes.push({ value, global: r.u32() });
      }
      return undefined;
    } finally {
      r.pos = at;
    }
  }

  /** Consumes a metering sequence at the current position, if there is one; returns its charge (or -1). */
  private meterAt(): number {
    const r = this.r;
    const at = r.pos;
    let cost = -1;
    const ok =
      r.byte() === 0x23 && r.u32() === this.fuel && r.byte() === 0x42 && (cost = r.s64()) >= 1 && r.byte() === 0x7d &&
      r.byte() === 0x24 && r.u32() === this.fuel && r.byte() === 0x23 && r.u32() === this.fuel &&
      r.byte() === 0x42 && r.s64() === 0 && r.byte() === 0x53 && r.byte() === 0x04 && r.byte() === 0x40 &&
      r.byte() === 0x10 && r.u32() === this.tick && r.byte() === 0x0b;
    if (!ok) r.pos = at;
    return ok ? cost : -1;
  }

  private checkBody(bodyEnd: number, summary: FunctionCost): void {
    const r = this.r;
    let depth = 1;
    /** Block depths at which the open loops start. */
    const loops: number[] = [];
    while (depth > 0) {
      if (r.pos >= bodyEnd) throw new VerifyError("module", "function body is not terminated");
      const op = r.byte();
      if (op === 0x0b) {
        if (loops[loops.length - 1] === depth) loops.pop();
        depth--;
      } else if (op === 0x02 || op === 0x04) (this.blockType(), depth++);
      else if (op === 0x03) {
        this.blockType();
        depth++;
        const cost = this.meterAt();
        if (cost < 0) throw new VerifyError("module", "a loop is not fuel-metered");
        summary.loops.push({ cost, nested: loops.length > 0 });
        loops.push(depth);
      } else if (op <= 0x01 || op === 0x05 || op === 0x0f || op === 0x1a || op === 0x1b) continue;
      else if (op === 0x10) summary.calls.push({ callee: r.u32(), inLoop: loops.length > 0 });
      else if (op === 0x0c || op === 0x0d || (op >= 0x20 && op <= 0x23)) r.u32();
      else if (op === 0x24) {
        if (r.u32() === this.fuel) throw new VerifyError("instruction", "code writes the fuel counter");
      } else if (op === 0x0e) {
        for (let n = r.u32(); n >= 0; n--) r.u32();
      } else if (op === 0x11) {
        summary.indirect = true;
        r.u32();
        if (r.byte() !== 0) throw new VerifyError("instruction", "call_indirect on a table other than 0");
      } else if (op >= 0x28 && op <= 0x3e) (r.u32(), r.u32());
      else if (op === 0x3f || op === 0x40) {
        if (r.byte() !== 0) throw new VerifyError("instruction", "multi-memory access");
      } else if (op === 0x41) r.s64();
      else if (op === 0x42) r.s64();
      else if (op === 0x43) r.pos += 4;
      else if (op === 0x44) r.pos += 8;
      else if (op >= 0x45 && op <= 0xc4) continue;
      else if (op === 0xfc) {
        const sub = r.u32();
        if (sub > 7) throw new VerifyError("instruction", sub <= 17 ? "bulk memory or table operations" : `opcode 0xfc ${sub}`);
      } else throw new VerifyError("instruction", describeOpcode(op));
    }
  }

  private blockType(): void {
    const type = this.r.byte();
    if (type !== 0x40 && (type < 0x7c || type > 0x7f)) throw new VerifyError("instruction", "multi-value or typed blocks");
  }
}

/** What one function's fuel checks charge, and what it calls (for the static risk report). */
export interface FunctionCost {
  /** Charged once per call. */
  readonly entry: number;
  /** Charged per iteration of each loop; `nested` when inside another loop of this function. */
  readonly loops: { readonly cost: number; readonly nested: boolean }[];
  /** Direct calls (function index, imports first), and whether each sits inside a loop. */
  readonly calls: { readonly callee: number; readonly inLoop: boolean }[];
  /** True when the function calls through the table (function references). */
  indirect: boolean;
}

/** One `const; global.set` of a reset function. */
interface ResetWrite {
  readonly value: string;
  readonly global: number;
}

/** True when `writes` set every mutable module-defined global but the fuel counter exactly to its initial value. */
function checkReset(writes: readonly ResetWrite[], globals: readonly GlobalInfo[], importedGlobals: number, fuel: number): boolean {
  const set = new Map<number, string>();
  for (const write of writes) {
    const global = globals[write.global];
    if (write.global < importedGlobals || !global || !global.mutable || global.init === undefined || global.init !== write.value) return false;
    set.set(write.global, write.value);
  }
  // The fuel counter is the host's to set (and code never writes it).
  for (let i = importedGlobals; i < globals.length; i++) if (i !== fuel && globals[i]!.mutable && !set.has(i)) return false;
  return true;
}

function describeOpcode(op: number): string {
  if (op === 0xfd) return "SIMD instructions";
  if (op === 0xfe) return "atomic (threads) instructions";
  if (op >= 0x06 && op <= 0x0a) return "exception handling";
  if (op === 0x12 || op === 0x13) return "tail calls";
  if (op >= 0xd0 && op <= 0xd6) return "reference-type instructions";
  return `opcode 0x${op.toString(16)}`;
}

/** LEB128 and byte reading over a module; every read is bounds-checked. */
class ByteReader {
  pos = 0;
  constructor(private readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.pos >= this.bytes.length;
  }

  byte(): number {
    if (this.pos >= this.bytes.length) throw new VerifyError("module", "unexpected end of module");
    return this.bytes[this.pos++]!;
  }

  u32le(): number {
    return (this.byte() | (this.byte() << 8) | (this.byte() << 16) | (this.byte() << 24)) >>> 0;
  }

  u32(): number {
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const b = this.byte();
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
    }
    throw new VerifyError("module", "bad LEB128");
  }

  /** A signed LEB128 (up to 64 bits), as a double: exact enough for sign and small values. */
  s64(): number {
    let result = 0;
    let shift = 0;
    let b: number;
    do {
      if (shift > 63) throw new VerifyError("module", "bad LEB128");
      b = this.byte();
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    return b & 0x40 ? result - 2 ** shift : result;
  }

  name(): string {
    const length = this.u32();
    if (this.pos + length > this.bytes.length) throw new VerifyError("module", "name overruns the module");
    const text = decoder.decode(this.bytes.subarray(this.pos, this.pos + length));
    this.pos += length;
    return text;
  }

  limits(): { min: number; shared: boolean } {
    const flags = this.byte();
    if (flags > 3) throw new VerifyError("module", "unsupported memory limits (memory64?)");
    const min = this.u32();
    if (flags & 1) this.u32();
    return { min, shared: (flags & 2) !== 0 };
  }

  /**
   * Reads a constant expression; returns its value as a canonical string (`i32:5`, `f64:<hex>`)
   * when it is a single constant, undefined otherwise.
   */
  constExpr(): string | undefined {
    let value: string | undefined;
    let count = 0;
    for (;;) {
      const op = this.byte();
      if (op === 0x0b) return count === 1 ? value : undefined;
      count++;
      if (op === 0x23) (this.u32(), (value = undefined));
      else {
        value = this.constValue(op);
        if (value === undefined) throw new VerifyError("instruction", `constant expression opcode 0x${op.toString(16)}`);
      }
    }
  }

  /** The immediate of a `*.const` opcode, canonically; undefined (nothing read) for other opcodes. */
  constValue(op: number): string | undefined {
    if (op === 0x41 || op === 0x42) return `${op === 0x41 ? "i32" : "i64"}:${this.s64big()}`;
    if (op === 0x43 || op === 0x44) {
      const size = op === 0x43 ? 4 : 8;
      if (this.pos + size > this.bytes.length) throw new VerifyError("module", "unexpected end of module");
      const hex = Array.from(this.bytes.subarray(this.pos, this.pos + size), (b) => b.toString(16).padStart(2, "0")).join("");
      this.pos += size;
      return `${op === 0x43 ? "f32" : "f64"}:${hex}`;
    }
    return undefined;
  }

  /** A signed LEB128 (up to 64 bits), exactly. */
  s64big(): bigint {
    let result = 0n;
    let shift = 0n;
    let b: number;
    do {
      if (shift > 63n) throw new VerifyError("module", "bad LEB128");
      b = this.byte();
      result |= BigInt(b & 0x7f) << shift;
      shift += 7n;
    } while (b & 0x80);
    return b & 0x40 ? result - (1n << shift) : result;
  }
}

const decoder = new TextDecoder();
