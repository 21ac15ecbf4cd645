/**
 * @fileoverview Operators with JavaScript's semantics: arithmetic on f64, bitwise through ToInt32,
 * comparisons (strings by code unit), `==`/`===` (undefined, NaN, -0), `&&`/`||`/`??` by truthiness,
 * prefix and update operators. Part of the expression printer (expressions.ts).
 */
import { keyedFieldUpdate } from "./fieldByKey.js";
import { ts } from "../typescript.js";
import {
  asType,
  BOOLEAN,
  isNullable,
  isNullish,
  JSON_VALUE,
  NUMBER,
  optional,
  STRING,
  type ValueType,
} from "../types.js";
import { type PrintContext, type Printed, stripParens } from "./context.js";
import { coerce, unwrap } from "./coerce.js";
import { printAssignment, printLValue } from "./assignment.js";
import { chainOpen, nullishCoalesce } from "./nullish.js";
import { printEquality } from "./equality.js";
import { asText, numberLiteral, printCondition, printExpr, printTo, truthy } from "./expressions.js";
import { dictUpdate, printIn } from "./objects.js";
import { jsonAdd, jsonCompare, jsonIn } from "./json.js";
import { updateLocal } from "./locals.js";
import { mapGetOr } from "./mapDefault.js";
import { dictGetOr } from "./dictDefault.js";
import { state } from "./exceptionRegions.js";
import { STR_MODE } from "../runtimeLib.js";
import { bitwise, bitwiseNot, compareInt32, literalView, sumView } from "./int32.js";
import { missingContext } from "./missing.js";
import { passesMissing } from "./missingOperands.js";

const ARITHMETIC: { readonly [kind: number]: string } = {
  [ts.SyntaxKind.MinusToken]: "-",
  [ts.SyntaxKind.AsteriskToken]: "*",
  [ts.SyntaxKind.SlashToken]: "/",
  [ts.SyntaxKind.PercentToken]: "%",
};
const BITWISE: { readonly [kind: number]: string } = {
  [ts.SyntaxKind.AmpersandToken]: "&",
  [ts.SyntaxKind.BarToken]: "|",
  [ts.SyntaxKind.CaretToken]: "^",
  [ts.SyntaxKind.LessThanLessThanToken]: "<<",
  [ts.SyntaxKind.GreaterThanGreaterThanToken]: ">>",
  [ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken]: ">>>",
};
const COMPARISON: { readonly [kind: number]: string } = {
  [ts.SyntaxKind.LessThanToken]: "<",
  [ts.SyntaxKind.LessThanEqualsToken]: "<=",
  [ts.SyntaxKind.GreaterThanToken]: ">",
  [ts.SyntaxKind.GreaterThanEqualsToken]: ">=",
};
const EQUALITY: { readonly [kind: number]: boolean } = {
  [ts.SyntaxKind.EqualsEqualsToken]: true,
  [ts.SyntaxKind.EqualsEqualsEqualsToken]: true,
  [ts.SyntaxKind.ExclamationEqualsToken]: false,
  [ts.SyntaxKind.ExclamationEqualsEqualsToken]: false,
};
export const COMPOUND: { readonly [kind: number]: ts.SyntaxKind } = {
  [ts.SyntaxKind.PlusEqualsToken]: ts.SyntaxKind.PlusToken,
  [ts.SyntaxKind.MinusEqualsToken]: ts.SyntaxKind.MinusToken,
  [ts.SyntaxKind.AsteriskEqualsToken]: ts.SyntaxKind.AsteriskToken,
  [ts.SyntaxKind.SlashEqualsToken]: ts.SyntaxKind.SlashToken,
  [ts.SyntaxKind.PercentEqualsToken]: ts.SyntaxKind.PercentToken,
  [ts.SyntaxKind.AsteriskAsteriskEqualsToken]: ts.SyntaxKind.AsteriskAsteriskToken,
  [ts.SyntaxKind.AmpersandEqualsToken]: ts.SyntaxKind.AmpersandToken,
  [ts.SyntaxKind.BarEqualsToken]: ts.SyntaxKind.BarToken,
  [ts.SyntaxKind.CaretEqualsToken]: ts.SyntaxKind.CaretToken,
  [ts.SyntaxKind.LessThanLessThanEqualsToken]: ts.SyntaxKind.LessThanLessThanToken,
  [ts.SyntaxKind.GreaterThanGreaterThanEqualsToken]: ts.SyntaxKind.GreaterThanGreaterThanToken,
  [ts.SyntaxKind.GreaterThanGreaterThanGreaterThanEqualsToken]: ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken,
};

