// A login spends a slow bcrypt comparison between reading the account's hash and storing
// its session. A password reset, a password change or an account deletion that lands in
// between must win: the login gets 401, never a session that outlives the new password.
// Each login here is paused right after its real bcrypt comparison, while the other request
// runs to its end, so every try hits the window, whatever the machine's load.
import { describe, expect, it, vi } from "vitest";

type Pause = { reached: Promise<void>; release: () => void };
const pauses: Pause[] = [];

vi.mock("@/lib/auth/passwords/hash", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/passwords/hash")>();
  return {
    ...real,
    verifyPassword: async (password: string, hash: string | null) => {
      const matches = await real.verifyPassword(password, hash);
      // Only the comparison that was armed (the login's) waits; the interrupting
      // request's own password check passes straight through.
      const pause = pauses.shift();
      if (pause) {
        const gate = new Promise<void>((resolve) => (pause.release = resolve));
        pauseReached.get(pause)?.();
        await gate;
      }
      return matches;
    },
  };
});

const pauseReached = new Map<Pause, () => void>();

/** The next password comparison will wait, once it has its answer, until released. */
function armPause(): Pause {
  const pause = { release: () => {} } as Pause;
  pause.reached = new Promise<void>((resolve) => pauseReached.set(pause, resolve));
  pauses.push(pause);
  return pause;
}

const { POST: login } = await import("@/app/api/auth/login/route");
const { DELETE: deleteMe, GET: me } = await import("@/app/api/auth/me/route");
const { POST: changePassword } = await import("@/app/api/auth/password/route");
const { POST: reset } = await import("@/app/api/auth/password/reset/route");
const { issueLinkToken } = await import("@/lib/auth/accounts/link-tokens");
const { getDb } = await import("@/lib/db");
const { createSignedInUser } = await import("../factories/users");
const { apiRequest } = await import("../helpers/http");
const { setUpTotp } = await import("../helpers/second-factors");
type SignedInUser = Awaited<ReturnType<typeof createSignedInUser>>;

const TRIES = 10;
let ipCounter = 0;

const logIn = (email: string, password: string) =>
  login(apiRequest("/api/auth/login", { method: "POST", body: { email, password }, ip: `198.18.7.${++ipCounter % 250}` }), undefined);

async function liveSessions(userId: string, except?: string): Promise<number> {
  const db = await getDb();
  return db.session.count({ where: { userId, endedAt: null, ...(except ? { id: { not: except } } : {}) } });
}

async function race(interrupt: (signedIn: SignedInUser) => Promise<Response>) {
  const signedIn = await createSignedInUser();
  const pause = armPause();
  const loggingIn = logIn(signedIn.user.email, signedIn.password);
  await pause.reached;
  const interrupted = await interrupt(signedIn);
  pause.release();
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
      const { signedIn, interrupted, loggedIn } = await race(async ({ accessToken, password }) => {
        const body = { current_password: password, new_password: "a brand new passphrase" };
        return changePassword(apiRequest("/api/auth/password", { method: "POST", token: accessToken, body }), undefined);
      });
      expect(interrupted.status).toBe(204);
      expect(loggedIn.status).toBe(401);
      expect(await liveSessions(signedIn.user.id, signedIn.sessionId)).toBe(0);
    }
  });

  it("answers 401, not 500, to a login racing the deletion of its account", async () => {
    const { signedIn, interrupted, loggedIn } = await race(async ({ accessToken, password }) => {
      return deleteMe(apiRequest("/api/auth/me", { method: "DELETE", token: accessToken, body: { password } }), undefined);
    });
    expect(interrupted.status).toBe(204);
    expect(loggedIn.status).toBe(401);
    expect(await liveSessions(signedIn.user.id)).toBe(0);
  });

  it("never keeps an aal 1 session when TOTP is turned on in the middle of it", async () => {
    for (let i = 0; i < TRIES; i++) {
      const { signedIn, interrupted, loggedIn } = await race(async (account) => {
        await setUpTotp(account);
        return me(apiRequest("/api/auth/me", { token: account.accessToken }), undefined);
      });
      expect(interrupted.status).toBe(200);
      // Refused like a login racing a new password: the password it checked no longer opens
      // the account alone, and "every other session ends" would have missed its session.
      expect(loggedIn.status).toBe(401);
      expect(await liveSessions(signedIn.user.id, signedIn.sessionId)).toBe(0);
    }
  });

  it("still logs in when nothing changed while bcrypt ran", async () => {
    // Another request of the same account, which changes nothing, runs in the window.
    const { interrupted, loggedIn } = await race(({ accessToken }) => me(apiRequest("/api/auth/me", { token: accessToken }), undefined));
    expect(interrupted.status).toBe(200);
    expect(loggedIn.status).toBe(200);
  });
});
