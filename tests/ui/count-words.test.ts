// Counts on the pages read as English: "1 item", never "1 items" (lib/client/format.ts).
import { describe, expect, it } from "vitest";
import { countOf } from "@/lib/client/format";

describe("a count in words", () => {
  it("takes the singular for exactly one", () => {
    expect(countOf(1, "user")).toBe("1 user");
    expect(countOf(1, "event")).toBe("1 event");
  });

  it("takes the plural for none and for more than one", () => {
    expect(countOf(0, "item")).toBe("0 items");
    expect(countOf(2, "device")).toBe("2 devices");
    expect(countOf(21, "session")).toBe("21 sessions");
  });

  it("takes an irregular plural when given one", () => {
    expect(countOf(3, "person", "people")).toBe("3 people");
    expect(countOf(1, "person", "people")).toBe("1 person");
  });
});
