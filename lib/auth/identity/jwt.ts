// The only module that signs or verifies access tokens. Edge-safe (middleware uses it):
// jose and Web Crypto only.
import { errors, jwtVerify, SignJWT } from "jose";
import { env } from "@/lib/env";
import { isUuid } from "@/lib/ids";

export type Role = "user" | "admin";

export type AccessClaims = { sub: string; sid: string; role: Role };

/**
 * What the session has proved, as claims (README: Tokens): `aal`, `amr` and `auth_time`.
 * They describe the session for clients; the server decides from the session row
 * (lib/auth/factors/sensitive.ts), so verification does not read them.
 */
export type AssuranceClaims = { aal: 1 | 2; amr: readonly string[]; authTime: Date };

// A session as a password login creates it (the factories' tokens, which name no other).
const PASSWORD_JUST_NOW = (): AssuranceClaims => ({ aal: 1, amr: ["pwd"], authTime: new Date() });

// Pinned: a token that names any other algorithm (including "none") is rejected.
const ALGORITHM = "HS256";
// RFC 9068's type for access tokens, required on verify: no other JWT signed with this key
// (now or by a later feature) can be passed off as an access token.
const TYPE = "at+jwt";
// A CryptoKey, imported once: given raw bytes, jose imports them again on every sign and
// verify (a Web Crypto call, on Node's thread pool), which is most of a verify's cost.
let importedKey: Promise<CryptoKey> | undefined;
const key = () =>
  (importedKey ??= crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(env.JWT_SECRET),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign", "verify"],
  ));

const isId = (value: unknown): value is string => typeof value === "string" && isUuid(value);

export class TokenError extends Error {
  override name = "TokenError";
  constructor(readonly code: "invalid_token" | "token_expired", message: string) {
    super(message);
  }
}

/**
 * Signs a token for `lifetime` seconds (ACCESS_TOKEN_TTL unless its session ends sooner:
 * revocation checks trust a token's `exp` to be no later than its session's expiry).
 */
export async function signAccessToken(
  claims: AccessClaims & { assurance?: AssuranceClaims },
  lifetime = env.ACCESS_TOKEN_TTL,
): Promise<string> {
  const { aal, amr, authTime } = claims.assurance ?? PASSWORD_JUST_NOW();
  return new SignJWT({ sid: claims.sid, role: claims.role, aal, amr: [...amr], auth_time: Math.floor(authTime.getTime() / 1000) })
    .setProtectedHeader({ alg: ALGORITHM, typ: TYPE })
    .setSubject(claims.sub)
    .setIssuer(env.JWT_ISSUER)
    .setAudience(env.JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${lifetime}s`)
    .sign(await key());
}

/** Verifies signature, algorithm, `iss`, `aud` and `exp`; throws TokenError otherwise. */
export async function verifyAccessToken(token: string): Promise<AccessClaims> {
  try {
    const { payload } = await jwtVerify(token, await key(), {
      algorithms: [ALGORITHM],
      typ: TYPE,
      issuer: env.JWT_ISSUER,
      audience: env.JWT_AUDIENCE,
      requiredClaims: ["sub", "sid", "role", "iat", "exp"],
    });
    const { sub, sid, role } = payload;
    // Ids are UUIDs: a token naming anything else was not issued by this server as it is
    // (and would reach the database as a malformed uuid).
    if (!isId(sub) || !isId(sid) || (role !== "user" && role !== "admin")) {
      throw new TokenError("invalid_token", "The access token's claims are malformed.");
    }
    return { sub, sid, role };
  } catch (error) {
    if (error instanceof TokenError) throw error;
    if (error instanceof errors.JWTExpired) {
      throw new TokenError("token_expired", "The access token has expired.");
    }
    throw new TokenError("invalid_token", "The access token is invalid.");
  }
}

/**
 * The access token a request carries: the Authorization header wins over the cookie
 * (README: Tokens, "The header wins when both are sent"). `source` matters for CSRF.
 */
function readAccessToken(
  headers: Headers,
  cookie: string | undefined,
): { token: string; source: "header" | "cookie" } | null {
  const authorization = headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer[ ]+([^ ]+)[ ]*$/i.exec(authorization);
    return { token: match?.[1] ?? "", source: "header" };
  }
  return cookie ? { token: cookie, source: "cookie" } : null;
}

export type TokenCheck =
  | { claims: AccessClaims; source: "header" | "cookie" }
  | { reason: "authentication_required" | TokenError["code"] };

/**
 * The token step of authenticating a request, shared by middleware (which stops here:
 * no database on the edge) and lib/auth/identity/caller.ts (which then checks revocation).
 */
export async function checkAccessToken(headers: Headers, cookie: string | undefined): Promise<TokenCheck> {
  const presented = readAccessToken(headers, cookie);
  if (!presented) return { reason: "authentication_required" };
  try {
    return { claims: await verifyAccessToken(presented.token), source: presented.source };
  } catch (error) {
    if (error instanceof TokenError) return { reason: error.code };
    throw error;
  }
}
