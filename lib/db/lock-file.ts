// The file operations behind the embedded database's lock (lib/db/owner.ts). A lock file
// is always whole: it is written beside its name first, then appears under it in one step
// (a hard link to create it, a rename to replace it), so a reader never sees half of one.
import "server-only";
import { randomBytes } from "node:crypto";
import { closeSync, fstatSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { parseOwner, thisProcess, type OwnerProcess } from "@/lib/db/owner-process";

/** A lock as read: its inode and text tell it from a later file of the same name. */
export type Lock = { ino: number; text: string; owner: OwnerProcess | null };

export function readLock(file: string): Lock | null {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  try {
    const text = readFileSync(fd, "utf8");
    return { ino: fstatSync(fd).ino, text, owner: parseOwner(text) };
  } finally {
    closeSync(fd);
  }
}

/** Creates `file` naming this process; false when it exists already. */
export function createLock(file: string): boolean {
  const temporary = fileNamingThisProcess(file);
  try {
    linkSync(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    unlinkSync(temporary);
  }
}

/** Puts this process's lock in place of `file`, which never disappears meanwhile. */
export function replaceLock(file: string): void {
  renameSync(fileNamingThisProcess(file), file);
}

/** Removes `file` if it names this very process (never a lock another one took over). */
export function removeOwnLock(file: string): void {
  const owner = readLock(file)?.owner;
  if (owner?.pid === process.pid && owner.start === thisProcess().start) removeFile(file);
}

/** Removes `file`; one that is gone already is fine. */
export function removeFile(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

function fileNamingThisProcess(file: string): string {
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString("hex")}`;
  writeFileSync(temporary, JSON.stringify(thisProcess()), { mode: 0o600 });
  return temporary;
}
