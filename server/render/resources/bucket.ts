// bucket: a private S3 bucket, its Lambda notifications (from functions' s3 events) and, with
// cdn.enabled, a CloudFront distribution reading it through origin access control, with the
// bucket's Lambda@Edge functions associated to their trigger.
import type { Diagnostic } from "@/lib/stack/diagnostics";
import type { Bucket, CdnEdgeFunctions } from "@/lib/stack/schema";
import { getAtt, ref, sub, type CfResource, type CfValue } from "../cfn";
import type { RenderContext } from "../context";
import { s3Notifications } from "../events/s3";
import { fragment, type DefinitionPath, type Fragment } from "../fragment";
import { logicalIds, physicalNames } from "../naming";
import { bucketName } from "../bucket-name";
import { edgeFunctionVersionId } from "./edge-lambda-function";

const EDGE_EVENT_TYPES: Record<keyof CdnEdgeFunctions, string> = {
  onRequest: "viewer-request",
  onResponse: "viewer-response",
  onOriginRequest: "origin-request",
  onOriginResponse: "origin-response",
};

// AWS managed cache policy "Managed-CachingOptimized".
const CACHING_OPTIMIZED_POLICY_ID = "658327ea-f89d-4fab-a63d-7e88639e58f6";
const ORIGIN_ID = "bucket";

function edgeAssociations(
  ctx: RenderContext,
  edgeFunctions: CdnEdgeFunctions,
  path: DefinitionPath,
  diagnostics: Diagnostic[],
): CfValue[] {
  const associations: CfValue[] = [];
  for (const key of Object.keys(EDGE_EVENT_TYPES) as (keyof CdnEdgeFunctions)[]) {
    const name = edgeFunctions[key];
    if (name === undefined) continue;
    const fn = ctx.resourceOfType(name, "edge-lambda-function");
    if (!fn) {
      diagnostics.push({
        severity: "error",
        code: "reference",
        message: `'${name}' is not an edge-lambda-function resource of this stack`,
        path: [...path, key],
      });
      continue;
    }
    // CloudFront needs a published version's ARN, which is what Ref of a Version returns.
    associations.push({ EventType: EDGE_EVENT_TYPES[key], LambdaFunctionARN: ref(edgeFunctionVersionId(ctx, name, fn)) });
  }
  return associations;
}

function cdnResources(
  ctx: RenderContext,
  name: string,
  edgeFunctions: CdnEdgeFunctions | undefined,
  path: DefinitionPath,
  diagnostics: Diagnostic[],
): Record<string, CfResource> {
  const bucketId = logicalIds.bucket(name);
  const distributionId = logicalIds.distribution(name);
  const controlId = logicalIds.originAccessControl(name);
  const behavior: Record<string, CfValue> = {
    TargetOriginId: ORIGIN_ID,
    ViewerProtocolPolicy: "redirect-to-https",
    CachePolicyId: CACHING_OPTIMIZED_POLICY_ID,
    Compress: true,
  };
  const associations = edgeAssociations(ctx, edgeFunctions ?? {}, [...path, "edgeFunctions"], diagnostics);
  if (associations.length > 0) behavior.LambdaFunctionAssociations = associations;

  return {
    [controlId]: {
      Type: "AWS::CloudFront::OriginAccessControl",
      Properties: {
        OriginAccessControlConfig: {
          Name: physicalNames.originAccessControl(ctx.options.stackName, ctx.options.stage, name),
          OriginAccessControlOriginType: "s3",
          SigningBehavior: "always",
          SigningProtocol: "sigv4",
        },
      },
    },
    [distributionId]: {
      Type: "AWS::CloudFront::Distribution",
      Properties: {
        DistributionConfig: {
          Enabled: true,
          HttpVersion: "http2and3",
          Origins: [
            {
              Id: ORIGIN_ID,
              DomainName: getAtt(bucketId, "RegionalDomainName"),
              // Origin access control replaces the legacy identity, which must then be empty.
              S3OriginConfig: { OriginAccessIdentity: "" },
              OriginAccessControlId: getAtt(controlId, "Id"),
            },
          ],
          DefaultCacheBehavior: behavior,
        },
      },
    },
    [logicalIds.bucketPolicy(name)]: {
      Type: "AWS::S3::BucketPolicy",
      Properties: {
        Bucket: ref(bucketId),
        PolicyDocument: {
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Principal: { Service: "cloudfront.amazonaws.com" },
              Action: "s3:GetObject",
              Resource: sub(`\${${bucketId}.Arn}/*`),
              Condition: {
                StringEquals: {
                  "AWS:SourceArn": sub(`arn:\${AWS::Partition}:cloudfront::\${AWS::AccountId}:distribution/\${${distributionId}}`),
                },
              },
            },
          ],
        },
      },
    },
  };
}

export function renderBucket(ctx: RenderContext, name: string, bucket: Bucket, path: DefinitionPath): Fragment {
  const bucketId = logicalIds.bucket(name);
  const props = bucket.properties ?? {};
  const notifications = s3Notifications(ctx, name);
  const diagnostics: Diagnostic[] = [...notifications.diagnostics];

  const properties: Record<string, CfValue> = {
    BucketName: bucketName(ctx.options, name),
    PublicAccessBlockConfiguration: {
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    },
  };
  if (props.versioning !== undefined) {
    properties.VersioningConfiguration = { Status: props.versioning ? "Enabled" : "Suspended" };
  }
  if (notifications.lambdaConfigurations.length > 0) {
    properties.NotificationConfiguration = { LambdaConfigurations: notifications.lambdaConfigurations };
  }
  const bucketResource: CfResource = { Type: "AWS::S3::Bucket", Properties: properties };
  if (notifications.dependsOn.length > 0) bucketResource.DependsOn = notifications.dependsOn;

  const resources: Record<string, CfResource> = { [bucketId]: bucketResource };
  const outputs: Fragment["outputs"] = {
    [logicalIds.output(name, "name")]: { Description: `Name of bucket ${name}`, Value: ref(bucketId) },
  };
  if (props.cdn?.enabled) {
    Object.assign(resources, cdnResources(ctx, name, props.cdn.edgeFunctions, [...path, "properties", "cdn"], diagnostics));
    outputs[logicalIds.output(name, "cdnDomain")] = {
      Description: `CloudFront domain of bucket ${name}`,
      Value: getAtt(logicalIds.distribution(name), "DomainName"),
    };
  }
  return fragment(path, { resources, outputs, diagnostics });
}
