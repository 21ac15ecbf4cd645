/**
 * @fileoverview The oracle's verdicts. Per input: SAME (deep-equal, numbers by Object.is, so -0
 * and NaN count), BOTH_THROW (JavaScript throws, or returns what the output schema rejects, and
 * the sandbox fails as README "What code nodes support" says), WRONG (anything else), CRASH (an internal error). Per body:
 * REFUSED when the build refused it (with the quality of its diagnostics judged), CRASH when the
 * compiler failed, else the worst verdict over its inputs.
 */
import { ABORT_MESSAGE_LIMIT, sanitize } from "../../runtime/sandbox/host.js";
import type { JsOutcome } from "./reference.js";
import type { Refusal, SandboxOutcome } from "./sandbox.js";
import type { Schema } from "./schema.js";

export type Verdict = "SAME" | "BOTH_THROW" | "REFUSED" | "WRONG" | "CRASH";

/** Worst first: a body's verdict is the worst of its runs'. */
export const VERDICT_ORDER: readonly Verdict[] = ["CRASH", "WRONG", "REFUSED", "BOTH_THROW", "SAME"];

/** One input's comparison. */
export interface RunVerdict {
  readonly verdict: Verdict;
  readonly input: unknown;
  readonly js: JsOutcome;
  readonly sandbox: SandboxOutcome;
  /** Why, when not SAME: a readable difference. */
  readonly detail?: string;
}

/** Text a user must never read in a diagnostic (AssemblyScript internals). */
const INTERNAL_TEXT: readonly [RegExp, string][] = [
  [/~lib\//, "~lib/"],
  [/\bAS\d{3}\b/, "an AS error code"],
  [/\b[iuf](8|16|32|64)\b/, "a WASM/AssemblyScript number type"],
  [/\busize\b|\bisize\b/, "usize"],
  [/\bauto\b/, "auto"],
  [/Type argument expected/, "'Type argument expected'"],
  [/AssemblyScript/, "the word AssemblyScript"],
];

/**
 * Problems of a refusal's diagnostics: unlocated, not `file:line:col - error ICEnnnn`, internals.
 * Text the body itself contains (a user who wrote `<i32>x` may read "Cannot find name 'i32'") is
 * the user's, not the compiler's.
 */
export function refusalProblems(refusal: Refusal, body = ""): string[] {
  const problems: string[] = [];
  for (const d of refusal.diagnostics) {
    if (!d.located || !/^\S+:\d+:\d+ - error ICE\d{4}/.test(d.text)) problems.push(`not located: ${firstLine(d.text)}`);
    for (const [pattern, what] of INTERNAL_TEXT)
      if (pattern.test(d.message) && !pattern.test(body)) problems.push(`mentions ${what}: ${firstLine(d.text)}`);
  }
  return problems;
}

/** Compares one run both ways. */
export function compareRun(input: unknown, js: JsOutcome, sandbox: SandboxOutcome, output: Schema): RunVerdict {
  const verdict = (v: Verdict, detail?: string): RunVerdict => ({
    verdict: v,
    input,
    js,
    sandbox,
    ...(detail !== undefined && { detail }),
  });
  if (sandbox.kind === "internal")
    return verdict("CRASH", `run() failed with a non-ICE error: ${firstLine(sandbox.message)}`);
  if (js.kind === "threw") {
    if (sandbox.kind === "returned")
      return verdict("WRONG", `JavaScript throws "${js.message}", the sandbox returns ${show(sandbox.value)}`);
    if (sandbox.code !== "ICE_SANDBOX_TRAP")
      return verdict(
        "WRONG",
        `JavaScript throws "${js.message}", the sandbox fails with ${sandbox.code}: ${sandbox.message}`,
      );
    // The host writes a trap's message with control characters as "?" (runtime/sandbox/host.ts).
    if (js.userError && js.message !== "" && !carries(sandbox.message, sanitize(js.message)))
      return verdict("WRONG", `the trap does not carry the message "${js.message}": ${sandbox.message}`);
    return verdict("BOTH_THROW");
  }
  const problem = output.check(js.value);
  if (problem && !problem.nonFinite) {
    // JavaScript returns what the node's output_schema rejects: the sandbox must fail at run time.
    if (sandbox.kind === "failed" && (sandbox.code === "ICE_OUTPUT_INVALID" || sandbox.code === "ICE_SANDBOX_TRAP"))
      return verdict("BOTH_THROW");
    return verdict(
      "WRONG",
      `JavaScript returns ${show(js.value)}, which output_schema rejects (${problem.problem}); the sandbox ${
        sandbox.kind === "returned"
          ? `returns ${show(sandbox.value)}`
          : `fails with ${sandbox.code}: ${sandbox.message}`
      }`,
    );
  }
  const expected = output.project(js.value);
  if (sandbox.kind === "failed") {
    if (problem?.nonFinite && sandbox.code === "ICE_OUTPUT_INVALID") return verdict("BOTH_THROW");
    return verdict(
      "WRONG",
      `JavaScript returns ${show(expected)}, the sandbox fails with ${sandbox.code}: ${sandbox.message}`,
    );
  }
  const actual = output.project(sandbox.value);
  const difference = firstDifference(expected, actual, "$");
  if (difference === undefined) return verdict("SAME");
  const kind = firstDifference(expected, actual, "$", true) === undefined ? `${NEGATIVE_ZERO_ONLY}: ` : "";
  return verdict("WRONG", `${kind}${difference}\n  JavaScript: ${show(expected)}\n  sandbox:    ${show(actual)}`);
}

/** How a WRONG detail starts when the only differences are -0 where JavaScript has 0 or back. */
export const NEGATIVE_ZERO_ONLY = "negative zero only";

/** The first place `a` (JavaScript) and `b` (sandbox) differ, or undefined when they are equal. */
export function firstDifference(a: unknown, b: unknown, path: string, zeroBlind = false): string | undefined {
  if (typeof a === "number" || typeof b === "number") {
    return typeof a === typeof b && (Object.is(a, b) || (zeroBlind && a === b))
      ? undefined
      : `at ${path}: JavaScript ${show(a)}, sandbox ${show(b)}`;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return `at ${path}: JavaScript ${show(a)}, sandbox ${show(b)}`;
    if (a.length !== b.length) return `at ${path}.length: JavaScript ${a.length}, sandbox ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`, zeroBlind);
      if (d) return d;
    }
    return undefined;
  }
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const d = firstDifference(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        `${path}.${k}`,
        zeroBlind,
      );
      if (d) return d;
    }
    return undefined;
  }
  return a === b ? undefined : `at ${path}: JavaScript ${show(a)}, sandbox ${show(b)}`;
}

