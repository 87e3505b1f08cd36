// Links of one kind asked for at the same moment leave exactly one live, the newer: the
// requests race for real here (Promise.all), on PostgreSQL with TEST_DATABASE_URL.
import { describe, expect, it } from "vitest";
import "../helpers/app-with-mail";

// Room for bursts of five: the mail limits of one account or address are not the subject.
Object.assign(process.env, { PASSWORD_RESET_MAX_PER_EMAIL: "1000", PASSWORD_RESET_MAX_PER_IP: "1000", VERIFY_MAIL_MAX_PER_USER: "1000" });

const { POST: forgot } = await import("@/app/api/auth/password/forgot/route");
const { POST: changeEmail } = await import("@/app/api/auth/email/route");
const { backgroundSettled } = await import("@/lib/background/pending");
const { getDb } = await import("@/lib/db");
const { createSignedInUser } = await import("../factories/users");
const { apiRequest } = await import("../helpers/http");

const ROUNDS = 10;
let n = 0;

/** Every token of the purpose the user was given, and those still live. */
async function tokensOf(userId: string, purpose: "password_reset" | "email_change") {
  const db = await getDb();
  const rows = await db.emailToken.findMany({ where: { userId, purpose }, select: { createdAt: true, usedAt: true, expiresAt: true } });
  const live = rows.filter((row) => row.usedAt === null && row.expiresAt > new Date());
  return { rows, live };
}

function expectOneLiveNewest({ rows, live }: Awaited<ReturnType<typeof tokensOf>>, burst: number) {
  expect(rows).toHaveLength(burst);
  expect(live).toHaveLength(1);
  const newest = Math.max(...rows.map((row) => row.createdAt.getTime()));
  expect(live[0]!.createdAt.getTime()).toBe(newest);
}

describe.each([2, 5])("%i links of one kind asked for at once", (burst) => {
  it(`leaves exactly one reset link live, the newest, in each of ${ROUNDS} rounds`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { user } = await createSignedInUser();
      const ask = () => forgot(apiRequest("/api/auth/password/forgot", { method: "POST", body: { email: user.email }, ip: `198.51.100.${++n % 250}` }), undefined);
      const answers = await Promise.all(Array.from({ length: burst }, ask));
      expect(answers.map((a) => a.status)).toEqual(Array(burst).fill(202));
      await backgroundSettled();
      expectOneLiveNewest(await tokensOf(user.id, "password_reset"), burst);
    }
  });

  it(`leaves exactly one email-change link live, the newest, in each of ${ROUNDS} rounds`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { user, password, accessToken } = await createSignedInUser();
      const ask = () => {
        const body = { new_email: `racing${++n}@example.com`, password };
        return changeEmail(apiRequest("/api/auth/email", { method: "POST", token: accessToken, body }), undefined);
      };
      const answers = await Promise.all(Array.from({ length: burst }, ask));
      expect(answers.map((a) => a.status)).toEqual(Array(burst).fill(202));
      expectOneLiveNewest(await tokensOf(user.id, "email_change"), burst);
    }
  });
});
