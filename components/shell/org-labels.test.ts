import { describe, expect, it } from "vitest";
import { orgLabels } from "./org-labels";

describe("orgLabels", () => {
  it("adds the slug only to organizations whose names clash, ignoring case", () => {
    const labels = orgLabels([
      { slug: "acme", name: "Acme" },
      { slug: "acme-2", name: "acme" },
      { slug: "globex", name: "Globex" },
    ]);
    expect([...labels.entries()]).toEqual([
      ["acme", "Acme (acme)"],
      ["acme-2", "acme (acme-2)"],
      ["globex", "Globex"],
    ]);
  });
});