/** A binary operation on two printed operands (both already evaluated, in order). */
export function operate(
  ctx: PrintContext,
  node: ts.Node,
  op: ts.SyntaxKind,
  left: Printed,
  right: Printed,
  resultIsText: boolean,
): Printed {
  if (op === ts.SyntaxKind.PlusToken) {
    if (resultIsText)
      return { text: `__ice_cat2(${asText(ctx, left, node)}, ${asText(ctx, right, node)})`, type: STRING };
    if (left.type.kind === "json" || right.type.kind === "json") return jsonAdd(ctx, node, left, right);
    const text = `(${num(ctx, left, node)} + ${num(ctx, right, node)})`;
    const view = sumView("+", left, right);
    return { text, type: NUMBER, ...(view && { int32: view }) };
  }
  const numeric = numericOp(op);
  if (left.type.kind === "json" && numeric) {
    // JavaScript turns the left operand into a number after evaluating the right one (which may
    // change it: `xs - (xs.push(1), 0)`), so the left value waits in a temporary.
    const held = ctx.temp(left.type);
    const other = ctx.temp(right.type);
    const a = num(ctx, { text: held, type: left.type }, node);
    const b = num(ctx, { text: other, type: right.type }, node);
    return { text: `(${held} = ${left.text}, ${other} = ${right.text}, ${numeric(a, b)})`, type: NUMBER };
  }
  if (op === ts.SyntaxKind.MinusToken) {
    const text = `(${num(ctx, left, node)} - ${num(ctx, right, node)})`;
    const view = sumView("-", left, right);
    return { text, type: NUMBER, ...(view && { int32: view }) };
  }
  if (op === ts.SyntaxKind.PercentToken)
    return { text: `__ice_mod(${num(ctx, left, node)}, ${num(ctx, right, node)})`, type: NUMBER };
  if (ARITHMETIC[op])
    return { text: `(${num(ctx, left, node)} ${ARITHMETIC[op]} ${num(ctx, right, node)})`, type: NUMBER };
  if (op === ts.SyntaxKind.AsteriskAsteriskToken)
    return { text: `__ice_pow(${num(ctx, left, node)}, ${num(ctx, right, node)})`, type: NUMBER };
  const bit = BITWISE[op];
  if (bit) {
    if (left.type.kind === "json") {
      // As for arithmetic above: the left operand is converted after the right one is evaluated.
      const held = ctx.temp(left.type);
      const other = ctx.temp(right.type);
      const a = asNumber(ctx, { text: held, type: left.type }, node);
      const b = asNumber(ctx, { text: other, type: right.type }, node);
      return { text: `(${held} = ${left.text}, ${other} = ${right.text}, ${bitwise(bit, a, b).text})`, type: NUMBER };
    }
    return bitwise(bit, asNumber(ctx, left, node), asNumber(ctx, right, node));
  }
  return ctx.refuse(node, `operator '${ts.tokenToString(op)}'`, "use arithmetic on numbers");
}

/** The text of a numeric operator other than `+` over two number texts, or undefined. */
function numericOp(op: ts.SyntaxKind): ((a: string, b: string) => string) | undefined {
  if (op === ts.SyntaxKind.MinusToken) return (a, b) => `(${a} - ${b})`;
  if (op === ts.SyntaxKind.PercentToken) return (a, b) => `__ice_mod(${a}, ${b})`;
  if (op === ts.SyntaxKind.AsteriskAsteriskToken) return (a, b) => `__ice_pow(${a}, ${b})`;
  const arithmetic = ARITHMETIC[op];
  return arithmetic ? (a, b) => `(${a} ${arithmetic} ${b})` : undefined;
}

/** `p` as a number (ToNumber), keeping a number's int32 view. */
function asNumber(ctx: PrintContext, p: Printed, at: ts.Node): Printed {
  return p.type.kind === "number" ? p : { text: num(ctx, p, at), type: NUMBER };
}

