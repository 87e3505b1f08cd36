// Sends the generated requests one after another, judges each answer by the API's rules
// (never >= 500; every error problem+json with a code the document lists, and the
// headers the document names; README: The API), and keeps every failure, not only the first.
import fc from "fast-check";
import { toOpenApiPath } from "@/lib/openapi/operation";
import type { Operation as ApiOperation } from "@/lib/api/operation";
import { auth, items, sessions, urlOf } from "../api";
import { signUp } from "../server-process";
import { curl } from "./report";
import { plans, type Plan, type State } from "./requests";
import type { Operation } from "./document";

export type Sent = { method: string; url: string; headers: Record<string, string>; body?: string | Uint8Array<ArrayBuffer> };
export type Failure = { run: number; plan: Plan; request: Sent; status: number | null; code: string | null; reason: string; repro: string };

export type Summary = {
  sent: number;
  unsent: number;
  withValidToken: number;
  statuses: Record<number, number>;
  /** `METHOD /path`, for each operation of the document, and how often it was sent with a valid token and without. */
  coverage: Record<string, { valid: number; invalid: number }>;
  failures: Failure[];
};

function materialize(plan: Plan, state: State, baseUrl: string): Sent {
  const path = plan.id ? plan.template.replace("{id}", plan.id.make(state)) : plan.template;
  const headers = { ...plan.headers, ...plan.credentials.make(state) };
  if (plan.body?.contentType != null) headers["content-type"] = plan.body.contentType;
  return { method: plan.method, url: `${baseUrl}${path}${plan.query}`, headers, ...(plan.body ? { body: plan.body.make(state) } : {}) };
}

type Answer = { status: number; type: string; code: string | null; json: Record<string, unknown> | null; headers: Headers };

async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  const type = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
  let json: Record<string, unknown> | null = null;
  try {
    json = type.endsWith("json") && text ? (JSON.parse(text) as Record<string, unknown>) : null;
  } catch {
    json = null;
  }
  const code = typeof json?.code === "string" ? json.code : null;
  return { status: response.status, type, code, json, headers: response.headers };
}

/** What is wrong with an answer, by the API's rules; null when nothing is. */
function verdict(answer: Answer, method: string, codes: Set<string>): string | null {
  const { status, type, code, json, headers } = answer;
  if (status >= 500) return `status ${status}`;
  if (status < 400) return null;
  if (type !== "application/problem+json") return `an error that is not problem+json (${type || "no content-type"})`;
  if (method !== "HEAD") {
    if (!json) return "a problem+json body that is not JSON";
    if (!code || !codes.has(code)) return `code ${JSON.stringify(json.code)} is not listed in the document`;
    if (json.status !== status) return `body status ${String(json.status)} differs from ${status}`;
  }
  if (status === 401 && !headers.get("www-authenticate")) return "401 without WWW-Authenticate";
  if (status === 405 && !headers.get("allow")) return "405 without Allow";
  if (status === 429 && !headers.get("retry-after")) return "429 without Retry-After";
  return null;
}

const payload = (token: string) => JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString()) as { sub: string; sid: string };

/** A fresh account with one item: the live one, after a request has ended the last. */
export async function newLive(baseUrl: string): Promise<{ live: State["live"]; itemId: string }> {
  const account = await signUp(baseUrl);
  const { sub, sid } = payload(account.accessToken);
  const created = await fetch(urlOf(baseUrl, items.createItem), {
    method: items.createItem.method,
    headers: { authorization: `Bearer ${account.accessToken}`, "content-type": "application/json" },
    body: JSON.stringify({ name: "Teapot", price: "12.50" }),
  });
  if (created.status !== 201) throw new Error(`creating an item answered ${created.status}`);
  const { id } = (await created.json()) as { id: string };
  return { live: { ...account, userId: sub, sessionId: sid }, itemId: id };
}

// Successful calls that end the live session or account, or change its password.
/** An operation as the document names it: `DELETE /api/items/{id}`. */
const named = (operation: ApiOperation) => `${operation.method} ${toOpenApiPath(operation.path)}`;

const ENDS_LIVE = new Set([auth.logOut, sessions.endSessions, sessions.endSession, auth.deleteMe, auth.changePassword].map(named));

async function follow(plan: Plan, answer: Answer, state: State, baseUrl: string): Promise<void> {
  const operation = `${plan.method} ${plan.template}`;
  const ok = answer.status >= 200 && answer.status < 300;
  // The live session ended some other way (a refresh token reused past its grace, say).
  const refused = plan.validToken && answer.code === "session_revoked";
  if ((ok && ENDS_LIVE.has(operation)) || refused) {
    const fresh = await newLive(baseUrl);
    state.live = fresh.live;
    state.itemIds = [fresh.itemId];
    return;
  }
  if (operation === named(auth.refreshTokens) && ok) {
    const rotated = answer.json?.refresh_token ?? /refresh_token=([^;]+)/.exec(answer.headers.get("set-cookie") ?? "")?.[1];
    if (typeof rotated === "string") state.live.refreshToken = decodeURIComponent(rotated);
  }
  if (operation === named(items.createItem) && answer.status === 201 && typeof answer.json?.id === "string") state.itemIds.unshift(answer.json.id);
  if (operation === named(items.deleteItem) && answer.status === 204 && plan.id?.label === "own item") state.itemIds.shift();
  if (state.itemIds.length === 0) state.itemIds = [(await newLive(baseUrl)).itemId];
}

// A request that the client itself refused to build (never reached the server), as
// opposed to one the server dropped ("fetch failed", with the socket error as cause).
const isUnsendable = (error: unknown) => error instanceof TypeError && error.message !== "fetch failed";

export async function fuzz(options: { baseUrl: string; operations: Operation[]; codes: Set<string>; state: State; runs: number; seed: number }): Promise<Summary> {
  const { baseUrl, operations, codes, state } = options;
  const summary: Summary = { sent: 0, unsent: 0, withValidToken: 0, statuses: {}, coverage: {}, failures: [] };
  for (const op of operations) summary.coverage[`${op.method} ${op.path}`] = { valid: 0, invalid: 0 };
  let run = 0;
  const property = fc.asyncProperty(plans(operations), async (plan) => {
    run++;
    const request = materialize(plan, state, baseUrl);
    let answer: Answer;
    try {
      const { method, url, headers, body } = request;
      answer = await answerOf(await fetch(url, { method, headers, body, redirect: "manual", signal: AbortSignal.timeout(30_000) }));
    } catch (error) {
      if (isUnsendable(error)) {
        summary.unsent++;
        return;
      }
      const cause = error instanceof Error ? `${error.message}${error.cause ? `: ${String(error.cause)}` : ""}` : String(error);
      summary.failures.push({ run, plan, request, status: null, code: null, reason: `no answer (${cause})`, repro: curl(request, state) });
      return;
    }
    summary.sent++;
    summary.statuses[answer.status] = (summary.statuses[answer.status] ?? 0) + 1;
    const covered = summary.coverage[`${plan.method} ${plan.template}`];
    if (covered) covered[plan.validToken ? "valid" : "invalid"]++;
    if (plan.validToken) summary.withValidToken++;
    const reason = verdict(answer, plan.method, codes);
    if (reason) summary.failures.push({ run, plan, request, status: answer.status, code: answer.code, reason, repro: curl(request, state) });
    await follow(plan, answer, state, baseUrl);
  });
  // The property itself never fails: every failure is collected, so that one run shows them all.
  await fc.assert(property, { numRuns: options.runs, seed: options.seed, endOnFailure: true });
  return summary;
}
