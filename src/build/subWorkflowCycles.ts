/**
 * @fileoverview ICE2027: workflows that call themselves through `workflow` nodes, directly
 * (`workflow_ref: ./self.yaml`) or through others (a -> b -> a). Each generated module imports its
 * sub-workflows' modules, so such a run never ends: it recursed until the process ran out of
 * memory (SPEC 3: cycles are reported before anything runs; SPEC 8: a workflow must not hang the
 * runner). Reported once per cycle, at the `workflow_ref` that closes it, with the path as notes.
 */
import { type DiagnosticBag, Diagnostics, type RelatedNote, type Span } from "../diagnostics/index.js";

/** A `workflow_ref` resolved to the workflow it calls. */
export interface SubWorkflowCall {
  readonly from: string;
  readonly to: string;
  readonly span: Span;
}

/** Reports every cycle of calls among the workflows (iterative: no recursion on the graph's depth). */
export function reportSubWorkflowCycles(calls: readonly SubWorkflowCall[], diagnostics: DiagnosticBag): void {
  const out = new Map<string, SubWorkflowCall[]>();
  for (const call of calls) out.set(call.from, [...(out.get(call.from) ?? []), call]);
  const state = new Map<string, "open" | "done">();
  for (const start of out.keys()) {
    if (state.has(start)) continue;
    // Depth-first, with the calls taken so far: a call to an open workflow closes a cycle.
    const path: SubWorkflowCall[] = [];
    const stack: { name: string; next: number }[] = [{ name: start, next: 0 }];
    state.set(start, "open");
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const call = out.get(top.name)?.[top.next++];
      if (!call) {
        state.set(top.name, "done");
        stack.pop();
        path.pop();
        continue;
      }
      const seen = state.get(call.to);
      if (seen === "open") {
        // path[k] is the call from stack[k] to stack[k + 1].
        const cycle = [...path.slice(stack.findIndex((s) => s.name === call.to)), call];
        report(cycle, diagnostics);
      } else if (seen === undefined) {
        state.set(call.to, "open");
        path.push(call);
        stack.push({ name: call.to, next: 0 });
      }
    }
  }
}

function report(cycle: readonly SubWorkflowCall[], diagnostics: DiagnosticBag): void {
  const closing = cycle[cycle.length - 1]!;
  const names = [...cycle.map((c) => c.from), closing.to].map((n) => `'${n}'`).join(" -> ");
  const notes: RelatedNote[] = cycle
    .slice(0, -1)
    .map((c) => ({ message: `'${c.from}' calls '${c.to}' here`, span: c.span }));
  diagnostics.report(Diagnostics.SubWorkflowCycle, closing.span, [names], notes);
}
