// Whether a request came over HTTPS. Edge-safe: middleware's CSP and the auth cookies ask it.
import { env } from "@/lib/env";

type RequestLike = { url?: string; headers: Headers };

/**
 * Whether the client reached the app over HTTPS: directly, or through a TLS-terminating
 * proxy that says so (a client faking it only makes its own cookies stricter).
 */
export function isHttps(request: RequestLike): boolean {
  if (request.url !== undefined && new URL(request.url).protocol === "https:") return true;
  return request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

/**
 * Whether the app is served over HTTPS, for its cookies and its own origin: APP_ORIGIN
 * says so once and for all when it is set; otherwise the request.
 */
export function servedOverHttps(request: RequestLike): boolean {
  return env.APP_ORIGIN ? env.APP_ORIGIN.startsWith("https:") : isHttps(request);
}
