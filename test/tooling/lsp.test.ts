/**
 * `iceosc lsp` (README "Command line"), driven as an editor drives it: initialize, didOpen/didChange of
 * broken .ice and YAML files, hover, completion, definition, document symbols. Diagnostic ranges
 * are checked against `iceosc check --format json` on the same file (the CLI is the oracle), and
 * inside code bodies against the position of the offending text.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Diagnostic } from "vscode-languageserver/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, iceosc, ROOT, writeFiles } from "../helpers/cli.js";
import { LspClient, positionOf } from "../helpers/lspClient.js";

const YAML = readFileSync(join(ROOT, "examples/word_stats.yaml"), "utf8");
const ICE = readFileSync(join(ROOT, "examples/ice/sales_alert.ice"), "utf8");

/** The CLI's diagnostics for `text`, as LSP ranges (0-based). */
async function cliDiagnostics(name: string, text: string): Promise<{ code: string; range: Diagnostic["range"] }[]> {
  const dir = writeFiles({ [name]: text });
  const result = await iceosc(["check", name, "--format", "json"], { cwd: dir });
  const rows = JSON.parse(result.stderr) as {
    code: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
  }[];
  return rows.map((r) => ({
    code: r.code,
    range: {
      start: { line: r.line - 1, character: r.column - 1 },
      end: { line: r.endLine - 1, character: r.endColumn - 1 },
    },
  }));
}

const brief = (ds: readonly Diagnostic[]) => ds.map((d) => ({ code: d.code, range: d.range }));

