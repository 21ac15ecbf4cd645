/**
 * @fileoverview Wraps one sandbox unit's body into a complete AssemblyScript program: the schema
 * classes, `function __user(inputs: Input): Output { <body> }`, the codec functions and the two
 * exported entry points the host calls (`__ice_alloc(len)`, then `__ice_run()`).
 */
import type { ObjectType } from "../../../runtime/schema.js";
import { hoistRecursiveFunctions } from "./hoistFunctions.js";
import { generateMarshalling } from "./marshal.js";

/** Name of the entry file asc compiles. */
export const ENTRY_FILE = "ice.ts";

/** A generated program and where the user's body sits in it. */
export interface WrappedUnit {
  readonly source: string;
  /** 0-based line of the generated source holding the body's first line. */
  readonly bodyLine: number;
  /** Number of lines of the body. */
  readonly bodyLines: number;
  /** Offsets of the body in the generated source: `[bodyStart, bodyEnd)`. */
  readonly bodyStart: number;
  readonly bodyEnd: number;
  /** Recursive helper functions moved in front of the wrapper (hoistFunctions.ts). */
  readonly moves: readonly { readonly at: number; readonly from: number; readonly length: number }[];
}

/** The offset in the (lowered) body of a generated offset, when it comes from the body. */
export function bodyOffsetOf(wrapped: WrappedUnit, generated: number): number | undefined {
  if (generated >= wrapped.bodyStart && generated <= wrapped.bodyEnd) return generated - wrapped.bodyStart;
  const move = wrapped.moves.find((m) => generated >= m.at && generated <= m.at + m.length);
  return move && move.from + (generated - move.at);
}

/** Builds the AssemblyScript source of one unit. */
export function wrapUnit(userBody: string, inputType: ObjectType, outputType: ObjectType): WrappedUnit {
  const { classes, functions, outputCapacity } = generateMarshalling(inputType, outputType);
  const { hoisted, moves, body } = hoistRecursiveFunctions(userBody);
  const prelude = `// iceosc sandbox unit (generated)\n${classes}\n`;
  const head = `${prelude}${hoisted}function __user(inputs: Input): Output {\n`;
  const tail = [
    "}",
    functions,
    "export function __ice_alloc(length: i32): usize { return __ice_in(length); }",
    "export function __ice_run(): usize {",
    "  const output = __user(__ice_read_Input());",
    `  __ice_out_begin(${outputCapacity});`,
    "  __ice_write_Output(output);",
    "  return __ice_out_end();",
    "}",
    "",
  ].join("\n");
  const bodyLine = head.split("\n").length - 1;
  return {
    source: `${head}${body}\n${tail}`,
    bodyLine,
    bodyLines: body.split("\n").length,
    bodyStart: head.length,
    bodyEnd: head.length + body.length,
    moves: moves.map((m) => ({ ...m, at: m.at + prelude.length })),
  };
}
