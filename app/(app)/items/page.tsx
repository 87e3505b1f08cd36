import type { Metadata } from "next";
import { requirePageCaller } from "@/lib/auth/accounts/page-caller";
import { ItemsQuerySchema } from "@/lib/items/schemas";
import { listItems } from "@/lib/items/service";
import { VerifyBanner } from "../verify-banner";
import { ItemsManager } from "./items-manager";
import { FIRST_VIEW, pageQuery, viewFromParams, viewHref } from "./list-query";
import styles from "./items.module.css";

export const metadata: Metadata = { title: "Items" };

type ItemsPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The first page comes with the HTML, for the search and sort in the URL: no request
// after hydration, no skeleton rows.
export default async function ItemsPage({ searchParams }: ItemsPageProps) {
  const params = await searchParams;
  const requested = viewFromParams({ get: (name) => [params[name]].flat()[0] ?? null });
  const { user } = await requirePageCaller(viewHref("/items", requested));
  // A search the API would refuse (too long) shows the plain list; the browser's own
  // fetch for it then explains why.
  const parsed = ItemsQuerySchema.safeParse(pageQuery(requested.query, requested.sort));
  const view = parsed.success ? requested : FIRST_VIEW;
  const page = await listItems(user.id, parsed.success ? parsed.data : ItemsQuerySchema.parse(pageQuery(view.query, view.sort)));
  return (
    <div className={styles.page}>
      <h1>Items</h1>
      {user.emailVerified ? null : <VerifyBanner email={user.email} />}
      <ItemsManager firstPage={{ rows: page.items, nextCursor: page.nextCursor }} firstView={view} />
    </div>
  );
}
