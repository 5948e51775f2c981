import { describe, expect, it } from "vitest";
import { percentDecoded } from "./percent-decode";

describe("percentDecoded", () => {
  it("decodes valid percent-encoding and keeps malformed text as sent instead of throwing", () => {
    expect(percentDecoded("orders%2Dapi")).toBe("orders-api");
    expect(percentDecoded("orders-api")).toBe("orders-api");
    expect(percentDecoded("%E0%A4%A")).toBe("%E0%A4%A");
    expect(percentDecoded("%")).toBe("%");
  });
});
