// `npm run audit:verify` as an operator runs it: a new process, this file's database.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { recordEvent } from "@/lib/audit/trail";

const run = promisify(execFile);

async function auditVerify(): Promise<{ code: number; out: string }> {
  const tsx = path.join(process.cwd(), "node_modules/.bin/tsx");
  try {
    const { stdout } = await run(tsx, ["--tsconfig", "tsconfig.node.json", "scripts/audit-verify.ts"], { env: process.env });
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
}

// PostgreSQL only: an embedded database has one owner process, and here that is the test.
describe.runIf(process.env.TEST_DATABASE_URL)("npm run audit:verify", () => {
  it("exits 0 with the head it reached, then 1 naming the first event edited behind its back", async () => {
    for (let n = 0; n < 3; n++) await recordEvent({ type: "signup", actor: { kind: "system" }, details: { n } });
    const intact = await auditVerify();
    expect(intact.code).toBe(0);
    expect(intact.out).toMatch(/^Audit trail intact: 3 events from its start; head 3 [0-9a-f]{64}\.$/m);

    const db = await getDb();
    await db.$transaction([
      db.$executeRaw`SET LOCAL session_replication_role = replica`,
      db.$executeRaw`UPDATE audit_events SET details = '{"n": 7}' WHERE seq = 2`,
    ]);
    const broken = await auditVerify();
    expect(broken.code).toBe(1);
    expect(broken.out).toContain("Audit trail broken at event 2: event 2 was changed");
  });
});
