/**
 * @fileoverview Statements: declarations (each local under a unique name, or in its owner's
 * environment when a closure captures it; destructuring into the same), control flow with
 * JavaScript truthiness, `for...of` over arrays (live length, as JavaScript) and strings (by code
 * point), `switch`, `throw new Error(...)` (fails the node with ICE_SANDBOX_TRAP and the
 * message). Unsupported statements are refused with what to write instead.
 */
import { ts } from "../typescript.js";
import { asType, optional, type ValueType, zeroValue } from "../types.js";
import { printEnumDeclaration } from "./enums.js";
import { printSwitch } from "./switch.js";
import { type PrintContext, Refused, shortText } from "./context.js";
import { coerce, unwrap } from "./coerce.js";
import { printCondition, printExpr, printTo, variableAccess, stringLiteral } from "./expressions.js";
import { afterJumps, printJump, printLabeled } from "./jumps.js";
import { blockEnvEntry, isLiftedConstDeclaration, lift, OVERLOADS } from "./functions.js";
import { groupBindings, matchBindings } from "./regex.js";
import { elementOf, sequenceOf } from "./iteration.js";
import { jumpLeavesTry, printExit, printThrow, printTry, withStatement } from "./exceptions.js";
import { printClass } from "./classes.js";
import { printForIn } from "./objects.js";
import { arrayPatternElement, objectRest } from "./shapes.js";
import { box } from "./calls.js";
import { jsonPattern } from "./json.js";
import { declareLocal } from "./locals.js";
import { unrolledFor } from "./unroll.js";
import { checkedDo, checkedFor, checkedWhile, passHoists } from "./loopChecks.js";
import { checkVar, isHoistedVar } from "./varDeclarations.js";
import { findThrowing } from "./throwingCalls.js";
import { missingAsNaN } from "./missing.js";
import { neverDefaulted } from "./nullable.js";

export function printStatements(ctx: PrintContext, statements: readonly ts.Statement[]): string {
  const out: string[] = [];
  for (const statement of statements) {
    try {
      out.push(printStatement(ctx, statement) + afterJumps(ctx, statement));
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
    }
  }
  return out.join("\n");
}

function block(ctx: PrintContext, statement: ts.Statement): string {
  if (ts.isBlock(statement))
    return `{\n${blockEnvEntry(ctx, statement)}${printStatements(ctx, statement.statements)}\n}`;
  return `{\n${printStatements(ctx, [statement])}\n}`;
}

function printStatement(ctx: PrintContext, node: ts.Statement): string {
  return withStatement(ctx, node, () => printPlainStatement(ctx, node));
}

