import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const processEnv = {
  selector: "MemberExpression[object.name='process'][property.name='env']",
  message: "Read configuration through lib/env.ts, the only module that reads process.env.",
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "lib/generated/**", ".data/**", "test-results/**", "playwright-report/**", "e2e/artifacts/**", "next-env.d.ts", "dist/**", "bench-results/**"],
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": ["error", processEnv],
    },
  },
  {
    // Bootstrapping code that runs before (or outside) the app's configuration.
    files: ["lib/env.ts", "server.ts", "instrumentation.ts", "prisma.config.ts", "playwright.config.ts", "vitest.config.ts", "tests/**", "e2e/**", "prisma/scripts/**", "scripts/**"],
    rules: { "no-restricted-syntax": "off" },
  },
];

export default config;
