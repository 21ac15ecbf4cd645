/**
 * @fileoverview Exceptions without WebAssembly exception handling, and the workflow line of run-time
 * traps. `throw v` stores v in the support library's pending slot (support/exceptions.ts) and leaves
 * the current region: `break` out of the enclosing loop, switch or try region (each of which is
 * followed by a check that keeps unwinding), or `return` a placeholder from the function. A call
 * that may throw (a body function, method, constructor or accessor whose code may throw, or an
 * array method given such a callback; found by a fixpoint over the body's functions) is hoisted
 * out of its statement into a temporary and followed by the same check, so nothing after it in the
 * statement runs (refused where hoisting would reorder what JavaScript evaluates). `try` is a
 * `do { } while (false)` region; `catch` takes the pending value; `finally` runs on every way out
 * (normal, throw, return, break, continue: a completion code in `fk`, dispatched after it).
 * What catch never catches: the sandbox's limits (fuel, memory, time) and run-time traps (an index
 * out of range, a missing Map key asserted with `!`): they end the node with the workflow line.
 */
import { ts } from "ts-morph";
import { asType, NUMBER, STRING, type ValueType, zeroValue } from "../types.js";
import { type FunctionState, type PrintContext, type Printed, shortText, stripParens } from "./context.js";
import { printExpr, printTo } from "./expressions.js";

/** The value type of a caught value (`unknown` in TypeScript): any thrown value, boxed. */
export const THROWN: ValueType = { kind: "object", shape: { name: "__ice_Thrown", fields: [] } };

type Frame =
  | { readonly kind: "loop" | "switch" }
  | {
      readonly kind: "try";
      readonly fk: string;
      readonly fv: string | undefined;
      readonly hasFinally: boolean;
      /** Completion codes some jump sets (1 return, 2 break, 3 continue). */
      readonly used: Set<number>;
    };

interface State {
  /** Functions (and class constructors) whose code may throw. */
  readonly throwing: Set<ts.Node>;
  readonly frames: WeakMap<FunctionState, Frame[]>;
  /** Calls hoisted out of the statement being printed: node -> its temporary. */
  readonly hoisted: Map<ts.Node, Printed>;
  /** Nodes printed by the plain printer (the hook passes them on). */
  readonly bypass: Set<ts.Node>;
  /** Line of the statement being printed. */
  line: number;
}

const states = new WeakMap<PrintContext, State>();

function state(ctx: PrintContext): State {
  let s = states.get(ctx);
  if (!s) {
    s = { throwing: new Set(), frames: new WeakMap(), hoisted: new Map(), bypass: new Set(), line: 0 };
    states.set(ctx, s);
  }
  return s;
}

function frames(ctx: PrintContext): Frame[] {
  const s = state(ctx);
  let f = s.frames.get(ctx.current);
  if (!f) {
    f = [];
    s.frames.set(ctx.current, f);
  }
  return f;
}

/**
 * The line where `node` starts, counted from the body's first line (1): the module does not
 * change when the body moves in the workflow file; the host adds the body's first line back.
 */
export function lineOf(ctx: PrintContext, node: ts.Node): number {
  const at = ctx.spanOf(node);
  return at.file.position(at.start).line - ctx.firstLine + 1;
}

// ---- which functions may throw -----------------------------------------------------------

/** A function-like unit of code: functions, methods, accessors, constructors (a class without one: the class). */
export function isCodeUnit(node: ts.Node): boolean {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  );
}

/** The unit that runs the field initializers of a class: its constructor, or the class itself. */
export function constructorUnit(cls: ts.ClassLikeDeclaration): ts.Node {
  return cls.members.find(ts.isConstructorDeclaration) ?? cls;
}

