import { describe, expect, it } from "vitest";
import {
  collectDirectives,
  CONNECT_TO_ENV_PARAMS,
  connectToEnvVarName,
  isReferenceableParam,
  parseDirective,
  REFERENCEABLE_PARAMS,
  secretDynamicReference,
  toUpperSnakeCase,
} from "./directives";
import type { StackResourceType } from "./schema";

describe("parseDirective", () => {
  it("parses $ResourceParam with single or double quotes and spacing", () => {
    expect(parseDirective("$ResourceParam('myBucket', 'arn')")).toEqual({ ok: true, directive: { kind: "ResourceParam", resourceName: "myBucket", param: "arn" } });
    expect(parseDirective(' $ResourceParam( "myBucket" ,"name" ) ')).toEqual({ ok: true, directive: { kind: "ResourceParam", resourceName: "myBucket", param: "name" } });
  });

  it("parses $CfResourceParam including dotted attributes", () => {
    expect(parseDirective("$CfResourceParam('mySqsQueue', 'QueueUrl')")).toEqual({ ok: true, directive: { kind: "CfResourceParam", logicalId: "mySqsQueue", attribute: "QueueUrl" } });
    expect(parseDirective("$CfResourceParam('Db', 'Endpoint.Address')")).toMatchObject({ ok: true, directive: { attribute: "Endpoint.Address" } });
  });

  it("parses $Secret with and without a JSON key", () => {
    expect(parseDirective("$Secret('dbSecret.password')")).toEqual({ ok: true, directive: { kind: "Secret", secretName: "dbSecret", jsonKey: "password" } });
    expect(parseDirective("$Secret('upstash-api-key')")).toEqual({ ok: true, directive: { kind: "Secret", secretName: "upstash-api-key" } });
  });

  it("leaves strings that only start with $ alone", () => {
    expect(parseDirective("$request.header.Authorization")).toBeNull();
    expect(parseDirective("$context.routeKey")).toBeNull();
    expect(parseDirective("plain")).toBeNull();
    expect(parseDirective("cost: $5")).toBeNull();
  });

  it.each([
    ["$ResourceParam(myBucket, arn)", /malformed \$ResourceParam.*quoted/],
    ["$ResourceParam('myBucket')", /takes 2 arguments, got 1/],
    ["$ResourceParam('my-bucket', 'arn')", /not a valid resource name/],
    ["$ResourceParam('a', 'b'", /malformed/],
    ["$ResourceParam", /malformed/],
    ["$CfResourceParam('Topic')", /takes 2 arguments/],
    ["$CfResourceParam('My-Topic', 'Arn')", /not a valid logical id/],
    ["$Secret('a.b', 'c')", /takes 1 argument, got 2/],
    ["$Secret('bad name.key')", /not a valid secret name/],
    ["$Secret('name.a:b')", /not a valid JSON key/],
    ["$MyCustomDirective('x')", /unknown directive \$MyCustomDirective; supported/],
    ["$resourceParam('a', 'arn')", /case-sensitive: did you mean \$ResourceParam/],
  ])("rejects %s", (value, message) => {
    const result = parseDirective(value);
    expect(result?.ok).toBe(false);
    expect(result && !result.ok && result.message).toMatch(message);
  });
});

describe("secretDynamicReference", () => {
  it("renders a Secrets Manager dynamic reference, with the JSON key when given", () => {
    expect(secretDynamicReference({ secretName: "dbSecret", jsonKey: "password" })).toBe("{{resolve:secretsmanager:dbSecret:SecretString:password}}");
    expect(secretDynamicReference({ secretName: "apiKey" })).toBe("{{resolve:secretsmanager:apiKey}}");
  });
});

describe("collectDirectives", () => {
  it("finds directives at any depth with their paths, skipping plain strings", () => {
    const found = collectDirectives({ a: ["x", "$Secret('s.k')"], b: { c: "$ResourceParam('r', 'arn')", d: 3 } });
    expect(found.map((f) => [f.path, f.result.ok])).toEqual([
      [["a", 1], true],
      [["b", "c"], true],
    ]);
  });
});

describe("referenceable params and connectTo variables", () => {
  it("every connectTo variable reads a parameter the target type exposes", () => {
    for (const [type, vars] of Object.entries(CONNECT_TO_ENV_PARAMS)) {
      for (const param of Object.values(vars)) expect(isReferenceableParam(type as StackResourceType, param), `${type}.${param}`).toBe(true);
    }
  });

  it("exposes the parameters the seeds and the issue name", () => {
    expect(Object.keys(REFERENCEABLE_PARAMS.function)).toEqual(["arn", "logGroupArn"]);
    expect(Object.keys(REFERENCEABLE_PARAMS["user-auth-pool"])).toEqual(["id", "clientId", "arn"]);
    expect(Object.keys(REFERENCEABLE_PARAMS["dynamo-db-table"])).toEqual(["name", "arn", "streamArn"]);
    expect(isReferenceableParam("bucket", "host")).toBe(false);
    expect(isReferenceableParam("bucket", "toString")).toBe(false);
  });

  it("names variables STP_<UPPER_SNAKE_RESOURCE>_<PARAM> as the seed shows", () => {
    expect(connectToEnvVarName("myDynamoTable", "NAME")).toBe("STP_MY_DYNAMO_TABLE_NAME");
    expect(connectToEnvVarName("myEventBus", "ARN")).toBe("STP_MY_EVENT_BUS_ARN");
    expect(toUpperSnakeCase("httpAPIGateway")).toBe("HTTP_API_GATEWAY");
    expect(toUpperSnakeCase("table2Users")).toBe("TABLE2_USERS");
  });
});
