// The list of common passwords a new password must not be in: the 49,233 passwords that
// @zxcvbn-ts/language-common (MIT) ships, from the xato.net dump of ten million leaked
// passwords, lower-cased and ranked by frequency; plus the patterns that list leaves to
// lib/auth/passwords/patterns.ts (docs/decisions/0026-password-policy.md). Server-only: the
// list (about 380 kB) never reaches a browser bundle or the middleware.
import "server-only";
import { isTrivialPattern } from "@/lib/auth/passwords/patterns";

let list: Promise<ReadonlySet<string>> | undefined;

// Loaded at the first password set, not at start: logins never read it, and a server that
// only serves logins and items never pays its few megabytes.
function commonPasswords(): Promise<ReadonlySet<string>> {
  list ??= import("@zxcvbn-ts/language-common").then(({ dictionary }) => new Set(dictionary["passwords-common"]));
  return list;
}

/**
 * Whether a password is in the list or one of its patterns, letters' case aside: the list
 * was counted lower-cased, so "Password1" is as common as "password1".
 */
export async function isCommonPassword(password: string): Promise<boolean> {
  const folded = password.toLowerCase();
  return isTrivialPattern(folded) || (await commonPasswords()).has(folded);
}
