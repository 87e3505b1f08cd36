// The browser tests' own calls to the API, named by their operations (lib/api/operations),
// as the pages' client names them: `callApi(request, items.createItem, { body })`. They
// run in Node, so they take the operation objects themselves.
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { endpointPath, type BodyIn, type ParamsIn } from "@/lib/api/endpoint";
import type { Operation } from "@/lib/api/operation";

export * as auth from "@/lib/api/operations/auth";
export * as factors from "@/lib/api/operations/factors";
export * as items from "@/lib/api/operations/items";
export * as meta from "@/lib/api/operations/meta";
export * as recovery from "@/lib/api/operations/recovery";
export * as sessions from "@/lib/api/operations/sessions";

type Options<O extends Operation> = {
  params?: ParamsIn<O>;
  query?: Record<string, string>;
  body?: BodyIn<O>;
  headers?: Record<string, string>;
};

export function callApi<O extends Operation>(request: APIRequestContext, operation: O, options: Options<O> = {}): Promise<APIResponse> {
  const { params, query, body, headers } = options;
  return request.fetch(endpointPath(operation, params ?? undefined), {
    method: operation.method,
    ...(query ? { params: query } : {}),
    ...(body === undefined ? {} : { data: body }),
    ...(headers ? { headers } : {}),
  });
}

/** The operation's URL on a server, for Node's own fetch (a server the test started itself). */
export const urlOf = (base: string, operation: Operation, params?: Record<string, string>) => `${base}${endpointPath(operation, params)}`;