/** The code units `node` may run when evaluated (a call, `new`, an accessor read or write). */
function callees(ctx: PrintContext, node: ts.Node): ts.Node[] {
  const out: ts.Node[] = [];
  const local = (d: ts.Node | undefined) =>
    !!d && d.getSourceFile().fileName === "/body.ts" && d.getStart() >= ctx.bodyStart;
  const functionsOf = (expr: ts.Expression) => {
    const symbol = ctx.symbolOf(stripParens(expr));
    for (const d of symbol?.declarations ?? []) {
      if (!local(d)) continue;
      if (ts.isFunctionDeclaration(d) || ts.isMethodDeclaration(d)) out.push(d);
      if (ts.isVariableDeclaration(d) && d.initializer && isCodeUnit(stripParens(d.initializer)))
        out.push(stripParens(d.initializer));
      if (ts.isGetAccessorDeclaration(d) || ts.isSetAccessorDeclaration(d)) out.push(d);
    }
    if (ts.isPropertyAccessExpression(expr) && symbol && symbol.flags & ts.SymbolFlags.Method) {
      // Any override may run: every body method of that name.
      for (const m of methodsNamed(ctx, expr.name.text)) out.push(m);
    }
  };
  if (ts.isCallExpression(node)) {
    if (node.expression.kind === ts.SyntaxKind.SuperKeyword) {
      const cls = ts.findAncestor(node, ts.isClassLike);
      const base = cls && baseClass(ctx, cls);
      if (base) out.push(...constructorUnits(ctx, base));
    } else functionsOf(node.expression);
    for (const a of node.arguments) {
      const inner = stripParens(a);
      if (isCodeUnit(inner)) out.push(inner);
      else if (ts.isIdentifier(inner)) functionsOf(inner);
    }
  } else if (ts.isNewExpression(node)) {
    const symbol = ctx.symbolOf(node.expression);
    const cls = symbol?.declarations?.find(ts.isClassDeclaration);
    if (cls && local(cls)) out.push(...constructorUnits(ctx, cls));
  } else if (ts.isPropertyAccessExpression(node)) {
    const symbol = ctx.symbolOf(node.name);
    for (const d of symbol?.declarations ?? [])
      if (local(d) && (ts.isGetAccessorDeclaration(d) || ts.isSetAccessorDeclaration(d))) out.push(d);
  }
  return out;
}

function methodsNamed(ctx: PrintContext, name: string): ts.Node[] {
  const out: ts.Node[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isMethodDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === name) out.push(n);
    ts.forEachChild(n, visit);
  };
  visit(ctx.root);
  return out;
}

/** The class a class extends, when it is a body class. */
export function baseClass(ctx: PrintContext, cls: ts.ClassLikeDeclaration): ts.ClassDeclaration | undefined {
  const clause = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword);
  const expr = clause?.types[0]?.expression;
  if (!expr) return undefined;
  const symbol = ctx.symbolOf(expr);
  const d = symbol?.declarations?.find(ts.isClassDeclaration);
  return d && d.getSourceFile().fileName === "/body.ts" && d.getStart() >= ctx.bodyStart ? d : undefined;
}

/** The units `new C()` runs: C's constructor unit and, without a constructor, its base's. */
function constructorUnits(ctx: PrintContext, cls: ts.ClassDeclaration): ts.Node[] {
  const unit = constructorUnit(cls);
  const base = baseClass(ctx, cls);
  return unit === cls && base ? [unit, ...constructorUnits(ctx, base)] : [unit];
}

/** The unit whose code `node` is (field initializers belong to the constructor unit). */
function unitOf(node: ts.Node): ts.Node | undefined {
  for (let p = node.parent; p; p = p.parent) {
    if (isCodeUnit(p)) return p;
    if (ts.isPropertyDeclaration(p) && ts.isClassLike(p.parent) && !isStatic(p)) return constructorUnit(p.parent);
  }
  return undefined;
}

export function isStatic(node: ts.Node): boolean {
  return (
    !!ts.getCombinedModifierFlags(node as ts.Declaration) &&
    (ts.getCombinedModifierFlags(node as ts.Declaration) & ts.ModifierFlags.Static) !== 0
  );
}

