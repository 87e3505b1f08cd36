// This instance's view of revoked sessions, so that authenticating a request needs no
// database round trip: the sessions revoked in the last ACCESS_TOKEN_TTL seconds, kept
// current by the database's notifications (lib/auth/sessions/revocation-view.ts,
// docs/decisions/0012-revocation-view.md).
import "server-only";
import { RevocationView, type RevocationStatus } from "@/lib/auth/sessions/revocation-view";

export type { RevocationStatus };

// One view per process, shared by every bundle that imports this module.
const globals = globalThis as typeof globalThis & { __revocations?: RevocationView };
const view = (globals.__revocations ??= new RevocationView());

/** Starts the listener now rather than at the first request (instrumentation.ts). */
export const startRevocationView = (): Promise<void> => view.ensureStarted();

/** Whether this instance knows the session to be revoked or live; "unknown" means read the row. */
export const revocationStatus = (sessionId: string): RevocationStatus => view.status(sessionId);

/** Tells this instance's view at once; resolves when the other instances have heard too. */
export const applyRevoked = (sessionIds: string[]): Promise<void> => view.applyRevoked(sessionIds);
