// The browser's side of step-up (lib/client/step-up.ts): it reads the server's own
// RFC 9470 challenge (lib/auth/factors/step-up.ts builds it) to know whether to ask for
// the password or a second factor, and every request refused at once waits on one dialog.
import { describe, expect, it } from "vitest";
import { stepUpChallenge } from "@/lib/auth/factors/step-up";
import { askStepUp, readStepUpChallenge, setStepUpHandler } from "@/lib/client/step-up";

const challengeHeader = (input: { aal: number; hasTotp: boolean; ageSeconds: number }) => {
  const error = stepUpChallenge({
    aal: input.aal,
    hasTotp: input.hasTotp,
    authTime: new Date(Date.now() - input.ageSeconds * 1000),
    maxAge: 600,
    passwordVerified: false,
  });
  if (!error) throw new Error("expected a challenge");
  return new Headers(error.headers).get("www-authenticate");
};

describe("reading the step-up challenge", () => {
  it("asks for a second factor when the server says acr_values=\"aal2\"", () => {
    expect(readStepUpChallenge(challengeHeader({ aal: 1, hasTotp: true, ageSeconds: 0 }))).toEqual({ secondFactor: true });
  });

  it("asks for the password when only the proof's age is the matter", () => {
    expect(readStepUpChallenge(challengeHeader({ aal: 2, hasTotp: true, ageSeconds: 601 }))).toEqual({ secondFactor: false });
    expect(readStepUpChallenge(challengeHeader({ aal: 1, hasTotp: false, ageSeconds: 601 }))).toEqual({ secondFactor: false });
  });

  it("asks for the password when there is no challenge to read", () => {
    expect(readStepUpChallenge(null)).toEqual({ secondFactor: false });
  });
});

describe("asking", () => {
  it("says no when no page has registered a dialog", async () => {
    expect(await askStepUp({ secondFactor: false })).toBe(false);
  });

  it("opens one dialog for every request that meets the challenge at once, and a new one afterwards", async () => {
    const asked: ((proved: boolean) => void)[] = [];
    const remove = setStepUpHandler(() => new Promise<boolean>((resolve) => asked.push(resolve)));
    const first = askStepUp({ secondFactor: false });
    const second = askStepUp({ secondFactor: false });
    expect(asked).toHaveLength(1);
    asked[0]!(true);
    expect(await Promise.all([first, second])).toEqual([true, true]);

    const third = askStepUp({ secondFactor: true });
    expect(asked).toHaveLength(2);
    asked[1]!(false);
    expect(await third).toBe(false);
    remove();
    expect(await askStepUp({ secondFactor: false })).toBe(false);
  });
});
