// Adding, listing, renaming and removing passkeys through the API, with a software
// authenticator that builds real WebAuthn responses (tests/helpers/webauthn.ts).
import { describe, expect, it } from "vitest";
import { mailbox } from "../helpers/app-with-mail";

const passkeysRoute = await import("@/app/api/auth/passkeys/route");
const optionsRoute = await import("@/app/api/auth/passkeys/options/route");
const oneRoute = await import("@/app/api/auth/passkeys/[id]/route");
const loginOptionsRoute = await import("@/app/api/auth/passkeys/login/options/route");
const { getDb } = await import("@/lib/db");
const { createSignedInUser } = await import("../factories/users");
const { apiRequest, params } = await import("../helpers/http");
const { FLAGS, softAuthenticator } = await import("../helpers/webauthn");

type Account = Awaited<ReturnType<typeof createSignedInUser>>;
type Json = Record<string, unknown>;

const creationOptions = async (account: Account) => {
  const response = await optionsRoute.POST(apiRequest("/api/auth/passkeys/options", { method: "POST", token: account.accessToken }), undefined);
  return { status: response.status, response, body: (await response.json()) as Json };
};

const add = (account: Account, body: unknown) =>
  passkeysRoute.POST(apiRequest("/api/auth/passkeys", { method: "POST", token: account.accessToken, body }), undefined);

async function addPasskey(account: Account, authenticator = softAuthenticator()) {
  const { body: options } = await creationOptions(account);
  const response = await add(account, { response: authenticator.register(options as never) });
  expect(response.status).toBe(201);
  return { authenticator, passkey: ((await response.json()) as { passkey: { id: string; name: string } }).passkey };
}

const list = async (account: Account) =>
  ((await (await passkeysRoute.GET(apiRequest("/api/auth/passkeys", { token: account.accessToken }), undefined)).json()) as {
    passkeys: { id: string; name: string }[];
  }).passkeys;

const oldProof = async (account: Account) => {
  const db = await getDb();
  await db.session.update({ where: { id: account.sessionId }, data: { authTime: new Date(Date.now() - 601_000) } });
};

describe("passkey creation options", () => {
  it("ask for a discoverable credential with user verification, for this relying party, with a fresh challenge", async () => {
    const account = await createSignedInUser();
    const { status, body } = await creationOptions(account);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      rp: { id: "localhost", name: "JWT Items" },
      user: { name: account.user.email, displayName: account.user.name },
      attestation: "none",
      excludeCredentials: [],
      authenticatorSelection: { residentKey: "required", userVerification: "required" },
    });
    // The user handle is the account id's bytes: no email or name in it.
    expect(Buffer.from(String((body.user as { id: string }).id), "base64url").toString("hex")).toBe(account.user.id.replace(/-/g, ""));
    expect(String(body.challenge)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await creationOptions(account)).body.challenge).not.toBe(body.challenge);
  });

  it("exclude the caller's existing passkeys, and nobody else's", async () => {
    const [account, other] = [await createSignedInUser(), await createSignedInUser()];
    const { authenticator } = await addPasskey(account);
    await addPasskey(other);
    const { body } = await creationOptions(account);
    expect(body.excludeCredentials).toEqual([{ id: authenticator.credentialId, type: "public-key", transports: ["internal", "hybrid"] }]);
  });

  it("are a sensitive action: a session whose last proof is older than REAUTH_MAX_AGE gets 401 step_up_required", async () => {
    const account = await createSignedInUser();
    await oldProof(account);
    const { status, response, body } = await creationOptions(account);
    expect(status).toBe(401);
    expect(body.code).toBe("step_up_required");
    expect(response.headers.get("www-authenticate")).toContain('error="insufficient_user_authentication"');
  });
});

