// The wrapper of every route handler, driven by the endpoint's operation
// (lib/api/operations): it works out the request's facts once (its RequestContext),
// requires the caller the operation names, parses params, query and body with the
// operation's schemas, delivers or clears the tokens as the operation says, answers with
// its success status, and turns whatever is thrown into a well-formed error. In
// development and tests it also checks each reply against the success schema and
// headers, so the document cannot drift from what the server sends.
import { z } from "zod";
import type { BodyOf, Operation, ParamsOf, QueryOf, ReplyOf } from "@/lib/api/operation";
import { requireAdmin } from "@/lib/auth/accounts/admin";
import { requireCaller, type Caller } from "@/lib/auth/identity/caller";
import { assertNotCrossSite, describeRequest, type RequestContext } from "@/lib/auth/identity/request-context";
import { clearAuthCookies, deliverTokens, setAccessCookie, type AccessGrant, type IssuedTokens } from "@/lib/auth/identity/token-delivery";
import { requireRecentProof } from "@/lib/auth/factors/sensitive";
import { env } from "@/lib/env";
import { parseInput, parseQuery, readBody } from "@/lib/http/body";
import { errorResponse } from "@/lib/http/error-response";
import { json, NotModified, SeeOther } from "@/lib/http/response";

export type RouteInput<O extends Operation> = {
  request: Request;
  /** The request's facts (client address, HTTPS, cookies, browser or not), worked out once. */
  context: RequestContext;
  caller: O["access"] extends "public" ? undefined : Caller;
  params: ParamsOf<O>;
  query: QueryOf<O>;
  body: BodyOf<O>;
  /** The answer's headers (ETag, Location, cookies). Cookies set here survive an error thrown after. */
  headers: Headers;
};

type Handler<O extends Operation> = (input: RouteInput<O>) => Promise<ReplyOf<O>>;

/** What Next passes a route handler: the path's dynamic segments, decoded. */
type NextContext = { params?: Promise<Record<string, string | string[] | undefined>> };

const CHECK_REPLIES = env.NODE_ENV !== "production";

export function route<const O extends Operation>(operation: O, handler: Handler<O>) {
  const handle = async (request: Request, next?: NextContext): Promise<Response> => {
    const headers = new Headers();
    try {
      const context = describeRequest(request);
      // The caller is identified before anything else is looked at: a request without a
      // valid token learns nothing about what a valid one would need.
      const caller = await callerFor(operation, context);
      if (operation.refuseCrossSite) assertNotCrossSite(context);
      const input = await readInput(operation, request, next);
      // After the body parsed (a bad request is 400 first), before the handler does anything.
      if (operation.sensitive && caller) await requireRecentProof({ userId: caller.id, sessionId: caller.sessionId }, { passwordVerified: operation.sensitive !== true });
      const handled = await handler({ request, context, caller, headers, ...input } as RouteInput<O>);
      const reply = deliver(operation, context, headers, handled, input.body);
      const bodiless = bodilessAnswer(operation, reply, headers);
      if (bodiless) return bodiless;
      if (CHECK_REPLIES) checkReply(operation, reply, headers);
      const { status, schema } = operation.success;
      return schema ? json(reply, { status, headers }) : new Response(null, { status, headers });
    } catch (error) {
      // A cookie cleared before the error (a dead refresh cookie) must still be cleared.
      const response = errorResponse(error);
      for (const cookie of headers.getSetCookie()) response.headers.append("set-cookie", cookie);
      return response;
    }
  };
  // The route-map test reads which operation each exported handler serves.
  return Object.assign(handle, { operation });
}

/** The 303 or 304 a handler answered, where its operation declares one. */
function bodilessAnswer(operation: Operation, reply: unknown, headers: Headers): Response | null {
  if (reply instanceof SeeOther && operation.seeOther) {
    headers.set("location", reply.location);
    return new Response(null, { status: 303, headers });
  }
  if (reply instanceof NotModified && operation.notModified) {
    // The Cache-Control the 200 would carry (RFC 9110 §15.4.5).
    if (!headers.has("cache-control")) headers.set("cache-control", "no-store");
    return new Response(null, { status: 304, headers });
  }
  return null;
}

function callerFor(operation: Operation, context: RequestContext): Promise<Caller | undefined> {
  if (operation.access === "admin") return requireAdmin(context);
  if (operation.access === "user") return requireCaller(context);
  return Promise.resolve(undefined);
}

/** The reply with the issued tokens put where the operation's `delivers` says; cleared cookies where it says so. */
function deliver(operation: Operation, context: RequestContext, headers: Headers, reply: unknown, body: unknown): unknown {
  const { delivers } = operation;
  if (delivers === "cleared-cookies") clearAuthCookies(context, headers);
  if (delivers === "access-cookie" && context.browser) setAccessCookie(context, headers, reply as AccessGrant);
  if (delivers !== "tokens" && delivers !== "tokens-and-cookies") return reply;
  // A login's `mfa_required` answer issues nothing: no token, no cookie.
  if (!(typeof reply === "object" && reply !== null && "issued" in reply)) return reply;
  const { issued, ...rest } = reply as { issued: IssuedTokens };
  // A refresh token sent in the body is answered in the body; without one, the cookie was used.
  const cameInBody = typeof body === "object" && body !== null && Boolean((body as { refresh_token?: string }).refresh_token);
  return { ...rest, ...deliverTokens(context, headers, issued, delivers, cameInBody) };
}

async function readInput(operation: Operation, request: Request, next: NextContext | undefined) {
  const { params, query, body } = operation;
  return {
    params: params ? parseInput(params, await next?.params) : undefined,
    query: query ? parseQuery(query, request) : undefined,
    body: body
      ? parseInput(body.schema, await readBody(request, { allowForm: body.form, optional: !body.required }))
      : undefined,
  };
}

function checkReply(operation: Operation, reply: unknown, headers: Headers): void {
  const name = `${operation.method} ${operation.path}`;
  const checked = operation.success.schema?.safeParse(reply);
  if (checked && !checked.success) throw new Error(`${name} answered outside its schema:\n${z.prettifyError(checked.error)}`);
  // Set-Cookie depends on the caller (a token in the body gets none back); the rest is always sent.
  const missing = (operation.success.headers ?? []).filter((header) => header !== "Set-Cookie" && !headers.has(header));
  if (missing.length > 0) throw new Error(`${name} answered without its ${missing.join(", ")} header`);
}
