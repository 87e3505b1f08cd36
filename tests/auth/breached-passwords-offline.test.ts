// PASSWORD_BREACH_CHECK=hibp with the service out of reach (a closed port on 127.0.0.1):
// passwords are accepted, and the failure is logged now and then, not at every request.
import { createServer } from "node:net";
import { describe, expect, it, vi } from "vitest";

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

process.env.PASSWORD_BREACH_CHECK = "hibp";
process.env.PASSWORD_BREACH_API_URL = `http://127.0.0.1:${await closedPort()}`;

const { POST: signup } = await import("@/app/api/auth/signup/route");
const { apiRequest } = await import("../helpers/http");

describe("the Have I Been Pwned check, unreachable", () => {
  it("accepts every password, and warns once for many failed checks", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    for (let i = 1; i <= 3; i++) {
      const body = { email: `offline${i}-${crypto.randomUUID().slice(0, 6)}@example.com`, password: "tr0ub4dor&3 breached" };
      const response = await signup(apiRequest("/api/auth/signup", { method: "POST", body, ip: `198.51.100.${i}` }), undefined);
      expect(response.status).toBe(201);
    }
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/Have I Been Pwned.*accepted/);
    expect(String(warn.mock.calls[0]?.[0])).not.toContain("tr0ub4dor");
  });
});
