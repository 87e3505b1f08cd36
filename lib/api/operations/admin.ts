// The administrators' endpoints: users (search, one user, disable, enable, end sessions,
// remove second factors) and the audit trail. Every write is a sensitive action (a recent
// proof, aal 2 when the admin has a second factor), takes a reason, and is recorded.
import { COMMON_ERRORS } from "@/lib/api/errors";
import { EXAMPLE_USER } from "@/lib/api/examples";
import { defineOperation } from "@/lib/api/operation";
import { AuditPageSchema, AuditQuerySchema, EXAMPLE_AUDIT_EVENT } from "@/lib/audit/schemas";
import { AdminUserPageSchema, AdminUserResponseSchema } from "@/lib/auth/responses";
import { AdminReasonSchema, DisableUserSchema, UserIdParamsSchema, UsersQuerySchema } from "@/lib/auth/schemas";

const EXAMPLE_ADMIN_USER = { ...EXAMPLE_USER, disabled: null, mfa: true, lastLoginAt: "2026-12-04T08:15:00.000Z", activeSessions: 2 };
const EXAMPLE_REASON = { reason: "Reported for spam; disabled while we look into it." };

const NO_SUCH_USER = { ...COMMON_ERRORS.notFound, description: "There is no user with this id." };

export const listUsers = defineOperation({
  id: "listUsers",
  method: "GET",
  path: "/api/users",
  tag: "Admin",
  summary: "Users, searchable by email (admins only)",
  description:
    "Oldest first. `q` keeps users whose email contains it, ignoring case. Each user says whether it is disabled (with " +
    "the reason and the end), whether two-step sign-in is on, when it last signed in and how many sessions are live. " +
    "A user is an admin when its email is listed in `ADMIN_EMAILS` and verified.",
  access: "admin",
  query: UsersQuerySchema,
  success: {
    status: 200,
    description: "A page of users.",
    schema: AdminUserPageSchema,
    example: { users: [EXAMPLE_ADMIN_USER], nextCursor: null },
  },
});

export const getUser = defineOperation({
  id: "getUser",
  method: "GET",
  path: "/api/users/[id]",
  tag: "Admin",
  summary: "One user (admins only)",
  access: "admin",
  params: UserIdParamsSchema,
  success: { status: 200, description: "The user.", schema: AdminUserResponseSchema, example: { user: EXAMPLE_ADMIN_USER } },
  errors: [NO_SUCH_USER],
});

export const disableUser = defineOperation({
  id: "disableUser",
  method: "POST",
  path: "/api/users/[id]/disable",
  tag: "Admin",
  summary: "Disable a user (admins only)",
  description:
    "Every session of the user ends at once on every instance (`disabled`). Until `until`, or until enabled again, its " +
    "login (once the password is right) and its refresh tokens get 403 `account_disabled`. The user is mailed the reason. " +
    "An admin cannot disable themselves.",
  access: "admin",
  sensitive: true,
  params: UserIdParamsSchema,
  body: { schema: DisableUserSchema, required: true, example: { ...EXAMPLE_REASON, until: "2027-01-31T00:00:00Z" } },
  success: {
    status: 200,
    description: "The user, disabled.",
    schema: AdminUserResponseSchema,
    example: { user: { ...EXAMPLE_ADMIN_USER, disabled: { reason: EXAMPLE_REASON.reason, until: "2027-01-31T00:00:00.000Z" }, activeSessions: 0 } },
  },
  errors: [NO_SUCH_USER, { status: 409, codes: ["cannot_disable_self"], description: "You cannot disable your own account." }],
});

export const enableUser = defineOperation({
  id: "enableUser",
  method: "POST",
  path: "/api/users/[id]/enable",
  tag: "Admin",
  summary: "Enable a disabled user again (admins only)",
  description: "The user may sign in again; sessions ended by the disable stay ended. The user is mailed the reason.",
  access: "admin",
  sensitive: true,
  params: UserIdParamsSchema,
  body: { schema: AdminReasonSchema, required: true, example: { reason: "Looked into it: not spam." } },
  success: { status: 200, description: "The user, enabled.", schema: AdminUserResponseSchema, example: { user: EXAMPLE_ADMIN_USER } },
  errors: [NO_SUCH_USER],
});

export const endUserSessions = defineOperation({
  id: "endUserSessions",
  method: "DELETE",
  path: "/api/users/[id]/sessions",
  tag: "Admin",
  summary: "Sign a user out everywhere (admins only)",
  description: "Ends every session of the user at once on every instance (`revoked_by_admin`); the user is mailed the reason.",
  access: "admin",
  sensitive: true,
  params: UserIdParamsSchema,
  body: { schema: AdminReasonSchema, required: true, example: { reason: "The user reported a lost phone." } },
  success: { status: 204, description: "Every session ended." },
  errors: [NO_SUCH_USER],
});

export const removeUserMfa = defineOperation({
  id: "removeUserMfa",
  method: "DELETE",
  path: "/api/users/[id]/mfa",
  tag: "Admin",
  summary: "Remove a user's second factors (admins only)",
  description:
    "Removes the user's TOTP and recovery codes (not passkeys), for someone who lost their device; the user is mailed " +
    "the reason. Idempotent: for a user without TOTP nothing changes and no mail is sent.",
  access: "admin",
  sensitive: true,
  params: UserIdParamsSchema,
  body: { schema: AdminReasonSchema, required: true, example: { reason: "Lost their phone; identity checked by video call." } },
  success: { status: 204, description: "The second factors are gone." },
  errors: [NO_SUCH_USER],
});

export const listAuditEvents = defineOperation({
  id: "listAuditEvents",
  method: "GET",
  path: "/api/audit",
  tag: "Admin",
  summary: "The audit trail (admins only)",
  description:
    "Every security event, newest first: who acted (`actorId`), on whom (`targetId`), from which session, address and " +
    "browser, and an admin's reason. `user` keeps the events where that user acted or was acted on; `type` one type.",
  access: "admin",
  query: AuditQuerySchema,
  success: { status: 200, description: "A page of events.", schema: AuditPageSchema, example: { events: [EXAMPLE_AUDIT_EVENT], nextCursor: null } },
});
