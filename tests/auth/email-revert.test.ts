// POST /api/auth/email/revert, tried as the owner and as the person who changed the address
// (README: Account recovery and email; docs/decisions/0039). Through the real route handlers,
// with mail read from a real SMTP server.
import { afterEach, describe, expect, it, vi } from "vitest";
import { mailbox } from "../helpers/app-with-mail";
import { linkToken } from "../helpers/smtp";

const { POST: changeEmail } = await import("@/app/api/auth/email/route");
const { POST: verify } = await import("@/app/api/auth/email/verify/route");
const { POST: revertRoute } = await import("@/app/api/auth/email/revert/route");
const { POST: forgot } = await import("@/app/api/auth/password/forgot/route");
const { POST: reset } = await import("@/app/api/auth/password/reset/route");
const { POST: changePassword } = await import("@/app/api/auth/password/route");
const { POST: signup } = await import("@/app/api/auth/signup/route");
const { POST: login } = await import("@/app/api/auth/login/route");
const { POST: refresh } = await import("@/app/api/auth/refresh/route");
const { GET: me } = await import("@/app/api/auth/me/route");
const passkeysRoute = await import("@/app/api/auth/passkeys/route");
const passkeyOptionsRoute = await import("@/app/api/auth/passkeys/options/route");
const { getDb } = await import("@/lib/db");
const { deleteUser } = await import("@/lib/auth/accounts/users");
const { createSignedInUser, signInAgain } = await import("../factories/users");
const { turnOnTotp } = await import("../factories/factors");
const { apiRequest } = await import("../helpers/http");
const { softAuthenticator } = await import("../helpers/webauthn");

type Account = Awaited<ReturnType<typeof createSignedInUser>>;

let n = 0;
const newAddress = () => `moved${++n}-${crypto.randomUUID().slice(0, 6)}@example.com`;
// Each call from its own client address, so that the per-address limit counts only where a test means it to.
const nextIp = () => `198.51.100.${(++n % 250) + 1}`;

const post = (path: string, options: Parameters<typeof apiRequest>[1] = {}) => apiRequest(path, { method: "POST", ip: nextIp(), ...options });
const revert = (token: string, ip = nextIp()) => revertRoute(post("/api/auth/email/revert", { body: { token }, ip }), undefined);
const meWith = (accessToken: string) => me(apiRequest("/api/auth/me", { token: accessToken }), undefined);
const logIn = (email: string, password: string) => login(post("/api/auth/login", { body: { email, password } }), undefined);
const resetWith = (token: string, new_password: string) => reset(post("/api/auth/password/reset", { body: { token, new_password } }), undefined);

/** Changes the account's address through the API, as its signed-in holder would; the revert link the old address got. */
async function changeAddress(account: Pick<Account, "accessToken" | "password">, from: string, to = newAddress()) {
  const asked = await changeEmail(post("/api/auth/email", { token: account.accessToken, body: { new_email: to, password: account.password } }), undefined);
  expect(asked.status).toBe(202);
  const confirmToken = linkToken(await mailbox.next(to), "/verify-email");
  const confirmed = await verify(post("/api/auth/email/verify", { token: account.accessToken, body: { token: confirmToken } }), undefined);
  expect(confirmed.status).toBe(200);
  const notice = await nextMailAbout(from, "Your email address was changed · JWT Items");
  return { newEmail: to, notice, revertToken: linkToken(notice, "/revert-email") };
}

/** The next mail to `to` with this subject; the notices before it (a password changed) are passed over. */
async function nextMailAbout(to: string, subject: string) {
  for (;;) {
    const mail = await mailbox.next(to);
    if (mail.subject === subject) return mail;
  }
}

async function addPasskey(account: Account): Promise<string> {
  const options = await (await passkeyOptionsRoute.POST(post("/api/auth/passkeys/options", { token: account.accessToken }), undefined)).json();
  const added = await passkeysRoute.POST(
    post("/api/auth/passkeys", { token: account.accessToken, body: { response: softAuthenticator().register(options as never) } }),
    undefined,
  );
  expect(added.status).toBe(201);
  return ((await added.json()) as { passkey: { id: string } }).passkey.id;
}

async function factorsOf(userId: string) {
  const db = await getDb();
  const [totp, recoveryCodes, passkeys] = await Promise.all([
    db.totpFactor.findUnique({ where: { userId }, select: { confirmedAt: true } }),
    db.recoveryCode.count({ where: { userId } }),
    db.passkey.findMany({ where: { userId }, select: { id: true }, orderBy: { id: "asc" } }),
  ]);
  return { totp: totp !== null, recoveryCodes, passkeys: passkeys.map((p) => p.id) };
}

