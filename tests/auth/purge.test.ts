import { describe, expect, it } from "vitest";
import { purgeStaleRows } from "@/lib/auth/accounts/purge";
import { recordAttempt } from "@/lib/auth/accounts/limits";
import { endSession } from "@/lib/auth/sessions/sessions";
import { getDb } from "@/lib/db";
import { createSignedInUser, signInAgain } from "../factories/users";

const DAY = 24 * 3600 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

describe("purging stale auth rows", () => {
  it("deletes sessions ended or expired more than 30 days ago, and keeps those the sessions list still shows", async () => {
    const { user, sessionId: live } = await createSignedInUser();
    const endedLongAgo = (await signInAgain(user)).sessionId;
    const endedRecently = (await signInAgain(user)).sessionId;
    const expiredLongAgo = (await signInAgain(user)).sessionId;
    const db = await getDb();
    await endSession(endedLongAgo, "logout");
    await endSession(endedRecently, "logout");
    await db.session.update({ where: { id: endedLongAgo }, data: { endedAt: daysAgo(31) } });
    await db.session.update({ where: { id: endedRecently }, data: { endedAt: daysAgo(29) } });
    await db.session.update({ where: { id: expiredLongAgo }, data: { expiresAt: daysAgo(31) } });

    const purged = await purgeStaleRows();
    expect(purged.sessions).toBeGreaterThanOrEqual(2);
    const left = (await db.session.findMany({ where: { userId: user.id }, select: { id: true } })).map((s) => s.id);
    expect(left.sort()).toEqual([live, endedRecently].sort());
    expect(await db.refreshToken.count({ where: { sessionId: { in: [endedLongAgo, expiredLongAgo] } } })).toBe(0);
  });

  it("deletes refresh tokens rotated longer ago than a refresh lifetime, and keeps the live one", async () => {
    const { sessionId } = await createSignedInUser();
    const db = await getDb();
    await db.refreshToken.create({ data: { tokenHash: "a".repeat(64), sessionId, rotatedAt: daysAgo(31) } });
    await db.refreshToken.create({ data: { tokenHash: "b".repeat(64), sessionId, rotatedAt: daysAgo(1) } });

    await purgeStaleRows();
    const hashes = (await db.refreshToken.findMany({ where: { sessionId }, select: { tokenHash: true, rotatedAt: true } }));
    expect(hashes.map((t) => t.tokenHash)).not.toContain("a".repeat(64));
    expect(hashes.map((t) => t.tokenHash)).toContain("b".repeat(64));
    expect(hashes.filter((t) => t.rotatedAt === null)).toHaveLength(1);
  });

  it("deletes mailed-link tokens a day after they expired or were used, and keeps live ones", async () => {
    const { user } = await createSignedInUser();
    const db = await getDb();
    const token = (tokenHash: string, data: { expiresAt: Date; usedAt?: Date }) =>
      db.emailToken.create({ data: { tokenHash, userId: user.id, purpose: "password_reset", email: user.email, ...data } });
    await token("c".repeat(64), { expiresAt: daysAgo(2) });
    await token("d".repeat(64), { expiresAt: new Date(Date.now() + DAY), usedAt: daysAgo(2) });
    await token("e".repeat(64), { expiresAt: new Date(Date.now() + DAY) });

    await purgeStaleRows();
    const left = (await db.emailToken.findMany({ where: { userId: user.id } })).map((t) => t.tokenHash);
    expect(left).toEqual(["e".repeat(64)]);
  });

  it("deletes rate-limit counters whose window has passed, and keeps the running ones", async () => {
    await recordAttempt("purge-test:old", 900);
    await recordAttempt("purge-test:running", 900);
    const db = await getDb();
    // Older than the longest window of any limit (the mail limits' hour).
    await db.rateLimit.update({ where: { key: "purge-test:old" }, data: { windowStart: new Date(Date.now() - 3_601_000) } });

    await purgeStaleRows();
    const keys = (await db.rateLimit.findMany({ where: { key: { startsWith: "purge-test:" } } })).map((r) => r.key);
    expect(keys).toEqual(["purge-test:running"]);
  });

  it("deletes expired second-step tokens and TOTP setups left unconfirmed past 10 minutes, and keeps live ones", async () => {
    const { user } = await createSignedInUser();
    const other = (await createSignedInUser()).user;
    const db = await getDb();
    const mfaToken = (tokenHash: string, expiresAt: Date) =>
      db.mfaToken.create({ data: { tokenHash, userId: user.id, clientAddress: "203.0.113.1", credentialsVersion: 0, expiresAt } });
    await mfaToken("f".repeat(64), new Date(Date.now() - 1000));
    await mfaToken("g".repeat(64), new Date(Date.now() + 300_000));
    const setup = (userId: string, createdAt: Date) =>
      db.totpFactor.create({ data: { userId, secretCiphertext: Buffer.from("x"), keyId: "k", createdAt } });
    await setup(user.id, new Date(Date.now() - 601_000));
    await setup(other.id, new Date(Date.now() - 60_000));

    const purged = await purgeStaleRows();
    expect(purged).toMatchObject({ mfaTokens: 1, pendingTotpSetups: 1 });
    expect((await db.mfaToken.findMany({ where: { userId: user.id } })).map((t) => t.tokenHash)).toEqual(["g".repeat(64)]);
    expect((await db.totpFactor.findMany({ where: { userId: { in: [user.id, other.id] } } })).map((f) => f.userId)).toEqual([other.id]);
  });

  it("never deletes a confirmed TOTP factor, however old", async () => {
    const { user } = await createSignedInUser();
    const db = await getDb();
    await db.totpFactor.create({
      data: { userId: user.id, secretCiphertext: Buffer.from("x"), keyId: "k", createdAt: daysAgo(400), confirmedAt: daysAgo(400) },
    });
    await purgeStaleRows();
    expect(await db.totpFactor.count({ where: { userId: user.id } })).toBe(1);
  });

  it("deletes passkey challenges once they have expired, and keeps live ones", async () => {
    const { issueChallenge } = await import("@/lib/auth/factors/passkey-challenges");
    const db = await getDb();
    const expired = await issueChallenge("sign_in", null);
    const live = await issueChallenge("sign_in", null);
    await db.webauthnChallenge.update({ where: { challenge: expired }, data: { expiresAt: new Date(Date.now() - 1000) } });

    expect((await purgeStaleRows()).webauthnChallenges).toBeGreaterThanOrEqual(1);
    const left = (await db.webauthnChallenge.findMany({ select: { challenge: true } })).map((c) => c.challenge);
    expect(left).toContain(live);
    expect(left).not.toContain(expired);
  });
});
