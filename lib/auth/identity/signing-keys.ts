// The access-token key pairs of JWT_ALG ES256 or EdDSA, as each Node instance holds them
// (docs/decisions/0037-signing-keys.md). The set lives in the signing_keys table; every
// instance loads it once and again whenever a trigger announces a change
// ("signing_keys_changed": a key made, rotated or revoked by any process), so a request
// reads no database. A key's state follows from its dates and the clock:
//   published   from createdAt, in the JWKS and accepted;
//   signing     from signsFrom (JWKS_MAX_AGE after a rotation, at once for a first key)
//               until retiredAt, when a newer key signs;
//   withdrawn   from expiresFromSet (retiredAt + ACCESS_TOKEN_TTL + a margin: its last token
//               has expired) or at once when revokedAt is set.
// Private keys are sealed with AES-256-GCM under a key derived from JWT_SECRET with its own
// label, the kid as associated data; they are opened only to sign, never published or logged.
import "server-only";
import { createCipheriv, createDecipheriv, generateKeyPairSync, hkdfSync, randomBytes } from "node:crypto";
import { calculateJwkThumbprint, importJWK, type JWK } from "jose";
import { getDb } from "@/lib/db";
import { reasonOf, WatchedListener } from "@/lib/db/watched-listener";
import { env } from "@/lib/env";
import {
  registerKeySource,
  secretTokenKey,
  type KeySource,
  type SigningAlgorithm,
  type TokenKey,
} from "@/lib/auth/identity/jwt";
import { kidList } from "@/lib/auth/identity/remote-keys";

export const KEYS_CHANNEL = "signing_keys_changed";
export type AsymmetricAlgorithm = Exclude<SigningAlgorithm, "HS256">;
// Covers clock differences between instances and the verifiers of other services.
const MARGIN_MS = 60_000;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type KeyRow = {
  kid: string;
  alg: string;
  publicJwk: unknown;
  privateKeySealed: Uint8Array;
  createdAt: Date;
  signsFrom: Date;
  retiredAt: Date | null;
  expiresFromSet: Date | null;
  revokedAt: Date | null;
};

export type KeyState = "published" | "signing" | "retired" | "expired" | "revoked";

/** What a key is at `now`: see the states above. */
export function keyState(row: KeyRow, now = Date.now()): KeyState {
  if (row.revokedAt && row.revokedAt.getTime() <= now) return "revoked";
  if (row.expiresFromSet && row.expiresFromSet.getTime() <= now) return "expired";
  if (row.retiredAt && row.retiredAt.getTime() <= now) return "retired";
  return row.signsFrom.getTime() <= now ? "signing" : "published";
}

const isPublished = (row: KeyRow, now: number) => ["published", "signing", "retired"].includes(keyState(row, now));

// ---- sealing ---------------------------------------------------------------------------

const sealingKey = () => Buffer.from(hkdfSync("sha256", env.JWT_SECRET, "", "jwt-items signing key box", 32));

function seal(kid: string, privateJwk: JWK): Uint8Array<ArrayBuffer> {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", sealingKey(), iv).setAAD(Buffer.from(kid));
  const body = Buffer.concat([cipher.update(JSON.stringify(privateJwk), "utf8"), cipher.final()]);
  return new Uint8Array(Buffer.concat([iv, body, cipher.getAuthTag()]));
}

function open(kid: string, sealed: Uint8Array): JWK {
  const bytes = Buffer.from(sealed);
  try {
    const decipher = createDecipheriv("aes-256-gcm", sealingKey(), bytes.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(kid));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    return JSON.parse(Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString("utf8")) as JWK;
  } catch {
    // Never the key or the bytes: only which key does not open.
    throw new Error(`Signing key ${kid} does not open: altered, or sealed under another JWT_SECRET`);
  }
}

/** The public members only, whatever the stored JSON holds. */
export function publicJwk(row: Pick<KeyRow, "kid" | "alg" | "publicJwk">): JWK {
  const stored = row.publicJwk as Record<string, string>;
  const jwk: JWK = { kty: stored.kty, crv: stored.crv, x: stored.x, kid: row.kid, alg: row.alg, use: "sig" };
  if (stored.y) jwk.y = stored.y;
  return jwk;
}

/** A new key pair as a row: its kid is the public key's RFC 7638 thumbprint. */
export async function newKeyRow(alg: AsymmetricAlgorithm, signsFrom: Date, createdAt = new Date()): Promise<KeyRow> {
  const pair =
    alg === "ES256"
      ? generateKeyPairSync("ec", { namedCurve: "P-256" })
      : generateKeyPairSync("ed25519");
  const privateJwk = pair.privateKey.export({ format: "jwk" }) as JWK;
  const { kty, crv, x, y } = pair.publicKey.export({ format: "jwk" }) as JWK;
  const publicPart: JWK = y ? { kty, crv, x, y } : { kty, crv, x };
  const kid = await calculateJwkThumbprint(publicPart);
  return { kid, alg, publicJwk: publicPart, privateKeySealed: seal(kid, privateJwk), createdAt, signsFrom, retiredAt: null, expiresFromSet: null, revokedAt: null };
}

