// DynamoDB on-demand prices (Standard table class).
import { copiedFrom, PAGES, read, SEEN_IN, type Seen } from "./evidence";
import type { PricedRegion } from "./regions";
import type { UnitPrice } from "./types";

export interface DynamoDbPrices {
  /** Per million write request units. */
  writeRequestUnits: UnitPrice;
  /** Per million read request units. */
  readRequestUnits: UnitPrice;
  /** Per GB-month of table storage. */
  storage: UnitPrice;
}

const prices = (write: number, readUnits: number, storage: number, seen: Seen, confidence: "published" | "secondary"): DynamoDbPrices => {
  const p = read(seen, PAGES.dynamoDb, confidence);
  return {
    writeRequestUnits: { usd: write, unit: "million write request units", ...p },
    readRequestUnits: { usd: readUnits, unit: "million read request units", ...p },
    storage: { usd: storage, unit: "GB-month", ...p },
  };
};

const US_EAST_1 = prices(0.625, 0.125, 0.25, SEEN_IN.dynamoDbUsEast1Quote, "secondary");
const copied = (): DynamoDbPrices => ({
  writeRequestUnits: copiedFrom(US_EAST_1.writeRequestUnits, "us-east-1"),
  readRequestUnits: copiedFrom(US_EAST_1.readRequestUnits, "us-east-1"),
  storage: copiedFrom(US_EAST_1.storage, "us-east-1"),
});
const singapore = read(SEEN_IN.invoiceMay2025, PAGES.dynamoDb, "published");

export const DYNAMODB_PRICES: Record<PricedRegion, DynamoDbPrices> = {
  "us-east-1": US_EAST_1,
  "us-west-2": prices(0.625, 0.125, 0.25, SEEN_IN.priceListUsWest2, "published"),
  // Storage: "$0.283 per GB-Month of storage used beyond first 25 free GB-Months".
  "eu-west-1": prices(0.705, 0.1415, 0.283, SEEN_IN.priceListIrelandRates, "published"),
  "eu-central-1": copied(),
  "ap-southeast-1": {
    writeRequestUnits: { usd: 0.71, unit: "million write request units", ...singapore },
    readRequestUnits: { usd: 0.1425, unit: "million read request units", ...singapore },
    storage: copiedFrom(US_EAST_1.storage, "us-east-1"),
  },
};
