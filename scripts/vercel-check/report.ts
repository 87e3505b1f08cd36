// One line per check of `npm run vercel:check`, then the verdict.

export type Check = { name: string; ok: boolean; detail: string };

export function printReport(title: string, checks: Check[]): void {
  console.log(`\n${title}`);
  for (const check of checks) console.log(`  ${check.ok ? "ok  " : "FAIL"}  ${check.name}: ${check.detail}`);
  const failed = checks.filter((check) => !check.ok).length;
  console.log(failed === 0 ? `  all ${checks.length} checks passed` : `  ${failed} of ${checks.length} checks failed`);
}
