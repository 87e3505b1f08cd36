// What the database's errors mean, whichever client raised them (Prisma, its driver
// adapter, pg). No imports: the route wrapper, which middleware also uses on the edge,
// asks it.
// Prisma's codes for "cannot reach / lost / timed out waiting for the database", the
// driver adapter's own kinds (raw queries report those, under P2010), and the socket
// errors that the pg driver surfaces before Prisma wraps them.
const UNAVAILABLE_CODES = new Set([
  "P1001", "P1002", "P1008", "P1017", "P2024",
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "57P01", "57P03",
]);
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

type MaybeDbError = {
  code?: unknown;
  name?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown } } };
};

/** The database cannot be reached, was lost, or timed out: answered 503 with Retry-After. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if (typeof e !== "object") return false;
    const { code, name, cause, meta } = e as MaybeDbError;
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
    if (UNAVAILABLE_KINDS.has(String(meta?.driverAdapterError?.cause?.kind))) return true;
    if (name === "PrismaClientInitializationError") return true;
    e = cause;
  }
  return false;
}

/** A unique index refused the write (Prisma's P2002): a race that the index decided. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