function printPlainStatement(ctx: PrintContext, node: ts.Statement): string {
  switch (node.kind) {
    case ts.SyntaxKind.Block:
      return block(ctx, node);
    case ts.SyntaxKind.EmptyStatement:
    case ts.SyntaxKind.TypeAliasDeclaration:
    case ts.SyntaxKind.InterfaceDeclaration:
      return "";
    case ts.SyntaxKind.VariableStatement:
      return declarationList(ctx, (node as ts.VariableStatement).declarationList);
    case ts.SyntaxKind.FunctionDeclaration:
      if (!(node as ts.FunctionDeclaration).body) return ctx.refuse(node, "a function overload", OVERLOADS);
      // A generic function is printed per instance, at its calls.
      if (!(node as ts.FunctionDeclaration).typeParameters?.length) lift(ctx, node as ts.FunctionDeclaration);
      return "";
    case ts.SyntaxKind.ExpressionStatement:
      return `${printExpr(ctx, (node as ts.ExpressionStatement).expression).text};`;
    case ts.SyntaxKind.IfStatement: {
      const s = node as ts.IfStatement;
      const otherwise = s.elseStatement ? ` else ${block(ctx, s.elseStatement)}` : "";
      return `if (${printCondition(ctx, s.expression)}) ${block(ctx, s.thenStatement)}${otherwise}`;
    }
    case ts.SyntaxKind.WhileStatement: {
      const s = node as ts.WhileStatement;
      const reads = passHoists(ctx, s.expression);
      if (reads.length > 0) return checkedWhile(reads, printCondition(ctx, s.expression), block(ctx, s.statement));
      return `while (${printCondition(ctx, s.expression)}) ${block(ctx, s.statement)}`;
    }
    case ts.SyntaxKind.DoStatement: {
      const s = node as ts.DoStatement;
      if (findThrowing(ctx, s.expression).length > 0) {
        const body = block(ctx, s.statement);
        const reads = passHoists(ctx, s.expression);
        return checkedDo(ctx, s, reads, printCondition(ctx, s.expression), body);
      }
      return `do ${block(ctx, s.statement)} while (${printCondition(ctx, s.expression)});`;
    }
    case ts.SyntaxKind.ForStatement:
      return printFor(ctx, node as ts.ForStatement);
    case ts.SyntaxKind.ForOfStatement:
      return printForOf(ctx, node as ts.ForOfStatement);
    case ts.SyntaxKind.BreakStatement:
    case ts.SyntaxKind.ContinueStatement:
      return jumpLeavesTry(ctx, node as ts.BreakOrContinueStatement)
        ? printExit(ctx, node as ts.BreakOrContinueStatement)
        : printJump(ctx, node as ts.BreakOrContinueStatement);
    case ts.SyntaxKind.ReturnStatement: {
      const s = node as ts.ReturnStatement;
      const type = ctx.current.returnType;
      // `return;` where the function returns a value that may be undefined: undefined.
      if (!s.expression && (type.kind === "optional" || type.kind === "json"))
        return printExit(ctx, "return", type.kind === "json" ? "__ice_j_undef()" : "null");
      if (!s.expression) return printExit(ctx, "return");
      if (type.kind === "void") return `${printExpr(ctx, s.expression).text};\n${printExit(ctx, "return")}`;
      return printExit(ctx, "return", printTo(ctx, s.expression, type));
    }
    case ts.SyntaxKind.ThrowStatement:
      return printThrow(ctx, node as ts.ThrowStatement, printExpr(ctx, (node as ts.ThrowStatement).expression));
    case ts.SyntaxKind.SwitchStatement:
      return printSwitch(ctx, node as ts.SwitchStatement);
    case ts.SyntaxKind.TryStatement:
      return printTry(
        ctx,
        node as ts.TryStatement,
        (b) => block(ctx, b),
        (d, value) => bindCaught(ctx, d, value),
      );
    case ts.SyntaxKind.LabeledStatement:
      return printLabeled(ctx, node as ts.LabeledStatement, (inner) => printStatement(ctx, inner));
    case ts.SyntaxKind.ForInStatement: {
      const s = node as ts.ForInStatement;
      if (ts.isVariableDeclarationList(s.initializer)) checkVar(ctx, s.initializer);
      return printForIn(
        ctx,
        s,
        (declaration, key) => {
          const symbol = ctx.symbolOf(declaration.name)!;
          return bind(ctx, symbol, ctx.declaredType(symbol, declaration.name), key);
        },
        () => block(ctx, s.statement),
      );
    }
    case ts.SyntaxKind.ClassDeclaration:
      return printClass(ctx, node as ts.ClassDeclaration);
    case ts.SyntaxKind.EnumDeclaration:
      return printEnumDeclaration(ctx, node as ts.EnumDeclaration);
    default:
      return ctx.refuse(node, `'${shortText(node)}'`, "write it with simpler statements");
  }
}

/** The catch variable, bound to the caught value. */
function bindCaught(ctx: PrintContext, d: ts.VariableDeclaration, value: string): string {
  if (!ts.isIdentifier(d.name)) return ctx.refuse(d, "destructuring a caught value", "catch (e) and read its fields");
  const symbol = ctx.symbolOf(d.name)!;
  return `let ${ctx.nameOf(symbol)}: __ice_Thrown = ${value};`;
}

function declarationList(ctx: PrintContext, list: ts.VariableDeclarationList): string {
  // `var` prints as `let` where the two agree (varDeclarations.ts).
  checkVar(ctx, list);
  return list.declarations.map((d) => declare(ctx, d)).join("\n");
}

