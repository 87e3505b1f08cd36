// Which database errors mean "unreachable, or refusing connections": those are answered
// 503 with Retry-After by every route (README: The API), whichever client raised them.
// The shapes are the ones pg and Prisma's driver adapter give (seen against PostgreSQL 15).
import { describe, expect, it, vi } from "vitest";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { errorResponse } from "@/lib/http/error-response";

/** As pg raises a server's ErrorResponse (its DatabaseError). */
const pgError = (code: string, severity = "FATAL") => Object.assign(new Error(`server said ${code}`), { code, severity });

/** As Prisma raises it from a query, with the driver adapter's view of pg's error. */
function prismaError(prismaCode: string, cause: Record<string, unknown>) {
  return new Prisma.PrismaClientKnownRequestError(`Raw query failed. Code: ${String(cause.originalCode)}`, {
    code: prismaCode,
    clientVersion: "7",
    meta: { driverAdapterError: { name: "DriverAdapterError", cause } },
  });
}
const adapterPostgres = (code: string, severity = "FATAL") => ({ originalCode: code, kind: "postgres", code, severity, message: "…" });

const REFUSING = [
  ["55000", "object_not_in_prerequisite_state: the database is not accepting connections"],
  ["57P03", "cannot_connect_now: starting up or in recovery"],
  ["53300", "too_many_connections"],
  ["57P01", "admin_shutdown"],
  ["57P02", "crash_shutdown"],
  ["08000", "connection_exception"],
  ["08003", "connection_does_not_exist"],
  ["08006", "connection_failure"],
  ["08001", "sqlclient_unable_to_establish_sqlconnection"],
  ["08004", "sqlserver_rejected_establishment_of_sqlconnection"],
  ["08P01", "protocol_violation"],
] as const;

describe("a database that refuses connections", () => {
  it.each(REFUSING)("is unavailable when pg raises SQLSTATE %s (%s)", (code) => {
    expect(isDatabaseUnavailable(pgError(code))).toBe(true);
  });

  it.each(REFUSING)("is unavailable when Prisma's raw query carries SQLSTATE %s (%s)", (code) => {
    expect(isDatabaseUnavailable(prismaError("P2010", adapterPostgres(code)))).toBe(true);
    expect(isDatabaseUnavailable(prismaError("P2039", adapterPostgres(code)))).toBe(true);
  });

  it("is unavailable when Prisma reports too many connections in its own words", () => {
    const cause = { originalCode: "53300", kind: "TooManyConnections", cause: "too many connections for role" };
    expect(isDatabaseUnavailable(prismaError("P2037", cause))).toBe(true);
    expect(isDatabaseUnavailable(prismaError("P2010", cause))).toBe(true);
  });

  it.each(REFUSING)("is answered 503 with Retry-After for SQLSTATE %s", async (code) => {
    for (const error of [pgError(code), prismaError("P2010", adapterPostgres(code))]) {
      const response = errorResponse(error);
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect((await response.json()).code).toBe("database_unavailable");
    }
  });
});

describe("a database error that is the query's own", () => {
  it.each([
    ["55000 raised by a query (ERROR, the connection lives on)", pgError("55000", "ERROR")],
    ["55000 raised by a Prisma query", prismaError("P2010", adapterPostgres("55000", "ERROR"))],
    ["a unique violation", prismaError("P2002", { originalCode: "23505", kind: "UniqueConstraintViolation" })],
    ["a time out of range", pgError("22008", "ERROR")],
    ["a syntax error", prismaError("P2010", adapterPostgres("42601", "ERROR"))],
    ["a plain Error", new Error("boom")],
  ])("is not mistaken for an unavailable database: %s", (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(errorResponse(error).status).toBe(500);
  });
});
