/**
 * @fileoverview The one rule book for names a workflow gives (workflow name, node ids, loop item
 * variables, tool names, output names, input and schema field names), shared by both front ends.
 * A workflow's name becomes a file name (`<name>.js`, `<name>.<node>.wasm`) and an import
 * specifier; ids and fields become JavaScript property keys and AssemblyScript fields. Names are
 * therefore identifier-like, bounded in length, and never one of the words that reach into a
 * JavaScript object's prototype, nor (for workflows) a device name Windows reserves.
 *
 * Data keys (`tool_args`, `llm_config`, literal objects) are not names: any string is allowed
 * there, and the emitters print them safely (see src/emit/ts/names.ts).
 */
import { type DiagnosticBag, Diagnostics, type Span } from "../diagnostics/index.js";
import { walkNodes, type Workflow } from "../plan/index.js";

/** What a name names; the rule and the message depend on it. */
export type NameKind =
  | "workflow name"
  | "node id"
  | "loop item variable"
  | "tool name"
  | "output name"
  | "input name"
  | "field name";

interface NameRule {
  readonly pattern: RegExp;
  readonly maxLength: number;
  /** The allowed characters, for the message. */
  readonly describe: string;
}

const IDENTIFIER: NameRule = {
  pattern: /^[A-Za-z_][A-Za-z0-9_]*$/,
  maxLength: 128,
  describe: "use letters, digits and _, starting with a letter or _",
};

/** Keys of data (outputs, inputs, schema fields): identifiers, and `-` as JSON keys often have. */
const KEY: NameRule = {
  pattern: /^[A-Za-z_][A-Za-z0-9_-]*$/,
  maxLength: 128,
  describe: "use letters, digits, _ and -, starting with a letter or _",
};

const RULES: { readonly [kind in NameKind]: NameRule } = {
  "workflow name": {
    pattern: /^[A-Za-z_][A-Za-z0-9_-]*$/,
    maxLength: 64,
    describe: "it names the generated files: use letters, digits, _ and -, starting with a letter or _",
  },
  "tool name": {
    pattern: /^[A-Za-z_][A-Za-z0-9_.-]*$/,
    maxLength: 64,
    describe: "use letters, digits, _, - and ., starting with a letter or _",
  },
  "node id": IDENTIFIER,
  "loop item variable": IDENTIFIER,
  "output name": KEY,
  "input name": KEY,
  "field name": KEY,
};

/** Words that name (or reach) a JavaScript object's prototype. */
const PROTOTYPE_WORDS = new Set(["__proto__", "constructor", "prototype"]);

/** Words that are values in paths and in .ice, so never a node, item or output. */
const LITERAL_WORDS = new Set(["true", "false", "null"]);

/** Device names Windows reserves whatever the extension (`con.js` cannot be created there). */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9]|conin\$|conout\$)$/i;

/** Why `name` is not allowed as a `kind`, or undefined when it is. */
export function nameProblem(kind: NameKind, name: string): string | undefined {
  const rule = RULES[kind];
  if (name.length === 0) return "it is empty";
  if (name.length > rule.maxLength) return `it is ${name.length} characters long; the limit is ${rule.maxLength}`;
  if (!rule.pattern.test(name)) return rule.describe;
  if (PROTOTYPE_WORDS.has(name)) return "it is reserved (it names a JavaScript object's prototype)";
  if (kind === "workflow name" && WINDOWS_DEVICE.test(name)) return "it is a device name reserved on Windows";
  if (LITERAL_WORDS.has(name) && (kind === "node id" || kind === "loop item variable" || kind === "output name"))
    return "true, false and null are values, not names";
  return undefined;
}

/** Places already reported per bag: a name read twice (a code parameter is a field and an input) is reported once. */
const reported = new WeakMap<DiagnosticBag, Set<string>>();

/**
 * Reports ICE1011 (not identifier-like) or ICE1017 (any other reason) when `name` is not allowed
 * as a `kind`; returns whether it is allowed.
 */
export function checkName(bag: DiagnosticBag, kind: NameKind, name: string, at: Span | undefined): boolean {
  const problem = nameProblem(kind, name);
  if (problem === undefined) return true;
  const place = at ? `${at.file.path}:${at.start}:${at.end}` : `:${name}`;
  const seen = reported.get(bag) ?? new Set<string>();
  reported.set(bag, seen);
  if (seen.has(place)) return false;
  seen.add(place);
  if (problem === IDENTIFIER.describe && RULES[kind] === IDENTIFIER)
    bag.report(Diagnostics.BadIdentifier, at, [shownName(name), kind]);
  else bag.report(Diagnostics.BadName, at, [shownName(name), `${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind}`, problem]);
  return false;
}

/**
 * A name as a message shows it: control and format characters escaped (no terminal escapes or
 * line breaks from a workflow reach the console), and long names cut.
 */
export function shownName(name: string): string {
  const cut = name.length > 60 ? `${name.slice(0, 57)}...` : name;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: escaping control characters is the point
  return cut.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, (c) =>
    c === "\n" ? "\\n" : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/**
 * Checks every name of a parsed workflow that carries its place: the workflow's name, node ids,
 * loop item variables, tool names (nodes, agents, declarations), output names and the names of
 * values bound to code and sub-workflow inputs. Schema field names are checked by the front
 * ends' schema readers, where each field's place is known.
 */
export function checkWorkflowNames(workflow: Workflow, bag: DiagnosticBag): void {
  if (!workflow.nameSpan && nameProblem("workflow name", workflow.name) !== undefined)
    bag.report(Diagnostics.BadName, workflow.span, [
      shownName(workflow.name),
      "a workflow name (taken from the file name)",
      `${nameProblem("workflow name", workflow.name)}; rename the file or give the workflow a 'name:'`,
    ]);
  else checkName(bag, "workflow name", workflow.name, workflow.nameSpan ?? workflow.span);
  for (const tool of workflow.tools) checkName(bag, "tool name", tool.name, tool.span);
  for (const output of workflow.outputs) checkName(bag, "output name", output.key, output.keySpan);
  walkNodes(workflow.nodes, (node) => {
    checkName(bag, "node id", node.id, node.idSpan);
    switch (node.kind) {
      case "tool":
        checkName(bag, "tool name", node.toolName.name, node.toolName.span);
        break;
      case "agent":
      case "recursive":
        for (const tool of node.tools) checkName(bag, "tool name", tool.name, tool.span);
        break;
      case "loop":
        checkName(bag, "loop item variable", node.itemVar.name, node.itemVar.span);
        break;
      case "code":
      case "workflow":
        for (const input of node.inputs) checkName(bag, "input name", input.key, input.keySpan);
        break;
    }
  });
}
