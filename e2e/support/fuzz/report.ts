// The fuzzer's failures, grouped by operation, status, code and reason, each group with
// a reproduction: a curl command line, and the seed and run that generated it.
import type { Failure, Sent } from "./run";
import type { State } from "./requests";

const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

const shortened = (value: string) => (value.length > 300 ? `${value.slice(0, 200)}… (${value.length} characters in all)` : value);

function bodyArgument(body: Sent["body"]): string {
  if (body === undefined) return "";
  if (body instanceof Uint8Array) return ` --data-binary "$(printf '${[...body].map((b) => `\\x${b.toString(16).padStart(2, "0")}`).join("")}')"`;
  if (body.length <= 300) return ` --data-binary ${quote(body)}`;
  return ` --data-binary ${quote(body.slice(0, 120))}… (${body.length} characters in all)`;
}

/** A curl command for one request; the live account's tokens appear as $TOKEN and $REFRESH. */
export function curl(request: Sent, state: Pick<State, "live">): string {
  const secret = (value: string) =>
    value.replaceAll(state.live.accessToken, "$TOKEN").replaceAll(state.live.refreshToken, "$REFRESH");
  const headers = Object.entries(request.headers).map(([name, value]) => ` -H ${quote(`${name}: ${shortened(secret(value))}`)}`);
  return `curl -i -X ${request.method} ${quote(shortened(request.url))}${headers.join("")}${bodyArgument(request.body)}`;
}

/**
 * Failures grouped by what went wrong (status, code, reason), each group naming the
 * operations it was seen on and how often, with two reproductions.
 */
export function groupFailures(failures: Failure[], seed: number): string {
  const groups = new Map<string, Failure[]>();
  for (const failure of failures) {
    const key = `${failure.status ?? "no answer"} ${failure.code ?? "-"}: ${failure.reason}`;
    groups.set(key, [...(groups.get(key) ?? []), failure]);
  }
  const lines = [`${failures.length} failing requests in ${groups.size} groups (FUZZ_SEED=${seed}):`];
  for (const [key, group] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    const operations = new Map<string, number>();
    for (const { request, plan } of group) operations.set(`${request.method} ${plan.template}`, (operations.get(`${request.method} ${plan.template}`) ?? 0) + 1);
    lines.push("", `${key}  (${group.length}x)`);
    lines.push(`  on ${[...operations].map(([operation, count]) => `${operation} (${count})`).join(", ")}`);
    for (const failure of group.slice(0, 2)) {
      lines.push(`  run ${failure.run}: id ${failure.plan.id?.label ?? "-"}, credentials ${failure.plan.credentials.label}, body ${failure.plan.body?.label ?? "none"}`);
      lines.push(`    ${failure.repro}`);
    }
  }
  return lines.join("\n");
}
