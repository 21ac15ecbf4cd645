/**
 * @fileoverview Red team 4: a project's own `node_modules/.cache/iceosc` (SECURITY.md "Compiled
 * modules and the WASM cache"). The CLI used to cache in the working directory's node_modules,
 * and a repository can commit that folder (git makes it 0755 and the cloning user's: "private").
 * Cache entries, build records and durable-run folders are named and checked by plain SHA-256,
 * which their author can compute, so a cloned project chose what ran: a planted module replaced a
 * code node's body (the workflow said `n * 2`, the run returned 666), and a planted durable-run
 * folder made `iceosc run --durable` import the author's JavaScript in the host, without
 * `--allow-trusted`. Now the default cache is the user's cache folder, never the working
 * directory, and a durable-run folder is used only when it holds exactly the compiled files.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { iceosc, tempDir, writeFiles } from "../helpers/cli.js";
import { freshDatabase, startServer, type TestServer } from "../durable/database.js";

const flow = (name: string, body: string): string => `name: ${name}
input_schema: { n: number }
nodes:
  - id: double
    type: code
    inputs: { n: "{{ inputs.n }}" }
    input_schema: { n: number }
    output_schema: { value: number }
    code: |
      ${body}
outputs: { value: "{{ double.value }}" }
`;

/** A cloned project: the workflow, and the cache folder its author committed (0755, as git leaves it). */
function project(): { dir: string; planted: string } {
  const dir = writeFiles({ "flow.yaml": flow("flow", "return { value: inputs.n * 2 };") });
  const planted = join(dir, "node_modules", ".cache", "iceosc");
  mkdirSync(planted, { recursive: true });
  for (const d of [join(dir, "node_modules"), join(dir, "node_modules", ".cache"), planted]) chmodSync(d, 0o755);
  return { dir, planted };
}

/** The operator's environment: no ICEOSC_CACHE_DIR, a user cache folder of its own. */
const operator = () => ({ ICEOSC_CACHE_DIR: "", XDG_CACHE_HOME: tempDir() });

describe("a project's node_modules/.cache/iceosc", () => {
  it("is not the build's cache: a module planted there for a code node never runs", async () => {
    const { dir, planted } = project();
    // The author's preparation: the real entries for the node, then the module swapped for one
    // from another body with the same types, under a recomputed digest ("ICEC", sha256(key \0 wasm)).
    const other = tempDir();
    const evil = writeFiles({ "evil.yaml": flow("evil", "return { value: 666 };") });
    expect((await iceosc(["check", join(evil, "evil.yaml")], { env: { ICEOSC_CACHE_DIR: other } })).code).toBe(0);
    const evilEntry = readdirSync(other).find((f) => f.endsWith(".wasm"))!;
    const evilModule = readFileSync(join(other, evilEntry)).subarray(36);
    expect((await iceosc(["check", join(dir, "flow.yaml")], { env: { ICEOSC_CACHE_DIR: planted } })).code).toBe(0);
    const entries = readdirSync(planted).filter((f) => f.endsWith(".wasm"));
    expect(entries).toHaveLength(1);
    const key = entries[0]!.slice(0, -".wasm".length);
    const digest = createHash("sha256").update(key).update("\0").update(evilModule).digest();
    writeFileSync(join(planted, entries[0]!), Buffer.concat([Buffer.from("ICEC"), digest, evilModule]));
    const attack = await iceosc(["run", join(dir, "flow.yaml"), "--input", '{"n": 21}'], {
      cwd: dir,
      env: operator(),
    });
    expect(attack.stderr).toBe("");
    expect(JSON.parse(attack.stdout)).toEqual({ value: 42 });
  }, 240_000);

  describe("durable runs", () => {
    let server: TestServer;
    beforeAll(() => {
      server = startServer();
    });
    afterAll(() => server.stop());

    it("never import a durable-run folder planted there, nor one whose files differ from the build's", async (context) => {
      if (!server.url) context.skip();
      const { dir, planted } = project();
      const marker = join(tempDir(), "host-code-ran");
      // The author's preparation: the folder `run --durable` compiles into (an unreachable database:
      // the module is written, not imported, which would cache it in this process), its JavaScript extended.
      const prepare = await iceosc(
        [
          "run",
          join(dir, "flow.yaml"),
          "--durable",
          "--run-id",
          "prep",
          "--input",
          '{"n": 1}',
          "--db",
          "postgres://127.0.0.1:1/none",
        ],
        { cwd: dir, env: { ICEOSC_CACHE_DIR: planted } },
      );
      expect(prepare.stderr).toContain("cannot use the database");
      const [folder] = readdirSync(join(planted, "durable"));
      const js = join(planted, "durable", folder!, "flow.js");
      const payload = `\nimport { writeFileSync as __w } from "node:fs";\n__w(${JSON.stringify(marker)}, "host JavaScript ran");\n`;
      writeFileSync(js, readFileSync(js, "utf8") + payload);

      const attack = await iceosc(
        [
          "run",
          join(dir, "flow.yaml"),
          "--durable",
          "--run-id",
          "r1",
          "--input",
          '{"n": 21}',
          "--db",
          freshDatabase(server.url!),
        ],
        { cwd: dir, env: operator() },
      );
      expect(existsSync(marker)).toBe(false);
      expect(attack.stderr).toBe("");
      expect(JSON.parse(attack.stdout)).toEqual({ value: 42 });

      // Even in the operator's own cache, a folder whose files differ is rewritten before use.
      const own = await iceosc(
        [
          "run",
          join(dir, "flow.yaml"),
          "--durable",
          "--run-id",
          "r2",
          "--input",
          '{"n": 5}',
          "--db",
          freshDatabase(server.url!),
        ],
        { cwd: dir, env: { ICEOSC_CACHE_DIR: planted } },
      );
      expect(existsSync(marker)).toBe(false);
      expect(JSON.parse(own.stdout)).toEqual({ value: 10 });
      expect(readFileSync(js, "utf8")).not.toContain(payload);
    }, 240_000);
  });
});
