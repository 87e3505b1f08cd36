// @ts-check

// Security headers of every response. The pages' Content-Security-Policy needs a
// per-request nonce, so middleware.ts sets it; API responses are data, never documents
// to render, so theirs forbids everything.
const production = process.env.NODE_ENV === "production";

const everywhere = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  // Browsers ignore it over plain HTTP; two years, as hstspreload.org asks.
  ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

const api = [
  { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native-ish packages that read their own .wasm/.data files from node_modules at
  // run time: load them with Node's require instead of bundling them.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/schema-engine-wasm",
    "@prisma/adapter-pg",
    "pg",
    "bcryptjs",
  ],
  typedRoutes: false,
  experimental: {
    // forbidden() from next/navigation: /admin/users answers a signed-in non-admin with
    // 403 and app/(app)/admin/forbidden.tsx, as GET /api/users does (still experimental
    // in Next 16).
    authInterrupts: true,
    // Next copies the body of every request that middleware runs for, up to this many
    // bytes (default 10 MB), and past it silently ends the body before the chunk that
    // crossed the limit. A socket read, so a chunk, is at most 64 KiB: with the limit at
    // lib/http/body.ts's `MAX_BODY_BYTES` (16 KiB) plus 64 KiB, a body that Next cuts still
    // reaches the route handler over 16 KiB, which its own check refuses with 413; a
    // lower limit could hand it a shortened body that parses (a form's first fields).
    // Next 16's name (`middlewareClientMaxBodySize` is deprecated). `npm start` refuses
    // such bodies before Next sees them (lib/server/body-limit.ts); this bounds Next's
    // copy where Next is the server.
    proxyClientMaxBodySize: 16 * 1024 + 64 * 1024,
  },
  // The App Router does not route folders whose names start with a dot, so the files
  // RFC 8615 puts under /.well-known/ are served from app/well-known/.
  async rewrites() {
    return [{ source: "/.well-known/:file(security\\.txt|jwks\\.json)", destination: "/well-known/:file" }];
  },
  async headers() {
    return [
      { source: "/:path*", headers: everywhere },
      { source: "/api/:path*", headers: api },
    ];
  },
};

export default nextConfig;
