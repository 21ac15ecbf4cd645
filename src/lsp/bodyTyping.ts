/**
 * @fileoverview The language server's typing of code bodies, bounded like a build's
 * (SECURITY.md "Type-checking code bodies"): every unit goes to the typer worker
 * (src/emit/wasm/typer.ts) with a heap cap and a deadline per body, so a document of type-level
 * code gets ICE3008 on its body while the server's own thread keeps answering. Typing used to run
 * on the server's thread (precheck.ts): a few KB of recursive conditional types held the editor's
 * server for minutes or ended it out of memory. A document is typed by one job at a time; the
 * changes that arrive meanwhile are typed once, as their latest version. A body that ran past its
 * deadline or heap is remembered and not typed again while it is unchanged: every edit elsewhere in
 * the document re-typed it, each time for the whole deadline (red team 10).
 */
import { createDiagnostic, type Diagnostic, Diagnostics } from "../diagnostics/index.js";
import type { SandboxUnit } from "../lower/sandboxes.js";
import { defaultTypingLimits, type Typed, TypeSession, type TypingLimits } from "../emit/wasm/typer.js";

/** Per body: an editor's server should say "too expensive" sooner than a build (30 s). */
const LSP_BODY_MS = 10_000;

/**
 * The typer's diagnostics of `units`, within the build's limits, each body within 10 s unless the
 * environment sets the deadline (`$ICEOSC_COMPILE_TIMEOUT_MS` for a slow or loaded machine).
 */
export async function typeUnits(units: readonly SandboxUnit[]): Promise<Diagnostic[]> {
  if (units.length === 0) return [];
  const limits = defaultTypingLimits(units.length);
  const configured = process.env.ICEOSC_COMPILE_TIMEOUT_MS || process.env.ICEOSC_TYPING_LIMITS;
  const bodyMs = configured ? limits.bodyMs : Math.min(limits.bodyMs, LSP_BODY_MS);
  const session = new TypeSession({ ...limits, bodyMs });
  const typed = await Promise.all(units.map((unit) => typeOnce(session, unit, { ...limits, bodyMs })));
  return typed.flatMap((t) => t.diagnostics);
}

/** Bodies (with everything their typing depends on) that ran past the deadline or heap: their reason. */
const tooExpensive = new Map<string, string>();
/** How many such bodies are remembered (the oldest is forgotten first). */
const REMEMBERED_BODIES = 256;

async function typeOnce(session: TypeSession, unit: SandboxUnit, limits: TypingLimits): Promise<Typed> {
  const { nodeId, kind, inputType, outputType, capabilities, body } = unit;
  const key = JSON.stringify([
    limits.bodyMs,
    limits.memoryMb,
    nodeId,
    kind,
    inputType,
    outputType,
    capabilities,
    body.text,
  ]);
  const known = tooExpensive.get(key);
  if (known !== undefined)
    return { diagnostics: [createDiagnostic(Diagnostics.TypeCheckTooExpensive, body.span, [known])] };
  const typed = await session.lower(unit);
  // The session's shared budget or a crash says nothing about the body alone: typed again next time.
  if (typed.failure?.kind === "deadline" || typed.failure?.kind === "memory") {
    if (tooExpensive.size >= REMEMBERED_BODIES) tooExpensive.delete(tooExpensive.keys().next().value!);
    tooExpensive.set(key, `${typed.failure.reason}; not typed again until it changes`);
  }
  return typed;
}

/**
 * Runs `work` for a key (a document) one at a time: a request made while one runs is remembered,
 * and `work` runs once more after it, however many requests came.
 */
export class Coalescer {
  private readonly running = new Set<string>();
  private readonly again = new Set<string>();

  constructor(private readonly work: (key: string) => Promise<void>) {}

  request(key: string): void {
    if (this.running.has(key)) {
      this.again.add(key);
      return;
    }
    this.running.add(key);
    void this.loop(key);
  }

  private async loop(key: string): Promise<void> {
    try {
      do {
        this.again.delete(key);
        // A turn of the event loop first: a burst of changes already read is taken as one.
        await new Promise<void>((resolve) => setImmediate(resolve));
        await this.work(key);
      } while (this.again.has(key));
    } finally {
      this.running.delete(key);
    }
  }
}
