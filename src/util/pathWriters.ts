/**
 * @fileoverview Whether anyone but this user (and root) can change what a folder's path leads to.
 * A private folder (privateFolder.ts) is private only if its path is too: another user who can
 * write a directory on the path, say `/tmp/shared` in `ICEOSC_CACHE_DIR=/tmp/shared/cache`, can
 * rename the folder away between the check and the use and put a link to a folder of their own in
 * its place, whose files the caches then trust (red team 11: a planted V8 code cache runs
 * unsandboxed; test/security/redTeam11CodeCache.test.ts).
 *
 * The rule is OpenSSH's for `~/.ssh` (StrictModes): every directory the path goes through, the
 * targets of its symbolic links included, must be owned by this user or root and writable by no
 * one else, unless it is sticky (like `/tmp`: others may not rename or remove what is not theirs).
 */
import { lstatSync, readlinkSync, realpathSync, type Stats } from "node:fs";
import { dirname, isAbsolute, join, parse, sep } from "node:path";

/** Links followed in one path at most (Linux's limit). */
const MAX_LINKS = 40;

/** Why another user could change where `path` leads (a directory on it and who may write it), or undefined. */
export function otherWriterOnPath(path: string): string | undefined {
  const uid = process.getuid?.();
  if (uid === undefined) return undefined;
  return walk(path, uid, { links: 0 });
}

/**
 * Checks every directory from the root of `path` to `path` itself, component by component as the
 * kernel looks it up: a link is followed where it is met and `..` is the parent of the directory
 * reached, not of the path as written (`current` is always a real path).
 */
function walk(path: string, uid: number, seen: { links: number }): string | undefined {
  const absolute = isAbsolute(path) ? path : `${process.cwd()}${sep}${path}`;
  const { root } = parse(absolute);
  let current = root;
  let reason = check(current, lstatSync(current), uid);
  for (const name of absolute.slice(root.length).split(sep)) {
    if (reason !== undefined) return reason;
    if (name === "" || name === ".") continue;
    if (name === "..") {
      current = dirname(current);
      continue;
    }
    const next = join(current, name);
    const stat = lstatSync(next);
    if (!stat.isSymbolicLink()) {
      reason = check(next, stat, uid);
      current = next;
      continue;
    }
    // The link itself can be changed only by whoever may write `current`, checked already.
    if (++seen.links > MAX_LINKS) return `'${next}' goes through too many symbolic links`;
    const link = readlinkSync(next);
    const target = isAbsolute(link) ? link : `${current}${sep}${link}`;
    reason = walk(target, uid, seen);
    if (reason === undefined) current = realpathSync(target);
  }
  return reason;
}

function check(dir: string, stat: Stats, uid: number): string | undefined {
  if (!stat.isDirectory()) return `'${dir}' on its path is not a directory`;
  if (stat.uid !== uid && stat.uid !== 0) return `'${dir}' on its path belongs to another user`;
  const sticky = (stat.mode & 0o1000) !== 0;
  if ((stat.mode & 0o022) !== 0 && !sticky) return `others may write to '${dir}' on its path`;
  return undefined;
}
