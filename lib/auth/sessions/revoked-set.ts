// The sessions this instance knows to be revoked, and who is waiting to hear of one. An
// entry is added unheard by the code that revoked it here, and heard once the database
// announces it (a notification, or the table read when the view starts).
import "server-only";

type Entry = { at: number; heard: boolean };

export class RevokedSet {
  private entries = new Map<string, Entry>();
  private waiters = new Map<string, Set<() => void>>();

  has(sessionId: string): boolean {
    return this.entries.has(sessionId);
  }

  /** Revoked by this instance at `at`: known at once, heard later. */
  add(sessionIds: string[], at: number): void {
    for (const id of sessionIds) if (!this.entries.has(id)) this.entries.set(id, { at, heard: false });
  }

  /** Announced by the database; wakes whoever waits for it. */
  hear(sessionId: string, at: number): void {
    this.entries.set(sessionId, { at: Math.min(at, this.entries.get(sessionId)?.at ?? at), heard: true });
    for (const resolve of this.waiters.get(sessionId) ?? []) resolve();
    this.waiters.delete(sessionId);
  }

  /** Resolves when every one of `sessionIds` has been heard, or after `timeoutMs`. */
  async heard(sessionIds: string[], timeoutMs: number): Promise<void> {
    const unheard = sessionIds.filter((id) => !this.entries.get(id)?.heard);
    if (unheard.length === 0) return;
    const pending: (() => void)[] = [];
    const echoes = unheard.map((id) => new Promise<void>((resolve) => {
      const set = this.waiters.get(id) ?? new Set();
      set.add(resolve);
      this.waiters.set(id, set);
      pending.push(() => set.delete(resolve));
    }));
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(echoes), new Promise<void>((resolve) => (timeout = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timeout);
    for (const forget of pending) forget();
  }

  /** Forgets revocations older than `retainMs`: no token they could stop is still valid. */
  prune(now: number, retainMs: number): void {
    for (const [id, entry] of this.entries) if (now - entry.at > retainMs) this.entries.delete(id);
  }
}