/** Finds every unit that may throw (a fixpoint: throwing directly, or calling a unit that may). */
export function analyzeThrows(ctx: PrintContext, root: ts.Node): void {
  const s = state(ctx);
  const events: { unit: ts.Node; node: ts.Node }[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isThrowStatement(node) ||
      ts.isCallExpression(node) ||
      ts.isNewExpression(node) ||
      ts.isPropertyAccessExpression(node)
    ) {
      const unit = unitOf(node) ?? root;
      events.push({ unit, node });
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
  let changed = true;
  while (changed) {
    changed = false;
    for (const { unit, node } of events) {
      if (s.throwing.has(unit)) continue;
      if (ts.isThrowStatement(node) || callees(ctx, node).some((c) => s.throwing.has(c))) {
        s.throwing.add(unit);
        changed = true;
      }
    }
  }
}

/** True when evaluating `node` (a call, `new`, accessor) may throw. */
export function mayThrow(ctx: PrintContext, node: ts.Node): boolean {
  if (!ts.isCallExpression(node) && !ts.isNewExpression(node) && !ts.isPropertyAccessExpression(node)) return false;
  const s = state(ctx);
  return callees(ctx, node).some((c) => s.throwing.has(c));
}

/** True when evaluating `node` runs code of the body (after which the line must be set again). */
function runsBodyCode(ctx: PrintContext, node: ts.Node): boolean {
  if (!ts.isCallExpression(node) && !ts.isNewExpression(node) && !ts.isPropertyAccessExpression(node)) return false;
  return callees(ctx, node).length > 0;
}

/** True for a unit that may throw (a lifted callback checks on entry that nothing is pending). */
export function unitMayThrow(ctx: PrintContext, unit: ts.Node): boolean {
  return state(ctx).throwing.has(unit);
}

/** What a callback that may throw does first: nothing more once an exception is pending. */
export function entryGuard(ctx: PrintContext, unit: ts.Node, returnType: ValueType): string {
  if (!unitMayThrow(ctx, unit)) return "";
  return `if (__ice_pending()) ${returnDummy(returnType)}\n`;
}

function returnDummy(type: ValueType): string {
  return type.kind === "void" ? "return;" : `return ${zeroValue(type)};`;
}

// ---- leaving regions ---------------------------------------------------------------------

/** What code does where an exception has just become pending: leave the region, or return. */
export function throwAction(ctx: PrintContext, outer: readonly Frame[] = frames(ctx)): string {
  return outer.length > 0 ? "break;" : returnDummy(ctx.current.returnType);
}

/** The check after a call that may throw. */
function check(ctx: PrintContext): string {
  return `if (__ice_pending()) ${throwAction(ctx)}`;
}

/** Runs `print` with a frame pushed. */
function within<T>(ctx: PrintContext, frame: Frame, print: () => T): T {
  const f = frames(ctx);
  f.push(frame);
  try {
    return print();
  } finally {
    f.pop();
  }
}

function innermostTry(f: readonly Frame[]): Extract<Frame, { kind: "try" }> | undefined {
  for (let i = f.length - 1; i >= 0; i--) {
    const frame = f[i]!;
    if (frame.kind === "try") return frame;
  }
  return undefined;
}

/** The check after a loop or switch: keep unwinding an exception or a jump out of a try. */
function afterRegion(ctx: PrintContext): string {
  const f = frames(ctx);
  const t = innermostTry(f);
  const test = t ? `__ice_pending() || ${t.fk} != 0` : "__ice_pending()";
  return `if (${test}) ${throwAction(ctx, f)}`;
}

/**
 * `return`/`break`/`continue` from the current position: direct, or through the innermost try it
 * leaves (its completion code set, its region left; the try dispatches after its finally).
 */
function jump(
  ctx: PrintContext,
  kind: "return" | "break" | "continue",
  value: string | undefined,
  f: readonly Frame[] = frames(ctx),
): string {
  for (let i = f.length - 1; i >= 0; i--) {
    const frame = f[i]!;
    if (kind === "break" && (frame.kind === "loop" || frame.kind === "switch")) return "break;";
    if (kind === "continue" && frame.kind === "loop") return "continue;";
    if (frame.kind === "try" && (kind !== "return" || frame.hasFinally)) {
      const code = kind === "return" ? 1 : kind === "break" ? 2 : 3;
      frame.used.add(code);
      const store = kind === "return" && frame.fv && value !== undefined ? `${frame.fv} = ${value}; ` : "";
      return `{ ${store}${frame.fk} = ${code}; break; }`;
    }
  }
  if (kind === "return") return value === undefined ? "return;" : `return ${value};`;
  return `${kind};`;
}

// ---- statements --------------------------------------------------------------------------

/**
 * Prints one statement with what exceptions and trap lines need around it: the line set first,
 * calls that may throw hoisted (each followed by its check), loops and switches as regions
 * followed by their check. `print` is the plain printer.
 */
export function withStatement(ctx: PrintContext, node: ts.Statement, print: () => string): string {
  const s = state(ctx);
  const before: string[] = [];
  const line = lineOf(ctx, node);
  const saved = s.line;
  s.line = line;
  try {
    if (!quiet(ctx, node)) before.push(`__ice_set_line(${line});`);
    for (const expr of immediateExpressions(ctx, node)) before.push(...hoist(ctx, expr, line));
    const region = regionKind(node);
    let text: string;
    if (region) {
      text = within(ctx, { kind: region }, print);
      if (containsThrowOrJump(ctx, node)) text += `\n${afterRegion(ctx)}`;
    } else text = print();
    return before.length > 0 ? `${before.join("\n")}\n${text}` : text;
  } finally {
    s.line = saved;
  }
}

function regionKind(node: ts.Statement): "loop" | "switch" | undefined {
  if (ts.isSwitchStatement(node)) return "switch";
  if (ts.isIterationStatement(node, false)) return "loop";
  return undefined;
}

/** The expressions a statement evaluates itself (not those of the statements it contains). */
function immediateExpressions(ctx: PrintContext, node: ts.Statement): ts.Expression[] {
  const refuseIn = (expr: ts.Expression | undefined, where: string) => {
    if (expr && findThrowing(ctx, expr).length > 0)
      ctx.refuse(
        expr,
        `a call that may throw in ${where}`,
        "compute it into a variable in a statement of its own first",
      );
  };
  if (ts.isExpressionStatement(node) || ts.isReturnStatement(node) || ts.isThrowStatement(node))
    return node.expression ? [node.expression] : [];
  if (ts.isVariableStatement(node)) {
    const inits = node.declarationList.declarations.map((d) => d.initializer).filter((e): e is ts.Expression => !!e);
    if (inits.length > 1 && inits.some((e) => findThrowing(ctx, e).length > 0))
      ctx.refuse(node, "several declarations with a call that may throw", "declare each variable in its own statement");
    return inits.filter((e) => !isCodeUnit(stripParens(e)));
  }
  if (ts.isIfStatement(node)) return [node.expression];
  if (ts.isSwitchStatement(node)) {
    for (const c of node.caseBlock.clauses) if (ts.isCaseClause(c)) refuseIn(c.expression, "a case label");
    return [node.expression];
  }
  if (ts.isForOfStatement(node)) return [node.expression];
  if (ts.isForStatement(node)) {
    refuseIn(node.condition, "a loop condition");
    refuseIn(node.incrementor, "a loop step");
    if (node.initializer && !ts.isVariableDeclarationList(node.initializer)) return [node.initializer];
    if (node.initializer && ts.isVariableDeclarationList(node.initializer)) {
      const inits = node.initializer.declarations.map((d) => d.initializer).filter((e): e is ts.Expression => !!e);
      if (inits.some((e) => findThrowing(ctx, e).length > 0))
        ctx.refuse(
          node.initializer,
          "a call that may throw in a loop's initializer",
          "compute it into a variable before the loop",
        );
    }
    return [];
  }
  if (ts.isWhileStatement(node) || ts.isDoStatement(node)) refuseIn(node.expression, "a loop condition");
  return [];
}

/** Refuses a call that may throw in `expr`, where no check can follow it (a field initializer). */
export function refuseThrowing(ctx: PrintContext, expr: ts.Expression, where: string, instead: string): void {
  const [call] = findThrowing(ctx, expr);
  if (call) ctx.refuse(call, `a call that may throw in ${where}`, instead);
}

/** Calls that may throw inside `expr` (not inside nested functions), innermost and leftmost first. */
function findThrowing(ctx: PrintContext, expr: ts.Node): ts.Node[] {
  const out: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    if (isCodeUnit(node) || ts.isClassLike(node)) return;
    ts.forEachChild(node, visit);
    if (mayThrow(ctx, node) && !isCallee(node)) out.push(node);
  };
  visit(expr);
  return out;
}

