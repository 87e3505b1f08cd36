import * as operations from "@/lib/api/operations/meta";
import { getDb } from "@/lib/db";
import { route } from "@/lib/api/route";

export const dynamic = "force-dynamic";

// Liveness that includes the database: a load balancer should stop sending traffic to
// an instance that cannot reach it (503 + Retry-After come from route()).
export const GET = route(operations.getHealth, async () => {
  const db = await getDb();
  await db.$queryRaw`SELECT 1`;
  return { status: "ok" } as const;
});
