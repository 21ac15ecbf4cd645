/**
 * @fileoverview The diagnostic value every phase reports, and the bag that collects them.
 */
import type { DiagnosticKind, Severity } from "./catalog.js";
import type { Span } from "./sourceFile.js";

/** A note attached to a diagnostic, optionally pointing somewhere else. */
export interface RelatedNote {
  readonly message: string;
  readonly span?: Span;
}

/** One problem found in a workflow. */
export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** Where the problem is; absent only for problems with no file (e.g. no input files). */
  readonly span?: Span;
  readonly notes: readonly RelatedNote[];
}

/** Builds a diagnostic from a catalog entry, filling `{0}`, `{1}`... with `args`. */
export function createDiagnostic(
  kind: DiagnosticKind,
  at: Span | undefined,
  args: readonly (string | number)[] = [],
  notes: readonly RelatedNote[] = [],
): Diagnostic {
  const message = kind.message.replace(/\{(\d+)\}/g, (_, index: string) => String(args[Number(index)] ?? ""));
  return { code: kind.code, severity: kind.severity, message, span: at, notes };
}

/** Collects diagnostics in the order they are found. */
export class DiagnosticBag {
  private readonly items: Diagnostic[] = [];

  report(
    kind: DiagnosticKind,
    at: Span | undefined,
    args: readonly (string | number)[] = [],
    notes: readonly RelatedNote[] = [],
  ): void {
    this.items.push(createDiagnostic(kind, at, args, notes));
  }

  add(diagnostic: Diagnostic): void {
    this.items.push(diagnostic);
  }

  addAll(diagnostics: readonly Diagnostic[]): void {
    for (const d of diagnostics) this.items.push(d);
  }

  get all(): readonly Diagnostic[] {
    return this.items;
  }

  get hasErrors(): boolean {
    return hasErrors(this.items);
  }
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Orders diagnostics by file, then position, keeping report order for ties. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, index) => ({ d, index }))
    .sort((a, b) => {
      const fa = a.d.span?.file.path ?? "";
      const fb = b.d.span?.file.path ?? "";
      if (fa !== fb) return fa < fb ? -1 : 1;
      const sa = a.d.span?.start ?? -1;
      const sb = b.d.span?.start ?? -1;
      return sa - sb || a.index - b.index;
    })
    .map(({ d }) => d);
}

/** "did you mean" suggestions: the candidates closest to `name` by edit distance. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const threshold = Math.max(1, Math.floor(name.length * 0.4));
  const close = [...candidates]
    .map((c) => ({ c, d: editDistance(name.toLowerCase(), c.toLowerCase()) }))
    .filter(({ d }) => d <= threshold)
    .sort((a, b) => a.d - b.d || (a.c < b.c ? -1 : 1))
    .slice(0, 3)
    .map(({ c }) => `'${c}'`);
  if (close.length === 0) return "";
  return close.length === 1
    ? `; did you mean ${close[0]}?`
    : `; did you mean ${close.slice(0, -1).join(", ")} or ${close.at(-1)}?`;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = a[i - 1] === b[j - 1] ? previous : 1 + Math.min(previous, row[j]!, row[j - 1]!);
      previous = current;
    }
  }
  return row[b.length]!;
}
