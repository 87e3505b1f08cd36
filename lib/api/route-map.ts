// Middleware's view of the API: which paths exist, their methods, and which of those need
// an access token. Derived from the operations through the generated route table, so it
// cannot disagree with the handlers or the document (tests/api/route-map.test.ts).
// Edge-safe: no zod, no schemas.
import type { Access, Method } from "@/lib/api/operation";
import { ROUTE_TABLE } from "@/lib/api/route-table";

export type ApiPath = keyof typeof ROUTE_TABLE;
export type RouteAccess = Readonly<Partial<Record<Method, Access>>>;

/** Pages that need a signed-in user; anything below them too. */
export const PROTECTED_PAGES = ["/items", "/account", "/admin"] as const;

const dynamicSegments = (path: string) => path.split("[").length - 1;

// Fewest dynamic segments first, as Next routes: /api/auth/passkeys/login is its own
// route, not the passkey with the id "login".
const patterns = Object.entries(ROUTE_TABLE as Record<ApiPath, RouteAccess>)
  .sort(([a], [b]) => dynamicSegments(a) - dynamicSegments(b))
  .map(([path, access]) => ({
    path: path as ApiPath,
    access,
    methods: Object.keys(access) as Method[],
    regex: new RegExp(`^${path.replace(/\[[^\]]+\]/g, "[^/]+")}/?$`),
  }));

export type ApiRouteMatch = (typeof patterns)[number];

export function matchApiRoute(pathname: string): ApiRouteMatch | null {
  return patterns.find((p) => p.regex.test(pathname)) ?? null;
}

/** Whether a method of a matched route needs an access token (HEAD is GET's). */
export function needsToken(match: ApiRouteMatch, method: string): boolean {
  const access = match.access[(method === "HEAD" ? "GET" : method) as Method];
  return access !== undefined && access !== "public";
}

export function isProtectedPage(pathname: string): boolean {
  return PROTECTED_PAGES.some((page) => pathname === page || pathname.startsWith(`${page}/`));
}
