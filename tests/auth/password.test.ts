import bcrypt from "bcryptjs";
import { describe, expect, it, vi } from "vitest";
import { runOnHashPool } from "@/lib/auth/passwords/hash-pool";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords/hash";

describe("passwords", () => {
  it("hash to bcrypt strings that verify against the right password only", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^\$2[aby]\$04\$/);
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("wrong horse battery", hash)).toBe(false);
  });

  it("never verify when there is no stored hash (the decoy is spent, not matched)", async () => {
    expect(await verifyPassword("anything at all", null)).toBe(false);
  });

  it("keep each answer with its own request when more arrive than there are threads", async () => {
    const passwords = Array.from({ length: 12 }, (_, i) => `password number ${i}`);
    const hashes = await Promise.all(passwords.map((p) => hashPassword(p)));
    const checks = await Promise.all(passwords.map((p, i) => verifyPassword(p, hashes[(i + 1) % hashes.length]!)));
    expect(checks).toEqual(Array(12).fill(false));
    const own = await Promise.all(passwords.map((p, i) => verifyPassword(p, hashes[i]!)));
    expect(own).toEqual(Array(12).fill(true));
  });

  it("are never hashed or compared on the event loop's thread", async () => {
    const onMainThread = (["hash", "compare", "hashSync", "compareSync"] as const).map((name) => vi.spyOn(bcrypt, name));
    const hash = await hashPassword("correct horse battery");
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    for (const spy of onMainThread) expect(spy).not.toHaveBeenCalled();
  });

  it("fail a job with a readable error instead of hanging when bcrypt rejects it", async () => {
    // A salt where the cost belongs: bcryptjs rejects it ("Illegal salt length").
    const malformed = { op: "hash", password: "p", cost: "$2b$10$short" as unknown as number } as const;
    await expect(runOnHashPool(malformed)).rejects.toThrow(/bcrypt failed: .*salt/i);
    expect(await verifyPassword("still works", await hashPassword("still works"))).toBe(true);
  });
});
