/**
 * @fileoverview Code nodes, from a body to AssemblyScript. The one lowering of sandboxed code:
 *
 *   body text ──declarations.ts──▶ virtual file (Inputs, Output, `function __ice_node(): Output`)
 *             ──program.ts──────▶ ts.Program over lib/ (our library) — tsc's diagnostics, mapped
 *             ──print/──────────▶ AssemblyScript, from the checked tree (types from the checker)
 *             ──wrap (here)─────▶ classes + body + codec (src/emit/wasm/marshal.ts) + entry points
 *
 * There is no separate IR: the checked TypeScript tree plus the checker's types is already the
 * typed tree, and the printer maps each node to AssemblyScript with JavaScript's semantics
 * (runtimeLib.ts holds the helpers, runtime/sandbox/intrinsics.ts the host's number functions).
 */
import type { ObjectType } from "../../runtime/schema.js";
import type { Diagnostic } from "../diagnostics/index.js";
import { BodyMap } from "../emit/wasm/bodyMap.js";
import { generateMarshalling } from "../emit/wasm/marshal.js";
import { embeddedFirstLine, type EmbeddedSource } from "../plan/node.js";
import { type BodyFile, bodyFile, NODE_FUNCTION } from "./declarations.js";
import { PrintContext, Refused } from "./print/context.js";
import { analyze, enter, environmentClasses, prologue } from "./print/functions.js";
import { analyzeThrows, unitMayThrow } from "./print/throwAnalysis.js";
import { refuseUnionMembers } from "./print/classUnionMembers.js";
import { registerClasses } from "./print/classShapes.js";
import { declareInstances } from "./print/classes.js";
import { finishJson, markInputShapes } from "./print/jsonConvert.js";
import { finishUnions } from "./print/unionTables.js";
import { printStatements } from "./print/statements.js";
import { loweringGap } from "./loweringGap.js";
import { type TypedBody, typeBody } from "./program.js";
import { ClassRegistry } from "./types.js";
import { registerUnions } from "./unions.js";

export { RUNTIME_LIB_FILE, RUNTIME_LIB_SOURCE } from "./runtimeLib.js";
export { loweringGap } from "./loweringGap.js";

/** What lowering one body gives: the AssemblyScript program, or diagnostics. */
export interface LoweredBody {
  readonly source: string | undefined;
  readonly diagnostics: Diagnostic[];
}

/**
 * Types and prints one body as a complete AssemblyScript program. `file` is the virtual file the
 * body is checked in (plugin modules, src/plugin, give an async one).
 */
export function lowerBody(
  body: EmbeddedSource,
  inputType: ObjectType,
  outputType: ObjectType,
  capabilities: readonly string[],
  file: BodyFile = bodyFile(body.text, inputType, outputType),
): LoweredBody {
  const map = new BodyMap(body);
  const diagnostics: Diagnostic[] = [];
  const typed = typeBody(file.text, file.bodyStart, capabilities, map, diagnostics);
  if (!typed) return { source: undefined, diagnostics };
  const lowered = printBody(body, typed, map, inputType, outputType, diagnostics);
  if (lowered.source !== undefined || !typed.dynamicStores) return lowered;
  // A use of a widened annotation (dynamicStores.ts) the lowering of 'any' refuses: the body as
  // written, its annotations checked conversions.
  const asWritten = typeBody(file.text, file.bodyStart, capabilities, map, [], false);
  return asWritten ? printBody(body, asWritten, map, inputType, outputType, diagnostics) : lowered;
}

/** Prints a typed body as a complete AssemblyScript program, or gives the refusals. */
function printBody(
  body: EmbeddedSource,
  typed: TypedBody,
  map: BodyMap,
  inputType: ObjectType,
  outputType: ObjectType,
  diagnostics: Diagnostic[],
): LoweredBody {
  const classes = new ClassRegistry();
  const ctx = new PrintContext(typed.checker, classes, map, typed.bodyStart);
  ctx.firstLine = embeddedFirstLine(body);
  ctx.privateNames = typed.privateNames;
  ctx.insertions = typed.insertions;
  const inputClass = classes.fromSchema(inputType);
  const outputClass = classes.fromSchema(outputType);
  const marshal = generateMarshalling(inputType, outputType, classes);
  markInputShapes(ctx, inputClass);
  let main = "";
  try {
    ctx.root = typed.node;
    analyze(ctx, typed.node);
    analyzeThrows(ctx, typed.node);
    const state = enter(ctx, typed.node, NODE_FUNCTION, outputClass);
    ctx.current = state;
    registerClasses(ctx, typed.node);
    refuseUnionMembers(ctx, typed.node);
    registerUnions(typed.checker, typed.node, classes);
    const statements = printStatements(ctx, typed.node.body!.statements);
    declareInstances(ctx);
    // Methods and constructors of body classes reach the body's variables through __ice_root_env.
    const rootEnv = state.env ? `\n__ice_root_env = __ice_e;` : "";
    main = `function ${NODE_FUNCTION}(): ${(outputClass as { shape: { name: string } }).shape.name} {\n${prologue(ctx, state, [])}${rootEnv}\n${statements}\nthrow new Error("the code node ended without returning");\n}`;
    ctx.hoisted.push(...finishUnions(ctx));
    ctx.hoisted.push(...finishJson(ctx, typed.node));
  } catch (error) {
    // A refusal was reported already; anything else is a gap in the lowering, reported (once)
    // as such at the body rather than as a compiler crash.
    if (!(error instanceof Refused)) {
      if (process.env.ICEOSC_DEBUG) process.stderr.write(`codenode: ${error instanceof Error ? error.stack : error}\n`);
      return { source: undefined, diagnostics: [...diagnostics, ...ctx.diagnostics, loweringGap(body)] };
    }
  }
  if (ctx.diagnostics.length > 0) return { source: undefined, diagnostics: [...diagnostics, ...ctx.diagnostics] };
  const inputName = (inputClass as { shape: { name: string } }).shape.name;
  const source = [
    "// iceosc code node (generated)",
    classes.declarations(),
    environmentClasses(ctx),
    `let __ice_inputs: ${inputName} | null = null;`,
    ctx.states.get(typed.node)?.env
      ? `let __ice_root_env: ${ctx.states.get(typed.node)!.env!.name} | null = null;`
      : "",
    ...ctx.hoisted,
    main,
    marshal.functions,
    "export function __ice_alloc(length: i32): usize { return __ice_in(length); }",
    "export function __ice_heap_end(): usize { return __ice_heap_high(); }",
    "export function __ice_run(): usize {",
    "  __ice_set_line(0);",
    `  __ice_inputs = ${marshal.readInput}();`,
    `  const output = ${NODE_FUNCTION}();`,
    unitMayThrow(ctx, typed.node) ? "  __ice_uncaught();" : "",
    `  __ice_out_begin(${marshal.outputCapacity});`,
    `  ${marshal.writeOutput}(output);`,
    "  return __ice_out_end();",
    "}",
    "",
  ].join("\n");
  return { source, diagnostics };
}
