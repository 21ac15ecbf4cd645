/**
 * @fileoverview `iceosc build ... --watch`: builds, then rebuilds whenever a workflow file (given,
 * in a given directory, or a sub-workflow they call) changes. A rebuild parses and checks
 * everything (milliseconds) but compiles only the sandboxed code that changed (the rest comes
 * from the WASM cache), and writes only output files whose contents changed. Each rebuild prints
 * one line with what it wrote and how long it took; errors print their diagnostics and the
 * previous output stays in place until the next good build. What it builds is what the paths
 * named led to when it started (watchedPaths.ts).
 */
import { watch, type FSWatcher } from "node:fs";
import { dirname, extname, resolve } from "node:path";
import { WORKFLOW_EXTENSIONS } from "../build/sources.js";
import { buildOnce, type BuildArgs, type BuildOutcome } from "./commands/build.js";
import { type CliIo, shownPath } from "./io.js";
import { watchedPaths } from "./watchedPaths.js";

const SETTLE_MS = 100;

/**
 * One build of the watch, as often as it is called: of what `named.paths` led to when this was
 * made (watchedPaths.ts), writing only the files that changed since `previous`.
 */
export function watchedBuild(
  io: CliIo,
  named: BuildArgs,
): { readonly args: BuildArgs; build(previous?: BuildOutcome["contents"]): Promise<BuildOutcome> } {
  const args = { ...named, paths: watchedPaths(named.paths) };
  return { args, build: (previous) => buildOnce(io, args, previous, "exact") };
}

export async function watchBuild(io: CliIo, named: BuildArgs): Promise<number> {
  const session = watchedBuild(io, named);
  const { args } = session;
  const watchers = new Map<string, FSWatcher>();
  const watched = new Set<string>();
  let previous: BuildOutcome["contents"] | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;

  const build = async (first: boolean): Promise<void> => {
    running = true;
    const started = performance.now();
    const outcome = await session.build(previous);
    const ms = Math.round(performance.now() - started);
    io.stderr(`${stamp()} ${summary(outcome, first, shownPath(io, args.outDir), ms)}\n`);
    if (outcome.status === 0) {
      previous = outcome.contents;
      for (const workflow of outcome.workflows) follow(resolve(workflow.sourcePath));
    }
    running = false;
    if (again) {
      again = false;
      schedule();
    }
  };
  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (running) again = true;
      else void build(false);
    }, SETTLE_MS);
  };
  /** Watches `path`'s directory (editors replace files, so watching the file itself misses saves). */
  const follow = (path: string, isDirectory = false): void => {
    if (isDirectory) watched.add(`${path}/*`);
    else watched.add(path);
    const dir = isDirectory ? path : dirname(path);
    if (watchers.has(dir)) return;
    try {
      const watcher = watch(dir, (_event, name) => {
        if (name === null) return schedule();
        const file = resolve(dir, name.toString());
        if (watched.has(file) || (watched.has(`${dir}/*`) && WORKFLOW_EXTENSIONS.includes(extname(file)))) schedule();
      });
      watchers.set(dir, watcher);
    } catch {
      // A path that does not exist yet: the build reports it; nothing to watch.
    }
  };

  const { statSync } = await import("node:fs");
  for (const full of args.paths) {
    let isDirectory = false;
    try {
      isDirectory = statSync(full).isDirectory();
    } catch {}
    follow(full, isDirectory);
  }
  await build(true);
  io.stderr(
    `${stamp()} watching ${named.paths.map((p) => shownPath(io, p)).join(", ")} for changes (Ctrl-C to stop)\n`,
  );
  return new Promise<number>((done) => {
    process.once("SIGINT", () => {
      for (const watcher of watchers.values()) watcher.close();
      done(0);
    });
  });
}

function summary(outcome: BuildOutcome, first: boolean, outDir: string, ms: number): string {
  if (outcome.status !== 0) return `build failed in ${ms} ms (watching for changes)`;
  const compiled = outcome.units - outcome.cached;
  const pieces = `${compiled} sandboxed piece${compiled === 1 ? "" : "s"} compiled, ${outcome.cached} from cache`;
  if (first) {
    const n = outcome.workflows.length;
    return `built ${n} workflow${n === 1 ? "" : "s"} into ${outDir} in ${ms} ms (${pieces})`;
  }
  if (outcome.written.length === 0) return `rebuilt in ${ms} ms: no output changed`;
  return `rebuilt in ${ms} ms: wrote ${outcome.written.join(", ")} (${pieces})`;
}

function stamp(): string {
  return `[${new Date().toTimeString().slice(0, 8)}]`;
}
