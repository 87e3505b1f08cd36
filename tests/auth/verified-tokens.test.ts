// A token verified once is not checked in full again (lib/auth/identity/jwt.ts keeps
// verified tokens by their exact text): what can change since must still be checked at
// every use. Each test verifies a token first, so that the second verification is the
// cached one, and then tries to get a token through that should no longer pass.
import { generateKeyPair } from "jose";
import { afterEach, describe, expect, it, vi } from "vitest";
import { signAccessToken, verifyAccessToken, type KeySource, type TokenKey } from "@/lib/auth/identity/jwt";

async function es256(kid: string): Promise<{ signer: TokenKey; verifier: TokenKey }> {
  const { privateKey, publicKey } = await generateKeyPair("ES256");
  return { signer: { kid, alg: "ES256", key: privateKey }, verifier: { kid, alg: "ES256", key: publicKey } };
}

/** A key source with one key pair, which a test can withdraw (as a revocation does). */
async function source(kid = `kid-${crypto.randomUUID()}`) {
  const pair = await es256(kid);
  const state = { withdrawn: false };
  const keys: KeySource = {
    signing: async () => pair.signer,
    verifying: async (asked) => (asked === kid && !state.withdrawn ? pair.verifier : null),
  };
  return { keys, state, kid };
}

const claims = () => ({ sub: crypto.randomUUID(), sid: crypto.randomUUID(), role: "user" as const });

afterEach(() => {
  vi.useRealTimers();
});

describe("tokens verified before", () => {
  it("are refused as soon as their key is withdrawn, and accepted again only if it comes back", async () => {
    const { keys, state } = await source();
    const token = await signAccessToken(claims(), 900, keys);
    await verifyAccessToken(token, keys);
    expect(await verifyAccessToken(token, keys)).toMatchObject({ role: "user" });
    state.withdrawn = true;
    await expect(verifyAccessToken(token, keys)).rejects.toMatchObject({ code: "invalid_token" });
    state.withdrawn = false;
    expect(await verifyAccessToken(token, keys)).toMatchObject({ role: "user" });
  });

  it("are refused as expired from the second their exp names", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    const { keys } = await source();
    const token = await signAccessToken(claims(), 60, keys);
    await verifyAccessToken(token, keys);
    vi.setSystemTime(Date.now() + 59_000);
    expect(await verifyAccessToken(token, keys)).toMatchObject({ role: "user" });
    vi.setSystemTime(Date.now() + 1_000);
    await expect(verifyAccessToken(token, keys)).rejects.toMatchObject({ code: "token_expired" });
  });

  it("are checked in full against another source's key: the same kid with another key is refused", async () => {
    const first = await source("shared-kid");
    const other = await source("shared-kid");
    const token = await signAccessToken(claims(), 900, first.keys);
    await verifyAccessToken(token, first.keys);
    await expect(verifyAccessToken(token, other.keys)).rejects.toMatchObject({ code: "invalid_token" });
    // And the other source's refusal does not stick to the first one's keys.
    expect(await verifyAccessToken(token, first.keys)).toMatchObject({ role: "user" });
  });

  it("are checked in full once altered, by a single character of signature or payload", async () => {
    const { keys } = await source();
    const token = await signAccessToken(claims(), 900, keys);
    await verifyAccessToken(token, keys);
    const [head, body, signature] = token.split(".") as [string, string, string];
    const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === "A" ? "B" : "A") + text.slice(at + 1);
    await expect(verifyAccessToken(`${head}.${body}.${flip(signature, 10)}`, keys)).rejects.toMatchObject({ code: "invalid_token" });
    await expect(verifyAccessToken(`${head}.${flip(body, 10)}.${signature}`, keys)).rejects.toMatchObject({ code: "invalid_token" });
  });

  it("give each caller its own copy of the claims", async () => {
    const { keys } = await source();
    const signed = claims();
    const token = await signAccessToken(signed, 900, keys);
    const first = await verifyAccessToken(token, keys);
    first.sub = crypto.randomUUID();
    expect((await verifyAccessToken(token, keys)).sub).toBe(signed.sub);
  });
});
