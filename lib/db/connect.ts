// The one place that chooses the database: PostgreSQL when DATABASE_URL is set, else the
// embedded PGlite at PGLITE_DATA_DIR. The client (lib/db/index.ts) and the migration
// runner (lib/db/migrate.ts) both open it here, so they cannot disagree on which one.
import "server-only";
import type { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { env } from "@/lib/env";

export type DatabaseTarget = { kind: "postgresql"; url: string } | { kind: "pglite"; dataDir: string };

export type Rows = (text: string, values: unknown[]) => Promise<Record<string, unknown>[]>;

/** An open database: a Prisma driver adapter factory over it, raw reads, and its close. */
export type OpenDatabase = {
  adapter: SqlMigrationAwareDriverAdapterFactory;
  rows: Rows;
  close: () => Promise<void>;
  /** The embedded database only (lib/db/notifications listens on it). */
  pglite?: PGlite;
};

export function configuredDatabase(): DatabaseTarget {
  return env.DATABASE_URL ? { kind: "postgresql", url: env.DATABASE_URL } : { kind: "pglite", dataDir: env.PGLITE_DATA_DIR };
}

/**
 * Makes this process the owner of the embedded database for the rest of its life, before
 * anything opens it: `npm start`'s primary (whose worker uses the claim), `npm run dev`,
 * `next start`. Throws DatabaseInUseError while another process owns it. Nothing to own
 * on PostgreSQL or in memory.
 */
export async function holdConfiguredDatabase(): Promise<void> {
  const target = configuredDatabase();
  if (target.kind !== "pglite") return;
  const [{ isInMemory }, { claimDataDir }] = await Promise.all([import("@/lib/db/pglite"), import("@/lib/db/owner")]);
  if (!isInMemory(target.dataDir)) claimDataDir(target.dataDir);
}

/** Opens the target; on PostgreSQL a pool of at most `poolMax` connections. */
export async function openDatabase(target: DatabaseTarget, { poolMax }: { poolMax: number }): Promise<OpenDatabase> {
  return target.kind === "postgresql" ? openPostgres(target.url, poolMax) : openEmbedded(target.dataDir);
}

async function openPostgres(connectionString: string, max: number): Promise<OpenDatabase> {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { default: pg } = await import("pg");
  const pool = new pg.Pool({
    connectionString,
    max,
    // Without a limit pg waits forever for an unreachable server; fail so callers can 503.
    connectionTimeoutMillis: 5_000,
  });
  const names = new Map<string, string>();
  const rows: Rows = async (text, values) => {
    const name = names.get(text) ?? `q${names.size}`;
    names.set(text, name);
    try {
      return (await pool.query({ name, text, values })).rows;
    } catch (error) {
      // pg's "timeout exceeded when trying to connect" carries no code: give it one, so
      // it is answered as an unreachable database (503), as Prisma's own queries are.
      if (error instanceof Error && !("code" in error) && /timeout/i.test(error.message)) {
        throw Object.assign(error, { code: "ETIMEDOUT" });
      }
      throw error;
    }
  };
  return { adapter: new PrismaPg(pool), rows, close: () => pool.end() };
}

async function openEmbedded(dataDir: string): Promise<OpenDatabase> {
  const { openPglite, pgliteAdapterFactory } = await import("@/lib/db/pglite");
  const { pglite, close } = await openPglite(dataDir);
  const rows: Rows = async (text, values) => (await pglite.query<Record<string, unknown>>(text, values)).rows;
  return { adapter: pgliteAdapterFactory(pglite), rows, close, pglite };
}
