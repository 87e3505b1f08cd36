// The reusable parts of the document that are not schemas: how to authenticate, and
// the headers the API names (README: The API; RFC 6750, RFC 9110, RFC 6265).
import type { Header, Parameter, SecurityScheme } from "@/lib/openapi/types";

export const SECURITY_SCHEMES: Record<string, SecurityScheme> = {
  bearerAuth: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description:
      "The `access_token` from signup, login or refresh, as `Authorization: Bearer <jwt>`. It wins over the cookie when both are sent.",
  },
  accessTokenCookie: {
    type: "apiKey",
    in: "cookie",
    name: "access_token",
    description:
      "Set by signup, login and refresh (HttpOnly, SameSite=Lax); `__Host-access_token` over HTTPS. Unsafe requests " +
      "authenticated by it must come from this origin.",
  },
  refreshTokenCookie: {
    type: "apiKey",
    in: "cookie",
    name: "refresh_token",
    description:
      "Set alongside the access cookie, sent only to /api/auth (HttpOnly, SameSite=Strict); `__Secure-refresh_token` over HTTPS.",
  },
};

const text = { type: "string" } as const;

export const HEADERS: Record<string, Header> = {
  "WWW-Authenticate": {
    description: 'The RFC 6750 challenge, e.g. `Bearer realm="jwt-items", error="invalid_token"`.',
    schema: text,
  },
  "Retry-After": { description: "Seconds to wait before trying again.", schema: { type: "integer", minimum: 0 } },
  ETag: {
    description: "The item's current version; send it back in `If-Match` to update safely, or in `If-None-Match` to read it only if changed.",
    schema: text,
  },
  Location: { description: "The URL of the created resource.", schema: { type: "string", format: "uri-reference" } },
  "Set-Cookie": {
    description: "The `access_token` and `refresh_token` cookies, set, rotated or cleared (browsers only need these).",
    schema: text,
  },
  "Accept-Post": { description: "The media types this endpoint accepts.", schema: text },
};

export const PARAMETERS: Record<string, Parameter> = {
  IfMatch: {
    name: "If-Match",
    in: "header",
    required: false,
    description: "An `ETag` from an earlier response: the update is refused with 412 if the item changed since. `*` matches any version.",
    schema: { ...text, examples: ["*"] },
  },
  IfNoneMatch: {
    name: "If-None-Match",
    in: "header",
    required: false,
    description:
      "`ETag`s of copies the client holds (weak comparison, so `W/` is ignored; `*` for any): the answer is 304 with no body " +
      "if the item is still one of them.",
    schema: text,
  },
};