/** `o.m` of `o.m(...)`: the call is what runs. */
function isCallee(node: ts.Node): boolean {
  return ts.isPropertyAccessExpression(node) && ts.isCallExpression(node.parent) && node.parent.expression === node;
}

function hoist(ctx: PrintContext, expr: ts.Expression, line: number): string[] {
  const s = state(ctx);
  const out: string[] = [];
  for (const call of findThrowing(ctx, expr)) {
    checkHoistable(ctx, call, expr);
    if (
      ts.isCallExpression(call) &&
      ts.isPropertyAccessExpression(call.expression) &&
      call.expression.name.text === "sort"
    )
      ctx.refuse(call, "a sort comparator that may throw", "check the values before sorting");
    const printed = plain(ctx, call as ts.Expression);
    if (printed.type.kind === "void") {
      out.push(`${printed.text};`, check(ctx), `__ice_set_line(${line});`);
      s.hoisted.set(call, { text: "0", type: printed.type });
      continue;
    }
    const temp = ctx.temp(printed.type);
    out.push(`${temp} = ${printed.text};`, check(ctx), `__ice_set_line(${line});`);
    s.hoisted.set(call, { text: temp, type: printed.type });
  }
  return out;
}

/** Refuses a call that may throw where moving it before the statement would change what JavaScript does. */
function checkHoistable(ctx: PrintContext, call: ts.Node, root: ts.Expression): void {
  let child: ts.Node = call;
  for (let p = call.parent; child !== root && p; child = p, p = p.parent) {
    if (ts.isBinaryExpression(p)) {
      const op = p.operatorToken.kind;
      if (
        p.right === child &&
        (op === ts.SyntaxKind.AmpersandAmpersandToken ||
          op === ts.SyntaxKind.BarBarToken ||
          op === ts.SyntaxKind.QuestionQuestionToken ||
          op === ts.SyntaxKind.AmpersandAmpersandEqualsToken ||
          op === ts.SyntaxKind.BarBarEqualsToken ||
          op === ts.SyntaxKind.QuestionQuestionEqualsToken)
      )
        conditional(ctx, call);
      if (p.right === child) {
        const assign = op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment;
        if (assign) assignmentTarget(ctx, call, p.left, op === ts.SyntaxKind.EqualsToken);
        else stable(ctx, call, p.left);
      }
    } else if (ts.isConditionalExpression(p)) {
      if (p.condition !== child) conditional(ctx, call);
    } else if (ts.isCallExpression(p) || ts.isNewExpression(p)) {
      if (p.expression !== child) {
        const callee = stripParens(p.expression);
        if (ts.isPropertyAccessExpression(callee)) {
          if (callee.questionDotToken) conditional(ctx, call);
          stable(ctx, call, callee.expression);
        }
        for (const a of p.arguments ?? []) {
          if (a === child) break;
          stable(ctx, call, a);
        }
      }
    } else if (ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) {
      if (p.questionDotToken && p.expression !== child) conditional(ctx, call);
      if (ts.isElementAccessExpression(p) && p.argumentExpression === child) stable(ctx, call, p.expression);
    } else if (ts.isTemplateSpan(p)) {
      const template = p.parent;
      for (const span of template.templateSpans) {
        if (span === p) break;
        stable(ctx, call, span.expression);
      }
    } else if (ts.isArrayLiteralExpression(p)) {
      for (const e of p.elements) {
        if (e === child) break;
        stable(ctx, call, e);
      }
    } else if (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) {
      const literal = p.parent;
      for (const e of literal.properties) {
        if (e === p) break;
        if (ts.isPropertyAssignment(e)) stable(ctx, call, e.initializer);
        else if (!ts.isShorthandPropertyAssignment(e)) conditional(ctx, call);
      }
    } else if (ts.isSpreadElement(p) || ts.isSpreadAssignment(p)) {
      conditional(ctx, call);
    }
  }
}

