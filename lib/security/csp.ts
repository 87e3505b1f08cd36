// The Content-Security-Policy of HTML pages. Next's App Router writes inline scripts
// (the RSC payload, the bootstrap), so scripts are allowed by a per-request nonce,
// never by 'unsafe-inline'; 'strict-dynamic' lets those scripts load the app's chunks.
// Edge-safe (middleware builds it): Web Crypto and btoa only.

/** 128 random bits, base64: unguessable, and fresh for every page request. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

type PolicyOptions = { nonce: string; dev: boolean; https: boolean };

export function pagePolicy({ nonce, dev, https }: PolicyOptions): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code to rebuild server stack traces.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // In development styles are injected by the hot reloader without a nonce (and a
    // nonce would make browsers ignore 'unsafe-inline'); production serves stylesheets.
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
