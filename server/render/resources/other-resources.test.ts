import { describe, expect, it } from "vitest";
import { functionYaml, props, renderYaml, resource } from "../test-support";

describe("http-api-gateway", () => {
  it("is an HTTP API with an auto-deployed $default stage and its URL as an output", () => {
    const { template, diagnostics } = renderYaml("resources:\n  api:\n    type: http-api-gateway\n");
    expect(diagnostics).toEqual([]);
    expect(props(template, "ApiHttpApi")).toEqual({ Name: "app-dev-api", ProtocolType: "HTTP" });
    expect(props(template, "ApiHttpApiStage")).toEqual({ ApiId: { Ref: "ApiHttpApi" }, StageName: "$default", AutoDeploy: true });
    expect(template.Outputs?.ApiUrl.Value).toEqual({ "Fn::GetAtt": ["ApiHttpApi", "ApiEndpoint"] });
  });

  it("maps cors, and refuses credentials with any origin", () => {
    const { template } = renderYaml(`
resources:
  api:
    type: http-api-gateway
    properties:
      cors:
        enabled: true
        allowedOrigins: [https://app.example.com]
        allowCredentials: true
        maxAge: 600
`);
    expect(props(template, "ApiHttpApi").CorsConfiguration).toEqual({
      AllowOrigins: ["https://app.example.com"],
      AllowMethods: ["*"],
      AllowHeaders: ["*"],
      AllowCredentials: true,
      MaxAge: 600,
    });
    const { diagnostics } = renderYaml(
      "resources:\n  api:\n    type: http-api-gateway\n    properties:\n      cors:\n        enabled: true\n        allowCredentials: true\n",
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({ path: ["resources", "api", "properties", "cors", "allowCredentials"] }),
    ]);
  });
});

describe("dynamo-db-table", () => {
  it("maps keys, billing and stream", () => {
    const { template } = renderYaml(`
resources:
  orders:
    type: dynamo-db-table
    properties:
      primaryKey:
        partitionKey: { name: customer, type: string }
        sortKey: { name: createdAt, type: number }
      provisionedThroughput: { readUnits: 5, writeUnits: 2 }
      streamType: KEYS_ONLY
`);
    expect(props(template, "OrdersTable")).toEqual({
      AttributeDefinitions: [
        { AttributeName: "customer", AttributeType: "S" },
        { AttributeName: "createdAt", AttributeType: "N" },
      ],
      KeySchema: [
        { AttributeName: "customer", KeyType: "HASH" },
        { AttributeName: "createdAt", KeyType: "RANGE" },
      ],
      BillingMode: "PROVISIONED",
      ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 2 },
      StreamSpecification: { StreamViewType: "KEYS_ONLY" },
    });
  });
});

describe("user-auth-pool", () => {
  it("verifies emails by code by default and by link through a hosted domain", () => {
    const code = renderYaml("resources:\n  users:\n    type: user-auth-pool\n");
    expect(props(code.template, "UsersUserPool").VerificationMessageTemplate).toEqual({ DefaultEmailOption: "CONFIRM_WITH_CODE" });
    expect(code.template.Resources).not.toHaveProperty("UsersUserPoolDomain");
    const link = renderYaml("resources:\n  users:\n    type: user-auth-pool\n    properties:\n      userVerificationType: email-link\n");
    expect(props(link.template, "UsersUserPool").VerificationMessageTemplate).toEqual({ DefaultEmailOption: "CONFIRM_WITH_LINK" });
    expect(props(link.template, "UsersUserPoolDomain").Domain).toMatch(/^app-dev-users-[0-9a-f]{8}$/);
    const none = renderYaml("resources:\n  users:\n    type: user-auth-pool\n    properties:\n      userVerificationType: none\n");
    expect(props(none.template, "UsersUserPool")).not.toHaveProperty("AutoVerifiedAttributes");
  });
});

describe("event-bus", () => {
  it("archives events when asked", () => {
    const { template } = renderYaml(
      "resources:\n  bus:\n    type: event-bus\n    properties:\n      archive:\n        enabled: true\n        retentionDays: 30\n",
    );
    expect(props(template, "BusEventBusArchive")).toEqual({ SourceArn: { "Fn::GetAtt": ["BusEventBus", "Arn"] }, RetentionDays: 30 });
  });
});

describe("application-load-balancer", () => {
  it("is an internet-facing ALB in the default VPC with a 404 listener on port 80 by default", () => {
    const { template, diagnostics } = renderYaml("resources:\n  lb:\n    type: application-load-balancer\n");
    expect(diagnostics).toEqual([]);
    expect(props(template, "LbLoadBalancer")).toEqual({
      Type: "application",
      Scheme: "internet-facing",
      Subnets: [{ Ref: "DefaultVpcSubnet0" }, { Ref: "DefaultVpcSubnet1" }],
      SecurityGroups: [{ Ref: "LbLoadBalancerSecurityGroup" }],
    });
    expect(resource(template, "LbLoadBalancer").DependsOn).toEqual(["DefaultVpcGatewayAttachment"]);
    expect(props(template, "LbListener80")).toMatchObject({ Port: 80, Protocol: "HTTP", LoadBalancerArn: { Ref: "LbLoadBalancer" } });
    expect(props(template, "LbLoadBalancerSecurityGroup").SecurityGroupIngress).toEqual([
      { IpProtocol: "tcp", FromPort: 80, ToPort: 80, CidrIp: "0.0.0.0/0", Description: "HTTP listener" },
    ]);
    expect(resource(template, "DefaultVpcInternetRoute").DependsOn).toEqual(["DefaultVpcGatewayAttachment"]);
  });

  it("needs a certificate for HTTPS listeners", () => {
    const { diagnostics } = renderYaml(
      "resources:\n  lb:\n    type: application-load-balancer\n    properties:\n      listeners:\n        - port: 443\n          protocol: HTTPS\n",
    );
    expect(diagnostics).toEqual([expect.objectContaining({ path: ["resources", "lb", "properties", "listeners", 0] })]);
  });
});

