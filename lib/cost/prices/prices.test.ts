import { describe, expect, it } from "vitest";
import { CHECKED_ON } from "./evidence";
import { PRICED_REGIONS, PRICES } from "./index";
import type { PriceProvenance, TieredPrice, UnitPrice } from "./types";

type Entry = UnitPrice | TieredPrice;
const isEntry = (v: unknown): v is Entry => typeof v === "object" && v !== null && "confidence" in v && "source" in v;

/** Every price entry of a region, with its path. */
function entries(value: unknown, path: string[] = []): [string, Entry][] {
  if (isEntry(value)) return [[path.join("."), value]];
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => (k === "freeTier" ? [] : entries(v, [...path, k])));
}

describe("price data", () => {
  it("covers the five regions the issue asks for", () => {
    expect([...PRICED_REGIONS]).toEqual(["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-1"]);
  });

  it("has the same priced items in every region", () => {
    const paths = (region: (typeof PRICED_REGIONS)[number]) => entries(PRICES[region]).map(([p]) => p);
    for (const region of PRICED_REGIONS) expect(paths(region)).toEqual(paths("us-east-1"));
  });

  it.each(PRICED_REGIONS)("gives every %s figure an AWS pricing page, a date and where it was read", (region) => {
    for (const [path, entry] of entries(PRICES[region])) {
      const provenance: PriceProvenance = entry;
      expect(provenance.source, path).toMatch(/^https:\/\/aws\.amazon\.com\/[a-z0-9-/]+\/$/);
      expect(provenance.asOf, path).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(provenance.asOf <= CHECKED_ON, path).toBe(true);
      expect(["published", "secondary", "derived"], path).toContain(provenance.confidence);
      if (provenance.confidence === "derived") expect(provenance.evidence, path).toMatch(/^not confirmed for this region/);
      const amounts = "tiers" in entry ? entry.tiers.map((t) => t.usd) : [entry.usd];
      for (const usd of amounts) expect(usd, path).toBeGreaterThan(0);
    }
  });

  it("keeps tiers ascending with an open last tier", () => {
    for (const region of PRICED_REGIONS) {
      for (const [path, entry] of entries(PRICES[region])) {
        if (!("tiers" in entry)) continue;
        const bounds = entry.tiers.map((t) => t.upTo);
        expect(bounds.at(-1), path).toBeNull();
        const finite = bounds.slice(0, -1) as number[];
        expect([...finite].sort((a, b) => a - b), path).toEqual(finite);
      }
    }
  });

  it("marks tiers copied from another region as derived, says so in the evidence, and never marks a tier surer than its entry", () => {
    for (const region of PRICED_REGIONS) {
      for (const [path, entry] of entries(PRICES[region])) {
        if (!("tiers" in entry)) continue;
        expect(entry.tiers[0].confidence, path).toBeUndefined();
        const copied = entry.tiers.filter((t) => t.confidence !== undefined);
        for (const tier of copied) expect(tier.confidence, path).toBe("derived");
        if (copied.length && entry.confidence !== "derived") expect(entry.evidence, path).toMatch(/copied from us-east-1 \(not confirmed for this region\)/);
      }
    }
  });

  it("has us-east-1 itself confirmed for the figures the seed and the issue quote", () => {
    const p = PRICES["us-east-1"];
    expect(p.lambda.requests).toMatchObject({ usd: 0.2, confidence: "published" });
    expect(p.lambda.duration.x86_64.tiers[0].usd).toBe(0.0000166667);
    expect(p.lambdaEdge.requests.usd).toBe(0.6);
    expect(p.lambdaEdge.duration.usd).toBe(0.00005001);
    expect(p.apiGateway.httpApiRequests.tiers).toEqual([
      { upTo: 300, usd: 1 },
      { upTo: null, usd: 0.9 },
    ]);
    expect(p.cloudWatchLogs.ingestion.usd).toBe(0.5);
    expect(p.cloudWatchLogs.storage.usd).toBe(0.03);
    expect(p.secretsManager.apiCalls.usd).toBe(0.05);
    expect(p.freeTier.lambdaRequests.amount).toBe(1_000_000);
    expect(p.freeTier.lambdaGbSeconds.amount).toBe(400_000);
  });
});
