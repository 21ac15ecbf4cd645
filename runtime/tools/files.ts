/**
 * @fileoverview `read_file` and `read_csv` (CSV parsed by csv-parse); files are opened through
 * fileAccess.ts (granted directories only, regular files, bounded reads).
 */
import { parse } from "csv-parse/sync";
import type { ToolContext } from "../options.js";
import { booleanArg, stringArg, optionalString, type Args } from "./args.js";
import { readGrantedFile, type FileAccess } from "./fileAccess.js";

export async function readFileTool(
  access: FileAccess,
  args: Args,
  context: ToolContext,
): Promise<{ path: string; text: string; bytes: number }> {
  const path = stringArg(args, "path");
  const buffer = await readGrantedFile(access, path, context.nodeId, context.signal);
  return {
    path,
    text: buffer.toString((optionalString(args, "encoding") ?? "utf8") as BufferEncoding),
    bytes: buffer.length,
  };
}

export async function readCsvTool(
  access: FileAccess,
  args: Args,
  context: ToolContext,
): Promise<{ columns: string[]; rows: Record<string, unknown>[] }> {
  const inline = optionalString(args, "text");
  const text =
    inline ?? (await readGrantedFile(access, stringArg(args, "path"), context.nodeId, context.signal)).toString("utf8");
  const delimiter = optionalString(args, "delimiter") ?? ",";
  const rows = parse(text, {
    columns: true,
    skip_empty_lines: true,
    trim: true,
    bom: true,
    delimiter,
    cast: booleanArg(args, "cast", true),
  }) as Record<string, unknown>[];
  const header = parse(text, { to_line: 1, trim: true, bom: true, delimiter }) as string[][];
  return { columns: header[0] ?? [], rows };
}
