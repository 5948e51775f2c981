import { describe, expect, it } from "vitest";
import type { Plan } from "@/server/deploy/plan";
import { formatPlanMarkdown, formatPlanText, hasChanges } from "./format";

const plan: Plan = {
  stack: "shop",
  stage: "dev",
  cloudFormationStackName: "shop-dev",
  changeSetType: "UPDATE",
  changes: [
    { action: "add", logicalId: "NewFunction", resourceType: "AWS::Lambda::Function", changed: [] },
    { action: "modify", logicalId: "ApiFunction", resourceType: "AWS::Lambda::Function", replacement: "no", changed: ["MemorySize", "Timeout"] },
    { action: "modify", logicalId: "Jobs", resourceType: "AWS::SQS::Queue", replacement: "yes", changed: ["FifoQueue"] },
    { action: "remove", logicalId: "Old|Queue", resourceType: "AWS::SQS::Queue", changed: [] },
  ],
  counts: { add: 1, modify: 2, remove: 1, replace: 1 },
  cost: {
    ok: true,
    region: "eu-west-1",
    baseRevision: 3,
    revision: 0,
    diff: {
      before: 1.5,
      after: 3.75,
      delta: 2.25,
      resources: [{ resource: "api", kind: "resource", type: "function", service: "Lambda", before: 1.5, after: 3.75, delta: 2.25, change: "changed" }],
    },
  },
};
const unchanged: Plan = {
  ...plan,
  changes: [],
  counts: { add: 0, modify: 0, remove: 0, replace: 0 },
  cost: { ok: true, region: "eu-west-1", baseRevision: 3, revision: 0, diff: { before: 1.5, after: 1.5, delta: 0, resources: [] } },
};

describe("plan output", () => {
  it("lists each resource's action, replacement and changed properties, then the cost difference", () => {
    expect(formatPlanText(plan)).toBe(
      [
        "Plan for shop to dev (CloudFormation stack shop-dev, UPDATE)",
        "1 to add, 2 to modify (1 replaced), 1 to remove:",
        "  + NewFunction  AWS::Lambda::Function",
        "  ~ ApiFunction  AWS::Lambda::Function  in place; changes MemorySize, Timeout",
        "  ~ Jobs         AWS::SQS::Queue        replaced; changes FifoQueue",
        "  - Old|Queue    AWS::SQS::Queue",
        "Monthly cost: $1.50 -> $3.75 a month (+$2.25/month, eu-west-1 prices)",
        "  api: $1.50 -> $3.75 (+$2.25/month)",
        "",
      ].join("\n"),
    );
  });

  it("says so when nothing changes", () => {
    expect(hasChanges(unchanged)).toBe(false);
    expect(formatPlanText(unchanged)).toContain("No changes: the stack is already up to date.\nMonthly cost: $1.50 -> $1.50 a month ($0.00/month, eu-west-1 prices)");
    expect(formatPlanText({ ...unchanged, cost: { ok: false, reason: "Lambdaplane has no prices for me-central-1" } })).toContain(
      "Monthly cost: not estimated: Lambdaplane has no prices for me-central-1",
    );
  });

  it("prints Markdown tables for a pull-request comment, with pipes in names escaped", () => {
    const md = formatPlanMarkdown(plan);
    expect(md).toContain("### Lambdaplane plan: `shop` to `dev`");
    expect(md).toContain("**1 to add, 2 to modify (1 replaced), 1 to remove** in CloudFormation stack `shop-dev` (UPDATE)");
    expect(md).toContain("| modify | `Jobs` | `AWS::SQS::Queue` | replaced | `FifoQueue` |");
    expect(md).toContain("| remove | `Old\\|Queue` | `AWS::SQS::Queue` |  |  |");
    expect(md).toContain("| `api` | $1.50 | $3.75 | +$2.25/month |");
    expect(formatPlanMarkdown(unchanged)).toContain("**No changes** in CloudFormation stack `shop-dev` (UPDATE)");
  });
});