/** A value as JavaScript source would write it (-0, NaN, undefined visible), shortened. */
export function show(value: unknown, limit = 300): string {
  const text = JSON.stringify(value, (_, v: unknown) => {
    if (typeof v === "number" && (!Number.isFinite(v) || Object.is(v, -0)))
      return `#${Object.is(v, -0) ? "-0" : String(v)}#`;
    if (v === undefined) return "#undefined#";
    return v;
  });
  const plain = (text ?? "undefined").replace(/"#([^#]*)#"/g, "$1");
  return plain.length > limit ? `${plain.slice(0, limit)}…` : plain;
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? "";
}

/**
 * True when a trap's text carries `message`: whole, or, past the host's limit on abort messages
 * (the first ABORT_MESSAGE_LIMIT code units of `Uncaught <message>`, then "...": runtime/sandbox/host.ts),
 * the beginning of it up to the cut.
 */
function carries(trap: string, message: string): boolean {
  if (trap.includes(message)) return true;
  const cut = trap.lastIndexOf("...");
  const begin = cut - ABORT_MESSAGE_LIMIT;
  if (begin < 0) return false;
  // The message starts after a short prefix ("Uncaught ", the error's name) and runs to the cut.
  for (let start = begin; start <= begin + 64; start++) {
    const kept = trap.slice(start, cut);
    if (message.length > kept.length && message.startsWith(kept)) return true;
  }
  return false;
}
