// What the app keeps on disk (the embedded database, its lock, the mail outbox, all under
// `.data/` by default) holds emails, password hashes and mailed links: only the app's own
// user may read it. Modes are set at every start, which also tightens a tree made earlier
// under a looser umask, and files made afterwards are private by the process's umask
// (docs/decisions/0025-embedded-database-owner.md).
import "server-only";
import { chmodSync, lstatSync, readdirSync, realpathSync } from "node:fs";
import { isMainThread } from "node:worker_threads";
import path from "node:path";

/** Where the app's own files live unless configured elsewhere (lib/env.ts's defaults). */
export const LOCAL_DATA_DIR = ".data";

/**
 * From now on this process creates files 0600 and directories 0700 unless it says
 * otherwise: PGlite makes new files (WAL segments, tables, pg_internal.init) as it runs.
 */
export function keepNewFilesPrivate(): void {
  // Worker threads share the process's umask and may not set it.
  if (isMainThread) process.umask(0o077);
}

/**
 * Makes `target` and everything under it 0700 (directories) or 0600 (files); absent is
 * fine. `target` itself may be a symbolic link (`.data` on a mounted volume); links
 * inside it are left alone, since chmod would change whatever they point at.
 */
export function makePrivate(target: string): void {
  let root: string;
  try {
    root = realpathSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  tighten(root);
}

function tighten(file: string): void {
  try {
    const stat = lstatSync(file);
    if (stat.isSymbolicLink()) return;
    const mode = stat.isDirectory() ? 0o700 : 0o600;
    if ((stat.mode & 0o777) !== mode) chmodSync(file, mode);
    if (stat.isDirectory()) for (const entry of readdirSync(file)) tighten(path.join(file, entry));
  } catch (error) {
    // A file the database removed meanwhile (a recycled WAL segment) needs no mode.
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}