const problem = async (response: Response) => ({ status: response.status, body: await response.json() });

afterEach(() => {
  vi.useRealTimers();
});

describe("the notice of an email change", () => {
  it("goes to the old address with a link that puts it back, valid 7 days", async () => {
    const account = await createSignedInUser();
    const { newEmail, notice } = await changeAddress(account, account.user.email);
    expect(notice.subject).toBe("Your email address was changed · JWT Items");
    expect(notice.text).toContain(`from ${account.user.email} to ${newEmail}`);
    expect(notice.text).toContain("http://localhost:3000/revert-email#token=");
    expect(notice.text).toContain("This link works for 7 days, once.");
    // The new address gets no revert link: only the old one can undo the change.
    await mailbox.expectNone(newEmail);
  });

  it("stores the revert token only as a hash", async () => {
    const account = await createSignedInUser();
    const { revertToken } = await changeAddress(account, account.user.email);
    const db = await getDb();
    const rows = await db.emailToken.findMany({ where: { userId: account.user.id, purpose: "email_revert" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).not.toContain(revertToken);
    expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.email).toBe(account.user.email);
  });
});

describe("reverting an email change", () => {
  it("puts the old address back, verified, makes the password unusable, and mails a reset link there that works", async () => {
    const account = await createSignedInUser();
    const oldEmail = account.user.email;
    const { newEmail, revertToken } = await changeAddress(account, oldEmail);

    const response = await revert(revertToken);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");

    const mail = await mailbox.next(oldEmail);
    expect(mail.subject).toBe("Your email address was put back · JWT Items");
    await mailbox.expectNone(newEmail);
    // Neither the password the intruder knew nor the new address signs in.
    expect((await logIn(oldEmail, account.password)).status).toBe(401);
    expect((await logIn(newEmail, account.password)).status).toBe(401);

    expect((await resetWith(linkToken(mail, "/reset-password"), "a fresh start at last")).status).toBe(204);
    const signedIn = await logIn(oldEmail, "a fresh start at last");
    expect(signedIn.status).toBe(200);
    expect((await signedIn.json()).user).toMatchObject({ id: account.user.id, email: oldEmail, emailVerified: true });
  });

  it("ends every session of the account with email_reverted: access tokens and refresh tokens are refused at once", async () => {
    const account = await createSignedInUser();
    const other = await signInAgain(account.user, "the intruder's laptop");
    const { revertToken } = await changeAddress(account, account.user.email);
    expect((await meWith(other.accessToken)).status).toBe(200);

    expect((await revert(revertToken)).status).toBe(204);

    for (const session of [account, other]) {
      const refused = await meWith(session.accessToken);
      expect(refused.status).toBe(401);
      expect((await refused.json()).code).toBe("session_revoked");
      const refreshed = await refresh(post("/api/auth/refresh", { body: { refresh_token: session.refreshToken } }), undefined);
      expect(refreshed.status).toBe(401);
    }
    const db = await getDb();
    const sessions = await db.session.findMany({ where: { userId: account.user.id }, select: { endReason: true } });
    expect(sessions.map((s) => s.endReason)).toEqual(["email_reverted", "email_reverted"]);
  });

  it("keeps the TOTP, recovery codes and passkeys the account had before the change, and removes a passkey added after it", async () => {
    const account = await createSignedInUser();
    const older = await addPasskey(account);
    await turnOnTotp(account);
    const before = await factorsOf(account.user.id);
    expect(before).toMatchObject({ totp: true, passkeys: [older] });
    expect(before.recoveryCodes).toBeGreaterThan(0);

    const { revertToken } = await changeAddress(account, account.user.email);
    const added = await addPasskey(account);
    expect((await factorsOf(account.user.id)).passkeys).toEqual([older, added].sort());

    expect((await revert(revertToken)).status).toBe(204);
    expect(await factorsOf(account.user.id)).toEqual(before);
  });

  it("removes a TOTP and recovery codes set up after the change", async () => {
    const account = await createSignedInUser();
    const { revertToken } = await changeAddress(account, account.user.email);
    await turnOnTotp(account);
    expect((await factorsOf(account.user.id)).totp).toBe(true);

    expect((await revert(revertToken)).status).toBe(204);
    expect(await factorsOf(account.user.id)).toEqual({ totp: false, recoveryCodes: 0, passkeys: [] });
  });

  it("records one email_reverted event in the audit trail, with what it undid", async () => {
    const account = await createSignedInUser();
    await signInAgain(account.user);
    const { revertToken } = await changeAddress(account, account.user.email);
    await addPasskey(account);
    expect((await revert(revertToken)).status).toBe(204);

    const db = await getDb();
    const events = await db.auditEvent.findMany({ where: { targetId: account.user.id, type: "email_reverted" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ outcome: "success", actorType: "user", actorId: account.user.id });
    expect(events[0]!.details).toMatchObject({ sessions_ended: 2, passkeys_removed: 1, totp_removed: false, recovery_codes_removed: 0 });
  });
});

describe("what the revert link refuses", () => {
  it("refuses a used token: a replay is 400 and ends no session made since", async () => {
    const account = await createSignedInUser();
    const { revertToken } = await changeAddress(account, account.user.email);
    expect((await revert(revertToken)).status).toBe(204);
    await mailbox.next(account.user.email);

    const later = await signInAgain(account.user);
    const replay = await problem(await revert(revertToken));
    expect(replay).toMatchObject({ status: 400, body: { code: "invalid_revert_token" } });
    expect((await meWith(later.accessToken)).status).toBe(200);
    await mailbox.expectNone(account.user.email);
  });

  it("works for 7 days after the change, and is refused after them", async () => {
    const late = await createSignedInUser();
    const inTime = await createSignedInUser();
    const expired = await changeAddress(late, late.user.email);
    const live = await changeAddress(inTime, inTime.user.email);
    const now = Date.now();

    vi.useFakeTimers({ toFake: ["Date"], now: now + 7 * 86_400_000 + 1_000 });
    expect(await problem(await revert(expired.revertToken))).toMatchObject({ status: 400, body: { code: "invalid_revert_token" } });
    vi.setSystemTime(now + 7 * 86_400_000 - 60_000);
    expect((await revert(live.revertToken)).status).toBe(204);
    vi.useRealTimers();

    expect((await meWith(late.accessToken)).status).toBe(200);
  });

  it("refuses the token of another kind of link, and leaves that link working", async () => {
    const account = await createSignedInUser();
    await forgot(post("/api/auth/password/forgot", { body: { email: account.user.email } }), undefined);
    const resetToken = linkToken(await mailbox.next(account.user.email), "/reset-password");
    const target = newAddress();
    const asked = await changeEmail(post("/api/auth/email", { token: account.accessToken, body: { new_email: target, password: account.password } }), undefined);
    expect(asked.status).toBe(202);
    const confirmToken = linkToken(await mailbox.next(target), "/verify-email");

    for (const token of [resetToken, confirmToken]) {
      expect(await problem(await revert(token))).toMatchObject({ status: 400, body: { code: "invalid_revert_token" } });
    }
    expect((await meWith(account.accessToken)).status).toBe(200);
    expect((await resetWith(resetToken, "still my own link")).status).toBe(204);
  });

  it("lets exactly one of two racing reverts with one token win", async () => {
    const account = await createSignedInUser();
    const { revertToken } = await changeAddress(account, account.user.email);

    const responses = await Promise.all([revert(revertToken), revert(revertToken)]);
    expect(responses.map((r) => r.status).sort()).toEqual([204, 400]);

    await mailbox.next(account.user.email);
    await mailbox.expectNone(account.user.email);
    const db = await getDb();
    expect(await db.auditEvent.count({ where: { targetId: account.user.id, type: "email_reverted" } })).toBe(1);
    expect(await db.emailToken.count({ where: { userId: account.user.id, purpose: "password_reset", usedAt: null } })).toBe(1);
  });

  it("answers an unknown token exactly as a used one, and says nothing of any account", async () => {
    const account = await createSignedInUser();
    const { revertToken } = await changeAddress(account, account.user.email);
    await revert(revertToken);
    const used = await problem(await revert(revertToken));
    const unknown = await problem(await revert("Zx8vKp2qL5mN7rT0wY3bC6dF9gH1jA4sE2uI5oP8kQ0"));
    const strip = ({ status, body }: { status: number; body: Record<string, unknown> }) => ({ status, ...body, instance: undefined, requestId: undefined });
    expect(strip(unknown)).toEqual(strip(used));
    expect(JSON.stringify(used.body)).not.toContain(account.user.email);
  });

  it("counts every request per client address, like the forgot-password requests", async () => {
    const ip = "192.0.2.77";
    const statuses: number[] = [];
    // PASSWORD_RESET_MAX_PER_IP is 10 an hour.
    for (let i = 0; i < 11; i++) statuses.push((await revert(`not-a-real-token-${i}-${"x".repeat(40)}`, ip)).status);
    expect(statuses).toEqual([...Array<number>(10).fill(400), 429]);
  });
});

describe("what the intruder can and cannot do about the revert link", () => {
  it("cannot void it by changing the password, or by changing the address again", async () => {
    const account = await createSignedInUser();
    const original = account.user.email;
    const first = await changeAddress(account, original);
    const changed = await changePassword(
      post("/api/auth/password", { token: account.accessToken, body: { current_password: account.password, new_password: "the intruder's own" } }),
      undefined,
    );
    expect(changed.status).toBe(204);
    const intruder = { accessToken: account.accessToken, password: "the intruder's own" };
    await changeAddress(intruder, first.newEmail);

    expect((await revert(first.revertToken)).status).toBe(204);
    expect(await (await getDb()).user.findUniqueOrThrow({ where: { id: account.user.id }, select: { email: true } })).toEqual({ email: original });
  });

  it("cannot void the owner's link with the link of a later change", async () => {
    const account = await createSignedInUser();
    const original = account.user.email;
    const first = await changeAddress(account, original);
    const second = await changeAddress(account, first.newEmail);

    // The intruder reads the middle address: its link undoes only the second change.
    expect((await revert(second.revertToken)).status).toBe(204);
    expect((await revert(first.revertToken)).status).toBe(204);
    const db = await getDb();
    expect(await db.user.findUniqueOrThrow({ where: { id: account.user.id }, select: { email: true } })).toEqual({ email: original });
  });

  it("voids the links of later changes with the owner's revert", async () => {
    const account = await createSignedInUser();
    const first = await changeAddress(account, account.user.email);
    const second = await changeAddress(account, first.newEmail);

    expect((await revert(first.revertToken)).status).toBe(204);
    expect(await problem(await revert(second.revertToken))).toMatchObject({ status: 400, body: { code: "invalid_revert_token" } });
    const db = await getDb();
    expect(await db.user.findUniqueOrThrow({ where: { id: account.user.id }, select: { email: true } })).toEqual({ email: account.user.email });
  });

  it("loses the reset link and the change it had mailed to the new address", async () => {
    const account = await createSignedInUser();
    const { newEmail, revertToken } = await changeAddress(account, account.user.email);
    await forgot(post("/api/auth/password/forgot", { body: { email: newEmail } }), undefined);
    const intrudersReset = linkToken(await mailbox.next(newEmail), "/reset-password");
    const elsewhere = newAddress();
    await changeEmail(post("/api/auth/email", { token: account.accessToken, body: { new_email: elsewhere, password: account.password } }), undefined);
    const intrudersChange = linkToken(await mailbox.next(elsewhere), "/verify-email");

    expect((await revert(revertToken)).status).toBe(204);
    expect(await problem(await resetWith(intrudersReset, "taken over again"))).toMatchObject({ body: { code: "invalid_reset_token" } });
    const later = await signInAgain(account.user);
    const confirmed = await verify(post("/api/auth/email/verify", { token: later.accessToken, body: { token: intrudersChange } }), undefined);
    expect(confirmed.status).toBe(400);
  });

  it("cannot sign up with the old address, or move another account to it, while the link lives", async () => {
    const account = await createSignedInUser();
    const original = account.user.email;
    await changeAddress(account, original);

    const signedUp = await signup(post("/api/auth/signup", { body: { email: original, password: "squatting on it" } }), undefined);
    expect(await problem(signedUp)).toMatchObject({ status: 409, body: { code: "email_taken" } });
    const other = await createSignedInUser();
    const moved = await changeEmail(post("/api/auth/email", { token: other.accessToken, body: { new_email: original, password: other.password } }), undefined);
    expect(await problem(moved)).toMatchObject({ status: 409, body: { code: "email_taken" } });
    // The account itself may go back to it the ordinary way.
    const back = await changeEmail(post("/api/auth/email", { token: account.accessToken, body: { new_email: original, password: account.password } }), undefined);
    expect(back.status).toBe(202);
  });

  it("answers 409 and changes nothing when another account holds the old address anyway, and works once it is free", async () => {
    const account = await createSignedInUser();
    const original = account.user.email;
    const { revertToken } = await changeAddress(account, original);
    // As a signup that raced the change could: the factory skips the signup's check.
    const squatter = await createSignedInUser({ email: original });

    const refused = await problem(await revert(revertToken));
    expect(refused).toMatchObject({ status: 409, body: { code: "email_taken" } });
    expect((await meWith(account.accessToken)).status).toBe(200);
    expect((await meWith(squatter.accessToken)).status).toBe(200);
    await mailbox.expectNone(original);

    await deleteUser(squatter.user.id);
    expect((await revert(revertToken)).status).toBe(204);
    expect((await meWith(account.accessToken)).status).toBe(401);
  });
});
