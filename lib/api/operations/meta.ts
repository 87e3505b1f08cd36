// Health, the OpenAPI document itself, and the administrators' list of users.
import { z } from "zod";
import { EXAMPLE_USER } from "@/lib/api/examples";
import { defineOperation } from "@/lib/api/operation";
import { UserPageSchema } from "@/lib/auth/responses";
import { UsersQuerySchema } from "@/lib/auth/schemas";

export const getHealth = defineOperation({
  id: "getHealth",
  method: "GET",
  path: "/api/health",
  tag: "Meta",
  summary: "Liveness, including the database",
  description:
    "503 with `Retry-After` when the database cannot be reached or refuses connections (starting up, shutting down, " +
    "too many clients), so a load balancer can stop routing here.",
  access: "public",
  success: {
    status: 200,
    description: "Up, and the database answers.",
    schema: z.object({ status: z.literal("ok") }).meta({ id: "Health" }),
    example: { status: "ok" },
  },
});

export const getOpenApiDocument = defineOperation({
  id: "getOpenApiDocument",
  method: "GET",
  path: "/api/openapi.json",
  tag: "Meta",
  summary: "This OpenAPI document",
  description: "Import it into Postman, Insomnia or a code generator. The `servers` entry is `APP_ORIGIN` when that is set, else the origin it was fetched from.",
  access: "public",
  database: false,
  success: {
    status: 200,
    description: "An OpenAPI 3.1 document.",
    // Its own shape is OpenAPI's to define; this only names the version.
    schema: z.looseObject({ openapi: z.literal("3.1.1") }),
  },
});

export const listUsers = defineOperation({
  id: "listUsers",
  method: "GET",
  path: "/api/users",
  tag: "Admin",
  summary: "All users (admins only)",
  description: "Oldest first. A user is an admin when its email is listed in `ADMIN_EMAILS` and verified.",
  access: "admin",
  query: UsersQuerySchema,
  success: { status: 200, description: "A page of users.", schema: UserPageSchema, example: { users: [EXAMPLE_USER], nextCursor: null } },
});
