// Rules for edge functions and the CDN triggers that run them (Lambda@Edge quotas).
import { DEFAULT_EDGE_MEMORY_MB, DEFAULT_EDGE_TIMEOUT_SECONDS } from "../defaults";
import { EDGE_VIEWER_MAX_MEMORY_MB, EDGE_VIEWER_MAX_TIMEOUT_SECONDS } from "../limits";
import { EDGE_RUNTIMES, type CdnEdgeFunctions } from "../schema";
import { checkConnectTo, checkIamStatements } from "./access";
import { resourcesOfType, type Path, type RuleContext } from "./context";
import { checkRuntime } from "./functions";

const VIEWER_TRIGGERS: readonly (keyof CdnEdgeFunctions)[] = ["onRequest", "onResponse"];
const TRIGGERS: readonly (keyof CdnEdgeFunctions)[] = ["onRequest", "onResponse", "onOriginRequest", "onOriginResponse"];

export function checkEdge(ctx: RuleContext): void {
  const used = new Set<string>();
  for (const [bucketName, bucket] of resourcesOfType(ctx.definition, "bucket")) {
    const cdn = bucket.properties?.cdn;
    if (!cdn?.edgeFunctions) continue;
    const cdnPath: Path = ["resources", bucketName, "properties", "cdn"];
    if (!cdn.enabled) ctx.report([...cdnPath, "edgeFunctions"], "conflict", "edgeFunctions run on the CDN; set cdn.enabled: true");
    for (const trigger of TRIGGERS) {
      const fnName = cdn.edgeFunctions[trigger];
      if (fnName === undefined) continue;
      const at = [...cdnPath, "edgeFunctions", trigger];
      const fn = ctx.expectResource(at, fnName, ["edge-lambda-function"], "edge function");
      if (!fn) continue;
      used.add(fnName);
      if (!VIEWER_TRIGGERS.includes(trigger)) continue;
      const memory = fn.properties.memory ?? DEFAULT_EDGE_MEMORY_MB;
      const timeout = fn.properties.timeout ?? DEFAULT_EDGE_TIMEOUT_SECONDS;
      if (memory > EDGE_VIEWER_MAX_MEMORY_MB) {
        ctx.report(at, "limit", `${trigger} is a viewer trigger: '${fnName}' may use at most ${EDGE_VIEWER_MAX_MEMORY_MB} MB of memory, it has ${memory}`);
      }
      if (timeout > EDGE_VIEWER_MAX_TIMEOUT_SECONDS) {
        ctx.report(at, "limit", `${trigger} is a viewer trigger: '${fnName}' may run at most ${EDGE_VIEWER_MAX_TIMEOUT_SECONDS} s, its timeout is ${timeout}`);
      }
    }
  }
  for (const [name, fn] of resourcesOfType(ctx.definition, "edge-lambda-function")) {
    const path: Path = ["resources", name, "properties"];
    checkRuntime(ctx, path, fn.properties, EDGE_RUNTIMES);
    checkConnectTo(ctx, [...path, "connectTo"], fn.properties.connectTo, name);
    checkIamStatements(ctx, [...path, "iamRoleStatements"], fn.properties.iamRoleStatements);
    if (fn.properties.logging?.retentionDays !== undefined && !fn.properties.logging.disabled) {
      // Lambda@Edge writes to `/aws/lambda/us-east-1.<name>` in every region it runs in; a stack can
      // create log groups in its own region only, so the others keep CloudWatch's default (never expire).
      ctx.report(
        [...path, "logging", "retentionDays"],
        "unsupported",
        `logging.retentionDays applies only to the us-east-1 log group of edge function '${name}'; the log groups Lambda@Edge creates in the other regions it runs in never expire unless you set their retention yourself`,
        "warning",
      );
    }
    if (!used.has(name)) ctx.report(["resources", name], "unused", `edge function '${name}' is not attached to any bucket's cdn.edgeFunctions`, "warning");
  }
}
