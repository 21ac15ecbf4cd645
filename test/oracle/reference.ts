/**
 * @fileoverview The reference side of the oracle: a body run as plain JavaScript. Type
 * annotations are erased with `ts.transpileModule` (README "What code nodes support": "the same body run as plain
 * JavaScript, after erasing type annotations"), the body becomes `function (inputs) { ... }`, and
 * each call gets a deep copy of its input, so a body that mutates its inputs cannot leak into the
 * next case. `console` is a silent stand-in (the `log` capability only records events).
 */
import ts from "typescript";

/** What the body did with one input. */
export type JsOutcome =
  | { readonly kind: "returned"; readonly value: unknown }
  | {
      readonly kind: "threw";
      /** `message` of a thrown Error, else String(thrown value). */
      readonly message: string;
      /** True when the thrown value is an `Error` the body created with `throw new Error(...)`. */
      readonly userError: boolean;
    };

/** A body ready to call, or why it is not valid TypeScript. */
export type JsBody =
  | { readonly kind: "ok"; call(input: unknown): JsOutcome }
  | { readonly kind: "invalid"; readonly message: string };

const SILENT_CONSOLE = Object.freeze({
  log() {},
  info() {},
  warn() {},
  error() {},
  debug() {},
});

/** The body of a code node as JavaScript. */
export function referenceBody(body: string): JsBody {
  const source = `function __oracleBody(inputs: any) {\n${body}\n}\n`;
  const out = ts.transpileModule(source, {
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, removeComments: true },
  });
  const errors = (out.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0)
    return { kind: "invalid", message: ts.flattenDiagnosticMessageText(errors[0]!.messageText, "\n") };
  let fn: (inputs: unknown) => unknown;
  try {
    fn = new Function("console", "trace", `"use strict";\n${out.outputText}\nreturn __oracleBody;`)(
      SILENT_CONSOLE,
      () => undefined,
    ) as (inputs: unknown) => unknown;
  } catch (error) {
    return { kind: "invalid", message: error instanceof Error ? error.message : String(error) };
  }
  return {
    kind: "ok",
    call(input) {
      try {
        return { kind: "returned", value: fn(structuredClone(input)) };
      } catch (error) {
        const isError = error instanceof Error;
        return {
          kind: "threw",
          message: isError ? error.message : String(error),
          userError: isError && error.constructor === Error,
        };
      }
    },
  };
}
