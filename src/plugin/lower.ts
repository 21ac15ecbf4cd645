/**
 * @fileoverview A plugin module to one AssemblyScript program per tool, with the code-node
 * pipeline (src/codenode): the module is typed once as an async body to read each tool's
 * signature and check the async rules (asyncRules.ts); then, per tool, the same body ends with
 * `return await tool(inputs)` in a virtual file whose `Inputs`/`Output` come from that signature,
 * and lowerBody prints it. The program gets the plugin host calls (pluginSupport.ts) appended.
 */
import type { ObjectType, SchemaType } from "../../runtime/schema.js";
import { lowerBody } from "../codenode/index.js";
import { NODE_FUNCTION, schemaTypeText } from "../codenode/declarations.js";
import { typeBody } from "../codenode/program.js";
import { createDiagnostic, Diagnostics, type Diagnostic } from "../diagnostics/index.js";
import { BodyMap } from "../emit/wasm/bodyMap.js";
import type { EmbeddedSource } from "../plan/node.js";
import { ts } from "../codenode/typescript.js";
import { checkAsyncRules } from "./asyncRules.js";
import { isReservedName } from "../emit/wasm/reservedNames.js";
import {
  PLUGIN_COMPILE_CAPABILITIES,
  PLUGIN_SYNTHETIC_NAMES,
  toolTypes,
  type PluginExport,
  type PluginModule,
} from "./module.js";
import { PLUGIN_SUPPORT_SOURCE } from "./pluginSupport.js";

/** One tool of a plugin, typed. */
export interface TypedTool {
  readonly export: PluginExport;
  readonly inputType: ObjectType;
  /** The module's output type: the result, or `{ value: result }` when `result` is set. */
  readonly outputType: ObjectType;
  /** Set when the tool returns something other than an object. */
  readonly result?: SchemaType;
  /** Set when the tool returns nothing (`void`): the module returns `{}`, the host undefined. */
  readonly returnsNothing?: true;
}

/** One tool lowered to an AssemblyScript program. */
export interface LoweredTool extends TypedTool {
  readonly source: string;
  readonly map: BodyMap;
}

const SUFFIX = "\n}\n";

/** Types the module and reads each tool's signature; undefined (with diagnostics) on errors. */
export function typePluginTools(module: PluginModule, diagnostics: Diagnostic[]): TypedTool[] | undefined {
  const map = new BodyMap(module.body);
  const head = `async function ${NODE_FUNCTION}(): Promise<void> {\n`;
  const found: Diagnostic[] = [];
  const typed = typeBody(`${head}${module.body.text}${SUFFIX}`, head.length, PLUGIN_COMPILE_CAPABILITIES, map, found);
  diagnostics.push(...found.map(pluginAdvice));
  if (!typed) return undefined;
  const before = diagnostics.length;
  checkAsyncRules(typed.checker, typed.node, (node, what, instead) =>
    diagnostics.push(
      createDiagnostic(
        Diagnostics.UnsupportedIdiom,
        map.spanOf(node.getStart() - typed.bodyStart, node.getEnd() - typed.bodyStart),
        [what, instead],
      ),
    ),
  );
  const reported = new Set<string>();
  const reserved = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && isReservedName(node.text) && !PLUGIN_SYNTHETIC_NAMES.has(node.text)) {
      if (!reported.has(node.text)) {
        reported.add(node.text);
        const at = node.getStart() - typed.bodyStart;
        diagnostics.push(
          createDiagnostic(Diagnostics.ReservedName, map.spanOf(at, at + node.text.length), [node.text]),
        );
      }
    }
    ts.forEachChild(node, reserved);
  };
  if (typed.node.body) reserved(typed.node.body);
  const tools: TypedTool[] = [];
  for (const exported of module.exports) {
    const fn = typed.node.body?.statements.find(
      (s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === exported.functionName,
    );
    const at = map.lineSpan(exported.line);
    if (!fn) {
      diagnostics.push(
        createDiagnostic(Diagnostics.PluginToolSignature, at, [exported.toolName, "its function cannot be found"]),
      );
      continue;
    }
    const types = toolTypes(typed.checker, fn);
    if (typeof types === "string") {
      diagnostics.push(createDiagnostic(Diagnostics.PluginToolSignature, at, [exported.toolName, types]));
      continue;
    }
    tools.push({ export: exported, ...types });
  }
  return diagnostics.length > before ? undefined : tools;
}

/** The AssemblyScript program of one tool; undefined (with diagnostics) when it cannot be lowered. */
export function lowerPluginTool(
  module: PluginModule,
  tool: TypedTool,
  diagnostics: Diagnostic[],
): LoweredTool | undefined {
  const call = tool.export.functionName;
  const args = tool.export.parameters > 0 ? "inputs" : "";
  const body: EmbeddedSource = {
    text: `${module.body.text}\n${
      tool.result
        ? `return { value: await ${call}(${args}) };`
        : tool.returnsNothing
          ? `await ${call}(${args}); return {};`
          : `return await ${call}(${args});`
    }`,
    lineOrigins: [...module.body.lineOrigins, tool.export.start],
    span: module.body.span,
  };
  const head = [
    interfaceText("Inputs", tool.inputType),
    interfaceText("Output", tool.outputType),
    "declare const inputs: Inputs;",
    `async function ${NODE_FUNCTION}(): Promise<Output> {\n`,
  ].join("\n");
  const file = { text: `${head}${body.text}${SUFFIX}`, bodyStart: head.length };
  const lowered = lowerBody(body, tool.inputType, tool.outputType, PLUGIN_COMPILE_CAPABILITIES, file);
  diagnostics.push(...lowered.diagnostics);
  if (lowered.source === undefined) return undefined;
  return { ...tool, source: `${lowered.source}\n${PLUGIN_SUPPORT_SOURCE}`, map: new BodyMap(body) };
}

/** A plugin reaching for the host's network gets pointed at its own capability. */
function pluginAdvice(diagnostic: Diagnostic): Diagnostic {
  if (diagnostic.code !== "ICE3003" || !/'(fetch|XMLHttpRequest|require|process)'/.test(diagnostic.message))
    return diagnostic;
  const name = /'([^']+)'/.exec(diagnostic.message)![1]!;
  return createDiagnostic(Diagnostics.PluginModuleForm, diagnostic.span, [
    `'${name}'`,
    name === "fetch" || name === "XMLHttpRequest"
      ? "use `await http.get(url)` or `await http.post(url, body)`, which the operator grants per host (--grant <plugin>=http:<host>)"
      : "a plugin reaches the host only through the capabilities the operator grants (http, kv, log, time, random)",
  ]);
}

function key(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}

function interfaceText(name: string, type: ObjectType): string {
  const fields = type.fields.map((f) => `  ${key(f.name)}${f.optional ? "?" : ""}: ${schemaTypeText(f.type)};`);
  return `interface ${name} {\n${fields.join("\n")}\n}`;
}
