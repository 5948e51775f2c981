// Where the figures in this folder were read (checked 2026-11-22). Kept in one place so each price entry
// can say which one it rests on.
import type { PriceProvenance, UnitPrice, TieredPrice } from "./types";

export const CHECKED_ON = "2026-11-22";

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
    asOf: CHECKED_ON,
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
    asOf: CHECKED_ON,
  },
  apiGatewayWhitepaper: {
    text: "AWS whitepaper 'Best Practices for Designing Amazon API Gateway Private APIs and Private Integration', Cost optimization, Table 4 (us-east-1)",
    asOf: CHECKED_ON,
  },
  invoiceMay2025: {
    text: "AWS invoice for May 2025 (mostly Asia Pacific (Singapore) line items, a few in other regions), published in the public repository rahmat-ullah/DocParser",
    asOf: "2025-05-31",
  },
  invoiceIreland: {
    text: "AWS invoice lines for EU (Ireland) quoted in a public blog post's repository (invoice date not shown)",
    asOf: CHECKED_ON,
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
    asOf: CHECKED_ON,
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
    asOf: CHECKED_ON,
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
} as const;

/** A piece of material a figure was read in. */
export interface Seen {
  readonly text: string;
  readonly asOf: string;
}

export function read(seen: Seen, source: string, confidence: "published" | "secondary"): PriceProvenance {
  return { source, asOf: seen.asOf, confidence, evidence: seen.text };
}

/** The same figure for a region where it could not be confirmed: copied from `region`, and said so. */
export function copiedFrom<T extends UnitPrice | TieredPrice>(price: T, region: string): T {
  return {
    ...price,
    confidence: "derived",
    evidence: `not confirmed for this region; the ${region} figure (${price.evidence}). AWS prices some regions higher.`,
  };
}
