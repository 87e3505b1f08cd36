// How many events a page of the trail holds, on the audit page and a user's page: read
// by the server pages for the first page and by the lists for the next ones.
export const AUDIT_PAGE_SIZE = 25;
export const USER_EVENTS_PAGE_SIZE = 10;

/** The list's key for a filter: a new filter is a new list. */
export const auditKey = (filter: { user?: string | undefined; type?: string | undefined }) => `${filter.user ?? ""}|${filter.type ?? ""}`;
