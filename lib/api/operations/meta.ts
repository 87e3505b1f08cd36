// Health and the OpenAPI document itself.
import { z } from "zod";
import { defineOperation } from "@/lib/api/operation";

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
