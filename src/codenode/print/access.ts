/**
 * @fileoverview Property and element access: `Number.*` constants, fields of generated classes,
 * `length`, `?.`, and indexing with JavaScript's index conversion. Part of the expression printer
 * (expressions.ts).
 */
import { protocolPropertyRead } from "./protocols.js";
import { urlProperty } from "./urls.js";
import { urlParamsProperty } from "./urlSearchParams.js";
import { tupleAt, tupleLength } from "./tupleIndex.js";
import { fieldByKey } from "./fieldByKey.js";
import { ts } from "../typescript.js";
import { enumElement } from "./enums.js";
import { chainPart } from "./nullable.js";
import { chainOpen } from "./nullish.js";
import { enumMember } from "./enums.js";
import { asType, NUMBER, optional, STRING } from "../types.js";
import type { PrintContext, Printed } from "./context.js";
import { coerce } from "./coerce.js";
import { missingRead } from "./missing.js";
import { narrowed, numberLiteral, printExpr, stringLiteral } from "./expressions.js";
import { jsonElement, jsonGet, narrowJson } from "./json.js";
import { groupOfLocal, groupRead, matchElement, regexProperty } from "./regex.js";
import { dictRead, keyText } from "./objects.js";
import { exactInt32, fromInt32 } from "./int32.js";
import { localLength } from "./locals.js";
import { utf8Length } from "./textEncoder.js";

const NUMBER_CONSTANTS: { readonly [name: string]: number } = {
  MAX_SAFE_INTEGER: Number.MAX_SAFE_INTEGER,
  MIN_SAFE_INTEGER: Number.MIN_SAFE_INTEGER,
  MAX_VALUE: Number.MAX_VALUE,
  MIN_VALUE: Number.MIN_VALUE,
  EPSILON: Number.EPSILON,
  POSITIVE_INFINITY: Number.POSITIVE_INFINITY,
  NEGATIVE_INFINITY: Number.NEGATIVE_INFINITY,
  NaN: Number.NaN,
};

export function printPropertyAccess(ctx: PrintContext, node: ts.PropertyAccessExpression): Printed {
  const property = node.name.text;
  const member = enumMember(ctx, node);
  if (member) return member;
  if (ts.isIdentifier(node.expression) && !isLocalName(ctx, node.expression)) {
    const global = node.expression.text;
    if (global === "Number" && property in NUMBER_CONSTANTS)
      return { text: numberLiteral(NUMBER_CONSTANTS[property]!), type: NUMBER };
    if (
      global === "Math" &&
      property in Math &&
      typeof (Math as unknown as Record<string, unknown>)[property] === "number"
    )
      return { text: numberLiteral((Math as unknown as Record<string, number>)[property]!), type: NUMBER };
  }
  const group = groupRead(ctx, node);
  if (group) return group;
  // `a?.b`, and `a?.b.c` further along the chain (which `?.` short-circuits as a whole).
  if (node.questionDotToken || ts.isOptionalChain(node)) return printOptionalAccess(ctx, node);
  const special = localLength(ctx, node) ?? utf8Length(ctx, node);
  if (special) return special;
  const object = printExpr(ctx, node.expression);
  return accessOn(ctx, node, object, property);
}

function isLocalName(ctx: PrintContext, node: ts.Identifier): boolean {
  const symbol = ctx.symbolOf(node);
  return !!symbol && ctx.isLocal(symbol);
}

function accessOn(ctx: PrintContext, node: ts.PropertyAccessExpression, object: Printed, property: string): Printed {
  const t = object.type;
  const regex = regexProperty(ctx, node, object, property);
  if (regex) return regex;
  if (t.kind === "groups") return groupOfLocal(ctx, node, object);
  if (t.kind === "json") {
    if (ts.isOptionalChain(node) && !node.questionDotToken && isJsonChain(ctx, node.expression))
      return ctx.refuse(
        node,
        "a property after '?.' on a value of type 'any'",
        `write '?.' at each step: '${node.expression.getText()}?.${property}'`,
      );
    return jsonGet(ctx, node, object, property);
  }
  if (property === "length" && (t.kind === "string" || t.kind === "array")) return fromInt32(`${object.text}.length`);
  if (property === "length" && t.kind === "tuple") {
    const length = tupleLength(ctx, node, { ...object, type: t });
    if (length) return length;
  }
  if (property === "size" && (t.kind === "map" || t.kind === "set"))
    return { text: `(<f64>${object.text}.size)`, type: NUMBER };
  if (t.kind === "object") {
    // A property of an interface classes implement: its reader (protocols.ts).
    const read = protocolPropertyRead(ctx, object, property);
    if (read) return narrowed(ctx, node, read);
    const field = t.shape.fields.find((f) => f.name === property);
    if (field) return narrowed(ctx, node, { text: `${object.text}.${property}`, type: field.type });
  }
  if (t.kind === "dict") return dictRead(ctx, node, object, stringLiteral(property));
  const url =
    t.kind === "url"
      ? urlProperty(object, property)
      : t.kind === "urlParams"
        ? urlParamsProperty(object, property)
        : undefined;
  if (url) return url;
  if (t.kind === "error" && (property === "message" || property === "name"))
    return { text: `${object.text}.${property}`, type: STRING };
  return ctx.refuse(node, `'.${property}' here`, "use a supported member");
}

