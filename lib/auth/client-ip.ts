// Where a request comes from, for rate limits. A client can send any X-Forwarded-For
// it likes, and Next's own server passes a client-sent one through untouched, so the
// address is only ever taken from a hop the deployment trusts (docs/decisions/0003).
import { env } from "@/lib/env";

/**
 * The client address as seen by the server entry (server.ts): the socket's peer, or,
 * behind `trustedHops` reverse proxies that each append to X-Forwarded-For, the
 * address that the outermost trusted proxy saw.
 */
export function resolveClientAddress(
  forwardedFor: string | undefined,
  socketAddress: string | undefined,
  trustedHops: number,
): string {
  const chain = (forwardedFor ?? "").split(",").map((a) => a.trim()).filter(Boolean);
  chain.push(socketAddress ?? "unknown");
  const index = Math.max(0, chain.length - 1 - trustedHops);
  return normalize(chain[index] ?? "unknown");
}

// "::ffff:127.0.0.1" and "127.0.0.1" are one client.
function normalize(address: string): string {
  return address.startsWith("::ffff:") ? address.slice(7) : address;
}

/**
 * The client address of a request inside a route handler. On Vercel the platform
 * overwrites X-Forwarded-For with the real client; under `npm start` the server entry
 * does the same from the socket before Next sees the request.
 */
export function getClientIp(request: Request): string {
  const header = env.VERCEL
    ? (request.headers.get("x-real-ip") ?? request.headers.get("x-forwarded-for"))
    : request.headers.get("x-forwarded-for");
  return normalize(header?.split(",")[0]?.trim() || "unknown");
}

/** What the auth service needs to know about the caller's device. */
export type ClientContext = { ip: string; userAgent: string | null };

export function describeClient(request: Request): ClientContext {
  return { ip: getClientIp(request), userAgent: request.headers.get("user-agent") };
}
