/**
 * @fileoverview The state of printing one body as AssemblyScript: the checker, the generated
 * classes, unique names for every local (so shadowing is exact), the functions being printed
 * (the body itself and each nested function or callback, lifted to the top level with an
 * environment object for the variables closures capture), temporaries, and diagnostics.
 * Printing never guesses: every type comes from the checker (types.ts).
 */
import { isGroupsLocal } from "./groupsLocal.js";
import { ts } from "../typescript.js";
import { createDiagnostic, Diagnostics, type Diagnostic } from "../../diagnostics/index.js";
import type { BodyMap } from "../../emit/wasm/bodyMap.js";
import { fromChecker } from "../fromChecker.js";
import { type Insertion, unshift } from "../nullishReads.js";
import { asType, type ClassRegistry, isNullable, optional, type ValueType, zeroValue } from "../types.js";
import { mayBeMissing, missingAsNaN } from "./missing.js";

/** A printed expression: AssemblyScript text and the value type it has at run time. */
export interface Printed {
  readonly text: string;
  readonly type: ValueType;
  /**
   * A number's value as an i32 expression (int32.ts), evaluated INSTEAD of `text` by consumers
   * that want it: `exact` when the number is that integer (never -0), otherwise ToInt32 of it.
   * Whoever derives a Printed with a different text must not copy this field.
   */
  readonly int32?: Int32View;
  /**
   * For a number that is always an integer: an i32 equal to it below 2^31-1 and 2^31-1 above
   * (no array or string is that long), for indexing only (a counter's shadow, locals.ts).
   */
  readonly index?: string;
}

export interface Int32View {
  readonly text: string;
  readonly exact: boolean;
}

/** A function being printed (the body's own function is the root). */
export interface FunctionState {
  readonly node: ts.Node;
  readonly parent: FunctionState | undefined;
  /** AssemblyScript name (`__ice_node` for the root). */
  readonly name: string;
  returnType: ValueType;
  /**
   * Environment class, when this function owns captured variables or defines functions; `fields`
   * are those that are no variable of the body (a method's `this` for its arrows: capturedThis.ts).
   */
  env: { readonly name: string; readonly fields: { name: string; type: ValueType }[] } | undefined;
  readonly temps: { name: string; type: ValueType }[];
  /** Environments of blocks and loops inside it whose variables closures capture: class and local names. */
  readonly blockEnvs?: Map<ts.Node, { readonly name: string; readonly local: string }>;
  /** A generic function's instance: what its type parameters stand for. */
  readonly typeArgs?: ReadonlyMap<ts.Symbol, ValueType>;
}

/** Thrown to abandon printing a construct that was reported. */
export class Refused extends Error {}

export class PrintContext {
  readonly diagnostics: Diagnostic[] = [];
  /** Generated top-level declarations (lifted functions, adapters, environment classes). */
  readonly hoisted: string[] = [];
  private counter = 0;
  private readonly names = new Map<ts.Symbol, string>();
  /** Symbols read or written from a function other than the one declaring them. */
  readonly captured = new Set<ts.Symbol>();
  /** Nested functions: declaration node -> lifted name and the function defining it. */
  readonly lifted = new Map<ts.Node, { name: string; definer: ts.Node }>();
  readonly states = new Map<ts.Node, FunctionState>();
  /** Functions that need an environment object (they own captured variables or define functions). */
  envOwners = new Set<ts.Node>();
  /** Blocks and loops that own captured variables (a new environment each time they run, as JavaScript). */
  readonly blockScopes = new Set<ts.Node>();
  /** The scope (a function in envOwners, or a node of blockScopes) whose environment holds a captured symbol. */
  readonly owner = new Map<ts.Symbol, ts.Node>();
  /** Every function printed, generic instances included. */
  readonly stateList: FunctionState[] = [];
  /** Type parameters of generic class instances bound where their members' types are read (print/genericClasses.ts). */
  readonly instanceArgs: ReadonlyMap<ts.Symbol, ValueType>[] = [];
  current!: FunctionState;
  /** The body's own function. */
  root!: ts.Node;
  /** The workflow-file line of the body's first line: trap lines count from it (print/exceptions.ts `lineOf`). */
  firstLine = 1;

  /** Members declared with private names, respelled `$name` (privateNames.ts): not keys of instances. */
  privateNames: ReadonlySet<string> = new Set();

  /** Text inserted before typing (nullishReads.ts), which spans leave out. */
  insertions: readonly Insertion[] = [];

