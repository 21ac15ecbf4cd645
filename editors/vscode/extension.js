// @ts-check
/**
 * The VS Code client of `iceosc lsp`: starts the language server over stdio for .ice files and
 * workflow YAML files (the globs of `iceosc.yamlFiles`), and restarts it on request.
 */
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

/** @type {LanguageClient | undefined} */
let client;

/** @param {vscode.ExtensionContext} context */
async function activate(context) {
  const settings = vscode.workspace.getConfiguration("iceosc");
  const [command, ...prefix] = String(settings.get("path", "iceosc")).split(" ").filter(Boolean);
  const server = { command: command ?? "iceosc", args: [...prefix, "lsp", "--stdio"], transport: TransportKind.stdio };
  const yamlFiles = /** @type {string[]} */ (settings.get("yamlFiles", []));
  client = new LanguageClient(
    "iceosc",
    "iceosc",
    { run: server, debug: server },
    {
      documentSelector: [
        { scheme: "file", language: "ice" },
        ...yamlFiles.map((pattern) => ({ scheme: "file", language: "yaml", pattern })),
      ],
    },
  );
  context.subscriptions.push(vscode.commands.registerCommand("iceosc.restartServer", () => client?.restart()));
  await client.start();
}

function deactivate() {
  return client?.stop();
}

module.exports = { activate, deactivate };
