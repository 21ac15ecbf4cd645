/**
 * @fileoverview Smaller variants of a generated program, for shrinking a failing one: each
 * statement removed, each block replaced by its body, each return field dropped, each expression
 * replaced by a child of its type or by a plain literal. The fuzz driver tries the variants of
 * all its failing programs in one build per round and keeps, per program, the first variant that
 * still fails the same way (variants that no longer make sense simply stop failing).
 */
import { type Expr, leaf, type Program, type Stmt, type Ty } from "./ast.js";

const SIMPLE: Readonly<Record<Ty, string>> = { num: "1", str: '"a"', bool: "true", nums: "[1]", strs: '["a"]' };

/** Every variant one step smaller than `p`, largest reductions first. */
export function variants(p: Program): Program[] {
  const out: Program[] = [];
  // Statements: remove, or inline a block's body in its place.
  const count = countStmts(p.stmts);
  for (let i = 0; i < count; i++) {
    out.push({ ...p, stmts: editStmt(p.stmts, i, () => []) });
    out.push({ ...p, stmts: editStmt(p.stmts, i, inlineBody) });
  }
  if (p.ret.length > 1) for (let i = 0; i < p.ret.length; i++) out.push({ ...p, ret: p.ret.filter((_, j) => j !== i) });
  // Expressions: by a child of the same type, or by a literal.
  const exprs = countExprs(p);
  for (let i = 0; i < exprs; i++) {
    for (let c = 0; c < 4; c++) {
      const v = editExpr(p, i, (e) => e.args.filter((a) => a.ty === e.ty)[c]);
      if (v) out.push(v);
    }
    const v = editExpr(p, i, (e) =>
      e.args.length > 0 || e.parts[0] !== SIMPLE[e.ty] ? leaf(e.ty, SIMPLE[e.ty]) : undefined,
    );
    if (v) out.push(v);
  }
  return out.sort((a, b) => size(a) - size(b));
}

/** Size of a program: characters of its expression text plus statements, for ordering variants. */
export function size(p: Program): number {
  let n = 0;
  const visitExpr = (e: Expr): void => {
    n += e.parts.reduce((a, s) => a + s.length, 0);
    e.args.forEach(visitExpr);
  };
  const visit = (s: Stmt): void => {
    n += 10;
    for (const e of stmtExprs(s)) visitExpr(e);
    for (const b of stmtBlocks(s)) b.forEach(visit);
  };
  p.stmts.forEach(visit);
  for (const [, e] of p.ret) visitExpr(e);
  return n;
}

function inlineBody(s: Stmt): Stmt[] | undefined {
  switch (s.k) {
    case "if":
      return [...s.yes];
    case "for":
    case "forOf":
    case "while":
      return [...s.body];
    default:
      return undefined;
  }
}

function stmtExprs(s: Stmt): Expr[] {
  switch (s.k) {
    case "decl":
      return [s.init];
    case "assign":
    case "push":
      return [s.value];
    case "if":
      return [s.cond];
    case "for":
      return [s.bound];
    case "forOf":
      return [s.arr];
    case "while":
      return [];
    case "raw":
      return [...s.args];
    case "throw":
      return [s.cond, s.message];
    case "func":
      return [s.result];
  }
}

function stmtBlocks(s: Stmt): (readonly Stmt[])[] {
  switch (s.k) {
    case "if":
      return s.no ? [s.yes, s.no] : [s.yes];
    case "for":
    case "forOf":
    case "while":
    case "func":
      return [s.body];
    default:
      return [];
  }
}

function countStmts(stmts: readonly Stmt[]): number {
  return stmts.reduce((n, s) => n + 1 + stmtBlocks(s).reduce((m, b) => m + countStmts(b), 0), 0);
}

/** `stmts` with the `target`-th statement (pre-order) replaced by `f(s)` (undefined: no variant). */
function editStmt(stmts: readonly Stmt[], target: number, f: (s: Stmt) => Stmt[] | undefined): Stmt[] {
  let index = 0;
  let changed = false;
  const walk = (list: readonly Stmt[]): Stmt[] =>
    list.flatMap((s): Stmt[] => {
      if (index++ === target) {
        const r = f(s);
        if (r) {
          changed = true;
          return r;
        }
        return [s];
      }
      return [withBlocks(s, walk)];
    });
  const out = walk(stmts);
  return changed ? out : [...stmts];
}

function withBlocks(s: Stmt, walk: (list: readonly Stmt[]) => Stmt[]): Stmt {
  switch (s.k) {
    case "if":
      return { ...s, yes: walk(s.yes), ...(s.no && { no: walk(s.no) }) };
    case "for":
    case "forOf":
    case "while":
    case "func":
      return { ...s, body: walk(s.body) };
    default:
      return s;
  }
}

function countExprs(p: Program): number {
  let n = 0;
  editExprs(p, () => {
    n++;
    return undefined;
  });
  return n;
}

/** `p` with the `target`-th expression (pre-order) replaced by `f(e)`; undefined when f gives none. */
function editExpr(p: Program, target: number, f: (e: Expr) => Expr | undefined): Program | undefined {
  let index = 0;
  let changed = false;
  const out = editExprs(p, (e) => {
    if (index++ !== target) return undefined;
    const r = f(e);
    if (r) changed = true;
    return r;
  });
  return changed ? out : undefined;
}

/** Rebuilds `p`, offering every expression (pre-order) to `f`; a replacement is not descended into. */
function editExprs(p: Program, f: (e: Expr) => Expr | undefined): Program {
  const ex = (e: Expr): Expr => f(e) ?? { ...e, args: e.args.map(ex) };
  const st = (s: Stmt): Stmt => {
    switch (s.k) {
      case "decl":
        return { ...s, init: ex(s.init) };
      case "assign":
      case "push":
        return { ...s, value: ex(s.value) };
      case "if":
        return { ...s, cond: ex(s.cond), yes: s.yes.map(st), ...(s.no && { no: s.no.map(st) }) };
      case "for":
        return { ...s, bound: ex(s.bound), body: s.body.map(st) };
      case "forOf":
        return { ...s, arr: ex(s.arr), body: s.body.map(st) };
      case "while":
        return { ...s, body: s.body.map(st) };
      case "throw":
        return { ...s, cond: ex(s.cond), message: ex(s.message) };
      case "raw":
        return { ...s, args: s.args.map(ex) };
      case "func":
        return { ...s, body: s.body.map(st), result: ex(s.result) };
    }
  };
  return { stmts: p.stmts.map(st), ret: p.ret.map(([n, e]) => [n, ex(e)] as const) };
}
