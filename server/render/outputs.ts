// Stack outputs within CloudFormation's limit of 200 per template. Function ARNs are the outputs
// that can go: each is derivable from the function's name. The rest (URLs, ids, DNS names) stay.
import type { Diagnostic } from "@/lib/stack/diagnostics";
import type { StackDefinition } from "@/lib/stack/schema";
import { CLOUDFORMATION_LIMITS } from "@/server/validate/limits";
import type { CfOutput } from "./cfn";
import { logicalIds } from "./naming";

export function limitOutputs(
  definition: StackDefinition,
  outputs: Record<string, CfOutput>,
): { outputs: Record<string, CfOutput>; diagnostics: Diagnostic[] } {
  const limit = CLOUDFORMATION_LIMITS.outputs.value;
  const keys = Object.keys(outputs).sort();
  if (keys.length <= limit) return { outputs, diagnostics: [] };

  const functionArnKeys = new Set(
    Object.entries(definition.resources)
      .filter(([, r]) => r.type === "function")
      .map(([name]) => logicalIds.output(name, "arn")),
  );
  const essential = keys.filter((k) => !functionArnKeys.has(k));
  const optional = keys.filter((k) => functionArnKeys.has(k));
  const kept = [...essential, ...optional.slice(0, Math.max(0, limit - essential.length))];
  const limited: Record<string, CfOutput> = {};
  for (const key of kept.sort()) limited[key] = outputs[key];

  const dropped = keys.length - kept.length;
  const diagnostics: Diagnostic[] = [
    {
      severity: "warning",
      code: "limit",
      message: `${dropped} function ARN outputs were left out: a template may declare at most ${limit} outputs (function ARNs are arn:<partition>:lambda:<region>:<account>:function:<stack>-<stage>-<name>)`,
      path: ["resources"],
    },
  ];
  if (essential.length > limit) {
    diagnostics.push({
      severity: "error",
      code: "limit",
      message: `the stack needs ${essential.length} outputs (URLs, ids, DNS names), more than the ${limit} a template may declare`,
      path: ["resources"],
    });
  }
  return { outputs: limited, diagnostics };
}
