/**
 * @fileoverview `parse_document`: text out of plain text, Markdown, PDF (unpdf, a serverless
 * build of Mozilla's pdf.js) and DOCX (mammoth) files. Also answers to `document_parser`, the
 * original design's name, with its `file_paths` argument.
 */
import { extname } from "node:path";
import type { ToolContext } from "../options.js";
import { stringListArg, type Args } from "./args.js";
import { readGrantedFile, type FileAccess } from "./fileAccess.js";

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
    documents.push(await parseDocument(path, await readGrantedFile(access, path, context.nodeId, context.signal)));
  return { documents, text: documents.map((d) => d.text).join("\n\n") };
}

/** Parses one document's bytes; the format comes from the extension, else from the bytes. */
export async function parseDocument(path: string, bytes: Buffer): Promise<ParsedDocument> {
  const ext = extname(path).toLowerCase();
  if (ext === ".pdf" || bytes.subarray(0, 5).toString("latin1") === "%PDF-") {
    const { getDocumentProxy } = await import("unpdf");
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      // keep the PDF's line breaks: each text item says whether a line ends after it
      pages.push(
        (content.items as { str?: string; hasEOL?: boolean }[])
          .map((item) => (item.str ?? "") + (item.hasEOL ? "\n" : ""))
          .join(""),
      );
    }
    const clean = normalise(pages.join("\n\n"));
    return { path, format: "pdf", title: firstLine(clean), text: clean, pages: pdf.numPages };
  }
  if (ext === ".docx" || (bytes[0] === 0x50 && bytes[1] === 0x4b && ext !== ".md" && ext !== ".txt")) {
    const mammoth = (await import("mammoth")).default;
    const { value } = await mammoth.extractRawText({ buffer: bytes });
    const clean = normalise(value);
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
