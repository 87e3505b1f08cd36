// Security events in words: every type has its sentence, failures say they failed (and
// why, when the trail knows), and what an admin did is said to be an admin's.
import { describe, expect, it } from "vitest";
import { AUDIT_EVENT_TYPES } from "@/lib/audit/events";
import { describeEvent } from "@/lib/client/activity-words";

describe("describeEvent", () => {
  it("has a sentence for every event type, never the type's code", () => {
    for (const type of AUDIT_EVENT_TYPES) {
      const words = describeEvent({ type, outcome: "success" });
      expect(words, type).toMatch(/^[A-Z][a-z ]/);
      expect(words, type).not.toContain("_");
    }
  });

  it("says a sign-in succeeded or failed, and why it failed when the trail says", () => {
    expect(describeEvent({ type: "login", outcome: "success", actor: "self" })).toBe("Signed in");
    expect(describeEvent({ type: "login", outcome: "failure", actor: "self" })).toBe("Failed sign-in");
    expect(describeEvent({ type: "login", outcome: "failure", details: { why: "wrong_password" } })).toBe("Failed sign-in: wrong password");
    expect(describeEvent({ type: "login", outcome: "failure", details: { why: "locked" } })).toBe("Failed sign-in: too many attempts");
    expect(describeEvent({ type: "second_step", outcome: "failure", details: { why: "wrong_code" } })).toBe("Failed two-step sign-in: wrong code");
  });

  it("words a reason it does not know instead of hiding it", () => {
    expect(describeEvent({ type: "login", outcome: "failure", details: { why: "new_kind_of_failure" } })).toBe("Failed sign-in: new kind of failure");
  });

  it("marks every failure as failed, also of types that seldom fail", () => {
    expect(describeEvent({ type: "email_changed", outcome: "failure" })).toBe("Email address changed (failed)");
  });

  it("says what an administrator did was done by an administrator", () => {
    expect(describeEvent({ type: "user_disabled", outcome: "success", actor: "admin" })).toBe("Account disabled by an administrator");
    expect(describeEvent({ type: "user_sessions_ended", outcome: "success", actor: "admin" })).toBe("Signed out everywhere by an administrator");
    expect(describeEvent({ type: "user_mfa_removed", outcome: "success", actor: "admin" })).toBe("Two-step sign-in removed by an administrator");
    expect(describeEvent({ type: "password_changed", outcome: "success", actor: "self" })).toBe("Password changed");
  });
});
