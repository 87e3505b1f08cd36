// The OpenAPI 3.1 document of every endpoint, generated from the operations (lib/api/operations)
// whose schemas validate requests and replies. Built once per process: the conversion walks every schema, and
// nothing in it changes until the next deploy.
import { OPERATIONS } from "@/lib/api/operations";
import { HEADERS, PARAMETERS, SECURITY_SCHEMES } from "@/lib/openapi/components";
import { SchemaComponents } from "@/lib/openapi/json-schema";
import { buildOperation, toOpenApiPath } from "@/lib/openapi/operation";
import { ProblemSchema } from "@/lib/openapi/problems";
import type { HttpMethod, OpenApiDocument } from "@/lib/openapi/types";
import { JWKS_PATH, jwksOperation } from "@/lib/openapi/well-known";

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
  { name: "Second factors", description: "An authenticator app (TOTP), recovery codes, the second step of a login, and step-up." },
  { name: "Account recovery", description: "Forgotten passwords, verified addresses and changes of address, by mailed link." },
  { name: "Passkeys", description: "WebAuthn credentials: sign in with a fingerprint, a face or a security key." },
  { name: "Sessions", description: "The devices a user is logged in on." },
  { name: "Items", description: "Each user's own items; nobody else can see them." },
  { name: "Admin", description: "Administrators only." },
  { name: "Meta", description: "Health, this document, and the keys that verify access tokens." },
];

async function buildPaths(components: SchemaComponents): Promise<OpenApiDocument["paths"]> {
  const paths: OpenApiDocument["paths"] = {};
  for (const operation of OPERATIONS) {
    const item = (paths[toOpenApiPath(operation.path)] ??= {});
    item[operation.method.toLowerCase() as HttpMethod] = await buildOperation(operation, components);
  }
  paths[JWKS_PATH] = { get: jwksOperation };
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
