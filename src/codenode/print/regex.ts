/**
 * @fileoverview Regular expressions in code nodes: literals and `new RegExp("constant")` compiled
 * at build time (regex/compile.ts) into a program for the sandbox's linear-time VM
 * (support/regex.ts); `test`/`exec`/`lastIndex`; the string methods taking a RegExp (`match`,
 * `matchAll`, `replace`/`replaceAll` with a pattern or a replacer function, `split`, `search`);
 * match arrays (`m[i]`, `index`, `input`, `groups.name`), where a capture that did not
 * participate is `undefined`: read where undefined is tested (`??`, `||`, a condition,
 * `=== undefined`) it is, elsewhere it stops the node with a message. Also `localeCompare` and
 * `normalize`. Called from calls.ts, access.ts, operators.ts and assignment.ts.
 */
import { ts } from "ts-morph";
import { compileRegex, RegexRefusal } from "../regex/compile.js";
import { includesNull, includesUndefined } from "../regex/types.js";
import { BOOLEAN, fromChecker, NUMBER, optional, STRING, type ValueType } from "../types.js";
import { type PrintContext, type Printed, stripParens } from "./context.js";
import { printExpr, printTo, stringLiteral } from "./expressions.js";
import { declarationOf, definerEnv, definerEnvClass, type FunctionNode, lift } from "./functions.js";

const REGEXP: ValueType = { kind: "regexp" };
const MATCH: ValueType = { kind: "match" };
const GROUPS: ValueType = { kind: "groups" };

const programs = new WeakMap<PrintContext, Map<string, string>>();

/** A RegExp object for a constant pattern: its program is hoisted once per body. */
function regexObject(ctx: PrintContext, node: ts.Node, pattern: string, flags: string): Printed {
  let host: RegExp;
  try {
    host = new RegExp(pattern, flags);
  } catch (error) {
    return ctx.refuse(
      node,
      `an invalid regular expression (${error instanceof Error ? error.message : String(error)})`,
      "fix the pattern",
    );
  }
  let compiled: ReturnType<typeof compileRegex>;
  try {
    compiled = compileRegex(pattern, flags);
  } catch (error) {
    if (error instanceof RegexRefusal) return ctx.refuse(node, error.what, error.instead);
    throw error;
  }
  let byKey = programs.get(ctx);
  if (!byKey) {
    byKey = new Map();
    programs.set(ctx, byKey);
  }
  const key = `${flags}/${pattern}`;
  let name = byKey.get(key);
  if (!name) {
    name = ctx.fresh("rp");
    byKey.set(key, name);
    ctx.hoisted.push(`const ${name}: StaticArray<i32> = [${compiled.program.join(",")}];`);
    if (compiled.names.some((n) => n !== undefined))
      ctx.hoisted.push(
        `const ${name}n: Array<string> = [${compiled.names.map((n) => stringLiteral(n ?? "")).join(", ")}];`,
      );
  }
  const names = compiled.names.some((n) => n !== undefined) ? `${name}n` : "null";
  return {
    text: `new __ice_RegExp(${name}, ${compiled.groups}, ${compiled.flags}, ${stringLiteral(host.source)}, ${stringLiteral(host.flags)}, ${names})`,
    type: REGEXP,
  };
}

export function printRegexLiteral(ctx: PrintContext, node: ts.RegularExpressionLiteral): Printed {
  const text = node.text;
  const close = text.lastIndexOf("/");
  return regexObject(ctx, node, text.slice(1, close), text.slice(close + 1));
}

/** `new RegExp("...", "g")` with constant text (a pattern computed at run time is refused). */
export function printRegexConstructor(ctx: PrintContext, node: ts.NewExpression | ts.CallExpression): Printed {
  const [pattern, flags] = node.arguments ?? [];
  const constant = (e: ts.Expression | undefined): string | undefined => {
    if (!e) return undefined;
    const inner = stripParens(e);
    return ts.isStringLiteral(inner) || ts.isNoSubstitutionTemplateLiteral(inner) ? inner.text : undefined;
  };
  const p = constant(pattern);
  const f = flags ? constant(flags) : "";
  if (pattern && ts.isRegularExpressionLiteral(stripParens(pattern)) && !flags)
    return printRegexLiteral(ctx, stripParens(pattern) as ts.RegularExpressionLiteral);
  if (p === undefined || f === undefined)
    return ctx.refuse(
      node,
      "a regular expression built at run time (`new RegExp` of a computed string)",
      "write the pattern as a literal /.../, or search with indexOf/includes/split on the computed text",
    );
  return regexObject(ctx, node, p, f);
}

