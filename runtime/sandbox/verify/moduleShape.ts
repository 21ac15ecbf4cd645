/**
 * @fileoverview What verification tells the host (and the compiler's risk report) about a module
 * that passed: its imports, memory, reusability, and what each function's fuel checks charge.
 */

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

/** What one function's fuel checks charge, and what it calls (for the static risk report). */
export interface FunctionCost {
  /** Charged once per call (0 when the function has no entry check: its callers charge it). */
  readonly entry: number;
  /**
   * True when the function starts with a fuel check that tests the counter (false for functions
   * off every cycle of calls: charged on entry without a test, or folded into callers; unchecked.ts).
   */
  readonly metered: boolean;
  /** Bytes of the body (for the bound on work between two tests, unchecked.ts). */
  readonly size: number;
  /** Charged per iteration of each loop; `nested` when inside another loop of this function. */
  readonly loops: { readonly cost: number; readonly nested: boolean }[];
  /** Direct calls (function index, imports first), and whether each sits inside a loop. */
  readonly calls: { readonly callee: number; readonly inLoop: boolean }[];
  /** How many calls through the table (function references) the function makes (call sites). */
  indirect: number;
}
