/**
 * @fileoverview State a printer module keeps for one body being printed: made on first use, found
 * again by the body's PrintContext, and gone with it (a WeakMap), so nothing of one body's
 * printing survives into the next, however many bodies a long-lived process (watch mode, the
 * language server) compiles.
 */
import type { PrintContext } from "./context.js";

/** One module's state for each body being printed. */
export interface PerContext<T> {
  /** The state for `ctx`, made by `make` the first time. */
  of(ctx: PrintContext): T;
  /** The state for `ctx` if it was made, without making it. */
  peek(ctx: PrintContext): T | undefined;
}

/** A slot of per-body state made by `make`. */
export function perContext<T>(make: () => T): PerContext<T> {
  const states = new WeakMap<PrintContext, T>();
  return {
    of(ctx) {
      let state = states.get(ctx);
      if (state === undefined) {
        state = make();
        states.set(ctx, state);
      }
      return state;
    },
    peek: (ctx) => states.get(ctx),
  };
}
