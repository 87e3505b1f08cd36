import { describe, expect, it } from "vitest";
import { limitKeyOf, resolveClientAddress } from "@/lib/http/client-address";

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

describe("the key a per-address limit counts under", () => {
  it("is an IPv4 address itself", () => {
    expect(limitKeyOf("203.0.113.9")).toBe("203.0.113.9");
  });

  it("is the /64 prefix of an IPv6 address, whatever its host part", () => {
    expect(limitKeyOf("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(limitKeyOf("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(limitKeyOf("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
  });

  it("is one key for every way of writing one address", () => {
    const forms = [
      "2001:db8:0:a::1",
      "2001:0db8:0000:000a:0000:0000:0000:0001",
      "2001:DB8:0:A::1",
      "2001:db8::a:0:0:0:1",
      "2001:db8:0:a::1%eth0",
      "[2001:db8:0:a::1]",
      "[2001:db8:0:a::1]:443",
      " 2001:db8:0:a::1 ",
    ];
    expect(new Set(forms.map(limitKeyOf))).toEqual(new Set(["2001:db8:0:a::/64"]));
  });

  it("reads a dotted quad at the end of an IPv6 address as its last 32 bits", () => {
    expect(limitKeyOf("64:ff9b::192.0.2.1")).toBe("64:ff9b:0:0::/64");
  });

  it("is the IPv4 address that an IPv4-mapped IPv6 address stands for, in any spelling", () => {
    for (const form of ["::ffff:192.0.2.1", "::FFFF:192.0.2.1", "0:0:0:0:0:ffff:192.0.2.1", "::ffff:c000:201", "[::ffff:192.0.2.1]:80"]) {
      expect(limitKeyOf(form)).toBe("192.0.2.1");
    }
  });

  it("drops the port that a proxy may append to an IPv4 address", () => {
    expect(limitKeyOf("203.0.113.9:51234")).toBe("203.0.113.9");
  });

  it("is the text itself when it is no address, so nothing is silently merged", () => {
    for (const text of ["unknown", "2001:db8::1::2", "1:2:3:4:5:6:7:8:9", "12345::", "::ffff:1.2.3", "1.2.3.256", "fe80::1%", "1.2.3.4::"]) {
      expect(limitKeyOf(text)).toBe(text);
    }
  });
});
