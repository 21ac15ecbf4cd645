/**
 * The built-in file tools read only what the operator grants (README "Operator policy"): real paths (symlinks
 * resolved) inside the workflow's folder or an `--allow-read` directory, regular files only, read
 * with a byte limit. Attacks through `iceosc run` and through a generated module's `run()`:
 * symlinks beside the workflow to /etc/passwd and /dev/zero, `../`, a symlinked directory, a FIFO,
 * a directory, an oversized file, and a path swapped to a symlink while it is being read.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, renameSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readGrantedFile } from "../../runtime/tools/fileAccess.js";
import { iceosc, RUNTIME_URL, tempDir, writeFiles } from "../helpers/cli.js";
import { compileAndImport } from "../helpers/compile.js";

const runtime = (await import(RUNTIME_URL)) as typeof import("../../runtime/index.js");

const READER = `name: reader
input_schema: { path: string }
nodes:
  - id: read
    type: tool
    tool_name: read_file
    tool_args: { path: "{{ inputs.path }}" }
outputs: { text: "{{ read.text }}" }
`;

const PASSWD = readFileSync("/etc/passwd", "utf8");

/** A workflow folder with the reader and a readable file; `outside` is a sibling folder with a secret. */
function setUp(): { dir: string; outside: string; workflow: string } {
  const dir = writeFiles({ "reader.yaml": READER, "ok.txt": "inside" });
  const outside = tempDir("iceosc-outside-");
  writeFileSync(join(outside, "secret.txt"), "SECRET-OUTSIDE");
  return { dir, outside, workflow: join(dir, "reader.yaml") };
}

async function read(workflow: string, path: string, ...flags: string[]) {
  return iceosc(["run", workflow, "--input", JSON.stringify({ path }), ...flags]);
}

describe("iceosc run: file tools stay inside the granted directories", () => {
  it("reads a file in the workflow's folder, directly and through a symlink that stays inside", async () => {
    const { dir, workflow } = setUp();
    symlinkSync(join(dir, "ok.txt"), join(dir, "alias.txt"));
    for (const path of ["ok.txt", "alias.txt", join(dir, "ok.txt"), "./sub/../ok.txt"]) {
      const result = await read(workflow, path);
      expect(result.stderr, path).toBe("");
      expect(JSON.parse(result.stdout)).toEqual({ text: "inside" });
    }
  });

  it("refuses a symlink beside the workflow to /etc/passwd, naming the node and --allow-read", async () => {
    const { dir, workflow } = setUp();
    symlinkSync("/etc/passwd", join(dir, "passwd.txt"));
    const result = await read(workflow, "passwd.txt");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("ICE_CAPABILITY_DENIED");
    expect(result.stderr).toContain("'read'");
    expect(result.stderr).toContain("--allow-read");
    expect(result.stdout).toBe("");
    expect(result.stderr).not.toContain(PASSWD.slice(0, 20));
  });

  it("refuses ../, absolute paths and a symlinked directory that lead outside", async () => {
    const { dir, outside, workflow } = setUp();
    symlinkSync(outside, join(dir, "linked"));
    symlinkSync("/etc", join(dir, "etc"));
    const relativeOut = join("..", outside.split("/").pop()!, "secret.txt");
    for (const path of [relativeOut, join(outside, "secret.txt"), "linked/secret.txt", "etc/passwd", "/etc/passwd"]) {
      const result = await read(workflow, path);
      expect(result.code, path).toBe(1);
      expect(result.stderr, path).toContain("ICE_CAPABILITY_DENIED");
      expect(result.stdout + result.stderr, path).not.toContain("SECRET-OUTSIDE");
    }
    // A path outside as written is refused whether or not it exists (no probing outside).
    const missing = await read(workflow, join(outside, "no-such-file.txt"));
    expect(missing.stderr).toContain("ICE_CAPABILITY_DENIED");
  });

  it("reads a directory granted with --allow-read, but not a symlink out of it", async () => {
    const { outside, workflow } = setUp();
    symlinkSync("/etc/passwd", join(outside, "passwd"));
    const granted = await read(workflow, join(outside, "secret.txt"), "--allow-read", outside);
    expect(granted.stderr).toBe("");
    expect(JSON.parse(granted.stdout)).toEqual({ text: "SECRET-OUTSIDE" });
    const breakout = await read(workflow, join(outside, "passwd"), "--allow-read", outside);
    expect(breakout.stderr).toContain("ICE_CAPABILITY_DENIED");
  });

  it("refuses /dev/zero behind a symlink, FIFOs and directories without reading them", async () => {
    const { dir, workflow } = setUp();
    symlinkSync("/dev/zero", join(dir, "zero.txt"));
    execFileSync("mkfifo", [join(dir, "pipe.txt")]);
    mkdirSync(join(dir, "folder"));
    const before = process.memoryUsage().rss;
    const zero = await read(workflow, "zero.txt");
    expect(zero.stderr).toContain("ICE_CAPABILITY_DENIED");
    // Even with /dev granted, a device is not a regular file: refused before a byte is read.
    const granted = await read(workflow, "zero.txt", "--allow-read", "/dev");
    expect(granted.stderr).toContain("ICE_CAPABILITY_DENIED");
    expect(granted.stderr).toContain("not a regular file");
    for (const path of ["pipe.txt", "folder"]) {
      const result = await read(workflow, path); // a FIFO with no writer must not block the run
      expect(result.stderr, path).toContain("not a regular file");
    }
    expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 * 1024);
  });

  it("refuses a file larger than the limit without reading it whole", async () => {
    const { dir, workflow } = setUp();
    writeFileSync(join(dir, "huge.txt"), "");
    truncateSync(join(dir, "huge.txt"), 60 * 1024 * 1024); // sparse: costs no disk
    const result = await read(workflow, "huge.txt");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("larger than");
  });
});