/** Methods of a RegExp: `test`, `exec`. */
export function regexMethod(ctx: PrintContext, node: ts.CallExpression, re: Printed, method: string): Printed {
  const s = () => (node.arguments[0] ? printTo(ctx, node.arguments[0], STRING) : '"undefined"');
  if (method === "test") return { text: `__ice_re_test(${re.text}, ${s()})`, type: BOOLEAN };
  if (method === "exec") return { text: `__ice_re_exec(${re.text}, ${s()})`, type: optional(MATCH) };
  return ctx.refuse(node, `regexp.${method}()`, "use test or exec, or the string methods match, replace, split");
}

function isRegex(ctx: PrintContext, e: ts.Expression | undefined): boolean {
  if (!e) return false;
  const symbol = ctx.checker.getTypeAtLocation(e).getSymbol();
  return symbol?.getName() === "RegExp";
}

/** String methods with a RegExp argument, `localeCompare`, `normalize`; undefined for the others. */
export function regexStringMethod(
  ctx: PrintContext,
  node: ts.CallExpression,
  s: Printed,
  method: string,
): Printed | undefined {
  const [first, second] = node.arguments;
  if (method === "localeCompare") {
    if (node.arguments.length > 1)
      return ctx.refuse(node, "localeCompare with locales or options", "call a.localeCompare(b) with one argument");
    return {
      text: `__ice_locale_compare(${s.text}, ${first ? printTo(ctx, first, STRING) : '"undefined"'})`,
      type: NUMBER,
    };
  }
  if (method === "normalize")
    return { text: `__ice_normalize(${s.text}, ${first ? printTo(ctx, first, STRING) : '"NFC"'})`, type: STRING };
  if (!isRegex(ctx, first)) return undefined;
  const re = () => printTo(ctx, first!, REGEXP);
  switch (method) {
    case "match":
      return { text: `__ice_s_match(${s.text}, ${re()})`, type: optional(MATCH) };
    case "matchAll":
      return { text: `__ice_s_match_all(${s.text}, ${re()})`, type: { kind: "array", element: MATCH } };
    case "search":
      return { text: `__ice_s_search(${s.text}, ${re()})`, type: NUMBER };
    case "split": {
      const known = literalOf(ctx, first!);
      if (known && known.optional.length > 0)
        return ctx.refuse(
          first!,
          `split with a capture group that may not take part in a match (group ${known.optional[0]}: JavaScript puts undefined in the array of strings)`,
          "make the group take part in every match, or use (?:...) for groups you do not need in the result",
        );
      return {
        text: `__ice_re_split(${s.text}, ${re()}, ${second ? printTo(ctx, second, NUMBER) : "4294967295.0"})`,
        type: { kind: "array", element: STRING },
      };
    }
    case "replace":
    case "replaceAll": {
      const all = method === "replaceAll";
      const pattern = re();
      if (second && isFunction(ctx, second)) {
        const f = replacer(ctx, second, literalOf(ctx, first!));
        return {
          text: `__ice_re_replace_fn<${f.envType}>(${s.text}, ${pattern}, ${f.name}, ${f.env}, ${all})`,
          type: STRING,
        };
      }
      const rep = second ? printTo(ctx, second, STRING) : '"undefined"';
      return { text: `__ice_re_replace(${s.text}, ${pattern}, ${rep}, ${all})`, type: STRING };
    }
    default:
      return undefined;
  }
}

