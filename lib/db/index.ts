// The only Prisma client. With DATABASE_URL: PostgreSQL through a small pool per server
// instance (migrations are a deploy step there). Without: the embedded PGlite database at
// PGLITE_DATA_DIR, migrated before its first query. One client per process, kept on
// globalThis so that Next dev's module reloads never open a second PGlite on one directory.
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { PGlite } from "@electric-sql/pglite";

export { Prisma } from "@/lib/generated/prisma/client";
export type { PrismaClient };

type Connection = { client: PrismaClient; close: () => Promise<void>; pglite?: PGlite };
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
    const adapter = new PrismaPg({
      connectionString: env.DATABASE_URL,
      max: env.DATABASE_POOL_MAX,
      // Without a limit pg waits forever for an unreachable server; fail so callers can 503.
      connectionTimeoutMillis: 5_000,
    });
    return { client: new PrismaClient({ adapter }), close: async () => {} };
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
  return { client: new PrismaClient({ adapter: pgliteAdapterFactory(pglite) }), close: () => pglite.close(), pglite };
}
