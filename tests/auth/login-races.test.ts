// A login spends a slow bcrypt comparison between reading the account's hash and storing
// its session. A password reset, a password change or an account deletion that lands in
// between must win: the login gets 401, never a session that outlives the new password.
// The stored hash is made at a high cost here, so every login spends long enough in
// bcrypt for the other request to run in the middle of it.
import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { POST as login } from "@/app/api/auth/login/route";
import { DELETE as deleteMe } from "@/app/api/auth/me/route";
import { POST as changePassword } from "@/app/api/auth/password/route";
import { POST as reset } from "@/app/api/auth/password/reset/route";
import { issueLinkToken } from "@/lib/auth/link-tokens";
import { getDb } from "@/lib/db";
import { createSignedInUser, type SignedInUser } from "../factories/users";
import { apiRequest } from "../helpers/http";

const TRIES = 6;
// About a quarter of a second of bcryptjs per comparison, far longer than a reset takes.
const SLOW_COST = 11;
let ipCounter = 0;

const logIn = (email: string, password: string) =>
  login(apiRequest("/api/auth/login", { method: "POST", body: { email, password }, ip: `198.18.7.${++ipCounter % 250}` }), undefined);

/** Stores the same password at another cost: the account's credentials stay what they were. */
async function storeHashAt(cost: number, signedIn: SignedInUser): Promise<void> {
  const db = await getDb();
  await db.user.update({ where: { id: signedIn.user.id }, data: { passwordHash: await bcrypt.hash(signedIn.password, cost) } });
}
const withSlowHash = (signedIn: SignedInUser) => storeHashAt(SLOW_COST, signedIn);
// The interrupting request proves the password quickly, so it is stored long before the
// login's slow comparison of the hash it read ends.
const withFastHash = (signedIn: SignedInUser) => storeHashAt(4, signedIn);

/** Resolves once the login has counted its attempt: it has read the hash and is in bcrypt. */
async function loginIsComparing(email: string): Promise<void> {
  const db = await getDb();
  for (let i = 0; i < 500; i++) {
    if (await db.rateLimit.findUnique({ where: { key: `login:email:${email}` } })) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  throw new Error("the login never started");
}

async function liveSessions(userId: string, except?: string): Promise<number> {
  const db = await getDb();
  return db.session.count({ where: { userId, endedAt: null, ...(except ? { id: { not: except } } : {}) } });
}

async function race(interrupt: (signedIn: SignedInUser) => Promise<Response>) {
  const signedIn = await createSignedInUser();
  await withSlowHash(signedIn);
  const loggingIn = logIn(signedIn.user.email, signedIn.password);
  await loginIsComparing(signedIn.user.email);
  const interrupted = await interrupt(signedIn);
  return { signedIn, interrupted, loggedIn: await loggingIn };
}

describe("a login racing a change of credentials", () => {
  it("never keeps a session that a password reset in the middle of it should have ended", async () => {
    for (let i = 0; i < TRIES; i++) {
      const { signedIn, interrupted, loggedIn } = await race(async ({ user }) => {
        const token = await issueLinkToken(user.id, "password_reset", user.email, 600);
        const body = { token, new_password: "a brand new passphrase" };
        return reset(apiRequest("/api/auth/password/reset", { method: "POST", body }), undefined);
      });
      expect(interrupted.status).toBe(204);
      expect(loggedIn.status).toBe(401);
      expect((await loggedIn.json()).code).toBe("invalid_credentials");
      expect(await liveSessions(signedIn.user.id)).toBe(0);
    }
  });

  it("never keeps a session that a password change in the middle of it should have ended", async () => {
    for (let i = 0; i < TRIES; i++) {
      const { signedIn, interrupted, loggedIn } = await race(async (victim) => {
        await withFastHash(victim);
        const { accessToken, password } = victim;
        const body = { current_password: password, new_password: "a brand new passphrase" };
        return changePassword(apiRequest("/api/auth/password", { method: "POST", token: accessToken, body }), undefined);
      });
      expect(interrupted.status).toBe(204);
      expect(loggedIn.status).toBe(401);
      expect(await liveSessions(signedIn.user.id, signedIn.sessionId)).toBe(0);
    }
  });

  it("answers 401, not 500, to a login racing the deletion of its account", async () => {
    const { signedIn, interrupted, loggedIn } = await race(async (victim) => {
      await withFastHash(victim);
      const { accessToken, password } = victim;
      return deleteMe(apiRequest("/api/auth/me", { method: "DELETE", token: accessToken, body: { password } }), undefined);
    });
    expect(interrupted.status).toBe(204);
    expect(loggedIn.status).toBe(401);
    expect(await liveSessions(signedIn.user.id)).toBe(0);
  });

  it("still logs in when nothing changed while bcrypt ran", async () => {
    const signedIn = await createSignedInUser();
    await withSlowHash(signedIn);
    expect((await logIn(signedIn.user.email, signedIn.password)).status).toBe(200);
  });
});
