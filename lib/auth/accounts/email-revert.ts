// The owner's way back when someone else changed their email (docs/decisions/0039;
// README: Account recovery and email): the link the change mailed to the old
// address puts that address back, ends every session, removes the factors added since the
// change, and mails a reset link there. Public: the owner may have no session left.
import "server-only";
import { env } from "@/lib/env";
import { HttpError } from "@/lib/http/problem";
import { consume, limits } from "@/lib/auth/accounts/limits";
import {
  issueResetTokenIn,
  liveLinkTokenOwner,
  redeemRevertToken,
  voidLinkTokensAfterRevert,
} from "@/lib/auth/accounts/link-tokens";
import { restoreEmailIn, unusablePasswordHash } from "@/lib/auth/accounts/users";
import { removeFactorsAddedSince } from "@/lib/auth/factors/added-since";
import { endAllUserSessions } from "@/lib/auth/sessions/sessions";
import { accountEvent } from "@/lib/audit/account-events";
import { recordEvent } from "@/lib/audit/trail";
import { linkTo } from "@/lib/mail/links";
import { sendMail } from "@/lib/mail/outgoing";
import { mails } from "@/lib/mail/templates";
import type { RequestContext } from "@/lib/auth/identity/request-context";

const invalidRevertToken = () =>
  new HttpError(400, {
    code: "invalid_revert_token",
    detail: "This link is not valid: it has expired or was used already.",
  });

/**
 * Undoes an email change with its revert link. Everything happens in one transaction, the
 * one that ends the sessions (so every instance hears of it as of a logout): the token is
 * used up there, so of two reverts with one token exactly one commits and the other gets
 * 400 with nothing changed; an address another account holds is a 409 with nothing changed.
 */
export async function revertEmailChange(token: string, context: RequestContext): Promise<void> {
  await consume(limits.revertByAddress(context.addressKey));
  const userId = await liveLinkTokenOwner(token, ["email_revert"]);
  if (!userId) throw invalidRevertToken();
  const unusableHash = await unusablePasswordHash();
  // Filled in by the transaction; mailed only once it has committed.
  const reset: { to?: string; token?: string } = {};
  await endAllUserSessions(userId, "email_reverted", {
    alongWith: async (tx, ended) => {
      const redeemed = await redeemRevertToken(tx, token, userId);
      if (!redeemed) throw invalidRevertToken();
      const user = await restoreEmailIn(tx, userId, redeemed.email, unusableHash);
      await voidLinkTokensAfterRevert(tx, userId, redeemed.changedAt);
      const removed = await removeFactorsAddedSince(tx, userId, redeemed.changedAt);
      reset.token = await issueResetTokenIn(tx, userId, user.email, env.PASSWORD_RESET_TTL);
      reset.to = user.email;
      await recordEvent(
        accountEvent("email_reverted", userId, context, {
          details: {
            changed_at: redeemed.changedAt.toISOString(),
            sessions_ended: ended.length,
            totp_removed: removed.totp,
            recovery_codes_removed: removed.recoveryCodes,
            passkeys_removed: removed.passkeys,
          },
        }),
        tx,
      );
    },
  });
  if (reset.to && reset.token) sendMail(mails.emailReverted(reset.to, linkTo("/reset-password", reset.token), env.PASSWORD_RESET_TTL));
}
