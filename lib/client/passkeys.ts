// The browser's side of passkeys: the WebAuthn ceremonies through @simplewebauthn/browser,
// with options from the API and responses sent back to it, and words a person can act on
// for each way a ceremony fails (cancelled, timed out, no passkey on this device).
import {
  browserSupportsWebAuthn,
  browserSupportsWebAuthnAutofill,
  startAuthentication,
  startRegistration,
  WebAuthnAbortService,
  WebAuthnError,
} from "@simplewebauthn/browser";
import { factors, passkeys } from "@/lib/api/endpoints";
import { ApiError, call } from "@/lib/client/api";

export { browserSupportsWebAuthn, browserSupportsWebAuthnAutofill };

/** Makes a passkey on this device and adds it to the signed-in account. */
export async function addPasskeyHere(name?: string) {
  const optionsJSON = await call(passkeys.passkeyCreationOptions);
  const response = await startRegistration({ optionsJSON: optionsJSON as Parameters<typeof startRegistration>[0]["optionsJSON"] });
  return call(passkeys.addPasskey, { body: { response, ...(name ? { name } : {}) } });
}

/**
 * Signs in with a passkey this browser offers. `autofill`: wait for the person to pick one
 * in the email field's suggestions (conditional mediation) instead of opening a dialog.
 */
export async function signInWithPasskeyHere(options: { autofill?: boolean } = {}) {
  const optionsJSON = await call(passkeys.passkeyLoginOptions);
  const response = await startAuthentication({
    optionsJSON: optionsJSON as Parameters<typeof startAuthentication>[0]["optionsJSON"],
    useBrowserAutofill: options.autofill ?? false,
  });
  try {
    return await call(passkeys.passkeyLogIn, { body: { response } });
  } catch (error) {
    // A passkey this site no longer knows (removed here, or its account deleted): the
    // browser may stop offering it.
    if (error instanceof ApiError && error.code === "invalid_passkey" && optionsJSON.rpId) {
      void signal("signalUnknownCredential", { rpId: optionsJSON.rpId, credentialId: response.id });
    }
    throw error;
  }
}

type RequestOptionsJSON = Parameters<typeof startAuthentication>[0]["optionsJSON"];

/** Completes a login's second step with one of the account's passkeys (the server lists them). */
export async function secondStepWithPasskeyHere(mfaToken: string) {
  const optionsJSON = await call(factors.secondStepPasskeyOptions, { body: { mfa_token: mfaToken } });
  const response = await startAuthentication({ optionsJSON: optionsJSON as RequestOptionsJSON });
  return call(factors.logInSecondStep, { body: { mfa_token: mfaToken, passkey: response } });
}

/** Proves one of the caller's passkeys again, for a sensitive action (step-up). */
export async function reauthenticateWithPasskeyHere() {
  const optionsJSON = await call(factors.reauthenticationPasskeyOptions);
  const response = await startAuthentication({ optionsJSON: optionsJSON as RequestOptionsJSON });
  return call(factors.reauthenticate, { body: { passkey: response } });
}

/**
 * Tells the browser which of the account's passkeys this site still accepts, so it stops
 * offering one removed here (the WebAuthn Signal API, where the browser has it; elsewhere
 * nothing happens).
 */
export function signalAcceptedPasskeys(rpId: string, userId: string, credentialIds: string[]): void {
  const userHandle = bytesToBase64url(userId.replace(/-/g, "").match(/../g)?.map((hex) => parseInt(hex, 16)) ?? []);
  void signal("signalAllAcceptedCredentials", { rpId, userId: userHandle, allAcceptedCredentialIds: credentialIds });
}

type Signals = {
  signalUnknownCredential?: (options: { rpId: string; credentialId: string }) => Promise<void>;
  signalAllAcceptedCredentials?: (options: { rpId: string; userId: string; allAcceptedCredentialIds: string[] }) => Promise<void>;
};

async function signal<K extends keyof Signals>(name: K, options: Parameters<NonNullable<Signals[K]>>[0]): Promise<void> {
  const api = (typeof PublicKeyCredential === "undefined" ? {} : PublicKeyCredential) as Signals;
  const method = api[name] as ((o: typeof options) => Promise<void>) | undefined;
  // Only a hint to the browser: nothing depends on it.
  await method?.call(api, options).catch(() => undefined);
}

const bytesToBase64url = (bytes: number[]) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

/** Stops a waiting autofill request, before a dialog ceremony or when the page goes. */
export const cancelPasskeyRequest = (): void => WebAuthnAbortService.cancelCeremony();

/** What to tell a person whose ceremony failed in the browser; null for an error of the API's. */
export function describePasskeyError(error: unknown): string | null {
  const name = error instanceof WebAuthnError ? error.name : error instanceof DOMException ? error.name : null;
  const code = error instanceof WebAuthnError ? error.code : null;
  if (code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED") return "This device already holds a passkey for your account.";
  if (code === "ERROR_CEREMONY_ABORTED" || name === "AbortError") return "The passkey request was cancelled.";
  if (name === "NotAllowedError") {
    return "The passkey request was cancelled or timed out, or this device has no passkey for this site. Try again, or use your password.";
  }
  if (name === "SecurityError") return "Passkeys do not work on this address. Open the app at its usual address.";
  if (name === "NotSupportedError" || name === "ConstraintError") return "This device cannot make a passkey that verifies you (a fingerprint, face or PIN).";
  if (name !== null) return "The passkey did not work on this device. Try again, or use your password.";
  return null;
}
