// `npm run bench:queries`: what one query costs through Prisma 7 on this machine, beside
// the same query through pg directly: the first page of a user's items, sequentially, on
// PostgreSQL (BENCH_PG_URL/bench_queries, made afresh). It tells whether the items list
// would gain from a path below Prisma's query builder (docs/benchmarks.md).
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { applyMigrations } from "@/lib/db/migrations/apply";

const server = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432";
const url = `${server}/bench_queries`;
const N = Number(process.env.QUERIES ?? 3000);

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: `${server}/postgres` });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

async function time(label: string, run: () => Promise<unknown>) {
  for (let i = 0; i < 300; i++) await run(); // warm-up: JIT, prepared statements
  const start = process.hrtime.bigint();
  for (let i = 0; i < N; i++) await run();
  const us = Number(process.hrtime.bigint() - start) / 1000 / N;
  console.log(`${label.padEnd(44)} ${us.toFixed(0).padStart(6)} µs/query`);
  return us;
}

await admin("DROP DATABASE IF EXISTS bench_queries WITH (FORCE)");
await admin("CREATE DATABASE bench_queries");
await applyMigrations(new PrismaPg({ connectionString: url, max: 1 }));
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 1 }) });
const pool = new pg.Pool({ connectionString: url, max: 1 });
const user = await prisma.user.create({ data: { email: "q@example.com", passwordHash: "x" }, select: { id: true } });
for (let i = 0; i < 25; i++) {
  await prisma.item.create({ data: { ownerId: user.id, name: `item ${i}`, nameKey: `item ${i}`, price: `${i}.50` } });
}
const select = { id: true, name: true, nameKey: true, price: true, description: true, version: true, createdAt: true, updatedAt: true };
const sql = `SELECT id, name, name_key, price, description, version, created_at, updated_at FROM items
  WHERE owner_id = $1 ORDER BY created_at DESC, id DESC LIMIT 21`;

console.log(`${N} sequential reads of one page (21 rows), one connection each:`);
const viaPrisma = await time("Prisma findMany (what lib/items does)", () =>
  prisma.item.findMany({ where: { ownerId: user.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 21, select }),
);
const viaRaw = await time("Prisma $queryRawUnsafe (same SQL)", () => prisma.$queryRawUnsafe(sql.replace("$1", "$1::uuid"), user.id));
const viaPg = await time("pg, named prepared statement", () => pool.query({ name: "items", text: sql, values: [user.id] }));
console.log(`Prisma's own cost per query: ${(viaPrisma - viaPg).toFixed(0)} µs (findMany), ${(viaRaw - viaPg).toFixed(0)} µs (raw)`);
await prisma.$disconnect();
await pool.end();
await admin("DROP DATABASE IF EXISTS bench_queries WITH (FORCE)");
