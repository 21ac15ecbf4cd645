/**
 * @fileoverview Destructuring declarations (`const { a, b = 1 } = o`, `const [x, y] = xs`), which
 * AssemblyScript lacks: one declaration per name, defaults through presence flags or null, and
 * the schema type of each destructured field bound for later rewrites.
 */
import { ts } from "ts-morph";
import type { SchemaField } from "../../../../runtime/schema.js";
import { hasFlag } from "../marshal.js";
import type { LowerContext } from "./context.js";
import { isPrimitive, type Typed } from "./kinds.js";
import { isPure, skipParens } from "./predicates.js";

/** A variable statement with a destructuring declaration -> one declaration per name. */
export function variableStatement(cx: LowerContext, node: ts.VariableStatement): boolean {
  const list = node.declarationList;
  if (!list.declarations.some((d) => !ts.isIdentifier(d.name))) return false;
  const keyword = list.flags & ts.NodeFlags.Const ? "const" : "let";
  for (const decl of list.declarations) {
    if (ts.isIdentifier(decl.name)) {
      cx.gen(`${keyword} `, decl);
      cx.node(decl);
      cx.gen(";\n", decl);
    } else if (!decl.initializer) {
      cx.unsupported(decl, "a destructuring declaration without a value", "give it a value");
    } else {
      const init = skipParens(decl.initializer);
      const typed = cx.typed(init);
      let base: string;
      if (isPure(init)) base = init.getText();
      else {
        base = `__ice_d${cx.nextId()}`;
        cx.gen(`const ${base} = `, decl);
        cx.node(decl.initializer);
        cx.gen(";\n", decl);
      }
      destructure(cx, decl.name, base, keyword, typed);
    }
  }
  return true;
}

/** `const { a, b = 1 } = base` / `const [x, y] = base` as one declaration per name. */
export function destructure(
  cx: LowerContext,
  pattern: ts.BindingName,
  base: string,
  keyword: string,
  typed: Typed | undefined,
): void {
  if (ts.isIdentifier(pattern)) {
    cx.gen(`${keyword} ${pattern.text} = ${base};\n`, pattern);
    return;
  }
  pattern.elements.forEach((element, index) => {
    if (ts.isOmittedExpression(element)) return;
    if (element.dotDotDotToken || !ts.isIdentifier(element.name)) {
      cx.unsupported(
        element,
        element.dotDotDotToken ? "a rest element (`...rest`)" : "a nested destructuring pattern",
        "destructure one level at a time, or read the fields directly",
      );
      return;
    }
    const name = element.name.text;
    let field: SchemaField | undefined;
    let access: string;
    if (ts.isObjectBindingPattern(pattern)) {
      const key = element.propertyName ? element.propertyName.getText() : name;
      access = `${base}.${key}`;
      field = typed?.type.kind === "object" ? typed.type.fields.find((f) => f.name === key) : undefined;
    } else {
      access = `${base}[${index}]`;
      if (typed?.type.kind === "array") cx.types.bind(name, { type: typed.type.element, optional: false });
    }
    if (field) cx.types.bind(name, { type: field.type, optional: field.optional && !element.initializer });
    if (element.initializer) {
      cx.gen(`${keyword} ${name} = `, element);
      if (field?.optional && isPrimitive(field.type)) {
        cx.gen(`(${base}.${hasFlag(field.name)} ? ${access} : (`, element);
        cx.node(element.initializer);
        cx.gen("))", element);
      } else {
        cx.gen(`__ice_or(${access}, `, element);
        cx.node(element.initializer);
        cx.gen(")", element);
      }
      cx.gen(";\n", element);
    } else cx.gen(`${keyword} ${name} = ${access};\n`, element);
  });
}