  constructor(
    readonly checker: ts.TypeChecker,
    readonly classes: ClassRegistry,
    readonly map: BodyMap,
    readonly bodyStart: number,
  ) {}

  fresh(base: string): string {
    return `__ice_${base}${this.counter++}`;
  }

  /** The unique name of a local symbol. */
  nameOf(symbol: ts.Symbol): string {
    let name = this.names.get(symbol);
    if (!name) {
      name = `__ice_v${this.counter++}_${symbol.name.replace(/[^A-Za-z0-9_]/g, "_")}`;
      this.names.set(symbol, name);
    }
    return name;
  }

  /** A temporary of the current function. */
  temp(type: ValueType): string {
    const name = this.fresh("t");
    this.current.temps.push({ name, type });
    return name;
  }

  tempDeclarations(state: FunctionState): string {
    return state.temps.map((t) => `let ${t.name}: ${asType(t.type)} = ${zeroValue(t.type)};`).join("\n");
  }

  /** Reports an unsupported construct (ICE3009) and abandons it. */
  refuse(node: ts.Node, what: string, instead: string): never {
    // The text quoted from the body says `#x` as the body does, not `$x` (privateNames.ts).
    for (const name of this.privateNames) what = what.replaceAll(name, `#${name.slice(1)}`);
    this.report(createDiagnostic(Diagnostics.UnsupportedIdiom, this.spanOf(node), [what, instead]));
    throw new Refused(what);
  }

  report(diagnostic: Diagnostic): void {
    const key = `${diagnostic.span?.start}:${diagnostic.code}`;
    if (this.diagnostics.some((d) => `${d.span?.start}:${d.code}` === key)) return;
    this.diagnostics.push(diagnostic);
  }

  spanOf(node: ts.Node) {
    const start = unshift(this.insertions, node.getStart()) - this.bodyStart;
    return this.map.spanOf(start, unshift(this.insertions, node.getEnd()) - this.bodyStart);
  }

  /** The value type of a node's checker type, or a refusal naming the node. */
  typeOf(node: ts.Node, type: ts.Type = this.checker.getTypeAtLocation(node)): ValueType {
    const converted = fromChecker(this.checker, type, this.classes, 0, (p) => this.typeArgument(p));
    if ("reason" in converted) this.refuse(node, `the type of '${shortText(node)}'`, converted.reason);
    return converted.type;
  }

  /** The declared value type of a symbol (what its storage holds). */
  declaredType(symbol: ts.Symbol, at: ts.Node): ValueType {
    if (isGroupsLocal(this.checker, symbol)) return { kind: "groups" };
    const declaration = symbol.valueDeclaration ?? at;
    const evolving = evolvingArrayType(this.checker, symbol);
    if (evolving) return this.typeOf(at, evolving);
    const type = this.typeOf(at, this.checker.getTypeOfSymbolAtLocation(symbol, declaration));
    // Bound from a read that may be past the end (print/missing.ts): stored as possibly undefined,
    // or as a number that is NaN for undefined where every use treats the two alike.
    // A `T | null` element so bound is three-state (print/nullish.ts).
    return (type.kind !== "optional" || isNullable(type)) && mayBeMissing(this, symbol) && !missingAsNaN(this, symbol)
      ? optional(type)
      : type;
  }

  /** The function-like node that contains `node` (the root function for body code). */
  functionOf(node: ts.Node): ts.Node {
    let current = node.parent;
    while (current && !isFunctionLike(current)) {
      // Instance field initializers run in the constructor (print/classes.ts).
      if (ts.isPropertyDeclaration(current) && ts.isClassLike(current.parent) && !isStaticMember(current))
        return current.parent.members.find(ts.isConstructorDeclaration) ?? current.parent;
      current = current.parent;
    }
    return current;
  }

