/**
 * @fileoverview Which capture groups of a match may not take part in it (print/regex.ts): a group
 * inside an alternative, an optional or `*` repetition, or a negative lookahead is `undefined`
 * in JavaScript's match array whenever that part did not match. Read as a plain string, such a
 * group would stop the node where JavaScript carries `undefined` on, so it is refused at compile
 * time instead, when the match is known to come from one literal pattern (`const m =
 * /.../.exec(s)`, `m = re.exec(s)` in a loop, `s.match(/.../)`).
 */
import { parsePattern, type Node } from "../regex/parse.js";
import { ts } from "../typescript.js";
import { type PrintContext, stripParens } from "./context.js";
import { testsUndefined } from "./regex.js";

/** Refuses reading capture `index` of `match` as a string when the group may not take part. */
export function refuseOptionalCapture(ctx: PrintContext, read: ts.Node, match: ts.Expression, index: number): void {
  const pattern = patternsOf(ctx, match)?.find((p) => p.optional.has(index));
  if (!pattern || testedElsewhere(ctx, match, index) || throwsOnUndefined(read)) return;
  ctx.refuse(
    read,
    `reading capture group ${index} of ${pattern.text} as a string (the group may not take part in the match; JavaScript then gives undefined)`,
    `test it first: \`m[${index}] ?? ""\`, \`m[${index}] === undefined ? ... : ...\`, or declare it \`string | undefined\``,
  );
}

/**
 * Refuses reading `(s.match(re) || [])[i]` (or `?? []`) as a string: when nothing matched, the
 * array is the empty one and JavaScript reads undefined at every index, which a string cannot hold.
 */
export function refuseEmptyFallbackRead(ctx: PrintContext, read: ts.ElementAccessExpression): void {
  const object = skip(read.expression);
  if (!ts.isBinaryExpression(object) || throwsOnUndefined(read)) return;
  const op = object.operatorToken.kind;
  const right = skip(object.right);
  if (op !== ts.SyntaxKind.BarBarToken && op !== ts.SyntaxKind.QuestionQuestionToken) return;
  if (!ts.isArrayLiteralExpression(right) || right.elements.length > 0) return;
  ctx.refuse(
    read,
    "reading an element of a match or `[]` as a string (when nothing matched, JavaScript reads undefined from the empty array)",
    'test it where it is read: `(m || [])[1] ?? ""`, or test the match first: `const m = s.match(re); const x = m ? m[1] : ""`',
  );
}

/**
 * True when the body tests `m[index]` for undefined somewhere (`m[2] === undefined ? ... :
 * Number(m[2])`): its plain reads are then taken to be guarded, and stop the node if not.
 */