function declare(ctx: PrintContext, d: ts.VariableDeclaration): string {
  // `const f = (...) => ...` is lifted and called directly (functions.ts).
  if (isLiftedConstDeclaration(d)) return "";
  if (ts.isIdentifier(d.name)) {
    const symbol = ctx.symbolOf(d.name)!;
    const special = declareLocal(ctx, symbol, d);
    if (special !== undefined) return special;
    const type = ctx.declaredType(symbol, d.name);
    const value = d.initializer ? printTo(ctx, d.initializer, type) : zeroValue(type);
    return bind(ctx, symbol, type, value);
  }
  if (!d.initializer) return ctx.refuse(d, "a destructuring declaration without a value", "give it a value");
  const source = printExpr(ctx, d.initializer);
  // `if (!m?.groups) return; const { year } = m.groups;`: narrowed defined, as `m.groups!` is.
  if (
    source.type.kind === "optional" &&
    source.type.inner.kind === "groups" &&
    !(ctx.checker.getTypeAtLocation(d.initializer).getFlags() & ts.TypeFlags.Undefined) &&
    !ctx.checker.getTypeAtLocation(d.initializer).isUnion()
  )
    return destructure(ctx, d.name, { text: unwrap(source), type: source.type.inner }, d);
  return destructure(ctx, d.name, source, d);
}

/** Declares a local (or stores it in its environment) with a value already printed. */
export function bind(ctx: PrintContext, symbol: ts.Symbol, type: ValueType, value: string): string {
  if (ctx.captured.has(symbol)) return `${variableAccess(ctx, symbol)} = ${value};`;
  // A `var` read after its block: declared at the function's top (varDeclarations.ts).
  if (isHoistedVar(ctx, symbol)) {
    const name = ctx.nameOf(symbol);
    if (!ctx.current.temps.some((t) => t.name === name)) ctx.current.temps.push({ name, type });
    return `${name} = ${value};`;
  }
  return `let ${ctx.nameOf(symbol)}: ${asType(type)} = ${value};`;
}

export function destructure(
  ctx: PrintContext,
  pattern: ts.BindingName,
  source: { text: string; type: ValueType },
  at: ts.Node,
): string {
  const temp = ctx.temp(source.type);
  const lines = [`${temp} = ${source.text};`];
  const value = { text: temp, type: source.type };
  if (value.type.kind === "json") {
    const iterated = ts.isArrayBindingPattern(pattern) ? ctx.temp({ kind: "array", element: value.type }) : "";
    if (iterated) lines.push(`${iterated} = __ice_j_iter(${temp});`);
    for (const [element, text] of jsonPattern(ctx, pattern, temp, iterated))
      lines.push(bindElement(ctx, element, { text, type: value.type }));
    return lines.join("\n");
  }
  if (ts.isObjectBindingPattern(pattern) && value.type.kind === "groups") {
    lines.push(...groupBindings(ctx, pattern, temp, (e, v) => bindElement(ctx, e, v)));
  } else if (ts.isObjectBindingPattern(pattern)) {
    const source = value.type;
    if (source.kind !== "object" && source.kind !== "dict")
      return ctx.refuse(at, "destructuring this value", "destructure objects with known fields");
    const taken: string[] = [];
    for (const element of pattern.elements) {
      if (element.dotDotDotToken) {
        if (!ts.isIdentifier(element.name)) ctx.refuse(element, "a pattern after '...'", "name the rest: ...rest");
        const symbol = ctx.symbolOf(element.name)!;
        const type = ctx.declaredType(symbol, element.name);
        lines.push(bind(ctx, symbol, type, objectRest(ctx, element, temp, source, taken, type)));
        continue;
      }
      const key = element.propertyName ?? element.name;
      if (!ts.isIdentifier(key) && !ts.isStringLiteral(key))
        ctx.refuse(element, "a computed property in a pattern", "read the field directly");
      const name = (key as ts.Identifier).text;
      taken.push(name);
      if (source.kind === "dict") {
        const read = element.initializer
          ? `__ice_dict_get${box(source.value)}<${asType(source.value)}>(${temp}, ${stringLiteral(name)})`
          : `__ice_dict_at<${asType(source.value)}>(${temp}, ${stringLiteral(name)})`;
        lines.push(
          bindElement(ctx, element, { text: read, type: element.initializer ? optional(source.value) : source.value }),
        );
        continue;
      }
      const field = source.shape.fields.find((f) => f.name === name);
      if (!field) return ctx.refuse(element, `the field '${name}'`, "destructure fields the object has");
      lines.push(bindElement(ctx, element, { text: `${temp}.${field.name}`, type: field.type }));
    }
  } else if (value.type.kind === "tuple") {
    const elements = value.type.elements;
    (pattern as ts.ArrayBindingPattern).elements.forEach((e, i) => {
      if (ts.isOmittedExpression(e)) return;
      if (e.dotDotDotToken) ctx.refuse(e, "a rest element", "name each element");
      if (e.initializer) ctx.refuse(e, "a default in an array pattern", "test the value first");
      if (i >= elements.length) ctx.refuse(e, "an element past the end of the tuple", "name the tuple's elements");
      lines.push(bindElement(ctx, e, { text: `${temp}._${i}`, type: elements[i]! }));
    });
  } else if (value.type.kind === "match") {
    const from = ts.isVariableDeclaration(at) ? at.initializer : undefined;
    lines.push(...matchBindings(ctx, pattern as ts.ArrayBindingPattern, temp, (e, v) => bindElement(ctx, e, v), from));
  } else {
    (pattern as ts.ArrayBindingPattern).elements.forEach((e, i) => {
      if (ts.isOmittedExpression(e)) return;
      lines.push(bindElement(ctx, e, arrayPatternElement(ctx, e, temp, value.type, i)));
    });
  }
  return lines.join("\n");
}

