// What a sign-in hands out once it has decided who the caller is: a session with its
// first refresh token, an access token that describes what the session proved, and the
// client's device token for the account. Shared by signup, login and the login's second step.
import "server-only";
import { env } from "@/lib/env";
import { signAccessToken, type Role } from "@/lib/auth/identity/jwt";
// Registers this instance's key set (JWT_ALG ES256 or EdDSA) as the one tokens are signed with.
import "@/lib/auth/identity/signing-keys";
import { deviceIdFor, issueDeviceToken, tokensInCookie } from "@/lib/auth/identity/device-tokens";
import { createSession, type CheckedCredentials, type SessionAssurance } from "@/lib/auth/sessions/sessions";
import { accountEvent } from "@/lib/audit/account-events";
import type { AuditEventInput, AuditEventType } from "@/lib/audit/events";
import { appendEventCtes } from "@/lib/audit/trail";
import type { RequestContext } from "@/lib/auth/identity/request-context";
import type { IssuedTokens } from "@/lib/auth/identity/token-delivery";
import type { User } from "@/lib/auth/responses";

type TokenGrant = { userId: string; role: Role; sessionId: string; expiresAt: Date; assurance: SessionAssurance };

/** An access token for a session, never living past the session's own end. */
export async function signSessionToken(grant: TokenGrant) {
  // No token may outlive what the revocation view tracks.
  const untilSessionEnds = (grant.expiresAt.getTime() - Date.now()) / 1000;
  const lifetime = Math.max(1, Math.min(env.ACCESS_TOKEN_TTL, Math.floor(untilSessionEnds)));
  const accessToken = await signAccessToken({ sub: grant.userId, sid: grant.sessionId, role: grant.role, assurance: grant.assurance }, lifetime);
  return { grant: { access_token: accessToken, token_type: "Bearer" as const, expires_in: lifetime }, untilSessionEnds };
}

export async function issueTokens(grant: TokenGrant & { refreshToken: string }): Promise<IssuedTokens> {
  const { grant: access, untilSessionEnds } = await signSessionToken(grant);
  return { grant: access, refreshToken: grant.refreshToken, refreshExpiresIn: Math.max(1, Math.round(untilSessionEnds)) };
}

/**
 * A session for an account whose password was just checked (or just set, at signup), at
 * the assurance its sign-in proved; null when that password stopped being the account's
 * meanwhile, or the account was deleted.
 */
export async function startSession(
  user: User,
  checked: CheckedCredentials,
  context: RequestContext,
  options: {
    proved?: Pick<SessionAssurance, "aal" | "amr">;
    deviceToken?: string | undefined;
    /** The sign-in's audit event, stored in the very statement that stores the session. */
    event?: { type: AuditEventType; details?: AuditEventInput["details"] };
  } = {},
) {
  const { event } = options;
  const recordSignIn = event
    ? (sessionId: string) => appendEventCtes(accountEvent(event.type, user.id, context, { sessionId, details: event.details }), "session")
    : undefined;
  const session = await createSession(checked, context.userAgent, options.proved, recordSignIn);
  if (!session) return null;
  const issued = await issueTokens({ userId: user.id, role: user.role, ...session });
  return { user, issued: { ...issued, deviceToken: options.deviceToken ?? issueDeviceToken(user.id) } };
}

/** The client's device token for this account, when it sent one made here for it. */
export function knownDevice(userId: string, bodyToken: string | undefined, context: RequestContext): { token: string; id: string } | null {
  for (const token of [bodyToken ?? "", ...tokensInCookie(context.cookies.device)]) {
    const id = deviceIdFor(token, userId);
    if (id) return { token, id };
  }
  return null;
}