function conditional(ctx: PrintContext, call: ts.Node): never {
  return ctx.refuse(
    call,
    "a call that may throw inside &&, ||, ??, ?: or ?.",
    "call it in a statement of its own (an if statement for the condition)",
  );
}

function assignmentTarget(ctx: PrintContext, call: ts.Node, target: ts.Expression, plainAssign: boolean): void {
  const t = stripParens(target);
  if (ts.isIdentifier(t)) {
    if (!plainAssign) stable(ctx, call, t);
    return;
  }
  if (plainAssign && ts.isPropertyAccessExpression(t)) {
    stable(ctx, call, t.expression);
    return;
  }
  if (plainAssign && ts.isElementAccessExpression(t)) {
    stable(ctx, call, t.expression);
    stable(ctx, call, t.argumentExpression);
    return;
  }
  unstable(ctx, call);
}

/** Refuses unless `expr` evaluates to the same value before and after the call. */
function stable(ctx: PrintContext, call: ts.Node, expr: ts.Expression): void {
  if (!isStable(ctx, expr)) unstable(ctx, call);
}

function unstable(ctx: PrintContext, call: ts.Node): never {
  return ctx.refuse(
    call,
    `a call that may throw ('${shortText(call)}') after other work in the same expression`,
    "store its result in a const first: `const v = f(x);`",
  );
}

