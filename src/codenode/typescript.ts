/**
 * @fileoverview The TypeScript compiler API the code-node compiler types bodies with: ts-morph's
 * copy of TypeScript (the one `import { ts } from "ts-morph"` gives), required directly.
 *
 * Why not through ts-morph: importing `ts-morph` from an ES module loads ts-morph (1 MB) and
 * @ts-morph/common (3 MB, with minimatch, tinyglobby, ...), none of which the compiler uses, and
 * makes Node scan ts-morph's source for its export names and sniff its module format first: ~0.4 s
 * of CPU on the loaded 2-core machine (`import("ts-morph")` 1.06 s against 0.65 s for this, best of
 * four), paid by every build, check and run that types a code node, before the first body. The
 * object is the same TypeScript module ts-morph wraps (its `ts` is a frozen copy of the same
 * getters), so types and behaviour do not change.
 *
 * `ts` is the module as a value and, through the namespace below, the types the compiler names
 * (`ts.Node`, ...): a type not listed is a compile error here, to be added.
 */
import { createRequire } from "node:module";
import { workerData } from "node:worker_threads";
import type { ts as Ts } from "ts-morph";
import { requireCodeCached } from "../util/codeCache.js";

const require = createRequire(import.meta.url);

/**
 * The typer worker (src/emit/wasm/typer.ts) is handed a private folder for V8's code cache of
 * TypeScript (src/util/codeCache.ts); any other thread loads TypeScript as `require` does.
 */
function codeCacheFolder(): string | undefined {
  const data: unknown = workerData;
  if (typeof data !== "object" || data === null || !("typeScriptCodeCache" in data)) return undefined;
  return typeof data.typeScriptCodeCache === "string" ? data.typeScriptCodeCache : undefined;
}

const loaded = requireCodeCached<typeof Ts>(
  createRequire(require.resolve("ts-morph")).resolve("@ts-morph/common/dist/typescript.js"),
  codeCacheFolder(),
);

export const ts = loaded.exports;

/**
 * Stores the code cache (once, and only when it did not serve this load): called by the typer
 * worker after it typed a body, so the bytecode of the checker's functions that typing compiled is
 * in it too.
 */
export function saveTypeScriptCodeCache(): void {
  loaded.save();
}

