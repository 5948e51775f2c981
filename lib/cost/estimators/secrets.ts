// Secrets Manager: one secret per distinct name read with $Secret(...). CloudFormation resolves the
// references at deploy time, so API calls come from deploys, not from invocations.
import { charge, formatCount, given, resourceCost } from "../line-items";
import type { Assumption } from "../types";
import { SECRET_USAGE_PREFIX, USAGE_DEFAULTS } from "../usage";
import type { EstimateContext, Priced } from "./context";

export function estimateSecret(name: string, references: number, ctx: EstimateContext): Priced {
  const assumptions: Assumption[] = [];
  const deploys = USAGE_DEFAULTS.deploysPerMonth;
  const apiCalls = given(
    ctx.usage[`${SECRET_USAGE_PREFIX}${name}`]?.apiCallsPerMonth,
    "apiCallsPerMonth",
    { value: references * deploys.value, note: `${references} reference${references === 1 ? "" : "s"} × ${deploys.note}` },
    assumptions,
  );
  const prices = ctx.prices.secretsManager;
  const lineItems = [
    charge("Secret", "Secrets Manager", 1, prices.secrets),
    charge(`API calls (${formatCount(apiCalls)})`, "Secrets Manager", apiCalls / 10_000, prices.apiCalls),
  ];
  return { cost: resourceCost(name, "secret", "secret", "Secrets Manager", lineItems, assumptions), meters: {} };
}
