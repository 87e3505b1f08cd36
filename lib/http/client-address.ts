// Where a request comes from, for rate limits. A client can send any X-Forwarded-For
// it likes, and Next's own server passes a client-sent one through untouched, so the
// address is only ever taken from a hop the deployment trusts (docs/decisions/0002-client-address.md).
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
export function clientAddressOf(headers: Headers): string {
  const header = env.VERCEL ? (headers.get("x-real-ip") ?? headers.get("x-forwarded-for")) : headers.get("x-forwarded-for");
  return normalize(header?.split(",")[0]?.trim() || "unknown");
}

/**
 * What a per-address limit counts under (lib/auth/accounts/limits.ts). An IPv4 address is
 * itself; an IPv6 address is its /64 prefix, written `2001:db8:0:1::/64`: one network
 * is handed a /64 at least, and its hosts pick any of its 2^64 addresses at will (privacy
 * extensions rotate them daily), so counting whole addresses would give every host an
 * endless supply of fresh limits (docs/decisions/0014-ipv6-limit-key.md). Every textual
 * form of one address gives one key: compressed or not, any case, with a zone id
 * (`fe80::1%eth0`), in brackets with or without a port (`[2001:db8::1]:443`). An
 * IPv4-mapped address (`::ffff:192.0.2.1`) is the IPv4 client it stands for. Text that is
 * no address at all (`unknown`) is counted as it is.
 */
export function limitKeyOf(address: string): string {
  const text = unwrap(address.trim());
  if (parseIpv4(text)) return text;
  const groups = parseIpv6(text);
  if (!groups) return address.trim();
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (mapped) return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join(".");
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(":")}::/64`;
}

// `[v6]`, `[v6]:port` and `v4:port`, as some proxies write X-Forwarded-For.
function unwrap(text: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) return bracketed[1]!;
  const v4WithPort = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(text);
  return v4WithPort ? v4WithPort[1]! : text;
}

function parseIpv4(text: string): number[] | null {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255)) return null;
  return parts.map(Number);
}

/** The eight 16-bit groups of an IPv6 address, or null when the text is not one. */
function parseIpv6(text: string): number[] | null {
  const [address = "", zone] = text.toLowerCase().split("%");
  if (zone === "" || !address.includes(":")) return null;
  const halves = address.split("::");
  if (halves.length > 2) return null;
  const toGroups = (half: string): number[] | null => {
    if (half === "") return [];
    const parts = half.split(":");
    const last = parts.at(-1)!;
    const tail = last.includes(".") ? parseIpv4(last) : null;
    if (last.includes(".") && !tail) return null;
    const hex = tail ? parts.slice(0, -1) : parts;
    if (!hex.every((p) => /^[0-9a-f]{1,4}$/.test(p))) return null;
    const groups = hex.map((p) => parseInt(p, 16));
    return tail ? [...groups, (tail[0]! << 8) | tail[1]!, (tail[2]! << 8) | tail[3]!] : groups;
  };
  const head = toGroups(halves[0]!);
  const rest = halves.length === 2 ? toGroups(halves[1]!) : [];
  if (!head || !rest) return null;
  // A dotted quad may only end the address.
  if (halves.length === 2 && halves[0]!.includes(".")) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - rest.length;
  return missing >= 1 ? [...head, ...Array<number>(missing).fill(0), ...rest] : null;
}
