/**
 * @fileoverview Values of type 'any' stored into arrays, dictionaries and Maps the code declares
 * with a primitive element type: `const names: string[] = []; names.push(item.name)`,
 * `names[i] = item.name`, `names = [...names, item.name]`, `names.concat(...)`, `const tags:
 * string[] = data.tags`, `totals[key] = (totals[key] ?? 0) + row.score` of a `Record<string,
 * number>`, `counts.set(key, row.n)` of a `new Map<string, number>()`, and an array of the body's
 * own records given a whole 'any' (`const rows: Row[] = JSON.parse(text)`). JavaScript erases the
 * annotation: the array holds whatever the JSON held (a number, null, an object), and `join`,
 * `JSON.stringify` and the reads follow it.
 *
 * So, like the annotations of dynamicStores.ts, the element type is widened in the text the
 * checker sees: `string[]` becomes `(any | string)[]`, `Array<number>` `Array<any | number>`,
 * `Record<string, number>` `Record<string, any | number>`, `new Map<string, number>()` `new
 * Map<string, any | number>()`, an unannotated `const names = ["start"]` gets `: any[]`. The
 * elements are then 'any' values in the sandbox, and their uses go through the lowering of 'any'.
 * Where that lowering refuses a use, the body is printed as written (codenode/index.ts).
 */
import type { Insertion } from "./nullishReads.js";
import { ts } from "./typescript.js";

/** The methods whose arguments become elements of the array they are called on. */
const STORING_METHODS = new Set(["push", "unshift", "concat", "fill", "splice"]);

/** Containers of the body to widen: the element type nodes, and the names of unannotated arrays. */
export interface ArrayWidenings {
  readonly elements: Set<ts.TypeNode>;
  readonly names: Set<ts.Identifier>;
}

export function newArrayWidenings(): ArrayWidenings {
  return { elements: new Set(), names: new Set() };
}

/** What visitArrayStore needs of the body: its checker, which values are 'any', which nodes are its own. */
export interface StoreContext {
  readonly checker: ts.TypeChecker;
  readonly fn: ts.Node;
  readonly isAny: (e: ts.Expression) => boolean;
  /** True when `target <operator> <any>` may leave a value of another kind in `target`. */
  readonly storesAny: (operator: ts.SyntaxKind, target: ts.Type) => boolean;
}

/**
 * Records the container of `node` that receives an 'any' element, when `node` stores one: a call
 * of a storing method (or a Map's `set`) with an 'any' argument, `a[i] = <any>` (`+=`, `||=`),
 * `a = [..., <any>]` or `a = <any>`, a declaration `const a: string[] = <any>` or `= [..., <any>]`.
 */
export function visitArrayStore(node: ts.Node, c: StoreContext, out: ArrayWidenings): void {
  const { checker, isAny } = c;
  const holdsAny = (e: ts.Expression): boolean => isAny(e) || isAnyArray(checker, e);
  const widenSymbolOf = (target: ts.Expression): void => {
    if (!ts.isIdentifier(target) && !ts.isPropertyAccessExpression(target)) return;
    const declaration = checker.getSymbolAtLocation(target)?.valueDeclaration;
    if (!declaration || !within(declaration, c.fn)) return;
    if (!(ts.isVariableDeclaration(declaration) || ts.isParameter(declaration) || ts.isPropertySignature(declaration)))
      return;
    if (declaration.type) addContainer(c, out, declaration.type);
    else if (ts.isVariableDeclaration(declaration) && ts.isIdentifier(declaration.name) && declaration.initializer) {
      const init = declaration.initializer;
      if (ts.isNewExpression(init) && init.typeArguments?.length === 2) addElement(c, out, init.typeArguments[1]!);
      else if (isPrimitiveArray(checker, checker.getTypeAtLocation(declaration.name))) out.names.add(declaration.name);
    }
  };
  if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
    if (node.type && holdsAny(node.initializer)) addContainer(c, out, node.type);
  } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    const method = node.expression.name.text;
    const stored = method === "set" ? node.arguments.slice(1, 2) : STORING_METHODS.has(method) ? node.arguments : [];
    if (stored.some((a) => (ts.isSpreadElement(a) ? holdsAny(a.expression) : holdsAny(a))))
      widenSymbolOf(node.expression.expression);
  } else if (ts.isBinaryExpression(node)) {
    const left = node.left;
    const op = node.operatorToken.kind;
    if (ts.isElementAccessExpression(left) && isAny(node.right) && c.storesAny(op, checker.getTypeAtLocation(left)))
      widenSymbolOf(left.expression);
    else if (op === ts.SyntaxKind.EqualsToken && holdsAny(node.right)) widenSymbolOf(left);
  }
}

