// Ids are UUIDs (v7, time-ordered). A string that is not one can match no row, so
// callers answer 404 without asking the database, which would reject it with an error.
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}
