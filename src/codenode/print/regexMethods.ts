/**
 * @fileoverview Regular expressions in code nodes: literals and `new RegExp("constant")` compiled
 * at build time (regex/compile.ts) into a program for the sandbox's linear-time VM
 * (support/regex.ts); `test`/`exec`; the string methods taking a RegExp (`match`, `matchAll`,
 * `replace`/`replaceAll` with a pattern or a replacer function, `split`, `search`). Also
 * `localeCompare` and `normalize`. Called from calls.ts, stringMethods.ts and expressions.ts;
 * match arrays and RegExp properties are in regex.ts.
 */
import { localeArguments } from "./numberLocale.js";
import { ts } from "../typescript.js";
import { compileRegex, RegexRefusal } from "../regex/compile.js";
import { BOOLEAN, NUMBER, nullable, STRING, type ValueType } from "../types.js";
import { type PrintContext, type Printed, stripParens } from "./context.js";
import { printTo, stringLiteral } from "./expressions.js";
import { definerEnv, definerEnvClass, functionArgument, lift } from "./functions.js";
import { perContext } from "./perContext.js";

const REGEXP: ValueType = { kind: "regexp" };
const MATCH: ValueType = { kind: "match" };

const programs = perContext(() => new Map<string, string>());

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
  const byKey = programs.of(ctx);
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
  if (method === "exec") return { text: `__ice_re_exec(${re.text}, ${s()})`, type: nullable(MATCH) };
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
    if (node.arguments.length > 1) {
      const args = localeArguments(ctx, "localeCompare", second, node.arguments[2]);
      if (typeof args === "object") return args;
      const that = first ? printTo(ctx, first, STRING) : '"undefined"';
      return { text: `__ice_locale_compare_with(${s.text}, ${that}, ${args})`, type: NUMBER };
    }
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
      return { text: `__ice_s_match(${s.text}, ${re()})`, type: nullable(MATCH) };
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
  const node = functionArgument(ctx, arg);
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
  // A literal pattern's capture count is known: a parameter past the captures would receive the
  // offset (a number) and the whole string, which the library types as captures.
  if (known && signature.params.length > known.groups + 1)
    ctx.refuse(
      signature.params[known.groups + 1]?.node ?? arg,
      `a replacer parameter past the ${known.groups} capture group${known.groups === 1 ? "" : "s"} of the pattern (JavaScript passes the offset of the match, a number, and then the whole string there)`,
      "take the match and the captures only; use exec in a loop to know offsets",
    );
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
