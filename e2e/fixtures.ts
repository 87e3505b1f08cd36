// The browser tests' shared ground: every test fails on a console.error or an uncaught
// exception in the page, and `account` starts a test already signed in, through the API
// (the page's own request context, so the auth cookies land in the browser context).
import { test as base, expect, request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";
import { auth, callApi, items as itemOperations } from "./support/api";

export { expect };

export type Account = { email: string; password: string; name: string };

let counter = 0;

/** A fresh, unique account: tests never share users. */
export function newAccount(prefix = "user", name = "Ada Lovelace"): Account {
  counter += 1;
  const unique = `${Date.now().toString(36)}-${process.pid}-${counter}`;
  return { email: `${prefix}-${unique}@example.com`, password: "correct horse battery", name };
}

export async function signUpViaApi(request: APIRequestContext, account: Account): Promise<void> {
  const response = await callApi(request, auth.signUp, { body: account });
  if (response.status() !== 201) {
    throw new Error(`signup failed: ${response.status()} ${await response.text()}`);
  }
}

export async function logInViaApi(request: APIRequestContext, account: Account): Promise<void> {
  const response = await callApi(request, auth.logIn, { body: { email: account.email, password: account.password } });
  if (response.status() !== 200) {
    throw new Error(`login failed: ${response.status()} ${await response.text()}`);
  }
}

/** Another device signed in to the same account: an API client with its own cookies. */
export async function otherDevice(baseURL: string | undefined, account: Account, userAgent?: string) {
  const device = await playwrightRequest.newContext({ baseURL, ...(userAgent ? { userAgent } : {}) });
  await logInViaApi(device, account);
  return device;
}

/**
 * Items made through the API, for tests about showing them rather than creating them.
 * Cookie-authenticated writes must name the app's origin (the CSRF check), as the
 * app's own pages do.
 */
export async function createItemsViaApi(
  request: APIRequestContext,
  baseURL: string | undefined,
  items: { name: string; price: string; description?: string }[],
): Promise<void> {
  const headers = originHeader(baseURL);
  for (const item of items) {
    const response = await callApi(request, itemOperations.createItem, { body: item, headers });
    if (response.status() !== 201) throw new Error(`create failed: ${response.status()} ${await response.text()}`);
  }
}

function originHeader(baseURL: string | undefined) {
  return { origin: new URL(baseURL ?? "http://localhost").origin };
}

export type ApiItem = { id: string; name: string; price: string; description: string | null };

/** The item of that exact name, as the API has it now. */
export async function findItemViaApi(request: APIRequestContext, name: string): Promise<ApiItem> {
  const response = await callApi(request, itemOperations.listItems, { query: { q: name } });
  const { items } = (await response.json()) as { items: ApiItem[] };
  const item = items.find((candidate) => candidate.name === name);
  if (!item) throw new Error(`no item named ${name}`);
  return item;
}

/** A change made elsewhere (another device, another tab) to the item of that name. */
export async function updateItemViaApi(
  request: APIRequestContext,
  baseURL: string | undefined,
  name: string,
  patch: Partial<Pick<ApiItem, "name" | "price" | "description">>,
): Promise<void> {
  const { id } = await findItemViaApi(request, name);
  const response = await callApi(request, itemOperations.updateItem, { params: { id }, body: patch, headers: originHeader(baseURL) });
  if (response.status() !== 200) throw new Error(`update failed: ${response.status()} ${await response.text()}`);
}

export async function deleteItemViaApi(request: APIRequestContext, baseURL: string | undefined, name: string): Promise<void> {
  const { id } = await findItemViaApi(request, name);
  const response = await callApi(request, itemOperations.deleteItem, { params: { id }, headers: originHeader(baseURL) });
  if (response.status() !== 204) throw new Error(`delete failed: ${response.status()} ${await response.text()}`);
}

// Chromium logs every 4xx answer to fetch() as "Failed to load resource: … status of
// 401" at error level. Those are the API doing its job (a wrong password, an expired
// token before its refresh), not the page failing; 5xx answers still fail the test.
const EXPECTED_HTTP_ERROR = /^Failed to load resource: the server responded with a status of 4\d\d/;

function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && !EXPECTED_HTTP_ERROR.test(message.text())) {
      problems.push(`console.error: ${message.text()} (${message.location().url})`);
    }
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  return problems;
}

type Fixtures = { consoleGuard: void; account: Account };

export const test = base.extend<Fixtures>({
  consoleGuard: [
    async ({ page }, provide) => {
      const problems = watchConsole(page);
      await provide();
      expect(problems, "the browser console stayed free of errors").toEqual([]);
    },
    { auto: true },
  ],
  account: async ({ page }, provide) => {
    const account = newAccount();
    await signUpViaApi(page.request, account);
    await provide(account);
  },
});

/** A console guard for pages of extra browser contexts that a test opens itself. */
export function guardConsole(page: Page): () => void {
  const problems = watchConsole(page);
  return () => expect(problems, "the browser console stayed free of errors").toEqual([]);
}
