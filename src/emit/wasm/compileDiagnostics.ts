/**
 * @fileoverview Turns what the compiler pipeline reports into workflow diagnostics: asc errors
 * mapped from the generated source back into the body (or onto the body's span when they are in
 * generated code), and the compiled module's imports checked against the granted capabilities.
 */
import { capabilityForImport, allowedImports } from "../../../runtime/sandbox/capabilities.js";
import { verifyModule, VerifyError } from "../../../runtime/sandbox/verify.js";
import { createDiagnostic, Diagnostics, type Diagnostic } from "../../diagnostics/index.js";
import type { BodyMap } from "./bodyMap.js";
import type { AscDiagnostic } from "./compileWorker.js";
import type { RewrittenBody } from "./rewriter.js";
import { bodyOffsetOf, ENTRY_FILE, type WrappedUnit } from "./wrapUnit.js";

/**
 * Maps asc errors of one unit onto the workflow file: errors inside the (lowered) body go through
 * `rewritten` back to the body the user wrote, then through `map` into the file.
 */
export function mapAscDiagnostics(
  found: readonly AscDiagnostic[],
  wrapped: WrappedUnit,
  map: BodyMap,
  rewritten: RewrittenBody,
): Diagnostic[] {
  const result: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const d of found) {
    if (d.category !== 3) continue;
    const code = `${d.code < 1000 ? "AS" : "TS"}${d.code}`;
    const inEntry = d.path === ENTRY_FILE && d.start >= 0;
    const message = `${d.message} (${code})${hintFor(d)}`;
    let diagnostic: Diagnostic;
    const inBody = inEntry ? bodyOffsetOf(wrapped, d.start) : undefined;
    if (inBody !== undefined) {
      const from = rewritten.originalOffset(inBody);
      const to = Math.max(from + 1, rewritten.originalOffset(inBody + Math.max(0, d.end - d.start)));
      diagnostic = createDiagnostic(
        Diagnostics.CodeCompileError,
        map.spanOf(from, Math.min(to, from + Math.max(1, d.end - d.start))),
        [message],
      );
    } else {
      const where = inEntry ? "in code generated for the node's schemas" : `in ${d.path || "the standard library"}`;
      diagnostic = createDiagnostic(Diagnostics.CodeCompileError, map.whole, [
        `${d.message} (${code}, ${where})${hintFor(d)}`,
      ]);
    }
    const key = `${diagnostic.span?.start}:${diagnostic.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(diagnostic);
  }
  return result;
}

/** What to write instead, for asc errors TypeScript writers meet. */
function hintFor(d: AscDiagnostic): string {
  const m = d.message;
  if (d.code === 1140 || /Type argument expected/.test(m))
    return "; name the result type, e.g. `xs.map<i32>((x) => x * 2)` or `xs.map<string>(...)`";
  if (/Closures/.test(m))
    return "; a nested function may use only its parameters: pass values in, or write a loop instead";
  if (/Conversion from type 'f64' to 'i32'/.test(m))
    return "; numbers are 64-bit floats and integers 32-bit here: convert with `<i32>x` (or `Math.floor(x)` for a fraction)";
  if (/Conversion from type 'i64' to/.test(m)) return "; convert with `<f64>x` or `<i32>x`";
  if (/is not assignable to type '~lib\/string\/String'/.test(m))
    return "; convert with `String(x)` or a template literal `${x}`";
  if (/Cannot find name 'JSON'/.test(m))
    return "; values cross the sandbox already parsed: declare their shape in input_schema/output_schema";
  if (/Object literal|TS2322.*Object|Type '.*' is not assignable to type 'Output'/.test(m))
    return "; an object literal needs a declared class type (the returned object is typed by output_schema)";
  if (/is possibly null|Object is possibly 'null'/.test(m))
    return "; check it first (`if (x !== null)`), use `x ?? fallback`, or assert with `x!`";
  return "";
}

/** What a capability import is called in source code. */
const SOURCE_NAMES: { readonly [qualified: string]: string } = {
  "env.seed": "Math.random",
  "env.Date.now": "Date.now",
  "env.trace": "trace",
};

/**
 * Verifies a metered module and checks its imports: anything not granted is ICE3002 (a known
 * capability, unless `alreadyReported` has it) or ICE3003 (never allowed).
 */
export function checkModule(
  wasm: Uint8Array,
  granted: readonly string[],
  map: BodyMap,
  alreadyReported: ReadonlySet<string>,
): Diagnostic[] {
  let shape;
  try {
    shape = verifyModule(wasm);
  } catch (error) {
    if (!(error instanceof VerifyError)) throw error;
    const kind = error.reason === "instruction" ? Diagnostics.ForbiddenInstruction : Diagnostics.CompilerCrashed;
    return [createDiagnostic(kind, map.whole, [error.message])];
  }
  const allowed = allowedImports(granted);
  const result: Diagnostic[] = [];
  for (const item of shape.imports) {
    if (allowed.has(item.qualifiedName)) continue;
    const capability = capabilityForImport(item.qualifiedName);
    if (capability === undefined) {
      result.push(createDiagnostic(Diagnostics.ForbiddenImport, map.whole, [item.qualifiedName]));
    } else if (!alreadyReported.has(capability)) {
      const used = SOURCE_NAMES[item.qualifiedName] ?? item.qualifiedName.replace(/^env\./, "");
      result.push(createDiagnostic(Diagnostics.CapabilityNotGranted, map.whole, [used, capability]));
    }
  }
  return result;
}
