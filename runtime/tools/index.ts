/**
 * @fileoverview The built-in tools every run has unless `options.builtins` is `false`; tools in
 * `options.tools` with the same name win. Each carries a description and a JSON schema, offered to
 * agents that name it without a declaration in the workflow's `tools:` map.
 */
import type { BuiltinToolOptions, ToolFunction } from "../options.js";
import type { FileAccess } from "./fileAccess.js";
import { chunkTextTool } from "./chunk.js";
import { parseDocumentsTool } from "./documents.js";
import { readCsvTool, readFileTool } from "./files.js";
import { httpRequestTool } from "./http.js";
import { indexDocumentsTool, searchDocumentsTool, VectorStore } from "./search.js";

export { hostAllowed } from "./http.js";
export { splitText } from "./chunk.js";
export { parseDocument, type ParsedDocument } from "./documents.js";
export { VectorStore } from "./search.js";

/** A built-in tool: the function and how it is described to models and to the checker. */
export interface BuiltinTool {
  readonly description: string;
  /** JSON schema of the arguments. */
  readonly parameters: object;
  /** JSON schema of the result (the checker types references to the tool's output with it). */
  readonly returns: object;
  readonly run: ToolFunction;
}

const str = { type: "string" };
const num = { type: "number" };
const int = { type: "integer" };
const bool = { type: "boolean" };
const list = (items: object): object => ({ type: "array", items });
const paths = { description: "a path or a list of paths", anyOf: [str, { type: "array", items: str }] };
const object = (properties: Record<string, object>, required: string[]): object => ({
  type: "object",
  properties,
  required,
});

/** The built-in tools, with their own state (the search indexes) for one run. */
export function builtinTools(options: BuiltinToolOptions = {}): Record<string, BuiltinTool> {
  // Without a folder from the app, relative paths still resolve against the working directory,
  // but it is no grant (SPEC 8: defaults are safe): an app importing a generated module would
  // otherwise hand every workflow the folder it was started in.
  const baseDir = options.baseDir ?? process.cwd();
  const baseReadable = options.baseDir !== undefined && options.baseDirReadable !== false;
  const access: FileAccess = {
    baseDir,
    readableDirs: [...(baseReadable ? [baseDir] : []), ...(options.readableDirs ?? [])],
  };
  const store = new VectorStore(options.embeddings);
  const parse: BuiltinTool = {
    description:
      "Extract the text of documents (plain text, Markdown, PDF, DOCX). Returns { documents: [{ path, format, title, text, pages? }], text }.",
    parameters: object({ path: paths, paths, file_paths: paths }, []),
    returns: object(
      {
        documents: list(
          object({ path: str, format: str, title: str, text: str, pages: int }, ["path", "format", "title", "text"]),
        ),
        text: str,
      },
      ["documents", "text"],
    ),
    run: (args, context) => parseDocumentsTool(access, args, context),
  };
  return {
    read_file: {
      description: "Read a text file. Returns { path, text, bytes }.",
      parameters: object({ path: str, encoding: str }, ["path"]),
      returns: object({ path: str, text: str, bytes: int }, ["path", "text", "bytes"]),
      run: (args, context) => readFileTool(access, args, context),
    },
    read_csv: {
      description: "Read a CSV file with a header row (or CSV text). Returns { columns, rows }, numbers cast.",
      parameters: object({ path: str, text: str, delimiter: str, cast: bool }, []),
      returns: object({ columns: list(str), rows: list({ type: "object" }) }, ["columns", "rows"]),
      run: (args, context) => readCsvTool(access, args, context),
    },
    http_request: {
      description: "Make an HTTP request to an allowed host. Returns { status, ok, headers, text, json? }.",
      parameters: object(
        { url: str, method: str, headers: { type: "object" }, body: str, json: {}, timeout_seconds: num },
        ["url"],
      ),
      returns: object({ status: int, ok: bool, headers: { type: "object" }, text: str, json: {} }, [
        "status",
        "ok",
        "headers",
        "text",
      ]),
      run: (args, context) => httpRequestTool(options.allowedHosts ?? [], args, context),
    },
    parse_document: parse,
    document_parser: parse,
    chunk_text: {
      description:
        "Split text (or documents [{ path, text }]) into overlapping chunks. Returns { chunks: [{ id, text, source, index }] }.",
      parameters: object(
        {
          text: str,
          documents: { type: "array", items: object({ path: str, text: str }, ["text"]) },
          chunk_size: num,
          overlap: num,
        },
        [],
      ),
      returns: object(
        { chunks: list(object({ id: str, text: str, source: str, index: int }, ["id", "text", "source", "index"])) },
        ["chunks"],
      ),
      run: (args) => chunkTextTool(args),
    },
    index_documents: {
      description: "Embed chunks into a named in-memory search index. Returns { index, count, embedding }.",
      parameters: object(
        { index: str, chunks: { type: "array", items: object({ id: str, text: str, source: str }, ["text"]) } },
        ["chunks"],
      ),
      returns: object({ index: str, count: int, embedding: str }, ["index", "count", "embedding"]),
      run: (args, context) => indexDocumentsTool(store, args, context),
    },
    search_documents: {
      description:
        "Semantic search over a named index built by index_documents. Returns { results: [{ id, text, source, score }] }, best first.",
      parameters: object({ query: str, index: str, top_k: num }, ["query"]),
      returns: object(
        { results: list(object({ id: str, text: str, source: str, score: num }, ["id", "text", "source", "score"])) },
        ["results"],
      ),
      run: (args, context) => searchDocumentsTool(store, args, context),
    },
  };
}

/** The built-in tools as plain tool functions (what `options.tools` holds). */
export function builtinToolFunctions(options: BuiltinToolOptions = {}): Record<string, ToolFunction> {
  return Object.fromEntries(Object.entries(builtinTools(options)).map(([name, tool]) => [name, tool.run]));
}
