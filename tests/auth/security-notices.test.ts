import { describe, expect, it } from "vitest";
import { mailbox } from "../helpers/app-with-mail";

const { POST: refresh } = await import("@/app/api/auth/refresh/route");
const { getDb } = await import("@/lib/db");
const { createSignedInUser } = await import("../factories/users");
const { apiRequest } = await import("../helpers/http");

const withBody = (refresh_token: string) =>
  refresh(apiRequest("/api/auth/refresh", { method: "POST", body: { refresh_token } }), undefined);

describe("security notices", () => {
  it("tells the owner when a reused refresh token ends a session, naming the device and the time", async () => {
    const device = "Mozilla/5.0 (X11; Linux x86_64) <script>alert(1)</script>";
    const { user, refreshToken } = await createSignedInUser({ userAgent: device });
    await withBody(refreshToken);
    const db = await getDb();
    await db.refreshToken.updateMany({ where: { rotatedAt: { not: null } }, data: { rotatedAt: new Date(Date.now() - 11_000) } });
    expect((await withBody(refreshToken)).status).toBe(401);

    const notice = await mailbox.next(user.email);
    expect(notice.subject).toBe("A session was ended to protect your account · JWT Items");
    expect(notice.text).toContain(`the device was “${device}”`);
    expect(notice.text).toMatch(/On \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    // The device's own words are shown, never run: escaped in the HTML part.
    expect(notice.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(notice.html).not.toContain("<script>");
  });

  it("sends each mail with a text part and an HTML part that say the same", async () => {
    const { user, refreshToken } = await createSignedInUser();
    await withBody(refreshToken);
    const db = await getDb();
    await db.refreshToken.updateMany({ where: { rotatedAt: { not: null } }, data: { rotatedAt: new Date(Date.now() - 11_000) } });
    await withBody(refreshToken);
    const notice = await mailbox.next(user.email);
    expect(notice.parsed.from?.value).toEqual([{ name: "JWT Items", address: "no-reply@localhost" }]);
    expect(notice.text).toContain("JWT Items");
    expect(notice.html).toMatch(/<h1[^>]*>JWT Items<\/h1>/);
    expect(notice.html).toContain("sign in again there");
  });
});
