// Every admin write (disable, enable, end a user's sessions, remove their second factors)
// goes through here, so what happens around them is decided once. Each is a sensitive
// action: it may answer 401 step_up_required (RFC 9470) when the admin's last proof is
// old or lacks a second factor. Until the app has its shared step-up dialog, the page
// shows the API's words and a way to sign in again (which gives a fresh proof); once the
// dialog answers the challenge inside call(), `offerSignInAgain` is false for good.
import { ApiError, call } from "@/lib/client/api";

export const adminWrite = call;

/** True when the write failed for want of a fresh proof: the page offers to sign in again. */
export function offerSignInAgain(error: unknown): boolean {
  return error instanceof ApiError && error.code === "step_up_required";
}
