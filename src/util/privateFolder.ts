/**
 * @fileoverview A folder private to this user, for caches others must not be able to plant files
 * in: created with mode 0700 and used only when it is a real directory (not a symlink), owned by
 * this user and writable by no one else, on a path no one else can change (pathWriters.ts: every
 * directory above it owned by this user or root and writable by no one else unless sticky).
 */
import { lstatSync, mkdirSync } from "node:fs";
import { otherWriterOnPath } from "./pathWriters.js";

/** A usable private folder, or why it is not usable. */
export type PrivateFolder =
  | { readonly kind: "ready"; readonly dir: string }
  | { readonly kind: "unusable"; readonly dir: string; readonly reason: string };

/** Creates (mode 0700) and checks `dir`. */
export function openPrivateFolder(dir: string): PrivateFolder {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = lstatSync(dir);
    if (!stat.isDirectory()) return { kind: "unusable", dir, reason: "it is not a directory" };
    const uid = process.getuid?.();
    if (uid !== undefined && stat.uid !== uid) return { kind: "unusable", dir, reason: "it belongs to another user" };
    if ((stat.mode & 0o022) !== 0) return { kind: "unusable", dir, reason: "others may write to it (chmod 700 it)" };
    // Another user who may write a directory above it can swap the folder after this check.
    const writer = otherWriterOnPath(dir);
    if (writer !== undefined) return { kind: "unusable", dir, reason: writer };
    return { kind: "ready", dir };
  } catch (error) {
    return { kind: "unusable", dir, reason: error instanceof Error ? error.message : String(error) };
  }
}
