// A paged AWS list read up to a cap, so a function with thousands of versions costs a bounded number
// of calls and bytes; the result says whether there were more. Pure apart from the page calls.
import type { Bounded } from "@/lib/functions/types";

export const LIST_CAP = 50;

export type PageReader<T> = (marker: string | undefined, maxItems: number) => Promise<{ items: T[]; next: string | undefined }>;

export async function bounded<T>(page: PageReader<T>, cap = LIST_CAP): Promise<Bounded<T>> {
  const items: T[] = [];
  let marker: string | undefined;
  do {
    const out = await page(marker, cap - items.length);
    items.push(...out.items);
    marker = out.next;
  } while (marker && items.length < cap);
  return { items: items.slice(0, cap), capped: Boolean(marker) || items.length > cap };
}
