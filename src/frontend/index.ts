/** @fileoverview Front ends: YAML and .ice workflows, string templates and condition expressions. */
export { parseYamlWorkflow, parseTypeText, type FieldType, type YamlParseResult } from "./yaml/index.js";
export { parseIceWorkflow, type IceParseResult } from "./ice/index.js";
export {
  parseReferencePath,
  parseStringValue,
  parseTemplate,
  referenceText,
  verbatimSource,
  type ParsedString,
  type StringSource,
} from "./template.js";
export { parseExpression, tokenize, ExpressionError, type Token, type TokenKind } from "./expression/index.js";
export { embeddedOffset, embeddedSpan } from "./embedded.js";
