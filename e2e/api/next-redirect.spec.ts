// The login page sends a visitor who is already signed in on to `?next=`, with a 307 from
// the server. Whatever that parameter holds, the redirect stays on this site.
import { expect, test } from "@playwright/test";

test("a signed-in visitor's ?next= never leads to another origin, however it is written", async ({ request, baseURL }) => {
  const signup = await request.post("/api/auth/signup", {
    data: { email: `next-${Date.now()}@example.com`, password: "correct horse battery" },
  });
  expect(signup.status()).toBe(201);
  const { access_token: token } = (await signup.json()) as { access_token: string };
  for (const next of ["/.//evil.example/x", "/..//evil.example/x", "/%2e//evil.example/x", "//evil.example/x", "/\\evil.example"]) {
    const response = await request.get(`/login?next=${encodeURIComponent(next)}`, {
      headers: { cookie: `access_token=${token}` },
      maxRedirects: 0,
    });
    expect(response.status(), next).toBe(307);
    const location = response.headers()["location"] ?? "";
    expect(new URL(location, baseURL).origin, `${next} -> ${location}`).toBe(new URL(baseURL!).origin);
    expect(location).not.toMatch(/^\/\//);
  }
});