// ---- the table -------------------------------------------------------------------------

export async function loadKeyRows(): Promise<KeyRow[]> {
  const db = await getDb();
  return db.signingKey.findMany({ orderBy: { createdAt: "asc" } });
}

async function insert(row: KeyRow): Promise<void> {
  const db = await getDb();
  await db.signingKey.create({ data: { ...row, publicJwk: row.publicJwk as object, privateKeySealed: new Uint8Array(row.privateKeySealed) } });
}

/** A key stops signing at `at`; its last token has expired ACCESS_TOKEN_TTL (and a margin) later. */
const retirement = (at: Date) => ({ retiredAt: at, expiresFromSet: new Date(at.getTime() + env.ACCESS_TOKEN_TTL * 1000 + MARGIN_MS) });

/** The key that signs at `now` for `alg`: the one that started signing last. */
export function signingRow(rows: readonly KeyRow[], alg: string, now = Date.now()): KeyRow | undefined {
  return rows
    .filter((row) => row.alg === alg && keyState(row, now) === "signing")
    .sort((a, b) => b.signsFrom.getTime() - a.signsFrom.getTime())[0];
}

/**
 * With JWT_ALG asymmetric and no key of it that signs now (a first start, a switch from
 * HS256, the signing key revoked): a key that signs at once. No verifier can have cached a key
 * that does not exist yet, and third parties fetch the JWKS again on an unknown kid.
 */
export async function ensureSigningKey(now = new Date()): Promise<string | null> {
  if (env.JWT_ALG === "HS256") return null;
  const rows = await loadKeyRows();
  if (signingRow(rows, env.JWT_ALG, now.getTime())) return null;
  const row = await newKeyRow(env.JWT_ALG, now, now);
  // A rotation's key still waiting to sign takes over when it was meant to.
  const pending = rows
    .filter((r) => r.alg === env.JWT_ALG && keyState(r, now.getTime()) === "published")
    .sort((a, b) => a.signsFrom.getTime() - b.signsFrom.getTime())[0];
  if (pending) Object.assign(row, retirement(pending.signsFrom));
  await insert(row);
  return row.kid;
}

/**
 * `npm run keys:rotate`: a new key, published now, signing JWKS_MAX_AGE later; the key that
 * signs now retires then, and leaves the set once its last token has expired.
 */
export async function rotateKeys(now = new Date(), alg: AsymmetricAlgorithm | undefined = env.JWT_ALG === "HS256" ? undefined : env.JWT_ALG): Promise<KeyRow> {
  if (!alg) throw new Error("JWT_ALG is HS256: there is no key pair to rotate (change JWT_SECRET to replace the HS256 key)");
  const rows = await loadKeyRows();
  // With no key signing now (none made yet), there is nothing to wait for: no verifier can
  // have cached a key that did not exist.
  const signsFrom = signingRow(rows, alg, now.getTime()) ? new Date(now.getTime() + env.JWKS_MAX_AGE * 1000) : now;
  const row = await newKeyRow(alg, signsFrom, now);
  const db = await getDb();
  const current = rows.filter((r) => !r.revokedAt && !r.retiredAt);
  await db.$transaction(async (tx) => {
    await tx.signingKey.create({ data: { ...row, publicJwk: row.publicJwk as object, privateKeySealed: new Uint8Array(row.privateKeySealed) } });
    for (const old of current) {
      await tx.signingKey.update({
        where: { kid: old.kid },
        data: retirement(signsFrom),
      });
    }
  });
  return row;
}

/**
 * `npm run keys:revoke <kid>`: withdrawn at once. When it was the key that signs, a new one
 * signs at once too (nothing may sign with a revoked key).
 */
export async function revokeKey(kid: string, now = new Date()): Promise<{ replacement: string | null }> {
  const db = await getDb();
  const found = await db.signingKey.findUnique({ where: { kid } });
  if (!found) throw new Error(`No signing key ${kid} (npm run keys:list shows them; the HS256 key is replaced by changing JWT_SECRET)`);
  if (found.revokedAt) return { replacement: null };
  await db.signingKey.update({ where: { kid }, data: { revokedAt: now } });
  // A rotation's key still waiting for JWKS_MAX_AGE does not sign yet: a new one must.
  return { replacement: await ensureSigningKey(now) };
}

// ---- this instance's copy ----------------------------------------------------------------

