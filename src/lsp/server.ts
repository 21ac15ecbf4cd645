/**
 * @fileoverview `iceosc lsp`: the language server for .ice and workflow YAML files. Wires the
 * LSP requests to one module each (diagnostics, hover, completion, definition, symbols) over a
 * cache of per-document analyses. Diagnostics are published on open and on every change.
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
import { AnalysisCache } from "./analysis.js";
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

  const publish = (document: TextDocument) => {
    const analysis = analyses.get(document);
    void connection.sendDiagnostics({
      uri: document.uri,
      version: document.version,
      diagnostics: toLspDiagnostics(analysis.diagnostics, document),
    });
  };
  documents.onDidOpen((event) => publish(event.document));
  documents.onDidChangeContent((event) => publish(event.document));
  documents.onDidClose((event) => {
    analyses.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  const withDocument = <T>(uri: string, fallback: T, answer: (document: TextDocument) => T): T => {
    const document = documents.get(uri);
    return document ? answer(document) : fallback;
  };
  connection.onHover(({ textDocument, position }) =>
    withDocument(textDocument.uri, null, (d) => hoverAt(analyses.get(d), d, d.offsetAt(position))),
  );
  connection.onDefinition(({ textDocument, position }) =>
    withDocument(textDocument.uri, null, (d) => definitionAt(analyses.get(d), d, d.offsetAt(position))),
  );
  connection.onCompletion(({ textDocument, position }) =>
    withDocument(textDocument.uri, [], (d) => completionsAt(analyses.get(d), d.offsetAt(position))),
  );
  connection.onDocumentSymbol(({ textDocument }) =>
    withDocument(textDocument.uri, [], (d) => documentSymbols(analyses.get(d), d)),
  );

  documents.listen(connection);
  connection.listen();
}

/** The server over this process's stdin and stdout. */
export function serveStdio(version: string): void {
  serveLanguageClient(createConnection(ProposedFeatures.all, process.stdin, process.stdout), version);
}
