// How many users a page of the table holds: read by the server page for the first page
// and by the table for the next ones. Its own module, since a value exported from a
// "use client" file reaches a server component as a client reference, not as a number.
export const USERS_PAGE_SIZE = 50;
