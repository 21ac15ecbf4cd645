/**
 * @fileoverview `chunk_text`: splits text into overlapping chunks of at most `chunk_size`
 * characters, preferring paragraph, then line, then sentence, then word boundaries (the recursive
 * character splitting of common RAG libraries, without their dependency tree).
 */
import { numberArg, stringArg, optionalString, type Args } from "./args.js";

export interface Chunk {
  readonly id: string;
  readonly text: string;
  /** The document it came from (its path), when chunking documents. */
  readonly source: string;
  /** Position within its source. */
  readonly index: number;
}

const SEPARATORS = ["\n\n", "\n", ". ", " ", ""];

export function chunkTextTool(args: Args): { chunks: Chunk[] } {
  const size = Math.max(20, Math.floor(numberArg(args, "chunk_size", 800)));
  const overlap = Math.max(0, Math.min(Math.floor(numberArg(args, "overlap", 100)), Math.floor(size / 2)));
  const sources: { source: string; text: string }[] = [];
  const documents = args["documents"];
  if (Array.isArray(documents)) {
    documents.forEach((d, i) => {
      const doc = d as { path?: unknown; text?: unknown };
      if (typeof doc?.text !== "string") throw new Error(`documents[${i}].text must be a string`);
      sources.push({ source: typeof doc.path === "string" ? doc.path : `document ${i}`, text: doc.text });
    });
  } else sources.push({ source: optionalString(args, "source") ?? "text", text: stringArg(args, "text") });
  const chunks: Chunk[] = [];
  for (const { source, text } of sources) {
    for (const [index, piece] of splitText(text, size, overlap).entries())
      chunks.push({ id: `${source}#${index}`, text: piece, source, index });
  }
  return { chunks };
}

/** Splits `text` into pieces of at most `size` characters, consecutive pieces sharing about `overlap`. */
export function splitText(text: string, size: number, overlap: number): string[] {
  const pieces = atoms(text.trim(), size, 0);
  const chunks: string[] = [];
  const current: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    if (length + piece.length > size && current.length > 0) {
      chunks.push(current.join("").trim());
      while (current.length > 0 && (length > overlap || length + piece.length > size))
        length -= current.shift()!.length;
    }
    current.push(piece);
    length += piece.length;
  }
  if (current.length > 0) chunks.push(current.join("").trim());
  return chunks.filter((c) => c !== "");
}

/** Pieces no longer than `size`, each keeping its trailing separator, split at the coarsest separator that works. */
function atoms(text: string, size: number, level: number): string[] {
  if (text.length <= size) return text === "" ? [] : [text];
  const separator = SEPARATORS[level]!;
  if (separator === "") {
    const out: string[] = [];
    for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
    return out;
  }
  const parts = text.split(separator);
  return parts.flatMap((part, i) => atoms(i < parts.length - 1 ? part + separator : part, size, level + 1));
}
