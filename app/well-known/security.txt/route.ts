import { currentSecurityTxt } from "@/lib/security/security-txt";

export const dynamic = "force-dynamic";

// Served at /.well-known/security.txt (next.config.js rewrites it here). Plain text for
// people and scanners, not the API's JSON: RFC 9116 fixes its format.
export function GET(): Response {
  const text = currentSecurityTxt();
  if (!text) {
    return new Response("No security contact is configured (SECURITY_CONTACT).\n", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
  return new Response(text, {
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "public, max-age=86400" },
  });
}
