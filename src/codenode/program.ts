/**
 * @fileoverview Types one body with the TypeScript checker: an in-memory `ts.Program` of the
 * body's virtual file (declarations.ts) compiled with `noLib` against our own library
 * (lib/core.ts, plus the granted capabilities' declarations). The core library is parsed once per
 * process and its SourceFile shared by every program. tsc's diagnostics are mapped onto the
 * workflow file through the BodyMap; an unknown global that a capability would declare becomes
 * ICE3002, one that reaches for the host (`process`, `require`, ...) ICE3003.
 */
import { ts } from "./typescript.js";
import { createDiagnostic, Diagnostics, type Diagnostic } from "../diagnostics/index.js";
import type { BodyMap } from "../emit/wasm/bodyMap.js";
import { CAPABILITY_GLOBALS, capabilityLib } from "./lib/capabilities.js";
import { CORE_LIB, CORE_LIB_NAME } from "./lib/core.js";
import { dynamicStoreInsertions } from "./dynamicStores.js";
import { type Insertion, insertText, nullishReadInsertions } from "./nullishReads.js";
import { respellPrivateNames } from "./privateNames.js";

const BODY_FILE = "/body.ts";
const CAPABILITY_FILE = "/lib.capabilities.d.ts";

const OPTIONS: ts.CompilerOptions = {
  noLib: true,
  strict: true,
  noImplicitReturns: true,
  allowUnreachableCode: true,
  target: ts.ScriptTarget.ES2015,
  types: [],
  noEmit: true,
  skipLibCheck: true,
};

let coreLib: ts.SourceFile | undefined;
const capabilityLibs = new Map<string, ts.SourceFile>();

function libFile(): ts.SourceFile {
  coreLib ??= ts.createSourceFile(`/${CORE_LIB_NAME}`, CORE_LIB, ts.ScriptTarget.ES5, true);
  return coreLib;
}

function capabilityFile(text: string): ts.SourceFile {
  let file = capabilityLibs.get(text);
  if (!file) {
    file = ts.createSourceFile(CAPABILITY_FILE, text, ts.ScriptTarget.ES5, true);
    capabilityLibs.set(text, file);
  }
  return file;
}

/** A checked body. */
export interface TypedBody {
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  readonly file: ts.SourceFile;
  /** The `__ice_node` function declaration. */
  readonly node: ts.FunctionDeclaration;
  readonly bodyStart: number;
  /** Members declared with private names, as respelled (privateNames.ts): not keys of instances. */
  readonly privateNames: ReadonlySet<string>;
  /** Text inserted before typing (nullishReads.ts): positions after them move by their lengths. */
  readonly insertions: readonly Insertion[];
  /** True when primitive annotations receiving 'any' values were widened (dynamicStores.ts). */
  readonly dynamicStores: boolean;
}

/**
 * Builds and checks the program; diagnostics are mapped into the workflow file. `dynamic: false`
 * keeps primitive annotations that receive 'any' values as written (dynamicStores.ts).
 */