  symbolOf(node: ts.Node): ts.Symbol | undefined {
    const symbol = this.checker.getSymbolAtLocation(node);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) return this.checker.getAliasedSymbol(symbol);
    return symbol;
  }

  /** True when a symbol is declared inside the body (not in the library or the generated declarations). */
  isLocal(symbol: ts.Symbol): boolean {
    const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
    if (!declaration) return false;
    return declaration.getSourceFile().fileName === "/body.ts" && declaration.getStart() >= this.bodyStart;
  }

  /** What a type parameter stands for in the generic instance being printed. */
  typeArgument(parameter: ts.Type): ValueType | undefined {
    const symbol = parameter.getSymbol();
    if (!symbol) return undefined;
    for (let i = this.instanceArgs.length - 1; i >= 0; i--) {
      const bound = this.instanceArgs[i]!.get(symbol);
      if (bound) return bound;
    }
    for (let s: FunctionState | undefined = this.current; s; s = s.parent) {
      const bound = s.typeArgs?.get(symbol);
      if (bound) return bound;
    }
    return undefined;
  }

  /** The state of function `node` among the current function and the functions enclosing it. */
  stateFor(node: ts.Node, from: FunctionState | undefined = this.current): FunctionState | undefined {
    for (let s: FunctionState | undefined = from; s; s = s.parent) if (s.node === node) return s;
    return this.states.get(node);
  }

  /** The innermost environment scope strictly enclosing `node`: a function with an environment or a block scope. */
  enclosingScope(node: ts.Node): ts.Node | undefined {
    let from = node;
    for (let p = node.parent; p; from = p, p = p.parent) {
      // The iterated expression of a for...of runs before its loop's bindings exist.
      if (ts.isForOfStatement(p) && from === p.expression) continue;
      if (this.blockScopes.has(p) || (isFunctionLike(p) && this.envOwners.has(p))) return p;
    }
    return undefined;
  }

  /** The class and local variable of a block scope's environment in its function's instance. */
  blockEnv(scope: ts.Node, from: FunctionState | undefined = this.current): { name: string; local: string } {
    const state = this.stateFor(this.functionOf(scope), from)!;
    const envs = state.blockEnvs!;
    let found = envs.get(scope);
    if (!found) {
      found = { name: this.fresh("Env"), local: this.fresh("b") };
      envs.set(scope, found);
    }
    return found;
  }

  /** The class of a scope's environment (a function's or a block's), seen from `from`. */
  scopeClass(scope: ts.Node, from: FunctionState | undefined = this.current): string {
    if (this.blockScopes.has(scope)) return this.blockEnv(scope, from).name;
    return this.stateFor(scope, from)!.env!.name;
  }

  /**
   * The environment object of a scope (a function that owns captured variables or defines
   * functions, or a block scope), seen from the current function: a local (`__ice_e`, a block's
   * environment), or the environment the function was defined in, `__ice_pe`, followed `.up`.
   */
  envOf(scope: ts.Node): string {
    const fn = this.current.node;
    if (scope === fn) return "__ice_e";
    if (this.blockScopes.has(scope) && this.functionOf(scope) === fn) return `${this.blockEnv(scope).local}!`;
    let s = this.enclosingScope(fn);
    let text = "__ice_pe";
    while (s && s !== scope) {
      s = this.enclosingScope(s);
      text += ".up!";
    }
    return text;
  }
}

export function isFunctionLike(node: ts.Node): boolean {
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

function isStaticMember(node: ts.PropertyDeclaration): boolean {
  return (ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Static) !== 0;
}

export function shortText(node: ts.Node): string {
  const text = node.getText().replace(/\s+/g, " ");
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** The expression inside any parentheses. */
export function stripParens(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current)) current = current.expression;
  return current;
}

/** The expression whose value `node` is, through the parentheses around it. */
export function outerExpression(node: ts.Node): ts.Node {
  let n = node;
  while (n.parent && ts.isParenthesizedExpression(n.parent)) n = n.parent;
  return n;
}

/**
 * The type an evolving array (`const rows = []` with no annotation, then `rows.push(x)`) ends up
 * with: tsc types such a local `any[]` at its declaration and by what was pushed at each later
 * use, so the storage gets the type seen at its uses. Undefined when `symbol` is not one.
 */
function evolvingArrayType(checker: ts.TypeChecker, symbol: ts.Symbol): ts.Type | undefined {
  const declaration = symbol.valueDeclaration;
  if (!declaration || !ts.isVariableDeclaration(declaration) || declaration.type || !declaration.initializer)
    return undefined;
  const init = stripParens(declaration.initializer);
  if (!ts.isArrayLiteralExpression(init) || init.elements.length > 0) return undefined;
  let found: ts.Type | undefined;
  const visit = (node: ts.Node): void => {
    const referenced =
      ts.isIdentifier(node) && ts.isShorthandPropertyAssignment(node.parent)
        ? checker.getShorthandAssignmentValueSymbol(node.parent)
        : checker.getSymbolAtLocation(node);
    if (ts.isIdentifier(node) && node !== declaration.name && referenced === symbol) {
      const type = checker.getTypeAtLocation(node);
      if (checker.isArrayType(type)) {
        const [element] = checker.getTypeArguments(type as ts.TypeReference);
        if (element && !(element.flags & (ts.TypeFlags.Any | ts.TypeFlags.Never))) found = type;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(declaration.getSourceFile());
  return found;
}
