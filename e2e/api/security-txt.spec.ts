// A deployment without SECURITY_CONTACT serves no security.txt: RFC 9116 requires a
// Contact, and an invented one would send reports nowhere.
import { expect, test } from "@playwright/test";

test("security.txt is 404 when no contact is configured", async ({ request }) => {
  const response = await request.get("/.well-known/security.txt");
  expect(response.status()).toBe(404);
  expect(await response.text()).toContain("SECURITY_CONTACT");
});
