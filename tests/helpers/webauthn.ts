// A software authenticator for tests: a real P-256 key pair (node:crypto) and the bytes a
// browser and an authenticator would send, built by hand from WebAuthn Level 3 (§6.1
// authenticator data, §6.5 attestation with fmt "none", §5.8.1 client data) and RFC 8949
// CBOR, so the server's verifier is checked against an independent encoder.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";

export const FLAGS = { UP: 0x01, UV: 0x04, BE: 0x08, BS: 0x10, AT: 0x40 } as const;

// --- CBOR, only what WebAuthn needs: integers, byte and text strings, maps -----------------
type Cbor = number | string | Uint8Array | Map<Cbor, Cbor>;

function head(major: number, length: number): Buffer {
  if (length < 24) return Buffer.from([(major << 5) | length]);
  if (length < 0x100) return Buffer.from([(major << 5) | 24, length]);
  if (length < 0x10000) return Buffer.from([(major << 5) | 25, length >> 8, length & 0xff]);
  throw new Error("cbor: too long for this encoder");
}

export function cbor(value: Cbor): Buffer {
  if (typeof value === "number") return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === "string") return Buffer.concat([head(3, Buffer.byteLength(value)), Buffer.from(value)]);
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), Buffer.from(value)]);
  return Buffer.concat([head(5, value.size), ...[...value].flatMap(([k, v]) => [cbor(k), cbor(v)])]);
}

// --- The authenticator ---------------------------------------------------------------------
const b64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString("base64url");
const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest();

type CreationOptions = { challenge: string; rp: { id?: string }; user: { id: string } };
type RequestOptions = { challenge: string; rpId?: string };

/** What a test may bend: where the response claims to come from, and what the authenticator says. */
export type Bend = { origin?: string; rpId?: string; type?: string; flags?: number; counter?: number; challenge?: string };

export type SoftAuthenticator = ReturnType<typeof softAuthenticator>;

/**
 * One credential on one authenticator. `counter` is what it reports next: a synced passkey
 * reports 0 for ever (the default); pass `counting: true` for one that counts up.
 */
export function softAuthenticator(options: { origin?: string; aaguid?: string; counting?: boolean } = {}) {
  const origin = options.origin ?? "http://localhost:3000";
  const aaguid = Buffer.from((options.aaguid ?? "fbfc3007-154e-4ecc-8c0b-6e020557d7bd").replace(/-/g, ""), "hex");
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const credentialId = randomBytes(32);
  let userHandle = "";
  let counter = 0;
  const nextCounter = () => (options.counting ? ++counter : 0);

  function authData(rpId: string, flags: number, signCount: number, attested?: Buffer): Buffer {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(signCount);
    return Buffer.concat([sha256(rpId), Buffer.from([flags]), count, ...(attested ? [attested] : [])]);
  }

  function coseKey(key: KeyObject): Buffer {
    const jwk = key.export({ format: "jwk" });
    const coordinate = (v: string | undefined) => new Uint8Array(Buffer.from(v ?? "", "base64url"));
    // kty EC2 (2), alg ES256 (-7), crv P-256 (1), x, y (RFC 9053 §7.1).
    return cbor(new Map<Cbor, Cbor>([[1, 2], [3, -7], [-1, 1], [-2, coordinate(jwk.x)], [-3, coordinate(jwk.y)]]));
  }

  const clientData = (type: string, challenge: string, bend: Bend) =>
    Buffer.from(JSON.stringify({ type: bend.type ?? type, challenge: bend.challenge ?? challenge, origin: bend.origin ?? origin, crossOrigin: false }));

  return {
    credentialId: b64url(credentialId),
    /** navigator.credentials.create(): an attestation of fmt "none" for `creation` options. */
    register(creation: CreationOptions, bend: Bend = {}) {
      userHandle = creation.user.id;
      const idLength = Buffer.alloc(2);
      idLength.writeUInt16BE(credentialId.length);
      const attested = Buffer.concat([aaguid, idLength, credentialId, coseKey(publicKey)]);
      const flags = bend.flags ?? FLAGS.UP | FLAGS.UV | FLAGS.BE | FLAGS.BS | FLAGS.AT;
      const data = authData(bend.rpId ?? creation.rp.id ?? "localhost", flags, bend.counter ?? nextCounter(), attested);
      const attestationObject = cbor(new Map<Cbor, Cbor>([["fmt", "none"], ["attStmt", new Map()], ["authData", new Uint8Array(data)]]));
      return {
        id: b64url(credentialId),
        rawId: b64url(credentialId),
        type: "public-key" as const,
        response: { clientDataJSON: b64url(clientData("webauthn.create", creation.challenge, bend)), attestationObject: b64url(attestationObject), transports: ["internal", "hybrid"] },
        authenticatorAttachment: "platform" as const,
        clientExtensionResults: {},
      };
    },
    /** navigator.credentials.get(): an assertion signed over authenticatorData ‖ SHA-256(clientDataJSON). */
    assert(request: RequestOptions, bend: Bend = {}) {
      const flags = bend.flags ?? FLAGS.UP | FLAGS.UV | FLAGS.BE | FLAGS.BS;
      const data = authData(bend.rpId ?? request.rpId ?? "localhost", flags, bend.counter ?? nextCounter());
      const client = clientData("webauthn.get", request.challenge, bend);
      const signature = sign("sha256", Buffer.concat([data, sha256(client)]), privateKey);
      return {
        id: b64url(credentialId),
        rawId: b64url(credentialId),
        type: "public-key" as const,
        response: { clientDataJSON: b64url(client), authenticatorData: b64url(data), signature: b64url(signature), userHandle },
        authenticatorAttachment: "platform" as const,
        clientExtensionResults: {},
      };
    },
  };
}