export function typeBody(
  text: string,
  bodyStart: number,
  capabilities: readonly string[],
  map: BodyMap,
  diagnostics: Diagnostic[],
  dynamic = true,
): TypedBody | undefined {
  const first = checked(text, capabilities);
  const mapped = mapDiagnostics(first.found, bodyStart, text.length - bodyStart - 3, capabilities, map);
  diagnostics.push(...mapped);
  if (mapped.length > 0) return undefined;
  // Private names respelled as plain ones, once the body as written is known to be valid; if the
  // respelled body does not check (it should), the names stay private, and refused when printed.
  const respelled = respellPrivateNames(first.file);
  const second = respelled ? checked(respelled.text, capabilities) : undefined;
  const clean =
    second && mapDiagnostics(second.found, bodyStart, text.length - bodyStart - 3, capabilities, map).length === 0;
  const respelledUse = second && clean ? second : first;
  // `r[i] ?? null` and reads stored as `T | undefined` typed again with the read widened
  // (nullishReads.ts), and primitive annotations receiving 'any' values widened to 'any'
  // (dynamicStores.ts, unless `dynamic` is false); the first of these that checks, else as written.
  const checker = respelledUse.program.getTypeChecker();
  const fn = respelledUse.file.statements.find(ts.isFunctionDeclaration)!;
  const retype = (widened: string) => {
    const typed = checked(widened, capabilities);
    if (typed.found.some(counts)) return undefined;
    return { fn: typed.file.statements.find(ts.isFunctionDeclaration)!, checker: typed.program.getTypeChecker() };
  };
  const dynamicInsertions = dynamic ? dynamicStoreInsertions(respelledUse.file, fn, checker, retype) : [];
  let use = respelledUse;
  let widened: { text: string; insertions: readonly Insertion[] } | undefined;
  let widenedDynamic = false;
  const tried = new Set<string>();
  attempts: for (const stored of [true, false])
    for (const withDynamic of dynamicInsertions.length > 0 ? [true, false] : [false]) {
      const insertions = [
        ...nullishReadInsertions(respelledUse.file, checker, stored),
        ...(withDynamic ? dynamicInsertions : []),
      ];
      const attempt = insertText(respelledUse.file, insertions);
      if (!attempt || tried.has(attempt.text)) continue;
      tried.add(attempt.text);
      const typed = checked(attempt.text, capabilities);
      if (typed.found.some(counts)) continue;
      use = typed;
      widened = attempt;
      widenedDynamic = withDynamic;
      break attempts;
    }
  const node = use.file.statements.find(ts.isFunctionDeclaration)!;
  return {
    program: use.program,
    checker: use.program.getTypeChecker(),
    file: use.file,
    node,
    bodyStart,
    privateNames: respelledUse === second ? respelled!.names : new Set(),
    insertions: widened?.insertions ?? [],
    dynamicStores: widenedDynamic,
  };
}

/** The program of one body's file and tsc's errors in it. */
function checked(
  text: string,
  capabilities: readonly string[],
): { program: ts.Program; file: ts.SourceFile; found: ts.Diagnostic[] } {
  const file = ts.createSourceFile(BODY_FILE, text, ts.ScriptTarget.ES5, true, ts.ScriptKind.TS);
  const files = new Map<string, ts.SourceFile>([
    [`/${CORE_LIB_NAME}`, libFile()],
    [BODY_FILE, file],
  ]);
  const capabilityText = capabilityLib(capabilities);
  if (capabilityText) files.set(CAPABILITY_FILE, capabilityFile(capabilityText));
  const host: ts.CompilerHost = {
    getSourceFile: (name) => files.get(name),
    getDefaultLibFileName: () => `/${CORE_LIB_NAME}`,
    writeFile: () => undefined,
    getCurrentDirectory: () => "/",
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => "\n",
    fileExists: (name) => files.has(name),
    readFile: () => undefined,
  };
  const program = ts.createProgram({ rootNames: [...files.keys()], options: OPTIONS, host });
  const found = [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)];
  return { program, file, found };
}

/**
 * Whether tsc's diagnostic refuses the body: an error, other than a regular expression's flags or
 * named groups, which need a later target than the one bodies are parsed for (print/regex.ts
 * checks them). The retyped variants (nullish reads, widened stores) are judged by the same rule
 * as the body as written: a body with a `u`-flagged regex was never retyped, so an 'any' stored in
 * a `string` stopped the node there (fuzz/1/0).
 */
function counts(d: ts.Diagnostic): boolean {
  return d.category === ts.DiagnosticCategory.Error && d.code !== 1501 && d.code !== 1503;
}

/** Number types of AssemblyScript that users of the old compiler wrote (`<i32>x`, `map<f64>`). */
const ASSEMBLYSCRIPT_TYPES = new Set([
  "i8",
  "i16",
  "i32",
  "i64",
  "u8",
  "u16",
  "u32",
  "u64",
  "f32",
  "f64",
  "usize",
  "isize",
  "bool",
]);

const HOST_GLOBALS = new Set([
  "process",
  "require",
  "globalThis",
  "global",
  "window",
  "eval",
  "Function",
  "WebAssembly",
  "fetch",
  "module",
  "exports",
  "import",
]);

