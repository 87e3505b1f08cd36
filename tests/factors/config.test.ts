import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { refusal as failure } from "../helpers/env";

const secret = "s".repeat(32);

describe("the second factors' configuration", () => {
  it("asks for a proof within 600 seconds and has no encryption key of its own by default", () => {
    const env = parseEnv({ JWT_SECRET: secret });
    expect(env.REAUTH_MAX_AGE).toBe(600);
    expect(env.MFA_ENCRYPTION_KEY).toEqual([]);
  });

  it("reads MFA_ENCRYPTION_KEY as a list, the first key first", () => {
    const keys = ["a".repeat(32), "b".repeat(40)];
    expect(parseEnv({ JWT_SECRET: secret, MFA_ENCRYPTION_KEY: ` ${keys[0]}, ${keys[1]} ` }).MFA_ENCRYPTION_KEY).toEqual(keys);
  });

  it("refuses a key of MFA_ENCRYPTION_KEY shorter than 32 bytes, naming the variable", () => {
    expect(failure({ JWT_SECRET: secret, MFA_ENCRYPTION_KEY: `${"a".repeat(32)},short` })).toBe(
      "Invalid configuration: MFA_ENCRYPTION_KEY must be a comma-separated list of keys of at least 32 bytes each",
    );
  });

  it("refuses a REAUTH_MAX_AGE that is not a positive whole number", () => {
    expect(failure({ JWT_SECRET: secret, REAUTH_MAX_AGE: "0" })).toBe("Invalid configuration: REAUTH_MAX_AGE must be at least 1");
  });
});

describe("the passkeys' relying party configuration", () => {
  it("defaults to no RP id or name of its own (the app origin's host and the app's name are used)", () => {
    const env = parseEnv({ JWT_SECRET: secret });
    expect(env.WEBAUTHN_RP_ID).toBeUndefined();
    expect(env.WEBAUTHN_RP_NAME).toBeUndefined();
  });

  it("accepts the origin's host and a registrable suffix of it", () => {
    const origin = { JWT_SECRET: secret, APP_ORIGIN: "https://items.example.com" };
    expect(parseEnv({ ...origin, WEBAUTHN_RP_ID: "items.example.com" }).WEBAUTHN_RP_ID).toBe("items.example.com");
    expect(parseEnv({ ...origin, WEBAUTHN_RP_ID: "example.com" }).WEBAUTHN_RP_ID).toBe("example.com");
  });

  it("refuses an RP id that is not the origin's own, in one line naming the variable", () => {
    const origin = { JWT_SECRET: secret, APP_ORIGIN: "https://items.example.com" };
    expect(failure({ ...origin, WEBAUTHN_RP_ID: "evil.example" })).toBe(
      "Invalid configuration: WEBAUTHN_RP_ID must be the host of the app's origin (items.example.com) or a suffix of it",
    );
    expect(failure({ ...origin, WEBAUTHN_RP_ID: "com" })).toBe("Invalid configuration: WEBAUTHN_RP_ID must be a registrable domain, not com");
    expect(failure({ ...origin, WEBAUTHN_RP_ID: "https://items.example.com" })).toMatch(/^Invalid configuration: WEBAUTHN_RP_ID must be a host name/);
    // Unset APP_ORIGIN: the origin is http://localhost:$PORT, whose host is localhost.
    expect(failure({ JWT_SECRET: secret, WEBAUTHN_RP_ID: "example.com" })).toMatch(/host of the app's origin \(localhost\)/);
  });

  it("refuses an empty-looking or over-long RP name", () => {
    expect(failure({ JWT_SECRET: secret, WEBAUTHN_RP_NAME: "x".repeat(65) })).toBe("Invalid configuration: WEBAUTHN_RP_NAME must be at most 64 characters");
  });
});
