// The only Prisma client, over the database lib/db/connect.ts chooses. With DATABASE_URL:
// PostgreSQL through a small pool per server instance (migrations are a deploy step
// there). Without: the embedded PGlite database at PGLITE_DATA_DIR, migrated before its
// first query. One client per process, kept on globalThis so that Next dev's module
// reloads never open a second PGlite on one directory.
import "server-only";
import type { PGlite } from "@electric-sql/pglite";
import { configuredDatabase, openDatabase, type OpenDatabase } from "@/lib/db/connect";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

export { Prisma } from "@/lib/generated/prisma/client";
export type { PrismaClient };

type Connection = OpenDatabase & { client: PrismaClient };
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
  const target = configuredDatabase();
  const database = await openDatabase(target, { poolMax: env.DATABASE_POOL_MAX });
  if (target.kind === "pglite") {
    try {
      const { applyMigrations } = await import("@/lib/db/migrations/apply");
      await applyMigrations(database.adapter);
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return { ...database, client: new PrismaClient({ adapter: database.adapter }) };
}
