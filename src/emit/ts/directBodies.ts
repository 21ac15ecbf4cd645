/**
 * @fileoverview Trusted code nodes (`trust: trusted`, allowed by the operator) run directly: their
 * TypeScript bodies become plain functions of the generated module. The body is the user's
 * TypeScript, so the JavaScript is TypeScript's own transpilation of the function; the compiler
 * is loaded on first use, so builds without trusted code never load it. The body's text is kept
 * as written (never re-indented: a multi-line template literal must keep its lines).
 */
import { createRequire } from "node:module";
import type { ts as Ts } from "ts-morph";
import type { ObjectType } from "../../plan/index.js";
import type { SandboxBinding } from "./orchestration.js";
import { typeText } from "./types.js";

/** A trusted body as a function of the module, in TypeScript and in JavaScript. */
export interface DirectFunction {
  readonly name: string;
  readonly ts: string;
  readonly js: string;
}

type DirectBinding = SandboxBinding & {
  readonly directBody?: { readonly inputType: ObjectType; readonly outputType: ObjectType; readonly code: string };
};

let typescript: typeof Ts | undefined;

function compiler(): typeof Ts {
  // ts-morph's copy of TypeScript without ts-morph itself (as src/codenode/typescript.ts).
  const require = createRequire(import.meta.url);
  typescript ??= createRequire(require.resolve("ts-morph"))("@ts-morph/common/dist/typescript.js") as typeof Ts;
  return typescript;
}

/** The module functions of the trusted code nodes among `sandboxes`. */
export function directFunctions(sandboxes: ReadonlyMap<string, DirectBinding>): DirectFunction[] {
  const result: DirectFunction[] = [];
  for (const binding of sandboxes.values()) {
    if (!binding.directFunction || !binding.directBody) continue;
    const { inputType, outputType, code } = binding.directBody;
    const source = [
      "/** Trusted code node: runs directly, outside the sandbox. */",
      `function ${binding.directFunction}(inputs: ${typeText(inputType)}): ${typeText(outputType)} {`,
      code,
      "}",
    ].join("\n");
    result.push({ name: binding.directFunction, ts: source, js: transpile(source) });
  }
  return result;
}

function transpile(source: string): string {
  const ts = compiler();
  return ts
    .transpileModule(source, {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, removeComments: false },
      reportDiagnostics: false,
    })
    .outputText.trimEnd();
}
