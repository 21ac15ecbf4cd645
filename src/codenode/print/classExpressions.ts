/**
 * @fileoverview Body classes in expressions, and the printer's hook called first by printExpr
 * (printExtended): `this`, `new` of a body class, method calls (`super.m()` included), static
 * members, `instanceof`, casts between a class and its subclasses (a checker-narrowed local read
 * as a downcast), and what exceptions need in expressions (caught values, hoisted calls:
 * exceptions.ts).
 */
import { ts } from "../typescript.js";
import { optionalCall } from "./optionalCall.js";
import { asType, type ValueType } from "../types.js";
import { isFunctionLike, type PrintContext, type Printed, stripParens } from "./context.js";
import { coerce } from "./coerce.js";
import { fromThrown, printCaught, THROWN } from "./exceptions.js";
import { isStatic } from "./throwAnalysis.js";
import { genericInstanceOf } from "./genericInstanceOf.js";
import { literalThis } from "./literalGetters.js";
import { outermostArrow, printCapturedThis } from "./capturedThis.js";
import { printHoisted } from "./throwingCalls.js";
import { printExpr, printTo } from "./expressions.js";
import {
  classOfShape,
  classTable,
  constructorParams,
  isUpcast,
  paramsOf,
  returnTypeOf,
  slots,
  type ClassInfo,
} from "./classShapes.js";
import { printArguments } from "./parameters.js";
import { overrideCall } from "./overrides.js";
import { isProtocol, protocolOfShape } from "./protocols.js";
import { isErrorClass } from "./calls.js";
import { declareClass } from "./classes.js";
import { instanceBeingPrinted, isGenericClass, ownerIn, staticsHolder, withInstance } from "./genericClasses.js";
import { genericMethodCall } from "./genericMethods.js";

function localClass(ctx: PrintContext, expr: ts.Expression): ClassInfo | undefined {
  if (!ts.isIdentifier(expr)) return undefined;
  const symbol = ctx.symbolOf(expr);
  const d = symbol?.declarations?.find(ts.isClassDeclaration);
  return d ? classTable(ctx).get(d) : undefined;
}

/** The class of a generic class's statics, where its name is read (`Stack.count`, `Stack.from(xs)`). */
function genericStatics(ctx: PrintContext, expr: ts.Expression): ClassInfo | undefined {
  if (!ts.isIdentifier(expr)) return undefined;
  const d = ctx.symbolOf(expr)?.declarations?.find(ts.isClassDeclaration);
  return d ? staticsHolder(ctx, d) : undefined;
}

/**
 * The class that `this` means at `node`: that of its method, accessor, constructor or field
 * initializer, also through arrow functions (capturedThis.ts); refused inside a `function`.
 */
function thisClass(ctx: PrintContext, node: ts.Node): ClassInfo {
  let unit: ts.Node | undefined = node.parent;
  while (
    unit &&
    (ts.isArrowFunction(unit) ||
      (!isFunctionLike(unit) && !ts.isPropertyDeclaration(unit) && !ts.isClassDeclaration(unit)))
  )
    unit = unit.parent;
  if (!unit || ts.isFunctionExpression(unit) || ts.isFunctionDeclaration(unit))
    return ctx.refuse(node, "'this' inside a nested function", "copy it into a const first: `const self = this;`");
  // Such an arrow is lifted outside the constructor whose environment would hold `this`.
  if (ts.isPropertyDeclaration(unit) && ts.findAncestor(node, (n) => n === unit || ts.isArrowFunction(n)) !== unit)
    return ctx.refuse(node, "'this' in an arrow function of a field initializer", "make the function a method");
  const cls = ts.findAncestor(unit, ts.isClassDeclaration);
  const info = cls && (classTable(ctx).get(cls) ?? instanceBeingPrinted(ctx, cls));
  if (!info) return ctx.refuse(node, "'this' here", "use 'this' inside methods and constructors of a body class");
  if (isStatic(unit) && !ts.isClassDeclaration(unit))
    return ctx.refuse(node, "'this' in a static member", "name the class instead");
  return info;
}

/**
 * The printer's hook (called first by printExpr): hoisted calls and line bookkeeping
 * (exceptions.ts), caught values, `this`, `super`, `new` of a body class, method calls,
 * static members, `instanceof`. Undefined for everything else.
 */
