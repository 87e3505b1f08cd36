// One session of Prisma's schema engine (WebAssembly) over a driver adapter: it opens the
// engine, runs one command, disposes of every connection the engine opened and turns
// whatever failed into one readable MigrationError.
import "server-only";
import {
  bindMigrationAwareSqlAdapterFactory,
  type ErrorRegistry,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import { discardAfterPanic, loadSchemaEngine } from "./wasm";

export const NO_FILTERS = { externalTables: [], externalEnums: [] };

export class MigrationError extends Error {
  override name = "MigrationError";
}

export async function withEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const wasm = await loadSchemaEngine();
  // The engine never disposes the connections it opens (a pg pool would keep the process
  // alive); track them and dispose of them once it is done.
  const opened: SqlDriverAdapter[] = [];
  const track = (adapter: SqlDriverAdapter) => (opened.push(adapter), adapter);
  const factory = bindMigrationAwareSqlAdapterFactory({
    provider: adapterFactory.provider,
    adapterName: adapterFactory.adapterName,
    connect: async () => track(await adapterFactory.connect()),
    connectToShadowDb: async () => track(await adapterFactory.connectToShadowDb()),
  });
  let engine: SchemaEngine | undefined;
  try {
    // The callback receives the engine's own log lines (JSON); nothing there we need.
    engine = await wasm.SchemaEngine.new({ datamodels: undefined }, () => {}, factory);
    return await run(engine);
  } catch (error) {
    throw toMigrationError(error, factory.errorRegistry);
  } finally {
    engine?.free();
    await Promise.allSettled(opened.map((adapter) => adapter.dispose()));
  }
}

/** One readable error: the database's own message when the driver failed, else the engine's. */
function toMigrationError(error: unknown, registry: ErrorRegistry): MigrationError {
  if (error instanceof WebAssembly.RuntimeError) {
    const panic = discardAfterPanic() ?? error.message;
    return new MigrationError(`the schema engine panicked: ${panic}`, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  // Driver errors reach the engine as "External error id#N", N indexing the adapter's registry.
  const id = /External error id#(\d+)/.exec(message)?.[1];
  const driverError = id === undefined ? undefined : registry.consumeError(Number(id))?.error;
  const detail = driverError instanceof Error ? driverError.message : message;
  // The engine appends a Rust span trace ("   0: schema_engine_wasm::...") to its messages.
  const text = detail.split(/\n\s+0: /)[0]!.trim();
  const migration = /migration_name="([^"]+)"/.exec(message)?.[1];
  const prefix = migration && driverError ? `migration ${migration} failed: ` : "";
  return new MigrationError(prefix + text, { cause: driverError ?? error });
}
