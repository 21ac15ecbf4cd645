// Builds every example workflow into gen/, then runs each one that has an input file in
// examples/inputs/ through the CLI, as a user would. Exits non-zero if any step fails.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "dist", "src", "cli", "bin.js");
const examples = join(root, "examples");

function iceosc(args) {
  console.log(`$ iceosc ${args.join(" ")}`);
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`iceosc ${args[0]} failed with exit code ${result.status}`);
    process.exit(1);
  }
}

iceosc(["build", "examples", "--out-dir", "gen"]);
for (const file of readdirSync(join(examples, "inputs")).sort()) {
  const name = basename(file, ".json");
  iceosc(["run", `examples/${name}.yaml`, "--input", `@examples/inputs/${file}`, "--tools", "examples/tools.js"]);
}
