// Signing in with a passkey alone: a discoverable credential with user verification is two
// factors in one (something held, and a fingerprint, face or PIN), so the session starts at
// aal 2 with amr ["passkey"]. Limited per client address like password logins, and answered
// like one: the same tokens, cookies and device token.
import "server-only";
import { unauthorizedAs } from "@/lib/http/challenge";
import { consume, giveBack, limits } from "@/lib/auth/accounts/limits";
import { startSession } from "@/lib/auth/accounts/sign-in";
import { findCredentials, syncRole, toUser } from "@/lib/auth/accounts/users";
import { deviceIdFor, tokensInCookie } from "@/lib/auth/identity/device-tokens";
import { provePasskey } from "@/lib/auth/factors/passkey-assertions";
import type { RequestContext } from "@/lib/auth/identity/request-context";
import type { AuthenticationResponseInput } from "@/lib/auth/schemas";

const invalidPasskey = () =>
  unauthorizedAs("invalid_passkey", "This passkey cannot sign you in here: it may have been removed, or the attempt expired. Try again.");

export async function signInWithPasskey(response: AuthenticationResponseInput, context: RequestContext) {
  // Counted first, like a login: of many sent at once, at most the address's allowance is judged.
  const byAddress = limits.loginByAddress(context.addressKey);
  await consume(byAddress);
  const proved = await provePasskey(response, "sign_in", null);
  if (!proved) throw invalidPasskey();
  await giveBack(byAddress.key);
  const account = await findCredentials({ id: proved.userId });
  if (!account) throw invalidPasskey();
  const role = await syncRole(account);
  const device = tokensInCookie(context.cookies.device).find((token) => deviceIdFor(token, account.id));
  const started = await startSession(toUser({ ...account, role }), account.credentialsVersion, context, device, { aal: 2, amr: ["passkey"] });
  // The account was deleted, or its password changed, between the check and the session.
  if (!started) throw invalidPasskey();
  return started;
}
