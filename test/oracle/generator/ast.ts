/**
 * @fileoverview The generated programs' tree: typed expressions and statements in the plain
 * subset of code-node bodies, printed as TypeScript. Expressions are templates (`parts` around
 * `args`), so printing and shrinking (replace a node by a child of its type) need no per-operator
 * code. Every operator is parenthesised, so precedence never changes what a program means.
 */

/** Value types of the generated subset. */
export type Ty = "num" | "str" | "bool" | "nums" | "strs";

/** An expression: `parts[0] args[0] parts[1] ... args[n-1] parts[n]`. */
export interface Expr {
  readonly ty: Ty;
  readonly parts: readonly string[];
  readonly args: readonly Expr[];
}

export type Stmt =
  | {
      readonly k: "decl";
      readonly kw: "const" | "let";
      readonly name: string;
      readonly annot?: string;
      readonly init: Expr;
    }
  | { readonly k: "assign"; readonly name: string; readonly op: "=" | "+="; readonly value: Expr }
  | { readonly k: "push"; readonly name: string; readonly value: Expr }
  | { readonly k: "if"; readonly cond: Expr; readonly yes: readonly Stmt[]; readonly no?: readonly Stmt[] }
  | { readonly k: "for"; readonly v: string; readonly bound: Expr; readonly body: readonly Stmt[] }
  | { readonly k: "forOf"; readonly v: string; readonly arr: Expr; readonly body: readonly Stmt[] }
  | { readonly k: "while"; readonly counter: string; readonly bound: number; readonly body: readonly Stmt[] }
  | { readonly k: "throw"; readonly cond: Expr; readonly message: Expr }
  /** Statements printed as written around generated expressions (sections.ts: classes, try, ...). */
  | { readonly k: "raw"; readonly parts: readonly string[]; readonly args: readonly Expr[] }
  | {
      readonly k: "func";
      readonly name: string;
      readonly params: readonly string[];
      readonly body: readonly Stmt[];
      readonly result: Expr;
    };

/** A generated body: statements, then `return { field: expr, ... }`. */
export interface Program {
  readonly stmts: readonly Stmt[];
  readonly ret: readonly (readonly [string, Expr])[];
}

/** An expression from a template: `e\`(${a} + ${b})\``-like construction. */
export function expr(ty: Ty, parts: readonly string[], args: readonly Expr[] = []): Expr {
  if (parts.length !== args.length + 1) throw new Error("generator: template parts and args do not match");
  return { ty, parts, args };
}

/** A leaf. */
export function leaf(ty: Ty, text: string): Expr {
  return { ty, parts: [text], args: [] };
}

export function printExpr(e: Expr): string {
  let out = e.parts[0]!;
  for (let i = 0; i < e.args.length; i++) out += printExpr(e.args[i]!) + e.parts[i + 1]!;
  return out;
}

function printBlock(stmts: readonly Stmt[], indent: string): string[] {
  return stmts.flatMap((s) => printStmt(s, indent));
}

export function printStmt(s: Stmt, indent = ""): string[] {
  const inner = `${indent}  `;
  switch (s.k) {
    case "decl":
      return [`${indent}${s.kw} ${s.name}${s.annot ? `: ${s.annot}` : ""} = ${printExpr(s.init)};`];
    case "assign":
      return [`${indent}${s.name} ${s.op} ${printExpr(s.value)};`];
    case "push":
      return [`${indent}${s.name}.push(${printExpr(s.value)});`];
    case "if": {
      const lines = [`${indent}if (${printExpr(s.cond)}) {`, ...printBlock(s.yes, inner)];
      if (s.no) lines.push(`${indent}} else {`, ...printBlock(s.no, inner));
      return [...lines, `${indent}}`];
    }
    case "for":
      return [
        `${indent}for (let ${s.v} = 0; ${s.v} < ${printExpr(s.bound)}; ${s.v}++) {`,
        ...printBlock(s.body, inner),
        `${indent}}`,
      ];
    case "forOf":
      return [`${indent}for (const ${s.v} of ${printExpr(s.arr)}) {`, ...printBlock(s.body, inner), `${indent}}`];
    case "while":
      return [
        `${indent}let ${s.counter} = 0;`,
        `${indent}while (${s.counter} < ${s.bound}) {`,
        `${inner}${s.counter}++;`,
        ...printBlock(s.body, inner),
        `${indent}}`,
      ];
    case "throw":
      return [`${indent}if (${printExpr(s.cond)}) throw new Error(${printExpr(s.message)});`];
    case "raw": {
      let text = s.parts[0]!;
      for (let i = 0; i < s.args.length; i++) text += printExpr(s.args[i]!) + s.parts[i + 1]!;
      return text.split("\n").map((line) => `${indent}${line}`);
    }
    case "func":
      return [
        `${indent}function ${s.name}(${s.params.map((p) => `${p}: number`).join(", ")}): number {`,
        ...printBlock(s.body, inner),
        `${inner}return ${printExpr(s.result)};`,
        `${indent}}`,
      ];
  }
}

/** The body's text. */
export function printProgram(p: Program): string {
  const fields = p.ret.map(([name, e]) => `${name}: ${printExpr(e)}`);
  return [...printBlock(p.stmts, ""), `return { ${fields.join(", ")} };`].join("\n");
}

/** The output schema type of a value type. */
export function schemaOf(ty: Ty): string {
  return { num: "number", str: "string", bool: "boolean", nums: "number[]", strs: "string[]" }[ty];
}
