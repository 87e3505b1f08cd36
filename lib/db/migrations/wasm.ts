// Loads @prisma/schema-engine-wasm once per process. The package is a bundler build
// whose entry imports the .wasm file as a module, which Node cannot do, so the module is
// compiled and instantiated here with the package's JS glue as its imports.
import "server-only";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

export type SchemaEngineWasm = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

type Globals = typeof globalThis & {
  __schemaEngineWasm?: Promise<SchemaEngineWasm>;
  // The glue reports a Rust panic's message here just before the instance traps.
  PRISMA_WASM_PANIC_REGISTRY?: { message?: string; set_message(message: string): void };
};
const globals = globalThis as Globals;

/** The started engine module; compiled on first use, shared across Next dev reloads. */
export function loadSchemaEngine(): Promise<SchemaEngineWasm> {
  return (globals.__schemaEngineWasm ??= instantiate());
}

/** After a panic the instance is unusable: forget it, the next call starts a fresh one. */
export function discardAfterPanic(): string | undefined {
  delete globals.__schemaEngineWasm;
  return globals.PRISMA_WASM_PANIC_REGISTRY?.message;
}

async function instantiate(): Promise<SchemaEngineWasm> {
  globals.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message) {
      this.message = message;
    },
  };
  const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  // Resolved from the project root, not from this file: inside a Next.js server bundle
  // this file's location says nothing about where node_modules is.
  const require = createRequire(path.join(/* turbopackIgnore: true */ process.cwd(), "package.json"));
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
  const { exports } = await WebAssembly.instantiate(await WebAssembly.compile(bytes), {
    "./schema_engine_bg.js": withUnrefTimers(glue as unknown as WebAssembly.ModuleImports),
  });
  glue.__wbg_set_wasm(exports);
  (exports.__wbindgen_start as () => void)();
  return glue;
}

// The engine arms a timer for every timeout it sets (10 s around its migration lock) and,
// having no clearTimeout, never disarms one: a script that finished would wait for it.
// Its work is awaited through the adapter's promises, so the timers need not hold the process.
function withUnrefTimers(imports: WebAssembly.ModuleImports): WebAssembly.ModuleImports {
  return Object.fromEntries(
    Object.entries(imports).map(([name, value]) => {
      if (!name.startsWith("__wbg_setTimeout_") || typeof value !== "function") return [name, value];
      const setTimer = value as (...args: unknown[]) => ReturnType<typeof setTimeout>;
      return [name, (...args: unknown[]) => setTimer(...args).unref()];
    }),
  );
}
