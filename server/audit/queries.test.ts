import { describe, expect, it } from "vitest";
import { auditQuerySchema } from "./queries";

describe("auditQuerySchema", () => {
  it("refuses a page number past 100,000 (the rows the database would skip), naming the field", () => {
    const r = auditQuerySchema.safeParse({ page: "100001" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["page", "must be at most 100,000"]]);
    expect(auditQuerySchema.parse({ page: "100000" }).page).toBe(100_000);
  });
});