describe("adding a passkey", () => {
  it("stores it named after its model, answers 201 with Location and no key material, and mails a notice", async () => {
    const account = await createSignedInUser();
    const authenticator = softAuthenticator();
    const { body: options } = await creationOptions(account);
    const response = await add(account, { response: authenticator.register(options as never) });
    expect(response.status).toBe(201);
    const { passkey } = (await response.json()) as { passkey: Record<string, unknown> };
    expect(Object.keys(passkey).sort()).toEqual(["backedUp", "counterRegressedAt", "createdAt", "credentialId", "id", "lastUsedAt", "name"]);
    expect(passkey).toMatchObject({ credentialId: authenticator.credentialId, name: "iCloud Keychain", backedUp: true, lastUsedAt: null, counterRegressedAt: null });
    expect(response.headers.get("location")).toBe(`/api/auth/passkeys/${String(passkey.id)}`);
    expect(await list(account)).toEqual([passkey]);

    const notice = await mailbox.next(account.user.email);
    expect(notice.subject).toBe("A passkey was added · JWT Items");
    expect(notice.text).toContain("“iCloud Keychain”");
  });

  it("takes the name given, and names an unknown model by what it is", async () => {
    const account = await createSignedInUser();
    const { body: options } = await creationOptions(account);
    const named = await add(account, { response: softAuthenticator().register(options as never), name: "  Work laptop " });
    expect(((await named.json()) as { passkey: { name: string } }).passkey.name).toBe("Work laptop");
    const unknown = softAuthenticator({ aaguid: "00000000-0000-0000-0000-000000000000" });
    const { passkey } = await addPasskey(account, unknown);
    expect(passkey.name).toBe("Synced passkey");
  });

  it.each([
    ["replayed: the same response again", "replay"],
    ["a challenge that expired", "expired"],
    ["a challenge made for signing in", "ceremony"],
    ["a challenge made for another account", "account"],
    ["a response from another origin", "origin"],
    ["a response for another relying party", "rpId"],
    ["a response without user verification", "uv"],
  ] as const)("refuses %s with 400 invalid_passkey_response", async (_, how) => {
    const [account, other] = [await createSignedInUser(), await createSignedInUser()];
    const authenticator = softAuthenticator();
    let { body: options } = await creationOptions(account);
    let bend = {};
    const db = await getDb();
    if (how === "replay") expect((await add(account, { response: authenticator.register(options as never) })).status).toBe(201);
    if (how === "expired") await db.webauthnChallenge.updateMany({ where: { challenge: String(options.challenge) }, data: { expiresAt: new Date(Date.now() - 1) } });
    if (how === "ceremony") {
      const login = await loginOptionsRoute.POST(apiRequest("/api/auth/passkeys/login/options", { method: "POST" }), undefined);
      options = { ...options, challenge: ((await login.json()) as { challenge: string }).challenge } as Json;
    }
    if (how === "account") options = { ...options, challenge: (await creationOptions(other)).body.challenge } as Json;
    if (how === "origin") bend = { origin: "https://evil.example" };
    if (how === "rpId") bend = { rpId: "evil.example" };
    if (how === "uv") bend = { flags: FLAGS.UP | FLAGS.AT };
    const response = await add(account, { response: authenticator.register(options as never, bend) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: string }).code).toBe("invalid_passkey_response");
    expect(await list(account)).toHaveLength(how === "replay" ? 1 : 0);
  });

  it("refuses a credential the browser says is not discoverable (credProps.rk false)", async () => {
    const account = await createSignedInUser();
    const { body: options } = await creationOptions(account);
    const response = await add(account, { response: { ...softAuthenticator().register(options as never), clientExtensionResults: { credProps: { rk: false } } } });
    expect(response.status).toBe(400);
    expect(await list(account)).toEqual([]);
  });

  it("refuses a malformed body with 400 validation_failed, never a 500", async () => {
    const account = await createSignedInUser();
    for (const body of [{}, { response: { id: "x" } }, { response: { id: "***", rawId: "***", type: "public-key", response: {} } }]) {
      const response = await add(account, body);
      expect(response.status).toBe(400);
    }
  });
});

describe("renaming and removing passkeys", () => {
  const rename = (account: Account, id: string, name: string) =>
    oneRoute.PATCH(apiRequest(`/api/auth/passkeys/${id}`, { method: "PATCH", token: account.accessToken, body: { name } }), params({ id }));
  const remove = (account: Account, id: string) =>
    oneRoute.DELETE(apiRequest(`/api/auth/passkeys/${id}`, { method: "DELETE", token: account.accessToken }), params({ id }));

  it("renames the caller's own passkey", async () => {
    const account = await createSignedInUser();
    const { passkey } = await addPasskey(account);
    const response = await rename(account, passkey.id, "Phone");
    expect(response.status).toBe(200);
    expect(((await response.json()) as { passkey: { name: string } }).passkey.name).toBe("Phone");
  });

  it("answers 404 for another user's passkey, to rename and to remove, and leaves it as it was", async () => {
    const [owner, stranger] = [await createSignedInUser(), await createSignedInUser()];
    const { passkey } = await addPasskey(owner);
    expect((await rename(stranger, passkey.id, "Mine now")).status).toBe(404);
    expect((await remove(stranger, passkey.id)).status).toBe(404);
    expect((await rename(stranger, "not-a-uuid", "x")).status).toBe(404);
    expect(await list(owner)).toMatchObject([{ id: passkey.id, name: "iCloud Keychain" }]);
  });

  it("removes one with a recent proof, mails a notice, and asks for a fresh proof otherwise", async () => {
    const account = await createSignedInUser();
    const { passkey } = await addPasskey(account);
    await mailbox.next(account.user.email);
    await oldProof(account);
    const refused = await remove(account, passkey.id);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { code: string }).code).toBe("step_up_required");
    expect(await list(account)).toHaveLength(1);

    const db = await getDb();
    await db.session.update({ where: { id: account.sessionId }, data: { authTime: new Date() } });
    expect((await remove(account, passkey.id)).status).toBe(204);
    expect(await list(account)).toEqual([]);
    const notice = await mailbox.next(account.user.email);
    expect(notice.subject).toBe("A passkey was removed · JWT Items");
    expect((await remove(account, passkey.id)).status).toBe(404);
  });
});
