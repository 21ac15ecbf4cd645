/** @fileoverview Condition expressions: lexer and Pratt parser over an embedded source. */
export { parseExpression } from "./parser.js";
export { ExpressionError, tokenize, type Token, type TokenKind } from "./lexer.js";
