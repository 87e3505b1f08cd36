import { afterEach, describe, expect, it, vi } from "vitest";
import { parseEnv } from "@/lib/env";
import { securityTxt } from "@/lib/security/security-txt";
import { refusal } from "../helpers/env";

const secret = "s".repeat(32);
const contacts = (value: string) => parseEnv({ JWT_SECRET: secret, SECURITY_CONTACT: value }).SECURITY_CONTACT;

describe("SECURITY_CONTACT", () => {
  it("turns an email address into a mailto: URI and keeps https:// pages and mailto: URIs as given", () => {
    expect(contacts("security@example.com, https://example.com/report, mailto:psirt@example.com")).toEqual([
      "mailto:security@example.com",
      "https://example.com/report",
      "mailto:psirt@example.com",
    ]);
  });

  it("is empty when unset", () => {
    expect(parseEnv({ JWT_SECRET: secret }).SECURITY_CONTACT).toEqual([]);
  });

  it.each(["not an address", "http://example.com/report", "javascript:alert(1)", "security@example.com, ftp://x"])(
    "refuses %j at start, naming the variable",
    (value) => {
      expect(refusal({ JWT_SECRET: secret, SECURITY_CONTACT: value })).toMatch(/^Invalid configuration: SECURITY_CONTACT must be/);
    },
  );
});

describe("security.txt", () => {
  const now = new Date("2026-12-04T21:00:00Z");

  it("has RFC 9116's required Contact and Expires fields, and names its canonical address", () => {
    const text = securityTxt(["mailto:security@example.com"], "https://items.example.com", now);
    expect(text?.split("\n")).toEqual([
      "Contact: mailto:security@example.com",
      "Expires: 2027-03-04T00:00:00Z",
      "Preferred-Languages: en",
      "Canonical: https://items.example.com/.well-known/security.txt",
      "",
    ]);
  });

  it("expires less than a year after it was served", () => {
    const expires = /Expires: (.*)/.exec(securityTxt(["https://example.com/report"], "https://x.example", now) ?? "")?.[1];
    const days = (Date.parse(expires ?? "") - now.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(30);
    expect(days).toBeLessThan(365);
  });

  it("is not served without a contact: the RFC requires one", () => {
    expect(securityTxt([], "https://items.example.com", now)).toBeNull();
  });
});

describe("the email-changed notice", () => {
  afterEach(() => {
    delete process.env.SECURITY_CONTACT;
    vi.resetModules();
  });

  const noticeWith = async (contact?: string) => {
    if (contact) process.env.SECURITY_CONTACT = contact;
    vi.resetModules();
    const { mails } = await import("@/lib/mail/templates");
    return mails.emailChanged("old@example.com", "new@example.com", new Date(), { url: "http://localhost:3000/revert-email#token=t", ttl: 604_800 });
  };

  it("tells the owner to write to SECURITY_CONTACT when it is set", async () => {
    const notice = await noticeWith("security@example.com, https://example.com/report");
    expect(notice.text).toContain("For help, write to security@example.com or https://example.com/report.");
  });

  it("falls back to the app's operator without one", async () => {
    expect((await noticeWith()).text).toContain("For help, write to the app's operator.");
  });
});
