// Read by the Prisma CLI only: `prisma generate`. Migrations go through Prisma's
// WebAssembly schema engine (`npm run db:migrate`), on Vercel too; `prisma migrate deploy`
// would read this as well, where its native engine can be downloaded.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
