import { describe, expect, it } from "vitest";
import { resolveClientAddress } from "@/lib/auth/client-ip";

describe("the client address", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For claims", () => {
    expect(resolveClientAddress("1.2.3.4", "203.0.113.9", 0)).toBe("203.0.113.9");
    expect(resolveClientAddress(undefined, "::ffff:127.0.0.1", 0)).toBe("127.0.0.1");
  });

  it("is the address the outermost trusted proxy saw, behind trusted proxies", () => {
    // client -> proxy A (appends client) -> proxy B (appends A) -> app (socket = B)
    expect(resolveClientAddress("198.51.100.7, 10.0.0.2", "10.0.0.3", 2)).toBe("198.51.100.7");
    // A forged first entry stays to the left of what the trusted proxy appended.
    expect(resolveClientAddress("6.6.6.6, 198.51.100.7", "10.0.0.3", 1)).toBe("198.51.100.7");
  });

  it("falls back to the leftmost entry when fewer hops arrived than are trusted", () => {
    expect(resolveClientAddress(undefined, "10.0.0.3", 2)).toBe("10.0.0.3");
  });
});
