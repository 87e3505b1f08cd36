import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { requirePageCaller } from "@/lib/auth/accounts/page-caller";
import { getAdminUser } from "@/lib/auth/accounts/admin-users";
import { UserIdParamsSchema } from "@/lib/auth/schemas";
import { listAuditEvents } from "@/lib/audit/read";
import { HttpError } from "@/lib/http/problem";
import { USER_EVENTS_PAGE_SIZE } from "../../audit/audit-query";
import { UserManager } from "./user-manager";
import styles from "./user.module.css";

export const metadata: Metadata = { title: "User" };

type UserPageProps = { params: Promise<{ id: string }> };

// One user, as GET /api/users/{id} answers it, and their latest events, as
// GET /api/audit?user={id} does: both come with the HTML.
export default async function AdminUserPage({ params }: UserPageProps) {
  const { id } = await params;
  const { user: caller } = await requirePageCaller(`/admin/users/${id}`);
  if (caller.role !== "admin") forbidden();
  if (!UserIdParamsSchema.safeParse({ id }).success) notFound();
  const user = await getAdminUser(id).catch((error: unknown) => {
    if (error instanceof HttpError && error.status === 404) notFound();
    throw error;
  });
  const events = await listAuditEvents({ user: id, limit: USER_EVENTS_PAGE_SIZE });
  return (
    <div className={styles.page}>
      <p>
        <Link href="/admin/users">← All users</Link>
      </p>
      <UserManager initialUser={user} firstEvents={{ rows: events.events, nextCursor: events.nextCursor }} isSelf={caller.id === user.id} />
    </div>
  );
}
