/**
 * @fileoverview Every code node of examples/*.yaml, the bodies users read first, read from the
 * example files themselves (so an edited example is checked as edited) and run on the example's
 * own inputs and awkward ones. A code node added to an example without inputs here fails the
 * corpus test: every example body is proven against JavaScript.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import type { OracleCase } from "../oracle.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

const TICKET_RAW = readJson<{ raw: string }>("examples/inputs/ticket_triage.json").raw;

const TICKET = {
  id: "T-1",
  customer: "ana@example.com",
  subject: "Site DOWN - outage!!",
  body: "Our site is down. Outage since 9am. Urgent urgent urgent.",
  opened: "2026-11-28T09:00:00Z",
  tags: ["vip", "web"],
};

/** Inputs per `<file without .yaml>/<node id>`. */
const INPUTS: { readonly [node: string]: readonly unknown[] } = {
  "word_stats/stats": [
    readJson("examples/inputs/word_stats.json"),
    { text: "" },
    { text: "  double  spaces  " },
    { text: "naïve café 😀 emoji-words and\ttabs\nnewlines" },
  ],
  "document_stats/user_script": [
    {
      docs: [
        { path: "a.md", text: "short" },
        { path: "b.txt", text: "a much longer text than the other one" },
      ],
      min_length: 10,
    },
    { docs: [], min_length: 0 },
    {
      docs: [
        { path: "same.md", text: "xx" },
        { path: "ünï.md", text: "xx" },
      ],
      min_length: -1,
    },
  ],
  "review_batch/score": [
    { text: "Great battery, love it!" },
    { text: "Slow, broken. Refund please." },
    { text: "" },
    { text: "GOOD good Good, bad." },
  ],
  "review_batch/tally": [
    {
      verdicts: [
        { id: "1", label: "positive" },
        { id: "2", label: "negative" },
        { id: "3", label: "neutral" },
      ],
    },
    { verdicts: [] },
    { verdicts: [{ id: "x", label: "Positive" }] },
  ],
  "review_verdict/label": [
    { score: 2, keywords: ["battery", "screen"] },
    { score: -1, keywords: [] },
    { score: 0, keywords: ["ünïcode"] },
  ],
  "sales_alert/totals": [
    {
      rows: [
        { region: "north", amount: 100.5 },
        { region: "south", amount: 3019 },
        { region: "north", amount: -0 },
      ],
    },
    { rows: [] },
    { rows: [{ region: "", amount: 1e21 }] },
  ],
  "ticket_triage/parse": [
    { raw: TICKET_RAW },
    { raw: "" },
    { raw: "id: only-header" },
    { raw: "no colon here\n\nbody\n\n\nwith blank lines\n-----\nid: T-9\ntags: a, ,b,\n\n---x" },
  ],
  "ticket_triage/urgency": [
    { t: TICKET, now: "2026-12-01T12:00:00Z" },
    { t: { ...TICKET, tags: [], opened: "not a date" }, now: "2026-12-01T12:00:00Z" },
    { t: { ...TICKET, subject: "", body: "down-down_down DOWN", opened: "2026-12-02" }, now: "2026-12-01" },
    { t: { ...TICKET, body: "refund ".repeat(50) }, now: "not a date" },
  ],
  "ticket_triage/rank": [
    {
      scored: [
        { id: "b", score: 7, reasons: ["refund×2"], ageHours: 1 },
        { id: "a", score: 7, reasons: [], ageHours: 2 },
        { id: "c", score: 43.5, reasons: ["outage×2", "vip"], ageHours: 75 },
        { id: "é", score: 0.05, reasons: [], ageHours: 0 },
      ],
    },
    { scored: [] },
    { scored: [{ id: "long-identifier", score: -1.25, reasons: [""], ageHours: 0 }] },
  ],
  "ticket_triage/escalate": [{ ids: ["T-1", "T-2"] }, { ids: [] }],
  "ticket_triage/calm": [{ n: 2 }, { n: -0 }, { n: 0.1 + 0.2 }],
};

type YamlNode = {
  readonly id: string;
  readonly type: string;
  readonly code?: string;
  readonly input_schema?: OracleCase["input"];
  readonly output_schema?: OracleCase["output"];
  readonly imports?: readonly string[];
  readonly body?: readonly YamlNode[];
  readonly branches?: readonly (YamlNode | readonly YamlNode[])[];
};

function readJson<T = unknown>(path: string): T {
  return JSON.parse(readFileSync(join(ROOT, path), "utf8")) as T;
}

function codeNodes(nodes: readonly YamlNode[] | undefined): YamlNode[] {
  return (nodes ?? []).flatMap((n) => [
    ...(n.type === "code" ? [n] : []),
    ...codeNodes(n.body),
    ...(n.branches ?? []).flatMap((b) => codeNodes(Array.isArray(b) ? b : [b as YamlNode])),
  ]);
}

function exampleCases(): OracleCase[] {
  const files = readdirSync(join(ROOT, "examples")).filter((f) => f.endsWith(".yaml"));
  return files.flatMap((file) => {
    const workflow = parse(readFileSync(join(ROOT, "examples", file), "utf8")) as { nodes: YamlNode[] };
    return codeNodes(workflow.nodes).map((node) => {
      const name = `${file.replace(/\.yaml$/, "")}/${node.id}`;
      const inputs = INPUTS[name];
      if (!inputs) throw new Error(`test/oracle/corpus/examples.ts: no inputs for the code node ${name}`);
      return {
        name: `examples/${name}`,
        body: node.code!,
        input: node.input_schema!,
        output: node.output_schema!,
        inputs,
        capabilities: node.imports ?? [],
      };
    });
  });
}

export const EXAMPLES: readonly OracleCase[] = exampleCases();
