import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { recordProof } from "@/lib/auth/factors/assurance";
import { requireRecentProof } from "@/lib/auth/factors/sensitive";
import { stepUpChallenge, type StepUpInput } from "@/lib/auth/factors/step-up";
import { createSignedInUser } from "../factories/users";
import { turnOnTotp } from "../factories/factors";

const now = new Date("2026-12-04T12:00:00Z");
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);
const base: StepUpInput = { aal: 1, authTime: secondsAgo(60), hasTotp: false, maxAge: 600, passwordVerified: false, now };

const challengeOf = (input: Partial<StepUpInput>) => {
  const error = stepUpChallenge({ ...base, ...input });
  return error && { status: error.status, code: error.code, header: new Headers(error.headers).get("www-authenticate") };
};

describe("the step-up rule", () => {
  it("lets an account without TOTP act within REAUTH_MAX_AGE of its last proof", () => {
    expect(challengeOf({ authTime: secondsAgo(600) })).toBeNull();
  });

  it("asks for a fresh proof past REAUTH_MAX_AGE, with RFC 9470's challenge and max_age", () => {
    expect(challengeOf({ authTime: secondsAgo(601) })).toEqual({
      status: 401,
      code: "step_up_required",
      header: 'Bearer realm="jwt-items", error="insufficient_user_authentication", error_description="A more recent authentication is required", max_age=600',
    });
  });

  it("counts the current password sent with the request as a fresh proof", () => {
    expect(challengeOf({ authTime: secondsAgo(86_400), passwordVerified: true })).toBeNull();
  });

  it("asks for aal2 when the account has TOTP and the session is at aal 1, however recent", () => {
    const challenge = challengeOf({ hasTotp: true, authTime: now, passwordVerified: true });
    expect(challenge?.code).toBe("step_up_required");
    expect(challenge?.header).toBe(
      'Bearer realm="jwt-items", error="insufficient_user_authentication", error_description="A second factor is required", max_age=600, acr_values="aal2"',
    );
  });

  it("lets an aal 2 session of an account with TOTP act while its proof is recent, and not after", () => {
    expect(challengeOf({ hasTotp: true, aal: 2 })).toBeNull();
    expect(challengeOf({ hasTotp: true, aal: 2, authTime: secondsAgo(601) })?.header).not.toContain("acr_values");
  });

  it("uses the configured REAUTH_MAX_AGE in the rule and the header", () => {
    expect(challengeOf({ maxAge: 60, authTime: secondsAgo(61) })?.header).toContain("max_age=60");
    expect(challengeOf({ maxAge: 60, authTime: secondsAgo(59) })).toBeNull();
  });
});

describe("the gate of sensitive actions", () => {
  it("reads the session row: a fresh login may act, one whose proof is old may not", async () => {
    const account = await createSignedInUser();
    const caller = { userId: account.user.id, sessionId: account.sessionId };
    await expect(requireRecentProof(caller)).resolves.toBeUndefined();
    const db = await getDb();
    await db.session.update({ where: { id: account.sessionId }, data: { authTime: new Date(Date.now() - 601_000) } });
    await expect(requireRecentProof(caller)).rejects.toMatchObject({ status: 401, code: "step_up_required" });
    await expect(requireRecentProof(caller, { passwordVerified: true })).resolves.toBeUndefined();
    await recordProof(account.sessionId, account.user.id, "pwd");
    await expect(requireRecentProof(caller)).resolves.toBeUndefined();
  });

  it("asks an account with TOTP for aal 2, whatever a token might claim", async () => {
    const account = await createSignedInUser();
    await turnOnTotp(account);
    const caller = { userId: account.user.id, sessionId: account.sessionId };
    await expect(requireRecentProof(caller)).resolves.toBeUndefined();
    const db = await getDb();
    await db.session.update({ where: { id: account.sessionId }, data: { aal: 1 } });
    const refused = await requireRecentProof(caller).catch((error: { headers: HeadersInit }) => new Headers(error.headers).get("www-authenticate"));
    expect(refused).toContain('acr_values="aal2"');
  });

  it("answers an ended session with 401 session_revoked", async () => {
    const account = await createSignedInUser();
    const db = await getDb();
    await db.session.update({ where: { id: account.sessionId }, data: { endedAt: new Date(), endReason: "logout" } });
    await expect(requireRecentProof({ userId: account.user.id, sessionId: account.sessionId })).rejects.toMatchObject({ status: 401, code: "session_revoked" });
  });
});

describe("recording a proof", () => {
  it("changes only a session of the account that proved it", async () => {
    const alice = await createSignedInUser();
    const mallory = await createSignedInUser();
    expect(await recordProof(alice.sessionId, mallory.user.id, "otp")).toBeNull();
    expect(await recordProof(alice.sessionId, alice.user.id, "otp")).toMatchObject({ aal: 2, amr: ["pwd", "otp"] });
    expect(await recordProof(alice.sessionId, alice.user.id, "otp")).toMatchObject({ amr: ["pwd", "otp"] });
  });
});
