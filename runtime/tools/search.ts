/**
 * @fileoverview `index_documents` and `search_documents`: a small in-memory vector index per run.
 * Embeddings are local by default — hashed bag-of-words weighted by TF-IDF over the indexed
 * chunks, deterministic and offline — or an OpenAI-compatible `/embeddings` API.
 */
import type { EmbeddingsOptions, ToolContext } from "../options.js";
import { numberArg, stringArg, optionalString, type Args } from "./args.js";

interface Entry {
  readonly id: string;
  readonly text: string;
  readonly source: string;
}

interface Index {
  readonly entries: Entry[];
  vectors: Float32Array[];
  /** Local embeddings: inverse document frequency per bucket. */
  idf?: Float32Array;
}

/** The indexes of one run, by name. */
export class VectorStore {
  private readonly indexes = new Map<string, Index>();
  constructor(private readonly embeddings: EmbeddingsOptions = { kind: "local" }) {}

  /** Adds chunks (`{ text, id?, source? }` or strings) to index `name`. */
  async add(name: string, items: readonly unknown[], signal: AbortSignal): Promise<number> {
    const index = this.indexes.get(name) ?? { entries: [], vectors: [] };
    items.forEach((item, i) => {
      const entry =
        typeof item === "string" ? { text: item } : (item as { text?: unknown; id?: unknown; source?: unknown });
      if (typeof entry?.text !== "string")
        throw new Error(`chunks[${i}] must be a string or an object with a string 'text'`);
      index.entries.push({
        text: entry.text,
        id: typeof entry.id === "string" ? entry.id : `${name}#${index.entries.length}`,
        source: typeof entry.source === "string" ? entry.source : "",
      });
    });
    const embeddings = this.embeddings;
    if (embeddings.kind === "local") {
      index.idf = inverseFrequencies(
        index.entries.map((e) => e.text),
        dimensions(embeddings),
      );
      index.vectors = index.entries.map((e) => localVector(e.text, index.idf!));
    } else {
      index.vectors.push(
        ...(await remoteVectors(
          embeddings,
          index.entries.slice(index.vectors.length).map((e) => e.text),
          signal,
        )),
      );
    }
    this.indexes.set(name, index);
    return index.entries.length;
  }

  /** The `topK` entries of index `name` closest to `query`, best first. */
  async search(name: string, query: string, topK: number, signal: AbortSignal): Promise<(Entry & { score: number })[]> {
    const index = this.indexes.get(name);
    if (!index)
      throw new Error(
        `no index named '${name}': call index_documents first (indexes: ${[...this.indexes.keys()].join(", ") || "none"})`,
      );
    const embeddings = this.embeddings;
    const q =
      index.idf || embeddings.kind === "local"
        ? localVector(query, index.idf!)
        : (await remoteVectors(embeddings, [query], signal))[0]!;
    return index.entries
      .map((entry, i) => ({ ...entry, score: round(cosine(q, index.vectors[i]!)) }))
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
      .slice(0, topK);
  }

  /** Which embeddings this store uses, e.g. `local-tfidf-512`. */
  get embeddingName(): string {
    return this.embeddings.kind === "local"
      ? `local-tfidf-${dimensions(this.embeddings)}`
      : `openai:${this.embeddings.model ?? "text-embedding-3-small"}`;
  }
}

export async function indexDocumentsTool(
  store: VectorStore,
  args: Args,
  context: ToolContext,
): Promise<{ index: string; count: number; embedding: string }> {
  const name = optionalString(args, "index") ?? "default";
  const items = args["chunks"] ?? args["texts"] ?? args["documents"];
  if (!Array.isArray(items))
    throw new Error("argument 'chunks' must be a list of chunks ({ text, id?, source? }) or strings");
  const count = await store.add(name, items, context.signal);
  return { index: name, count, embedding: store.embeddingName };
}

export async function searchDocumentsTool(
  store: VectorStore,
  args: Args,
  context: ToolContext,
): Promise<{ results: { id: string; text: string; source: string; score: number }[] }> {
  const name = optionalString(args, "index") ?? "default";
  const results = await store.search(
    name,
    stringArg(args, "query"),
    Math.max(1, Math.floor(numberArg(args, "top_k", 4))),
    context.signal,
  );
  return { results };
}

function dimensions(options: EmbeddingsOptions): number {
  return options.kind === "local" ? (options.dimensions ?? 1024) : 0;
}

const STOP_WORDS = new Set(
  "a about after all also an and any are as at be been before but by can could did do does for from had has have how i if in into is it its just may me my no not of on or our so than that the their them then there these they this to us was we were what when where which who why will with would you your".split(
    " ",
  ),
);

function tokens(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize("NFKD")
      .match(/[\p{L}\p{N}]+/gu) ?? []
  )
    .filter((t) => !STOP_WORDS.has(t))
    .map(stem);
}

/** A light suffix strip so `refunds`/`refunded`/`refund` meet. */
function stem(token: string): string {
  return token.length > 4 ? token.replace(/(ing|ed|es|s)$/, "") : token;
}

/** FNV-1a, 32 bits. */
function bucket(token: string, size: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) hash = Math.imul(hash ^ token.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % size;
}

function inverseFrequencies(texts: readonly string[], size: number): Float32Array {
  const df = new Float32Array(size);
  for (const text of texts) for (const b of new Set(tokens(text).map((t) => bucket(t, size)))) df[b]! += 1;
  const idf = new Float32Array(size);
  for (let i = 0; i < size; i++) idf[i] = Math.log((1 + texts.length) / (1 + df[i]!)) + 1;
  return idf;
}

function localVector(text: string, idf: Float32Array): Float32Array {
  const tf = new Float32Array(idf.length);
  for (const t of tokens(text)) tf[bucket(t, idf.length)]! += 1;
  for (let i = 0; i < tf.length; i++) if (tf[i]! > 0) tf[i] = (1 + Math.log(tf[i]!)) * idf[i]!;
  return normalize(tf);
}

async function remoteVectors(
  options: Extract<EmbeddingsOptions, { kind: "openai" }>,
  texts: readonly string[],
  signal: AbortSignal,
): Promise<Float32Array[]> {
  if (texts.length === 0) return [];
  const { default: OpenAI } = await import("openai");
  const client = new OpenAI({
    apiKey: options.apiKey ?? process.env["OPENAI_API_KEY"] ?? "not-needed",
    baseURL: options.baseURL ?? process.env["OPENAI_BASE_URL"] ?? "https://api.openai.com/v1",
    maxRetries: 2,
  });
  const reply = await client.embeddings.create(
    { model: options.model ?? "text-embedding-3-small", input: [...texts] },
    { signal },
  );
  return [...reply.data].sort((a, b) => a.index - b.index).map((d) => normalize(Float32Array.from(d.embedding)));
}

function normalize(vector: Float32Array): Float32Array {
  let sum = 0;
  for (const v of vector) sum += v * v;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < vector.length; i++) vector[i]! /= norm;
  return vector;
}

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) dot += a[i]! * b[i]!;
  return dot;
}

function round(score: number): number {
  return Math.round(score * 10_000) / 10_000;
}
