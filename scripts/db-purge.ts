// `npm run db:purge`: deletes ended sessions, old refresh tokens, passed rate-limit
// windows, spent mailed-link tokens and audit events past retention once, and says how many (lib/auth/accounts/purge.ts). Schedule it where no `npm start`
// runs it by itself, e.g. daily from cron or a Vercel cron job. Reads .env files as
// `npm start` does.
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });

try {
  // Imported only now: lib/env reads the variables the .env files just provided.
  const { purgeStaleRows } = await import("@/lib/auth/accounts/purge");
  const { closeDb } = await import("@/lib/db");
  const counts = await purgeStaleRows();
  console.log(
    `Purged ${counts.sessions} sessions, ${counts.refreshTokens} refresh tokens, ${counts.rateLimits} rate-limit rows, ` +
      `${counts.linkTokens} mailed-link tokens, ${counts.mfaTokens} sign-in second steps, ` +
      `${counts.pendingTotpSetups} unconfirmed TOTP setups, ${counts.webauthnChallenges} passkey challenges ` +
      `and ${counts.auditEvents} audit events past retention.`,
  );
  await closeDb();
} catch (error) {
  const name = error instanceof Error ? error.name : "";
  // Another process owns the embedded database: its one line says which.
  if (name === "DatabaseInUseError") console.error((error as Error).message);
  else console.error(name === "ConfigError" ? `Purge failed: ${(error as Error).message}` : error);
  process.exit(1);
}
