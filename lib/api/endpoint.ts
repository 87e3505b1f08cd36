// What the browser holds of an operation at run time: its method, its path and who may
// call it, from the generated table behind lib/api/endpoints.ts. Everything else (parameters,
// body, reply) it knows by type only, taken from the operation itself: the operations
// carry zod schemas, descriptions and examples that pages need not download
// (docs/decisions/0031-typed-client-and-data-layer.md).
import type { z } from "zod";
import type { Operation } from "@/lib/api/operation";

declare const OPERATION: unique symbol;

export type Endpoint<O extends Operation = Operation> = {
  readonly method: O["method"];
  readonly path: O["path"];
  readonly access: O["access"];
  /** Types only, never set: the operation this endpoint stands for. */
  readonly [OPERATION]?: O;
};

type Input<O, K extends "params" | "query"> = O extends Record<K, infer S extends z.ZodType> ? z.input<S> : undefined;

/** What a caller sends: the input side of the operation's schemas (defaults may be left out). */
export type ParamsIn<O extends Operation> = Input<O, "params">;
export type QueryIn<O extends Operation> = Input<O, "query">;
export type BodyIn<O extends Operation> = O["body"] extends { schema: infer S extends z.ZodType } ? z.input<S> : undefined;
/** The JSON of a success, as the handler answers it (ReplyOf in lib/api/operation.ts); undefined for 204. */
export type ReplyIn<O extends Operation> = O["success"] extends { schema: infer S extends z.ZodType } ? z.input<S> : undefined;

/** The endpoint's path with its `[name]` segments filled in, each encoded. */
export function endpointPath(entry: Endpoint, params?: Readonly<Record<string, unknown>>): string {
  return entry.path.replace(/\[([^\]]+)\]/g, (_segment, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`${entry.method} ${entry.path} needs ${name}`);
    return encodeURIComponent(String(value));
  });
}
