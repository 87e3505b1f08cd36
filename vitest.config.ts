// Unit and integration tests (Vitest). Browser tests live in e2e/ (Playwright).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // The tests are server code run by plain Node: lib's `server-only` marks are no-ops
      // here, as in the tsx scripts (the package itself throws outside React's server build).
      "server-only": path.join(root, "scripts/server-only-stub.ts"),
    },
  },
  test: {
    environment: "node",
    include: ["tests/**/*.test.ts"],
    // Gives every test file its own database and fails tests that log console.error.
    globalSetup: ["tests/setup/pglite-template.ts"],
    setupFiles: ["tests/setup/database.ts"],
    // A file's first query starts its PGlite inside that test (about 1 s alone, far more
    // when every core is busy with other files), so a test may take a while.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
