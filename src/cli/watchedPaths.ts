/**
 * @fileoverview What `iceosc build --watch` builds: the paths named on the command line as they
 * were when it started, as real paths, read `exact` on every rebuild (runtime/regularFile.ts).
 *
 * Why: a named file is the operator's choice, link or not (src/build/sources.ts), but only when
 * named. Watching, every rebuild read the name again: `w.yaml` swapped for a link to
 * `~/secrets.yaml` (by a `git pull`, or whoever may write the tree) made the next rebuild read it
 * and quote a line of it in a diagnostic, a choice the operator never made (red team 11). A
 * rebuild now reads what the name led to at the start; a name leading elsewhere since is reported
 * (ICE4001), and restarting the watch takes it. An editor replacing the file keeps its real path.
 */
import { realpathSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

/** The real path of each of `paths` now; of one not there yet, its real folder's. */
export function watchedPaths(paths: readonly string[]): string[] {
  return paths.map((path) => {
    const full = resolve(path);
    try {
      return realpathSync(full);
    } catch {
      try {
        return join(realpathSync(dirname(full)), basename(full));
      } catch {
        return full;
      }
    }
  });
}
