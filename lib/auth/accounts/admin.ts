// Who may use the admin endpoints: an account whose role is admin now, read from the
// database at every request, never from the token's claim.
import "server-only";
import { HttpError } from "@/lib/http/problem";
import { requireUser, type CurrentUser } from "@/lib/auth/identity/caller";
import { currentRole } from "@/lib/auth/accounts/users";

/**
 * The caller, if the account is an admin now: the stored role, derived again, never the
 * token's claim, so a demotion (an address off ADMIN_EMAILS, an email changed away from
 * it) takes effect at the next request (README, Admin).
 */
export async function requireAdmin(request: Request): Promise<CurrentUser> {
  const user = await requireUser(request);
  const role = await currentRole(user.id);
  if (role !== "admin") {
    throw new HttpError(403, { code: "admin_required", detail: "Only administrators may see this." });
  }
  return { ...user, role };
}
