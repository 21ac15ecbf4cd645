/**
 * @fileoverview The static risk report (`iceosc build --report`): for each sandboxed node, its
 * worst-case fuel where that is bounded, and otherwise what makes it unbounded (loops and
 * recursion, with their lines in the workflow file).
 *
 * Two halves. At compile time, `sourceRisks` (sourceRisks.ts) lists the loops and nested functions of a body and
 * `withRiskSection` stores them, with the node's id and position, in a custom section
 * (`iceosc.risk`) of the node's module (custom sections never execute; the cache keeps modules
 * without it, since positions are not part of the content hash). At report time, `analyzeModule`
 * reads the metered module: every function's fuel charges are in its bytes (verify.ts), so the
 * worst case of code without loops or recursion is exact arithmetic over the call graph:
 *   worst(f) = entry(f) + sum of worst(g) over the calls f makes (each at most once per call).
 * Loops in library code a condition reaches (string comparison, copying) iterate at most once
 * per byte of the strings they handle, so a condition's bound is `A + B * L`, with L the total
 * UTF-16 code units of its string inputs.
 */
import { verifyModule, type FunctionCost } from "../../../runtime/sandbox/verify.js";

/** Imports whose fuel grows with the texts they are given (runtime/sandbox/hostCost.ts). */
const HOST_TEXT_IMPORTS = new Set(["ice.str_op", "ice.str_to_num"]);

/** Name of the custom section holding a module's source facts. */
export const RISK_SECTION = "iceosc.risk";

/** A loop or nested function of a body, at a 1-based line of the workflow file. */
export interface SourceRisk {
  readonly line: number;
  readonly what: string;
}

/** What the compiler stores in a module for the report. */
export interface RiskFacts {
  readonly nodeId: string;
  readonly kind: "code" | "condition";
  readonly file: string;
  readonly line: number;
  readonly loops: readonly SourceRisk[];
  readonly functions: readonly SourceRisk[];
}

/** The report for one sandboxed node. */
export interface NodeRisk {
  readonly facts: RiskFacts | undefined;
  /** Exact worst-case fuel of one run, when the module has no loops or recursion. */
  readonly worstCaseFuel?: number;
  /** For conditions with library loops: worst case `base + perCodeUnit * L`. */
  readonly linear?: { readonly base: number; readonly perCodeUnit: number };
  /** Loops in library code the node reaches (string and array operations, copying). */
  readonly libraryLoops: number;
  /** The call graph has a cycle or calls through function references. */
  readonly recursion: boolean;
}

/** `wasm` with a custom section holding `facts` appended. */
export function withRiskSection(wasm: Uint8Array, facts: RiskFacts): Uint8Array {
  const encoder = new TextEncoder();
  const name = encoder.encode(RISK_SECTION);
  const payload = encoder.encode(JSON.stringify(facts));
  const body = [...leb(name.length), ...name];
  const size = body.length + payload.length;
  const head = [0, ...leb(size), ...body];
  const out = new Uint8Array(wasm.length + head.length + payload.length);
  out.set(wasm);
  out.set(head, wasm.length);
  out.set(payload, wasm.length + head.length);
  return out;
}

function leb(value: number): number[] {
  const bytes: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (value !== 0);
  return bytes;
}

interface Cost {
  /** Worst case with every loop iterating zero times. */
  readonly fixed: number;
  /** Charge per iteration, summed over every loop reachable (linear when `linear`). */
  readonly perIteration: number;
  readonly loops: number;
  readonly linear: boolean;
  readonly recursion: boolean;
}

