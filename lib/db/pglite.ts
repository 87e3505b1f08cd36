// The embedded database: PGlite (PostgreSQL compiled to WebAssembly) in this process,
// used when DATABASE_URL is unset: opened by lib/db/connect.ts, for the client and the
// migration runner alike, and by the tests' template database.
import "server-only";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { claimDataDir } from "@/lib/db/owner";
import { keepNewFilesPrivate, makePrivate } from "@/lib/db/private-files";

/** True for `memory://` and `memory://<name>`: nothing is written to disk. */
export const isInMemory = (dataDir: string) => dataDir.startsWith("memory://");

let memoryTemplate: Blob | undefined;
// On globalThis, as lib/db/owner.ts's holds: Next's module reloads must see it too.
const globals = globalThis as typeof globalThis & { __pgliteOpen?: Set<string> };
const openHere = (globals.__pgliteOpen ??= new Set());

/**
 * For tests: in-memory databases opened after this start as a copy of `dump` (a migrated
 * database from PGlite's dumpDataDir) instead of running initdb, about 2.5 s of CPU less
 * per test file. lib/db still applies migrations on open; they find nothing to do.
 */
export function setInMemoryTemplate(dump: Blob): void {
  memoryTemplate = dump;
}

/** An open embedded database; `close` also gives up this process's claim on its directory. */
export type OpenPglite = { pglite: PGlite; close: () => Promise<void> };

/**
 * Opens (creating when needed) the embedded database at `dataDir`, a directory or
 * `memory://`. A directory belongs to one process (lib/db/owner.ts), which may open it in
 * one place at a time: close it before reopening.
 */
export async function openPglite(dataDir: string): Promise<OpenPglite> {
  if (isInMemory(dataDir)) {
    const pglite = await PGlite.create(memoryTemplate && { loadDataDir: memoryTemplate });
    return { pglite, close: () => pglite.close() };
  }
  const absolute = path.resolve(/* turbopackIgnore: true */ dataDir);
  if (openHere.has(absolute)) throw new Error(`The embedded database ${dataDir} is already open in this process`);
  keepNewFilesPrivate();
  const release = claimDataDir(absolute);
  openHere.add(absolute);
  const closed = () => {
    openHere.delete(absolute);
    release();
  };
  try {
    makePrivate(absolute);
    const pglite = await PGlite.create(absolute);
    // A first open has just copied in initdb's files, which PGlite writes world-readable.
    makePrivate(absolute);
    return { pglite, close: () => pglite.close().finally(closed) };
  } catch (error) {
    closed();
    throw error;
  }
}

/**
 * A Prisma driver adapter factory over one PGlite instance, for Prisma Client and for the
 * schema engine. PGlite is one connection: inside `db.$transaction(async (tx) => ...)` use
 * only `tx`; a query on `db` there waits for the transaction, which times out waiting for it.
 * Its shadow database (where the engine replays migrations) is a new in-memory PGlite,
 * closed on dispose.
 */
export function pgliteAdapterFactory(client: PGlite): SqlMigrationAwareDriverAdapterFactory {
  const upstream = new PrismaPGlite(client);
  return {
    provider: upstream.provider,
    adapterName: upstream.adapterName,
    connect: async () => awaitScripts(await upstream.connect(), client),
    connectToShadowDb: async () => {
      const shadow = await PGlite.create();
      const adapter = awaitScripts(await new PrismaPGlite(shadow).connect(), shadow);
      return Object.assign(adapter, { dispose: () => shadow.close() });
    },
  };
}

// pglite-prisma-adapter 0.7 starts `exec` without awaiting it, so a migration script that
// fails would still be recorded as applied and its error would escape as an unhandled
// rejection. Run scripts to completion and let their errors reach the engine.
function awaitScripts(adapter: SqlDriverAdapter, client: PGlite): SqlDriverAdapter {
  return Object.assign(adapter, {
    executeScript: async (script: string) => {
      await client.exec(script);
    },
  });
}
