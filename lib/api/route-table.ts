// Generated from lib/api/operations by scripts/api-routes.ts (`npm run api:routes`): do not edit.
// Each API path and the access of each of its methods, for middleware (lib/api/route-map.ts).
export const ROUTE_TABLE = {
  "/api/auth/email": { POST: "user" },
  "/api/auth/email/verify": { POST: "user" },
  "/api/auth/email/verify/resend": { POST: "user" },
  "/api/auth/login": { POST: "public" },
  "/api/auth/logout": { POST: "public" },
  "/api/auth/me": { GET: "user", DELETE: "user" },
  "/api/auth/password": { POST: "user" },
  "/api/auth/password/forgot": { POST: "public" },
  "/api/auth/password/reset": { POST: "public" },
  "/api/auth/refresh": { POST: "public" },
  "/api/auth/sessions": { GET: "user", DELETE: "user" },
  "/api/auth/sessions/[id]": { DELETE: "user" },
  "/api/auth/signup": { POST: "public" },
  "/api/health": { GET: "public" },
  "/api/items": { GET: "user", POST: "user" },
  "/api/items/[id]": { GET: "user", PATCH: "user", DELETE: "user" },
  "/api/openapi.json": { GET: "public" },
  "/api/users": { GET: "admin" },
} as const;
