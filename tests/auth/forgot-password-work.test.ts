// Forgot-password must not say through the next request's timing whether an account
// exists: after the answer, an unknown address gets the same work as a real one (a link
// token written in the same transaction, the mail rendered and built) short of a live
// link and a delivery (docs/decisions/0027). Asserted on the work done, never on time.
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/mail/transport", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/mail/transport")>();
  return { ...real, deliver: vi.fn(real.deliver), composeMessage: vi.fn(real.composeMessage) };
});

const { POST: forgot } = await import("@/app/api/auth/password/forgot/route");
const { POST: reset } = await import("@/app/api/auth/password/reset/route");
const { backgroundSettled } = await import("@/lib/background/pending");
const { purgeStaleRows } = await import("@/lib/auth/accounts/purge");
const { getDb } = await import("@/lib/db");
const transport = await import("@/lib/mail/transport");
const { createSignedInUser } = await import("../factories/users");
const { apiRequest } = await import("../helpers/http");

let n = 0;
async function askForReset(email: string) {
  const response = await forgot(apiRequest("/api/auth/password/forgot", { method: "POST", body: { email }, ip: `198.51.100.${++n}` }), undefined);
  expect(response.status).toBe(202);
  await backgroundSettled();
}
const resetTokenRows = async () => (await getDb()).emailToken.findMany({ where: { purpose: "password_reset" } });

beforeEach(() => {
  vi.mocked(transport.deliver).mockClear();
  vi.mocked(transport.composeMessage).mockClear();
});

describe("forgot password, after the answer", () => {
  it("issues a token and delivers a built mail for an account's address", async () => {
    const { user } = await createSignedInUser();
    await askForReset(user.email);
    expect((await resetTokenRows()).filter((row) => row.userId === user.id)).toHaveLength(1);
    expect(vi.mocked(transport.deliver).mock.calls.map(([mail]) => mail.to)).toEqual([user.email]);
  });

  it("does the same work for an unknown address: a token row no link can redeem, and the mail built but not sent", async () => {
    const unknown = `nobody-${crypto.randomUUID()}@example.com`;
    const before = (await resetTokenRows()).length;
    await askForReset(unknown);

    const decoys = (await resetTokenRows()).filter((row) => row.userId === null);
    expect((await resetTokenRows()).length).toBe(before + 1);
    expect(decoys).toHaveLength(1);
    // The address asked about is not kept anywhere.
    expect(JSON.stringify(decoys)).not.toContain(unknown);
    expect(decoys[0]!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 25 * 60 * 1000);

    expect(transport.deliver).not.toHaveBeenCalled();
    const built = vi.mocked(transport.composeMessage).mock.calls.map(([mail]) => mail);
    expect(built).toHaveLength(1);
    expect(built[0]).toMatchObject({ to: unknown, subject: "Reset your password · JWT Items" });
    expect(built[0]!.text).toMatch(/\/reset-password#token=[\w-]{43}/);
  });

  it("never redeems a decoy's token, were it ever known", async () => {
    await askForReset(`nobody-${crypto.randomUUID()}@example.com`);
    const token = vi.mocked(transport.composeMessage).mock.calls[0]![0].text.match(/#token=([\w-]+)/)![1]!;
    const response = await reset(apiRequest("/api/auth/password/reset", { method: "POST", body: { token, new_password: "a decoy's new passphrase" } }), undefined);
    expect(response.status).toBe(400);
    expect((await response.json()).code).toBe("invalid_reset_token");
  });

  it("purges decoy rows once they have expired", async () => {
    await askForReset(`nobody-${crypto.randomUUID()}@example.com`);
    const db = await getDb();
    await db.emailToken.updateMany({ where: { userId: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await askForReset(`nobody-${crypto.randomUUID()}@example.com`);
    await purgeStaleRows();
    const left = await db.emailToken.findMany({ where: { userId: null } });
    expect(left).toHaveLength(1);
    expect(left[0]!.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });
});
