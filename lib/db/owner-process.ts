// Who a process is, in a form that outlives it in a lock file, and whether that process
// still runs (docs/decisions/0025-embedded-database-owner.md). A process id alone is not
// enough: after a reboot, or in a container where the app is always pid 1, the same number
// names another process. On Linux a process is its id, its start time (field 22 of
// /proc/<pid>/stat, in clock ticks since boot) and the boot it started in.
import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";

export type OwnerProcess = { pid: number; start: string; boot: string; command: string };

const read = (file: string): string | null => {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
};

/** Field 22 of /proc/<pid>/stat, or null where there is no such process or no /proc. */
function startTime(pid: number): string | null {
  const stat = read(`/proc/${pid}/stat`);
  // Field 2 (the name, in parentheses) may hold spaces and parentheses: count from the last ")".
  const fields = stat?.slice(stat.lastIndexOf(")") + 2).split(" ");
  return fields?.[22 - 3] ?? null;
}

const hasProc = () => read("/proc/self/stat") !== null;
const bootId = () => read("/proc/sys/kernel/random/boot_id")?.trim() ?? "";

/** How a person would recognise this process in `ps`: `node dist/server.js`, paths relative. */
function commandLine(): string {
  const relative = (arg: string) => {
    const inside = path.relative(/* turbopackIgnore: true */ process.cwd(), arg);
    return path.isAbsolute(arg) && !inside.startsWith("..") ? inside : arg;
  };
  return ["node", ...process.argv.slice(1).map(relative)].join(" ").slice(0, 200);
}

export function thisProcess(): OwnerProcess {
  return { pid: process.pid, start: startTime(process.pid) ?? "", boot: bootId(), command: commandLine() };
}

/** True while the process a lock names still runs (not a later one with its id). */
export function isRunning(owner: OwnerProcess): boolean {
  if (hasProc()) return owner.boot === bootId() && startTime(owner.pid) === owner.start;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A lock file's contents, or null when they are not a process this module wrote. */
export function parseOwner(text: string): OwnerProcess | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null) return null;
    const { pid, start, boot, command } = value as Record<string, unknown>;
    if (!Number.isSafeInteger(pid) || typeof start !== "string" || typeof boot !== "string") return null;
    return { pid: pid as number, start, boot, command: typeof command === "string" ? command : "" };
  } catch {
    return null;
  }
}
