// Every operation of the API, each module's exports gathered: defining an operation in
// one of these files is what puts it in the document, middleware's route table and the
// browser's endpoint table. Sorted by path, then method, so that the order is stable
// whatever the exports' names.
import type { Method, Operation } from "@/lib/api/operation";
import * as admin from "@/lib/api/operations/admin";
import * as auth from "@/lib/api/operations/auth";
import * as factors from "@/lib/api/operations/factors";
import * as items from "@/lib/api/operations/items";
import * as meta from "@/lib/api/operations/meta";
import * as passkeys from "@/lib/api/operations/passkeys";
import * as recovery from "@/lib/api/operations/recovery";
import * as sessions from "@/lib/api/operations/sessions";

/** The modules by name, as the browser's endpoint table groups them (`items.createItem`). */
export const OPERATION_MODULES = { auth, factors, passkeys, recovery, sessions, items, admin, meta };

const METHOD_ORDER: readonly Method[] = ["GET", "POST", "PATCH", "DELETE"];

export const OPERATIONS: readonly Operation[] = Object.values(OPERATION_MODULES)
  .flatMap((module): Operation[] => Object.values(module))
  .sort((a, b) => a.path.localeCompare(b.path) || METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method));