/** One diagnostic per root cause: tsc's errors at distinct places, capability errors once per name. */
function mapDiagnostics(
  found: readonly ts.Diagnostic[],
  bodyStart: number,
  bodyLength: number,
  capabilities: readonly string[],
  map: BodyMap,
): Diagnostic[] {
  const result: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const d of found) {
    if (!counts(d) || isCascade(d, found)) continue;
    const start = (d.start ?? bodyStart) - bodyStart;
    const inBody = start >= 0 && start <= bodyLength;
    const at = inBody ? map.spanOf(start, start + Math.max(1, d.length ?? 1)) : map.whole;
    // tsc's advice to change the `lib` option does not apply: the library is what code nodes support.
    const message = ts
      .flattenDiagnosticMessageText(d.messageText, " ")
      .replace(/\s*Do you need to change your target library\?.*$/, "");
    const name = /^Cannot find name '([^']+)'/.exec(message)?.[1];
    const member = /^Property '([^']+)' does not exist on type 'Math'/.exec(message)?.[1];
    let diagnostic: Diagnostic;
    let key: string;
    if (name !== undefined && CAPABILITY_GLOBALS[name] && !capabilities.includes(CAPABILITY_GLOBALS[name]!)) {
      const capability = CAPABILITY_GLOBALS[name]!;
      key = `cap:${capability}`;
      diagnostic = createDiagnostic(Diagnostics.CapabilityNotGranted, at, [name, capability]);
    } else if (member === "random" && !capabilities.includes("random")) {
      key = "cap:random";
      diagnostic = createDiagnostic(Diagnostics.CapabilityNotGranted, at, ["Math.random", "random"]);
    } else if (name !== undefined && ASSEMBLYSCRIPT_TYPES.has(name)) {
      key = `${start}:as-type`;
      diagnostic = createDiagnostic(Diagnostics.UnsupportedIdiom, at, [
        "this type name (from the old sandbox dialect)",
        "code nodes are TypeScript and compute with JavaScript numbers: write `number` (and no `<...>` cast)",
      ]);
    } else if (name !== undefined && HOST_GLOBALS.has(name)) {
      key = `host:${name}`;
      diagnostic = createDiagnostic(Diagnostics.ForbiddenImport, at, [name]);
    } else if (d.code === 2339 && /^Property 'constructor' does not exist on type/.test(message)) {
      // `this.constructor.name`, `x.constructor === Square`: the library declares no `constructor`.
      key = `${start}:constructor`;
      diagnostic = createDiagnostic(Diagnostics.UnsupportedIdiom, at, [
        "'.constructor' (a class as a value)",
        'compare with `instanceof Square`, or give the class a field or method naming it: `readonly kind = "square"`',
      ]);
    } else if (d.code === 1206 || d.code === 1184 || d.code === 1031) {
      key = `mod:${start}`;
      diagnostic = createDiagnostic(Diagnostics.ForbiddenImport, at, [text(d) || "a declaration"]);
    } else {
      key = `${start}:${d.code}`;
      diagnostic = createDiagnostic(Diagnostics.CodeCompileError, at, [`${message} (TS${d.code})`]);
    }
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(diagnostic);
  }
  return result;
}

/** "Parameter 'x' implicitly has an 'any' type" and its kin, for a callback parameter. */
const IMPLICIT_ANY = new Set([7006, 7031]);

/**
 * True for an error that only follows from another one: a callback parameter that has no type
 * because the method it is passed to does not exist (`m.forEach((v, k) => ...)` on a type without
 * `forEach` is one error, at `forEach`, not three).
 */
function isCascade(d: ts.Diagnostic, all: readonly ts.Diagnostic[]): boolean {
  if (!IMPLICIT_ANY.has(d.code) || !d.file || d.start === undefined) return false;
  let node = nodeAt(d.file, d.start);
  while (node && !ts.isCallExpression(node) && !ts.isNewExpression(node)) node = node.parent;
  if (!node) return false;
  const callee = node.expression;
  return all.some(
    (other) =>
      other !== d &&
      !IMPLICIT_ANY.has(other.code) &&
      other.file === d.file &&
      other.start !== undefined &&
      other.start >= callee.getStart() &&
      other.start < callee.getEnd(),
  );
}

/** The innermost node of `file` that starts at or contains `position`. */
function nodeAt(file: ts.SourceFile, position: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (position < node.getStart(file) || position >= node.getEnd()) return;
    found = node;
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(file, visit);
  return found;
}

/** The declaration or decorator a modifier error is about (`@external("env", "eval")`, `declare`). */
function text(d: ts.Diagnostic): string {
  if (!d.file || d.start === undefined) return "";
  const rest = d.file.text.slice(d.start);
  return /^@[\w.]+(\([^)\n]*\))?/.exec(rest)?.[0] ?? /^\w+/.exec(rest)?.[0] ?? "";
}