function bindElement(ctx: PrintContext, element: ts.BindingElement, value: { text: string; type: ValueType }): string {
  // A `T | null` value is never undefined, so its default never applies (print/nullable.ts).
  const initializer = neverDefaulted(value.type) ? undefined : element.initializer;
  if (!ts.isIdentifier(element.name)) {
    // A nested pattern's default (`{ server: { host } = {} }`) applies when the JSON value is undefined.
    if (initializer && value.type.kind === "json") {
      const temp = ctx.temp(value.type);
      const text = `((${temp} = ${value.text}).k != 0 ? ${temp} : ${printTo(ctx, initializer, value.type)})`;
      return destructure(ctx, element.name, { text, type: value.type }, element);
    }
    if (value.type.kind !== "optional") return destructure(ctx, element.name, value, element);
    // An undefined value takes the default; without one, destructuring it stops the node (JavaScript throws).
    const inner = value.type.inner;
    const temp = ctx.temp(value.type);
    const defined = unwrap({ text: temp, type: value.type });
    const text = initializer
      ? `(${temp} = ${value.text}) !== null ? ${defined} : ${printTo(ctx, initializer, inner)}`
      : unwrap(value);
    return destructure(ctx, element.name, { text: initializer ? `(${text})` : text, type: inner }, element);
  }
  const symbol = ctx.symbolOf(element.name)!;
  const type = ctx.declaredType(symbol, element.name);
  if (initializer && value.type.kind === "json") {
    const temp = ctx.temp(value.type);
    const defined = coerce(ctx, { text: temp, type: value.type }, type, element);
    return bind(
      ctx,
      symbol,
      type,
      `(${temp} = ${value.text}).k != 0 ? ${defined} : ${printTo(ctx, initializer, type)}`,
    );
  }
  if (initializer && value.type.kind === "optional") {
    const temp = ctx.temp(value.type);
    const defined = coerce(
      ctx,
      { text: unwrap({ text: temp, type: value.type }), type: value.type.inner },
      type,
      element,
    );
    return bind(
      ctx,
      symbol,
      type,
      `(${temp} = ${value.text}) !== null ? ${defined} : ${printTo(ctx, initializer, type)}`,
    );
  }
  // An element past the end, bound to a local stored as NaN-for-undefined (print/missing.ts).
  if (value.type.kind === "optional" && value.type.inner.kind === "number" && missingAsNaN(ctx, symbol))
    return bind(ctx, symbol, type, `__ice_or_nan(${value.text})`);
  return bind(ctx, symbol, type, coerce(ctx, value, type, element));
}

