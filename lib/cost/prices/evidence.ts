// Where the figures in this folder were read (first checked 2026-11-22, re-checked 2026-12-01). Kept in
// one place so each price entry can say which one it rests on.
import type { PriceProvenance, PriceTier, TieredPrice, UnitPrice } from "./types";

/** The last day the figures were checked against their sources; no asOf may be later. */
export const CHECKED_ON = "2026-12-01";
/** The first check: material read then that shows no date of its own is dated by it. */
export const FIRST_CHECK = "2026-11-22";

/** AWS Cost Explorer rows (usage and cost by usage type) of one account for August 2026; the rate is cost ÷ quantity. */
const costExplorerUsEast1 = (row: string): string =>
  `AWS Cost Explorer usage and cost by usage type for August 2026 in a public repository's ops report ` +
  `"ops 5163 -- August-2026 invoice forensics ($484.26)" (search-index file 61839781699), row ${row} (rate = cost ÷ quantity, cost rounded to the cent)`;

export const PAGES = {
  lambda: "https://aws.amazon.com/lambda/pricing/",
  apiGateway: "https://aws.amazon.com/api-gateway/pricing/",
  elb: "https://aws.amazon.com/elasticloadbalancing/pricing/",
  vpc: "https://aws.amazon.com/vpc/pricing/",
  sqs: "https://aws.amazon.com/sqs/pricing/",
  sns: "https://aws.amazon.com/sns/pricing/",
  eventBridge: "https://aws.amazon.com/eventbridge/pricing/",
  kinesis: "https://aws.amazon.com/kinesis/data-streams/pricing/",
  dynamoDb: "https://aws.amazon.com/dynamodb/pricing/on-demand/",
  cloudWatch: "https://aws.amazon.com/cloudwatch/pricing/",
  secretsManager: "https://aws.amazon.com/secrets-manager/pricing/",
} as const;

