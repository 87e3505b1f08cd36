// The second-factor endpoints called as a client would, through their route handlers, and
// the TOTP clock moved by whole steps (fake Date only: the database and timers stay real).
import { vi } from "vitest";
import { decodeJwt } from "jose";
import { POST as login } from "@/app/api/auth/login/route";
import { POST as loginMfa } from "@/app/api/auth/login/mfa/route";
import { GET as mfaStatus } from "@/app/api/auth/mfa/route";
import { POST as renewCodes } from "@/app/api/auth/mfa/recovery-codes/route";
import { POST as confirmTotp } from "@/app/api/auth/mfa/totp/confirm/route";
import { DELETE as disableTotp, POST as startTotp } from "@/app/api/auth/mfa/totp/route";
import { POST as reauthenticate } from "@/app/api/auth/reauthenticate/route";
import { totpCode } from "../factories/factors";
import type { SignedInUser } from "../factories/users";
import { apiRequest, type RequestOptions } from "./http";

const STEP_MS = 30_000;

/** Starts the clock 10 s into a time step, so that a test's steps never straddle a boundary. */
export function freezeTotpClock(): void {
  vi.useFakeTimers({ toFake: ["Date"], now: Math.floor(Date.now() / STEP_MS) * STEP_MS + 10_000 });
}

/** One time step later: the next code, the previous one used or not. */
export const nextStep = () => vi.setSystemTime(Date.now() + STEP_MS);

const post = (path: string, options: RequestOptions = {}) => apiRequest(path, { method: "POST", ...options });

export const api = {
  logIn: (body: unknown, ip = "203.0.113.50") => login(post("/api/auth/login", { body, ip }), undefined),
  secondStep: (body: unknown, options: RequestOptions = {}) =>
    loginMfa(post("/api/auth/login/mfa", { body, ip: "203.0.113.50", ...options }), undefined),
  status: (token: string) => mfaStatus(apiRequest("/api/auth/mfa", { token }), undefined),
  startTotp: (token: string) => startTotp(post("/api/auth/mfa/totp", { token }), undefined),
  confirmTotp: (token: string, code: string) => confirmTotp(post("/api/auth/mfa/totp/confirm", { token, body: { code } }), undefined),
  disableTotp: (token: string) => disableTotp(apiRequest("/api/auth/mfa/totp", { method: "DELETE", token }), undefined),
  renewCodes: (token: string) => renewCodes(post("/api/auth/mfa/recovery-codes", { token }), undefined),
  reauthenticate: (token: string, body: unknown, options: RequestOptions = {}) =>
    reauthenticate(post("/api/auth/reauthenticate", { token, body, ...options }), undefined),
};

/** Sets up TOTP through the API: the secret it shows, and the recovery codes the confirmation answers. */
export async function setUpTotp(account: Pick<SignedInUser, "accessToken">) {
  const started = await api.startTotp(account.accessToken);
  if (started.status !== 201) throw new Error(`POST /api/auth/mfa/totp answered ${started.status}: ${await started.text()}`);
  const { secret } = (await started.json()) as { secret: string };
  const confirmed = await api.confirmTotp(account.accessToken, await totpCode(secret));
  if (confirmed.status !== 200) throw new Error(`confirm answered ${confirmed.status}: ${await confirmed.text()}`);
  const { recovery_codes } = (await confirmed.json()) as { recovery_codes: string[] };
  return { secret, recoveryCodes: recovery_codes };
}

/** The password step of a login for an account with TOTP: its mfa_token. */
export async function passwordStep(account: Pick<SignedInUser, "user" | "password">, ip = "203.0.113.50"): Promise<string> {
  const response = await api.logIn({ email: account.user.email, password: account.password }, ip);
  const body = (await response.json()) as { mfa_token?: string };
  if (!body.mfa_token) throw new Error(`The login answered ${response.status} without an mfa_token: ${JSON.stringify(body)}`);
  return body.mfa_token;
}

/** The claims of an access token, unverified: what a client reads from it. */
export const claimsOf = (accessToken: string) => decodeJwt(accessToken);

/** A problem answer's status, code and challenge. */
export async function problemOf(response: Response) {
  const body = (await response.json()) as { code?: string };
  return { status: response.status, code: body.code, challenge: response.headers.get("www-authenticate") };
}
