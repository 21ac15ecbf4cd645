/**
 * @fileoverview `value?.method(args)`: undefined when the receiver is undefined (the arguments are
 * then not evaluated, as in JavaScript), else the call's result, as an optional value. A receiver
 * whose type excludes undefined makes `?.` an ordinary call.
 */
import type { ts } from "ts-morph";
import { asType, isNullish, optional } from "../types.js";
import type { PrintContext, Printed } from "./context.js";
import { coerce, unwrap } from "./coerce.js";
import { chainPart } from "./nullable.js";
import { chainOpen } from "./nullish.js";

export function optionalCall(
  ctx: PrintContext,
  node: ts.CallExpression,
  receiver: Printed,
  call: (defined: Printed) => Printed,
): Printed {
  if (receiver.type.kind !== "optional") return call(receiver);
  const temp = ctx.temp(receiver.type);
  // A three-state receiver (print/nullish.ts) is absent when null or undefined.
  const open = isNullish(receiver.type)
    ? chainOpen(temp, receiver.type)
    : {
        absent: `${temp} === null`,
        value: { text: unwrap({ text: temp, type: receiver.type }), type: receiver.type.inner },
      };
  const result = chainPart(ctx, node, call(open.value));
  if (result.type.kind === "void")
    return { text: `((${temp} = ${receiver.text}, !(${open.absent})) && (${result.text}, true))`, type: result.type };
  const type = optional(result.type);
  return {
    text: `((${temp} = ${receiver.text}, ${open.absent}) ? __ice_none<${asType(type)}>() : ${coerce(ctx, result, type, node)})`,
    type,
  };
}
