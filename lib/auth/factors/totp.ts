// TOTP as RFC 6238 defines it (SHA-1, 6 digits, 30 s steps), through otplib: its verify
// compares codes in constant time. Pure: which account a code is for, and whether its step
// was used already, is lib/auth/factors/totp-codes.ts.
import "server-only";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { APP_NAME } from "@/lib/mail/templates";

const PERIOD = 30;

// One step either side: otplib checks every step that overlaps [now − 30 s, now + 30 s].
const TOLERANCE = PERIOD;

/** A new secret: 160 random bits (RFC 4226 §4's recommendation), base32. */
export const newTotpSecret = (): string => generateSecret();

/** otpauth://totp/<issuer>:<email>?secret=…&issuer=…, what authenticator apps scan. */
export const totpUri = (email: string, secret: string): string => generateURI({ issuer: APP_NAME, label: email, secret });

/** The URI as an SVG QR code, rendered here: the secret never goes to a third party. */
export const totpQrSvg = (uri: string): Promise<string> =>
  QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });

export const timeStep = (now = Date.now()): number => Math.floor(now / 1000 / PERIOD);

/** A code as people type it: spaces are allowed ("123 456"). */
export const normalizeTotpCode = (code: string): string => code.replace(/\s+/g, "");

/**
 * The time step `code` belongs to, if it is the current step's or a neighbour's and later
 * than `after` (the last step accepted); null otherwise.
 */
export async function matchTimeStep(secret: string, code: string, after: number | null, now = Date.now()): Promise<number | null> {
  const token = normalizeTotpCode(code);
  // otplib throws for anything but six digits; such a code is simply wrong.
  if (!/^\d{6}$/.test(token)) return null;
  // Every step in reach was used already (otplib refuses an `after` past its window).
  if (after !== null && after > timeStep(now)) return null;
  const epoch = Math.floor(now / 1000);
  const result = await verify({ secret, token, epoch, epochTolerance: TOLERANCE, afterTimeStep: after ?? undefined });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}