function num(ctx: PrintContext, p: Printed, at: ts.Node): string {
  if (p.type.kind === "number") return p.text;
  if (p.type.kind === "json") return `__ice_j_tonum(${p.text})`;
  // TypeScript allows a string or a boolean only under unary `-` and `~` (ToNumber as `+s`).
  if (p.type.kind === "string") return `__ice_str_num(${p.text}, ${STR_MODE.number}, NaN)`;
  if (p.type.kind === "boolean") return `__ice_bool_num(${p.text})`;
  return ctx.refuse(
    at,
    `arithmetic on a ${p.type.kind === "optional" ? "value that may be undefined" : p.type.kind}`,
    "check for undefined first, or convert with Number(...)",
  );
}

export function printBinary(ctx: PrintContext, node: ts.BinaryExpression): Printed {
  const op = node.operatorToken.kind;
  if (
    op === ts.SyntaxKind.EqualsToken ||
    COMPOUND[op] !== undefined ||
    op === ts.SyntaxKind.QuestionQuestionEqualsToken ||
    op === ts.SyntaxKind.BarBarEqualsToken ||
    op === ts.SyntaxKind.AmpersandAmpersandEqualsToken
  )
    return printAssignment(ctx, node);
  if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken) return printLogical(ctx, node);
  if (op === ts.SyntaxKind.QuestionQuestionToken) return printCoalesce(ctx, node);
  if (EQUALITY[op] !== undefined) return printEquality(ctx, node, EQUALITY[op]!);
  if (op === ts.SyntaxKind.CommaToken) {
    // `i++, j--` (a for loop's update): the left for its effects, the value of the right.
    const left = printExpr(ctx, node.left);
    const right = printExpr(ctx, node.right);
    return { text: `(${left.text}, ${right.text})`, type: right.type };
  }
  if (op === ts.SyntaxKind.InKeyword) {
    const inJson = jsonIn(ctx, node);
    if (inJson) return inJson;
    return printIn(ctx, node);
  }
  if (op === ts.SyntaxKind.InstanceOfKeyword)
    return ctx.refuse(
      node,
      `'${ts.tokenToString(op)}'`,
      "values are typed by their declarations; use a Map for keyed data",
    );
  const left = printExpr(ctx, node.left);
  const right = printExpr(ctx, node.right);
  const cmp = COMPARISON[op];
  if (cmp) {
    if (left.type.kind === "json" || right.type.kind === "json") return jsonCompare(ctx, node, left, right, cmp);
    if (left.type.kind === "number" && right.type.kind === "number")
      return { text: compareInt32(cmp, left, right) ?? `(${left.text} ${cmp} ${right.text})`, type: BOOLEAN };
    if (left.type.kind === "string" && right.type.kind === "string")
      return { text: `(__ice_strcmp(${left.text}, ${right.text}) ${cmp} 0)`, type: BOOLEAN };
    return ctx.refuse(
      node,
      `comparing ${left.type.kind} and ${right.type.kind} with '${cmp}'`,
      "compare two numbers or two strings",
    );
  }
  const resultIsText = op === ts.SyntaxKind.PlusToken && ctx.typeOf(node).kind === "string";
  return operate(ctx, node, op, left, right, resultIsText);
}

/** An expression without effects, so it may be evaluated twice or not at all. */
export function isPure(node: ts.Expression): boolean {
  const inner = stripParens(node);
  if (ts.isIdentifier(inner) || ts.isLiteralExpression(inner)) return true;
  if (ts.isPropertyAccessExpression(inner)) return isPure(inner.expression);
  return (
    inner.kind === ts.SyntaxKind.TrueKeyword ||
    inner.kind === ts.SyntaxKind.FalseKeyword ||
    inner.kind === ts.SyntaxKind.ThisKeyword
  );
}

