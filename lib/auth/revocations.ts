// This instance's view of revoked sessions, so that authenticating a request needs no
// database round trip (docs/decisions/0012-revocation-view.md).
//
// An access token lives at most ACCESS_TOKEN_TTL seconds and never past its session's
// expiry, so the only sessions a request must be checked against are those revoked in the
// last ACCESS_TOKEN_TTL seconds: a small set. The database tells every instance about each
// one (a trigger on sessions NOTIFYs "session_revoked"), and this module keeps them:
//  - it LISTENs first, then reads the recent revocations, and only then answers from memory
//    ("synced"); until then, and whenever the listener is lost, it answers "unknown" and the
//    caller reads the session row instead;
//  - a heartbeat sent through the database to itself every HEARTBEAT_MS catches a
//    connection that goes quiet without an error: no echo within HEARTBEAT_TIMEOUT_MS and
//    the view stops answering from memory, within HEARTBEAT_MS + HEARTBEAT_TIMEOUT_MS + TICK_MS;
//  - the instance that revokes applies the change itself before it answers, then waits
//    (at most ECHO_WAIT_MS) for its own listener to hear it: PostgreSQL sends a
//    notification to every listener at commit, so by then the other instances have it too.
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db";
import { listen, type Subscription } from "@/lib/db/notifications";
import { env } from "@/lib/env";

const CHANNEL = "session_revoked";
const HEARTBEAT_MS = 500;
const HEARTBEAT_TIMEOUT_MS = 1_000;
const TICK_MS = 250;
const ECHO_WAIT_MS = 1_000;
const RETRY_MS = [250, 1_000, 5_000];
// Tokens are checked against revocations this old; the slack covers clock differences
// between this server and the database's clock, which stamps revokedAt.
const RETAIN_MS = (env.ACCESS_TOKEN_TTL + 60) * 1000;

export type RevocationStatus = "revoked" | "live" | "unknown";

type Entry = { at: number; heard: boolean };
type Beat = { payload: string; sentAt: number };

class RevocationView {
  private revoked = new Map<string, Entry>();
  private waiters = new Map<string, Set<() => void>>();
  private subscription: Subscription | null = null;
  private state: "idle" | "starting" | "synced" | "retrying" = "idle";
  private failures = 0;
  private timer: NodeJS.Timeout | null = null;
  private beat: Beat | null = null;
  private lastBeatAt = 0;
  private readonly beatChannel = `session_revoked_heartbeat_${randomBytes(8).toString("hex")}`;
  private beats = 0;

  private started: Promise<void> | null = null;

  /** Starts listening, if not yet; resolves when in sync or when that failed. */
  ensureStarted(): Promise<void> {
    if (this.state === "idle") this.started = this.start();
    return this.started ?? Promise.resolve();
  }

  status(sessionId: string): RevocationStatus {
    void this.ensureStarted();
    if (this.state !== "synced") return "unknown";
    return this.revoked.has(sessionId) ? "revoked" : "live";
  }

