// Accessibility scans (axe-core), at the widths and in the colour schemes every page is checked in.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

export const WIDTHS = [375, 1280] as const;

/** Every page is checked in both colour schemes (prefers-color-scheme). */
export const SCHEMES = ["light", "dark"] as const;

/**
 * No axe violations of WCAG 2.2 A/AA and axe's best practices on the page as it is now,
 * outside the `exclude`d parts (markup that is not the app's own).
 */
export async function expectNoAxeViolations(page: Page, { exclude = [] }: { exclude?: string[] } = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]);
  for (const selector of exclude) builder = builder.exclude(selector);
  const results = await builder.analyze();
  const summary = results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((node) => node.target.join(" ")),
  }));
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}
