// What an authenticator app does, for the browser tests of two-step sign-in: read the key
// off the page, and show a code for it. The server accepts a code's time step at most
// once per account, so each code given out here is of a step after the last one given
// (the current step or the next, which the server still accepts; past that, it waits).
import { mkdirSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { generate } from "otplib";
import { expectNoAxeViolations, SCHEMES, WIDTHS } from "../a11y";

const STEP_SECONDS = 30;

export class Authenticator {
  private lastStep = 0;

  constructor(readonly secret: string) {}

  /** Reads the key the setup shows (in groups of four, for typing). */
  static async fromPage(panel: Locator): Promise<Authenticator> {
    const key = await panel.getByText(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/).textContent();
    if (!key) throw new Error("no setup key on the page");
    return new Authenticator(key.replace(/\s+/g, ""));
  }

  /** A code the server has not seen yet. */
  async code(): Promise<string> {
    const now = Math.floor(Date.now() / 1000 / STEP_SECONDS);
    const step = Math.max(now, this.lastStep + 1);
    if (step > now + 1) await new Promise((resolve) => setTimeout(resolve, ((step - 1) * STEP_SECONDS + 1) * 1000 - Date.now()));
    this.lastStep = step;
    return generate({ secret: this.secret, epoch: step * STEP_SECONDS });
  }
}

// Screenshots for people to look at, beside the pages' own (e2e/pages-a11y.spec.ts) unless
// E2E_SCREENS_DIR names another folder.
const SCREENS = process.env.E2E_SCREENS_DIR ?? "e2e/artifacts";

/**
 * At a phone's and a laptop's width, light and dark: no axe violations, and a screenshot of the page as it
 * is (of the viewport only with `fullPage: false`, for a modal dialog, whose backdrop covers
 * the viewport and not the page), plus one of `part` when given, for a closer look.
 */
export async function checkAndShoot(page: Page, name: string, { part, fullPage = true }: { part?: Locator; fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      await expectNoAxeViolations(page);
      await page.screenshot({ path: `${SCREENS}/${name}-${scheme}-${width}.png`, fullPage, animations: "disabled" });
      if (part) await part.screenshot({ path: `${SCREENS}/${name}-${scheme}-${width}-part.png`, animations: "disabled" });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
}
