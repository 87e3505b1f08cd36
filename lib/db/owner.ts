// The embedded database has one owner process (docs/decisions/0025-embedded-database-owner.md):
// PGlite has no lock of its own, and two processes writing one data directory lose data.
// The owner holds `<dataDir>.lock`, a file naming it (lib/db/lock-file.ts). A lock whose
// process no longer runs is stale and is taken over; a worker that `npm start`'s primary
// forked uses its parent's (the primary migrates, closes, and keeps the lock).
import "server-only";
import cluster from "node:cluster";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { createLock, readLock, removeFile, removeOwnLock, replaceLock, type Lock } from "@/lib/db/lock-file";
import { isRunning, type OwnerProcess } from "@/lib/db/owner-process";

export class DatabaseInUseError extends Error {
  override name = "DatabaseInUseError";
}

type Hold = { count: number; lockFile: string; lent: boolean };
// On globalThis: Next's module reloads and its bundle see the holds server.ts took.
const globals = globalThis as typeof globalThis & { __pgliteHolds?: Map<string, Hold> };
const holds = (globals.__pgliteHolds ??= new Map());

/**
 * Makes this process the owner of the embedded database at `dataDir` until every claim's
 * release has been called, or the process exits. Throws DatabaseInUseError, whose message
 * is the one line to show, when another running process owns it.
 */
export function claimDataDir(dataDir: string): () => void {
  const key = path.resolve(/* turbopackIgnore: true */ dataDir);
  const hold = holds.get(key) ?? acquire(key);
  holds.set(key, hold);
  hold.count++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--hold.count > 0) return;
    holds.delete(key);
    if (!hold.lent) removeOwnLock(hold.lockFile);
  };
}

function acquire(dataDir: string): Hold {
  releaseOnExit();
  mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o700 });
  const lockFile = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 200; attempt++) {
    if (createLock(lockFile)) return { count: 0, lockFile, lent: false };
    const found = readLock(lockFile);
    if (!found) continue;
    const { owner } = found;
    // The same pid and start time as this process, yet no hold here: a lock this process
    // never wrote (a container's pid 1 again, after a SIGKILL). Stale like the others.
    if (owner && owner.pid !== process.pid && isRunning(owner)) {
      if (cluster.isWorker && owner.pid === process.ppid) return { count: 0, lockFile, lent: true };
      throw new DatabaseInUseError(inUse(dataDir, owner));
    }
    if (takeOver(lockFile, found)) return { count: 0, lockFile, lent: false };
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
  }
  throw new Error(`Could not take ${lockFile}: it keeps changing`);
}

function inUse(dataDir: string, owner: OwnerProcess): string {
  const shown = path.relative(/* turbopackIgnore: true */ process.cwd(), dataDir);
  const name = shown.startsWith("..") || path.isAbsolute(shown) ? dataDir : shown;
  const command = owner.command ? ` (${owner.command})` : "";
  return `The embedded database ${name} is in use by process ${owner.pid}${command}; stop it first, or set DATABASE_URL`;
}

/**
 * Replaces a stale lock with this process's. A second lock, `<lock>.takeover`, lets one
 * process at a time do it, and the stale lock must still be the very file judged stale
 * (same inode and contents): of several processes that found it stale at once, one wins.
 */
function takeOver(lockFile: string, stale: Lock): boolean {
  const guard = `${lockFile}.takeover`;
  if (!createLock(guard)) {
    const holder = readLock(guard);
    // Its taker died within the few statements below: the guard is stale in turn.
    if (holder && !(holder.owner && isRunning(holder.owner)) && readLock(guard)?.ino === holder.ino) removeFile(guard);
    return false;
  }
  try {
    const now = readLock(lockFile);
    if (!now || now.ino !== stale.ino || now.text !== stale.text) return false;
    // A rename over it: the lock file never disappears, so no one can create it meanwhile.
    replaceLock(lockFile);
    return true;
  } finally {
    removeFile(guard);
  }
}

function releaseOnExit(): void {
  const flagged = globals as typeof globals & { __pgliteReleaseOnExit?: true };
  if (flagged.__pgliteReleaseOnExit) return;
  flagged.__pgliteReleaseOnExit = true;
  process.on("exit", () => {
    for (const hold of holds.values()) if (!hold.lent) removeOwnLock(hold.lockFile);
  });
}
