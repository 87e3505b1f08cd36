// The OpenAPI 3.1 document of every endpoint, generated from the zod schemas that
// validate requests. Built once per process: the conversion walks every schema, and
// nothing in it changes until the next deploy.
import { API_ROUTES, type ApiRoute } from "@/lib/auth/routes";
import { HEADERS, PARAMETERS, SECURITY_SCHEMES } from "@/lib/openapi/components";
import { SchemaComponents } from "@/lib/openapi/json-schema";
import { buildOperation, type OperationSpec, type RouteOperations } from "@/lib/openapi/operation";
import { AUTH_OPERATIONS } from "@/lib/openapi/paths-auth";
import { ITEM_OPERATIONS } from "@/lib/openapi/paths-items";
import { META_OPERATIONS } from "@/lib/openapi/paths-meta";
import { RECOVERY_OPERATIONS } from "@/lib/openapi/paths-recovery";
import { SESSION_OPERATIONS } from "@/lib/openapi/paths-sessions";
import { ProblemSchema } from "@/lib/openapi/problems";
import type { HttpMethod, OpenApiDocument, Operation } from "@/lib/openapi/types";

export const OPERATIONS: RouteOperations<ApiRoute> = {
  ...AUTH_OPERATIONS,
  ...RECOVERY_OPERATIONS,
  ...SESSION_OPERATIONS,
  ...ITEM_OPERATIONS,
  ...META_OPERATIONS,
};

const DESCRIPTION = `A JSON API for accounts, sessions and a private list of items per user.

**Authentication.** Sign up or log in to get an \`access_token\` (a JWT, ${"`"}Authorization: Bearer <token>${"`"})
and a \`refresh_token\` (exchange it at \`/api/auth/refresh\` before the access token expires; every use rotates it).
Browsers (requests with \`Origin\` or \`Sec-Fetch-Site\`) get both only as HttpOnly cookies, which they send by
themselves: the refresh token never appears in a body a script could read. Over HTTPS the cookies are
\`__Host-access_token\` and \`__Secure-refresh_token\`.

**Errors** are \`application/problem+json\` (RFC 9457) with a stable \`code\`; the list of codes is
under *Problem* below and at [/docs#errors](/docs#errors).`;

const TAGS = [
  { name: "Auth", description: "Accounts and tokens." },
  { name: "Account recovery", description: "Forgotten passwords, verified addresses and changes of address, by mailed link." },
  { name: "Sessions", description: "The devices a user is logged in on." },
  { name: "Items", description: "Each user's own items; nobody else can see them." },
  { name: "Admin", description: "Administrators only." },
  { name: "Meta", description: "Health and this document." },
];

/** `/api/items/[id]` (the app folder) as `/api/items/{id}` (an OpenAPI path template). */
export const toOpenApiPath = (route: string) => route.replace(/\[([^\]]+)\]/g, "{$1}");

async function buildPaths(components: SchemaComponents): Promise<OpenApiDocument["paths"]> {
  const paths: OpenApiDocument["paths"] = {};
  for (const route of Object.keys(API_ROUTES) as ApiRoute[]) {
    const path = toOpenApiPath(route);
    const specs: Record<string, OperationSpec> = OPERATIONS[route];
    const item: Partial<Record<HttpMethod, Operation>> = {};
    for (const method of API_ROUTES[route].methods) {
      const spec = specs[method];
      if (!spec) throw new Error(`No OpenAPI description for ${method} ${route}`);
      item[method.toLowerCase() as HttpMethod] = await buildOperation(path, method, spec, components);
    }
    paths[path] = item;
  }
  return paths;
}

async function buildDocument(): Promise<OpenApiDocument> {
  const components = new SchemaComponents();
  components.convert(ProblemSchema, "output");
  const paths = await buildPaths(components);
  return {
    openapi: "3.1.1",
    info: { title: "JWT Items API", version: "1.0.0", description: DESCRIPTION },
    servers: [{ url: "/", description: "The server this document came from" }],
    tags: TAGS,
    paths,
    components: {
      schemas: components.schemas,
      securitySchemes: SECURITY_SCHEMES,
      headers: HEADERS,
      parameters: PARAMETERS,
    },
  };
}

let cached: Promise<OpenApiDocument> | undefined;

/** The document, built on first use and then shared by every request of this process. */
export function getOpenApiDocument(): Promise<OpenApiDocument> {
  cached ??= buildDocument().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}
