// The revocation view knows which sessions ended; a token must also name a session this
// database really has. A restore from an older backup, or a JWT_SECRET shared by two
// environments, yields validly signed tokens for sessions that were never stored here.
import { describe, expect, it } from "vitest";
import { GET as me } from "@/app/api/auth/me/route";
import { GET as listItems } from "@/app/api/items/route";
import { signAccessToken } from "@/lib/auth/identity/jwt";
import { forgetLiveSessions } from "@/lib/auth/sessions/live-sessions";
import { getDb } from "@/lib/db";
import { newUuidV7 } from "@/lib/ids";
import { createSignedInUser } from "../factories/users";
import { apiRequest } from "../helpers/http";

const meWith = async (token: string) => {
  const response = await me(apiRequest("/api/auth/me", { token }), undefined);
  return { status: response.status, code: response.status === 200 ? null : (await response.json()).code };
};

/**
 * Removes a session as a restore from an older backup would: the row is simply not there,
 * and no instance was told it ended (triggers are off for this one transaction).
 */
async function loseSessionRow(sessionId: string): Promise<void> {
  const db = await getDb();
  await db.$transaction([
    db.$executeRaw`SET LOCAL session_replication_role = replica`,
    db.$executeRaw`DELETE FROM refresh_tokens WHERE session_id = ${sessionId}::uuid`,
    db.$executeRaw`DELETE FROM sessions WHERE id = ${sessionId}::uuid`,
  ]);
}

describe("a validly signed token whose session is not in the database", () => {
  it("is refused when its session was never stored here", async () => {
    const { user } = await createSignedInUser();
    const foreign = await signAccessToken({ sub: user.id, sid: newUuidV7(), role: user.role });
    expect(await meWith(foreign)).toEqual({ status: 401, code: "session_revoked" });
    const items = await listItems(apiRequest("/api/items", { token: foreign }), undefined);
    expect(items.status).toBe(401);
  });

  it("is refused when its session is gone from a restored database and the instance starts again", async () => {
    const { accessToken, sessionId } = await createSignedInUser();
    expect((await meWith(accessToken)).status).toBe(200);
    await loseSessionRow(sessionId);
    forgetLiveSessions();
    expect(await meWith(accessToken)).toEqual({ status: 401, code: "session_revoked" });
  });

  it("is refused when it names a live session of another user", async () => {
    const { sessionId } = await createSignedInUser();
    const { user: other } = await createSignedInUser();
    const forged = await signAccessToken({ sub: other.id, sid: sessionId, role: other.role });
    expect(await meWith(forged)).toEqual({ status: 401, code: "session_revoked" });
  });
});

describe("a live session seen before", () => {
  it("is answered from this instance's memory, without reading its row again", async () => {
    const { accessToken, sessionId } = await createSignedInUser();
    forgetLiveSessions();
    expect((await meWith(accessToken)).status).toBe(200);
    // The row is gone behind the view's back: only a read of it could notice.
    await loseSessionRow(sessionId);
    expect((await meWith(accessToken)).status).toBe(200);
  });
});
