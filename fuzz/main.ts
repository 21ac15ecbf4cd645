/**
 * @fileoverview `npm run fuzz`: runs the fuzz targets (every `fuzz/targets/*.ts`, each
 * default-exporting a `FuzzTarget`), prints what each found and exits 1 when any found a failure.
 *
 *   npm run fuzz -- [--target NAME]... [--runs N] [--seed S] [--findings DIR]
 *
 * `--runs` overrides each target's default count; `--seed` defaults to the clock (printed, so a
 * run can be repeated); findings go to `fuzz/findings/<target>/` unless `--findings` says where.
 */
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { FuzzTarget } from "./target.js";

interface Args {
  readonly targets: string[];
  readonly runs?: number;
  readonly seed: number;
  readonly findings: string;
}

const here = dirname(fileURLToPath(import.meta.url));
/** The repository root: this file runs from `dist/fuzz/`. */
const root = join(here, "..", "..");

function parseArgs(argv: readonly string[]): Args {
  const targets: string[] = [];
  let runs: number | undefined;
  let seed = Date.now() % 1_000_000_007;
  let findings = join(root, "fuzz", "findings");
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    const number = () => {
      const n = Number(value);
      if (value === undefined || !Number.isSafeInteger(n) || n < 0) usage(`${flag} needs a non-negative integer`);
      i++;
      return n;
    };
    if (flag === "--target" && value !== undefined) {
      targets.push(value);
      i++;
    } else if (flag === "--runs") runs = number();
    else if (flag === "--seed") seed = number();
    else if (flag === "--findings" && value !== undefined) {
      findings = value;
      i++;
    } else usage(`unknown argument '${flag}'`);
  }
  return { targets, ...(runs !== undefined && { runs }), seed, findings };
}

function usage(problem: string): never {
  process.stderr.write(
    `npm run fuzz: ${problem}\nusage: npm run fuzz -- [--target NAME]... [--runs N] [--seed S] [--findings DIR]\n`,
  );
  process.exit(2);
}

async function loadTargets(): Promise<FuzzTarget[]> {
  const dir = join(here, "targets");
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".js"))
    .sort();
  const targets: FuzzTarget[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(join(dir, file)).href)) as { default?: FuzzTarget };
    if (module.default) targets.push(module.default);
  }
  return targets;
}

const args = parseArgs(process.argv.slice(2));
const all = await loadTargets();
const unknown = args.targets.filter((t) => !all.some((x) => x.name === t));
if (unknown.length > 0) usage(`unknown target '${unknown[0]}' (targets: ${all.map((t) => t.name).join(", ")})`);
const chosen = args.targets.length === 0 ? all : all.filter((t) => args.targets.includes(t.name));

process.stdout.write(`fuzz seed ${args.seed} (repeat with --seed ${args.seed})\n`);
let failed = false;
for (const target of chosen) {
  const runs = args.runs ?? target.defaultRuns;
  process.stdout.write(`\n== ${target.name}: ${target.description} (${runs} runs)\n`);
  const started = Date.now();
  const report = await target.run({
    runs,
    seed: args.seed,
    findingsDir: join(args.findings, target.name),
    log: (line) => process.stdout.write(`  ${line}\n`),
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(`  ${report.runs} runs, ${report.failures} failures, ${seconds} s\n`);
  if (report.summary) process.stdout.write(`  ${report.summary}\n`);
  if (report.failures > 0) failed = true;
}
process.exit(failed ? 1 : 0);
