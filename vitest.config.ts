// Unit and integration tests (Vitest). Browser tests live in e2e/ (Playwright).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "@": path.dirname(fileURLToPath(import.meta.url)) },
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
