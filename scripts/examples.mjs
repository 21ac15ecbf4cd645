// The README's main job: builds every example workflow (YAML into gen/, .ice into gen/ice/), then
// runs each example that has an input in examples/inputs/ through `iceosc run`, in both forms,
// as a user would. Exits non-zero if any step fails.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "dist", "src", "cli", "bin.js");

function iceosc(args) {
  console.log(`\n$ iceosc ${args.join(" ")}`);
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`iceosc ${args[0]} failed with exit code ${result.status}`);
    process.exit(1);
  }
}

// Examples whose tools come from sandboxed plugins (examples/plugins/), registered by the operator.
const PLUGINS = { titles: ["--plugin", "examples/plugins/slugify.ts", "--grant", "slugify=kv,log"] };

iceosc(["build", "examples", "--out-dir", "gen", "--plugins", "examples/plugins"]);
iceosc(["build", "examples/ice", "--out-dir", "gen/ice"]);
for (const file of readdirSync(join(root, "examples", "inputs")).sort()) {
  const name = basename(file, ".json");
  const extra = existsSync(join(root, "examples", "recordings", `${name}.json`))
    ? ["--replay", `examples/recordings/${name}.json`]
    : [];
  const common = [
    "--input",
    `@examples/inputs/${file}`,
    "--tools",
    "examples/tools.js",
    ...extra,
    ...(PLUGINS[name] ?? []),
  ];
  iceosc(["run", `examples/${name}.yaml`, ...common]);
  if (existsSync(join(root, "examples", "ice", `${name}.ice`))) iceosc(["run", `examples/ice/${name}.ice`, ...common]);
}
