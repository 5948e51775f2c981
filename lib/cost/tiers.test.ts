import { describe, expect, it } from "vitest";
import { PRICES } from "./prices";
import { tieredConfidence, tieredCost } from "./tiers";

describe("tieredCost", () => {
  const httpApi = PRICES["us-east-1"].apiGateway.httpApiRequests.tiers;

  it("uses the first tier's price below its bound", () => {
    expect(tieredCost(100, httpApi)).toBeCloseTo(100, 10);
  });

  // API Gateway pricing (us-east-1): first 300 million at $1.00/M, 300+ million at $0.90/M.
  it("splits a quantity across tiers: 1 billion HTTP API requests cost 300 × $1.00 + 700 × $0.90 = $930", () => {
    expect(tieredCost(1000, httpApi)).toBeCloseTo(930, 10);
  });

  // REST API tiers (us-east-1): 333M at $3.50, next 667M at $2.80, next 19B at $2.38, over 20B at $1.51.
  it("walks four REST API tiers: 21 billion requests", () => {
    const rest = PRICES["us-east-1"].apiGateway.restApiRequests.tiers;
    expect(tieredCost(21000, rest)).toBeCloseTo(333 * 3.5 + 667 * 2.8 + 19000 * 2.38 + 1000 * 1.51, 8);
  });

  it("is zero for nothing", () => {
    expect(tieredCost(0, httpApi)).toBe(0);
  });
});

describe("tieredConfidence", () => {
  // us-west-2 HTTP API: the $1.00 first tier is read for us-west-2, the 300M+ tier is copied from us-east-1.
  const usWest2 = PRICES["us-west-2"].apiGateway.httpApiRequests;

  it("is the entry's confidence while the quantity stays in tiers it confirms", () => {
    expect(tieredConfidence(0, usWest2)).toBe("published");
    expect(tieredConfidence(300, usWest2)).toBe("published");
  });

  it("is the least sure tier the quantity reaches", () => {
    expect(tieredConfidence(301, usWest2)).toBe("derived");
    expect(tieredConfidence(1000, PRICES["us-east-1"].apiGateway.httpApiRequests)).toBe("published");
  });
});
