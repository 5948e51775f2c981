// SQS, SNS, EventBridge and Kinesis Data Streams prices.
import { copiedFrom, PAGES, read, SEEN_IN, type Seen } from "./evidence";
import type { PricedRegion } from "./regions";
import type { UnitPrice } from "./types";

export interface MessagingPrices {
  /** Standard queues, per million requests (each 64 KB chunk of a payload is one request); first 100 billion a month. */
  sqsStandardRequests: UnitPrice;
  /** FIFO queues, per million requests (64 KB chunks). */
  sqsFifoRequests: UnitPrice;
  /** Standard topics, per million publishes (64 KB chunks). Deliveries to Lambda are free. */
  snsPublishes: UnitPrice;
  /** Custom events put on an event bus, per million (64 KB chunks). Events from AWS services are free. */
  eventBridgeCustomEvents: UnitPrice;
  /** Provisioned-mode streams, per shard hour. */
  kinesisShardHours: UnitPrice;
  /** Per million PUT payload units (25 KB each). */
  kinesisPutPayloadUnits: UnitPrice;
}

const perMillion = (usd: number, unit: string, seen: Seen, page: string, confidence: "published" | "secondary"): UnitPrice => ({
  usd,
  unit,
  ...read(seen, page, confidence),
});

const US_WEST_2_EVENTS = perMillion(1.0, "million events", SEEN_IN.priceListUsWest2, PAGES.eventBridge, "published");

const US_EAST_1: MessagingPrices = {
  sqsStandardRequests: perMillion(0.4, "million requests", SEEN_IN.sqsGuides2026, PAGES.sqs, "secondary"),
  sqsFifoRequests: perMillion(0.5, "million requests", SEEN_IN.sqsGuides2026, PAGES.sqs, "secondary"),
  snsPublishes: perMillion(0.5, "million publishes", SEEN_IN.snsGuide2026, PAGES.sns, "secondary"),
  eventBridgeCustomEvents: perMillion(1.0, "million events", SEEN_IN.eventBridgeUsEast1, PAGES.eventBridge, "secondary"),
  kinesisShardHours: { usd: 0.015, unit: "shard-hour", ...read(SEEN_IN.kinesisQuotes, PAGES.kinesis, "secondary") },
  kinesisPutPayloadUnits: perMillion(0.014, "million PUT payload units", SEEN_IN.kinesisQuotes, PAGES.kinesis, "secondary"),
};

function copiedFromUsEast1(overrides: Partial<MessagingPrices> = {}): MessagingPrices {
  return {
    sqsStandardRequests: copiedFrom(US_EAST_1.sqsStandardRequests, "us-east-1"),
    sqsFifoRequests: copiedFrom(US_EAST_1.sqsFifoRequests, "us-east-1"),
    snsPublishes: copiedFrom(US_EAST_1.snsPublishes, "us-east-1"),
    eventBridgeCustomEvents: copiedFrom(US_WEST_2_EVENTS, "us-west-2"),
    kinesisShardHours: copiedFrom(US_EAST_1.kinesisShardHours, "us-east-1"),
    kinesisPutPayloadUnits: copiedFrom(US_EAST_1.kinesisPutPayloadUnits, "us-east-1"),
    ...overrides,
  };
}

export const MESSAGING_PRICES: Record<PricedRegion, MessagingPrices> = {
  "us-east-1": US_EAST_1,
  "us-west-2": copiedFromUsEast1({
    sqsStandardRequests: perMillion(0.4, "million requests", SEEN_IN.priceListUsWest2, PAGES.sqs, "published"),
    eventBridgeCustomEvents: US_WEST_2_EVENTS,
  }),
  "eu-west-1": copiedFromUsEast1({
    sqsStandardRequests: perMillion(0.4, "million requests", SEEN_IN.priceListIreland, PAGES.sqs, "published"),
    sqsFifoRequests: perMillion(0.5, "million requests", SEEN_IN.priceListIreland, PAGES.sqs, "published"),
    snsPublishes: perMillion(0.5, "million publishes", SEEN_IN.priceListIreland, PAGES.sns, "published"),
  }),
  "eu-central-1": copiedFromUsEast1(),
  "ap-southeast-1": copiedFromUsEast1(),
};