function isStable(ctx: PrintContext, expr: ts.Expression): boolean {
  const e = stripParens(expr);
  switch (e.kind) {
    case ts.SyntaxKind.NumericLiteral:
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
    case ts.SyntaxKind.TrueKeyword:
    case ts.SyntaxKind.FalseKeyword:
    case ts.SyntaxKind.ThisKeyword:
      return true;
    case ts.SyntaxKind.Identifier: {
      const symbol = ctx.symbolOf(e);
      if (!symbol || !ctx.isLocal(symbol)) return true;
      if (symbol.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Class)) return true;
      const d = symbol.valueDeclaration;
      if (d && ts.isVariableDeclaration(d) && d.parent.flags & ts.NodeFlags.Const) return true;
      return !ctx.captured.has(symbol);
    }
    case ts.SyntaxKind.BinaryExpression: {
      const b = e as ts.BinaryExpression;
      const op = b.operatorToken.kind;
      if (op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment) return false;
      return isStable(ctx, b.left) && isStable(ctx, b.right);
    }
    case ts.SyntaxKind.PrefixUnaryExpression: {
      const u = e as ts.PrefixUnaryExpression;
      if (u.operator === ts.SyntaxKind.PlusPlusToken || u.operator === ts.SyntaxKind.MinusMinusToken) return false;
      return isStable(ctx, u.operand);
    }
    case ts.SyntaxKind.TemplateExpression:
      return (e as ts.TemplateExpression).templateSpans.every((span) => isStable(ctx, span.expression));
    case ts.SyntaxKind.AsExpression:
    case ts.SyntaxKind.NonNullExpression:
      return isStable(ctx, (e as ts.AsExpression).expression);
    default:
      return false;
  }
}

/** True when a statement's own expressions cannot trap (no line needs setting). */
function quiet(ctx: PrintContext, node: ts.Node): boolean {
  if (ts.isBlock(node) || ts.isFunctionDeclaration(node) || ts.isEmptyStatement(node)) return true;
  if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return true;
  if (ts.isBreakStatement(node) || ts.isContinueStatement(node)) return true;
  if (ts.isThrowStatement(node) || ts.isClassDeclaration(node)) return false;
  let noisy = false;
  const visit = (n: ts.Node): void => {
    if (noisy || (n !== node && isCodeUnit(n)) || ts.isClassLike(n)) return;
    if (ts.isBlock(n) || (ts.isStatement(n) && n !== node)) return;
    if (
      ts.isCallExpression(n) ||
      ts.isNewExpression(n) ||
      ts.isElementAccessExpression(n) ||
      ts.isNonNullExpression(n) ||
      ts.isAsExpression(n) ||
      ts.isTaggedTemplateExpression(n) ||
      ts.isBindingElement(n) ||
      (ts.isPropertyAccessExpression(n) && runsBodyCode(ctx, n))
    ) {
      noisy = true;
      return;
    }
    ts.forEachChild(n, visit);
  };
  if (ts.isExpression(node)) visit(node);
  else ts.forEachChild(node, visit);
  return !noisy;
}

