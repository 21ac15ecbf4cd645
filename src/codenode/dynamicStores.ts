/**
 * @fileoverview Values of type 'any' stored where the code declares a primitive type:
 * `const name: string = data.name`, `let n: number; n = row.count`, `data.title as string`, an
 * argument of type 'any' for a parameter `name: string` of a function of the body, a function
 * declared to return `string` that returns an 'any', `sum += row.score` and `label ||= data.name`
 * on such variables, and records the body declares given a whole 'any' (`const cfg: Config =
 * JSON.parse(text)`, `data.user as User`); arrays are in dynamicArrays.ts. TypeScript's
 * annotation is erased in JavaScript: the variable holds whatever the JSON held (a number, null, undefined, an object),
 * and what the code does with it follows that value (`name + "!"` is "42!", `name.length` of a
 * number is undefined, `name.toUpperCase()` throws a TypeError that `catch` takes).
 *
 * So each such annotation is widened in the text the checker sees, `any | string` (which tsc
 * reduces to `any`), and the body is typed again (program.ts, after it checked as written): the
 * variable, parameter or result is then an 'any' in the sandbox too, a JSON value carrying its
 * kind, and every use of it goes through the lowering of 'any' values (print/json.ts), exact as
 * that is. Where that lowering refuses a use, the body is printed again without the widening
 * (codenode/index.ts): the annotation is then a checked conversion that stops the node when the
 * value is of another kind, as before.
 */
import { arrayInsertions, isBodyRecord, newArrayWidenings, visitArrayStore, within } from "./dynamicArrays.js";
import { type Insertion, insertText, unshift } from "./nullishReads.js";
import { ts } from "./typescript.js";

const WIDENED = "any | ";

/** A typed program of a text: its node function and checker, or undefined when it does not check. */
export type Retype = (text: string) => { fn: ts.Node; checker: ts.TypeChecker } | undefined;

/**
 * The insertions (positions of `file` as written) widening every primitive annotation that
 * receives an 'any' value, to a fixed point: a widened variable makes more expressions 'any'
 * (`total = total + score` once `score` is), so the body is typed again with the widenings so far
 * until no annotation is added (at most a few rounds; a round that does not check ends it).
 */
export function dynamicStoreInsertions(
  file: ts.SourceFile,
  fn: ts.Node,
  checker: ts.TypeChecker,
  retype: Retype,
): Insertion[] {
  let found = widenDynamicStores(fn, checker);
  for (let round = 0; round < 4 && found.length > 0; round++) {
    const widened = insertText(file, found)!;
    const typed = retype(widened.text);
    if (!typed) break;
    const more = widenDynamicStores(typed.fn, typed.checker)
      .map((i) => ({ at: unshift(widened.insertions, i.at), text: i.text }))
      .filter((i) => !found.some((f) => f.at === i.at && f.text === i.text));
    if (more.length === 0) break;
    found = [...found, ...more];
  }
  return found;
}

/** Insertions widening the primitive annotations that receive values of type 'any' in `fn`. */
function widenDynamicStores(fn: ts.Node, checker: ts.TypeChecker): Insertion[] {
  const annotations = new Set<ts.TypeNode>();
  /** `let total = 0` (no annotation, a primitive inferred) later assigned an 'any': widened after its name. */
  const unannotated = new Set<ts.Identifier>();
  const arrays = newArrayWidenings();
  const isAny = (e: ts.Expression): boolean => (checker.getTypeAtLocation(e).flags & ts.TypeFlags.Any) !== 0;
  const widenDeclaration = (declaration: ts.Declaration | undefined): void => {
    if (!declaration || !within(declaration, fn)) return;
    if (ts.isPropertySignature(declaration) || ts.isPropertyDeclaration(declaration))
      addAnnotation(annotations, declaration.type);
  };
  /** `{ total: 0 }` of an unannotated literal, given an 'any': `{ total: (0) as any }`. */
  const literalFields = new Set<ts.Expression>();
  const widenSymbolOf = (target: ts.Expression): void => {
    const symbol = checker.getSymbolAtLocation(target);
    const declaration = symbol?.valueDeclaration;
    widenDeclaration(declaration);
    if (declaration && within(declaration, fn)) {
      const primitive = isPrimitive(checker.getTypeAtLocation(declaration));
      // `class Tally { total = 0 }`: `total: any = 0`.
      if (ts.isPropertyDeclaration(declaration) && !declaration.type && primitive && ts.isIdentifier(declaration.name))
        unannotated.add(declaration.name);
      else if (ts.isPropertyAssignment(declaration) && primitive) literalFields.add(declaration.initializer);
    }
    if (!declaration || !(ts.isVariableDeclaration(declaration) || ts.isParameter(declaration))) return;
    if (declaration.type) addAnnotation(annotations, declaration.type);
    else if (ts.isIdentifier(declaration.name) && isPrimitive(checker.getTypeAtLocation(declaration.name)))
      unannotated.add(declaration.name);
  };
  const visit = (node: ts.Node): void => {
    visitArrayStore(node, { checker, fn, isAny, storesAny }, arrays);
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && isAny(node.initializer)) {
      addAnnotation(annotations, node.type);
      addRecordAnnotation(checker, fn, annotations, node.type);
    } else if (
      (ts.isPropertyAssignment(node) && isAny(node.initializer)) ||
      (ts.isShorthandPropertyAssignment(node) && isAny(node.name))
    ) {
      // `{ name: data.name }` where the literal's type declares `name: string`.
      const literal = node.parent;
      const contextual = ts.isObjectLiteralExpression(literal) ? checker.getContextualType(literal) : undefined;
      const name = ts.isIdentifier(node.name) || ts.isStringLiteral(node.name) ? node.name.text : undefined;
      const property = contextual && name !== undefined ? checker.getPropertyOfType(contextual, name) : undefined;
      widenDeclaration(property?.valueDeclaration);
    } else if (
      ts.isBinaryExpression(node) &&
      (ts.isIdentifier(node.left) || ts.isPropertyAccessExpression(node.left)) &&
      storesAny(node.operatorToken.kind, checker.getTypeAtLocation(node.left)) &&
      isAny(node.right)
    )
      widenSymbolOf(node.left);
    else if ((ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) && isAny(node.expression)) {
      addAnnotation(annotations, node.type);
      addRecordAnnotation(checker, fn, annotations, node.type);
    } else if (ts.isCallExpression(node)) widenParameters(checker, node, isAny, annotations);
    else if (ts.isReturnStatement(node) && node.expression && isAny(node.expression)) {
      const owner = ts.findAncestor(node.parent, ts.isFunctionLike);
      if (owner && owner !== fn) addAnnotation(annotations, owner.type);
    } else if (ts.isArrowFunction(node) && !ts.isBlock(node.body) && isAny(node.body))
      addAnnotation(annotations, node.type);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(fn, visit);
  return [
    ...[...annotations].map((type) => ({ at: type.getStart(), text: WIDENED })),
    ...[...unannotated].map((name) => ({ at: name.getEnd(), text: ": any" })),
    ...arrayInsertions(arrays),
    ...[...literalFields].flatMap((e) => [
      { at: e.getStart(), text: "(" },
      { at: e.getEnd(), text: ") as any" },
    ]),
  ];
}

