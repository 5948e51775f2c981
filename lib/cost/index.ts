// Public API of the cost model: estimate a stack's monthly cost, compare two estimates, read usage files.
export { estimateStackCost, type EstimateOptions } from "./estimate";
export { diffCosts, formatMonthlyDelta, type CostDiff, type ResourceCostDelta } from "./diff";
export { formatCostTable, formatUsd } from "./format";
export { usesCopiedPrice } from "./line-items";
export {
  applicableUsage,
  parseUsage,
  usageFields,
  validateUsage,
  USAGE_DEFAULTS,
  USAGE_LIMITS,
  FunctionUsageSchema,
  TriggerUsageSchema,
  SECRET_USAGE_PREFIX,
  type StackUsage,
  type ResourceUsage,
  type FunctionUsage,
  type TriggerUsage,
  type UsageResult,
  type ApplicableUsage,
} from "./usage";
export { PRICES, PRICED_REGIONS, isPricedRegion, type PricedRegion, type RegionPrices, type PriceConfidence } from "./prices";
export type { Assumption, CostEstimate, CostLineItem, CostResourceKind, CostService, ResourceCost } from "./types";
export { actualFunctionCost, lambdaChargesOf, monthProgress, type ActualFunctionCost, type FunctionMetrics, type MonthProgress } from "./actual";
