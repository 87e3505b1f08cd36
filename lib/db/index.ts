// The only Prisma client. With DATABASE_URL: PostgreSQL through a small pool per server
// instance (migrations are a deploy step there). Without: the embedded PGlite database at
// PGLITE_DATA_DIR, migrated before its first query. One client per process, kept on
// globalThis so that Next dev's module reloads never open a second PGlite on one directory.
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { PGlite } from "@electric-sql/pglite";

export { Prisma } from "@/lib/generated/prisma/client";
export type { PrismaClient };

type Rows = (text: string, values: unknown[]) => Promise<Record<string, unknown>[]>;
type Connection = { client: PrismaClient; close: () => Promise<void>; rows: Rows; pglite?: PGlite };
type Cached = { connection: Promise<Connection>; client: Promise<PrismaClient> };
const globals = globalThis as typeof globalThis & { __db?: Cached; __dbCloseHooks?: Set<() => Promise<void>> };
const closeHooks = (globals.__dbCloseHooks ??= new Set());

/**
 * The process's client; connects (and migrates an embedded database) on first use.
 * Inside `db.$transaction(async (tx) => ...)` query through `tx` only: PGlite is a single
 * connection, and a query on `db` there would wait for the transaction until it times out.
 */
export function getDb(): Promise<PrismaClient> {
  return (globals.__db ??= cache(connect())).client;
}

/** The embedded database's PGlite, or null with DATABASE_URL (lib/db/notifications listens on it). */
export async function getPglite(): Promise<PGlite | null> {
  await getDb();
  return (await globals.__db?.connection)?.pglite ?? null;
}

/** Runs `hook` in every closeDb() from now on, before the client disconnects (listeners). */
export function onCloseDb(hook: () => Promise<void>): () => void {
  closeHooks.add(hook);
  return () => closeHooks.delete(hook);
}

/**
 * One read in SQL, straight through the driver, on the same pool as Prisma. Only for a
 * read on a measured hot path (the items list): Prisma 7 spends some 0.4 to 0.6 ms of CPU
 * on each query (npm run bench:queries), as much as the rest of the request. Values are
 * always parameters; on PostgreSQL each text is a named statement, prepared once per
 * connection. Everything else goes through getDb().
 */
export async function queryRows<T>(text: string, values: unknown[]): Promise<T[]> {
  await getDb();
  const connection = await globals.__db!.connection;
  return (await connection.rows(text, values)) as T[];
}

/** Disconnects and closes the embedded database; the next getDb() starts afresh. */
export async function closeDb(): Promise<void> {
  await Promise.all([...closeHooks].map((hook) => hook()));
  const cached = globals.__db;
  if (!cached) return;
  delete globals.__db;
  const connection = await cached.connection.catch(() => undefined);
  if (!connection) return;
  await connection.client.$disconnect();
  await connection.close();
}

function cache(connection: Promise<Connection>): Cached {
  const cached: Cached = { connection, client: connection.then((c) => c.client) };
  // A failed start (a bad migration, a locked directory) is not remembered: retry next time.
  cached.client.catch(() => {
    if (globals.__db === cached) delete globals.__db;
  });
  return cached;
}

async function connect(): Promise<Connection> {
  if (env.DATABASE_URL) {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const { default: pg } = await import("pg");
    const pool = new pg.Pool({
      connectionString: env.DATABASE_URL,
      max: env.DATABASE_POOL_MAX,
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
    return { client: new PrismaClient({ adapter: new PrismaPg(pool) }), close: () => pool.end(), rows };
  }
  const { openPglite, pgliteAdapterFactory } = await import("@/prisma/pglite");
  const { applyMigrations } = await import("@/prisma/engine");
  const pglite = await openPglite(env.PGLITE_DATA_DIR);
  try {
    await applyMigrations(pgliteAdapterFactory(pglite));
  } catch (error) {
    await pglite.close();
    throw error;
  }
  const rows: Rows = async (text, values) => (await pglite.query<Record<string, unknown>>(text, values)).rows;
  return { client: new PrismaClient({ adapter: pgliteAdapterFactory(pglite) }), close: () => pglite.close(), rows, pglite };
}