export function printExtended(ctx: PrintContext, node: ts.Expression): Printed | undefined {
  const hoisted = printHoisted(ctx, node);
  if (hoisted) return hoisted;
  switch (node.kind) {
    case ts.SyntaxKind.Identifier: {
      const symbol = ctx.symbolOf(node);
      const d = symbol?.valueDeclaration;
      if (d && ts.isVariableDeclaration(d) && ts.isCatchClause(d.parent)) {
        if (ctx.captured.has(symbol!))
          return ctx.refuse(
            node,
            "the caught value used inside a nested function",
            "copy what you need into a const first",
          );
        return printCaught(ctx, node as ts.Identifier, ctx.nameOf(symbol!));
      }
      const cls = localClass(ctx, node) ?? genericStatics(ctx, node);
      if (cls) {
        if (cls.staticsOnly && !cls.printed) declareClass(ctx, cls);
        return { text: cls.name, type: { kind: "object", shape: cls.statics } };
      }
      return downcast(ctx, node);
    }
    case ts.SyntaxKind.PropertyAccessExpression: {
      const access = node as ts.PropertyAccessExpression;
      // `e.message` / `e.name` of a value caught as `catch (e: any)`.
      const operand = stripParens(access.expression);
      const symbol = ts.isIdentifier(operand) ? ctx.symbolOf(operand) : undefined;
      const d = symbol?.valueDeclaration;
      if (!d || !ts.isVariableDeclaration(d) || !ts.isCatchClause(d.parent)) return undefined;
      if (!(ctx.checker.getTypeAtLocation(operand).flags & ts.TypeFlags.Any)) return undefined;
      const name = access.name.text;
      if (name !== "message" && name !== "name")
        return ctx.refuse(node, `'.${name}' of a caught value`, "test it with instanceof first");
      return { text: `__ice_thrown_as<Error>(${ctx.nameOf(symbol!)}).${name}`, type: { kind: "string" } };
    }
    case ts.SyntaxKind.TypeOfExpression: {
      // typeof of a caught value (other operands: the plain printer).
      const operand = stripParens((node as ts.TypeOfExpression).expression);
      const symbol = ts.isIdentifier(operand) ? ctx.symbolOf(operand) : undefined;
      const d = symbol?.valueDeclaration;
      if (!d || !ts.isVariableDeclaration(d) || !ts.isCatchClause(d.parent)) return undefined;
      return { text: `__ice_thrown_typeof(${ctx.nameOf(symbol!)})`, type: { kind: "string" } };
    }
    case ts.SyntaxKind.ThisKeyword: {
      const literal = literalThis(node);
      if (literal) return literal;
      const info = thisClass(ctx, node);
      const type: ValueType = { kind: "object", shape: info.shape };
      const arrow = outermostArrow(node);
      return arrow ? printCapturedThis(ctx, arrow, type) : { text: "this", type };
    }
    case ts.SyntaxKind.NewExpression: {
      const n = node as ts.NewExpression;
      const info = localClass(ctx, n.expression) ?? genericInstance(ctx, n);
      if (!info) return undefined;
      if (!info.printed) declareClass(ctx, info);
      const params = withInstance(ctx, info, () => constructorParams(ctx, info));
      const args = n.arguments ?? [];
      if (params === "Error") {
        const [m] = args;
        return {
          text: `new ${info.name}(${m ? printTo(ctx, m, { kind: "string" }) : ""})`,
          type: { kind: "object", shape: info.shape },
        };
      }
      const text = printArguments(ctx, args, slots(params), n).join(", ");
      return { text: `new ${info.name}(${text})`, type: { kind: "object", shape: info.shape } };
    }
    case ts.SyntaxKind.CallExpression:
      return methodCall(ctx, node as ts.CallExpression);
    case ts.SyntaxKind.BinaryExpression: {
      const b = node as ts.BinaryExpression;
      if (b.operatorToken.kind !== ts.SyntaxKind.InstanceOfKeyword) return undefined;
      const right = stripParens(b.right);
      const generic = genericInstanceOf(ctx, b, right, printExpr);
      if (generic) return generic;
      const info = localClass(ctx, right);
      const target = info ? info.name : ts.isIdentifier(right) && isErrorClass(ctx, right) ? right.text : undefined;
      if (!target) return ctx.refuse(b.right, "instanceof of this", "test against a class of the body or Error");
      const left = printExpr(ctx, b.left);
      if (left.type === THROWN || (left.type.kind === "object" && left.type.shape.name === "__ice_Thrown"))
        return { text: `__ice_thrown_is<${target}>(${left.text})`, type: { kind: "boolean" } };
      if (left.type.kind === "object" || left.type.kind === "error")
        return { text: `__ice_instance_of<${target}, ${asType(left.type)}>(${left.text})`, type: { kind: "boolean" } };
      return { text: `(${left.text}, false)`, type: { kind: "boolean" } };
    }
    case ts.SyntaxKind.AsExpression:
    case ts.SyntaxKind.TypeAssertionExpression: {
      const innerNode = (node as ts.AsExpression).expression;
      const innerType = ctx.checker.getTypeAtLocation(innerNode);
      if (innerType.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) {
        const inner = printExpr(ctx, innerNode);
        if (inner.type !== THROWN) return undefined;
        const to = ctx.typeOf(node);
        return { text: fromThrown(ctx, inner.text, to, node), type: to };
      }
      const targetClass = ctx.checker.getTypeAtLocation(node).getSymbol()?.declarations?.find(ts.isClassDeclaration);
      if (!targetClass || !classTable(ctx).get(targetClass)) return undefined;
      const inner = printExpr(ctx, innerNode);
      const to = ctx.typeOf(node);
      if (isUpcast(ctx, to, inner.type) && !isUpcast(ctx, inner.type, to))
        return { text: `__ice_downcast<${asType(to)}, ${asType(inner.type)}>(${inner.text})`, type: to };
      return { text: coerce(ctx, inner, to, node), type: to };
    }
    default:
      return undefined;
  }
}

