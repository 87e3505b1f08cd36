// The edge middleware's keys: the app's own published JWKS, fetched over HTTP (the edge has
// no database and no Node APIs) and kept in memory, its CryptoKeys imported once
// (docs/decisions/0037-signing-keys.md). Edge-safe: fetch, jose and Web Crypto only.
//
// When it fetches again:
//  - when its copy is older than EDGE_MAX_AGE_MS;
//  - when a token names a kid it does not know (a key that began signing since), at most
//    once per UNKNOWN_COOLDOWN_MS, so tokens with made-up kids cannot make it fetch per request;
//  - when the request carries KIDS_HEADER and its list differs from the copy's: `npm start`
//    (lib/server/serve.ts) sets it from the instance's own key set, after removing any
//    client-sent one. A kid missing from that list is refused without waiting for any
//    fetch, so a revoked key is refused by the edge at the next request. Where nothing sets
//    the header (Vercel) a client may send it, which can only get its own request refused or
//    make the edge fetch again (at most once per HINT_COOLDOWN_MS); without a trusted header
//    a revoked key may pass the edge until its copy is EDGE_MAX_AGE_MS old (route handlers
//    refuse it at once either way).
import { importJWK, type JWK } from "jose";
import { env } from "@/lib/env";
import type { KeySource, SigningAlgorithm, TokenKey } from "@/lib/auth/identity/jwt";

/** The published kids, comma-separated, as the Node server that received the request knows them. */
export const KIDS_HEADER = "x-jwt-items-kids";
const EDGE_MAX_AGE_MS = 60_000;
const UNKNOWN_COOLDOWN_MS = 5_000;
// Short: right after a revocation, the key that replaced it must reach the edge before a
// client's refresh-and-retry gives up; a fetch of the app's own JWKS is cheap.
const HINT_COOLDOWN_MS = 100;
const FETCH_TIMEOUT_MS = 3_000;

/**
 * Never the request's Host: a client could point it at a JWKS of its own. The configured
 * origin, or the one `npm start` listens on.
 */
export function ownJwksUrl(): string {
  const origin =
    env.APP_ORIGIN ??
    (env.VERCEL_PROJECT_PRODUCTION_URL ? `https://${env.VERCEL_PROJECT_PRODUCTION_URL}` : `http://localhost:${env.PORT}`);
  return `${origin}/.well-known/jwks.json`;
}

const ALGORITHMS: readonly string[] = ["ES256", "EdDSA"];

/** The published kids in a canonical order: what KIDS_HEADER carries and what a copy is compared by. */
export const kidList = (kids: Iterable<string>): string => [...kids].sort().join(",");

export class RemoteKeySource implements KeySource {
  private keys = new Map<string, Promise<TokenKey | null>>();
  private kids = "";
  private fetchedAt = -Infinity;
  private lastUnknownFetch = -Infinity;
  private lastHintFetch = -Infinity;
  private fetching: Promise<void> | null = null;

  constructor(private readonly url: () => string = ownJwksUrl) {}

  signing(): Promise<TokenKey> {
    return Promise.reject(new Error("The edge does not sign tokens"));
  }

  async verifying(kid: string, headers?: Headers): Promise<TokenKey | null> {
    const now = Date.now();
    // A clock set back counts as time passed, never as a copy from the future.
    const since = (then: number) => (now < then ? Infinity : now - then);
    const hint = headers?.get(KIDS_HEADER);
    if (hint != null && !hint.split(",").includes(kid)) return null;
    if (since(this.fetchedAt) > EDGE_MAX_AGE_MS) {
      await this.refresh();
    } else if (hint != null && hint !== this.kids && since(this.lastHintFetch) > HINT_COOLDOWN_MS) {
      this.lastHintFetch = now;
      await this.refresh();
    } else if (!this.keys.has(kid) && since(this.lastUnknownFetch) > UNKNOWN_COOLDOWN_MS) {
      this.lastUnknownFetch = now;
      await this.refresh();
    }
    return (await this.keys.get(kid)) ?? null;
  }

  private refresh(): Promise<void> {
    this.fetching ??= this.fetchKeys().finally(() => {
      this.fetching = null;
    });
    return this.fetching;
  }

  private async fetchKeys(): Promise<void> {
    let body: { keys?: unknown };
    try {
      const response = await fetch(this.url(), { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), cache: "no-store" });
      if (!response.ok) throw new Error(`status ${response.status}`);
      body = (await response.json()) as { keys?: unknown };
    } catch (error) {
      // The copy it has stays; tokens of keys it never had are refused until a fetch works.
      console.warn(`The edge could not fetch the JWKS (${error instanceof Error ? error.message : String(error)})`);
      return;
    }
    const listed = Array.isArray(body.keys) ? (body.keys as JWK[]) : [];
    const next = new Map<string, Promise<TokenKey | null>>();
    for (const jwk of listed) {
      const { kid, alg } = jwk;
      if (typeof kid !== "string" || typeof alg !== "string" || !ALGORITHMS.includes(alg)) continue;
      // An imported key is reused across fetches: the import is the expensive part.
      next.set(
        kid,
        this.keys.get(kid) ??
          importJWK(jwk, alg).then(
            (key) => ({ kid, alg: alg as SigningAlgorithm, key: key as CryptoKey }),
            () => null,
          ),
      );
    }
    this.keys = next;
    this.kids = kidList(next.keys());
    this.fetchedAt = Date.now();
  }
}

/** The edge's one copy. */
export const edgeKeys = new RemoteKeySource();
