import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { requirePageCaller } from "@/lib/auth/accounts/page-caller";
import { UsersQuerySchema } from "@/lib/auth/schemas";
import { listAdminUsers } from "@/lib/auth/accounts/admin-users";
import { USERS_PAGE_SIZE } from "./users-query";
import { UsersTable } from "./users-table";
import styles from "./users.module.css";

export const metadata: Metadata = { title: "Users" };

// The first page comes with the HTML, as GET /api/users would answer it. Anyone but an
// admin gets ../forbidden.tsx with status 403, as the API answers them.
export default async function AdminUsersPage() {
  const { user } = await requirePageCaller("/admin/users");
  if (user.role !== "admin") forbidden();
  const page = await listAdminUsers(UsersQuerySchema.parse({ limit: USERS_PAGE_SIZE }));
  return (
    <div className={styles.page}>
      <div className={styles.intro}>
        <h1>Users</h1>
        <p className="muted">Everyone with an account, oldest first.</p>
      </div>
      <UsersTable firstPage={{ rows: page.users, nextCursor: page.nextCursor }} />
    </div>
  );
}