/** True when `node` (inside an optional chain) is a JSON value. */
function isJsonChain(ctx: PrintContext, node: ts.Expression): boolean {
  const t = ctx.checker.getTypeAtLocation(node);
  return (t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0;
}

/** `a?.[k]` of a JSON value: undefined when `a` is (the key is then not evaluated, as in JavaScript). */
function optionalJsonElement(ctx: PrintContext, node: ts.ElementAccessExpression, object: Printed): Printed {
  const temp = ctx.temp(object.type);
  const read = jsonElement(ctx, node, { text: temp, type: object.type }, false);
  const text = `(__ice_j_nullish(${temp} = ${object.text}) ? __ice_j_undef() : ${read.text})`;
  return narrowJson(ctx, node, { text, type: object.type });
}

/** `a?.b`: undefined when `a` is. */
function printOptionalAccess(ctx: PrintContext, node: ts.PropertyAccessExpression): Printed {
  // `a?.b.c` of 'any': JavaScript throws when `a.b` is missing and `a` is not, which the nullish
  // test of the whole chain would read as undefined.
  if (!node.questionDotToken && isJsonChain(ctx, node.expression))
    return ctx.refuse(
      node,
      "a property after '?.' on a value of type 'any'",
      `write '?.' at each step: '${node.expression.getText()}?.${node.name.text}'`,
    );
  const object = printExpr(ctx, node.expression);
  if (object.type.kind === "json") {
    const temp = ctx.temp(object.type);
    const got = `__ice_j_get(${temp}, ${stringLiteral(node.name.text)})`;
    const text = `(__ice_j_nullish(${temp} = ${object.text}) ? __ice_j_undef() : ${got})`;
    return narrowJson(ctx, node, { text, type: object.type });
  }
  if (object.type.kind !== "optional") return accessOn(ctx, node, object, node.name.text);
  const temp = ctx.temp(object.type);
  const open = chainOpen(temp, object.type);
  const access = chainPart(ctx, node, accessOn(ctx, node, open.value, node.name.text));
  const type = optional(access.type);
  const none = type.kind === "json" ? "__ice_j_undef()" : `__ice_none<${asType(type)}>()`;
  return {
    text: `((${temp} = ${object.text}, ${open.absent}) ? ${none} : ${coerce(ctx, access, type, node)})`,
    type,
  };
}

export function printElementAccess(ctx: PrintContext, node: ts.ElementAccessExpression): Printed {
  const ofEnum = enumElement(ctx, node);
  if (ofEnum) return ofEnum;
  const object = printExpr(ctx, node.expression);
  // `a?.[i]`, and `a?.b[i]` further along the chain: undefined when `a` is (TypeScript has
  // checked that nothing else in the chain may be undefined).
  if ((node.questionDotToken || ts.isOptionalChain(node)) && object.type.kind === "optional") {
    const temp = ctx.temp(object.type);
    const open = chainOpen(temp, object.type);
    const access = chainPart(ctx, node, elementOn(ctx, node, open.value));
    const type = optional(access.type);
    const none = type.kind === "json" ? "__ice_j_undef()" : `__ice_none<${asType(type)}>()`;
    return {
      text: `((${temp} = ${object.text}, ${open.absent}) ? ${none} : ${coerce(ctx, access, type, node)})`,
      type,
    };
  }
  return elementOn(ctx, node, object);
}

/** `object[i]` for an object already printed (the element access of printElementAccess). */
function elementOn(ctx: PrintContext, node: ts.ElementAccessExpression, object: Printed): Printed {
  const capture = matchElement(ctx, node, object);
  if (capture) return capture;
  if (object.type.kind === "dict") return dictRead(ctx, node, object, keyText(ctx, node.argumentExpression));
  const field = fieldByKey(ctx, node, object);
  if (field) return field;
  if (object.type.kind === "tuple") {
    const at = node.argumentExpression;
    const i = ts.isNumericLiteral(at) ? Number(at.text) : -1;
    const field = object.type.elements[i];
    if (!field) {
      if (i === -1) return tupleAt(ctx, node, { ...object, type: object.type });
      return ctx.refuse(node, "indexing a tuple past its end", "write t[0], t[1], ... or destructure it");
    }
    return { text: `${object.text}._${i}`, type: field };
  }
  if (object.type.kind === "json") {
    // `a?.b[i]`: the whole chain is undefined when `a` is, which a read of `[i]` on that undefined
    // would not give (it throws); `?.` at each step says what JavaScript does.
    if (ts.isOptionalChain(node) && !node.questionDotToken && isJsonChain(ctx, node.expression))
      return ctx.refuse(
        node,
        "an element after '?.' on a value of type 'any'",
        `write '?.' at each step: '${node.expression.getText()}?.[${node.argumentExpression.getText()}]'`,
      );
    return node.questionDotToken ? optionalJsonElement(ctx, node, object) : jsonElement(ctx, node, object);
  }
  const printed = printExpr(ctx, node.argumentExpression, NUMBER);
  const index = coerce(ctx, printed, NUMBER, node.argumentExpression);
  const missing = missingRead(ctx, node, object, { ...printed, text: index });
  if (missing) return missing;
  // An 'any' element holds undefined, so a read past the end gives it, as in JavaScript.
  if (object.type.kind === "array" && object.type.element.kind === "json")
    return { text: `__ice_at_j(${object.text}, ${index})`, type: object.type.element };
  const k = exactInt32(printed);
  if (k !== undefined && object.type.kind === "array")
    return { text: `__ice_at_i<${asType(object.type.element)}>(${object.text}, ${k})`, type: object.type.element };
  if (printed.index !== undefined && object.type.kind === "array")
    return {
      text: `__ice_at_s<${asType(object.type.element)}>(${object.text}, ${printed.index}, ${printed.text})`,
      type: object.type.element,
    };
  if (object.type.kind === "array")
    return { text: `__ice_at<${asType(object.type.element)}>(${object.text}, ${index})`, type: object.type.element };
  if (object.type.kind === "string") return { text: `__ice_char(${object.text}, ${index})`, type: STRING };
  return ctx.refuse(node, "indexing with [ ] here", "index arrays and strings only; use a Map for keyed data");
}
