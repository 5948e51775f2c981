// Calendar and size conventions shared by the estimators.

/** AWS prices hourly resources over 730 hours a month (e.g. NAT gateway: $0.045 × 730 = $32.85). */
export const HOURS_PER_MONTH = 730;
export const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;
export const DAYS_PER_MONTH = HOURS_PER_MONTH / 24;

export const BYTES_PER_GB = 1024 ** 3;
export const MB_PER_GB = 1024;

/** How many billing chunks a payload is metered as (at least one), e.g. 64 KB for SQS and SNS. */
export function chunks(payloadKb: number, chunkKb: number): number {
  return Math.max(1, Math.ceil(payloadKb / chunkKb));
}
