// The one spec that drives the signup and login forms themselves; the others start
// signed in through the API.
import { expect, newAccount, signUpViaApi, test } from "./fixtures";
import { activeSessions, addItem, itemNames, signInThroughForm, waitForItems } from "./pages";

test("a new user signs up, keeps items, signs out, signs back in and finds them still there", async ({ page }) => {
  const account = newAccount("journey");
  await page.goto("/signup");
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL(/\/items$/);
  await expect(page.getByRole("banner")).toContainText(account.name);
  await expect(page.getByText("No items yet")).toBeVisible();

  await addItem(page, { name: "Coffee beans", price: "12.5", description: "Whole, medium roast" });
  await addItem(page, { name: "Apple", price: "0.99" });
  await addItem(page, { name: "Notebook", price: "4" });
  // After each add the caret is back in Name, ready for the next one.
  await expect(page.getByRole("form", { name: "Add an item" }).getByLabel("Name")).toBeFocused();
  await expect(itemNames(page)).toHaveText(["Notebook", "Apple", "Coffee beans"]);
  await expect(page.getByRole("listitem").filter({ hasText: "Coffee beans" })).toContainText("12.50");
  await expect(page.getByRole("listitem").filter({ hasText: "Notebook" })).toContainText("4.00");

  await page.getByRole("searchbox", { name: "Search by name" }).fill("APP");
  await expect(itemNames(page)).toHaveText(["Apple"]);
  await expect(page.getByText("1 item matching “APP”.")).toBeVisible();
  await page.getByRole("searchbox", { name: "Search by name" }).fill("");
  await expect(itemNames(page)).toHaveCount(3);

  await page.getByLabel("Sort").selectOption({ label: "Price, high to low" });
  await expect(itemNames(page)).toHaveText(["Coffee beans", "Notebook", "Apple"]);
  await page.getByLabel("Sort").selectOption({ label: "Name, A to Z" });
  await expect(itemNames(page)).toHaveText(["Apple", "Coffee beans", "Notebook"]);

  await page.getByRole("button", { name: "Edit Notebook" }).click();
  const editForm = page.getByRole("form", { name: "Edit Notebook" });
  await expect(editForm.getByLabel("Name")).toBeFocused();
  await editForm.getByLabel("Name").fill("Sketchbook");
  await editForm.getByLabel("Price").fill("6.75");
  await editForm.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("button", { name: "Edit Sketchbook" })).toBeFocused();
  await expect(page.getByRole("listitem").filter({ hasText: "Sketchbook" })).toContainText("6.75");

  await page.getByRole("button", { name: "Delete Apple" }).click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await expect(itemNames(page)).toHaveText(["Coffee beans", "Sketchbook"]);
  // Focus moves on to the row that took the deleted one's place.
  await expect(page.getByRole("listitem").filter({ hasText: "Coffee beans" })).toBeFocused();

  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login\?reason=signed-out$/);
  await expect(page.getByText("You've signed out.")).toBeVisible();

  await signInThroughForm(page, account);
  await expect(page).toHaveURL(/\/items$/);
  await waitForItems(page);
  await expect(itemNames(page)).toHaveText(["Sketchbook", "Coffee beans"]);
});

test("the login form checks fields before sending and puts each message by its field", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByLabel("Email")).toBeFocused();
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription("Enter your email address.");
  await expect(page.getByLabel("Email")).toBeFocused();
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription("Enter your password.");
  await page.getByLabel("Email").fill("someone@example.com");
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription("");
});

test("Forgot password? carries the typed email to the forgot-password page, and never to the server", async ({ page }) => {
  const email = "carried+over@example.com";
  const sent: string[] = [];
  page.on("request", (request) => sent.push(`${request.url()} ${request.headers()["referer"] ?? ""}`));
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Forgot your password?" })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);
  // Taken out of the address bar at once: not left in the history or a bookmark.
  await expect(page).toHaveURL(/\/forgot-password$/);
  // Loaded fresh (a link opened in a new tab), the page fills the field the same way.
  await page.goto("about:blank");
  await page.goto(`/forgot-password#email=${encodeURIComponent(email)}`);
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeFocused();
  await expect(page.getByText(`If an account uses ${email}`)).toBeVisible();
  // No request carried the address in its URL or its Referer (the API got it in the body only).
  const encoded = [email, encodeURIComponent(email)];
  expect(sent.filter((line) => encoded.some((form) => line.includes(form)))).toEqual([]);
});

