// One page of the list as the API is asked for it, written once: the browser's hook
// sends it for every page, and the server page parses the first one with the API's own
// schema, so the page rendered on the server is the page the hook would have fetched.
import { DEFAULT_SORT, type Sort } from "./item-order";

export const PAGE_SIZE = 20;

/** What the list shows before the user searches or sorts: the page the server renders. */
export const FIRST_VIEW: { readonly query: string; readonly sort: Sort } = { query: "", sort: DEFAULT_SORT };

/** `/api/items` query parameters; the API client leaves out the empty ones. */
export function pageQuery(query: string, sort: Sort, cursor: string | null = null) {
  return { limit: PAGE_SIZE, q: query.trim(), sort, cursor: cursor ?? undefined };
}
