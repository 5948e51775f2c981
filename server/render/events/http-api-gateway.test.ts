import { describe, expect, it } from "vitest";
import type { CfTemplate } from "../cfn";
import { functionYaml, props, renderYaml, resource, resourcesOfType } from "../test-support";

const onlyAuthorizer = (template: CfTemplate) => {
  const authorizers = resourcesOfType(template, "AWS::ApiGatewayV2::Authorizer");
  expect(authorizers).toHaveLength(1);
  return authorizers[0][0];
};

const api = `  api:
    type: http-api-gateway
`;
const withEvent = (event: string, extra = "") => `
resources:
${api}${extra}${functionYaml(
  "handler",
  `      events:
        - type: http-api-gateway
          properties:
            httpApiGatewayName: api
${event}`,
)}`;

describe("http-api-gateway event", () => {
  it("routes METHOD path to a Lambda proxy integration of the function", () => {
    const { template, diagnostics } = renderYaml(withEvent("            path: /hello\n            method: GET\n"));
    expect(diagnostics).toEqual([]);
    const route = props(template, "HandlerEvent0Route");
    expect(route.ApiId).toEqual({ Ref: "ApiHttpApi" });
    expect(route.RouteKey).toBe("GET /hello");
    expect(route.AuthorizationType).toBe("NONE");
    expect(route.Target).toEqual({ "Fn::Join": ["/", ["integrations", { Ref: "HandlerEvent0Integration" }]] });
    const integration = props(template, "HandlerEvent0Integration");
    expect(integration.IntegrationType).toBe("AWS_PROXY");
    expect(integration.IntegrationUri).toEqual({ "Fn::GetAtt": ["HandlerFunction", "Arn"] });
    expect(integration.PayloadFormatVersion).toBe("1.0");
  });

  it("maps payloadFormat to PayloadFormatVersion and method * to ANY", () => {
    const { template } = renderYaml(withEvent("            path: /items/{id}\n            method: '*'\n            payloadFormat: '2.0'\n"));
    expect(props(template, "HandlerEvent0Route").RouteKey).toBe("ANY /items/{id}");
    expect(props(template, "HandlerEvent0Integration").PayloadFormatVersion).toBe("2.0");
  });

  it("lets API Gateway invoke the function for that route only", () => {
    const { template } = renderYaml(withEvent("            path: /items/{id}\n            method: POST\n"));
    const permission = props(template, "HandlerEvent0Permission");
    expect(permission.Principal).toBe("apigateway.amazonaws.com");
    expect(permission.FunctionName).toEqual({ Ref: "HandlerFunction" });
    expect(permission.SourceArn).toEqual({
      "Fn::Sub": "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${ApiHttpApi}/*/POST/items/*",
    });
  });

  it("turns a cognito authorizer into a JWT authorizer whose issuer is the pool and audience its client", () => {
    const { template, diagnostics } = renderYaml(
      withEvent(
        `            path: /me
            method: GET
            authorizer:
              type: cognito
              properties:
                userPoolName: users
`,
        "  users:\n    type: user-auth-pool\n",
      ),
    );
    expect(diagnostics).toEqual([]);
    const authorizerId = onlyAuthorizer(template);
    expect(authorizerId).toMatch(/^ApiHttpApiAuthorizer[0-9a-f]{8}$/);
    const authorizer = props(template, authorizerId);
    expect(authorizer.AuthorizerType).toBe("JWT");
    expect(authorizer.IdentitySource).toEqual(["$request.header.Authorization"]);
    expect(authorizer.JwtConfiguration).toEqual({
      Audience: [{ Ref: "UsersUserPoolClient" }],
      Issuer: { "Fn::Sub": "https://cognito-idp.${AWS::Region}.amazonaws.com/${UsersUserPool}" },
    });
    expect(resource(template, "UsersUserPool").Type).toBe("AWS::Cognito::UserPool");
    const route = props(template, "HandlerEvent0Route");
    expect(route.AuthorizationType).toBe("JWT");
    expect(route.AuthorizerId).toEqual({ Ref: authorizerId });
  });

  it("turns a lambda authorizer into a REQUEST authorizer that API Gateway may invoke", () => {
    const { template, diagnostics } = renderYaml(
      withEvent(
        `            path: /admin
            method: GET
            authorizer:
              type: lambda
              properties:
                functionName: guard
                iamResponse: true
                identitySources:
                  - $request.header.Authorization
                  - $context.routeKey
                cacheResultSeconds: 300
`,
        functionYaml("guard"),
      ),
    );
    expect(diagnostics).toEqual([]);
    const authorizerId = onlyAuthorizer(template);
    const authorizer = props(template, authorizerId);
    expect(authorizer.AuthorizerType).toBe("REQUEST");
    expect(authorizer.EnableSimpleResponses).toBe(false);
    expect(authorizer.AuthorizerPayloadFormatVersion).toBe("2.0");
    expect(authorizer.IdentitySource).toEqual(["$request.header.Authorization", "$context.routeKey"]);
    expect(authorizer.AuthorizerResultTtlInSeconds).toBe(300);
    expect(authorizer.AuthorizerUri).toEqual({
      "Fn::Sub": [
        "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${FunctionArn}/invocations",
        { FunctionArn: { "Fn::GetAtt": ["GuardFunction", "Arn"] } },
      ],
    });
    expect(props(template, "HandlerEvent0Route").AuthorizationType).toBe("CUSTOM");
    const permission = props(template, `${authorizerId}Permission`);
    expect(permission.FunctionName).toEqual({ Ref: "GuardFunction" });
    expect(permission.SourceArn).toEqual({
      "Fn::Sub": `arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${ApiHttpApi}/authorizers/\${${authorizerId}}`,
    });
  });

  it("uses simple responses unless iamResponse is set", () => {
    const { template } = renderYaml(
      withEvent(
        "            path: /x\n            method: GET\n            authorizer:\n              type: lambda\n              properties:\n                functionName: guard\n",
        functionYaml("guard"),
      ),
    );
    expect(props(template, onlyAuthorizer(template)).EnableSimpleResponses).toBe(true);
    expect(props(template, onlyAuthorizer(template)).AuthorizerResultTtlInSeconds).toBe(0);
  });

  it("refuses authorizer caching without identity sources (they are the cache key)", () => {
    const { diagnostics } = renderYaml(
      withEvent(
        "            path: /x\n            method: GET\n            authorizer:\n              type: lambda\n              properties:\n                functionName: guard\n                cacheResultSeconds: 60\n",
        functionYaml("guard"),
      ),
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: "error",
        path: ["resources", "handler", "properties", "events", 0, "properties", "authorizer", "properties", "cacheResultSeconds"],
      }),
    ]);
  });

  it("reports a gateway that is not in the stack at the event's httpApiGatewayName", () => {
    const { diagnostics } = renderYaml(`
resources:
${functionYaml(
  "handler",
  `      events:
        - type: http-api-gateway
          properties:
            httpApiGatewayName: missing
            path: /
            method: GET
`,
)}`);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: "error",
        path: ["resources", "handler", "properties", "events", 0, "properties", "httpApiGatewayName"],
      }),
    ]);
  });

  it("shares one authorizer between routes with the same configuration (an HTTP API allows 10)", () => {
    const route = (path: string) => `        - type: http-api-gateway
          properties:
            httpApiGatewayName: api
            path: ${path}
            method: GET
            authorizer:
              type: cognito
              properties:
                userPoolName: users
`;
    const { template, diagnostics } = renderYaml(`
resources:
${api}  users:
    type: user-auth-pool
${functionYaml("handler", `      events:\n${route("/a")}${route("/b")}`)}${functionYaml("other", `      events:\n${route("/c")}`)}`);
    expect(diagnostics).toEqual([]);
    const authorizerId = onlyAuthorizer(template);
    for (const id of ["HandlerEvent0Route", "HandlerEvent1Route", "OtherEvent0Route"]) {
      expect(props(template, id).AuthorizerId).toEqual({ Ref: authorizerId });
    }
  });
});
