// NAT gateway and public IPv4 address prices.
import { PAGES, read, SEEN_IN } from "./evidence";
import type { PricedRegion } from "./regions";
import type { PriceProvenance, UnitPrice } from "./types";

export interface VpcPrices {
  /** Per NAT gateway hour. */
  natGatewayHours: UnitPrice;
  /** Per GB processed by a NAT gateway. */
  natGatewayProcessed: UnitPrice;
  /** Per in-use public IPv4 address hour. */
  publicIpv4Hours: UnitPrice;
}

const nat = (usd: number, p: PriceProvenance): Pick<VpcPrices, "natGatewayHours" | "natGatewayProcessed"> => ({
  natGatewayHours: { usd, unit: "hour", ...p },
  natGatewayProcessed: { usd, unit: "GB", ...p },
});
const ipv4 = (p: PriceProvenance): UnitPrice => ({ usd: 0.005, unit: "address-hour", ...p });

const usWest2 = read(SEEN_IN.priceListUsWest2, PAGES.vpc, "published");
const US_WEST_2: VpcPrices = { ...nat(0.045, usWest2), publicIpv4Hours: ipv4(usWest2) };
const US_EAST_1: VpcPrices = {
  ...nat(0.045, read(SEEN_IN.priceListUsEast1Quotes, PAGES.vpc, "published")),
  publicIpv4Hours: ipv4(read(SEEN_IN.publicIpv4UsEast1, PAGES.vpc, "secondary")),
};

export const VPC_PRICES: Record<PricedRegion, VpcPrices> = {
  "us-east-1": US_EAST_1,
  "us-west-2": US_WEST_2,
  "eu-west-1": {
    ...nat(0.048, read(SEEN_IN.natIrelandRows, PAGES.vpc, "secondary")),
    publicIpv4Hours: ipv4(read(SEEN_IN.priceListIrelandIpv4, PAGES.vpc, "secondary")),
  },
  "eu-central-1": {
    ...nat(0.052, read(SEEN_IN.priceListFrankfurtAdr, PAGES.vpc, "secondary")),
    publicIpv4Hours: ipv4(read(SEEN_IN.priceListFrankfurtAdr, PAGES.vpc, "secondary")),
  },
  "ap-southeast-1": {
    ...nat(0.059, read(SEEN_IN.invoiceMay2025, PAGES.vpc, "published")),
    publicIpv4Hours: ipv4(read(SEEN_IN.invoiceMay2025, PAGES.vpc, "published")),
  },
};