/** Analyses a compiled, metered sandbox module (see the file comment). */
export function analyzeModule(wasm: Uint8Array): NodeRisk {
  const shape = verifyModule(wasm);
  const raw = shape.custom.get(RISK_SECTION);
  const facts = raw ? (JSON.parse(new TextDecoder().decode(raw)) as RiskFacts) : undefined;
  const functionImports = shape.imports.filter((i) => i.kind === "function");
  const memo = new Map<number, Cost>();
  const active = new Set<number>();
  const costOf = (index: number): Cost => {
    if (index < shape.importedFunctions) {
      // The host's text functions charge by the length of their texts (runtime/sandbox/hostCost.ts).
      const texts = HOST_TEXT_IMPORTS.has(functionImports[index]?.qualifiedName ?? "");
      return { fixed: 0, perIteration: 0, loops: texts ? 1 : 0, linear: !texts, recursion: false };
    }
    const known = memo.get(index);
    if (known) return known;
    if (active.has(index)) return { fixed: 0, perIteration: 0, loops: 0, linear: false, recursion: true };
    active.add(index);
    const fn: FunctionCost = shape.functions[index - shape.importedFunctions]!;
    let fixed = fn.entry;
    let perIteration = fn.loops.reduce((sum, loop) => sum + loop.cost, 0);
    let loops = fn.loops.length;
    let linear = !fn.loops.some((l) => l.nested);
    let recursion = fn.indirect > 0;
    for (const call of fn.calls) {
      const callee = costOf(call.callee);
      recursion ||= callee.recursion;
      loops += callee.loops;
      if (call.inLoop) {
        perIteration += callee.fixed;
        if (callee.loops > 0) linear = false;
      } else {
        fixed += callee.fixed;
        perIteration += callee.perIteration;
        linear &&= callee.linear;
      }
    }
    active.delete(index);
    const cost = { fixed, perIteration, loops, linear: linear && !recursion, recursion };
    memo.set(index, cost);
    return cost;
  };
  const roots = ["__ice_alloc", "__ice_run"]
    .map((name) => shape.exportedFunctions.get(name))
    .filter((i): i is number => i !== undefined);
  const costs = roots.map(costOf);
  const fixed = costs.reduce((s, c) => s + c.fixed, 0);
  const perIteration = costs.reduce((s, c) => s + c.perIteration, 0);
  const loops = costs.reduce((s, c) => s + c.loops, 0);
  const recursion = costs.some((c) => c.recursion);
  const linear = costs.every((c) => c.linear);
  const userLoops = facts?.loops.length ?? 0;
  const libraryLoops = Math.max(0, loops - userLoops);
  if (loops === 0 && !recursion) return { facts, worstCaseFuel: fixed, libraryLoops: 0, recursion: false };
  // A library loop a condition reaches runs at most once per byte of its strings: 2 per code unit.
  if (facts?.kind === "condition" && linear && !recursion)
    return { facts, linear: { base: fixed, perCodeUnit: 2 * perIteration }, libraryLoops, recursion };
  return { facts, libraryLoops, recursion };
}

/** The report as text, one block per node. */
export function formatRiskReport(nodes: readonly { readonly workflow: string; readonly risk: NodeRisk }[]): string {
  const lines: string[] = ["sandbox risk report (fuel units: see README, 'Limits and fuel')"];
  for (const { workflow, risk } of nodes) {
    const facts = risk.facts;
    const where = facts ? `${facts.file}:${facts.line}` : "";
    lines.push(`${workflow}.${facts?.nodeId ?? "?"} (${facts?.kind ?? "sandboxed"}) ${where}`.trimEnd());
    if (risk.worstCaseFuel !== undefined) lines.push(`  bounded: worst case ${risk.worstCaseFuel} fuel per run`);
    else if (risk.linear)
      lines.push(
        `  bounded by input size: at most ${risk.linear.base} + ${risk.linear.perCodeUnit} x L fuel (L = UTF-16 code units of its string inputs)`,
      );
    else lines.push("  unbounded statically: fuel depends on the data and the code's loops; the fuel limit stops it");
    for (const loop of facts?.loops ?? []) lines.push(`  loop: ${loop.what} at line ${loop.line}`);
    if (risk.recursion) {
      const fns = facts?.functions ?? [];
      lines.push(
        `  recursion possible (a call cycle or a call through a function reference)${fns.length ? `: ${fns.map((f) => `${f.what} at line ${f.line}`).join(", ")}` : ""}`,
      );
    }
    if (risk.worstCaseFuel === undefined && risk.libraryLoops > 0)
      lines.push("  library loops reached: string, array and copy operations, whose cost grows with data size");
  }
  return `${lines.join("\n")}\n`;
}
