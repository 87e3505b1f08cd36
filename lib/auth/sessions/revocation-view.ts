// The revocation view's machinery: how this instance keeps its set of revoked sessions
// in sync with the database (docs/decisions/0012-revocation-view.md).
//
// An access token lives at most ACCESS_TOKEN_TTL seconds and never past its session's
// expiry, so the only sessions a request must be checked against are those revoked in the
// last ACCESS_TOKEN_TTL seconds: a small set. The database tells every instance about each
// one (a trigger on sessions NOTIFYs "session_revoked"), and this module keeps them:
//  - it LISTENs first, then reads the recent revocations, and only then answers from memory
//    ("synced"); until then, and whenever the listener is lost, it answers "unknown" and the
//    caller reads the session row instead;
//  - a heartbeat sent through the database to itself (lib/db/watched-listener.ts, which
//    also retries a lost listener) catches a connection that goes quiet without an error:
//    no echo within HEARTBEAT_TIMEOUT_MS and the view stops answering from memory, within
//    HEARTBEAT_MS + HEARTBEAT_TIMEOUT_MS + TICK_MS;
//  - the instance that revokes applies the change itself before it answers, then waits
//    (at most ECHO_WAIT_MS) for its own listener to hear it: PostgreSQL sends a
//    notification to every listener at commit, so by then the other instances have it too.
import "server-only";
import { getDb } from "@/lib/db";
import { WatchedListener } from "@/lib/db/watched-listener";
import { env } from "@/lib/env";
import { RevokedSet } from "@/lib/auth/sessions/revoked-set";

const CHANNEL = "session_revoked";
const ECHO_WAIT_MS = 1_000;
// Tokens are checked against revocations this old; the slack covers clock differences
// between this server and the database's clock, which stamps revokedAt.
const RETAIN_MS = (env.ACCESS_TOKEN_TTL + 60) * 1000;

export type RevocationStatus = "revoked" | "live" | "unknown";

export class RevocationView {
  private revoked = new RevokedSet();
  private listener = new WatchedListener({
    channels: [CHANNEL],
    heartbeatPrefix: "session_revoked_heartbeat",
    sync: () => this.loadRecent(),
    onMessage: (_channel, payload) => {
      // "<session id> <the trigger's clock in ms>"; the clock is for measuring delivery.
      const [id] = payload.split(" ");
      if (id) this.revoked.hear(id, Date.now());
    },
    onTick: (now) => this.revoked.prune(now, RETAIN_MS),
    lostMessage: (reason) => `Revocation listener lost (${reason}): reading sessions from the database until it is back`,
    backMessage: "Revocation listener is back: sessions are checked in memory again",
  });

  /** Starts listening, if not yet; resolves when in sync or when that failed. */
  ensureStarted(): Promise<void> {
    return this.listener.ensureStarted();
  }

  status(sessionId: string): RevocationStatus {
    void this.ensureStarted();
    if (!this.listener.synced) return "unknown";
    return this.revoked.has(sessionId) ? "revoked" : "live";
  }

  /** Called by the code that just revoked these sessions, before it answers. */
  async applyRevoked(sessionIds: string[]): Promise<void> {
    this.revoked.add(sessionIds, Date.now());
    // Not yet listening: once LISTEN is in place, the recent revocations it loads include these.
    await this.ensureStarted();
    if (this.listener.synced) await this.revoked.heard(sessionIds, ECHO_WAIT_MS);
  }

  /** Revocations committed before LISTEN took effect; later ones arrive as notifications. */
  private async loadRecent(): Promise<void> {
    const db = await getDb();
    const since = new Date(Date.now() - RETAIN_MS);
    const rows = await db.sessionRevocation.findMany({ where: { revokedAt: { gt: since } }, select: { sessionId: true, revokedAt: true } });
    for (const row of rows) this.revoked.hear(row.sessionId, row.revokedAt.getTime());
    // The table only needs what a view might load; any instance may clear out the rest.
    await db.sessionRevocation.deleteMany({ where: { revokedAt: { lt: new Date(Date.now() - 2 * RETAIN_MS) } } });
  }
}

// This instance's view, so that authenticating a request needs no database round trip:
// one per process, shared by every bundle that imports this module (Next may load it in
// more than one). The listener starts at the first status() or at start-up (instrumentation.ts).
const globals = globalThis as typeof globalThis & { __revocations?: RevocationView };
export const revocations = (globals.__revocations ??= new RevocationView());
