// An id in a URL path is whatever a client typed, broken percent-escapes included: Next
// decodes a dynamic segment before the route handler runs, and a segment it cannot
// decode must still be the API's problem+json (README: The API), like any other id that names nothing.
// Through real HTTP against `npm start`, where Next's own decoding happens.
import { expect, test, type APIResponse } from "@playwright/test";

// Not UTF-8 (`%ff`), cut short (`%E0%A4%A`), no digits at all (`%`), an overlong slash
// (`%C0%AF`) and an encoded lone surrogate (`%ED%A0%80`): decodeURIComponent throws on each.
const UNDECODABLE = ["%ff", "%E0%A4%A", "%", "%C0%AF", "%ED%A0%80"];

let token = "";

test.beforeAll(async ({ request }) => {
  const email = `path-ids-${Date.now().toString(36)}@example.com`;
  const signup = await request.post("/api/auth/signup", { data: { email, password: "correct horse battery" } });
  expect(signup.status()).toBe(201);
  token = ((await signup.json()) as { access_token: string }).access_token;
});

async function problemOf(response: APIResponse) {
  const type = response.headers()["content-type"];
  const body = type === "application/problem+json" ? ((await response.json()) as { code: string }) : null;
  return { status: response.status(), type, code: body?.code };
}

const notFound = { status: 404, type: "application/problem+json", code: "not_found" };

test("an item id that cannot be percent-decoded is a 404 not_found problem, for every method", async ({ request }) => {
  const headers = { authorization: `Bearer ${token}` };
  for (const id of UNDECODABLE) {
    const url = `/api/items/${id}`;
    expect(await problemOf(await request.get(url, { headers })), `GET ${url}`).toEqual(notFound);
    expect(await problemOf(await request.patch(url, { headers, data: { price: "1.00" } })), `PATCH ${url}`).toEqual(notFound);
    expect(await problemOf(await request.delete(url, { headers })), `DELETE ${url}`).toEqual(notFound);
  }
});

test("a session id that cannot be percent-decoded is a 404 not_found problem", async ({ request }) => {
  for (const id of UNDECODABLE) {
    const response = await request.delete(`/api/auth/sessions/${id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(await problemOf(response), `DELETE /api/auth/sessions/${id}`).toEqual(notFound);
  }
});

test("such an id without a token is answered 401, as any other id is", async ({ request }) => {
  for (const url of ["/api/items/%ff", "/api/items/not-an-id", "/api/auth/sessions/%E0%A4%A"]) {
    const response = await request.delete(url);
    expect(await problemOf(response), url).toMatchObject({ status: 401, type: "application/problem+json" });
  }
});

test("an access cookie with a broken percent-escape counts as no cookie, beside a Bearer token or alone", async ({ request }) => {
  for (const cookie of ["access_token=%", "access_token=%E0%A4%A", "access_token=%ff; refresh_token=%"]) {
    const withBearer = await request.get("/api/items", { headers: { cookie, authorization: `Bearer ${token}` } });
    expect(withBearer.status(), cookie).toBe(200);
    const alone = await request.get("/api/items", { headers: { cookie } });
    expect(await problemOf(alone), cookie).toEqual({ status: 401, type: "application/problem+json", code: "authentication_required" });
  }
});
