// The monthly "always free" allowances that the optional free tier applies. The 12-month offers for new
// accounts (API Gateway, load balancer hours) are not applied: they depend on the account's age.
import { FIRST_CHECK, PAGES, SEEN_IN, type Seen } from "./evidence";
import type { FreeAllowance } from "./types";

const allowance = (amount: number, unit: string, source: string, seen: Seen): FreeAllowance => ({
  amount,
  unit,
  source,
  asOf: seen.asOf,
  evidence: seen.text,
});

const lambdaPage = { text: "Lambda pricing page: 'The free tier includes one million requests and 400,000 GB-seconds per month'", asOf: FIRST_CHECK };

export const FREE_TIER = {
  /** Shared by all functions of the account on either architecture; not for functions with provisioned concurrency. */
  lambdaRequests: allowance(1_000_000, "requests", PAGES.lambda, lambdaPage),
  lambdaGbSeconds: allowance(400_000, "GB-seconds", PAGES.lambda, lambdaPage),
  sqsRequests: allowance(1_000_000, "requests", PAGES.sqs, SEEN_IN.invoiceMay2025),
  snsPublishes: allowance(1_000_000, "publishes", PAGES.sns, SEEN_IN.invoiceMay2025),
  logsIngestionGb: allowance(5, "GB", PAGES.cloudWatch, SEEN_IN.invoiceMay2025),
  logsStorageGb: allowance(5, "GB-month", PAGES.cloudWatch, SEEN_IN.invoiceMay2025),
  dynamoDbStorageGb: allowance(25, "GB-month", PAGES.dynamoDb, SEEN_IN.priceListUsWest2),
} as const satisfies Record<string, FreeAllowance>;

export type FreeTierAllowances = typeof FREE_TIER;