describe("iceosc lsp", () => {
  let client: LspClient;
  beforeAll(async () => {
    client = LspClient.inProcess();
    const init = await client.initialize();
    expect(init.capabilities).toMatchObject({ hoverProvider: true, definitionProvider: true });
  });
  afterAll(() => client.dispose());

  it("publishes no diagnostics for the examples", async () => {
    expect(await client.open("file:///w/word_stats.yaml", YAML)).toEqual([]);
    expect(await client.open("file:///w/sales_alert.ice", ICE)).toEqual([]);
  });

  it("reports YAML mistakes at the same ranges as iceosc check", async () => {
    const broken = YAML.replace("imports: [math]", "imprts: [math]").replace(
      "{{ stats.longest }}",
      "{{ stats.longst }}",
    );
    const published = await client.open("file:///w/broken.yaml", broken);
    expect(published.length).toBeGreaterThan(0);
    expect(brief(published)).toEqual(await cliDiagnostics("broken.yaml", broken));
    expect(published[0]!.range.start).toEqual(positionOf(broken, "imprts"));
  });

  it("reports .ice mistakes at the same ranges as iceosc check, the rest of the file still checked", async () => {
    const broken = ICE.replace('channel: "#sales"', "channel: totals.totl").replace(
      "tool sheet = read_csv(path: inputs.sheet)",
      "tool sheet = read_csv(path: inputs.sheeet)",
    );
    const published = await client.open("file:///w/broken.ice", broken);
    expect(published.map((d) => d.code)).toHaveLength(2);
    expect(brief(published)).toEqual(await cliDiagnostics("broken.ice", broken));
  });

  it("points into code bodies: YAML block scalars and .ice blocks", async () => {
    const yaml = YAML.replace("let longest = 0;", "let longest = = 0;");
    const [inYaml] = await client.open("file:///w/body.yaml", yaml);
    expect(inYaml?.range.start.line).toBe(positionOf(yaml, "let longest = = 0;").line);
    expect(inYaml?.range.start.character).toBeGreaterThan(positionOf(yaml, "let longest").character);
    expect(brief([inYaml!])).toEqual((await cliDiagnostics("body.yaml", yaml)).slice(0, 1));

    const ice = ICE.replace('    let top = "";', "    let top = Math.sqrt(2);");
    const published = await client.open("file:///w/body.ice", ice);
    const capability = published.find((d) => d.range.start.line === positionOf(ice, "Math.sqrt").line);
    expect(capability, JSON.stringify(published)).toBeDefined();
    expect(capability!.range.start.character).toBe(positionOf(ice, "Math.sqrt").character);
  });

  it("says so when a YAML code body is Python, inside the block scalar", async () => {
    const python = YAML.replace(
      /code: \|\n[\s\S]*?\noutputs/,
      'code: |\n      words = inputs["text"].split()\n      for w in words:\n          pass\n      return {"words": len(words)}\noutputs',
    );
    const published = await client.open("file:///w/python.yaml", python);
    expect(published.length).toBeGreaterThan(0);
    expect(published[0]!.range.start.line).toBeGreaterThanOrEqual(positionOf(python, "words = inputs").line);
    expect(published[0]!.message).toMatch(/Python/);
  });

  it("updates diagnostics on change (full and incremental)", async () => {
    const uri = "file:///w/edit.yaml";
    expect(await client.open(uri, YAML)).toEqual([]);
    const broken = YAML.replace("{{ stats.words }}", "{{ stats.wrds }}");
    const after = await client.change(uri, broken);
    expect(after).toHaveLength(1);
    expect(after[0]!.range.start.line).toBe(positionOf(broken, "stats.wrds").line);
    const at = positionOf(broken, "wrds");
    const fixed = await client.edit(uri, { start: at, end: { line: at.line, character: at.character + 4 } }, "words");
    expect(fixed).toEqual([]);
  });

  it("hovers a node with its kind and output type, and a reference with its type", async () => {
    const uri = "file:///w/word_stats.yaml";
    const node = await client.hover(uri, positionOf(YAML, "id: stats", 5));
    expect(JSON.stringify(node?.contents)).toContain("code node `stats`");
    expect(JSON.stringify(node?.contents)).toContain("{ words: integer, longest: integer }");
    const field = await client.hover(uri, positionOf(YAML, "type: code", 2));
    expect(JSON.stringify(field?.contents)).toContain("code node `stats`");
    expect(await client.hover(uri, positionOf(YAML, "const words", 2))).toBeNull();
    const ref = await client.hover(uri, positionOf(YAML, "stats.words", 7));
    expect(JSON.stringify(ref?.contents)).toContain("`stats.words`: `integer`");
    const iceRef = await client.hover("file:///w/sales_alert.ice", positionOf(ICE, "totals.total > inputs", 8));
    expect(JSON.stringify(iceRef?.contents)).toContain("`totals.total`: `number`");
    const input = await client.hover("file:///w/sales_alert.ice", positionOf(ICE, "inputs.threshold and", 8));
    expect(JSON.stringify(input?.contents)).toContain("`inputs.threshold`: `number`");
  });

  it("completes node ids after {{, fields after a node id, kinds, capabilities and tools", async () => {
    const uri = "file:///w/complete.yaml";
    const text = `${YAML.trimEnd()}\n`;
    await client.open(uri, text);
    const tail = text.replace('outputs: { words: "{{ stats.words }}"', 'outputs: { words: "{{ ');
    await client.change(uri, tail);
    const roots = await client.completion(uri, positionOf(tail, 'words: "{{ ', 11));
    expect(roots).toEqual(expect.arrayContaining(["stats", "inputs"]));
    const fields = tail.replace('words: "{{ ', 'words: "{{ stats.');
    await client.change(uri, fields);
    expect(await client.completion(uri, positionOf(fields, "{{ stats.", 9))).toEqual(["words", "longest"]);
    const kinds = fields.replace("type: code", "type: ");
    await client.change(uri, kinds);
    expect(await client.completion(uri, positionOf(kinds, "type: ", 6))).toEqual(
      expect.arrayContaining(["tool", "code", "condition", "loop", "parallel", "llm", "agent", "workflow"]),
    );
    const imports = kinds.replace("imports: [math]", "imports: [");
    await client.change(uri, imports);
    expect(await client.completion(uri, positionOf(imports, "imports: [", 10))).toEqual(
      expect.arrayContaining(["math", "json"]),
    );
  });

  it("completes .ice paths and tool names", async () => {
    const uri = "file:///w/complete.ice";
    const text = ICE.replace("output mean = totals.mean", "output mean = totals.");
    await client.open(uri, text);
    expect(await client.completion(uri, positionOf(text, "output mean = totals.", 21))).toEqual([
      "total",
      "mean",
      "top_region",
      "rows",
    ]);
    const tools = ICE.replace("tool sheet = read_csv(", "tool sheet = read_");
    await client.change(uri, tools);
    expect(await client.completion(uri, positionOf(tools, "tool sheet = read_", 18))).toEqual(
      expect.arrayContaining(["read_csv", "send_alert", "archive_report"]),
    );
  });

  it("goes from a reference to its node, and from a tool name to its declaration", async () => {
    const yaml = await client.definition("file:///w/word_stats.yaml", positionOf(YAML, "stats.longest", 2));
    expect(yaml?.range.start).toEqual(positionOf(YAML, "id: stats", 4));
    const ice = await client.definition("file:///w/sales_alert.ice", positionOf(ICE, "totals.top_region}", 3));
    expect(ice?.range.start).toEqual(positionOf(ICE, "totals(rows", 0));
    const branch = await client.definition("file:///w/sales_alert.ice", positionOf(ICE, "then [alert]", 7));
    expect(branch?.range.start).toEqual(positionOf(ICE, "alert = send_alert"));
    const tool = await client.definition("file:///w/sales_alert.ice", positionOf(ICE, "= read_csv(", 3));
    expect(tool?.range.start).toEqual(positionOf(ICE, "read_csv(path: string)"));
  });

  it("lists the workflow's declarations, nodes and outputs as document symbols", async () => {
    const [workflow] = await client.symbols("file:///w/sales_alert.ice");
    expect(workflow?.name).toBe("sales_alert");
    expect(workflow?.children?.map((c) => c.name)).toEqual([
      "read_csv",
      "send_alert",
      "archive_report",
      "sheet",
      "totals",
      "over_budget",
      "alert",
      "archive",
      "total",
      "mean",
      "top_region",
      "alerted",
    ]);
  });
});

describe("iceosc lsp over stdio", () => {
  it("serves a client on stdin/stdout and exits when told to", async () => {
    const child = spawn(process.execPath, [CLI, "lsp", "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
    const client = LspClient.over(child.stdout, child.stdin);
    await client.initialize();
    const uri = pathToFileURL(join(ROOT, "examples/word_stats.yaml")).href;
    const broken = YAML.replace("type: code", "type: cod");
    const [diagnostic] = await client.open(uri, broken);
    expect(diagnostic?.message).toContain("did you mean 'code'?");
    expect(diagnostic?.range.start).toEqual(positionOf(broken, "cod\n"));
    await client.rpc.sendRequest("shutdown");
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    await client.rpc.sendNotification("exit");
    expect(await exited).toBe(0);
    client.dispose();
  });
});
