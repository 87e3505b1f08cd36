// `npm run keys:list`, `npm run keys:rotate`, `npm run keys:revoke <kid>`: the access-token
// signing keys of JWT_ALG ES256 or EdDSA (lib/auth/identity/signing-keys.ts). Every change is
// announced by the table's trigger, so every running instance loads the new set at once:
// no restart. Prints kids, states and dates only, never key material. Reads .env files as
// `npm start` does.
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });

const [command, argument] = process.argv.slice(2);
const when = (date: Date | null) => (date ? date.toISOString() : "-");

try {
  // Imported only now: lib/env reads the variables the .env files just provided.
  const keys = await import("@/lib/auth/identity/signing-keys");
  const { closeDb } = await import("@/lib/db");
  const { env } = await import("@/lib/env");
  if (command === "rotate") {
    const row = await keys.rotateKeys();
    console.log(`Published ${row.kid} (${row.alg}); it signs from ${when(row.signsFrom)} (JWKS_MAX_AGE ${env.JWKS_MAX_AGE} s).`);
  } else if (command === "revoke") {
    if (!argument) throw new Error("Usage: npm run keys:revoke <kid>   (npm run keys:list shows them)");
    const { replacement } = await keys.revokeKey(argument);
    console.log(`Revoked ${argument}: its tokens are refused now.${replacement ? ` ${replacement} signs from now.` : ""}`);
  } else if (command === "list") {
    const hs = await (await import("@/lib/auth/identity/jwt")).secretTokenKey();
    const now = Date.now();
    console.log(`JWT_ALG ${env.JWT_ALG}; HS256 tokens (kid ${hs.kid}) verify while JWT_SECRET stays the same.`);
    console.log(["kid", "alg", "state", "created", "signs from", "retired", "leaves the set", "revoked"].join("\t"));
    for (const row of await keys.loadKeyRows()) {
      const dates = [row.createdAt, row.signsFrom, row.retiredAt, row.expiresFromSet, row.revokedAt].map(when);
      console.log([row.kid, row.alg, keys.keyState(row, now), ...dates].join("\t"));
    }
  } else {
    throw new Error("Usage: npm run keys:list | keys:rotate | keys:revoke <kid>");
  }
  await closeDb();
} catch (error) {
  const name = error instanceof Error ? error.name : "";
  if (name === "DatabaseInUseError") console.error((error as Error).message);
  else console.error(error instanceof Error ? `keys ${command ?? ""} failed: ${error.message}` : error);
  process.exit(1);
}