/** The material each figure was read in, with the date it shows. */
export const SEEN_IN = {
  lambdaPriceListUsEast1: {
    text: "AWS Price List API, service AWSLambda, us-east-1, effective 2025-10-01, transcribed with SKUs in a public repository",
    asOf: "2025-10-28",
  },
  lambdaBaseRegionTables: {
    text: "tier-1 GB-second price listed as the 'base' price, with only af-south-1, ap-east-1, eu-south-1, me-south-1 and me-central-1 different, in aws-lambda-power-tuning and a public Lambda pricing table",
    asOf: FIRST_CHECK,
  },
  priceListUsWest2: {
    text: "AWS Price List for us-west-2, tabulated in a public repository's cost model",
    asOf: "2026-08-09",
  },
  priceListUsEast1Quotes: {
    text: "AWS Price List rate descriptions for us-east-1 (effective 2026-08-01) quoted verbatim in a public repository's design notes",
    asOf: "2026-08-01",
  },
  cloudWatchPriceListUsEast1: {
    text: "AWS Price List API SKU JRHJQ2UMPUB5K73A '$0.03 per GB-mo of log storage' (us-east-1), quoted in a public repository's audit",
    asOf: FIRST_CHECK,
  },
  apiGatewayWhitepaper: {
    text: "AWS whitepaper 'Best Practices for Designing Amazon API Gateway Private APIs and Private Integration', Cost optimization, Table 4 (us-east-1)",
    asOf: FIRST_CHECK,
  },
  invoiceMay2025: {
    text: "AWS invoice for May 2025 (mostly Asia Pacific (Singapore) line items, a few in other regions), published in the public repository rahmat-ullah/DocParser",
    asOf: "2025-05-31",
  },
  invoiceIreland: {
    text: "AWS invoice lines for EU (Ireland) quoted in a public blog post's repository (invoice date not shown)",
    asOf: FIRST_CHECK,
  },
  focusFrankfurt: {
    text: "AWS FOCUS billing export line for EU (Frankfurt), billing period 2024-09, quoted in the focus-ninja README",
    asOf: "2024-09-30",
  },
  pricebookFrankfurt: {
    text: "CloudHealth pricebook template giving the public on-demand rate per region (2025-01-01 rule group)",
    asOf: "2025-01-01",
  },
  natIrelandRows: {
    text: "eu-west-1 NAT gateway rows ('$0.048 per NAT Gateway Hour') from an AWS price snapshot, in a public repository's tests",
    asOf: FIRST_CHECK,
  },
  dynamoDbUsEast1Quote: {
    text: "DynamoDB on-demand page figures for us-east-1, quoted in a public repository's notes 'checked 2026-10-04'",
    asOf: "2026-10-04",
  },
  sqsGuides2026: {
    text: "us-east-1 figures in 2026 SQS pricing guides (cloudburn.io, March 2026; factualminds.com, June 2026)",
    asOf: "2026-06-13",
  },
  snsGuide2026: {
    text: "us-east-1 figure in a June 2026 SNS pricing guide (factualminds.com)",
    asOf: "2026-06-13",
  },
  kinesisQuotes: {
    text: "us-east-1 figures ('$0.015 per shard-hour + $0.014 per 1,000,000 PUT payload units') quoted in public design documents",
    asOf: FIRST_CHECK,
  },
  priceListIreland: {
    text: "AWS Price List offer files for eu-west-1 (AWSLambda published 2026-10-01, AWSQueueService 2026-09-11, AmazonApiGateway 2026-09-21, AmazonCloudWatch 2026-09-22, AmazonSNS 2026-09-15), extracted with tiers on 2026-10-02 into a public repository's price snapshot",
    asOf: "2026-10-02",
  },
  priceListIrelandRates: {
    text: "AWS Price List offer files for eu-west-1 (AmazonDynamoDB and AWSSecretsManager published 2026-09-11), rows with SKUs transcribed into a public repository's rate snapshot checked 2026-10-04",
    asOf: "2026-10-04",
  },
  priceListSingaporeOffers: {
    text: "AWS Price List offer files for ap-southeast-1 (AWSELB published 2026-09-11, AmazonApiGateway 2026-09-21, AmazonCloudWatch 2026-09-22), fetched 2026-09-25 into a public repository's prices.json with each row's description",
    asOf: "2026-09-25",
  },
  priceListFrankfurtAdr: {
    text: "AWS bulk Price List for eu-central-1 read 2026-10-06 (AmazonEC2 published 2026-09-25: NAT gateway $0.052 an hour and $0.052 a GB processed; AmazonVPC 2026-09-17: $0.005 an hour per public IPv4 address; AWSSecretsManager 2026-09-11: $0.40 a secret-month), tabulated in a public repository's architecture decision record",
    asOf: "2026-10-06",
  },
  priceListSingapore: {
    text: "AWS Price List API queried for ap-southeast-1 on 2026-08-12 (APS1-Request $0.0000002 per request, APS1-TimedStorage-ByteHrs $0.03 per GB-Mo of CloudWatch Logs storage), tabulated in a public repository's cost audit",
    asOf: "2026-08-12",
  },
  priceListFrankfurtNote: {
    text: "AWS Price List API figures for eu-central-1 (EUC1-Request $0.20 per million, EUC1-ApiGatewayRequest $3.70 per million) quoted in a public repository's research note dated 2026-08-12",
    asOf: "2026-08-12",
  },
  priceListIrelandIpv4: {
    text: "AWS Price List API, EU-PublicIPv4:InUseAddress and EU-PublicIPv4:IdleAddress both $0.005 per hour (eu-west-1), verified 2026-07-10 and quoted in a public repository's design notes",
    asOf: "2026-07-10",
  },
  lambdaCalculatorRegions: {
    text:
      "AWS Pricing Calculator's Lambda price file (calculator.aws/pricing/2.0/meteredUnitMaps/lambda/USD/current/lambda.json), " +
      "transcribed per region with its rate codes in remotion-dev/remotion packages/lambda/src/pricing/price-per-1-s.ts " +
      "(commit e4074e3468afcd56b66bb9d744c17893f1684e96; the same figures at 046e45a4f63b969222351c3768bf7fcd3cf4d1f3); the file states no date",
    asOf: CHECKED_ON,
  },
  priceListSingaporeLambda: {
    text:
      "AWS Price List API, AWSLambda, regionCode ap-southeast-1, queried 2026-08-12 and 2026-08-13 and tabulated in a public repository's cost documents: " +
      "'COST-BOUND' §1.1 (search-index file 57375057859), APS1-Lambda-GB-Second $0.0000166667 / $0.0000150000 / $0.0000133334 volume tiers; " +
      "cost audit §2.1 (search-index file 57374056512), APS1-Lambda-GB-Second-ARM tier 1 (0 → 7.5 × 10⁹ GB-s) $0.0000133334",
    asOf: "2026-08-13",
  },
  eventBridgeUsEast1: {
    text:
      `${costExplorerUsEast1("USE1-Event-64K-Chunks: 9,772,928 → $9.77")}; the same $1.00 per million custom events for us-east-1 in ` +
      "2026 EventBridge pricing guides (cloudburn.io/blog/amazon-eventbridge-pricing, 13 March 2026; " +
      "factualminds.com/blog/amazon-eventbridge-pricing-events-pipes-schema-archive, 'us-east-1 (June 2026)')",
    asOf: "2026-08-31",
  },
  secretsUsEast1: {
    text: costExplorerUsEast1("USE1-AWSSecretsManager-Secrets: 9.0 → $3.60"),
    asOf: "2026-08-31",
  },
  publicIpv4UsEast1: {
    text:
      `${costExplorerUsEast1("USE1-PublicIPv4:InUseAddress: 70.5 → $0.35")}; AWS's announcement of US$0.005 an hour per address ` +
      "'in all AWS regions' as reported by techpartner.news/news/aws-to-charge-for-ipv4-addresses-598672",
    asOf: "2026-08-31",
  },
} as const;

/** A piece of material a figure was read in. */
export interface Seen {
  readonly text: string;
  readonly asOf: string;
}

export function read(seen: Seen, source: string, confidence: "published" | "secondary"): PriceProvenance {
  return { source, asOf: seen.asOf, confidence, evidence: seen.text };
}

/**
 * The same figure for a region where it could not be confirmed: copied from `region`, and said so.
 * `hint` adds what is known about how far off the copy may be.
 */
export function copiedFrom<T extends UnitPrice | TieredPrice>(price: T, region: string, hint?: string): T {
  return {
    ...price,
    confidence: "derived",
    evidence: `not confirmed for this region; the ${region} figure (${price.evidence}). ${hint ?? "AWS prices some regions higher."}`,
  };
}

/** `tiers` with every tier after the first marked as not confirmed for the region (copied from another one). */
export function higherTiersCopied(tiers: readonly PriceTier[]): PriceTier[] {
  return tiers.map((tier, i) => (i === 0 ? tier : { ...tier, confidence: "derived" }));
}
