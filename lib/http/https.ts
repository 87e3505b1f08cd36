// Whether a request came over HTTPS. Edge-safe: middleware's CSP and the cookies ask it.
/**
 * Whether the client reached the app over HTTPS: directly, or through a TLS-terminating
 * proxy that says so (a client faking it only makes its own cookies stricter).
 */
export function isHttps(request: Request): boolean {
  return (
    new URL(request.url).protocol === "https:" ||
    request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https"
  );
}
