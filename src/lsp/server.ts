/**
 * @fileoverview `iceosc lsp`: the language server for .ice and workflow YAML files. Wires the
 * LSP requests to one module each (diagnostics, hover, completion, definition, symbols) over a
 * cache of per-document analyses. Diagnostics are published on open and on change: a document's
 * analysis and the typing of its code bodies (in the bounded typer worker, bodyTyping.ts) run
 * once at a time, on its latest version, while requests are answered from the analysis.
 */
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { sortDiagnostics } from "../diagnostics/index.js";
import { AnalysisCache, type Analysis } from "./analysis.js";
import { Coalescer, typeUnits } from "./bodyTyping.js";
import { completionsAt } from "./completion.js";
import { definitionAt } from "./definition.js";
import { toLspDiagnostics } from "./diagnostics.js";
import { hoverAt } from "./hover.js";
import { documentSymbols } from "./symbols.js";

/** Serves one client on `connection` until it exits. */
export function serveLanguageClient(connection: Connection, version = "0"): void {
  const documents = new TextDocuments(TextDocument);
  const analyses = new AnalysisCache();

  connection.onInitialize(
    (): InitializeResult => ({
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        definitionProvider: true,
        documentSymbolProvider: true,
        completionProvider: { triggerCharacters: [".", "{", "[", " "] },
      },
      serverInfo: { name: "iceosc", version },
    }),
  );

  /** The analysis, or undefined (logged) if the compiler failed on this text: a defect, never the user's. */
  const analysisOf = (document: TextDocument) => {
    try {
      return analyses.get(document);
    } catch (error) {
      connection.console.error(`iceosc: internal error analyzing ${document.uri}: ${(error as Error).stack ?? error}`);
      return undefined;
    }
  };
  const publisher = new Coalescer(async (uri) => {
    const document = documents.get(uri);
    const analysis = document && analysisOf(document);
    if (!document || !analysis) return;
    let typed: Awaited<ReturnType<typeof typeUnits>> = [];
    try {
      typed = await typeUnits(analysis.units);
    } catch (error) {
      connection.console.error(`iceosc: internal error typing ${uri}: ${(error as Error).stack ?? error}`);
    }
    // Diagnostics of a version the editor has replaced (or closed) meanwhile would be stale (the
    // document is updated in place: its version now is the latest one's).
    if (documents.get(uri)?.version !== analysis.version) return;
    void connection.sendDiagnostics({
      uri,
      version: analysis.version,
      diagnostics: toLspDiagnostics(sortDiagnostics([...analysis.diagnostics, ...typed]), document),
    });
  });
  documents.onDidOpen((event) => publisher.request(event.document.uri));
  documents.onDidChangeContent((event) => publisher.request(event.document.uri));
  documents.onDidClose((event) => {
    analyses.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  const withDocument = <T>(uri: string, fallback: T, answer: (document: TextDocument, analysis: Analysis) => T): T => {
    const document = documents.get(uri);
    const analysis = document && analysisOf(document);
    if (!document || !analysis) return fallback;
    try {
      return answer(document, analysis);
    } catch (error) {
      connection.console.error(`iceosc: internal error answering on ${uri}: ${(error as Error).stack ?? error}`);
      return fallback;
    }
  };
  connection.onHover(({ textDocument, position }) =>
    withDocument(textDocument.uri, null, (d, a) => hoverAt(a, d, d.offsetAt(position))),
  );
  connection.onDefinition(({ textDocument, position }) =>
    withDocument(textDocument.uri, null, (d, a) => definitionAt(a, d, d.offsetAt(position))),
  );
  connection.onCompletion(({ textDocument, position }) =>
    withDocument(textDocument.uri, [], (d, a) => completionsAt(a, d.offsetAt(position))),
  );
  connection.onDocumentSymbol(({ textDocument }) =>
    withDocument(textDocument.uri, [], (d, a) => documentSymbols(a, d)),
  );

  documents.listen(connection);
  connection.listen();
}

/** The server over this process's stdin and stdout. */
export function serveStdio(version: string): void {
  serveLanguageClient(createConnection(ProposedFeatures.all, process.stdin, process.stdout), version);
}
