// A TOTP code sent at the same moment to two server instances (two processes, one
// PostgreSQL database) signs in exactly once (README: Second factors: a time step is
// accepted at most once per account). Both requests are held at the factor's row until
// both are waiting there, so they meet there every time, whatever the machine's load.
// PostgreSQL only: PGlite is one process's database.
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createSignedInUser } from "../factories/users";
import { totpCode } from "../factories/factors";
import { startNewProcess, type Running } from "../helpers/child-process";
import { api, passwordStep, setUpTotp } from "../helpers/second-factors";

const server = process.env.TEST_DATABASE_URL;
const ADDRESS = "203.0.113.50";

// The other instance: the same route handler in its own process, answering each body it
// reads on stdin.
const OTHER_INSTANCE = `const { POST } = await import("./app/api/auth/login/mfa/route.ts");
  const readline = await import("node:readline");
  console.log("ready");
  for await (const body of readline.createInterface({ input: process.stdin })) {
    const headers = { "content-type": "application/json", "x-forwarded-for": "${ADDRESS}" };
    const response = await POST(new Request("http://localhost/api/auth/login/mfa", { method: "POST", headers, body }), undefined);
    console.log("answer " + JSON.stringify({ status: response.status, code: (await response.json()).code ?? null }));
  }
  setImmediate(() => process.exit(0));`;

let other: Running | undefined;
afterAll(() => {
  other?.child.stdin.end();
});

// Asked on a connection of its own: inside a transaction, pg_stat_activity stays as it was
// when the transaction first read it.
async function waitForLockWaiters(client: pg.Client, count: number): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const { rows } = await client.query<{ waiting: number }>(
      "SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%totp_factors%'",
    );
    if ((rows[0]?.waiting ?? 0) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${count} requests never waited on the factor's row`);
}

describe.skipIf(!server)("one TOTP code on two instances at the same moment", () => {
  it("signs in exactly one of them; the other gets 401 invalid_mfa_code", async () => {
    other = startNewProcess(OTHER_INSTANCE, { DATABASE_URL: process.env.DATABASE_URL ?? "" });
    await other.line(/^ready/);
    const account = await createSignedInUser();
    const { secret } = await setUpTotp(account);
    const [here, there] = [await passwordStep(account, ADDRESS), await passwordStep(account, ADDRESS)];
    // The step after the confirmation's (which counts as used): accepted as the next one.
    const code = await totpCode(secret, 1);

    const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
    const watcher = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await Promise.all([holder.connect(), watcher.connect()]);
    try {
      await holder.query("BEGIN");
      await holder.query("SELECT 1 FROM totp_factors WHERE user_id = $1 FOR UPDATE", [account.user.id]);
      other.child.stdin.write(`${JSON.stringify({ mfa_token: there, code })}\n`);
      const answeredThere = other.line(/^answer /);
      const answeredHere = api.secondStep({ mfa_token: here, code }, { ip: ADDRESS });
      await waitForLockWaiters(watcher, 2);
      await holder.query("COMMIT");
      const mine = await answeredHere;
      const theirs = JSON.parse((await answeredThere).slice("answer ".length)) as { status: number; code: string | null };
      const outcomes = [{ status: mine.status, code: mine.status === 200 ? null : (await mine.json()).code }, theirs];
      expect(outcomes.map((o) => o.status).sort()).toEqual([200, 401]);
      expect(outcomes.find((o) => o.status === 401)?.code).toBe("invalid_mfa_code");
    } finally {
      await Promise.all([holder.end(), watcher.end()]);
    }
  }, 60_000);
});
