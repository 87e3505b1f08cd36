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