function printLogical(ctx: PrintContext, node: ts.BinaryExpression): Printed {
  const and = node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken;
  let type = ctx.typeOf(node);
  if (type.kind === "boolean") {
    const left = printExpr(ctx, node.left);
    const right = printExpr(ctx, node.right);
    if (left.type.kind === "boolean" && right.type.kind === "boolean")
      return { text: `(${left.text} ${and ? "&&" : "||"} ${right.text})`, type };
  }
  const left = printExpr(ctx, node.left);
  // `x && y` with x possibly undefined where TypeScript says it is not (a read past the end,
  // print/missing.ts) is undefined when x is: the value is possibly undefined too.
  if (and && left.type.kind === "optional" && type.kind !== "optional" && type.kind !== "json") type = optional(type);
  if (type.kind !== "optional" && type.kind !== "json" && carriesMissing(ctx, node)) type = optional(type);
  const temp = ctx.temp(left.type);
  // `x && y` keeps a falsy x: of a `T | null` object, that is null (print/nullable.ts), not a copy of x.
  // Of a `T | null | undefined` object (print/nullish.ts), a falsy x is null or undefined itself.
  const kept =
    and && isNullable(left.type)
      ? coerce(ctx, { text: "__ice_j_null()", type: JSON_VALUE }, type, node)
      : and && isNullish(left.type) && type.kind === "json"
        ? `__ice_nsh_to_j<${asType((left.type as { inner: ValueType }).inner)}>(${temp})`
        : coerce(ctx, { text: temp, type: left.type }, type, node);
  const keptTruthy = and
    ? kept
    : coerce(
        ctx,
        isNullish(left.type)
          ? chainOpen(temp, left.type).value
          : {
              text: unwrap({ text: temp, type: left.type }),
              type: left.type.kind === "optional" ? left.type.inner : left.type,
            },
        type,
        node,
      );
  const other = printTo(ctx, node.right, type);
  const test = truthy({ text: `(${temp} = ${left.text})`, type: left.type });
  return { text: and ? `(${test} ? ${other} : ${kept})` : `(${test} ? ${keptTruthy} : ${other})`, type };
}

function printCoalesce(ctx: PrintContext, node: ts.BinaryExpression): Printed {
  // A left operand hoisted before a call in the right one (guardedCalls.ts) is read, not redone.
  const fast = state(ctx).hoisted.has(node.left) ? undefined : (mapGetOr(ctx, node) ?? dictGetOr(ctx, node));
  if (fast) return fast;
  const left = printExpr(ctx, node.left);
  if (left.type.kind === "json") {
    const type = ctx.typeOf(node);
    const temp = ctx.temp(left.type);
    const kept = coerce(ctx, { text: temp, type: left.type }, type, node);
    return { text: `(!__ice_j_nullish(${temp} = ${left.text}) ? ${kept} : ${printTo(ctx, node.right, type)})`, type };
  }
  if (left.type.kind !== "optional") return left;
  let type = ctx.typeOf(node);
  if (type.kind !== "optional" && type.kind !== "json" && carriesMissing(ctx, node)) type = optional(type);
  if (isNullish(left.type))
    return nullishCoalesce(ctx, left, type, printTo(ctx, node.right, type), (v) => coerce(ctx, v, type, node));
  const temp = ctx.temp(left.type);
  const defined = coerce(ctx, { text: unwrap({ text: temp, type: left.type }), type: left.type.inner }, type, node);
  return { text: `((${temp} = ${left.text}) !== null ? ${defined} : ${printTo(ctx, node.right, type)})`, type };
}

/** `a || xs[i]` (`&&`, `??`) whose right operand may be undefined past the end where its own value is tested. */
function carriesMissing(ctx: PrintContext, node: ts.BinaryExpression): boolean {
  return passesMissing(ctx, node.right) && missingContext(ctx, node) === "nullish";
}

export function printPrefix(ctx: PrintContext, node: ts.PrefixUnaryExpression): Printed {
  switch (node.operator) {
    case ts.SyntaxKind.ExclamationToken:
      return { text: `!${wrapParen(printCondition(ctx, node.operand))}`, type: BOOLEAN };
    case ts.SyntaxKind.MinusToken: {
      if (ts.isNumericLiteral(node.operand)) {
        const value = Number(node.operand.text);
        return { text: `(-${numberLiteral(value)})`, type: NUMBER, int32: literalView(-value) };
      }
      return { text: `(-${num(ctx, printExpr(ctx, node.operand), node)})`, type: NUMBER };
    }
    case ts.SyntaxKind.PlusToken: {
      const operand = printExpr(ctx, node.operand);
      if (operand.type.kind === "number") return operand;
      if (operand.type.kind === "string") return { text: `__ice_str_num(${operand.text}, 0, NaN)`, type: NUMBER };
      if (operand.type.kind === "boolean") return { text: `__ice_bool_num(${operand.text})`, type: NUMBER };
      if (operand.type.kind === "json") return { text: `__ice_j_tonum(${operand.text})`, type: NUMBER };
      // `+date` (`isNaN(+d)`): its time value, as getTime().
      if (operand.type.kind === "date") return { text: `(${operand.text}).t`, type: NUMBER };
      return ctx.refuse(node, "unary '+' here", "convert with Number(...)");
    }
    case ts.SyntaxKind.TildeToken:
      return bitwiseNot(asNumber(ctx, printExpr(ctx, node.operand), node));
    default:
      return printUpdate(ctx, node, true);
  }
}