function printFor(ctx: PrintContext, node: ts.ForStatement): string {
  let init = "";
  if (node.initializer) {
    init = ts.isVariableDeclarationList(node.initializer)
      ? declarationList(ctx, node.initializer)
      : `${printExpr(ctx, node.initializer).text};`;
  }
  // A test or step reading an 'any' value that may throw is checked each pass (loopChecks.ts).
  const testReads = passHoists(ctx, node.condition);
  const test = node.condition ? printCondition(ctx, node.condition) : "true";
  const stepReads = passHoists(ctx, node.incrementor);
  let step = node.incrementor ? printExpr(ctx, node.incrementor).text : "";
  // The initializer runs once before the loop, in a block of its own (its variables are unique).
  // Captured loop variables get a copy of their environment per iteration, as JavaScript's `let`.
  const entry = blockEnvEntry(ctx, node);
  if (entry) {
    const env = ctx.envOf(node);
    const local = env.slice(0, -1);
    step = step ? `(${local} = ${env}.__ice_copy(), ${step})` : `${local} = ${env}.__ice_copy()`;
  }
  // JavaScript copies the bindings before the first iteration too (a closure made in the
  // initializer keeps the initial values).
  const first = entry ? `\n${ctx.envOf(node).slice(0, -1)} = ${ctx.envOf(node)}.__ice_copy();` : "";
  const body = block(ctx, node.statement);
  const loop =
    testReads.length > 0 || stepReads.length > 0
      ? checkedFor(ctx, testReads, test, stepReads, step, body)
      : (!entry && unrolledFor(node, test, step, body)) || `for (; ${test}; ${step}) ${body}`;
  return `{\n${entry}${init}${first}\n${loop}\n}`;
}

function printForOf(ctx: PrintContext, node: ts.ForOfStatement): string {
  if (node.awaitModifier) ctx.refuse(node, "for await", "use for...of");
  const list = node.initializer;
  if (ts.isVariableDeclarationList(list)) checkVar(ctx, list);
  if (!ts.isVariableDeclarationList(list) || list.declarations.length !== 1)
    return ctx.refuse(node, "for...of over an existing variable", "declare the loop variable: for (const x of xs)");
  const declaration = list.declarations[0]!;
  const sequence = sequenceOf(ctx, node.expression);
  const collection = ctx.temp(sequence.collection.type);
  const { head, parts } = sequence.loop(collection, ctx.fresh("i"));
  const t = sequence.element;
  let bindText: string;
  if (ts.isIdentifier(declaration.name)) {
    const symbol = ctx.symbolOf(declaration.name)!;
    const type = ctx.declaredType(symbol, declaration.name);
    const element = { text: elementOf(sequence, parts), type: t };
    bindText = bind(ctx, symbol, type, coerce(ctx, element, type, declaration));
  } else if (t.kind === "tuple" && ts.isArrayBindingPattern(declaration.name) && parts.length > 1) {
    // `for (const [k, v] of m)`: the parts bound directly, no tuple built.
    const lines: string[] = [];
    declaration.name.elements.forEach((e, i) => {
      if (ts.isOmittedExpression(e)) return;
      if (e.dotDotDotToken) ctx.refuse(e, "a rest element", "name each element");
      if (e.initializer) ctx.refuse(e, "a default in an array pattern", "test the value after the loop header");
      if (i >= parts.length) ctx.refuse(e, "an element past the end of the entry", "name the entry's elements");
      lines.push(bindElement(ctx, e, { text: parts[i]!, type: t.elements[i]! }));
    });
    bindText = lines.join("\n");
  } else {
    bindText = destructure(ctx, declaration.name, { text: elementOf(sequence, parts), type: t }, declaration);
  }
  return `${collection} = ${sequence.collection.text};\n${head} {\n${blockEnvEntry(ctx, node)}${bindText}\n${block(ctx, node.statement)}\n}`;
}
