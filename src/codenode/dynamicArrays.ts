/**
 * @fileoverview Values of type 'any' stored into arrays the code declares with a primitive element
 * type: `const names: string[] = []; names.push(item.name)`, `names[i] = item.name`,
 * `names = [...names, item.name]`, `names.concat(items.map((i: any) => i.name))`,
 * `const tags: string[] = data.tags`. JavaScript erases the annotation: the array holds whatever
 * the JSON held (a number, null, an object), and `join`, `JSON.stringify` and the reads follow it.
 *
 * So, like the primitive annotations of dynamicStores.ts, the element type of such an array is
 * widened in the text the checker sees: `string[]` becomes `(any | string)[]`, `Array<number>`
 * becomes `Array<any | number>`, an unannotated `const names = ["start"]` gets `: any[]`. The
 * array is then an array of 'any' in the sandbox, and its uses go through the lowering of 'any'.
 * Where that lowering refuses a use, the body is printed as written (codenode/index.ts).
 */
import type { Insertion } from "./nullishReads.js";
import { ts } from "./typescript.js";

/** The methods whose arguments become elements of the array they are called on. */
const STORING_METHODS = new Set(["push", "unshift", "concat", "fill", "splice"]);

/** Arrays of the body to widen: their annotations, or the names of unannotated ones. */
export interface ArrayWidenings {
  readonly types: Set<ts.TypeNode>;
  readonly names: Set<ts.Identifier>;
}

export function newArrayWidenings(): ArrayWidenings {
  return { types: new Set(), names: new Set() };
}

/**
 * Records the array of `node` that receives an 'any' element, when `node` stores one: a call of a
 * storing method with an 'any' argument, `a[i] = <any>`, `a = [..., <any>]` or `a = <any>`, a
 * declaration `const a: string[] = <any>` or `= [..., <any>]`.
 */
export function visitArrayStore(
  node: ts.Node,
  checker: ts.TypeChecker,
  isAny: (e: ts.Expression) => boolean,
  inBody: (node: ts.Node) => boolean,
  out: ArrayWidenings,
): void {
  const holdsAny = (e: ts.Expression): boolean => isAny(e) || isAnyArray(checker, e);
  const widenSymbolOf = (target: ts.Expression): void => {
    if (!isPrimitiveArray(checker, checker.getTypeAtLocation(target))) return;
    const declaration = checker.getSymbolAtLocation(target)?.valueDeclaration;
    if (!declaration || !inBody(declaration)) return;
    if (!(ts.isVariableDeclaration(declaration) || ts.isParameter(declaration) || ts.isPropertySignature(declaration)))
      return;
    if (declaration.type) addArrayAnnotation(out, declaration.type);
    else if (ts.isVariableDeclaration(declaration) && ts.isIdentifier(declaration.name))
      out.names.add(declaration.name);
  };
  if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
    if (node.type && holdsAny(node.initializer)) addArrayAnnotation(out, node.type);
  } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    const method = node.expression.name.text;
    const target = node.expression.expression;
    if (
      STORING_METHODS.has(method) &&
      node.arguments.some((a) => (ts.isSpreadElement(a) ? holdsAny(a.expression) : holdsAny(a)))
    )
      if (ts.isIdentifier(target) || ts.isPropertyAccessExpression(target)) widenSymbolOf(target);
  } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const left = node.left;
    if (ts.isElementAccessExpression(left) && isAny(node.right)) {
      const target = left.expression;
      if (ts.isIdentifier(target) || ts.isPropertyAccessExpression(target)) widenSymbolOf(target);
    } else if ((ts.isIdentifier(left) || ts.isPropertyAccessExpression(left)) && holdsAny(node.right))
      widenSymbolOf(left);
  }
}

/** The insertions widening the recorded arrays' element types. */
export function arrayInsertions(out: ArrayWidenings): Insertion[] {
  const insertions: Insertion[] = [];
  for (const type of out.types) {
    if (ts.isArrayTypeNode(type)) {
      insertions.push(
        { at: type.elementType.getStart(), text: "(any | " },
        { at: type.elementType.getEnd(), text: ")" },
      );
    } else if (ts.isTypeReferenceNode(type) && type.typeArguments?.length === 1) {
      insertions.push({ at: type.typeArguments[0]!.getStart(), text: "any | " });
    }
  }
  for (const name of out.names) insertions.push({ at: name.getEnd(), text: ": any[]" });
  return insertions;
}

/** `string[]`, `number[]`, `boolean[]` or `Array<...>` of one of those, written as such. */
function addArrayAnnotation(out: ArrayWidenings, type: ts.TypeNode): void {
  if (ts.isArrayTypeNode(type) && isPrimitiveKeyword(type.elementType)) out.types.add(type);
  else if (
    ts.isTypeReferenceNode(type) &&
    ts.isIdentifier(type.typeName) &&
    type.typeName.text === "Array" &&
    type.typeArguments?.length === 1 &&
    isPrimitiveKeyword(type.typeArguments[0]!)
  )
    out.types.add(type);
}

function isPrimitiveKeyword(type: ts.TypeNode): boolean {
  const k = type.kind;
  return k === ts.SyntaxKind.StringKeyword || k === ts.SyntaxKind.NumberKeyword || k === ts.SyntaxKind.BooleanKeyword;
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
