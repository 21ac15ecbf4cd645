/**
 * @fileoverview Back-edge fuel metering of one loop, in the shape that keeps the host call out of
 * the loop (src/emit/wasm/meter.ts calls it for every loop; runtime/sandbox/verify/codeChecker.ts
 * checks the shape).
 *
 * A check at the loop header with `call ice.tick` inside the loop cost up to 1.3x on V8: a loop
 * with a call in it is compiled worse (no unrolling or peeling, values kept across the call), even
 * though the call never runs. Here every branch back to the loop (`br $L`, `br_if $L c`) charges
 * the next iteration, and leaves the loop to a tail that calls the host and comes back:
 *
 *   block $done                        ;; the loop's type
 *     loop $outer
 *       block $tick
 *         loop $L                      ;; the original loop; each `br $L` in it became
 *           ...                        ;;   __ice_fuel -= N; br_if $tick (__ice_fuel < 0); br $L
 *         end
 *         br $done                     ;; (carrying the loop's value, if any)
 *       end
 *       call __ice_tick_out            ;; a function whose body is `call ice.tick`
 *       br $outer                      ;; back to the head of $L: the iteration already paid
 *     end
 *   end
 *
 * The charge at a back edge pays for the iteration it starts, so after the host refilled the
 * counter, re-entering $L continues exactly where the loop was (nothing is charged twice, and fuel
 * does not depend on how the host slices it). The first pass of the loop is charged where the loop
 * is entered, as straight-line code of the enclosing function or loop (the caller adds `cost` to
 * it). The host call goes through a module function because V8 compiled the loops of a function
 * that calls the import directly ~8% slower on the object kernel.
 */
import binaryen from "binaryen";

type Ref = number;

/** A child slot of an expression: read and replaced in place. */
export interface Slot {
  readonly child: Ref;
  readonly set: (replacement: Ref) => void;
}

/** The function the tail calls: its body is `call ice.tick` and nothing else. */
export const TICK_OUT = "__ice_tick_out";

/** Names made unique per module (binaryen wants unique labels within a function). */
let serial = 0;

/**
 * Meters the loop `loop` (its body's straight-line cost `cost`, nested loops already metered) by
 * its back edges. Returns the expression to put in its place: the loop itself when no branch
 * targets it (it cannot repeat: its one pass is charged where it is entered), the wrapper above
 * otherwise; undefined when a `br_table` targets it (the caller then checks at the header).
 */
export function meterBackEdges(
  module: binaryen.Module,
  loop: Ref,
  cost: number,
  fuel: string,
  slots: (expr: Ref) => Slot[],
): Ref | undefined {
  const info = binaryen.getExpressionInfo(loop) as binaryen.LoopInfo;
  if (!info.name) return loop;
  const edges: Slot[] = [];
  let table = false;
  const find = (slot: Slot): void => {
    const expr = slot.child;
    const id = binaryen.getExpressionId(expr);
    if (id === binaryen.BreakId && (binaryen.getExpressionInfo(expr) as binaryen.BreakInfo).name === info.name) {
      edges.push(slot);
      return;
    }
    if (id === binaryen.SwitchId) {
      const sw = binaryen.getExpressionInfo(expr) as binaryen.SwitchInfo;
      if (sw.defaultName === info.name || sw.names.includes(info.name)) table = true;
    }
    for (const child of slots(expr)) find(child);
  };
  for (const slot of slots(loop)) find(slot);
  if (table) return undefined;
  if (edges.length === 0) return loop;

  const n = serial++;
  const tick = `__ice_tick${n}`;
  const outer = `__ice_outer${n}`;
  const done = `__ice_done${n}`;
  const counter = (): Ref => module.global.get(fuel, binaryen.i64);
  for (const { child, set } of edges) {
    const condition = (binaryen.getExpressionInfo(child) as binaryen.BreakInfo).condition;
    // Emitted flat: the charge and test, then the branch (verify/codeChecker.ts reads it so).
    const charged = module.block(null, [
      module.global.set(fuel, module.i64.sub(counter(), module.i64.const(BigInt(cost)))),
      module.br(tick, module.i64.lt_s(counter(), module.i64.const(0n))),
      module.br(info.name),
    ]);
    set(condition ? module.if(condition, charged) : charged);
  }
  const type = binaryen.getExpressionType(loop);
  const valued = type !== binaryen.none && type !== binaryen.unreachable;
  return module.block(
    done,
    [
      module.loop(
        outer,
        module.block(null, [
          module.block(tick, valued ? [module.br(done, undefined, loop)] : [loop, module.br(done)]),
          module.call(TICK_OUT, [], binaryen.none),
          module.br(outer),
        ]),
      ),
    ],
    valued ? type : binaryen.none,
  );
}
