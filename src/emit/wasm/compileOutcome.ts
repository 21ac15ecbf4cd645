/**
 * @fileoverview What a compile in the compiler workers gives back (compileWorker.ts): asc's
 * diagnostics, the optimised (and, where the worker could, metered) module, or, for a workflow's
 * combined program (combinedProgram.ts), one module per body.
 */

/** One asc diagnostic, with its range in the file it names. */
export interface AscDiagnostic {
  /** 3 = error, 2 = warning, lower = info/pedantic. */
  readonly category: number;
  readonly code: number;
  readonly message: string;
  readonly path: string;
  readonly start: number;
  readonly end: number;
}

/** What compiling one source gave. */
export interface CompileOutcome {
  readonly binary?: Uint8Array;
  readonly diagnostics: readonly AscDiagnostic[];
  /** Set when asc did not finish normally. */
  readonly failure?: { readonly kind: "timeout" | "crash" | "budget"; readonly message: string };
  /** Library files whose parse from an earlier compile in the same worker was reused. */
  readonly reusedSources?: number;
  /** `binary` fuel-metered by the worker (meter.ts), when asked to and it could. */
  readonly metered?: Uint8Array;
  /** Why metering `binary` failed in the worker (`forbidden`: a ForbiddenInstructionError). */
  readonly meterError?: MeterError;
  /** A combined program's module split per body (combinedProgram.ts), in the order of its files. */
  readonly parts?: readonly CompiledPart[];
}

/** Why metering failed in the worker (`forbidden`: a ForbiddenInstructionError). */
export interface MeterError {
  readonly forbidden: boolean;
  readonly message: string;
}

/** One body's module of a combined program: optimised, and metered when the worker could. */
export interface CompiledPart {
  readonly binary: Uint8Array;
  readonly metered?: Uint8Array;
  readonly meterError?: MeterError;
}

/** A combined program (combinedProgram.ts): its bodies' files and how many modules it splits into. */
export interface ProgramParts {
  readonly files: Readonly<Record<string, string>>;
  readonly split: number;
}