/**
 * True when `target <op> <any>` may leave a value of another kind in `target`: `=`, the logical
 * assignments (`label ||= data.name` stores the 'any' itself), and `+=` on a number (`sum +=
 * row.score` is the string "07" when the score is "7"). Not `+=` on a string (always a string) nor
 * `-=`, `*=` and the other arithmetic ones (always a number).
 */
function storesAny(operator: ts.SyntaxKind, target: ts.Type): boolean {
  switch (operator) {
    case ts.SyntaxKind.EqualsToken:
    case ts.SyntaxKind.BarBarEqualsToken:
    case ts.SyntaxKind.AmpersandAmpersandEqualsToken:
    case ts.SyntaxKind.QuestionQuestionEqualsToken:
      return true;
    case ts.SyntaxKind.PlusEqualsToken:
      return (target.flags & ts.TypeFlags.StringLike) === 0;
    default:
      return false;
  }
}

/** A parameter `p: string` (of a function of the body) given an argument of type 'any'. */
function widenParameters(
  checker: ts.TypeChecker,
  call: ts.CallExpression,
  isAny: (e: ts.Expression) => boolean,
  annotations: Set<ts.TypeNode>,
): void {
  const declaration = checker.getResolvedSignature(call)?.declaration;
  if (!declaration || ts.isJSDocSignature(declaration) || declaration.getSourceFile() !== call.getSourceFile()) return;
  call.arguments.forEach((argument, i) => {
    const parameter = declaration.parameters[i];
    if (!parameter || parameter.dotDotDotToken || ts.isSpreadElement(argument) || !isAny(argument)) return;
    addAnnotation(annotations, parameter.type);
  });
}

/** `string`, `number` or `boolean` written as such (not a literal, a union or an alias). */
function addAnnotation(annotations: Set<ts.TypeNode>, type: ts.TypeNode | undefined): void {
  if (!type) return;
  const k = type.kind;
  if (k === ts.SyntaxKind.StringKeyword || k === ts.SyntaxKind.NumberKeyword || k === ts.SyntaxKind.BooleanKeyword)
    annotations.add(type);
}

/**
 * A record type the body declares (dynamicArrays.ts isBodyRecord) given a whole 'any' (`const cfg:
 * Config = JSON.parse(text)`, `data.user as User`): JavaScript reads whatever the JSON holds from
 * it, a missing field as undefined, so the variable becomes an 'any' too.
 */
function addRecordAnnotation(
  checker: ts.TypeChecker,
  fn: ts.Node,
  annotations: Set<ts.TypeNode>,
  type: ts.TypeNode | undefined,
): void {
  if (type && isBodyRecord(checker, fn, type)) annotations.add(type);
}

/** A string, number or boolean (not a literal type: a `let` widens those). */
function isPrimitive(type: ts.Type): boolean {
  return (type.flags & (ts.TypeFlags.String | ts.TypeFlags.Number | ts.TypeFlags.Boolean)) !== 0;
}