function wrapParen(text: string): string {
  return /^[\w$.!]+$/.test(text) || (text.startsWith("(") && text.endsWith(")")) ? text : `(${text})`;
}

export function printUpdate(
  ctx: PrintContext,
  node: ts.PrefixUnaryExpression | ts.PostfixUnaryExpression,
  prefix: boolean,
): Printed {
  const op = node.operator === ts.SyntaxKind.PlusPlusToken ? "++" : "--";
  const operand = node.operand;
  if (ts.isElementAccessExpression(operand) && ctx.typeOf(operand.expression).kind === "dict")
    return dictUpdate(ctx, node, printExpr(ctx, operand.expression), operand.argumentExpression, prefix);
  const keyed = keyedFieldUpdate(ctx, node, prefix, isDiscarded(node));
  if (keyed) return keyed;
  if (ts.isElementAccessExpression(operand)) {
    const used = !isDiscarded(node);
    if (used && !prefix)
      return ctx.refuse(node, `'${op}' on an array element inside an expression`, "write it as its own statement");
    const target = printExpr(ctx, operand.expression);
    const slot = tupleSlot(target, operand.argumentExpression);
    // `last[1]++` of a `[string, number]` pair: the tuple is evaluated once, its slot updated.
    if (slot !== undefined) {
      const t = ctx.temp(target.type);
      return { text: `(${t} = ${target.text}, ${t}.${slot} = ${t}.${slot} ${op[0]} 1.0)`, type: NUMBER };
    }
    const pure = isPure(operand.expression) && isPure(operand.argumentExpression);
    if (target.type.kind !== "array" || (!pure && target.type.element.kind !== "number"))
      return ctx.refuse(node, `'${op}' on this element`, "read it into a local, update, and write it back");
    const index = printTo(ctx, operand.argumentExpression, NUMBER);
    const element = asType(target.type.element);
    if (pure)
      return {
        text: `__ice_set<${element}>(${target.text}, ${index}, __ice_at<${element}>(${target.text}, ${index}) ${op[0]} 1.0)`,
        type: NUMBER,
      };
    // `counts[bucket(x)]++`, `matrix[i][j]++`: the array and the index are evaluated once, in
    // JavaScript's order, then the element is read and written back.
    const array = ctx.temp(target.type);
    const at = ctx.temp(NUMBER);
    return {
      text: `(${array} = ${target.text}, ${at} = ${index}, __ice_set<${element}>(${array}, ${at}, __ice_at<${element}>(${array}, ${at}) ${op[0]} 1.0))`,
      type: NUMBER,
    };
  }
  const special = updateLocal(ctx, node, prefix);
  if (special) return special;
  const target = printLValue(ctx, operand);
  if (target.type.kind !== "number") return ctx.refuse(node, `'${op}' on a ${target.type.kind}`, "use it on numbers");
  return { text: prefix ? `(${op}${target.text})` : `(${target.text}${op})`, type: NUMBER };
}

/** The field of a tuple's number element named by a literal index (`pair[1]`). */
function tupleSlot(target: Printed, index: ts.Expression): string | undefined {
  if (target.type.kind !== "tuple" || !ts.isNumericLiteral(index)) return undefined;
  const i = Number(index.text);
  return target.type.elements[i]?.kind === "number" ? `_${i}` : undefined;
}

function isDiscarded(node: ts.Node): boolean {
  const parent = node.parent;
  return ts.isExpressionStatement(parent) || (ts.isForStatement(parent) && parent.incrementor === node);
}

/** An assignable place: a local, an environment field or an object field. */
