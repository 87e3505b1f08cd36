// The second-factor endpoints' work (README: Second factors, Step-up): what the caller
// has set up, TOTP on and off, new recovery codes, the second step of a login, and
// reauthentication. The rules themselves live in lib/auth/factors; this is where they meet
// accounts, sessions and tokens. Sensitive actions reach here only past route()'s step-up.
import "server-only";
import { unauthorized, unauthorizedAs } from "@/lib/http/challenge";
import { HttpError } from "@/lib/http/problem";
import { knownDevice, signSessionToken, startSession } from "@/lib/auth/accounts/grants";
import { assertPassword } from "@/lib/auth/accounts/reauth";
import { currentRole, findUserById } from "@/lib/auth/accounts/users";
import { readProvedSession, recordProof } from "@/lib/auth/factors/assurance";
import { renewRecoveryCodes } from "@/lib/auth/factors/recovery-sets";
import { passSecondStep, reauthenticateWithFactor, type SecondFactorProof } from "@/lib/auth/factors/second-step";
import { countPasskeys } from "@/lib/auth/factors/passkeys";
import { passkeyRequestOptions } from "@/lib/auth/factors/passkey-assertions";
import { peekMfaToken } from "@/lib/auth/factors/mfa-tokens";
import { getMfaStatus } from "@/lib/auth/factors/status";
import { confirmTotpSetup, disableTotp, startTotpSetup } from "@/lib/auth/factors/totp-setup";
import { recordAccountEvent, type Origin } from "@/lib/audit/account-events";
import { noticeNewDevice } from "@/lib/mail/notices";
import type { Caller } from "@/lib/auth/identity/caller";
import type { RequestContext } from "@/lib/auth/identity/request-context";
import type { AccessGrant } from "@/lib/auth/identity/token-delivery";
import type { MfaStatusView } from "@/lib/auth/responses";
import type { AuthenticationResponseInput, LoginSecondStepInput, ReauthenticateInput } from "@/lib/auth/schemas";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";

/** The caller's address, for the notices; 401 when the account is gone. */
async function emailOf(caller: Caller): Promise<string> {
  const user = await findUserById(caller.id);
  if (!user) throw unauthorized("session_revoked");
  return user.email;
}

export async function mfaStatus(caller: Caller): Promise<MfaStatusView> {
  const [{ totp, recoveryCodesLeft }, passkeys] = await Promise.all([getMfaStatus(caller.id), countPasskeys(caller.id)]);
  return { totp, recovery_codes_left: recoveryCodesLeft, passkeys };
}

export async function beginTotpSetup(caller: Caller) {
  const setup = await startTotpSetup(caller.id, await emailOf(caller));
  return { secret: setup.secret, otpauth_uri: setup.otpauthUri, qr_svg: setup.qrSvg };
}

export async function finishTotpSetup(caller: Caller, code: string, context: Origin) {
  const codes = await confirmTotpSetup(caller.id, await emailOf(caller), caller.sessionId, code);
  await recordAccountEvent("totp_enabled", caller.id, context, { sessionId: caller.sessionId, details: { recovery_codes: codes.length } });
  return { recovery_codes: codes };
}

/** 409 `mfa_not_enabled` when TOTP was off: a client that thought it on learns otherwise. */
export async function turnOffTotp(caller: Caller, context: Origin): Promise<void> {
  if (!(await disableTotp(caller.id, await emailOf(caller)))) {
    throw new HttpError(409, { code: "mfa_not_enabled", detail: "Two-step sign-in is off already." });
  }
  await recordAccountEvent("totp_disabled", caller.id, context, { sessionId: caller.sessionId });
}

export async function newRecoveryCodes(caller: Caller, context: Origin) {
  const codes = await renewRecoveryCodes(caller.id, await emailOf(caller));
  await recordAccountEvent("recovery_codes_created", caller.id, context, { sessionId: caller.sessionId });
  return { recovery_codes: codes };
}

type ProofInput = { code?: string | undefined; recovery_code?: string | undefined; passkey?: AuthenticationResponseInput | undefined };
const proofOf = (input: ProofInput): SecondFactorProof =>
  input.passkey !== undefined ? { passkey: input.passkey } : input.code !== undefined ? { code: input.code } : { recoveryCode: input.recovery_code ?? "" };

const noPasskeys = () => new HttpError(409, { code: "no_passkeys", detail: "This account has no passkeys." });

/**
 * Request options for the second step of a login with a passkey: only the account's passkeys
 * are listed (and only they will be accepted). The `mfa_token` is read, neither used up nor
 * charged a try: options prove nothing. 401 `invalid_mfa_token`, 409 `no_passkeys`.
 */
export async function secondStepPasskeyOptions(mfaToken: string, context: RequestContext): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const holder = await peekMfaToken(mfaToken, context.addressKey);
  if (!holder) throw unauthorizedAs("invalid_mfa_token", "This sign-in step has expired or was already used. Sign in again.");
  if ((await countPasskeys(holder.userId)) === 0) throw noPasskeys();
  return passkeyRequestOptions("second_step", holder.userId);
}

/** Request options for reauthenticating with one of the caller's passkeys; 409 `no_passkeys`. */
export async function reauthenticationPasskeyOptions(caller: Caller): Promise<PublicKeyCredentialRequestOptionsJSON> {
  if ((await countPasskeys(caller.id)) === 0) throw noPasskeys();
  return passkeyRequestOptions("reauthentication", caller.id);
}

/**
 * Completes a login that answered `mfa_required`: a session at aal 2 whose amr names the
 * password and the factor, as a login's answer. The session is stored only if the password
 * the first step checked is still the account's (its version travels in the `mfa_token`).
 */
export async function logInSecondStep(input: LoginSecondStepInput, context: RequestContext) {
  const passed = await passSecondStep(input.mfa_token, context, proofOf(input));
  const user = await findUserById(passed.userId);
  const device = user && knownDevice(user.id, input.device_token, context);
  const started =
    user &&
    (await startSession(user, passed, context, {
      proved: { aal: 2, amr: ["pwd", passed.method] },
      deviceToken: device?.token,
      event: { type: "second_step", details: { method: passed.method } },
    }));
  if (!started) throw unauthorizedAs("invalid_mfa_token", "Your password or sign-in settings changed meanwhile. Sign in again.");
  if (passed.method === "rec") {
    await recordAccountEvent("recovery_code_used", passed.userId, context, { details: { left: passed.recoveryCodesLeft } });
  }
  if (!device) noticeNewDevice(started.user.email, context);
  return started;
}

/**
 * Proves a method again for the caller's session: a fresh auth_time, aal 2 for a factor,
 * and a new access token that says so. Wrong answers are 403 and counted like a login's.
 */
export async function reauthenticate(caller: Caller, input: ReauthenticateInput): Promise<AccessGrant> {
  if (input.password !== undefined) {
    await assertPassword(caller.id, input.password);
    await recordProof(caller.sessionId, caller.id, "pwd");
  } else {
    await reauthenticateWithFactor(caller.id, caller.sessionId, proofOf(input));
  }
  const [session, role] = await Promise.all([readProvedSession(caller.sessionId, caller.id), currentRole(caller.id)]);
  if (!session || !role) throw unauthorized("session_revoked");
  const { grant } = await signSessionToken({ userId: caller.id, role, sessionId: caller.sessionId, expiresAt: session.expiresAt, assurance: session });
  return grant;
}
