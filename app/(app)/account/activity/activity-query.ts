// How many events a page of the activity holds: read by the server page for the first
// page and by the list for the next ones.
export const ACTIVITY_PAGE_SIZE = 20;
