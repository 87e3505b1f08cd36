// Signing in with a passkey alone: a discoverable credential with user verification is two
// factors in one (something held, and a fingerprint, face or PIN), so the session starts at
// aal 2 with amr ["passkey"]. Limited per client address like password logins, and answered
// like one: the same tokens, cookies and device token.
import "server-only";
import { unauthorizedAs } from "@/lib/http/challenge";
import { consume, giveBack, limits } from "@/lib/auth/accounts/limits";
import { knownDevice, startSession } from "@/lib/auth/accounts/grants";
import { findCredentials, isDisabled, refuseIfDisabled, syncRole, toUser } from "@/lib/auth/accounts/users";
import { recordAccountEvent } from "@/lib/audit/account-events";
import { noticeNewDevice } from "@/lib/mail/notices";
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
  if (!proved) {
    await recordAccountEvent("passkey_login", null, context, { outcome: "failure", details: { why: "invalid_passkey" } });
    throw invalidPasskey();
  }
  await giveBack(byAddress.key);
  const account = await findCredentials({ id: proved.userId });
  if (!account) throw invalidPasskey();
  if (isDisabled(account)) {
    await recordAccountEvent("passkey_login", account.id, context, { outcome: "failure", details: { why: "disabled" } });
  }
  refuseIfDisabled(account);
  const role = await syncRole(account);
  const device = knownDevice(account.id, undefined, context);
  const checked = { userId: account.id, credentialsVersion: account.credentialsVersion };
  const started = await startSession(toUser({ ...account, role }), checked, context, {
    proved: { aal: 2, amr: ["passkey"] },
    deviceToken: device?.token,
    event: { type: "passkey_login" },
  });
  // The account was deleted, or its password changed, between the check and the session.
  if (!started) throw invalidPasskey();
  if (!device) noticeNewDevice(account.email, context);
  return started;
}
