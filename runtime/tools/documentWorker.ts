/**
 * @fileoverview PDF and DOCX text extraction for `parse_document`, run in a worker thread with a
 * heap cap and a deadline. A document is input data (SECURITY.md "Built-in file tools"): a DOCX is
 * a zip, and a 600 KB one can inflate to hundreds of megabytes of XML that mammoth holds as a
 * DOM (gigabytes); a PDF's streams inflate the same way in pdf.js. Both parsers run long
 * synchronous stretches that no timer of the host's event loop can interrupt, so in-process the
 * node's timeout never fires and the whole host runs out of memory. In a worker, the V8 heap cap
 * ends the parse with ICE_MEMORY_LIMIT, the deadline (or the node's cancellation) terminates it
 * with ICE_TIMEOUT (or the cancellation's reason), and the host never holds more than the text.
 */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { IceError } from "../errors.js";

/** The largest heap a document's parse may use, in MiB (V8's old generation in the worker; its buffers, the same again). */
export const DOCUMENT_HEAP_MB = 512;
/** How long a document's parse may take, in ms. */
export const DOCUMENT_TIMEOUT_MS = 60_000;

/** What a parse gives back: the raw text, and a PDF's number of pages. */
export interface ExtractedText {
  readonly text: string;
  readonly pages?: number;
}

export interface ExtractOptions {
  readonly nodeId?: string;
  readonly signal?: AbortSignal;
  /** Overrides for tests; the defaults above otherwise. */
  readonly heapMb?: number;
  readonly timeoutMs?: number;
}

// Plain JavaScript: an eval'd worker loads no TypeScript, so it runs the same under vitest and from dist/.
// The heap cap does not bound typed arrays: pdf.js inflates a stream into a Uint8Array that doubles
// as it grows, outside the JavaScript heap (a 300 KB PDF: gigabytes). So before a parser is loaded,
// every ArrayBuffer and typed array constructor (and species, so slice/map) is wrapped: each
// megabyte-sized allocation, and each 16 MiB of smaller ones, measures the worker's buffers
// (process.memoryUsage().arrayBuffers is per worker); past the cap the parent is told and every
// further allocation throws until it terminates the worker (a parser catching errors goes nowhere).
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { kind, url, bytes, bufferBytes } = workerData;
let over = false;
let pending = 0;
const charge = (n) => {
  pending += n;
  if (!over && (n >= 1048576 || pending >= 16777216)) {
    pending = 0;
    if (process.memoryUsage().arrayBuffers + n > bufferBytes) {
      over = true;
      parentPort.postMessage({ ok: false, memory: true, message: "buffers past the cap" });
    }
  }
  if (over) throw new RangeError("parse_document: buffers past the memory cap");
};
const lengthOf = (arg) =>
  typeof arg === "number" ? arg : arg instanceof ArrayBuffer || ArrayBuffer.isView(arg) ? 0 : Number(arg?.length) || 0;
const counted = (C, bytesOf) => {
  const wrapped = new Proxy(C, {
    construct(target, args, newTarget) {
      charge(bytesOf(args));
      return Reflect.construct(target, args, newTarget);
    },
  });
  Object.defineProperty(C.prototype, "constructor", { value: wrapped, writable: true, configurable: true });
  globalThis[C.name] = wrapped;
};
counted(ArrayBuffer, (args) => Number(args[0]) || 0);
for (const C of [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  Float32Array, Float64Array, BigInt64Array, BigUint64Array])
  counted(C, (args) => lengthOf(args[0]) * C.BYTES_PER_ELEMENT);
(async () => {
  try {
    const loaded = await import(url);
    if (kind === "pdf") {
      const getDocumentProxy = loaded.getDocumentProxy ?? loaded.default?.getDocumentProxy;
      const pdf = await getDocumentProxy(new Uint8Array(bytes));
      const pages = [];
      for (let n = 1; n <= pdf.numPages; n++) {
        const content = await (await pdf.getPage(n)).getTextContent();
        // keep the PDF's line breaks: each text item says whether a line ends after it
        pages.push(content.items.map((item) => (item.str ?? "") + (item.hasEOL ? "\\n" : "")).join(""));
      }
      parentPort.postMessage({ ok: true, text: pages.join("\\n\\n"), pages: pdf.numPages });
    } else {
      const mammoth = loaded.default ?? loaded;
      const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
      parentPort.postMessage({ ok: true, text: value });
    }
  } catch (error) {
    parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
})();
`;

type Reply =
  | { readonly ok: true; readonly text: string; readonly pages?: number }
  | { readonly ok: false; readonly message: string; readonly memory?: true };

/** The text of a PDF (`unpdf`) or DOCX (`mammoth`) document, parsed in a capped worker. */
export function extractText(
  kind: "pdf" | "docx",
  path: string,
  bytes: Buffer,
  options: ExtractOptions = {},
): Promise<ExtractedText> {
  const heapMb = options.heapMb ?? DOCUMENT_HEAP_MB;
  const timeoutMs = options.timeoutMs ?? DOCUMENT_TIMEOUT_MS;
  const signal = options.signal;
  signal?.throwIfAborted();
  const url = parserUrl(kind === "pdf" ? "unpdf" : "mammoth");
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { kind, url, bytes: new Uint8Array(bytes), bufferBytes: heapMb * 1024 * 1024 },
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: Math.min(32, heapMb) },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new IceError(
              "ICE_TIMEOUT",
              `parse_document: '${path}' took longer than ${timeoutMs} ms to parse (a document that expands without bound is refused)`,
              options.nodeId,
            ),
          ),
        ),
      timeoutMs,
    );
    const onAbort = (): void => finish(() => reject(signal?.reason));
    signal?.addEventListener("abort", onAbort, { once: true });
    const tooBig = (): IceError =>
      new IceError(
        "ICE_MEMORY_LIMIT",
        `parse_document: '${path}' needs more than ${heapMb} MiB to parse (a compressed document that expands without bound is refused)`,
        options.nodeId,
      );
    worker.on("message", (reply: Reply) =>
      finish(() =>
        reply.ok
          ? resolve({ text: reply.text, ...(reply.pages !== undefined && { pages: reply.pages }) })
          : reject(
              reply.memory ? tooBig() : new Error(`cannot parse '${path}' as ${kind.toUpperCase()}: ${reply.message}`),
            ),
      ),
    );
    worker.on("error", (error: Error & { code?: string }) =>
      finish(() =>
        reject(
          error.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? tooBig()
            : new Error(`cannot parse '${path}' as ${kind.toUpperCase()}: ${error.message}`),
        ),
      ),
    );
    worker.on("exit", () =>
      finish(() => reject(new Error(`cannot parse '${path}' as ${kind.toUpperCase()}: the parser stopped`))),
    );
  });
}

/** The parser package's entry as a file URL (resolved here: the worker has no module context). */
function parserUrl(name: "unpdf" | "mammoth"): string {
  return pathToFileURL(createRequire(import.meta.url).resolve(name)).href;
}
