/**
 * @fileoverview `parse_document`: text out of plain text, Markdown, PDF (unpdf, a serverless
 * build of Mozilla's pdf.js) and DOCX (mammoth) files. Also answers to `document_parser`, the
 * original design's name, with its `file_paths` argument. PDF and DOCX are parsed in a capped
 * worker (documentWorker.ts): a document may be a compression bomb.
 */
import { extname } from "node:path";
import { IceError } from "../errors.js";
import type { ToolContext } from "../options.js";
import { stringListArg, type Args } from "./args.js";
import { extractText, type ExtractOptions } from "./documentWorker.js";
import { readGrantedFile, type FileAccess } from "./fileAccess.js";
import { declaredZipSize } from "./zipSize.js";

/** The most a DOCX's entries may declare they inflate to, in bytes (the worker's heap cap bounds liars). */
export const MAX_DOCX_INFLATED_BYTES = 256 * 1024 * 1024;

export interface ParsedDocument {
  readonly path: string;
  readonly format: "text" | "markdown" | "pdf" | "docx";
  readonly title: string;
  readonly text: string;
  /** PDF: number of pages. */
  readonly pages?: number;
}

export async function parseDocumentsTool(
  access: FileAccess,
  args: Args,
  context: ToolContext,
): Promise<{ documents: ParsedDocument[]; text: string }> {
  const paths = stringListArg(args, "path", "paths", "file_paths");
  if (!paths) throw new Error("missing argument 'path' (or 'paths' / 'file_paths')");
  const documents: ParsedDocument[] = [];
  for (const path of paths)
    documents.push(
      await parseDocument(path, await readGrantedFile(access, path, context.nodeId, context.signal), {
        nodeId: context.nodeId,
        signal: context.signal,
      }),
    );
  return { documents, text: documents.map((d) => d.text).join("\n\n") };
}

/** Parses one document's bytes; the format comes from the extension, else from the bytes. */
export async function parseDocument(
  path: string,
  bytes: Buffer,
  options: ExtractOptions = {},
): Promise<ParsedDocument> {
  const ext = extname(path).toLowerCase();
  if (ext === ".pdf" || bytes.subarray(0, 5).toString("latin1") === "%PDF-") {
    const { text, pages } = await extractText("pdf", path, bytes, options);
    const clean = normalise(text);
    return { path, format: "pdf", title: firstLine(clean), text: clean, pages: pages ?? 0 };
  }
  if (ext === ".docx" || (bytes[0] === 0x50 && bytes[1] === 0x4b && ext !== ".md" && ext !== ".txt")) {
    const declared = declaredZipSize(bytes);
    if (declared !== undefined && declared > MAX_DOCX_INFLATED_BYTES)
      throw new IceError(
        "ICE_MEMORY_LIMIT",
        `parse_document: '${path}' inflates to ${declared} bytes, more than the ${MAX_DOCX_INFLATED_BYTES} a DOCX may (a compression bomb is refused)`,
        options.nodeId,
      );
    const clean = normalise((await extractText("docx", path, bytes, options)).text);
    return { path, format: "docx", title: firstLine(clean), text: clean };
  }
  const text = normalise(bytes.toString("utf8"));
  if (ext === ".md" || ext === ".markdown") {
    const heading = /^#{1,6}\s+(.+)$/m.exec(text);
    return { path, format: "markdown", title: heading ? heading[1]!.trim() : firstLine(text), text };
  }
  return { path, format: "text", title: firstLine(text), text };
}

function normalise(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function firstLine(text: string): string {
  return (text.split("\n").find((line) => line.trim() !== "") ?? "")
    .replace(/^#+\s*/, "")
    .trim()
    .slice(0, 120);
}
