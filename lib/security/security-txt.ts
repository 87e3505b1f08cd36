// /.well-known/security.txt (RFC 9116): where a person who found a vulnerability reports it.
// Written from SECURITY_CONTACT at each request, so it is never staler than the running
// configuration; Expires (required by the RFC) tells a copy's readers when to fetch again.
import { env } from "@/lib/env";
import { publicOrigin } from "@/lib/mail/links";

export const SECURITY_TXT_PATH = "/.well-known/security.txt";

// Well under the RFC's advice of "less than a year", and long past any cache's life.
const VALID_FOR_DAYS = 90;

/** The file's text for these contacts; null when there is none (Contact is required). */
export function securityTxt(contacts: readonly string[], origin: string, now = new Date()): string | null {
  if (contacts.length === 0) return null;
  const expires = new Date(now.getTime() + VALID_FOR_DAYS * 86_400_000);
  expires.setUTCHours(0, 0, 0, 0);
  return [
    ...contacts.map((uri) => `Contact: ${uri}`),
    `Expires: ${expires.toISOString().replace(".000Z", "Z")}`,
    "Preferred-Languages: en",
    `Canonical: ${origin}${SECURITY_TXT_PATH}`,
    "",
  ].join("\n");
}

/** This deployment's file, from its configuration. */
export const currentSecurityTxt = (now = new Date()) => securityTxt(env.SECURITY_CONTACT, publicOrigin(), now);
