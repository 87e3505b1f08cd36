// Who may use the admin endpoints: an account whose role is admin now, read from the
// database at every request, never from the token's claim.
import "server-only";
import { HttpError } from "@/lib/http/problem";
import { requireCaller, type Caller } from "@/lib/auth/identity/caller";
import type { RequestContext } from "@/lib/auth/identity/request-context";
import { currentRole } from "@/lib/auth/accounts/users";

/**
 * The caller, if the account is an admin now: the stored role, derived again, never the
 * token's claim, so a demotion (an address off ADMIN_EMAILS, an email changed away from
 * it) takes effect at the next request (README, Admin).
 */
export async function requireAdmin(context: RequestContext): Promise<Caller> {
  const caller = await requireCaller(context);
  const role = await currentRole(caller.id);
  if (role !== "admin") {
    throw new HttpError(403, { code: "admin_required", detail: "Only administrators may see this." });
  }
  return { ...caller, role };
}
