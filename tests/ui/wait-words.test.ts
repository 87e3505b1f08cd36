// A wait said in words a person reads at a glance, the same in a 429's detail and on the
// pages; always rounded up, so "try again in" is never too early.
import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/client/problem";
import { describeError } from "@/lib/client/describe-error";
import { describeWait, tooManyAttempts } from "@/lib/wait-words";

describe("describeWait", () => {
  it.each([
    [0, "1 second"],
    [0.2, "1 second"],
    [1, "1 second"],
    [30, "30 seconds"],
    [59, "59 seconds"],
  ])("says %s s under a minute in exact seconds: %s", (seconds, words) => {
    expect(describeWait(seconds)).toBe(words);
  });

  it.each([
    [60, "about 1 minute"],
    [61, "about 2 minutes"],
    [898, "about 15 minutes"],
    [900, "about 15 minutes"],
    [5399, "about 90 minutes"],
  ])("says %s s under an hour and a half in minutes, rounded up: %s", (seconds, words) => {
    expect(describeWait(seconds)).toBe(words);
  });

  it.each([
    [5400, "about 2 hours"],
    [7200, "about 2 hours"],
    [7201, "about 3 hours"],
    [86_400, "about 24 hours"],
  ])("says %s s from an hour and a half on in hours, rounded up: %s", (seconds, words) => {
    expect(describeWait(seconds)).toBe(words);
  });
});

describe("the sentence of a 429", () => {
  it("says the wait in words", () => {
    expect(tooManyAttempts(898)).toBe("Too many attempts. Try again in about 15 minutes.");
    expect(tooManyAttempts(30)).toBe("Too many attempts. Try again in 30 seconds.");
  });

  it("is what the pages show for a 429, from its Retry-After, never a count of seconds past a minute", () => {
    const limited = (retryAfter: number | null) =>
      new ApiError({ status: 429, code: "rate_limited", detail: "Too many attempts.", errors: [] }, retryAfter);
    expect(describeError(limited(898))).toBe("Too many attempts. Try again in about 15 minutes.");
    expect(describeError(limited(45))).toBe("Too many attempts. Try again in 45 seconds.");
    expect(describeError(limited(null))).toBe("Too many attempts. Try again in a few minutes.");
  });
});
