import { describe, expect, it } from "vitest";
import { mailbox } from "../helpers/app-with-mail";
import { linkToken } from "../helpers/smtp";

const { POST: changeEmail } = await import("@/app/api/auth/email/route");
const { POST: verify } = await import("@/app/api/auth/email/verify/route");
const { POST: forgot } = await import("@/app/api/auth/password/forgot/route");
const { POST: reset } = await import("@/app/api/auth/password/reset/route");
const { GET: me } = await import("@/app/api/auth/me/route");
const { createSignedInUser } = await import("../factories/users");
const { apiRequest } = await import("../helpers/http");

let n = 0;
const newAddress = () => `moved${++n}-${crypto.randomUUID().slice(0, 6)}@example.com`;

const requestChange = (accessToken: string, body: Record<string, string>) =>
  changeEmail(apiRequest("/api/auth/email", { method: "POST", token: accessToken, body }), undefined);
// Confirmed in a session of the account that asked for the change.
const verifyWith = (accessToken: string, token: string) =>
  verify(apiRequest("/api/auth/email/verify", { method: "POST", token: accessToken, body: { token } }), undefined);
const currentEmail = async (accessToken: string) =>
  (await (await me(apiRequest("/api/auth/me", { token: accessToken }), undefined)).json()).user.email;

describe("changing the email address", () => {
  it("mails a confirmation link to the new address, and changes nothing until it is followed", async () => {
    const { user, password, accessToken } = await createSignedInUser();
    const target = newAddress();
    const response = await requestChange(accessToken, { new_email: target, password });
    expect(response.status).toBe(202);
    const mail = await mailbox.next(target);
    expect(mail.subject).toBe("Confirm your new email address · JWT Items");
    expect(mail.text).toContain("http://localhost:3000/verify-email#token=");
    expect(await currentEmail(accessToken)).toBe(user.email);
    await mailbox.expectNone(user.email);
  });

  it("moves the account to the new address when the link is followed, verified, and tells the old address", async () => {
    const { user, password, accessToken } = await createSignedInUser();
    const target = newAddress();
    await requestChange(accessToken, { new_email: target, password });
    const confirmed = await verifyWith(accessToken, linkToken(await mailbox.next(target), "/verify-email"));
    expect(confirmed.status).toBe(200);
    expect((await confirmed.json()).user).toMatchObject({ email: target, emailVerified: true });
    expect(await currentEmail(accessToken)).toBe(target);

    const notice = await mailbox.next(user.email);
    expect(notice.subject).toBe("Your email address was changed · JWT Items");
    expect(notice.text).toContain(`from ${user.email} to ${target}`);
  });

  it("voids a reset link mailed to the old address once the address has changed", async () => {
    const { user, password, accessToken } = await createSignedInUser();
    await forgot(apiRequest("/api/auth/password/forgot", { method: "POST", body: { email: user.email }, ip: "198.51.100.77" }), undefined);
    const resetToken = linkToken(await mailbox.next(user.email), "/reset-password");
    const target = newAddress();
    await requestChange(accessToken, { new_email: target, password });
    await verifyWith(accessToken, linkToken(await mailbox.next(target), "/verify-email"));

    const response = await reset(
      apiRequest("/api/auth/password/reset", { method: "POST", body: { token: resetToken, new_password: "taken over at last" } }),
      undefined,
    );
    expect((await response.json()).code).toBe("invalid_reset_token");
  });

  it("refuses a wrong password with 403, and counts it like a failed login", async () => {
    const { accessToken } = await createSignedInUser();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await requestChange(accessToken, { new_email: newAddress(), password: "wrong" })).status);
    expect(statuses).toEqual([403, 403, 403, 403, 403, 429]);
  });

  it("refuses an address another account has with 409, and the account's own with 400", async () => {
    const other = await createSignedInUser();
    const { user, password, accessToken } = await createSignedInUser();
    const taken = await requestChange(accessToken, { new_email: other.user.email.toUpperCase(), password });
    expect(taken.status).toBe(409);
    expect((await taken.json()).code).toBe("email_taken");
    const same = await requestChange(accessToken, { new_email: user.email, password });
    expect(same.status).toBe(400);
    expect((await same.json()).errors).toEqual([expect.objectContaining({ path: "new_email" })]);
  });

  it("answers 409 at confirmation when someone signed up with the new address meanwhile", async () => {
    const { password, accessToken } = await createSignedInUser();
    const target = newAddress();
    await requestChange(accessToken, { new_email: target, password });
    const token = linkToken(await mailbox.next(target), "/verify-email");
    await createSignedInUser({ email: target });
    const confirmed = await verifyWith(accessToken, token);
    expect(confirmed.status).toBe(409);
    expect((await confirmed.json()).code).toBe("email_taken");
  });

  it("counts every request against the mail limit, so past it a taken and a free address answer the same 429", async () => {
    const other = await createSignedInUser();
    const { password, accessToken } = await createSignedInUser();
    const answers: { status: number; body: Record<string, unknown>; retryAfter: string | null }[] = [];
    for (let i = 0; i < 60; i++) {
      const newEmail = i % 2 === 0 ? other.user.email : newAddress();
      const response = await requestChange(accessToken, { new_email: newEmail, password });
      answers.push({ status: response.status, body: await response.json(), retryAfter: response.headers.get("retry-after") });
    }
    // VERIFY_MAIL_MAX_PER_USER is 3: taken, free, taken; the fourth request is over the limit.
    expect(answers.slice(0, 3).map((a) => a.status)).toEqual([409, 202, 409]);
    const limited = answers.slice(3);
    expect(limited.every((a) => a.status === 429)).toBe(true);
    const shape = ({ body, retryAfter }: (typeof answers)[number]) => ({ ...body, detail: String(body.detail).replace(/\d+/g, "N"), retryAfter: retryAfter !== null });
    for (const answer of limited) expect(shape(answer)).toEqual(shape(limited[0]!));
  });
});
