/**
 * @fileoverview The top-level `tools:` map: tool signatures (`description`, `input_schema`,
 * `output_schema`) that the checker and agents read. A tool with no fields (`search:`) is
 * declared but untyped.
 */
import { didYouMean, Diagnostics } from "../../diagnostics/index.js";
import type { ToolDeclaration } from "../../plan/index.js";
import { isNull, type MapEntry, type YamlContext } from "./context.js";
import { TOOL_DECLARATION_FIELDS } from "./fieldTable.js";
import { readObjectType, readSchemaType } from "./schemaTypes.js";

/** tools : { name: { description?, input_schema?, output_schema? } ... } */
export function readToolDeclarations(ctx: YamlContext, entry: MapEntry): ToolDeclaration[] {
  if (isNull(entry.value)) return [];
  const tools = ctx.mapping(entry.value, "'tools'", entry.keySpan) ?? [];
  return tools.map((tool) => readToolDeclaration(ctx, tool));
}

function readToolDeclaration(ctx: YamlContext, tool: MapEntry): ToolDeclaration {
  const declaration: { -readonly [K in keyof ToolDeclaration]: ToolDeclaration[K] } = {
    name: tool.key,
    span: tool.keySpan,
  };
  if (isNull(tool.value)) return declaration;
  const where = `tool declaration '${tool.key}'`;
  for (const field of ctx.mapping(tool.value, where, tool.keySpan) ?? []) {
    switch (field.key) {
      case "description": {
        const text = ctx.string(field);
        if (text !== undefined) declaration.description = text;
        break;
      }
      case "input_schema": {
        const type = readObjectType(ctx, field.value, "input_schema");
        if (type) declaration.inputSchema = type;
        break;
      }
      case "output_schema": {
        const type = readSchemaType(ctx, field.value, "output_schema");
        if (type) declaration.outputSchema = type;
        break;
      }
      default:
        ctx.bag.report(Diagnostics.UnknownEntryField, field.keySpan, [
          field.key,
          where,
          didYouMean(field.key, TOOL_DECLARATION_FIELDS),
        ]);
    }
  }
  return declaration;
}
