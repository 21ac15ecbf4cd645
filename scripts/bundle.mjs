// Bundles what a worker thread loads into one file per worker, after `tsc -b` (npm run build,
// prepare, and the test suite's global setup run it). Node's ES module loader costs ~1.5-2 ms of
// CPU per module it resolves, reads and links; the typer worker imports ~200 of our modules (the
// whole code-node lowering), so every fresh worker spent ~0.3-0.4 s there, on the longest chain of
// a cold build (the worker starts, loads TypeScript, then types every body). npm packages stay
// imports (resolved from the same folder as the unbundled file), so the bundle runs exactly the
// modules dist/ holds, in the same order. typer.ts starts the bundle when it is there.
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const dist = fileURLToPath(new URL("../dist/src/emit/wasm/", import.meta.url));

/** Entry (built by tsc) -> bundle, beside it. */
export const BUNDLES = [["typerWorker.js", "typerWorker.bundle.js"]];

export async function bundleWorkers() {
  for (const [entry, out] of BUNDLES) {
    await build({
      entryPoints: [dist + entry],
      outfile: dist + out,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      logLevel: "warning",
    });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleWorkers();
