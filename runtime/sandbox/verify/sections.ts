/**
 * @fileoverview Reads a module's sections for verification: imports (each shown to the caller's
 * import check as it is read), the imported memory, globals, exports, custom sections and where
 * the code section lies. Refuses on the way what no sandbox module may have: shared or own
 * memory, a start section, unknown sections.
 */
import { TICK_IMPORT } from "./abi.js";
import { ByteReader } from "./byteReader.js";
import type { ModuleImport } from "./moduleShape.js";
import { VerifyError } from "./verifyError.js";

/** A global (imported ones first): its type, mutability and (when it is a single constant) its initial value. */
export interface GlobalInfo {
  readonly type: number;
  readonly mutable: boolean;
  readonly init?: string;
}

/** An export: its kind (0 function, 1 table, 2 memory, 3 global) and index. */
export interface ExportInfo {
  readonly kind: number;
  readonly index: number;
}

/** What the sections say, before the interface and code checks. */
export interface ModuleSections {
  /** The reader over the whole module (the code checker goes on with it). */
  readonly reader: ByteReader;
  readonly imports: ModuleImport[];
  /** Minimum pages of the imported memory; -1 when no memory is imported. */
  readonly memoryMinPages: number;
  readonly importedGlobals: number;
  readonly importedFunctions: number;
  /** Function index of the `ice.tick` import; -1 when it is not imported. */
  readonly tick: number;
  readonly globals: GlobalInfo[];
  readonly exports: Map<string, ExportInfo>;
  /** Byte range of the code section's contents, when there is one. */
  readonly code: { start: number; end: number } | undefined;
  readonly custom: Map<string, Uint8Array>;
}

const KINDS = ["function", "table", "memory", "global"] as const;
const SECTION = { type: 1, import: 2, function: 3, table: 4, memory: 5, global: 6, export: 7, start: 8, code: 10 };

/** Reads the header and every section of `bytes`; `checkImport` sees each import as it is read. */
export function readSections(bytes: Uint8Array, checkImport?: (item: ModuleImport) => void): ModuleSections {
  const r = new ByteReader(bytes);
  if (r.u32le() !== 0x6d736100 || r.u32le() !== 1) throw new VerifyError("module", "not a WebAssembly module");
  const imports: ModuleImport[] = [];
  let memoryMinPages = -1;
  let importedGlobals = 0;
  let importedFunctions = 0;
  let tick = -1;
  const globals: GlobalInfo[] = [];
  const exports = new Map<string, ExportInfo>();
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
          } else if (kind === "table") {
            r.byte();
            r.limits();
          } else if (kind === "memory") {
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
  return {
    reader: r,
    imports,
    memoryMinPages,
    importedGlobals,
    importedFunctions,
    tick,
    globals,
    exports,
    code,
    custom,
  };
}
