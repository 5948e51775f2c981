// Prices as data: every figure carries the AWS page it belongs to, the date it was seen valid, how sure
// we are of it for its region, and where it was read. Updating a price is editing one entry.

/**
 * - "published": read for this region in AWS material (pricing page, whitepaper, AWS News Blog, a Price
 *   List extract or an AWS invoice line quoted verbatim).
 * - "secondary": read for this region in third-party material that quotes AWS's figure.
 * - "derived": not confirmed for this region; copied from another region (see `evidence`). May be off.
 */
export type PriceConfidence = "published" | "secondary" | "derived";

export interface PriceProvenance {
  /** The AWS pricing page of the service. */
  source: string;
  /** Date the figure was seen valid, YYYY-MM-DD. */
  asOf: string;
  confidence: PriceConfidence;
  /** Where the figure was read, or what a derived figure was copied from. */
  evidence: string;
}

export interface UnitPrice extends PriceProvenance {
  usd: number;
  /** What one `usd` buys, e.g. "million requests", "GB-second", "hour". */
  unit: string;
}

export interface PriceTier {
  /** Cumulative upper bound of the tier in the price's unit; null for the last tier. */
  upTo: number | null;
  usd: number;
  /** Set when this tier is less sure than its entry, e.g. "derived" for a tier copied from another region. */
  confidence?: PriceConfidence;
}

export interface TieredPrice extends PriceProvenance {
  unit: string;
  /** Ascending; the last has `upTo: null`. The entry's `confidence` is that of the first tier. */
  tiers: readonly PriceTier[];
}

/** A monthly allowance AWS gives every account ("always free"), in the unit of the matching price. */
export interface FreeAllowance {
  amount: number;
  unit: string;
  source: string;
  asOf: string;
  evidence: string;
}