/** The compiled form of a regular expression literal written here or bound to a const. */
function literalOf(ctx: PrintContext, e: ts.Expression): ReturnType<typeof compileRegex> | undefined {
  let inner = stripParens(e);
  if (ts.isIdentifier(inner)) {
    const d = ctx.symbolOf(inner)?.valueDeclaration;
    if (!d || !ts.isVariableDeclaration(d) || !d.initializer || !(ts.getCombinedNodeFlags(d) & ts.NodeFlags.Const))
      return undefined;
    inner = stripParens(d.initializer);
  }
  if (!ts.isRegularExpressionLiteral(inner)) return undefined;
  const close = inner.text.lastIndexOf("/");
  try {
    return compileRegex(inner.text.slice(1, close), inner.text.slice(close + 1));
  } catch {
    return undefined;
  }
}

function isFunction(ctx: PrintContext, e: ts.Expression): boolean {
  return ctx.checker.getTypeAtLocation(e).getCallSignatures().length > 0;
}

/** A replacer `(match, p1, p2, ...) => string` adapted to receive the match object. */
function replacer(
  ctx: PrintContext,
  arg: ts.Expression,
  known: ReturnType<typeof compileRegex> | undefined,
): { name: string; env: string; envType: string } {
  const inner = stripParens(arg);
  let node: FunctionNode | undefined;
  if (ts.isArrowFunction(inner) || ts.isFunctionExpression(inner)) node = inner;
  else if (ts.isIdentifier(inner)) {
    const symbol = ctx.symbolOf(inner);
    if (symbol && ctx.isLocal(symbol)) node = declarationOf(symbol);
  }
  if (!node || !ctx.lifted.has(node))
    return ctx.refuse(arg, "this replacer", "pass an arrow function or the name of a function declared in the body");
  const { signature, name } = lift(ctx, node);
  signature.params.forEach((p, i) => {
    const maybe = p.type.kind === "optional" && p.type.inner.kind === "string";
    if (p.type.kind !== "string" && !maybe)
      ctx.refuse(
        p.node,
        "a replacer parameter that is not a string (JavaScript passes the offset and the whole string after the captures)",
        "take the match and the captures only; use exec in a loop to know offsets",
      );
    if (!maybe && known?.optional.includes(i))
      ctx.refuse(
        p.node,
        `a replacer parameter of type string for capture group ${i}, which may not take part in a match (JavaScript passes undefined)`,
        `declare it as \`${p.node.name.getText()}: string | undefined\` and test it`,
      );
  });
  if (signature.returnType.kind !== "string")
    ctx.refuse(arg, "a replacer that does not return a string", "return a string");
  const envType = definerEnvClass(ctx, node);
  const adapter = ctx.fresh("a");
  const args = signature.params.map((p, i) =>
    p.type.kind === "optional" ? `__ice_m_arg_opt(m, ${i})` : `__ice_m_arg(m, ${i})`,
  );
  ctx.hoisted.push(
    `function ${adapter}(e: ${envType}, m: __ice_Match): string { return ${name}(${["e", ...args].join(", ")}); }`,
  );
  return { name: adapter, env: definerEnv(ctx, node), envType };
}

/** Properties of a RegExp or a match; undefined for other values. */
export function regexProperty(
  ctx: PrintContext,
  node: ts.Node,
  object: Printed,
  property: string,
): Printed | undefined {
  if (object.type.kind === "regexp") {
    const o = object.text;
    switch (property) {
      case "lastIndex":
        return { text: `${o}.lastIndex`, type: NUMBER };
      case "source":
        return { text: `${o}.source`, type: STRING };
      case "flags":
        return { text: `${o}.flagText`, type: STRING };
      case "global":
      case "ignoreCase":
      case "multiline":
      case "dotAll":
      case "unicode":
      case "sticky": {
        const bit = { global: 1, ignoreCase: 2, multiline: 4, dotAll: 8, unicode: 16, sticky: 32 }[property];
        return { text: `((${o}.flags & ${bit}) != 0)`, type: BOOLEAN };
      }
      default:
        return undefined;
    }
  }
  if (object.type.kind !== "match") return undefined;
  const m = object.text;
  const wantsOptional = () => includesUndefined(ctx.checker.getTypeAtLocation(node));
  switch (property) {
    case "length":
      return { text: `(<f64>${m}.items.length)`, type: NUMBER };
    case "index":
      return wantsOptional()
        ? { text: `__ice_m_index(${m})`, type: optional(NUMBER) }
        : { text: `${m}.at`, type: NUMBER };
    case "input":
      return wantsOptional()
        ? { text: `__ice_m_input(${m})`, type: optional(STRING) }
        : { text: `${m}.input`, type: STRING };
    case "groups":
      // Undefined when the expression has no named groups; read by name or destructured.
      return { text: `__ice_m_groups(${m})`, type: optional(GROUPS) };
    default:
      return undefined;
  }
}

