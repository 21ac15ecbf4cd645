/**
 * @fileoverview The sandbox side of the oracle: bodies compiled through the real pipeline, as
 * `iceosc build` compiles them (the public `compileFiles` API, in process), and run through the
 * generated module's `run()`. Each body becomes a one-code-node workflow file; all the files of a
 * batch go to one `compileFiles` call, so a hundred bodies cost one build (the sandbox units of
 * one build share the compiler workers). A build with errors emits nothing, so the bodies it
 * refused are set aside and the rest is built again (their WASM then comes from the cache).
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { compileFiles, type Diagnostic, formatDiagnostic } from "../../src/index.js";
import { type Fields, yamlOf } from "./schema.js";

/** One body to compile. */
export interface SandboxBody {
  readonly body: string;
  readonly input: Fields;
  readonly output: Fields;
  readonly capabilities: readonly string[];
}

/** A compile-time refusal of one body: its diagnostics, formatted as the CLI prints them. */
export interface Refusal {
  readonly diagnostics: readonly {
    readonly code: string;
    readonly message: string;
    readonly text: string;
    readonly located: boolean;
  }[];
}

/** What building one body gave. */
export type BuildOutcome =
  | { readonly kind: "built"; run(input: unknown): Promise<SandboxOutcome> }
  | { readonly kind: "refused"; readonly refusal: Refusal }
  | { readonly kind: "crash"; readonly message: string };

/** What one run in the sandbox gave. */
export type SandboxOutcome =
  | { readonly kind: "returned"; readonly value: unknown }
  | { readonly kind: "failed"; readonly code: string; readonly message: string }
  /** Something other than a runtime error escaped `run()` (a defect of the generated module). */
  | { readonly kind: "internal"; readonly message: string };

/**
 * Out of time: "compiling sandboxed code took longer than N ms" (ICE3006), "the build's time for
 * compiling sandboxed code ran out" (ICE4012). On a busy machine these say more about the load
 * than about the body, as does "too expensive to type-check" (ICE3008) past the typer's deadline:
 * such bodies are built again (the units that did compile come from the
 * cache then, so every round makes progress) before they count as a CRASH.
 */
const OUT_OF_TIME = new Set(["ICE3006", "ICE3008", "ICE4012"]);
/** Diagnostic codes that mean the compiler itself failed, not that it refused the body. */
const INTERNAL_CODES = new Set(["ICE3005", "ICE3010", ...OUT_OF_TIME]);
/** Builds of a body that ran out of time before that counts as a CRASH. */
const TIMEOUT_RETRIES = 5;

/** Limits for oracle runs: generous, so only real differences show (never a slow machine). */
const RUN_LIMITS = { fuel: 2_000_000_000, memoryBytes: 256 * 1024 * 1024, timeoutMs: 120_000 };
/** The operator's ceilings (SPEC 8), raised to those limits. */
const RUN_POLICY = { maxFuel: RUN_LIMITS.fuel, maxMemoryMb: 256, maxTimeoutMs: RUN_LIMITS.timeoutMs };

/** The repository root (this file runs from `test/oracle/` or `dist/test/oracle/`). */
function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) dir = dirname(dir);
  return dir;
}
/** The runtime in this file's own form: its sources under vitest, `dist/runtime` when built. */
const RUNTIME_URL = import.meta.url.endsWith(".ts")
  ? pathToFileURL(join(repositoryRoot(), "runtime", "index.ts")).href
  : pathToFileURL(join(repositoryRoot(), "dist", "runtime", "index.js")).href;

/** The first line of a body in the workflow files written here. */
export const BODY_FIRST_LINE = 11;

/** The workflow around one body: inputs passed field by field, the node's whole output returned as `out`. */
export function workflowText(name: string, b: SandboxBody): string {
  const inputs = Object.keys(b.input).map((k) => `${k}: "{{ inputs.${k} }}"`);
  const lines = b.body.split("\n").map((l) => (l.length > 0 ? `      ${l}` : ""));
  return [
    `name: ${name}`,
    `input_schema: ${yamlOf(b.input)}`,
    "nodes:",
    "  - id: body",
    "    type: code",
    `    imports: [${b.capabilities.join(", ")}]`,
    `    inputs: ${inputs.length === 0 ? "{}" : `{ ${inputs.join(", ")} }`}`,
    `    input_schema: ${yamlOf(b.input)}`,
    `    output_schema: ${yamlOf(b.output)}`,
    "    code: |",
    ...lines,
    'outputs: { out: "{{ body }}" }',
    "",
  ].join("\n");
}

/**
 * `ORACLE_COMBINED=1`: the bodies compile twenty at a time as one program (as a workflow's code
 * nodes do, src/emit/wasm/combinedProgram.ts) rather than each alone (a one-node workflow's).
 */