  /** Called by the code that just revoked these sessions, before it answers. */
  async applyRevoked(sessionIds: string[]): Promise<void> {
    const now = Date.now();
    for (const id of sessionIds) if (!this.revoked.has(id)) this.revoked.set(id, { at: now, heard: false });
    // Not yet listening: once LISTEN is in place, the recent revocations it loads include these.
    await this.ensureStarted();
    if (this.state !== "synced") return;
    const unheard = sessionIds.filter((id) => !this.revoked.get(id)?.heard);
    if (unheard.length === 0) return;
    const pending: (() => void)[] = [];
    const echoes = unheard.map((id) => new Promise<void>((resolve) => {
      const set = this.waiters.get(id) ?? new Set();
      set.add(resolve);
      this.waiters.set(id, set);
      pending.push(() => set.delete(resolve));
    }));
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(echoes), new Promise<void>((resolve) => (timeout = setTimeout(resolve, ECHO_WAIT_MS)))]);
    clearTimeout(timeout);
    for (const forget of pending) forget();
  }

  private async start(): Promise<void> {
    this.state = "starting";
    try {
      const subscription = await listen([CHANNEL, this.beatChannel], {
        onMessage: (channel, payload) => this.onMessage(channel, payload),
        onLost: (reason) => this.lose(reason),
        onClosed: () => this.stop(),
      });
      if (this.state !== "starting") return void subscription.close();
      this.subscription = subscription;
      await this.loadRecent();
      if (this.state !== "starting") return;
      this.state = "synced";
      if (this.failures > 0) console.log("Revocation listener is back: sessions are checked in memory again");
      this.failures = 0;
      this.lastBeatAt = Date.now();
      this.timer = setInterval(() => this.tick(), TICK_MS);
      this.timer.unref();
    } catch (error) {
      this.lose(error instanceof Error ? error.message : String(error));
    }
  }

  /** Revocations committed before LISTEN took effect; later ones arrive as notifications. */
  private async loadRecent(): Promise<void> {
    const db = await getDb();
    const since = new Date(Date.now() - RETAIN_MS);
    const rows = await db.sessionRevocation.findMany({ where: { revokedAt: { gt: since } }, select: { sessionId: true, revokedAt: true } });
    for (const row of rows) this.hear(row.sessionId, row.revokedAt.getTime());
    // The table only needs what a view might load; any instance may clear out the rest.
    await db.sessionRevocation.deleteMany({ where: { revokedAt: { lt: new Date(Date.now() - 2 * RETAIN_MS) } } });
  }

  private onMessage(channel: string, payload: string): void {
    if (channel === this.beatChannel) {
      if (this.beat?.payload === payload) this.beat = null;
      return;
    }
    // "<session id> <the trigger's clock in ms>"; the clock is for measuring delivery.
    const [id] = payload.split(" ");
    if (id) this.hear(id, Date.now());
  }

  private hear(id: string, at: number): void {
    this.revoked.set(id, { at: Math.min(at, this.revoked.get(id)?.at ?? at), heard: true });
    for (const resolve of this.waiters.get(id) ?? []) resolve();
    this.waiters.delete(id);
  }

  private tick(): void {
    const now = Date.now();
    if (this.beat && now - this.beat.sentAt > HEARTBEAT_TIMEOUT_MS) {
      this.lose(`no heartbeat for ${now - this.beat.sentAt} ms`);
      return;
    }
    // In-process PGlite cannot go quiet; a server connection can.
    if (this.subscription?.remote && !this.beat && now - this.lastBeatAt >= HEARTBEAT_MS) {
      this.beat = { payload: String(++this.beats), sentAt: now };
      this.lastBeatAt = now;
      this.subscription?.notify(this.beatChannel, this.beat.payload).catch((error: unknown) => {
        this.lose(error instanceof Error ? error.message : String(error));
      });
    }
    for (const [id, entry] of this.revoked) if (now - entry.at > RETAIN_MS) this.revoked.delete(id);
  }

  private lose(reason: string): void {
    if (this.state === "idle" || this.state === "retrying") return;
    if (this.failures === 0) {
      console.warn(`Revocation listener lost (${reason}): reading sessions from the database until it is back`);
    }
    this.halt();
    this.state = "retrying";
    const delay = RETRY_MS[Math.min(this.failures++, RETRY_MS.length - 1)];
    this.timer = setTimeout(() => {
      this.started = this.start();
    }, delay);
    this.timer.unref();
  }

  /** closeDb(): forget everything; the next status() starts listening again. */
  private stop(): void {
    this.halt();
    this.state = "idle";
    this.failures = 0;
  }

  private halt(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.beat = null;
    void this.subscription?.close();
    this.subscription = null;
  }
}

// One view per process, shared by every bundle that imports this module.
const globals = globalThis as typeof globalThis & { __revocations?: RevocationView };
const view = (globals.__revocations ??= new RevocationView());

/** Starts the listener now rather than at the first request (instrumentation.ts). */
export const startRevocationView = (): Promise<void> => view.ensureStarted();

/** Whether this instance knows the session to be revoked or live; "unknown" means read the row. */
export const revocationStatus = (sessionId: string): RevocationStatus => view.status(sessionId);

/** Tells this instance's view at once; resolves when the other instances have heard too. */
export const applyRevoked = (sessionIds: string[]): Promise<void> => view.applyRevoked(sessionIds);
