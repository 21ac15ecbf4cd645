/**
 * @fileoverview The state exceptions are printed with (print/exceptions.ts): per function, the
 * regions a `throw` or a jump leaves (loops, switches, try regions), the calls hoisted out of the
 * statement being printed, and its line (counted from the body's first line, for trap messages);
 * and how code leaves a region when an exception is pending or a jump crosses a `try`.
 */
import { ts } from "../typescript.js";
import { type ValueType, zeroValue } from "../types.js";
import type { FunctionState, PrintContext, Printed } from "./context.js";
import { perContext } from "./perContext.js";

export type Frame =
  | { readonly kind: "loop" | "switch" }
  | {
      readonly kind: "try";
      readonly fk: string;
      readonly fv: string | undefined;
      readonly hasFinally: boolean;
      /** Completion codes some jump sets (1 return, 2 break, 3 continue). */
      readonly used: Set<number>;
    };

export interface State {
  readonly frames: WeakMap<FunctionState, Frame[]>;
  /** Calls hoisted out of the statement being printed: node -> its temporary. */
  readonly hoisted: Map<ts.Node, Printed>;
  /** Nodes printed by the plain printer (the hook passes them on). */
  readonly bypass: Set<ts.Node>;
  /** Line of the statement being printed. */
  line: number;
}

const states = perContext<State>(() => ({ frames: new WeakMap(), hoisted: new Map(), bypass: new Set(), line: 0 }));

export function state(ctx: PrintContext): State {
  return states.of(ctx);
}

export function frames(ctx: PrintContext): Frame[] {
  const s = state(ctx);
  let f = s.frames.get(ctx.current);
  if (!f) {
    f = [];
    s.frames.set(ctx.current, f);
  }
  return f;
}

/**
 * The line where `node` starts, counted from the body's first line (1): the module does not
 * change when the body moves in the workflow file; the host adds the body's first line back.
 */
export function lineOf(ctx: PrintContext, node: ts.Node): number {
  const at = ctx.spanOf(node);
  return at.file.position(at.start).line - ctx.firstLine + 1;
}

export function returnDummy(type: ValueType): string {
  return type.kind === "void" ? "return;" : `return ${zeroValue(type)};`;
}

/** What code does where an exception has just become pending: leave the region, or return. */
export function throwAction(ctx: PrintContext, outer: readonly Frame[] = frames(ctx)): string {
  if (outer.length > 0) return "break;";
  // An AssemblyScript constructor returns its object: `return;` does not compile there.
  return ts.isConstructorDeclaration(ctx.current.node) ? "return this;" : returnDummy(ctx.current.returnType);
}

/** The check after a call that may throw. */
export function check(ctx: PrintContext): string {
  return `if (__ice_pending()) ${throwAction(ctx)}`;
}

/** Runs `print` with a frame pushed. */
export function within<T>(ctx: PrintContext, frame: Frame, print: () => T): T {
  const f = frames(ctx);
  f.push(frame);
  try {
    return print();
  } finally {
    f.pop();
  }
}

export function innermostTry(f: readonly Frame[]): Extract<Frame, { kind: "try" }> | undefined {
  for (let i = f.length - 1; i >= 0; i--) {
    const frame = f[i]!;
    if (frame.kind === "try") return frame;
  }
  return undefined;
}

/** The check after a loop or switch: keep unwinding an exception or a jump out of a try. */
export function afterRegion(ctx: PrintContext): string {
  const f = frames(ctx);
  const t = innermostTry(f);
  const test = t ? `__ice_pending() || ${t.fk} != 0` : "__ice_pending()";
  return `if (${test}) ${throwAction(ctx, f)}`;
}

/**
 * `return`/`break`/`continue` from the current position: direct, or through the innermost try it
 * leaves (its completion code set, its region left; the try dispatches after its finally).
 */
export function jump(
  ctx: PrintContext,
  kind: "return" | "break" | "continue",
  value: string | undefined,
  f: readonly Frame[] = frames(ctx),
): string {
  for (let i = f.length - 1; i >= 0; i--) {
    const frame = f[i]!;
    if (kind === "break" && (frame.kind === "loop" || frame.kind === "switch")) return "break;";
    if (kind === "continue" && frame.kind === "loop") return "continue;";
    if (frame.kind === "try" && (kind !== "return" || frame.hasFinally)) {
      const code = kind === "return" ? 1 : kind === "break" ? 2 : 3;
      frame.used.add(code);
      const store = kind === "return" && frame.fv && value !== undefined ? `${frame.fv} = ${value}; ` : "";
      return `{ ${store}${frame.fk} = ${code}; break; }`;
    }
  }
  if (kind === "return") return value === undefined ? "return;" : `return ${value};`;
  return `${kind};`;
}
