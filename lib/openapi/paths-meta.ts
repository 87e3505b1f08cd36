// Health, the document itself, and the admin's user list.
import type { ApiRoute } from "@/lib/auth/routes";
import { UsersQuerySchema } from "@/lib/auth/schemas";
import { EXAMPLE_USER } from "@/lib/openapi/examples";
import type { RouteOperations } from "@/lib/openapi/operation";
import { HealthSchema, UserPageSchema } from "@/lib/openapi/responses";

type MetaRoute = "/api/health" | "/api/openapi.json" | "/api/users";

export const META_OPERATIONS = {
  "/api/health": {
    GET: {
      id: "getHealth",
      tag: "Meta",
      summary: "Liveness, including the database",
      description: "503 with `Retry-After` when the database cannot be reached, so a load balancer can stop routing here.",
      access: "public",
      success: { status: 200, description: "Up, and the database answers.", schema: HealthSchema, example: { status: "ok" } },
    },
  },
  "/api/openapi.json": {
    GET: {
      id: "getOpenApiDocument",
      tag: "Meta",
      summary: "This OpenAPI document",
      description: "Import it into Postman, Insomnia or a code generator. The `servers` entry is the origin it was fetched from.",
      access: "public",
      database: false,
      success: {
        status: 200,
        description: "An OpenAPI 3.1 document.",
        schema: { type: "object", required: ["openapi"], properties: { openapi: { type: "string", const: "3.1.1" } } },
      },
    },
  },
  "/api/users": {
    GET: {
      id: "listUsers",
      tag: "Admin",
      summary: "All users (admins only)",
      description: "Oldest first. A user is an admin when its email was listed in `ADMIN_EMAILS` at signup.",
      access: "token",
      query: UsersQuerySchema,
      success: {
        status: 200,
        description: "A page of users.",
        schema: UserPageSchema,
        example: { users: [EXAMPLE_USER], nextCursor: null },
      },
      errors: [{ status: 403, codes: ["admin_required"], description: "The caller is not an administrator." }],
    },
  },
} satisfies RouteOperations<Extract<ApiRoute, MetaRoute>>;
