/**
 * @fileoverview The .ice grammar: tokens, lexer, parser (one shared instance) and the generated
 * CST types the front end's visitor is written against.
 */
import { iceErrorMessages } from "./errorMessages.js";
import { IceParser } from "./parser.js";

export * as tokens from "./tokens.js";
export { iceLexer } from "./tokens.js";
export { IceParser, MAX_SYNTAX_ERRORS, TooManySyntaxErrors } from "./parser.js";
export { describeToken } from "./errorMessages.js";
export type * from "./cst.js";

/** The one parser instance; give it tokens with `.input` and call `.workflow()`. */
export const iceParser = new IceParser(iceErrorMessages);