/** A local read where the checker narrowed a class type to a subclass (`if (s instanceof Circle)`). */
function downcast(ctx: PrintContext, node: ts.Expression): Printed | undefined {
  const symbol = ctx.symbolOf(node);
  if (!symbol || !ctx.isLocal(symbol) || !(symbol.flags & ts.SymbolFlags.Variable)) return undefined;
  const declared = symbol.valueDeclaration && ctx.checker.getTypeOfSymbolAtLocation(symbol, symbol.valueDeclaration);
  const here = ctx.checker.getTypeAtLocation(node);
  if (!declared || declared === here) return undefined;
  const hereClass = here.getSymbol()?.declarations?.find(ts.isClassDeclaration);
  if (!hereClass || !classTable(ctx).get(hereClass)) return undefined;
  const declaredType = ctx.declaredType(symbol, node);
  const hereType = ctx.typeOf(node, here);
  if (declaredType.kind !== "object" && declaredType.kind !== "error") return undefined;
  if (declaredType.kind === "object" && hereType.kind === "object" && declaredType.shape.name === hereType.shape.name)
    return undefined;
  const plainRead = printExprPlainIdentifier(ctx, node, declaredType);
  return { text: `__ice_downcast<${asType(hereType)}, ${asType(declaredType)}>(${plainRead})`, type: hereType };
}

function printExprPlainIdentifier(ctx: PrintContext, node: ts.Expression, _declared: ValueType): string {
  const symbol = ctx.symbolOf(node)!;
  if (!ctx.captured.has(symbol)) return ctx.nameOf(symbol);
  const declaration = symbol.valueDeclaration!;
  return `${ctx.envOf(ctx.functionOf(declaration))}.${ctx.nameOf(symbol)}`;
}

/** The instance of a generic class that `new C<...>(...)` makes (its type, as the checker inferred it). */
function genericInstance(ctx: PrintContext, n: ts.NewExpression): ClassInfo | undefined {
  if (!ts.isIdentifier(n.expression)) return undefined;
  const d = ctx.symbolOf(n.expression)?.declarations?.find(ts.isClassDeclaration);
  if (!d || !isGenericClass(ctx, d)) return undefined;
  return classOfShape(ctx, ctx.typeOf(n));
}

function methodCall(ctx: PrintContext, call: ts.CallExpression): Printed | undefined {
  const callee = stripParens(call.expression);
  if (callee.kind === ts.SyntaxKind.SuperKeyword)
    return ctx.refuse(call, "super(...) here", "call super(...) as a statement of the constructor");
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const symbol = ctx.symbolOf(callee.name);
  const signature = symbol?.declarations?.find(ts.isMethodSignature);
  // (Only an interface of the body: converting the receiver's type first would refuse `Object.keys`.)
  if (
    signature &&
    ts.isInterfaceDeclaration(signature.parent) &&
    isProtocol(ctx, signature.parent) &&
    protocolOfShape(ctx, definedType(ctx.typeOf(callee.expression)))
  )
    return protocolCall(ctx, call, callee, signature);
  const method = symbol?.declarations?.find(ts.isMethodDeclaration);
  if (
    !method ||
    !ts.isClassDeclaration(method.parent) ||
    !(classTable(ctx).get(method.parent) || isGenericClass(ctx, method.parent))
  )
    return undefined;
  const receiver =
    callee.expression.kind === ts.SyntaxKind.SuperKeyword ? { text: "super" } : printExpr(ctx, callee.expression);
  // `o?.m(args)` of an object that may be null or undefined: undefined then, the arguments unevaluated.
  if (callee.questionDotToken && "type" in receiver && receiver.type.kind === "optional")
    return optionalCall(ctx, call, receiver, (defined) => methodCallOn(ctx, call, callee, method, defined));
  return methodCallOn(ctx, call, callee, method, receiver);
}

