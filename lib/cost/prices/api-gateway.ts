// Amazon API Gateway request prices (HTTP APIs and REST APIs).
import { copiedFrom, higherTiersCopied, PAGES, read, SEEN_IN } from "./evidence";
import type { PricedRegion } from "./regions";
import type { TieredPrice } from "./types";

export interface ApiGatewayPrices {
  /** Per million requests, each request metered in 512 KB increments. */
  httpApiRequests: TieredPrice;
  /** Per million requests. */
  restApiRequests: TieredPrice;
}

const whitepaper = read(SEEN_IN.apiGatewayWhitepaper, PAGES.apiGateway, "published");

const US_EAST_1: ApiGatewayPrices = {
  httpApiRequests: {
    unit: "million requests",
    tiers: [
      { upTo: 300, usd: 1.0 },
      { upTo: null, usd: 0.9 },
    ],
    ...whitepaper,
  },
  restApiRequests: {
    unit: "million requests",
    // First 333 million, next 667 million, next 19 billion, over 20 billion.
    tiers: [
      { upTo: 333, usd: 3.5 },
      { upTo: 1000, usd: 2.8 },
      { upTo: 20000, usd: 2.38 },
      { upTo: null, usd: 1.51 },
    ],
    ...whitepaper,
  },
};

export const API_GATEWAY_PRICES: Record<PricedRegion, ApiGatewayPrices> = {
  "us-east-1": US_EAST_1,
  "us-west-2": {
    httpApiRequests: {
      ...US_EAST_1.httpApiRequests,
      tiers: higherTiersCopied(US_EAST_1.httpApiRequests.tiers),
      ...read(SEEN_IN.priceListUsWest2, PAGES.apiGateway, "published"),
      evidence: `tier 1 ($1.00): ${SEEN_IN.priceListUsWest2.text}; the 300M+ tier copied from us-east-1 (not confirmed for this region)`,
    },
    restApiRequests: copiedFrom(US_EAST_1.restApiRequests, "us-east-1"),
  },
  "eu-west-1": {
    httpApiRequests: {
      unit: "million requests",
      tiers: [
        { upTo: 300, usd: 1.11 },
        { upTo: null, usd: 1.0 },
      ],
      ...read(SEEN_IN.priceListIreland, PAGES.apiGateway, "published"),
    },
    restApiRequests: {
      unit: "million requests",
      tiers: [
        { upTo: 333, usd: 3.5 },
        { upTo: 1000, usd: 3.19 },
        { upTo: 20000, usd: 2.71 },
        { upTo: null, usd: 1.72 },
      ],
      ...read(SEEN_IN.priceListIreland, PAGES.apiGateway, "published"),
    },
  },
  "eu-central-1": {
    httpApiRequests: copiedFrom(US_EAST_1.httpApiRequests, "us-east-1"),
    restApiRequests: {
      ...US_EAST_1.restApiRequests,
      tiers: higherTiersCopied([{ upTo: 333, usd: 3.7 }, ...US_EAST_1.restApiRequests.tiers.slice(1)]),
      ...read(SEEN_IN.priceListFrankfurtNote, PAGES.apiGateway, "secondary"),
      evidence: `tier 1 ($3.70): ${SEEN_IN.priceListFrankfurtNote.text}; the higher tiers copied from us-east-1 (not confirmed for this region)`,
    },
  },
  "ap-southeast-1": {
    httpApiRequests: {
      ...US_EAST_1.httpApiRequests,
      tiers: higherTiersCopied([{ upTo: 300, usd: 1.25 }, ...US_EAST_1.httpApiRequests.tiers.slice(1)]),
      ...read(SEEN_IN.priceListSingaporeOffers, PAGES.apiGateway, "published"),
      evidence: `tier 1 ($1.25, "API Gateway HTTP API (first 300 million)"): ${SEEN_IN.priceListSingaporeOffers.text}; the 300M+ tier copied from us-east-1 (not confirmed for this region)`,
    },
    restApiRequests: copiedFrom(US_EAST_1.restApiRequests, "us-east-1"),
  },
};
