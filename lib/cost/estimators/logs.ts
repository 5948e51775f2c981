// CloudWatch Logs for a function's log group: what its invocations write, and what is kept for the
// retention period. Storage is the steady state once the retention period has passed, counted on the
// ingested size (archived logs are gzip-compressed, so this is an upper bound).
import { DEFAULT_LOG_RETENTION_DAYS } from "@/lib/stack/defaults";
import type { Logging } from "@/lib/stack/schema";
import { charge, formatCount, given } from "../line-items";
import type { Assumption, CostLineItem } from "../types";
import { BYTES_PER_GB, DAYS_PER_MONTH } from "../units";
import { USAGE_DEFAULTS } from "../usage";
import type { EstimateContext, MeterReadings } from "./context";

export interface LogCharges {
  lineItems: CostLineItem[];
  meters: MeterReadings;
}

export function logCharges(
  logging: Logging | undefined,
  invocationsPerMonth: number,
  logBytesPerInvocation: number | undefined,
  ctx: EstimateContext,
  assumptions: Assumption[],
): LogCharges {
  if (logging?.disabled) return { lineItems: [], meters: {} };
  const prices = ctx.prices.cloudWatchLogs;
  const bytes = given(logBytesPerInvocation, "logBytesPerInvocation", USAGE_DEFAULTS.logBytesPerInvocation, assumptions);
  const retentionDays = logging?.retentionDays ?? DEFAULT_LOG_RETENTION_DAYS;
  const ingestedGb = (invocationsPerMonth * bytes) / BYTES_PER_GB;
  const storedGbMonths = ingestedGb * (retentionDays / DAYS_PER_MONTH);
  return {
    lineItems: [
      charge(`Log ingestion (${formatCount(bytes)} bytes per invocation)`, "CloudWatch", ingestedGb, prices.ingestion),
      charge(`Log storage (${retentionDays}-day retention, steady state)`, "CloudWatch", storedGbMonths, prices.storage),
    ],
    meters: { logsIngestionGb: ingestedGb, logsStorageGbMonths: storedGbMonths },
  };
}
