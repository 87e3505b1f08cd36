// What a session's refresh token is and how long a session lives; values only, no
// database. A refresh token is 256 bits, handed out once and stored only as its SHA-256 (a
// stolen database cannot be replayed). A session has exactly one live token: the
// successor of a token is derived from it with a keyed MAC, so a replay inside the grace
// window gets the very token its first use got (docs/decisions/0015).
import "server-only";
import { createHash, createHmac, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
export const newRefreshToken = () => randomBytes(32).toString("base64url");

// Its own key, derived from JWT_SECRET under a label: a successor is no JWT signature,
// and nothing signed for one purpose can stand for the other.
const successorKey = createHmac("sha256", env.JWT_SECRET).update("jwt-items refresh-token successor v1").digest();
export const successorOf = (token: string) => createHmac("sha256", successorKey).update(token).digest("base64url");

/** REFRESH_TOKEN_TTL after the last refresh, but never past SESSION_MAX_AGE after the login. */
export function expiryFrom(now: Date, createdAt: Date): Date {
  const sliding = now.getTime() + env.REFRESH_TOKEN_TTL * 1000;
  const absolute = createdAt.getTime() + env.SESSION_MAX_AGE * 1000;
  return new Date(Math.min(sliding, absolute));
}
