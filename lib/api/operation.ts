// What one endpoint is, written once: its method and path, who may call it, what it reads,
// what it answers and which errors it may give. route() (lib/api/route.ts) runs a
// handler from it, the OpenAPI document (lib/openapi) describes it from it, and
// middleware's route table (lib/api/route-table.ts) is generated from it. Type-only
// imports: the objects themselves are plain data plus zod schemas.
import type { z } from "zod";
import type { DeliveredTokens, IssuedTokens, TokenDelivery } from "@/lib/auth/identity/token-delivery";
import type { ErrorCode } from "@/lib/http/problem";
import type { NotModified, SeeOther } from "@/lib/http/response";

/** Who may call: anyone, a signed-in user, or a signed-in administrator. */
export type Access = "public" | "user" | "admin";
export type Method = "GET" | "POST" | "PATCH" | "DELETE";
export type Tag = "Auth" | "Second factors" | "Passkeys" | "Account recovery" | "Sessions" | "Items" | "Admin" | "Meta";

/** One error status an operation may answer and the codes it can carry. */
export type ErrorSpec = {
  status: number;
  codes: readonly ErrorCode[];
  description: string;
  headers?: readonly string[];
};

/** An OpenAPI security requirement: a scheme name and its scopes; `{}` for "none needed". */
export type SecurityRequirement = Record<string, string[]>;

/**
 * A sensitive action (README: Step-up): route() lets it run only for a session at aal 2 when
 * the account has TOTP, whose last proof is within REAUTH_MAX_AGE; else 401
 * `step_up_required` with RFC 9470's challenge. `passwordField`: the body carries the
 * current password there, which the handler checks (403 when wrong) and which counts as
 * the recent proof. The document marks the operation with `x-step-up`.
 */
export type Sensitivity = true | { passwordField: string };

export type Operation = {
  id: string;
  method: Method;
  /** As under app/api: `/api/items/[id]`. */
  path: `/api/${string}`;
  tag: Tag;
  summary: string;
  description?: string;
  access: Access;
  /**
   * For a public operation that still reads a credential when one is sent (refresh,
   * logout): how the document lists it. Access stays public: middleware lets it through.
   */
  credentials?: readonly SecurityRequirement[];
  /**
   * What the answer does with the auth cookies; the document's Set-Cookie header follows
   * from it. "tokens" and "tokens-and-cookies": the handler answers `issued` (IssuedTokens)
   * and route() puts them where lib/auth/identity/token-delivery.ts says. "cleared-cookies":
   * route() clears the cookies once the handler succeeds. "may-clear-cookies": the handler
   * clears them itself when the caller's own session ended. "access-cookie": the handler
   * answers a new access token (no refresh token), which a browser also gets as its cookie.
   */
  delivers?: TokenDelivery | "cleared-cookies" | "may-clear-cookies" | "access-cookie";
  sensitive?: Sensitivity;
  /** Refuse a browser request from another site before the body is read (login CSRF). */
  refuseCrossSite?: boolean;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: { schema: z.ZodType; required: boolean; form?: boolean; example: Record<string, unknown> };
  /** Request headers it reads, as references to the document's parameters. */
  requestHeaders?: readonly string[];
  success: {
    status: 200 | 201 | 202 | 204;
    description: string;
    schema?: z.ZodType;
    /** Response headers it sets; route() checks in development and tests that they are there. */
    headers?: readonly string[];
    example?: unknown;
  };
  /** Also answers 303 to a page: a browser's plain form post (no script) lands somewhere. */
  seeOther?: { description: string };
  /** Also answers 304 with the success headers (a GET whose If-None-Match names the current ETag). */
  notModified?: { description: string };
  errors?: readonly ErrorSpec[];
  /** False for an operation that never touches the database (the document itself): no 503. */
  database?: boolean;
};

/** Checks an operation's shape while keeping its literal types for route()'s inference. */
export const defineOperation = <const O extends Operation>(operation: O): O => operation;

type Schema<O, K extends "params" | "query"> = O extends Record<K, infer S extends z.ZodType> ? z.output<S> : undefined;

export type ParamsOf<O extends Operation> = Schema<O, "params">;
export type QueryOf<O extends Operation> = Schema<O, "query">;
export type BodyOf<O extends Operation> = O["body"] extends { schema: infer S extends z.ZodType } ? z.output<S> : undefined;
type Json<O extends Operation> = O["success"] extends { schema: infer S extends z.ZodType } ? z.input<S> : void;

/**
 * What a handler answers: the JSON its success schema describes, or nothing (204), or a
 * 303 or 304 where declared. An operation that delivers tokens answers `issued` in place
 * of the token fields.
 */
// Per member of a union (login's tokens or its `mfa_required` answer): only a token answer carries `issued`.
type WithIssued<J> = J extends { access_token: unknown } ? Omit<J, keyof DeliveredTokens> & { issued: IssuedTokens } : J;

export type ReplyOf<O extends Operation> =
  | (O["delivers"] extends TokenDelivery ? WithIssued<Json<O>> : Json<O>)
  | (O extends { seeOther: object } ? SeeOther : never)
  | (O extends { notModified: object } ? NotModified : never);
