// The declared map of every API route: its methods, and whether middleware lets it
// through without an access token. A test fails when a route under app/api is missing
// here, or its exported methods differ. Edge-safe: middleware reads it.

export type Access = "public" | "token";
type Method = "GET" | "POST" | "PATCH" | "DELETE";

export const API_ROUTES = {
  "/api/health": { access: "public", methods: ["GET"] },
  "/api/openapi.json": { access: "public", methods: ["GET"] },
  "/api/auth/signup": { access: "public", methods: ["POST"] },
  "/api/auth/login": { access: "public", methods: ["POST"] },
  "/api/auth/refresh": { access: "public", methods: ["POST"] },
  "/api/auth/logout": { access: "public", methods: ["POST"] },
  "/api/auth/me": { access: "token", methods: ["GET", "DELETE"] },
  "/api/auth/sessions": { access: "token", methods: ["GET", "DELETE"] },
  "/api/auth/sessions/[id]": { access: "token", methods: ["DELETE"] },
  "/api/auth/password": { access: "token", methods: ["POST"] },
  "/api/auth/password/forgot": { access: "public", methods: ["POST"] },
  "/api/auth/password/reset": { access: "public", methods: ["POST"] },
  "/api/auth/email": { access: "token", methods: ["POST"] },
  "/api/auth/email/verify": { access: "public", methods: ["POST"] },
  "/api/auth/email/verify/resend": { access: "token", methods: ["POST"] },
  "/api/items": { access: "token", methods: ["GET", "POST"] },
  "/api/items/[id]": { access: "token", methods: ["GET", "PATCH", "DELETE"] },
  "/api/users": { access: "token", methods: ["GET"] },
} as const satisfies Record<string, { access: Access; methods: readonly Method[] }>;

export type ApiRoute = keyof typeof API_ROUTES;

/** Pages that need a signed-in user; anything below them too. */
export const PROTECTED_PAGES = ["/items", "/account", "/admin"] as const;

const patterns = Object.entries(API_ROUTES).map(([path, spec]) => ({
  path: path as ApiRoute,
  spec,
  regex: new RegExp(`^${path.replace(/\[[^\]]+\]/g, "[^/]+")}/?$`),
}));

export function matchApiRoute(pathname: string) {
  return patterns.find((p) => p.regex.test(pathname)) ?? null;
}

export function isProtectedPage(pathname: string): boolean {
  return PROTECTED_PAGES.some((page) => pathname === page || pathname.startsWith(`${page}/`));
}
