import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/page-user";
import { ItemsQuerySchema } from "@/lib/items/schemas";
import { listItems } from "@/lib/items/service";
import { VerifyBanner } from "../verify-banner";
import { ItemsManager } from "./items-manager";
import { FIRST_VIEW, pageQuery } from "./list-query";
import styles from "./items.module.css";

export const metadata: Metadata = { title: "Items" };

// The first page comes with the HTML: no request after hydration, no skeleton rows.
export default async function ItemsPage() {
  const user = await requirePageUser("/items");
  const firstPage = await listItems(user.id, ItemsQuerySchema.parse(pageQuery(FIRST_VIEW.query, FIRST_VIEW.sort)));
  return (
    <div className={styles.page}>
      <h1>Items</h1>
      {user.emailVerified ? null : <VerifyBanner email={user.email} />}
      <ItemsManager firstPage={firstPage} />
    </div>
  );
}
