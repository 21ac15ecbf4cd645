/**
 * @fileoverview The script a compiler worker runs (compileWorker.ts starts it), as plain JavaScript
 * text passed with `eval: true`, so it runs the same from TypeScript sources (tests) and from the
 * built `dist/`.
 *
 * The worker starts loading asc as soon as it starts (before its first unit arrives), and parses
 * AssemblyScript's standard library once per worker instead of once per unit (SHARED_PARSE_SOURCE):
 * asc parses ~50 library files (~900 KB with the code-node library) for every program, about a
 * third of a small unit's compile, and most of its garbage. Run from the built package, it also
 * loads meter.js and meters what it optimised when asked, so the main thread need not load binaryen.
 * binaryen itself is loaded split (binaryenSplit.ts): its WebAssembly decoded from index.js directly,
 * the 13 MB of JavaScript around it never parsed.
 *
 * A worker has one of two roles (workerData.role): `asc` compiles units to unoptimised modules with
 * the plan of their optimisation, and optimises units too; `optimizer` loads binaryen (and meter.js)
 * only and optimises (optimizeApart.ts). Messages: `{ id, source, files? }` compiles (answers `raw` and
 * `plan`, or diagnostics; `files`: the bodies of a combined program, combinedProgram.ts);
 * `{ id, raw, plan, meter, split? }` optimises (answers `binary`, `metered`; with `split`, the
 * combined module split into that many `parts`, each metered).
 */
import { BINARYEN_SPLIT_SOURCE } from "./binaryenSplit.js";
import { SPLIT_SOURCE } from "./combinedProgram.js";
import { OPTIMIZE_APART_SOURCE } from "./optimizeApart.js";

/**
 * `shareLibraryParses(as)`: patches `Parser.prototype.parseFile` of the `assemblyscript` module
 * (the instance asc uses) so that a library file (`~lib/...`, not an entry) parsed before, with the
 * same text, is not parsed again: its `Source` is added to the new program as it is, and the
 * parser's bookkeeping of the file's imports is replayed exactly as `parseFile` does it (import,
 * `export {...} from`, `export * from`; the three differ in whether the path is marked seen).
 * Sound because nothing after parsing writes to the AST: the program, resolver and compiler build
 * their own elements from it (the resolver's `currentlyResolving` flag is set and cleared within
 * one call; `debugInfoIndex` is written only with debug info, which asc is not asked for). A file
 * whose parse reported anything is not kept. Returns `{ reused() }`: Sources reused so far, and
 * `restore()`, which undoes the patch (tests).
 */
export const SHARED_PARSE_SOURCE = `
function shareLibraryParses(as) {
  const { Parser, NodeKind } = as;
  const parseFile = Parser.prototype.parseFile;
  const parsed = new Map();
  let reused = 0;
  const replayImports = (parser, source, statements) => {
    for (const s of statements) {
      if (s.kind === NodeKind.Import || (s.kind === NodeKind.Export && s.path)) {
        const path = s.internalPath;
        if (parser.seenlog.has(path)) continue;
        parser.dependees.set(path, { source, reportNode: s.path });
        parser.backlog.push(path);
        if (s.kind === NodeKind.Export && s.members) parser.seenlog.add(path);
      } else if (s.kind === NodeKind.NamespaceDeclaration) {
        replayImports(parser, source, s.members);
      }
    }
  };
  Parser.prototype.parseFile = function (text, path, isEntry) {
    if (isEntry || text == null || !path.startsWith("~lib/")) return parseFile.call(this, text, path, isEntry);
    const known = parsed.get(path);
    if (known === undefined || known.text !== text) {
      const diagnostics = this.diagnostics.length;
      const sources = this.sources.length;
      parseFile.call(this, text, path, isEntry);
      if (this.diagnostics.length === diagnostics && this.sources.length === sources + 1) {
        parsed.set(path, { text, source: this.sources[sources] });
      } else {
        parsed.delete(path);
      }
      return;
    }
    const source = known.source;
    const internalPath = source.internalPath;
    if (this.donelog.has(internalPath)) return;
    this.donelog.add(internalPath);
    this.seenlog.add(internalPath);
    this.sources.push(source);
    this.currentSource = source;
    this.currentModuleName = null;
    replayImports(this, source, source.statements);
    reused++;
  };
  return {
    reused: () => reused,
    restore: () => { Parser.prototype.parseFile = parseFile; },
  };
}
`;

