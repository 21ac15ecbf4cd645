/** @fileoverview The YAML front end. */
export { parseYamlWorkflow, type YamlParseResult } from "./document.js";
export { parseTypeText, type FieldType } from "./schemaTypes.js";