/** True when a loop or switch contains a throw, a call that may throw, or a jump that may cross a try. */
function containsThrowOrJump(ctx: PrintContext, node: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isCodeUnit(n) || ts.isClassLike(n)) return;
    if (ts.isThrowStatement(n) || mayThrow(ctx, n) || ts.isTryStatement(n)) {
      found = true;
      return;
    }
    if ((ts.isReturnStatement(n) || ts.isBreakStatement(n) || ts.isContinueStatement(n)) && innermostTry(frames(ctx))) {
      found = true;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/** A hoisted call's temporary, or the line set back after a call of body code inside an expression. */
export function printHoisted(ctx: PrintContext, node: ts.Expression): Printed | undefined {
  const s = state(ctx);
  const hoisted = s.hoisted.get(node);
  if (hoisted) return hoisted;
  if (s.bypass.has(node) || s.line === 0 || !runsBodyCode(ctx, node) || isCallee(node) || isTail(node))
    return undefined;
  const printed = plain(ctx, node);
  if (printed.type.kind === "void") return printed;
  return { text: `__ice_ln<${asType(printed.type)}>(${printed.text}, ${s.line})`, type: printed.type };
}

/** Prints `node` with the plain printer (the hook steps aside for it). */
function plain(ctx: PrintContext, node: ts.Expression): Printed {
  const s = state(ctx);
  s.bypass.add(node);
  try {
    return printExpr(ctx, node);
  } finally {
    s.bypass.delete(node);
  }
}

/** An arrow function's expression body, as the statement that returns it. */
export function expressionBody(ctx: PrintContext, body: ts.Node, returnType: ValueType): string {
  const s = state(ctx);
  const line = lineOf(ctx, body);
  const saved = s.line;
  s.line = line;
  try {
    const before: string[] = [];
    if (!quiet(ctx, body)) before.push(`__ice_set_line(${line});`);
    before.push(...hoist(ctx, body as ts.Expression, line));
    const text =
      returnType.kind === "void"
        ? `${printTo(ctx, body as ts.Expression, returnType)};`
        : `return ${printTo(ctx, body as ts.Expression, returnType)};`;
    return [...before, text].join("\n");
  } finally {
    s.line = saved;
  }
}

/** The last thing a statement does with a value: nothing runs after it (no line to set back). */
function isTail(node: ts.Node): boolean {
  let child = node;
  let p = node.parent;
  while (p && (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isNonNullExpression(p))) {
    child = p;
    p = p.parent;
  }
  if (!p) return false;
  if (ts.isExpressionStatement(p) || ts.isReturnStatement(p) || ts.isArrowFunction(p)) return true;
  if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name) && p.initializer === child) return true;
  return false;
}

// ---- throw, try, jumps -------------------------------------------------------------------

export function printThrow(ctx: PrintContext, node: ts.ThrowStatement, value: Printed): string {
  const line = lineOf(ctx, node);
  const t = value.type;
  let set: string;
  if (t === THROWN || (t.kind === "object" && t.shape.name === "__ice_Thrown")) set = `__ice_throw(${value.text});`;
  else if (t.kind === "string") set = `__ice_throw_str(${value.text}, ${line});`;
  else if (t.kind === "number") set = `__ice_throw_num(${value.text}, ${line});`;
  else if (t.kind === "boolean") set = `__ice_throw_bool(${value.text}, ${line});`;
  else if (t.kind === "error" || t.kind === "object") set = `__ice_throw_obj<${asType(t)}>(${value.text}, ${line});`;
  else
    return ctx.refuse(
      node.expression,
      "throwing this value",
      "throw an Error (or a class instance), a string, a number or a boolean",
    );
  return `${set}\n${throwAction(ctx)}`;
}

/**
 * \`return\` (through the finally blocks it leaves), or a \`break\`/\`continue\` that leaves a try
 * region (jumpLeavesTry): through the try's completion code.
 */
export function printExit(ctx: PrintContext, what: "return" | ts.BreakOrContinueStatement, value?: string): string {
  if (what === "return") return jump(ctx, "return", value);
  return jump(ctx, ts.isBreakStatement(what) ? "break" : "continue", undefined);
}

/**
 * True when a break or continue leaves a try region (printExit prints it; others are jumps.ts's).
 * Refused when it also needs jumps.ts: a label, or a continue from inside a switch.
 */