export const WORKER_SOURCE = `
const { parentPort, workerData: w } = require("node:worker_threads");
// What asc prints (its crash report) goes to the parent as messages, not to the terminal.
for (const stream of [process.stdout, process.stderr]) {
  stream.write = (chunk, ...rest) => {
    parentPort.postMessage({ log: String(chunk) });
    const done = rest.find((r) => typeof r === "function");
    if (done) done();
    return true;
  };
}
${SHARED_PARSE_SOURCE}
${OPTIMIZE_APART_SOURCE}
${SPLIT_SOURCE}
${BINARYEN_SPLIT_SOURCE}
let shared = null;
let plans = null;
// files: the other files of a combined program (combinedProgram.ts), by name.
const compilerHost = (entrySource, extra, files) => ({
  readFile(name, baseDir) {
    if (baseDir === w.libDir) return w.libFiles[name] ?? null;
    if (name === w.entry) return entrySource;
    return (files && Object.hasOwn(files, name) && files[name]) || null;
  },
  writeFile() {},
  listFiles(dir) { return dir === w.libDir ? Object.keys(w.libFiles) : []; },
  ...extra,
});
// Start loading now, while the main thread still prepares units; a failure shows on the first job.
// Once loaded (the parent then knows binaryen is compiled), an asc worker parses the library for the
// programs to come: an empty program, stopped after parsing.
let meter = null;
let binaryen = null;
// binaryen's global options as a fresh instance has them. asc changes them (optimisation levels,
// stack IR, ...) and writing a module depends on some, so they are put back before metering: the
// worker's metered bytes are the main thread's.
let freshOptions = () => undefined;
const isAsc = w.role === "asc";
// binaryen without parsing its 13 MB of JavaScript (binaryenSplit.ts), for every importer of it.
serveBinaryenSplit(w.binaryenUrl, w.binaryenPath);
const loading = Promise.all([
  isAsc ? import(w.ascUrl) : null,
  isAsc ? import(w.assemblyscriptUrl) : null,
  import(w.binaryenUrl),
  w.meterUrl ? import(w.meterUrl).catch(() => null) : null,
]).then(async ([ascModule, as, binaryenModule, meterModule]) => {
  delete globalThis[BINARYEN_BYTES];
  binaryen = binaryenModule.default;
  const options = binaryenOptions(binaryen).map((k) => [binaryen["set" + k.slice(3)], binaryen[k]()]);
  freshOptions = () => { for (const [set, value] of options) set(value); binaryen.clearPassArguments(); };
  meter = meterModule;
  if (!isAsc) {
    parentPort.postMessage({ loaded: true });
    return null;
  }
  shared = shareLibraryParses(as);
  plans = capturePlans(as, binaryen);
  const asc = ascModule.default || ascModule;
  // Our allocator (allocator.ts) in place of the stub runtime's, before the first compile.
  (ascModule.libraryFiles || asc.libraryFiles)[w.allocatorKey] = w.allocatorSource;
  parentPort.postMessage({ loaded: true });
  try {
    await asc.main(w.flags, compilerHost("", {
      stdout: asc.createMemoryStream(),
      stderr: asc.createMemoryStream(),
      transforms: [{ afterParse() { throw new Error("parsed"); } }],
    }));
  } catch {}
  return asc;
}, (error) => {
  delete globalThis[BINARYEN_BYTES];
  parentPort.postMessage({ loaded: false });
  throw error;
});
loading.catch(() => undefined);
async function compile(asc, job) {
  const outputs = {};
  const diagnostics = [];
  const errors = [];
  const reusedBefore = shared.reused();
  plans.take();
  const result = await asc.main(w.flags, compilerHost(job.source, {
    writeFile(name, contents) { outputs[name] = contents; },
    stdout: asc.createMemoryStream(),
    stderr: asc.createMemoryStream((chunk) => { errors.push(String(chunk)); }),
    reportDiagnostic(d) {
      diagnostics.push({ category: d.category, code: d.code, message: d.message, path: d.range ? d.range.source.normalizedPath : "",
        start: d.range ? d.range.start : -1, end: d.range ? d.range.end : -1 });
    },
  }, job.files));
  const raw = outputs[w.outFile] || null;
  const plan = plans.take();
  const failed = diagnostics.some((d) => d.category === 3);
  const failure = (!raw && !failed) || (raw && !failed && !plan)
    ? { kind: "crash", message: (result.error ? result.error.message : raw ? "no optimisation plan" : "no output") + " " + errors.join("").slice(0, 2000) } : undefined;
  return { id: job.id, raw: failed ? null : raw, plan, diagnostics, failure, reusedSources: shared.reused() - reusedBefore };
}
function meterPart(job, binary) {
  // Metered here too when asked and meter.js loaded (compileWorker.ts, CompileLimits.meter).
  let metered = null;
  let meterError = null;
  if (job.meter && meter) {
    try {
      freshOptions();
      metered = meter.meterModule(binary);
    } catch (e) {
      meterError = { forbidden: e instanceof meter.ForbiddenInstructionError, message: e instanceof Error ? e.message : String(e) };
    }
  }
  return { binary, metered, meterError };
}
function optimize(job) {
  const binary = optimizeRaw(binaryen, job.raw, job.plan);
  // A combined program (combinedProgram.ts): one module per body, each metered on its own.
  if (job.split) {
    const parts = splitEntries(binaryen, binary, job.split, job.plan.features).map((part) => meterPart(job, part));
    return { id: job.id, parts };
  }
  return { id: job.id, ...meterPart(job, binary) };
}
parentPort.on("message", async (job) => {
  try {
    const asc = await loading;
    parentPort.postMessage(job.raw ? optimize(job) : await compile(asc, job));
  } catch (e) {
    parentPort.postMessage({ id: job.id, diagnostics: [], failure: { kind: "crash", message: String((e && e.stack) || e) } });
  }
});
`;
