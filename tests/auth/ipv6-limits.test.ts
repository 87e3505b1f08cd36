// An IPv6 client is keyed by its /64 prefix (README: Limits): a host that may pick any
// of 2^64 addresses in its network must not get a fresh limit with each one.
import { describe, expect, it } from "vitest";
import { POST as login } from "@/app/api/auth/login/route";
import { POST as signup } from "@/app/api/auth/signup/route";
import { apiRequest } from "../helpers/http";

const signUpFrom = (ip: string) =>
  signup(
    apiRequest("/api/auth/signup", {
      method: "POST",
      body: { email: `v6-${crypto.randomUUID()}@example.com`, password: "analytical engine" },
      ip,
    }),
    undefined,
  );

// Each with another email, so only the per-address limit can answer 429.
const failLoginFrom = (ip: string) =>
  login(
    apiRequest("/api/auth/login", {
      method: "POST",
      body: { email: `nobody-${crypto.randomUUID()}@example.com`, password: "wrong password" },
      ip,
    }),
    undefined,
  );

describe("per-address limits for IPv6 clients", () => {
  it("count every address of one /64 as one client, however it is written", async () => {
    // Ten signups (the limit), each from another host address of 2001:db8:aa:1::/64.
    for (let i = 1; i <= 10; i++) expect((await signUpFrom(`2001:db8:aa:1::${i.toString(16)}`)).status).toBe(201);
    const sameNetwork = await signUpFrom("2001:DB8:AA:1:ffff:ffff:ffff:fffe");
    expect(sameNetwork.status).toBe(429);
    expect((await sameNetwork.json()).code).toBe("rate_limited");
  });

  it("keep two /64s apart, even when they are neighbours in one /48", async () => {
    for (let i = 1; i <= 10; i++) expect((await signUpFrom(`2001:db8:bb:1::${i}`)).status).toBe(201);
    expect((await signUpFrom("2001:db8:bb:1::99")).status).toBe(429);
    expect((await signUpFrom("2001:db8:bb:2::1")).status).toBe(201);
  });

  it("apply to failed logins too", async () => {
    for (let i = 1; i <= 30; i++) expect((await failLoginFrom(`2001:db8:cc:1:${i.toString(16)}::1`)).status).toBe(401);
    expect((await failLoginFrom("2001:db8:cc:1::abcd")).status).toBe(429);
    expect((await failLoginFrom("2001:db8:cc:2::abcd")).status).toBe(401);
  });

  it("count an IPv4-mapped address as the IPv4 client it stands for", async () => {
    for (let i = 0; i < 10; i++) expect((await signUpFrom("192.0.2.77")).status).toBe(201);
    expect((await signUpFrom("::ffff:192.0.2.77")).status).toBe(429);
  });
});
