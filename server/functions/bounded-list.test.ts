import { describe, expect, it } from "vitest";
import { bounded, type PageReader } from "./bounded-list";

// A list of `total` numbers served in pages of at most `pageSize` (or fewer, when asked for fewer), as Lambda's List* calls do.
function lister(total: number, pageSize: number) {
  const calls: { marker: string | undefined; max: number }[] = [];
  const page: PageReader<number> = async (marker, max) => {
    calls.push({ marker, max });
    const from = Number(marker ?? 0);
    const to = Math.min(total, from + Math.min(pageSize, max));
    return { items: Array.from({ length: to - from }, (_, i) => from + i), next: to < total ? String(to) : undefined };
  };
  return { page, calls };
}

describe("bounded", () => {
  it("follows the markers to the end of a short list", async () => {
    const { page, calls } = lister(7, 3);
    expect(await bounded(page, 50)).toEqual({ items: [0, 1, 2, 3, 4, 5, 6], capped: false });
    expect(calls.map((c) => c.marker)).toEqual([undefined, "3", "6"]);
  });

  it("stops at the cap, asks for no more than is still needed, and says there were more", async () => {
    const { page, calls } = lister(10_000, 20);
    const out = await bounded(page, 50);
    expect(out.items).toHaveLength(50);
    expect(out.capped).toBe(true);
    expect(calls.map((c) => c.max)).toEqual([50, 30, 10]);
  });

  it("a list of exactly the cap is not capped", async () => {
    const { page } = lister(50, 25);
    expect((await bounded(page, 50)).capped).toBe(false);
  });

  it("a page that answers more than asked is cut to the cap", async () => {
    const out = await bounded(async () => ({ items: Array.from({ length: 80 }, (_, i) => i), next: undefined }), 50);
    expect(out).toMatchObject({ capped: true });
    expect(out.items).toHaveLength(50);
  });
});