test("with nothing typed, Forgot password? opens an empty forgot-password form", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await expect(page.getByLabel("Email")).toHaveValue("");
});

test("a wrong password is answered in words, without saying which part was wrong", async ({ page }) => {
  const account = newAccount("wrong");
  await signUpViaApi(page.request, account);
  await page.context().clearCookies();
  await page.goto("/login");
  await signInThroughForm(page, { email: account.email, password: "not the password" });
  const alert = page.getByRole("alert").filter({ hasText: "Couldn't sign you in" });
  await expect(alert).toContainText("That email and password don't match an account.");
  await expect(alert).toBeFocused();
  await expect(page).toHaveURL(/\/login$/);
});

test("after too many failed attempts the form says how long to wait", async ({ page }) => {
  const account = newAccount("limited");
  await signUpViaApi(page.request, account);
  await page.context().clearCookies();
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.request.post("/api/auth/login", { data: { email: account.email, password: "wrong password" } });
  }
  await page.goto("/login");
  await signInThroughForm(page, account);
  // In words, as the 429's detail says it: never "898 seconds".
  await expect(page.getByRole("alert").filter({ hasText: "Too many attempts" })).toContainText(
    /Try again in (about 1[0-5] minutes|\d{1,2} seconds?)\./,
  );
});

test("signing up with a taken email says so next to the email field", async ({ page }) => {
  const account = newAccount("taken");
  await signUpViaApi(page.request, account);
  await page.context().clearCookies();
  await page.goto("/signup");
  await page.getByLabel("Email").fill(account.email.toUpperCase());
  await page.getByLabel("Password").fill("another good password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription(/An account with this email already exists/);
  await expect(page.getByLabel("Email")).toBeFocused();
});

test("a too-short password is refused before anything is sent", async ({ page }) => {
  const sent: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/auth/signup")) sent.push(request.url());
  });
  await page.goto("/signup");
  await page.getByLabel("Email").fill("short@example.com");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription(/Use at least 8 characters\./);
  expect(sent).toEqual([]);
});

test("login returns to a same-site ?next= path and ignores any other", async ({ page }) => {
  const account = newAccount("next");
  await signUpViaApi(page.request, account);
  await page.context().clearCookies();

  await page.goto("/login?next=%2Faccount");
  await signInThroughForm(page, account);
  await expect(page).toHaveURL(/\/account$/);
  // Let the page finish its own API calls before its cookies go away under it.
  await expect(page.getByRole("region", { name: "Profile" })).toContainText(account.email);
  await expect(activeSessions(page).filter({ hasText: "This device" })).toHaveCount(1);

  await page.context().clearCookies();
  await page.goto("/login?next=%2F%2Fevil.example%2Fsteal");
  await signInThroughForm(page, account);
  await expect(page).toHaveURL(/localhost:\d+\/items$/);
});

test("the signup and login pages never receive the refresh token where a script could read it", async ({ page }) => {
  const account = newAccount("cookie-only");
  const bodies: string[] = [];
  // Read on the way to the page, not from its response events: the page leaves at once
  // after each answer, and by then the browser may have dropped the body.
  await page.route(/\/api\/auth\/(signup|login|refresh)$/, async (route) => {
    const response = await route.fetch();
    bodies.push(await response.text());
    await route.fulfill({ response });
  });

  await page.goto("/signup");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/items$/);
  // A browser that is signed out (what signing out is tested for elsewhere) signs in again.
  await page.context().clearCookies();
  await page.goto("/login");
  await signInThroughForm(page, account);
  await expect(page).toHaveURL(/\/items$/);

  // The signup and the login granted tokens (the login page's session check sent nothing:
  // a browser without the session hint has no session to refresh).
  const answers = bodies.map((body) => JSON.parse(body) as Record<string, unknown>);
  expect(answers.filter((answer) => "access_token" in answer)).toHaveLength(2);
  for (const answer of answers) expect(answer).not.toHaveProperty("refresh_token");
  const refreshCookie = (await page.context().cookies()).find((c) => c.name === "refresh_token");
  expect(refreshCookie).toMatchObject({ httpOnly: true, path: "/api/auth", sameSite: "Strict" });
});