export declare namespace ts {
  export type ArrayBindingPattern = Ts.ArrayBindingPattern;
  export type ArrayLiteralExpression = Ts.ArrayLiteralExpression;
  export type ArrowFunction = Ts.ArrowFunction;
  export type AsExpression = Ts.AsExpression;
  export type AwaitExpression = Ts.AwaitExpression;
  export type BinaryExpression = Ts.BinaryExpression;
  export type BindingElement = Ts.BindingElement;
  export type BindingName = Ts.BindingName;
  export type Block = Ts.Block;
  export type BreakOrContinueStatement = Ts.BreakOrContinueStatement;
  export type CallExpression = Ts.CallExpression;
  export type ConditionalType = Ts.ConditionalType;
  export type CatchClause = Ts.CatchClause;
  export type ClassDeclaration = Ts.ClassDeclaration;
  export type ClassElement = Ts.ClassElement;
  export type ClassLikeDeclaration = Ts.ClassLikeDeclaration;
  export type CompilerHost = Ts.CompilerHost;
  export type CompilerOptions = Ts.CompilerOptions;
  export type ConditionalExpression = Ts.ConditionalExpression;
  export type Declaration = Ts.Declaration;
  export type DeleteExpression = Ts.DeleteExpression;
  export type Diagnostic = Ts.Diagnostic;
  export type DiagnosticCategory = Ts.DiagnosticCategory;
  export type DiagnosticWithLocation = Ts.DiagnosticWithLocation;
  export type DoStatement = Ts.DoStatement;
  export type ElementAccessExpression = Ts.ElementAccessExpression;
  export type ElementFlags = Ts.ElementFlags;
  export type EnumDeclaration = Ts.EnumDeclaration;
  export type Expression = Ts.Expression;
  export type InterfaceDeclaration = Ts.InterfaceDeclaration;
  export type MethodSignature = Ts.MethodSignature;
  export type ExpressionStatement = Ts.ExpressionStatement;
  export type ExpressionWithTypeArguments = Ts.ExpressionWithTypeArguments;
  export type ForInStatement = Ts.ForInStatement;
  export type ForOfStatement = Ts.ForOfStatement;
  export type ForStatement = Ts.ForStatement;
  export type FunctionDeclaration = Ts.FunctionDeclaration;
  export type FunctionExpression = Ts.FunctionExpression;
  export type FunctionLikeDeclaration = Ts.FunctionLikeDeclaration;
  export type GetAccessorDeclaration = Ts.GetAccessorDeclaration;
  export type Identifier = Ts.Identifier;
  export type IfStatement = Ts.IfStatement;
  export type IndexInfo = Ts.IndexInfo;
  export type LabeledStatement = Ts.LabeledStatement;
  export type MethodDeclaration = Ts.MethodDeclaration;
  export type ModifierFlags = Ts.ModifierFlags;
  export type ModuleKind = Ts.ModuleKind;
  export type NamedDeclaration = Ts.NamedDeclaration;
  export type NewExpression = Ts.NewExpression;
  export type Node = Ts.Node;
  export type NodeFlags = Ts.NodeFlags;
  export type NonNullExpression = Ts.NonNullExpression;
  export type NumericLiteral = Ts.NumericLiteral;
  export type ObjectBindingPattern = Ts.ObjectBindingPattern;
  export type ObjectFlags = Ts.ObjectFlags;
  export type ObjectLiteralExpression = Ts.ObjectLiteralExpression;
  export type ObjectType = Ts.ObjectType;
  export type InterfaceType = Ts.InterfaceType;
  export type ParameterDeclaration = Ts.ParameterDeclaration;
  export type ParenthesizedExpression = Ts.ParenthesizedExpression;
  export type PostfixUnaryExpression = Ts.PostfixUnaryExpression;
  export type PrefixUnaryExpression = Ts.PrefixUnaryExpression;
  export type PrivateIdentifier = Ts.PrivateIdentifier;
  export type Program = Ts.Program;
  export type PropertyAccessExpression = Ts.PropertyAccessExpression;
  export type PropertyDeclaration = Ts.PropertyDeclaration;
  export type PropertyName = Ts.PropertyName;
  export type RegularExpressionLiteral = Ts.RegularExpressionLiteral;
  export type ReturnStatement = Ts.ReturnStatement;
  export type ScriptKind = Ts.ScriptKind;
  export type ScriptTarget = Ts.ScriptTarget;
  export type ShorthandPropertyAssignment = Ts.ShorthandPropertyAssignment;
  export type SetAccessorDeclaration = Ts.SetAccessorDeclaration;
  export type SignatureDeclaration = Ts.SignatureDeclaration;
  export type SignatureKind = Ts.SignatureKind;
  export type SourceFile = Ts.SourceFile;
  export type SpreadElement = Ts.SpreadElement;
  export type Statement = Ts.Statement;
  export type StringLiteral = Ts.StringLiteral;
  export type StringLiteralType = Ts.StringLiteralType;
  export type SwitchStatement = Ts.SwitchStatement;
  export type Symbol = Ts.Symbol;
  export type SymbolFlags = Ts.SymbolFlags;
  export type SyntaxKind = Ts.SyntaxKind;
  export type TemplateExpression = Ts.TemplateExpression;
  export type ThrowStatement = Ts.ThrowStatement;
  export type TryStatement = Ts.TryStatement;
  export type TupleType = Ts.TupleType;
  export type Type = Ts.Type;
  export type TypeNode = Ts.TypeNode;
  export type TaggedTemplateExpression = Ts.TaggedTemplateExpression;
  export type TemplateLiteralLikeNode = Ts.TemplateLiteralLikeNode;
  export type TypeChecker = Ts.TypeChecker;
  export type TypeFlags = Ts.TypeFlags;
  export type TypeOfExpression = Ts.TypeOfExpression;
  export type TypeReference = Ts.TypeReference;
  export type UnionType = Ts.UnionType;
  export type VariableDeclaration = Ts.VariableDeclaration;
  export type VariableDeclarationList = Ts.VariableDeclarationList;
  export type VariableStatement = Ts.VariableStatement;
  export type WhileStatement = Ts.WhileStatement;
}
