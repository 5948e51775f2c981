// s3: S3 invokes the function for object events of a bucket of this stack. The notification is
// part of the bucket's own configuration (rendered by the bucket module from s3Notifications);
// this module contributes the invoke permission the bucket must see before it is configured.
import type { Diagnostic } from "@/lib/stack/diagnostics";
import { parseDirective } from "@/lib/stack/directives";
import type { S3Integration } from "@/lib/stack/schema";
import { ref, type CfValue } from "../cfn";
import type { RenderContext } from "../context";
import { fragment, type DefinitionPath, type Fragment } from "../fragment";
import { logicalIds } from "../naming";
import { bucketArn } from "../bucket-name";
import type { EventRenderInput } from "./types";

/** The stack bucket an s3 event's bucketArn names via $ResourceParam('<bucket>', 'arn'), if any. */
function targetBucket(ctx: RenderContext, bucketArn: string): string | undefined {
  const parsed = parseDirective(bucketArn);
  if (!parsed?.ok || parsed.directive.kind !== "ResourceParam" || parsed.directive.param !== "arn") return undefined;
  const name = parsed.directive.resourceName;
  return ctx.resourceOfType(name, "bucket") ? name : undefined;
}

export function renderS3Event({ ctx, functionName, index, event, path }: EventRenderInput<S3Integration>): Fragment {
  const bucket = targetBucket(ctx, event.properties.bucketArn);
  if (bucket === undefined) {
    return fragment(path, {
      diagnostics: [
        {
          severity: "error",
          code: "reference",
          message:
            "s3 events are configured on the bucket itself, so bucketArn must name a bucket of this stack: $ResourceParam('<bucket>', 'arn')",
          path: [...path, "properties", "bucketArn"],
        },
      ],
    });
  }
  return fragment(path, {
    permissions: [
      {
        logicalId: logicalIds.event(functionName, index, "Permission"),
        functionName: ctx.functionTarget(functionName).name,
        principal: "s3.amazonaws.com",
        // From the name, not GetAtt: the bucket depends on this permission.
        sourceArn: bucketArn(ctx.options, bucket),
        sourceAccount: ref("AWS::AccountId"),
      },
    ],
  });
}

export interface S3Notifications {
  lambdaConfigurations: CfValue[];
  /** Permissions the bucket must wait for: S3 checks it may invoke each function when configured. */
  dependsOn: string[];
  diagnostics: Diagnostic[];
}

interface Subscription {
  eventType: string;
  prefix?: string;
  suffix?: string;
  path: DefinitionPath;
}

// S3 refuses a configuration where two entries could match the same object for the same event.
const eventTypesOverlap = (a: string, b: string) =>
  a === b || (a.endsWith(":*") && b.startsWith(a.slice(0, -1))) || (b.endsWith(":*") && a.startsWith(b.slice(0, -1)));
const prefixesOverlap = (a = "", b = "") => a.startsWith(b) || b.startsWith(a);
const suffixesOverlap = (a = "", b = "") => a.endsWith(b) || b.endsWith(a);

export function s3Notifications(ctx: RenderContext, bucket: string): S3Notifications {
  const lambdaConfigurations: CfValue[] = [];
  const dependsOn: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen: Subscription[] = [];

  for (const [functionName, resource] of Object.entries(ctx.resources)) {
    if (resource.type !== "function") continue;
    (resource.properties.events ?? []).forEach((event, index) => {
      if (event.type !== "s3" || targetBucket(ctx, event.properties.bucketArn) !== bucket) return;
      const { s3EventType, filterRule } = event.properties;
      const path = ["resources", functionName, "properties", "events", index];
      const subscription: Subscription = { eventType: s3EventType, prefix: filterRule?.prefix, suffix: filterRule?.suffix, path };
      const clash = seen.find(
        (other) =>
          eventTypesOverlap(other.eventType, subscription.eventType) &&
          prefixesOverlap(other.prefix, subscription.prefix) &&
          suffixesOverlap(other.suffix, subscription.suffix),
      );
      if (clash) {
        diagnostics.push({
          severity: "error",
          code: "conflict",
          message: `this s3 event overlaps the one at ${clash.path.join(".")} (same bucket, event type and key filter); S3 rejects overlapping notifications`,
          path,
        });
      }
      seen.push(subscription);

      const configuration: Record<string, CfValue> = {
        Event: s3EventType,
        Function: ctx.functionTarget(functionName).arn,
      };
      const rules: CfValue[] = [];
      if (filterRule?.prefix !== undefined) rules.push({ Name: "prefix", Value: filterRule.prefix });
      if (filterRule?.suffix !== undefined) rules.push({ Name: "suffix", Value: filterRule.suffix });
      if (rules.length > 0) configuration.Filter = { S3Key: { Rules: rules } };
      lambdaConfigurations.push(configuration);
      dependsOn.push(logicalIds.event(functionName, index, "Permission"));
    });
  }
  return { lambdaConfigurations, dependsOn, diagnostics };
}