/** `m.groups!.name`, `m.groups?.name`: undefined when `node` is not such a read. */
export function groupRead(ctx: PrintContext, node: ts.PropertyAccessExpression): Printed | undefined {
  let groups: ts.Expression = stripParens(node.expression);
  if (ts.isNonNullExpression(groups)) groups = stripParens(groups.expression);
  if (!ts.isPropertyAccessExpression(groups) || groups.name.text !== "groups") return undefined;
  const owner = ctx.checker.getTypeAtLocation(groups.expression);
  const symbol = (owner.isUnion() ? owner.types.find((t) => t.getSymbol()) : owner)?.getSymbol();
  if (symbol?.getName() !== "RegExpMatchArray" && symbol?.getName() !== "RegExpExecArray") return undefined;
  const match = printExpr(ctx, groups.expression);
  const name = stringLiteral(node.name.text);
  if (match.type.kind === "optional") {
    if (!groups.questionDotToken)
      return ctx.refuse(node, "reading a group of a match that may be null", "test the match first");
    const temp = ctx.temp(match.type);
    return {
      text: `((${temp} = ${match.text}) === null ? null : __ice_m_group(${temp}!, ${name}))`,
      type: optional(STRING),
    };
  }
  return capture(ctx, node, `__ice_m_group(${match.text}, ${name})`, `__ice_m_group_get(${match.text}, ${name})`);
}

/** `const [whole, a, b = "x"] = m`: each element a capture (a default applies when it is undefined). */
export function matchBindings(
  ctx: PrintContext,
  pattern: ts.ArrayBindingPattern,
  temp: string,
  bind: (element: ts.BindingElement, value: Printed) => string,
): string[] {
  const lines: string[] = [];
  pattern.elements.forEach((e, i) => {
    if (ts.isOmittedExpression(e)) return;
    if (e.dotDotDotToken) ctx.refuse(e, "a rest element in a pattern over a match", "use m.slice(i)");
    lines.push(
      bind(
        e,
        e.initializer
          ? { text: `__ice_m_opt(${temp}, ${i}.0)`, type: optional(STRING) }
          : { text: `__ice_m_get(${temp}, ${i}.0)`, type: STRING },
      ),
    );
  });
  return lines;
}

/** `const { year, day = "01" } = m.groups!`: each a named group (a default applies when it is undefined). */
export function groupBindings(
  ctx: PrintContext,
  pattern: ts.ObjectBindingPattern,
  temp: string,
  bind: (element: ts.BindingElement, value: Printed) => string,
): string[] {
  return pattern.elements.map((e) => {
    if (e.dotDotDotToken) ctx.refuse(e, "a rest element in a pattern over groups", "name the groups you need");
    const key = e.propertyName ?? e.name;
    if (!ts.isIdentifier(key)) return ctx.refuse(e, "a computed name in a pattern over groups", "name the group");
    const name = stringLiteral(key.text);
    return bind(
      e,
      e.initializer
        ? { text: `__ice_m_group(${temp}, ${name})`, type: optional(STRING) }
        : { text: `__ice_m_group_get(${temp}, ${name})`, type: STRING },
    );
  });
}

/** `m[i]` of a match; undefined when the object is not one. */
export function matchElement(
  ctx: PrintContext,
  node: ts.ElementAccessExpression,
  object: Printed,
): Printed | undefined {
  if (object.type.kind === "optional" && object.type.inner.kind === "match" && node.questionDotToken) {
    const temp = ctx.temp(object.type);
    const index = printTo(ctx, node.argumentExpression, NUMBER);
    return {
      text: `((${temp} = ${object.text}) === null ? null : __ice_m_opt(${temp}!, ${index}))`,
      type: optional(STRING),
    };
  }
  if (object.type.kind !== "match") return undefined;
  const index = printTo(ctx, node.argumentExpression, NUMBER);
  return capture(ctx, node, `__ice_m_opt(${object.text}, ${index})`, `__ice_m_get(${object.text}, ${index})`);
}

