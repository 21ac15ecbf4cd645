/**
 * @fileoverview A differential check for code-node semantics: each case's body runs in the
 * sandbox and as plain JavaScript (annotations erased with `ts.transpileModule`) on the same
 * inputs, and the two outcomes must be equal, so no expected value is written by hand. Outputs
 * are compared as JSON (as a workflow sees them); a JavaScript failure must be a sandbox failure.
 */
import { ts } from "ts-morph";
import type { SandboxProgram } from "../../runtime/sandbox/index.js";
import { LIMITS } from "./helpers.js";

/** What a body gives: its JSON output, or that it failed. */
export type Outcome = { readonly output: unknown } | { readonly failed: string };

/** Runs `body` as JavaScript. */
export function runAsJavaScript(body: string, input: Record<string, unknown>): Outcome {
  const js = ts.transpileModule(`(function (inputs) {\n${body}\n})`, {
    compilerOptions: { target: ts.ScriptTarget.ES2022 },
  }).outputText;
  try {
    // biome-ignore lint/security/noGlobalEval: the reference run of a test body, in global scope (indirect eval)
    const indirectEval = eval;
    const fn = indirectEval(js) as (inputs: unknown) => unknown;
    return { output: JSON.parse(JSON.stringify(fn(structuredClone(input)))) };
  } catch (error) {
    return { failed: error instanceof Error ? error.message : String(error) };
  }
}

/** Runs a compiled program. */
export function runInSandbox(program: SandboxProgram, input: Record<string, unknown>): Outcome {
  try {
    return {
      output: JSON.parse(JSON.stringify(program.run(input, { ...LIMITS, fuel: 1e9, memoryBytes: 64 << 20 }).output)),
    };
  } catch (error) {
    return { failed: (error as { code?: string }).code ?? String(error) };
  }
}

/** Both outcomes in a form `toEqual` compares: failures compare as "failed". */
export function comparable(outcome: Outcome): unknown {
  return "output" in outcome ? outcome.output : "failed";
}
