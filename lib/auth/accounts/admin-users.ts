// What an admin sees of users and may do to them. Every write takes a reason, commits with
// its audit event, and mails the user what happened and why (README: Admin); its operation
// is marked sensitive, so route() has required a recent proof before it runs.
import "server-only";
import { getDb, type Prisma } from "@/lib/db";
import { HttpError } from "@/lib/http/problem";
import { noticeAdminAction } from "@/lib/mail/notices";
import { recordEvent } from "@/lib/audit/trail";
import type { AuditEventInput } from "@/lib/audit/events";
import { isDisabled, toUser, userSelect } from "@/lib/auth/accounts/users";
import { deleteRecoveryCodes } from "@/lib/auth/factors/recovery-codes";
import { endAllUserSessions } from "@/lib/auth/sessions/sessions";
import type { Caller } from "@/lib/auth/identity/caller";
import type { RequestContext } from "@/lib/auth/identity/request-context";
import type { AdminUser } from "@/lib/auth/responses";

/** The admin acting, and the request they act from: both go into the audit event. */
export type AdminAct = { admin: Caller; context: Pick<RequestContext, "clientAddress" | "userAgent">; reason: string };

const adminUserSelect = (now: Date) =>
  ({
    ...userSelect,
    disabledAt: true,
    disabledUntil: true,
    disabledReason: true,
    lastLoginAt: true,
    totpFactor: { select: { confirmedAt: true } },
    _count: { select: { sessions: { where: { endedAt: null, expiresAt: { gt: now } } } } },
  }) satisfies Prisma.UserSelect;

type AdminUserRow = Prisma.UserGetPayload<{ select: ReturnType<typeof adminUserSelect> }>;

function toAdminUser(row: AdminUserRow, now: Date): AdminUser {
  return {
    ...toUser(row),
    disabled: isDisabled(row, now) ? { reason: row.disabledReason ?? "", until: row.disabledUntil?.toISOString() ?? null } : null,
    mfa: row.totpFactor?.confirmedAt != null,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    activeSessions: row._count.sessions,
  };
}

const noSuchUser = () => new HttpError(404, { code: "not_found", detail: "There is no such user." });

// Prisma's `contains` is a LIKE whose own characters it passes through: what an admin
// typed is matched as itself (PostgreSQL's LIKE escapes with a backslash).
const literalLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listAdminUsers(page: { q?: string; limit: number; cursor?: string }) {
  const db = await getDb();
  const now = new Date();
  // Emails are stored lower-cased: the search is too, so it ignores case.
  const q = page.q?.trim().toLowerCase();
  // UUIDv7 ids grow with time, so ordering by id is ordering by signup.
  const rows = await db.user.findMany({
    where: { ...(page.cursor ? { id: { gt: page.cursor } } : {}), ...(q ? { email: { contains: literalLike(q) } } : {}) },
    orderBy: { id: "asc" },
    take: page.limit + 1,
    select: adminUserSelect(now),
  });
  const users = rows.slice(0, page.limit).map((row) => toAdminUser(row, now));
  const nextCursor = rows.length > page.limit ? (users.at(-1)?.id ?? null) : null;
  return { users, nextCursor };
}

export async function getAdminUser(id: string): Promise<AdminUser> {
  const db = await getDb();
  const now = new Date();
  const row = await db.user.findUnique({ where: { id }, select: adminUserSelect(now) });
  if (!row) throw noSuchUser();
  return toAdminUser(row, now);
}

function eventOf(act: AdminAct, targetId: string, type: AuditEventInput["type"], details?: AuditEventInput["details"]): AuditEventInput {
  return {
    type,
    actor: { kind: "admin", id: act.admin.id },
    targetId,
    sessionId: act.admin.sessionId,
    ip: act.context.clientAddress,
    userAgent: act.context.userAgent,
    reason: act.reason,
    details: details ?? null,
  };
}

/**
 * Disables the account and ends every session of it on every instance. The account row
 * changes first (with its event, in one transaction): from then on no login, however far
 * along, can store a session for it, and the sessions ended next are all there are.
 */
export async function disableUser(act: AdminAct, targetId: string, until: Date | null): Promise<AdminUser> {
  if (targetId === act.admin.id) {
    throw new HttpError(409, { code: "cannot_disable_self", detail: "You cannot disable your own account." });
  }
  const db = await getDb();
  const email = await db.$transaction(async (tx) => {
    const [row] = await tx.user.updateManyAndReturn({
      where: { id: targetId },
      data: { disabledAt: new Date(), disabledUntil: until, disabledReason: act.reason },
      select: { email: true },
    });
    if (!row) throw noSuchUser();
    await recordEvent(eventOf(act, targetId, "user_disabled", { until: until?.toISOString() ?? null }), tx);
    return row.email;
  });
  await endAllUserSessions(targetId, "disabled");
  noticeAdminAction(email, { kind: "disabled", until }, act.reason);
  return getAdminUser(targetId);
}

export async function enableUser(act: AdminAct, targetId: string): Promise<AdminUser> {
  const db = await getDb();
  const email = await db.$transaction(async (tx) => {
    const [row] = await tx.user.updateManyAndReturn({
      where: { id: targetId },
      data: { disabledAt: null, disabledUntil: null, disabledReason: null },
      select: { email: true },
    });
    if (!row) throw noSuchUser();
    await recordEvent(eventOf(act, targetId, "user_enabled"), tx);
    return row.email;
  });
  noticeAdminAction(email, { kind: "enabled" }, act.reason);
  return getAdminUser(targetId);
}

async function emailOf(targetId: string): Promise<string> {
  const db = await getDb();
  const row = await db.user.findUnique({ where: { id: targetId }, select: { email: true } });
  if (!row) throw noSuchUser();
  return row.email;
}

/** Ends every session of the user (`revoked_by_admin`), with its event in the same transaction. */
export async function endUserSessions(act: AdminAct, targetId: string): Promise<void> {
  const email = await emailOf(targetId);
  await endAllUserSessions(targetId, "revoked_by_admin", {
    alongWith: (tx) => recordEvent(eventOf(act, targetId, "user_sessions_ended"), tx),
  });
  noticeAdminAction(email, { kind: "sessions_ended" }, act.reason);
}

/** Removes the user's TOTP and recovery codes (not passkeys): for someone who lost their device. */
export async function removeUserMfa(act: AdminAct, targetId: string): Promise<void> {
  const email = await emailOf(targetId);
  const db = await getDb();
  const removed = await db.$transaction(async (tx) => {
    const totp = await tx.totpFactor.deleteMany({ where: { userId: targetId } });
    await deleteRecoveryCodes(tx, targetId);
    await recordEvent(eventOf(act, targetId, "user_mfa_removed", { removed: totp.count > 0 }), tx);
    return totp.count > 0;
  });
  // Nothing was on: the event says so, and the user is not told of a change that did not happen.
  if (removed) noticeAdminAction(email, { kind: "mfa_removed" }, act.reason);
}
