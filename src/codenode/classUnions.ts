/**
 * @fileoverview A union of instances of body classes (`i % 2 ? new Square(s) : new Circle(r)` is
 * `Square | Circle` to TypeScript): the nearest body class every member extends, else the one
 * interface all of them implement (print/protocols.ts), as a value of that type. The values are
 * the instances themselves, so identity, `instanceof` and narrowing are JavaScript's, and a member
 * TypeScript lets the union use is one the common type declares (a member only each subclass
 * declares is refused where it is read, by the printer).
 */
import { ts } from "./typescript.js";
import type { ClassRegistry, ClassShape } from "./types.js";

/** The shape of the nearest class, else interface, that every member of a union is an instance of. */
export function commonClass(
  checker: ts.TypeChecker,
  members: readonly ts.Type[],
  classes: ClassRegistry,
): ClassShape | undefined {
  const shared = commonClassSymbol(checker, members, classes);
  return shared && classes.userClasses.get(shared);
}

/** The symbol of the nearest class, else interface, that every member of a union is an instance of. */
export function commonClassSymbol(
  checker: ts.TypeChecker,
  members: readonly ts.Type[],
  classes: ClassRegistry,
): ts.Symbol | undefined {
  if (members.length < 2) return undefined;
  const lines = members.map((m) => ancestry(checker, m, classes));
  const [first, ...rest] = lines;
  if (!first || lines.some((l) => l.length === 0)) return undefined;
  return first.find((s) => rest.every((l) => l.includes(s)));
}

/** A body class instance's classes, nearest first, then the body interfaces they implement; empty for any other type. */
function ancestry(checker: ts.TypeChecker, type: ts.Type, classes: ClassRegistry): ts.Symbol[] {
  const chain: ts.Symbol[] = [];
  const implemented: ts.Symbol[] = [];
  for (let t: ts.Type | undefined = type; t; ) {
    const symbol = t.getSymbol();
    if (!symbol || !(symbol.flags & ts.SymbolFlags.Class) || !classes.userClasses.has(symbol)) return [];
    if (!((t as ts.ObjectType).objectFlags & ts.ObjectFlags.Class)) return [];
    chain.push(symbol);
    const cls = symbol.declarations?.find(ts.isClassDeclaration);
    const clause = cls?.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ImplementsKeyword);
    for (const node of clause?.types ?? []) {
      const iface = checker.getTypeAtLocation(node).getSymbol();
      if (iface && classes.userClasses.has(iface)) implemented.push(iface);
    }
    // The next body class up the chain (a library base such as Error ends it).
    const [base] = checker.getBaseTypes(t as ts.InterfaceType);
    const baseSymbol = base?.getSymbol();
    t = base && baseSymbol && classes.userClasses.has(baseSymbol) ? base : undefined;
  }
  return [...chain, ...implemented];
}
