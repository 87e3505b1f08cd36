// Read by the Prisma CLI only (`prisma generate`, and `prisma migrate deploy` on
// machines that can download Prisma's schema engine, such as Vercel's build).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