describe("file tools: bounded reads and swapped paths", () => {
  it("stops reading at the limit even when the file's size says 0 (a /proc file)", async () => {
    const access = { baseDir: "/proc/self", readableDirs: ["/proc"] };
    const signal = new AbortController().signal;
    const whole = await readGrantedFile(access, "/proc/self/maps", "n", signal);
    expect(whole.length).toBeGreaterThan(100);
    await expect(readGrantedFile(access, "/proc/self/maps", "n", signal, 100)).rejects.toThrow("larger than 100 bytes");
  });

  it("never returns a file outside while the path is swapped between a file and a symlink", async () => {
    const { dir, outside } = setUp();
    const module = await compileAndImport({ "reader.yaml": READER }, "reader.yaml");
    // The generated module's folder is dir/out; grant dir (where the swapped path lives).
    const policy = { allowRead: [dir] };
    const builtins = { baseDir: dir };
    writeFileSync(join(dir, "plain"), "PLAIN");
    symlinkSync(join(outside, "secret.txt"), join(dir, "evil"));
    let swaps = 0;
    let stop = false;
    const tick = () => new Promise((r) => setImmediate(r));
    const swapper = (async () => {
      // `target` is by turns the regular file and the symlink to the secret, as fast as the loop allows.
      while (!stop) {
        renameSync(join(dir, "plain"), join(dir, "target"));
        await tick();
        renameSync(join(dir, "target"), join(dir, "plain"));
        renameSync(join(dir, "evil"), join(dir, "target"));
        await tick();
        renameSync(join(dir, "target"), join(dir, "evil"));
        swaps++;
      }
    })();
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) {
      try {
        const { text } = (await module.run({ path: "target" }, { builtins, policy })) as { text: string };
        seen.add(text);
      } catch (error) {
        expect(error).toBeInstanceOf(runtime.IceError);
        seen.add((error as InstanceType<typeof runtime.IceError>).code);
      }
    }
    stop = true;
    await swapper;
    expect(swaps).toBeGreaterThan(10);
    expect([...seen].filter((s) => s.includes("SECRET"))).toEqual([]);
    expect(seen.has("PLAIN") || seen.has("ICE_CAPABILITY_DENIED")).toBe(true);
  });
});
