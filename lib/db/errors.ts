// What the database's errors mean, whichever client raised them (Prisma, its driver
// adapter, pg). No imports: the route wrapper, which middleware also uses on the edge,
// asks it.
// Prisma's codes for "cannot reach / lost / timed out waiting for the database / too many
// connections", and the socket errors that the pg driver surfaces before Prisma wraps them.
const UNAVAILABLE_CODES = new Set([
  "P1001", "P1002", "P1008", "P1017", "P2024", "P2037",
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN",
]);
// The driver adapter's own kinds (raw queries report those, under P2010).
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// PostgreSQL's SQLSTATEs (its manual, appendix A) for a server that refuses or drops
// connections: class 08 (connection exception), 53300 too_many_connections, 57P01
// admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up).
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|53300|57P0[123])$/;
// 55000 (object_not_in_prerequisite_state) is "not accepting connections" only when the
// server ends the connection with it (FATAL); raised by a query, it is the query's bug.
const NOT_ACCEPTING = "55000";

/** An error of pg, or the driver adapter's record of one inside a Prisma error. */
type ServerError = { code?: unknown; originalCode?: unknown; severity?: unknown; kind?: unknown };

type MaybeDbError = ServerError & {
  name?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: ServerError } };
};

/** The database cannot be reached, was lost, timed out or refuses connections: answered 503 with Retry-After. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if (typeof e !== "object") return false;
    const { code, name, cause, meta } = e as MaybeDbError;
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
    if (name === "PrismaClientInitializationError") return true;
    if (refusesConnections(e as ServerError)) return true;
    const adapter = meta?.driverAdapterError?.cause;
    if (adapter && (UNAVAILABLE_KINDS.has(String(adapter.kind)) || refusesConnections(adapter))) return true;
    e = cause;
  }
  return false;
}

function refusesConnections({ code, originalCode, severity }: ServerError): boolean {
  const sqlstate = originalCode ?? code;
  if (typeof sqlstate !== "string") return false;
  return UNAVAILABLE_SQLSTATE.test(sqlstate) || (sqlstate === NOT_ACCEPTING && severity === "FATAL");
}

/** A unique index refused the write (Prisma's P2002): a race that the index decided. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
