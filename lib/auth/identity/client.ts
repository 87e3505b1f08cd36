// What the auth services need to know about the device behind a request: its address (for
// limits), its user agent (shown in the sessions list) and its device cookie.
import { readDeviceCookie } from "@/lib/auth/identity/cookies";
import { getClientIp } from "@/lib/http/client-address";

/** What the auth service needs to know about the caller's device. */
export type ClientContext = {
  ip: string;
  userAgent: string | null;
  /** The device cookie's raw value: which accounts this browser signed in to before. */
  deviceCookie?: string;
};

export function describeClient(request: Request): ClientContext {
  return { ip: getClientIp(request), userAgent: request.headers.get("user-agent"), deviceCookie: readDeviceCookie(request) };
}
