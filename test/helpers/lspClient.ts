/**
 * @fileoverview An LSP client for tests, driving the language server as an editor does: JSON-RPC
 * messages over a pair of in-process streams (or a spawned `iceosc lsp`'s stdio).
 */
import { PassThrough, type Readable, type Writable } from "node:stream";
import {
  createConnection,
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
  type Location,
  type MessageConnection,
  type PublishDiagnosticsParams,
} from "vscode-languageserver/node";
import { serveLanguageClient } from "../../src/lsp/server.js";

export interface Position {
  readonly line: number;
  readonly character: number;
}

export class LspClient {
  private readonly published = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: (() => void)[] = [];
  private readonly versions = new Map<string, number>();
  /** How many times diagnostics were published, by uri. */
  readonly publishes = new Map<string, number>();

  constructor(readonly rpc: MessageConnection) {
    rpc.onNotification("textDocument/publishDiagnostics", (params: PublishDiagnosticsParams) => {
      this.published.set(params.uri, params);
      this.publishes.set(params.uri, (this.publishes.get(params.uri) ?? 0) + 1);
      for (const wake of this.waiters.splice(0)) wake();
    });
    rpc.listen();
  }

  /** A client connected to a server running in this process. */
  static inProcess(): LspClient {
    const up = new PassThrough();
    const down = new PassThrough();
    serveLanguageClient(createConnection(new StreamMessageReader(up), new StreamMessageWriter(down)));
    return new LspClient(createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up)));
  }

  /** A client of a server reading `input` and writing `output` (a child process's stdio). */
  static over(output: Readable, input: Writable): LspClient {
    return new LspClient(createMessageConnection(new StreamMessageReader(output), new StreamMessageWriter(input)));
  }

  async initialize(): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.rpc.sendRequest("initialize", { processId: null, rootUri: null, capabilities: {} });
    await this.rpc.sendNotification("initialized", {});
    return result as { capabilities: Record<string, unknown> };
  }

  async open(uri: string, text: string, languageId = uri.endsWith(".ice") ? "ice" : "yaml"): Promise<Diagnostic[]> {
    this.versions.set(uri, 1);
    this.published.delete(uri);
    await this.rpc.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId, version: 1, text } });
    return this.diagnostics(uri, 1);
  }

  /** Replaces the whole text (a full-document change). */
  async change(uri: string, text: string): Promise<Diagnostic[]> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.rpc.sendNotification("textDocument/didChange", {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    return this.diagnostics(uri, version);
  }

  /** An incremental change: `text` replaces the range. */
  async edit(uri: string, range: { start: Position; end: Position }, text: string): Promise<Diagnostic[]> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.rpc.sendNotification("textDocument/didChange", {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
    return this.diagnostics(uri, version);
  }

  /** The diagnostics published for `version` of `uri` (waits for them). */
  async diagnostics(uri: string, version: number): Promise<Diagnostic[]> {
    for (;;) {
      const latest = this.published.get(uri);
      if (latest && (latest.version === undefined || latest.version >= version)) return latest.diagnostics;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.rpc.sendRequest("textDocument/hover", { textDocument: { uri }, position });
  }

  async completion(uri: string, position: Position): Promise<string[]> {
    const items = (await this.rpc.sendRequest("textDocument/completion", { textDocument: { uri }, position })) as
      | CompletionItem[]
      | { items: CompletionItem[] };
    return (Array.isArray(items) ? items : items.items).map((i) => i.label);
  }

  definition(uri: string, position: Position): Promise<Location | null> {
    return this.rpc.sendRequest("textDocument/definition", { textDocument: { uri }, position });
  }

  symbols(uri: string): Promise<DocumentSymbol[]> {
    return this.rpc.sendRequest("textDocument/documentSymbol", { textDocument: { uri } });
  }

  dispose(): void {
    this.rpc.dispose();
  }
}

/** The position of the `nth` occurrence of `needle` in `text` (plus `delta` characters). */
export function positionOf(text: string, needle: string, delta = 0, nth = 0): Position {
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`'${needle}' not in text`);
  }
  const offset = index + delta;
  const before = text.slice(0, offset);
  const line = before.split("\n").length - 1;
  return { line, character: offset - (before.lastIndexOf("\n") + 1) };
}
