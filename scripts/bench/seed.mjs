// Gives each target the data the scenarios read: one user (signed up through the API,
// as a client would) with a full page of items, and a way to get a live access token.
const ITEM_COUNT = 25; // more than one page of 20, so `?limit=20` returns a full page
// Access tokens live 15 minutes on the app and raw Node, 30 on Flask: a long run logs in
// again rather than measuring 401s.
const TOKEN_MAX_AGE_MS = 5 * 60_000;

/** Signs up the bench user and creates the items; returns the user's session. */
export async function seedTarget(server) {
  const credentials = { email: `bench-${server.name}@example.com`, password: "bench-password-0123" };
  const signup = await call(server, "POST", "/api/auth/signup", { body: { ...credentials, name: "Bench" }, expect: 201 });
  const session = { credentials, token: signup.access_token, issuedAt: Date.now() };
  for (let i = 1; i <= ITEM_COUNT; i++) {
    // Prices as two-decimal strings, the API's exact form (README: Endpoints); every peer takes it too.
    const item = { name: `Bench item ${i}`, price: `${i}.50`, description: "Seeded by npm run bench" };
    await call(server, "POST", "/api/items", { token: session.token, body: item, expect: 201 });
  }
  const page = await call(server, "GET", "/api/items?limit=20", { token: session.token, expect: 200 });
  if (page.items?.length !== 20) throw new Error(`${server.name}: GET /api/items?limit=20 returned ${page.items?.length} items, not 20`);
  return session;
}

/** A live access token for the session, logging in again when the one held is old. */
export async function accessToken(server, session) {
  if (Date.now() - session.issuedAt > TOKEN_MAX_AGE_MS) {
    const login = await call(server, "POST", "/api/auth/login", { body: session.credentials, expect: 200 });
    Object.assign(session, { token: login.access_token, issuedAt: Date.now() });
  }
  return session.token;
}

async function call(server, method, path, { body, token, expect }) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(body ? { "content-type": "application/json" } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (response.status !== expect) {
    throw new Error(`${server.name}: ${method} ${path} answered ${response.status}, expected ${expect}: ${text.slice(0, 300)}`);
  }
  return JSON.parse(text);
}