/** `r.m(args)` of a value typed as an interface classes implement: a virtual call (protocols.ts). */
function protocolCall(
  ctx: PrintContext,
  call: ts.CallExpression,
  callee: ts.PropertyAccessExpression,
  signature: ts.MethodSignature,
): Printed {
  const receiver = printExpr(ctx, callee.expression);
  const params = paramsOf(ctx, signature);
  const returnType = returnTypeOf(ctx, signature);
  const virtual = (defined: Printed): Printed => {
    const args = printArguments(ctx, call.arguments, slots(params), call);
    return { text: `${defined.text}.${callee.name.text}(${args.join(", ")})`, type: returnType };
  };
  // `r?.m(args)` of an interface value that may be undefined: undefined then, the arguments unevaluated.
  if (callee.questionDotToken && receiver.type.kind === "optional") return optionalCall(ctx, call, receiver, virtual);
  return virtual(receiver);
}

/** The type of a value once `?.` has found it defined. */
function definedType(t: ValueType): ValueType {
  return t.kind === "optional" ? definedType(t.inner) : t;
}

/** A call of `method` on a defined receiver (or `super`). */
function methodCallOn(
  ctx: PrintContext,
  call: ts.CallExpression,
  callee: ts.PropertyAccessExpression,
  method: ts.MethodDeclaration,
  receiver: Printed | { text: string },
): Printed {
  // A method of a generic class's instance: its parameters and result with the instance's type
  // arguments (those of the base instance declaring it, for an inherited method or `super.m()`).
  const received = "type" in receiver ? classOfShape(ctx, receiver.type) : superOf(ctx, call);
  const instance = ownerIn(received, method.parent as ts.ClassDeclaration) ?? received;
  if (method.typeParameters) {
    if (!instance || !("type" in receiver))
      return ctx.refuse(call, "a generic method called through 'super'", "call it on the object");
    return genericMethodCall(ctx, call, method, receiver, instance);
  }
  const signature = (): { params: ReturnType<typeof paramsOf>; returnType: ValueType } => ({
    params: paramsOf(ctx, method),
    returnType: returnTypeOf(ctx, method),
  });
  const { params, returnType } = instance ? withInstance(ctx, instance, signature) : signature();
  const args = printArguments(ctx, call.arguments, slots(params), call);
  // An override printed with the signature of the method it overrides (overrides.ts).
  const override = overrideCall(ctx, received, method, call);
  if (override) {
    const text = `${receiver.text}.${callee.name.text}(${[...args, ...override.padding].join(", ")})`;
    return override.result(text, returnType);
  }
  const text = `${receiver.text}.${callee.name.text}(${args.join(", ")})`;
  // A fluent method of a base class returning `this` (`user(q): this { ...; return this; }`),
  // called on a subclass instance: the receiver's class, as the checker types the call (checked).
  if (
    "type" in receiver &&
    receiver.type.kind === "object" &&
    returnType.kind === "object" &&
    receiver.type.shape.name !== returnType.shape.name &&
    returnsThis(ctx, method) &&
    isUpcast(ctx, receiver.type, returnType)
  )
    return {
      text: `__ice_downcast_this<${asType(receiver.type)}, ${asType(returnType)}>(${text})`,
      type: receiver.type,
    };
  return { text, type: returnType };
}

/** A method whose result is the polymorphic `this` type (declared `: this`, or inferred from `return this`). */
function returnsThis(ctx: PrintContext, method: ts.MethodDeclaration): boolean {
  const result = ctx.checker.getSignatureFromDeclaration(method)?.getReturnType();
  return (
    !!result &&
    (result.flags & ts.TypeFlags.TypeParameter) !== 0 &&
    ((result.getSymbol()?.flags ?? 0) & ts.SymbolFlags.Class) !== 0
  );
}

/** The base class (or generic instance) `super` means in the method around `node`. */
function superOf(ctx: PrintContext, node: ts.Node): ClassInfo | undefined {
  const cls = ts.findAncestor(node, ts.isClassDeclaration);
  const info = cls && (classTable(ctx).get(cls) ?? instanceBeingPrinted(ctx, cls));
  return info && info.base !== "Error" ? info.base : undefined;
}
