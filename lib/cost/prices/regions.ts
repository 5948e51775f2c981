// The regions the price data covers.
export const PRICED_REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-1"] as const;
export type PricedRegion = (typeof PRICED_REGIONS)[number];

export function isPricedRegion(region: string): region is PricedRegion {
  return (PRICED_REGIONS as readonly string[]).includes(region);
}
