import { describe, expect, it } from "vitest";
import { functionYaml, props, renderYaml, resource, resourcesAllowed, roleStatements } from "../test-support";

const single = (extra: string, more = "") => `
resources:
${functionYaml("api", extra)}${more}`;

describe("function", () => {
  it("runs the artifact's code with the detected runtime and the documented defaults", () => {
    const { template, diagnostics } = renderYaml(single(""));
    expect(diagnostics).toEqual([]);
    const fn = props(template, "ApiFunction");
    expect(fn).toMatchObject({
      FunctionName: "app-dev-api",
      Role: { "Fn::GetAtt": ["ApiRole", "Arn"] },
      Code: { S3Bucket: "artifacts-bucket", S3Key: "app/api/0123abcd.zip" },
      Runtime: "nodejs24.x",
      Handler: "index.default",
      MemorySize: 128,
      Timeout: 10,
      Architectures: ["x86_64"],
    });
    expect(fn).not.toHaveProperty("Environment");
  });

  it("maps memory, timeout, storage, architecture, runtime, reserved concurrency and tags", () => {
    const { template } = renderYaml(
      single(`      memory: 1024
      timeout: 300
      storage: 2048
      architecture: arm64
      runtime: nodejs24.x
      reservedConcurrency: 5
      tags:
        - name: team
          value: payments
`),
    );
    expect(props(template, "ApiFunction")).toMatchObject({
      MemorySize: 1024,
      Timeout: 300,
      EphemeralStorage: { Size: 2048 },
      Architectures: ["arm64"],
      Runtime: "nodejs24.x",
      ReservedConcurrentExecutions: 5,
      Tags: [{ Key: "team", Value: "payments" }],
    });
  });

  it("reports a buildpack function without a code artifact", () => {
    const { diagnostics } = renderYaml(single(""), { artifacts: {} });
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: "error", path: ["resources", "api", "properties", "packaging"] }),
    ]);
  });

  it("runs prebuilt S3 artifacts and container images as given", () => {
    const s3 = renderYaml(`
resources:
  api:
    type: function
    properties:
      runtime: python3.13
      packaging:
        type: s3-artifact
        properties:
          bucketName: builds
          key: api/1.zip
          handler: app.main
`);
    expect(s3.diagnostics).toEqual([]);
    expect(props(s3.template, "ApiFunction")).toMatchObject({
      Code: { S3Bucket: "builds", S3Key: "api/1.zip" },
      Runtime: "python3.13",
      Handler: "app.main",
    });
    const image = renderYaml(`
resources:
  api:
    type: function
    properties:
      packaging:
        type: container-image
        properties:
          imageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1
          command: [app.handler]
`);
    expect(image.diagnostics).toEqual([]);
    const fn = props(image.template, "ApiFunction");
    expect(fn).toMatchObject({
      PackageType: "Image",
      Code: { ImageUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1" },
      ImageConfig: { Command: ["app.handler"] },
    });
    expect(fn).not.toHaveProperty("Runtime");
    expect(fn).not.toHaveProperty("Handler");
  });

  it("writes logs to its own log group only, kept for 180 days unless configured", () => {
    const { template } = renderYaml(single(""));
    expect(props(template, "ApiLogGroup")).toEqual({ LogGroupName: "/aws/lambda/app-dev-api", RetentionInDays: 180 });
    expect(resource(template, "ApiFunction").DependsOn).toEqual(["ApiLogGroup"]);
    expect(roleStatements(template, "ApiRole")).toEqual([
      {
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
        Resource: [{ "Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/app-dev-api:*" }],
      },
    ]);
    const trust = props(template, "ApiRole").AssumeRolePolicyDocument as { Statement: { Principal: unknown }[] };
    expect(trust.Statement[0].Principal).toEqual({ Service: ["lambda.amazonaws.com"] });

    const configured = renderYaml(single("      logging:\n        retentionDays: 14\n"));
    expect(props(configured.template, "ApiLogGroup").RetentionInDays).toBe(14);
    const disabled = renderYaml(single("      logging:\n        disabled: true\n"));
    expect(disabled.template.Resources).not.toHaveProperty("ApiLogGroup");
    expect(roleStatements(disabled.template, "ApiRole")).toEqual([]);
  });

  it("resolves directives in environment variables; secrets become dynamic references, never values", () => {
    const { template, diagnostics } = renderYaml(
      single(
        `      environment:
        - name: STATIC
          value: plain
        - name: PORT
          value: 8080
        - name: BUCKET
          value: $ResourceParam('files', 'name')
        - name: TOPIC
          value: $CfResourceParam('topic', 'TopicArn')
        - name: DB_PASSWORD
          value: $Secret('dbSecret.password')
`,
        "  files:\n    type: bucket\ncloudformationResources:\n  topic:\n    Type: AWS::SNS::Topic\n",
      ),
    );
    expect(diagnostics).toEqual([]);
    expect(props(template, "ApiFunction").Environment).toEqual({
      Variables: {
        STATIC: "plain",
        PORT: "8080",
        BUCKET: { "Fn::Sub": "app-dev-files-${AWS::AccountId}-${AWS::Region}" },
        TOPIC: { "Fn::GetAtt": ["topic", "TopicArn"] },
        DB_PASSWORD: "{{resolve:secretsmanager:dbSecret:SecretString:password}}",
      },
    });
  });

  it("reports a $CfResourceParam whose logical id is not among cloudformationResources", () => {
    const { diagnostics } = renderYaml(single("      environment:\n        - name: TOPIC\n          value: $CfResourceParam('Nope', 'Arn')\n"));
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: "error", path: ["resources", "api", "properties", "environment", 0, "value"] }),
    ]);
  });

  it("grants allowAccessTo targets exactly the seed's actions on that resource", () => {
    const { template, diagnostics } = renderYaml(
      single(
        `      accessControl:
        allowAccessTo: [files, table, bus, worker]
`,
        `  files:
    type: bucket
  table:
    type: dynamo-db-table
    properties:
      primaryKey:
        partitionKey:
          name: id
          type: string
  bus:
    type: event-bus
${functionYaml("worker")}`,
      ),
    );
    expect(diagnostics).toEqual([]);
    const bucketArn = "arn:${AWS::Partition}:s3:::app-dev-files-${AWS::AccountId}-${AWS::Region}";
    expect(resourcesAllowed(template, "ApiRole", "s3:ListBucket")).toEqual([{ "Fn::Sub": bucketArn }]);
    for (const action of ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:PutObjectTagging"]) {
      expect(resourcesAllowed(template, "ApiRole", action)).toEqual([{ "Fn::Sub": `${bucketArn}/*` }]);
    }
    for (const action of ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Scan", "dynamodb:Query"]) {
      expect(resourcesAllowed(template, "ApiRole", action)).toEqual([
        { "Fn::GetAtt": ["TableTable", "Arn"] },
        { "Fn::Sub": "${TableTable.Arn}/index/*" },
      ]);
    }
    expect(resourcesAllowed(template, "ApiRole", "dynamodb:DescribeStream")).toEqual([{ "Fn::Sub": "${TableTable.Arn}/stream/*" }]);
    expect(resourcesAllowed(template, "ApiRole", "events:PutEvents")).toEqual([{ "Fn::GetAtt": ["BusEventBus", "Arn"] }]);
    expect(resourcesAllowed(template, "ApiRole", "lambda:InvokeFunction")).toEqual([{ "Fn::Sub": "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:app-dev-worker" }, { "Fn::Sub": "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:app-dev-worker:*" }]);
    // Nothing beyond what was listed: no wildcard service grants.
    const actions = roleStatements(template, "ApiRole").flatMap((s) => s.Action);
    expect(actions.filter((a) => a.endsWith(":*"))).toEqual([]);
  });

  it("connectTo grants the same access and injects STP_ variables; a user pool gets cognito-idp:* on that pool", () => {
    const { template, diagnostics } = renderYaml(
      single(
        "      connectTo: [users, table, aws:ses]\n",
        `  users:
    type: user-auth-pool
  table:
    type: dynamo-db-table
    properties:
      primaryKey:
        partitionKey:
          name: id
          type: string
      streamType: NEW_IMAGE
`,
      ),
    );
    expect(diagnostics).toEqual([]);
    expect(props(template, "ApiFunction").Environment).toEqual({
      Variables: {
        STP_USERS_ID: { Ref: "UsersUserPool" },
        STP_USERS_CLIENT_ID: { Ref: "UsersUserPoolClient" },
        STP_USERS_ARN: { "Fn::GetAtt": ["UsersUserPool", "Arn"] },
        STP_TABLE_NAME: { Ref: "TableTable" },
        STP_TABLE_ARN: { "Fn::GetAtt": ["TableTable", "Arn"] },
        STP_TABLE_STREAM_ARN: { "Fn::GetAtt": ["TableTable", "StreamArn"] },
      },
    });
    expect(resourcesAllowed(template, "ApiRole", "cognito-idp:*")).toEqual([{ "Fn::GetAtt": ["UsersUserPool", "Arn"] }]);
    expect(resourcesAllowed(template, "ApiRole", "ses:*")).toEqual(["*"]);
    expect(resourcesAllowed(template, "ApiRole", "dynamodb:Query")).toContainEqual({ "Fn::GetAtt": ["TableTable", "Arn"] });
  });

  it("appends iamRoleStatements with directives resolved", () => {
    const { template } = renderYaml(
      single(
        `      accessControl:
        iamRoleStatements:
          - Resource:
              - $CfResourceParam('topic', 'TopicArn')
            Action:
              - sns:Publish
`,
        "cloudformationResources:\n  topic:\n    Type: AWS::SNS::Topic\n",
      ),
    );
    expect(resourcesAllowed(template, "ApiRole", "sns:Publish")).toEqual([{ "Fn::GetAtt": ["topic", "TopicArn"] }]);
  });

  it("joins the default VPC: its subnets and security group, and network-interface permissions", () => {
    const { template, diagnostics } = renderYaml(single("      joinDefaultVpc: true\n"));
    expect(diagnostics).toEqual([]);
    expect(props(template, "ApiFunction").VpcConfig).toEqual({
      SubnetIds: [{ Ref: "DefaultVpcSubnet0" }, { Ref: "DefaultVpcSubnet1" }],
      SecurityGroupIds: [{ Ref: "DefaultVpcFunctionSecurityGroup" }],
    });
    expect(resource(template, "DefaultVpc").Type).toBe("AWS::EC2::VPC");
    expect(props(template, "DefaultVpcSubnet0").AvailabilityZone).toEqual({ "Fn::Select": ["0", { "Fn::GetAZs": "" }] });
    expect(props(template, "DefaultVpcSubnet1").AvailabilityZone).toEqual({ "Fn::Select": ["1", { "Fn::GetAZs": "" }] });
    expect(props(template, "DefaultVpcFunctionSecurityGroup").VpcId).toEqual({ Ref: "DefaultVpc" });
    expect(resourcesAllowed(template, "ApiRole", "ec2:CreateNetworkInterface")).toEqual(["*"]);

    const outside = renderYaml(single(""));
    expect(outside.template.Resources).not.toHaveProperty("DefaultVpc");
  });

  it("sends async results to destinations through an EventInvokeConfig, with send rights on exactly those ARNs", () => {
    const { template, diagnostics } = renderYaml(
      single(
        `      destinations:
        onSuccess: $ResourceParam('next', 'arn')
        onFailure: $CfResourceParam('failed', 'Arn')
`,
        `${functionYaml("next")}cloudformationResources:\n  failed:\n    Type: AWS::SQS::Queue\n`,
      ),
    );
    expect(diagnostics).toEqual([]);
    expect(props(template, "ApiEventInvokeConfig")).toEqual({
      FunctionName: { Ref: "ApiFunction" },
      Qualifier: "$LATEST",
      DestinationConfig: {
        OnSuccess: { Destination: { "Fn::Sub": "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:app-dev-next" } },
        OnFailure: { Destination: { "Fn::GetAtt": ["failed", "Arn"] } },
      },
    });
    expect(resource(template, "ApiEventInvokeConfig").DependsOn).toEqual(["NextFunction"]);
    expect(resourcesAllowed(template, "ApiRole", "lambda:InvokeFunction")).toEqual([{ "Fn::Sub": "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:app-dev-next" }]);
    expect(resourcesAllowed(template, "ApiRole", "sqs:SendMessage")).toEqual([{ "Fn::GetAtt": ["failed", "Arn"] }]);
  });

  it("rejects a destination that is not a queue, topic, bus or function", () => {
    const { diagnostics } = renderYaml(single("      destinations:\n        onSuccess: $ResourceParam('files', 'arn')\n", "  files:\n    type: bucket\n"));
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: "error", path: ["resources", "api", "properties", "destinations", "onSuccess"] }),
    ]);
  });

  it("publishes a version behind an alias that triggers invoke, shifting traffic through CodeDeploy", () => {
    const yaml = (memory: number) =>
      single(
        `      memory: ${memory}
      deployment:
        strategy: Canary10Percent5Minutes
        beforeAllowTrafficFunction: check
      events:
        - type: schedule
          properties:
            scheduleRate: rate(1 hour)
`,
        functionYaml("check"),
      );
    const { template, diagnostics } = renderYaml(yaml(256));
    expect(diagnostics).toEqual([]);
    const versionIds = Object.keys(template.Resources).filter((id) => /^ApiVersion[0-9a-f]{10}$/.test(id));
    expect(versionIds).toHaveLength(1);
    expect(resource(template, versionIds[0]).DeletionPolicy).toBe("Retain");
    const alias = resource(template, "ApiAlias");
    expect(alias.Properties).toEqual({
      FunctionName: { Ref: "ApiFunction" },
      FunctionVersion: { "Fn::GetAtt": [versionIds[0], "Version"] },
      Name: "live",
    });
    expect(alias.UpdatePolicy).toEqual({
      CodeDeployLambdaAliasUpdate: {
        ApplicationName: { Ref: "CodeDeployApplication" },
        DeploymentGroupName: { Ref: "ApiDeploymentGroup" },
        BeforeAllowTrafficHook: "app-dev-check",
      },
    });
    expect(props(template, "ApiDeploymentGroup")).toMatchObject({
      DeploymentConfigName: "CodeDeployDefault.LambdaCanary10Percent5Minutes",
      DeploymentStyle: { DeploymentType: "BLUE_GREEN", DeploymentOption: "WITH_TRAFFIC_CONTROL" },
    });
    expect(props(template, "CodeDeployApplication").ComputePlatform).toBe("Lambda");
    // Triggers go through the alias so the traffic shift applies to them.
    expect((props(template, "ApiEvent0Rule").Targets as { Arn: unknown }[])[0].Arn).toEqual({ Ref: "ApiAlias" });
    expect(props(template, "ApiEvent0Permission").FunctionName).toEqual({ Ref: "ApiAlias" });
    // The hook may report its result to that deployment group.
    expect(resourcesAllowed(template, "CheckRole", "codedeploy:PutLifecycleEventHookExecutionStatus")).toEqual([
      {
        "Fn::Sub":
          "arn:${AWS::Partition}:codedeploy:${AWS::Region}:${AWS::AccountId}:deploymentgroup:app-dev-lambda/app-dev-api",
      },
    ]);

    // A configuration change publishes a new version.
    const changed = renderYaml(yaml(512));
    const changedIds = Object.keys(changed.template.Resources).filter((id) => id.startsWith("ApiVersion"));
    expect(changedIds).not.toEqual(versionIds);
  });

  it("puts provisioned concurrency and weighted routing on the alias", () => {
    const { template, diagnostics } = renderYaml(
      single(`      provisionedConcurrency: 3
      deployment:
        aliasName: prod
        weightedRouting:
          version: '4'
          weight: 0.1
`),
    );
    expect(diagnostics).toEqual([]);
    expect(props(template, "ApiAlias")).toMatchObject({
      Name: "prod",
      ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 3 },
      RoutingConfig: { AdditionalVersionWeights: [{ FunctionVersion: "4", FunctionWeight: 0.1 }] },
    });
  });
});
