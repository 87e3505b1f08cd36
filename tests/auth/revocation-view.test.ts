// The revocation view (lib/auth/sessions/revocation-view.ts): while it is in sync, a request is checked
// against memory, and the database itself tells it about every session that ends, however
// it ends; while it is not, the session row is read. The listener-loss cases need a
// PostgreSQL server: an in-process PGlite cannot lose its connection.
import { execFileSync } from "node:child_process";
import { describe, expect, it, vi } from "vitest";
import { GET as listItems } from "@/app/api/items/route";
import { revocations } from "@/lib/auth/sessions/revocation-view";
import { getDb } from "@/lib/db";
import { createSignedInUser } from "../factories/users";
import { apiRequest } from "../helpers/http";

const onPostgres = !!process.env.DATABASE_URL;

async function itemsStatus(accessToken: string): Promise<number> {
  return (await listItems(apiRequest("/api/items", { token: accessToken }), undefined)).status;
}

/** Asks once (which starts the listener), then waits until the view answers from memory. */
async function synced(sessionId: string) {
  await vi.waitFor(() => expect(revocations.status(sessionId)).not.toBe("unknown"), { timeout: 10_000 });
}

/** Runs `sql` with the trigger that feeds the view switched off, as if it did not exist. */
async function behindTheViewsBack(sql: string, ...values: unknown[]) {
  const db = await getDb();
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("ALTER TABLE sessions DISABLE TRIGGER sessions_revoked_on_end");
    await tx.$executeRawUnsafe(sql, ...values);
    await tx.$executeRawUnsafe("ALTER TABLE sessions ENABLE TRIGGER sessions_revoked_on_end");
  });
}

async function listenerPid(): Promise<number> {
  const db = await getDb();
  const rows = await db.$queryRaw<{ pid: number }[]>`
    SELECT pid FROM pg_stat_activity
    WHERE datname = current_database() AND application_name LIKE 'jwt-items:%notifications'`;
  expect(rows).toHaveLength(1);
  return rows[0]!.pid;
}

describe("the revocation view", () => {
  it("refuses a token as soon as its session is ended by anyone, even by SQL outside the app", async () => {
    const { accessToken, sessionId } = await createSignedInUser();
    expect(await itemsStatus(accessToken)).toBe(200);
    await synced(sessionId);
    const db = await getDb();
    await db.$executeRaw`UPDATE sessions SET ended_at = now(), end_reason = 'revoked' WHERE id = ${sessionId}::uuid`;
    await vi.waitFor(() => expect(revocations.status(sessionId)).toBe("revoked"));
    expect(await itemsStatus(accessToken)).toBe(401);
  });

  it("refuses the tokens of an account whose rows were deleted, sessions and all", async () => {
    const { accessToken, sessionId, user } = await createSignedInUser();
    await synced(sessionId);
    const db = await getDb();
    await db.$executeRaw`DELETE FROM users WHERE id = ${user.id}::uuid`;
    await vi.waitFor(() => expect(revocations.status(sessionId)).toBe("revoked"));
    expect(await itemsStatus(accessToken)).toBe(401);
  });

  it("reads no session row while in sync: a row changed without the trigger goes unseen", async () => {
    const { accessToken, sessionId } = await createSignedInUser();
    await synced(sessionId);
    await behindTheViewsBack("UPDATE sessions SET ended_at = now(), end_reason = 'revoked' WHERE id = $1::uuid", sessionId);
    expect(await itemsStatus(accessToken)).toBe(200);
  });

  it("knows, once started, the revocations committed before it started", async () => {
    const { accessToken, sessionId } = await createSignedInUser();
    const db = await getDb();
    await db.$executeRaw`UPDATE sessions SET ended_at = now(), end_reason = 'revoked' WHERE id = ${sessionId}::uuid`;
    const { closeDb } = await import("@/lib/db");
    await closeDb();
    expect(await itemsStatus(accessToken)).toBe(401);
    await synced(sessionId);
    expect(revocations.status(sessionId)).toBe("revoked");
  });

  it.runIf(onPostgres)("reads the session row when its listener's connection is cut, until it is back", async () => {
    const { accessToken, sessionId } = await createSignedInUser();
    await synced(sessionId);
    const db = await getDb();
    vi.spyOn(console, "warn").mockImplementation(() => {});
    await db.$executeRaw`SELECT pg_terminate_backend(${await listenerPid()})`;
    await vi.waitFor(() => expect(revocations.status(sessionId)).toBe("unknown"));
    await behindTheViewsBack("UPDATE sessions SET ended_at = now(), end_reason = 'revoked' WHERE id = $1::uuid", sessionId);
    expect(await itemsStatus(accessToken)).toBe(401);
    // Back in sync, it answers from memory again; the change it missed is still refused.
    await synced(sessionId);
  });

  // Stops the listener's server process (SIGSTOP): its connection stays open and silent,
  // with no error, which only the heartbeat can notice (within 1.75 s; 5 s allowed here).
  it.runIf(onPostgres)("notices a listener connection that goes quiet without an error", async () => {
    const { accessToken, sessionId } = await createSignedInUser();
    await synced(sessionId);
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const pid = await listenerPid();
    execFileSync("kill", ["-STOP", String(pid)]);
    try {
      await vi.waitFor(() => expect(revocations.status(sessionId)).toBe("unknown"), { timeout: 5_000 });
      await behindTheViewsBack("UPDATE sessions SET ended_at = now(), end_reason = 'revoked' WHERE id = $1::uuid", sessionId);
      expect(await itemsStatus(accessToken)).toBe(401);
    } finally {
      execFileSync("kill", ["-CONT", String(pid)]);
    }
    await synced(sessionId);
  });
});
