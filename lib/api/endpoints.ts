// The browser's view of the API: each operation's method, path and access, from
// lib/api/endpoints.json (generated from lib/api/operations by scripts/api-routes.ts, run
// by `npm run build`, `npm run dev` and `npm run api:routes`), typed by the operations
// themselves. The pages call `call(items.createItem, { body })` (lib/client/api.ts)
// without downloading the operations' zod schemas and descriptions
// (docs/decisions/0031-typed-client-and-data-layer.md).
import type { Endpoint } from "@/lib/api/endpoint";
import type { Operation } from "@/lib/api/operation";
import type { OPERATION_MODULES } from "@/lib/api/operations";
import table from "@/lib/api/endpoints.json";

type Modules = typeof OPERATION_MODULES;
type Group<M> = { readonly [K in keyof M]: M[K] extends Operation ? Endpoint<M[K]> : never };
type Table = { readonly [Name in keyof Modules]: Group<Modules[Name]> };

// tests/client/typed-client.test.ts holds the file to the operations.
export const { auth, factors, passkeys, recovery, sessions, items, admin, meta }: Table = table as Table;