/**
 * A capture read: `string | undefined` where the code tests for undefined (or the checker's type
 * says so), else the string, stopping the node with a message if it is undefined.
 */
function capture(ctx: PrintContext, node: ts.Expression, optionalText: string, definedText: string): Printed {
  if (includesUndefined(ctx.checker.getTypeAtLocation(node)) || testsUndefined(node))
    return { text: optionalText, type: optional(STRING) };
  return { text: definedText, type: STRING };
}

function testsUndefined(node: ts.Node): boolean {
  let child = node;
  let parent = node.parent;
  while (ts.isParenthesizedExpression(parent)) {
    child = parent;
    parent = parent.parent;
  }
  if (ts.isBinaryExpression(parent) && parent.left === child) {
    const op = parent.operatorToken.kind;
    if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) return true;
  }
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    const other = parent.left === child ? parent.right : parent.left;
    if (
      (op === ts.SyntaxKind.EqualsEqualsEqualsToken ||
        op === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
        op === ts.SyntaxKind.EqualsEqualsToken ||
        op === ts.SyntaxKind.ExclamationEqualsToken) &&
      ts.isIdentifier(stripParens(other)) &&
      (stripParens(other) as ts.Identifier).text === "undefined"
    )
      return true;
  }
  if (ts.isConditionalExpression(parent) && parent.condition === child) return true;
  if ((ts.isIfStatement(parent) || ts.isWhileStatement(parent)) && parent.expression === child) return true;
  // `m !== null && m[2]` tested as a whole (its type is a union, a JSON value: print/json.ts).
  if (
    ts.isBinaryExpression(parent) &&
    parent.right === child &&
    (parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken ||
      parent.operatorToken.kind === ts.SyntaxKind.BarBarToken)
  )
    return testsUndefined(parent);
  if (ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.ExclamationToken) return true;
  return false;
}

/**
 * `x === null`, `x === undefined` (and `!==`, `==`, `!=`) where x may be null (a match): null and
 * undefined are one value here, so `=== undefined` of a value that is never undefined is false.
 * Undefined when the comparison is not such a one.
 */
export function nullComparison(ctx: PrintContext, node: ts.BinaryExpression, equal: boolean): Printed | undefined {
  const isNull = (e: ts.Expression) => stripParens(e).kind === ts.SyntaxKind.NullKeyword;
  const isUndef = (e: ts.Expression) => {
    const inner = stripParens(e);
    return ts.isIdentifier(inner) && inner.text === "undefined";
  };
  const [value, other] = isNull(node.left) || isUndef(node.left) ? [node.right, node.left] : [node.left, node.right];
  if (!isNull(other) && !isUndef(other)) return undefined;
  const type = ctx.checker.getTypeAtLocation(value);
  if (!includesNull(type) && !isNull(other)) return undefined;
  // A JSON value (`any`, `string | null`, ...) holds null and undefined apart (print/json.ts).
  const converted = fromChecker(ctx.checker, type, ctx.classes);
  if ("type" in converted && converted.type.kind === "json") return undefined;
  const printed = printExpr(ctx, value);
  if (printed.type.kind !== "optional")
    return ctx.refuse(node, "comparing this value with null", "compare values that may be null or undefined");
  const op = node.operatorToken.kind;
  const strict = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsEqualsToken;
  const canBeOther = isNull(other) ? includesUndefined(type) : includesNull(type);
  const canBeSame = isNull(other) ? includesNull(type) : includesUndefined(type);
  if (strict && canBeOther && canBeSame)
    return ctx.refuse(node, "comparing a value that may be null or undefined with ===", "compare with == null");
  if (strict && !canBeSame) return { text: `(${printed.text}, ${equal ? "false" : "true"})`, type: BOOLEAN };
  return { text: `(${printed.text} ${equal ? "===" : "!=="} null)`, type: BOOLEAN };
}
