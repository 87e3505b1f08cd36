// The list's view (search and sort) and one page of it as the API is asked for it,
// written once: the browser's hook sends it for every page, the server page parses the
// first one with the API's own schema, and both read the view from the page's URL the
// same way, so the page rendered on the server is the page the hook would have fetched.
import { ITEM_PAGE_DEFAULTS } from "@/lib/items/schemas";
import { DEFAULT_SORT, isSort, type Sort } from "./item-sorts";

export const PAGE_SIZE = ITEM_PAGE_DEFAULTS.limit;

export type View = { readonly query: string; readonly sort: Sort };

/** What the list shows before the user searches or sorts. */
export const FIRST_VIEW: View = { query: "", sort: DEFAULT_SORT };

/** The list's query parameters (listItems); the API client leaves out the empty ones. */
export function pageQuery(query: string, sort: Sort, cursor: string | null = null) {
  return { limit: PAGE_SIZE, q: query.trim(), sort, cursor: cursor ?? undefined };
}

/** A view as one string, for the data hook's key; `viewOfKey` reads it back. */
export const viewKey = (view: View) => JSON.stringify([view.query, view.sort]);

export function viewOfKey(key: string): View {
  const [query, sort] = JSON.parse(key) as [string, Sort];
  return { query, sort };
}

// The page's own URL carries the view (`/items?q=lamp&sort=price`), so a view can be
// shared and survives a reload. A value the list does not offer means the default.
type Params = { get(name: string): string | null };

export function viewFromParams(params: Params): View {
  const sort = params.get("sort");
  return { query: params.get("q") ?? FIRST_VIEW.query, sort: sort !== null && isSort(sort) ? sort : FIRST_VIEW.sort };
}

/** The page's URL for a view: the defaults are left out, so the plain /items stays plain. */
export function viewHref(pathname: string, view: View): string {
  const params = new URLSearchParams();
  if (view.query.trim()) params.set("q", view.query.trim());
  if (view.sort !== FIRST_VIEW.sort) params.set("sort", view.sort);
  const search = params.toString();
  return search ? `${pathname}?${search}` : pathname;
}