/** The insertions widening the recorded element types. */
export function arrayInsertions(out: ArrayWidenings): Insertion[] {
  const insertions: Insertion[] = [];
  for (const type of out.elements) {
    if (ts.isArrayTypeNode(type.parent) && type.parent.elementType === type)
      insertions.push({ at: type.getStart(), text: "(any | " }, { at: type.getEnd(), text: ")" });
    else insertions.push({ at: type.getStart(), text: "any | " });
  }
  for (const name of out.names) insertions.push({ at: name.getEnd(), text: ": any[]" });
  return insertions;
}

/**
 * The element type of a container annotation: `T[]`, `Array<T>`, `Record<K, T>`, `Map<K, T>`,
 * `{ [k: string]: T }`, where T is written `string`, `number`, `boolean` or names a record of the body.
 */
function addContainer(c: StoreContext, out: ArrayWidenings, type: ts.TypeNode): void {
  if (ts.isArrayTypeNode(type)) addElement(c, out, type.elementType);
  else if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
    const name = type.typeName.text;
    const args = type.typeArguments ?? [];
    if (name === "Array" && args.length === 1) addElement(c, out, args[0]!);
    else if ((name === "Record" || name === "Map") && args.length === 2) addElement(c, out, args[1]!);
  } else if (ts.isTypeLiteralNode(type) && type.members.length === 1) {
    const member = type.members[0]!;
    if (ts.isIndexSignatureDeclaration(member)) addElement(c, out, member.type);
  }
}

function addElement(c: StoreContext, out: ArrayWidenings, element: ts.TypeNode): void {
  const k = element.kind;
  if (
    k === ts.SyntaxKind.StringKeyword ||
    k === ts.SyntaxKind.NumberKeyword ||
    k === ts.SyntaxKind.BooleanKeyword ||
    isBodyRecord(c.checker, c.fn, element)
  )
    out.elements.add(element);
}

/**
 * A record type the body declares, written as such: `Config` of `interface Config {...}` (no
 * `extends`) or `type Config = {...}`, or a type literal, of named fields only.
 */
export function isBodyRecord(checker: ts.TypeChecker, fn: ts.Node, type: ts.TypeNode): boolean {
  // Only named fields: a dictionary `{ [k: string]: T }` keeps its type (`d.k?.push(x)` of an 'any' is not exact yet).
  const fields = (t: { readonly members: readonly ts.Node[] }): boolean => t.members.every(ts.isPropertySignature);
  if (ts.isTypeLiteralNode(type)) return fields(type);
  if (!ts.isTypeReferenceNode(type) || type.typeArguments || !ts.isIdentifier(type.typeName)) return false;
  const declarations = checker.getSymbolAtLocation(type.typeName)?.declarations ?? [];
  const record = (d: ts.Declaration): boolean =>
    within(d, fn) &&
    (ts.isInterfaceDeclaration(d)
      ? d.heritageClauses === undefined
      : ts.isTypeAliasDeclaration(d) && ts.isTypeLiteralNode(d.type) && fields(d.type));
  return declarations.length > 0 && declarations.every(record);
}

/** True when `node` is written inside `fn` (not in the generated Inputs and Output declarations). */
export function within(node: ts.Node, fn: ts.Node): boolean {
  return node.getSourceFile() === fn.getSourceFile() && node.pos >= fn.pos && node.end <= fn.end;
}

/** An array whose element type is 'any' (`[...names, item.name]`). */
function isAnyArray(checker: ts.TypeChecker, e: ts.Expression): boolean {
  const type = checker.getTypeAtLocation(e);
  if (!checker.isArrayType(type)) return false;
  const element = checker.getTypeArguments(type as ts.TypeReference)[0];
  return element !== undefined && (element.flags & ts.TypeFlags.Any) !== 0;
}

/** An array of strings, numbers or booleans (not of literal types). */
function isPrimitiveArray(checker: ts.TypeChecker, type: ts.Type): boolean {
  if (!checker.isArrayType(type)) return false;
  const element = checker.getTypeArguments(type as ts.TypeReference)[0];
  return (
    element !== undefined && (element.flags & (ts.TypeFlags.String | ts.TypeFlags.Number | ts.TypeFlags.Boolean)) !== 0
  );
}