function testedElsewhere(ctx: PrintContext, match: ts.Expression, index: number): boolean {
  const m = skip(match);
  const symbol = ts.isIdentifier(m) ? ctx.symbolOf(m) : undefined;
  if (!symbol) return false;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isElementAccessExpression(n) && ts.isIdentifier(skip(n.expression))) {
      const k = stripParens(n.argumentExpression);
      if (
        ts.isNumericLiteral(k) &&
        Number(k.text) === index &&
        ctx.symbolOf(skip(n.expression)) === symbol &&
        testsUndefined(n)
      ) {
        found = true;
        return;
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(ctx.root);
  return found;
}

/** `m[2].length`, `m[2].trim()`: JavaScript throws a TypeError on undefined there too. */
function throwsOnUndefined(read: ts.Node): boolean {
  let child = read;
  let p = read.parent;
  while (p && (ts.isParenthesizedExpression(p) || ts.isNonNullExpression(p))) {
    child = p;
    p = p.parent;
  }
  return (
    !!p &&
    (ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) &&
    p.expression === child &&
    !p.questionDotToken
  );
}

interface Pattern {
  readonly text: string;
  readonly optional: ReadonlySet<number>;
}

/** The literal patterns `match` may come from, or undefined when one of its sources is not known. */
function patternsOf(ctx: PrintContext, match: ts.Expression): Pattern[] | undefined {
  const e = skip(match);
  if (ts.isCallExpression(e)) {
    const p = patternOfCall(ctx, e);
    return p ? [p] : undefined;
  }
  if (!ts.isIdentifier(e)) return undefined;
  const symbol = ctx.symbolOf(e);
  const d = symbol?.valueDeclaration;
  if (!symbol || !d || !ts.isVariableDeclaration(d) || !ts.isIdentifier(d.name)) return undefined;
  const sources: ts.Expression[] = d.initializer ? [d.initializer] : [];
  if (!(ts.getCombinedNodeFlags(d) & ts.NodeFlags.Const)) {
    let unknown = false;
    const visit = (n: ts.Node): void => {
      if (ts.isBinaryExpression(n) && ts.isIdentifier(skip(n.left)) && ctx.symbolOf(skip(n.left)) === symbol) {
        if (n.operatorToken.kind === ts.SyntaxKind.EqualsToken) sources.push(n.right);
        else if (
          n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
          n.operatorToken.kind <= ts.SyntaxKind.LastAssignment
        )
          unknown = true;
      }
      ts.forEachChild(n, visit);
    };
    visit(ctx.root);
    if (unknown) return undefined;
  }
  const out: Pattern[] = [];
  for (const source of sources) {
    const s = skip(source);
    if (s.kind === ts.SyntaxKind.NullKeyword) continue;
    if (!ts.isCallExpression(s)) return undefined;
    const p = patternOfCall(ctx, s);
    if (!p) return undefined;
    out.push(p);
  }
  return out;
}

/** `re.exec(s)` or `s.match(re)` (without `g`: with it the array holds matches, not groups). */
function patternOfCall(ctx: PrintContext, call: ts.CallExpression): Pattern | undefined {
  const callee = stripParens(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  const regex = method === "exec" ? callee.expression : method === "match" ? call.arguments[0] : undefined;
  const literal = regex && literalOf(ctx, regex);
  if (!literal) return undefined;
  const close = literal.text.lastIndexOf("/");
  const source = literal.text.slice(1, close);
  const flags = literal.text.slice(close + 1);
  if (method === "match" && flags.includes("g")) return undefined;
  try {
    const parsed = parsePattern(source, flags.includes("u") || flags.includes("v"));
    const always = new Set<number>();
    participating(parsed.root, always);
    const optional = new Set<number>();
    for (let g = 1; g <= parsed.groups; g++) if (!always.has(g)) optional.add(g);
    return { text: literal.text, optional };
  } catch {
    return undefined;
  }
}

function literalOf(ctx: PrintContext, e: ts.Expression): ts.RegularExpressionLiteral | undefined {
  let inner = stripParens(e);
  if (ts.isIdentifier(inner)) {
    const d = ctx.symbolOf(inner)?.valueDeclaration;
    if (!d || !ts.isVariableDeclaration(d) || !d.initializer || !(ts.getCombinedNodeFlags(d) & ts.NodeFlags.Const))
      return undefined;
    inner = stripParens(d.initializer);
  }
  return ts.isRegularExpressionLiteral(inner) ? inner : undefined;
}

/** Adds the groups every successful match of `node` sets. */
function participating(node: Node, out: Set<number>): void {
  switch (node.kind) {
    case "group":
      out.add(node.index);
      participating(node.body, out);
      return;
    case "seq":
      for (const item of node.items) participating(item, out);
      return;
    case "alt":
      if (node.options.length === 1) participating(node.options[0]!, out);
      return;
    case "repeat":
      if (node.min >= 1) participating(node.body, out);
      return;
    case "look":
      if (!node.negated) participating(node.body, out);
      return;
    default:
      return;
  }
}

function skip(e: ts.Expression): ts.Expression {
  let x = e;
  while (ts.isParenthesizedExpression(x) || ts.isNonNullExpression(x) || ts.isAsExpression(x)) x = x.expression;
  return x;
}
