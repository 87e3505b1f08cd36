import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { refusal as failure } from "../helpers/env";

const secret = "s".repeat(32);

describe("configuration", () => {
  it("has the defaults the README's Configuration table lists", () => {
    const env = parseEnv({ JWT_SECRET: secret });
    expect(env).toMatchObject({
      ACCESS_TOKEN_TTL: 900,
      REFRESH_TOKEN_TTL: 2_592_000,
      REFRESH_REUSE_GRACE: 10,
      SESSION_MAX_AGE: 7_776_000,
      BCRYPT_COST: 12,
      PGLITE_DATA_DIR: ".data/pglite",
      LOGIN_MAX_FAILURES_PER_EMAIL: 5,
      LOGIN_MAX_FAILURES_PER_IP: 30,
      SIGNUP_MAX_PER_IP: 10,
      RATE_LIMIT_WINDOW: 900,
      JWT_ISSUER: "jwt-items",
      JWT_AUDIENCE: "jwt-items-api",
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.ADMIN_EMAILS.size).toBe(0);
  });

  it("requires JWT_SECRET when DATABASE_URL is set, naming it", () => {
    expect(failure({ DATABASE_URL: "postgres://db.example/app" })).toBe(
      "Invalid configuration: JWT_SECRET is required when DATABASE_URL is set",
    );
  });

  it("requires DATABASE_URL on Vercel, where there is no disk for the embedded database", () => {
    expect(failure({ JWT_SECRET: secret, VERCEL: "1" })).toBe("Invalid configuration: DATABASE_URL is required on Vercel");
  });

  it("requires SMTP_URL on Vercel, whose read-only files leave no outbox, and a link origin", () => {
    const vercel = { JWT_SECRET: secret, VERCEL: "1", DATABASE_URL: "postgres://db.example/app" };
    expect(failure(vercel)).toBe("Invalid configuration: SMTP_URL is required on Vercel");
    const withMail = { ...vercel, SMTP_URL: "smtps://user:pass@smtp.example.com" };
    expect(failure(withMail)).toMatch(/^Invalid configuration: APP_ORIGIN is required on Vercel/);
    expect(parseEnv({ ...withMail, VERCEL_PROJECT_PRODUCTION_URL: "items.example.com" }).SMTP_URL).toBe(withMail.SMTP_URL);
  });

  it("has the mail settings' defaults, and takes SMTP_URL only as smtp:// or smtps://", () => {
    expect(parseEnv({ JWT_SECRET: secret })).toMatchObject({
      MAIL_FROM: "JWT Items <no-reply@localhost>",
      MAIL_OUTBOX_DIR: ".data/outbox",
      PASSWORD_RESET_TTL: 1800,
      EMAIL_VERIFY_TTL: 86_400,
      PASSWORD_RESET_MAX_PER_EMAIL: 3,
      PASSWORD_RESET_MAX_PER_IP: 10,
    });
    expect(failure({ JWT_SECRET: secret, SMTP_URL: "http://mail.example.com" })).toBe(
      "Invalid configuration: SMTP_URL must be an smtp:// or smtps:// URL",
    );
  });

  it("refuses a JWT_SECRET shorter than 32 bytes", () => {
    expect(failure({ JWT_SECRET: "too short" })).toBe("Invalid configuration: JWT_SECRET must be at least 32 bytes");
  });

  it("takes APP_ORIGIN only as a bare origin, and says what it wants otherwise", () => {
    expect(parseEnv({ JWT_SECRET: secret, APP_ORIGIN: "https://items.example.com" }).APP_ORIGIN).toBe("https://items.example.com");
    for (const wrong of ["https://items.example.com/", "https://items.example.com/app", "items.example.com"]) {
      expect(failure({ JWT_SECRET: secret, APP_ORIGIN: wrong })).toMatch(/^Invalid configuration: APP_ORIGIN must be an origin/);
    }
  });

  it("takes WEB_CONCURRENCY as a whole number of at least 1", () => {
    expect(parseEnv({ JWT_SECRET: secret, WEB_CONCURRENCY: "3" }).WEB_CONCURRENCY).toBe(3);
    expect(failure({ JWT_SECRET: secret, WEB_CONCURRENCY: "0" })).toBe("Invalid configuration: WEB_CONCURRENCY must be at least 1");
  });

  it("refuses a DATABASE_URL that is not PostgreSQL", () => {
    expect(failure({ JWT_SECRET: secret, DATABASE_URL: "mysql://db/app" })).toMatch(/^Invalid configuration: DATABASE_URL /);
  });

  it("refuses numbers that are not whole, or out of range", () => {
    expect(failure({ JWT_SECRET: secret, ACCESS_TOKEN_TTL: "soon" })).toMatch(/^Invalid configuration: ACCESS_TOKEN_TTL /);
    expect(failure({ JWT_SECRET: secret, BCRYPT_COST: "3" })).toBe("Invalid configuration: BCRYPT_COST must be at least 4");
    expect(failure({ JWT_SECRET: secret, BCRYPT_COST: "16" })).toBe("Invalid configuration: BCRYPT_COST must be at most 15");
    expect(failure({ JWT_SECRET: secret, REFRESH_REUSE_GRACE: "61" })).toBe(
      "Invalid configuration: REFRESH_REUSE_GRACE must be at most 60",
    );
    expect(parseEnv({ JWT_SECRET: secret, REFRESH_REUSE_GRACE: "60" }).REFRESH_REUSE_GRACE).toBe(60);
  });

  it("reads ADMIN_EMAILS as a trimmed, lower-cased list", () => {
    const env = parseEnv({ JWT_SECRET: secret, ADMIN_EMAILS: " Ada@Example.com, grace@example.com ,," });
    expect([...env.ADMIN_EMAILS]).toEqual(["ada@example.com", "grace@example.com"]);
  });

  it("treats an empty variable as unset", () => {
    expect(parseEnv({ JWT_SECRET: secret, DATABASE_URL: "", ACCESS_TOKEN_TTL: "" }).ACCESS_TOKEN_TTL).toBe(900);
  });
});
