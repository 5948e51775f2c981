import { describe, expect, it } from "vitest";
import { props, renderYaml, resource, resourcesAllowed } from "../test-support";

const edge = (name: string, extra = "") => `  ${name}:
    type: edge-lambda-function
    properties:
      packaging:
        type: stacktape-lambda-buildpack
        properties:
          entryfilePath: ${name}.ts
${extra}`;
const cdnBucket = (edgeFunctions: string) => `  site:
    type: bucket
    properties:
      cdn:
        enabled: true
${edgeFunctions}`;

const versionOf = (template: { Resources: Record<string, unknown> }, fn: string) =>
  Object.keys(template.Resources).find((id) => new RegExp(`^${fn}Version[0-9a-f]{10}$`).test(id))!;

describe("edge-lambda-function and bucket cdn", () => {
  it("associates each trigger with a published version of its edge function", () => {
    const { template, diagnostics } = renderYaml(`
resources:
${edge("auth")}${edge("cookies")}${edge("rewrite", "      timeout: 30\n")}${edge("headers")}${cdnBucket(`        edgeFunctions:
          onRequest: auth
          onResponse: cookies
          onOriginRequest: rewrite
          onOriginResponse: headers
`)}`);
    expect(diagnostics).toEqual([]);
    const behavior = (props(template, "SiteDistribution").DistributionConfig as { DefaultCacheBehavior: Record<string, unknown> })
      .DefaultCacheBehavior;
    expect(behavior.LambdaFunctionAssociations).toEqual([
      { EventType: "viewer-request", LambdaFunctionARN: { Ref: versionOf(template, "Auth") } },
      { EventType: "viewer-response", LambdaFunctionARN: { Ref: versionOf(template, "Cookies") } },
      { EventType: "origin-request", LambdaFunctionARN: { Ref: versionOf(template, "Rewrite") } },
      { EventType: "origin-response", LambdaFunctionARN: { Ref: versionOf(template, "Headers") } },
    ]);
    expect(props(template, versionOf(template, "Auth")).FunctionName).toEqual({ Ref: "AuthFunction" });
  });

  it("gives the edge function 128 MB and 3 s by default, a role Lambda@Edge can assume, and log rights in every region", () => {
    const { template } = renderYaml(`
resources:
${edge("auth")}${cdnBucket("        edgeFunctions:\n          onRequest: auth\n")}`);
    expect(props(template, "AuthFunction")).toMatchObject({ MemorySize: 128, Timeout: 3, Runtime: "nodejs24.x" });
    expect(props(template, "AuthFunction")).not.toHaveProperty("Environment");
    const trust = props(template, "AuthRole").AssumeRolePolicyDocument as { Statement: { Principal: unknown }[] };
    expect(trust.Statement[0].Principal).toEqual({ Service: ["lambda.amazonaws.com", "edgelambda.amazonaws.com"] });
    expect(resourcesAllowed(template, "AuthRole", "logs:CreateLogGroup")).toEqual([
      { "Fn::Sub": "arn:${AWS::Partition}:logs:*:${AWS::AccountId}:log-group:/aws/lambda/us-east-1.app-dev-auth:*" },
    ]);
  });

  it("publishes a new version when the edge function's code changes", () => {
    const yaml = `
resources:
${edge("auth")}${cdnBucket("        edgeFunctions:\n          onRequest: auth\n")}`;
    const a = renderYaml(yaml, { artifacts: { auth: { bucket: "b", key: "app/auth/aaaa.zip" } } });
    const b = renderYaml(yaml, { artifacts: { auth: { bucket: "b", key: "app/auth/bbbb.zip" } } });
    expect(versionOf(a.template, "Auth")).not.toBe(versionOf(b.template, "Auth"));
  });

  it("serves the private bucket through origin access control, readable only by that distribution", () => {
    const { template } = renderYaml(`
resources:
${cdnBucket("")}`);
    const config = props(template, "SiteDistribution").DistributionConfig as { Origins: Record<string, unknown>[] };
    expect(config.Origins[0]).toEqual({
      Id: "bucket",
      DomainName: { "Fn::GetAtt": ["SiteBucket", "RegionalDomainName"] },
      S3OriginConfig: { OriginAccessIdentity: "" },
      OriginAccessControlId: { "Fn::GetAtt": ["SiteOriginAccessControl", "Id"] },
    });
    expect(props(template, "SiteBucketPolicy").PolicyDocument).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { Service: "cloudfront.amazonaws.com" },
          Action: "s3:GetObject",
          Resource: { "Fn::Sub": "${SiteBucket.Arn}/*" },
          Condition: {
            StringEquals: {
              "AWS:SourceArn": { "Fn::Sub": "arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${SiteDistribution}" },
            },
          },
        },
      ],
    });
    expect(props(template, "SiteBucket").PublicAccessBlockConfiguration).toMatchObject({ BlockPublicPolicy: true });
    expect(template.Outputs?.SiteCdnDomain.Value).toEqual({ "Fn::GetAtt": ["SiteDistribution", "DomainName"] });
  });

  it("refuses edge functions outside us-east-1 and cdn triggers naming something else", () => {
    const region = renderYaml(`
resources:
${edge("auth")}`, { region: "eu-west-1" });
    expect(region.diagnostics).toEqual([expect.objectContaining({ severity: "error", path: ["resources", "auth"] })]);
    const wrong = renderYaml(`
resources:
${cdnBucket("        edgeFunctions:\n          onRequest: nothere\n")}`);
    expect(wrong.diagnostics).toEqual([
      expect.objectContaining({ path: ["resources", "site", "properties", "cdn", "edgeFunctions", "onRequest"] }),
    ]);
    expect(resource(wrong.template, "SiteDistribution").Type).toBe("AWS::CloudFront::Distribution");
  });
});