/**
 * The key set of this instance: loaded at start and at every announced change. Its
 * listener is watched like the revocation view's (lib/db/watched-listener.ts): a
 * heartbeat through the database notices a connection that went quiet without an error.
 * While the listener is down, each verification reads the table (one query, shared by
 * concurrent requests), and every reconnection reads the set again before it is trusted,
 * so a change announced while nobody listened is never missed.
 */
export class KeySet implements KeySource {
  private rows: KeyRow[] = [];
  private imported = new Map<string, Promise<TokenKey>>();
  private loading: Promise<void> | null = null;
  private listeners = new Set<() => void>();
  private listener = new WatchedListener({
    channels: [KEYS_CHANNEL],
    heartbeatPrefix: "signing_keys_heartbeat",
    connectionName: "signing keys",
    sync: () => this.reload(),
    onMessage: () => void this.reload().catch((error: unknown) => this.listener.lose(reasonOf(error))),
    onStop: () => {
      this.rows = [];
      this.imported.clear();
    },
    lostMessage: (reason) => `Signing-key listener lost (${reason}): reading the key set per request until it is back`,
    backMessage: "Signing-key listener is back: the key set is read again and held in memory",
  });

  ensureStarted(): Promise<void> {
    return this.listener.ensureStarted();
  }

  /** Calls back after every reload (tests wait on it). */
  onReload(callback: () => void): () => void {
    this.listeners.add(callback);
    return () => this.listeners.delete(callback);
  }

  reload(): Promise<void> {
    this.loading ??= loadKeyRows()
      .then((rows) => {
        this.rows = rows;
        for (const id of this.imported.keys()) {
          if (!rows.some((row) => id.endsWith(` ${row.kid}`))) this.imported.delete(id);
        }
        for (const listener of this.listeners) listener();
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }

  private async current(): Promise<KeyRow[]> {
    await this.ensureStarted();
    if (!this.listener.synced) await this.reload();
    return this.rows;
  }

  /**
   * The public keys to publish at `now`: none with HS256 from the start; after a switch back
   * to HS256, the pairs whose tokens may still be in use.
   */
  async published(now = Date.now()): Promise<JWK[]> {
    return (await this.current()).filter((row) => isPublished(row, now)).map(publicJwk);
  }

  /**
   * The published kids as the edge compares them (lib/auth/identity/remote-keys.ts), or null
   * while this copy is not known to be current.
   */
  publishedKids(now = Date.now()): string | null {
    void this.ensureStarted();
    if (!this.listener.synced) return null;
    return kidList(this.rows.filter((row) => isPublished(row, now)).map((row) => row.kid));
  }

  /** The same, read from the table when this copy is not known to be current (the listener is down). */
  async currentKids(now = Date.now()): Promise<string> {
    return kidList((await this.current()).filter((row) => isPublished(row, now)).map((row) => row.kid));
  }

  async signing(): Promise<TokenKey> {
    if (env.JWT_ALG === "HS256") return secretTokenKey();
    let row = signingRow(await this.current(), env.JWT_ALG);
    if (!row) {
      await ensureSigningKey();
      await this.reload();
      row = signingRow(this.rows, env.JWT_ALG);
    }
    if (!row) throw new Error(`No ${env.JWT_ALG} signing key`);
    return this.importKey(row, "private");
  }

  async verifying(kid: string): Promise<TokenKey | null> {
    const row = (await this.current()).find((r) => r.kid === kid);
    if (!row || !isPublished(row, Date.now())) return null;
    return this.importKey(row, "public");
  }

  // jose's importJWK is a Web Crypto import: done once per key and use, then reused.
  private importKey(row: KeyRow, use: "private" | "public"): Promise<TokenKey> {
    const id = `${use} ${row.kid}`;
    let key = this.imported.get(id);
    if (!key) {
      const alg = row.alg as AsymmetricAlgorithm;
      const jwk = use === "private" ? open(row.kid, row.privateKeySealed) : publicJwk(row);
      key = importJWK(jwk, alg).then((imported) => ({ kid: row.kid, alg, key: imported as CryptoKey }));
      key.catch(() => this.imported.delete(id));
      this.imported.set(id, key);
    }
    return key;
  }
}

const KEY_SET = Symbol.for("jwt-items.key-set");
type Holder = { [KEY_SET]?: KeySet };
/** This process's key set (one per process, however often Next loads this module). */
export const keySet: KeySet = ((globalThis as Holder)[KEY_SET] ??= new KeySet());
registerKeySource(keySet);

/**
 * GET /.well-known/jwks.json: the published public keys, `{keys: []}` with HS256 alone.
 * Cacheable for JWKS_MAX_AGE seconds, which is why a new key is published that long before
 * it signs.
 */
export async function jwksResponse(): Promise<Response> {
  return Response.json(
    { keys: await keySet.published() },
    { headers: { "cache-control": `public, max-age=${env.JWKS_MAX_AGE}` } },
  );
}
