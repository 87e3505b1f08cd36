import { describe, expect, it } from "vitest";
import { POST as login } from "@/app/api/auth/login/route";
import { apiRequest } from "../helpers/http";

const post = (body: string, headers: Record<string, string> = {}) =>
  login(apiRequest("/api/auth/login", { method: "POST", body, headers: { "content-type": "application/json", ...headers } }), undefined);

describe("request bodies and error responses", () => {
  it("answers malformed JSON with 400 malformed_json as problem+json", async () => {
    const response = await post("{\"email\": ");
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const body = await response.json();
    expect(body).toEqual({
      type: expect.any(String),
      title: "Bad Request",
      status: 400,
      detail: expect.any(String),
      code: "malformed_json",
    });
  });

  it("answers a body over 16 KiB with 413, whatever Content-Length claims", async () => {
    const big = JSON.stringify({ email: "a@example.com", password: "x".repeat(17 * 1024) });
    expect((await post(big)).status).toBe(413);
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const lying = new Request("http://localhost:3000/api/auth/login", {
      method: "POST",
      body: stream,
      headers: { "content-type": "application/json", "content-length": "10" },
      duplex: "half",
    } as RequestInit);
    expect((await login(lying, undefined)).status).toBe(413);
  });

  it("answers another media type with 415", async () => {
    const response = await post("<xml/>", { "content-type": "application/xml" });
    expect(response.status).toBe(415);
    expect((await response.json()).code).toBe("unsupported_media_type");
  });

  it("answers a JSON body that is not an object with 400 naming the problem", async () => {
    const response = await post("[1,2,3]");
    expect(response.status).toBe(400);
    expect((await response.json()).code).toBe("validation_failed");
  });
});
