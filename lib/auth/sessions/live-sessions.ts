// Sessions this instance has seen in the database, so that a live session's requests need
// no database read: the revocation view (lib/auth/sessions/revocation-view.ts) only knows which sessions
// ended, not which ones exist. Without this, a validly signed token whose session was never
// stored here (a database restored from an older backup, a JWT_SECRET shared by two
// environments) would pass as live. A session is read once per instance, and again once
// ACCESS_TOKEN_TTL has passed; an ended one is caught by the revocation view first, so this
// memory never has to forget a session early (docs/decisions/0028).
import "server-only";
import { env } from "@/lib/env";

// At 100 bytes or so an entry, a few megabytes at most; beyond it the oldest are read again.
const MAX_ENTRIES = 50_000;

type Seen = { userId: string; until: number };

const globals = globalThis as typeof globalThis & { __liveSessions?: Map<string, Seen> };
const seen = (globals.__liveSessions ??= new Map());

/** This session was created here, or its row was just read and found live. */
export function rememberLiveSession(sessionId: string, userId: string, now = Date.now()): void {
  seen.delete(sessionId);
  seen.set(sessionId, { userId, until: now + env.ACCESS_TOKEN_TTL * 1000 });
  if (seen.size > MAX_ENTRIES) {
    const oldest = seen.keys().next().value;
    if (oldest !== undefined) seen.delete(oldest);
  }
}

/** Whether this session of this user was seen live recently; false means read its row. */
export function seenLive(sessionId: string, userId: string, now = Date.now()): boolean {
  const entry = seen.get(sessionId);
  if (!entry || entry.userId !== userId) return false;
  if (entry.until > now) return true;
  seen.delete(sessionId);
  return false;
}

/** For tests: as if this instance had just started. */
export function forgetLiveSessions(): void {
  seen.clear();
}
