/**
 * @fileoverview Red team 4: `iceosc worker` granted its working directory to the file tools of
 * every run it served (`builtins.baseDir` = cwd), while `iceosc run` grants only the workflow's
 * folder and `--allow-read`. A worker serves workflows it never saw, from anyone who can enqueue;
 * started from a home folder, it let a queued workflow `read_file` `.ssh/`, `.aws/credentials`,
 * anything below it. Now relative paths still resolve against the worker's directory, but only
 * `--allow-read` directories are read: the run fails with ICE_CAPABILITY_DENIED naming the flag,
 * and with `--allow-read` the same run reads the file.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir, writeFiles } from "../helpers/cli.js";
import { freshDatabase, startServer, type TestServer } from "../durable/database.js";
import { run, start } from "../durable/processes.js";

const READER = `name: reader
input_schema: { path: string }
nodes:
  - id: read
    type: tool
    tool_name: read_file
    tool_args: { path: "{{ inputs.path }}" }
outputs: { text: "{{ read.text }}" }
`;

describe("iceosc worker: file tools", () => {
  let server: TestServer;
  const workers: ReturnType<typeof start>[] = [];
  beforeAll(() => {
    server = startServer();
  });
  afterAll(() => {
    for (const w of workers) w.kill("SIGTERM");
    server.stop();
  });

  it("read only --allow-read directories, not the worker's working directory", {
    timeout: 300_000,
  }, async (context) => {
    if (!server.url) context.skip();
    const home = tempDir();
    writeFileSync(join(home, "secret.txt"), "id_rsa of the worker's user");
    const flows = writeFiles({ "reader.yaml": READER });
    const outcome = async (db: string, path: string): Promise<{ state: string; output?: unknown; error?: unknown }> => {
      const queued = await run(
        ["enqueue", join(flows, "reader.yaml"), "--db", db, "--input", JSON.stringify({ path })],
        {},
      );
      expect(queued.stderr).toBe("");
      const status = await run(["status", queued.stdout.trim(), "--db", db, "--wait", "120"], {});
      return JSON.parse(status.stdout) as { state: string; output?: unknown; error?: unknown };
    };

    const db = freshDatabase(server.url!);
    workers.push(start(["worker", "--db", db], {}, home));
    for (const path of ["secret.txt", join(home, "secret.txt")]) {
      const denied = await outcome(db, path);
      expect(JSON.stringify(denied)).not.toContain("id_rsa");
      expect(denied.state).toBe("ERROR");
      expect(JSON.stringify(denied.error)).toMatch(/ICE_CAPABILITY_DENIED.*--allow-read/);
    }

    const granted = freshDatabase(server.url!);
    workers.push(start(["worker", "--db", granted, "--allow-read", home], {}, home));
    expect(await outcome(granted, "secret.txt")).toMatchObject({
      state: "SUCCESS",
      output: { text: "id_rsa of the worker's user" },
    });
  });
});