export function jumpLeavesTry(ctx: PrintContext, node: ts.BreakOrContinueStatement): boolean {
  const kind = ts.isBreakStatement(node) ? "break" : "continue";
  const f = frames(ctx);
  if (node.label && f.some((frame) => frame.kind === "try"))
    ctx.refuse(node, "a labelled jump inside a try block", "use a flag variable");
  let switches = false;
  for (let i = f.length - 1; i >= 0; i--) {
    const frame = f[i]!;
    if (kind === "break" && (frame.kind === "loop" || frame.kind === "switch")) return false;
    if (kind === "continue" && frame.kind === "loop") return false;
    if (frame.kind === "switch") switches = true;
    if (frame.kind === "try") {
      if (node.label || switches)
        ctx.refuse(node, "a labelled jump, or a continue inside a switch, out of a try block", "use a flag variable");
      return true;
    }
  }
  return false;
}

/**
 * `try { A } catch (e) { B } finally { C }`. `printBlock` prints a block's statements; `bindCatch`
 * declares the catch variable from a caught value's text.
 */
export function printTry(
  ctx: PrintContext,
  node: ts.TryStatement,
  printBlock: (block: ts.Block) => string,
  bindCatch: (declaration: ts.VariableDeclaration, value: string) => string,
): string {
  const outer = [...frames(ctx)];
  const fk = ctx.fresh("fk");
  const returnType = ctx.current.returnType;
  const hasFinally = !!node.finallyBlock;
  const fv = hasFinally && returnType.kind !== "void" ? ctx.temp(returnType) : undefined;
  const frame: Frame = { kind: "try", fk, fv, hasFinally, used: new Set() };
  const lines: string[] = [`let ${fk}: i32 = 0;`];
  lines.push(`do {\n${within(ctx, frame, () => printBlock(node.tryBlock))}\n} while (false);`);
  const clause = node.catchClause;
  if (clause) {
    const take = (): string => {
      const d = clause.variableDeclaration;
      const bound = d ? bindCatch(d, "__ice_catch()") : "__ice_catch();";
      return `${bound}\n${printBlock(clause.block)}`;
    };
    const body = hasFinally ? `do {\n${within(ctx, frame, take)}\n} while (false);` : take();
    lines.push(`if (${fk} == 0 && __ice_pending()) {\n${body}\n}`);
  }
  if (node.finallyBlock) {
    const saved = ctx.fresh("saved");
    lines.push(`const ${saved} = __ice_catch_any();`);
    lines.push(`{\n${printBlock(node.finallyBlock)}\n}`);
    lines.push(`if (${saved} !== null) { __ice_throw(${saved}!); ${throwAction(ctx, outer)} }`);
    if (frame.used.has(1)) lines.push(`if (${fk} == 1) ${jump(ctx, "return", fv, outer)}`);
  }
  if (frame.used.has(2)) lines.push(`if (${fk} == 2) ${jump(ctx, "break", undefined, outer)}`);
  if (frame.used.has(3)) {
    for (let i = outer.length - 1; i >= 0 && outer[i]!.kind !== "loop"; i--)
      if (outer[i]!.kind === "switch")
        ctx.refuse(node, "a continue out of a try block inside a switch", "use a flag variable");
    lines.push(`if (${fk} == 3) ${jump(ctx, "continue", undefined, outer)}`);
  }
  return `{\n${lines.join("\n")}\n}`;
}

/** The text of the caught value bound to a catch variable, read where the checker narrowed it. */
export function printCaught(ctx: PrintContext, node: ts.Identifier, storage: string): Printed {
  const type = ctx.checker.getTypeAtLocation(node);
  if (type.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) return { text: storage, type: THROWN };
  const here = ctx.typeOf(node, type);
  return { text: fromThrown(ctx, storage, here, node), type: here };
}

/** A caught value as a value of `to` (narrowed by the checker, or asserted with `as`). */
export function fromThrown(ctx: PrintContext, storage: string, to: ValueType, at: ts.Node): string {
  if (to.kind === "string") return `__ice_thrown_str(${storage})`;
  if (to.kind === "number") return `__ice_thrown_num(${storage})`;
  if (to.kind === "error" || to.kind === "object") return `__ice_thrown_as<${asType(to)}>(${storage})`;
  return ctx.refuse(at, "using the caught value as this type", "test it with `instanceof` first");
}

/** `String(e)`, templates and `+` of a caught value. */
export function thrownText(printed: Printed): string | undefined {
  if (printed.type === THROWN) return `__ice_thrown_text(${printed.text})`;
  if (printed.type.kind === "error") return `__ice_error_text(${printed.text})`;
  return undefined;
}

export { NUMBER, STRING };