describe("cloudformationResources and overrides", () => {
  it("copies raw resources with directives resolved", () => {
    const { template } = renderYaml(`
resources:
${functionYaml("api")}cloudformationResources:
  Alarm:
    Type: AWS::CloudWatch::Alarm
    DeletionPolicy: Retain
    Properties:
      Namespace: AWS/Lambda
      MetricName: Errors
      Dimensions:
        - Name: FunctionName
          Value: $ResourceParam('api', 'arn')
`);
    expect(resource(template, "Alarm").DeletionPolicy).toBe("Retain");
    expect((props(template, "Alarm").Dimensions as unknown[])[0]).toEqual({
      Name: "FunctionName",
      Value: { "Fn::Sub": "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:app-dev-api" },
    });
  });

  it("deep-merges overrides into a resource this one rendered, and refuses others", () => {
    const { template, diagnostics } = renderYaml(`
resources:
  api:
    type: function
    properties:
      packaging:
        type: stacktape-lambda-buildpack
        properties:
          entryfilePath: src/api.ts
    overrides:
      ApiFunction:
        Description: tuned by hand
        TracingConfig:
          Mode: Active
      ApiLogGroup:
        RetentionInDays: null
`);
    expect(diagnostics).toEqual([]);
    expect(props(template, "ApiFunction")).toMatchObject({ Description: "tuned by hand", TracingConfig: { Mode: "Active" }, MemorySize: 128 });
    expect(props(template, "ApiLogGroup")).toEqual({ LogGroupName: "/aws/lambda/app-dev-api" });

    const foreign = renderYaml(`
resources:
  other:
    type: bucket
  api:
    type: function
    properties:
      packaging:
        type: stacktape-lambda-buildpack
        properties:
          entryfilePath: src/api.ts
    overrides:
      OtherBucket:
        BucketName: stolen
`);
    expect(foreign.diagnostics).toEqual([expect.objectContaining({ path: ["resources", "api", "overrides", "OtherBucket"] })]);
  });

  it("refuses overrides of names other resources derive from, naming the property", () => {
    const { template, diagnostics } = renderYaml(`
resources:
  files:
    type: bucket
    overrides:
      FilesBucket:
        BucketName: my-files
${functionYaml("api")}    overrides:
      ApiFunction:
        FunctionName: renamed
        LoggingConfig:
          LogGroup: elsewhere
      ApiLogGroup:
        LogGroupName: /custom/api
        RetentionInDays: 7
`);
    expect(diagnostics.map((d) => [d.path.join("."), d.severity])).toEqual([
      ["resources.files.overrides.FilesBucket.BucketName", "error"],
      ["resources.api.overrides.ApiFunction.FunctionName", "error"],
      ["resources.api.overrides.ApiFunction.LoggingConfig", "error"],
      ["resources.api.overrides.ApiLogGroup.LogGroupName", "error"],
    ]);
    expect(diagnostics[1].message).toMatch(/'FunctionName' cannot be overridden: the renderer derives function ARNs/);
    // Nothing of a refused override is applied, so the template never holds half a rename.
    expect(props(template, "ApiFunction").FunctionName).toBe("app-dev-api");
    expect(props(template, "ApiLogGroup")).toEqual({ LogGroupName: "/aws/lambda/app-dev-api", RetentionInDays: expect.any(Number) });
  });

  it("reports a raw resource whose logical id collides with a rendered one", () => {
    const { diagnostics } = renderYaml(`
resources:
${functionYaml("api")}cloudformationResources:
  ApiFunction:
    Type: AWS::SNS::Topic
`);
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: "error", code: "collision", path: ["cloudformationResources", "ApiFunction"] }),
    ]);
  });

  it("reports DependsOn naming a resource the template does not have", () => {
    const { diagnostics } = renderYaml(`
resources:
${functionYaml("api")}cloudformationResources:
  Topic:
    Type: AWS::SNS::Topic
    DependsOn: [ApiFunction, Nothing]
`);
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: "error", path: ["cloudformationResources", "Topic", "DependsOn", 1] }),
    ]);
  });

  it("refuses a stack that renders no resources (CloudFormation needs one)", () => {
    expect(renderYaml("resources: {}\n").diagnostics).toEqual([expect.objectContaining({ severity: "error", path: ["resources"] })]);
  });
});