const COMBINED = process.env.ORACLE_COMBINED === "1";
const combinedGroup = (workflow: string): string => `g${Math.floor(Number(workflow.slice(1)) / 20)}`;

/** Compiles `bodies` in one build (plus one rebuild without the refused ones), writing into `dir`. */
export async function buildBodies(
  bodies: readonly SandboxBody[],
  options: { readonly dir: string; readonly cacheDir: string },
): Promise<BuildOutcome[]> {
  const src = join(options.dir, "src");
  const out = join(options.dir, "out");
  mkdirSync(src, { recursive: true });
  mkdirSync(out, { recursive: true });
  const names = bodies.map((_, i) => `b${i}`);
  const paths = names.map((name, i) => {
    const path = join(src, `${name}.yaml`);
    writeFileSync(path, workflowText(name, bodies[i]!));
    return path;
  });
  const outcomes: (BuildOutcome | undefined)[] = bodies.map(() => undefined);
  let pending = names.map((_, i) => i);
  const attempts: number[] = [];
  // Each round builds everything pending, or sets aside at least one body, or counts one more
  // attempt for each body whose compile timed out (bounded by TIMEOUT_RETRIES).
  while (pending.length > 0) {
    let result: Awaited<ReturnType<typeof compileFiles>>;
    try {
      result = await compileFiles(
        pending.map((i) => paths[i]!),
        { runtimeSpecifier: RUNTIME_URL, cacheDir: options.cacheDir, ...(COMBINED && { sandboxGroup: combinedGroup }) },
      );
    } catch (error) {
      if (pending.length === 1) {
        outcomes[pending[0]!] = { kind: "crash", message: `compileFiles threw: ${messageOf(error)}` };
        break;
      }
      // Find the body that makes the compiler throw: build each on its own.
      for (const i of pending)
        outcomes[i] = (await buildBodies([bodies[i]!], { ...options, dir: join(options.dir, `solo${i}`) }))[0];
      break;
    }
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    if (errors.length === 0) {
      for (const workflow of result.workflows) {
        writeFileSync(join(out, `${workflow.name}.js`), workflow.js);
        for (const wasm of workflow.wasm) writeFileSync(join(out, wasm.fileName), wasm.bytes);
      }
      for (const i of pending) outcomes[i] = await loaded(join(out, `${names[i]}.js`));
      break;
    }
    const byBody = new Map<number, Diagnostic[]>();
    const unplaced: Diagnostic[] = [];
    for (const d of errors) {
      const i = d.span ? paths.indexOf(d.span.file.path) : -1;
      if (i < 0) unplaced.push(d);
      else byBody.set(i, [...(byBody.get(i) ?? []), d]);
    }
    if (byBody.size === 0) {
      const message = unplaced.map((d) => formatDiagnostic(d)).join("\n");
      for (const i of pending) outcomes[i] = { kind: "crash", message: `diagnostics naming no body: ${message}` };
      break;
    }
    for (const [i, ds] of byBody) {
      const timedOut = ds.every((d) => OUT_OF_TIME.has(d.code));
      if (timedOut) attempts[i] = (attempts[i] ?? 0) + 1;
      if (timedOut && (attempts[i] ?? 0) <= TIMEOUT_RETRIES) byBody.delete(i);
      else outcomes[i] = outcomeOf(ds, `${src}/`);
    }
    pending = pending.filter((i) => !byBody.has(i));
  }
  return outcomes.map((o) => o ?? { kind: "crash", message: "the oracle lost this body" });
}

/** A refusal (or a crash, for the compiler's internal errors); paths shown relative to `dir`. */
function outcomeOf(diagnostics: readonly Diagnostic[], dir: string): BuildOutcome {
  const format = (d: Diagnostic) => formatDiagnostic(d).split(dir).join("");
  const internal = diagnostics.find((d) => INTERNAL_CODES.has(d.code));
  if (internal) return { kind: "crash", message: format(internal) };
  return {
    kind: "refused",
    refusal: {
      diagnostics: diagnostics.map((d) => ({
        code: d.code,
        message: d.message,
        text: format(d),
        located: d.span !== undefined,
      })),
    },
  };
}

interface GeneratedModule {
  run(input: unknown, options?: object): Promise<Record<string, unknown>>;
}

async function loaded(path: string): Promise<BuildOutcome> {
  let module: GeneratedModule;
  try {
    module = (await import(pathToFileURL(path).href)) as GeneratedModule;
  } catch (error) {
    return { kind: "crash", message: `the generated module does not load: ${messageOf(error)}` };
  }
  return {
    kind: "built",
    async run(input) {
      try {
        const output = await module.run(input, { limits: RUN_LIMITS, policy: RUN_POLICY, builtins: false });
        return { kind: "returned", value: output.out };
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (typeof code === "string" && code.startsWith("ICE_"))
          return { kind: "failed", code, message: (error as Error).message };
        return { kind: "internal", message: messageOf(error) };
      }
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
