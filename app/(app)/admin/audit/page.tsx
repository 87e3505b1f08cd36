import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { requirePageCaller } from "@/lib/auth/accounts/page-caller";
import { AuditQuerySchema } from "@/lib/audit/schemas";
import { listAuditEvents } from "@/lib/audit/read";
import { AUDIT_PAGE_SIZE } from "./audit-query";
import { AuditBrowser } from "./audit-browser";
import styles from "./audit.module.css";

export const metadata: Metadata = { title: "Audit trail" };

type AuditPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The first page comes with the HTML, as GET /api/audit would answer it, for the filter in
// the address (?user=…&type=…, so a user's page can link to their events). A filter the
// API would refuse is shown as no filter, and said to be so.
export default async function AdminAuditPage({ searchParams }: AuditPageProps) {
  const { user } = await requirePageCaller("/admin/audit");
  if (user.role !== "admin") forbidden();
  const params = await searchParams;
  const asked = { user: typeof params.user === "string" ? params.user : "", type: typeof params.type === "string" ? params.type : "" };
  const parsed = AuditQuerySchema.safeParse({ ...asked, limit: AUDIT_PAGE_SIZE });
  const query = parsed.success ? parsed.data : AuditQuerySchema.parse({ limit: AUDIT_PAGE_SIZE });
  const page = await listAuditEvents(query);
  return (
    <div className={styles.page}>
      <div className={styles.intro}>
        <h1>Audit trail</h1>
        <p className="muted">Every security event, newest first: sign-ins and failed attempts, account changes, and what administrators did.</p>
      </div>
      <AuditBrowser
        initialFilter={{ user: query.user, type: query.type }}
        ignoredFilter={parsed.success ? null : `${asked.user} ${asked.type}`.trim()}
        firstPage={{ rows: page.events, nextCursor: page.nextCursor }}
      />
    </div>
  );
}
