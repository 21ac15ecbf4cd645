/**
 * @fileoverview What the typer does with one job (typerWire.ts), wherever it runs: in the typer
 * worker (typerWorker.ts), or on the calling thread when there is no worker script to start (the
 * TypeScript sources run without a built dist/, typer.ts).
 */
import type { Diagnostic, SourceFile } from "../../diagnostics/index.js";
import type { SandboxUnit } from "../../lower/sandboxes.js";
import { lowerUnit, unitFacts } from "./lowerUnit.js";
import { checkCodeSyntax } from "./syntax.js";
import {
  bodyOf,
  toWire,
  type TyperAnswer,
  type TyperJob,
  type WirePlugin,
  type WireTool,
  type WireUnit,
  wireBody,
} from "./typerWire.js";

/** Files of the bodies seen, by path (one SourceFile per file while its text is unchanged). */
const files = new Map<string, SourceFile>();

function unitOf(wire: WireUnit): SandboxUnit {
  return { ...wire, body: bodyOf(wire.body, files) };
}

export async function runTyperJob(job: TyperJob): Promise<TyperAnswer> {
  switch (job.kind) {
    case "plugin":
      return plugin(job.module);
    case "syntax":
      return { diagnostics: checkCodeSyntax(bodyOf(job.body, files)).map(toWire) };
    case "facts": {
      const facts = unitFacts(unitOf(job.unit));
      return { diagnostics: [], ...(facts && { facts }) };
    }
    case "lower": {
      const lowered = lowerUnit(unitOf(job.unit));
      return {
        diagnostics: lowered.diagnostics.map(toWire),
        ...(lowered.source !== undefined && { source: lowered.source }),
        ...(lowered.facts && { facts: lowered.facts }),
      };
    }
  }
}

/** A plugin module's tools, typed and lowered; none unless every tool lowered. */
async function plugin(wire: WirePlugin): Promise<TyperAnswer> {
  // Loaded on the first plugin: a build of code nodes does not need it.
  const { lowerPluginTool, typePluginTools } = await import("../../plugin/lower.js");
  const module = { ...wire, body: bodyOf(wire.body, files) };
  const diagnostics: Diagnostic[] = [];
  const typed = typePluginTools(module, diagnostics);
  const tools: WireTool[] = [];
  for (const tool of typed ?? []) {
    const lowered = lowerPluginTool(module, tool, diagnostics);
    if (!lowered) continue;
    const { map, ...rest } = lowered;
    const { fileText: _, ...body } = wireBody(map.body);
    tools.push({ ...rest, body });
  }
  const complete = typed !== undefined && tools.length === typed.length;
  return { diagnostics: diagnostics.map(toWire), ...(complete && { tools }) };
}
