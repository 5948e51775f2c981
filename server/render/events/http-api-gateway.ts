// http-api-gateway: a Lambda proxy integration and a route on an HTTP API of this stack, with an
// optional JWT authorizer (cognito user pool) or REQUEST authorizer (another function).
import type { Diagnostic } from "@/lib/stack/diagnostics";
import { DEFAULT_HTTP_PAYLOAD_FORMAT } from "@/lib/stack/defaults";
import type { CognitoAuthorizer, HttpApiIntegration, LambdaAuthorizer } from "@/lib/stack/schema";
import { join, ref, sub, subLiteral, type CfResource, type CfValue } from "../cfn";
import type { RenderContext } from "../context";
import { fragment, type DefinitionPath, type Fragment, type InvokePermission } from "../fragment";
import { logicalIds, physicalNames } from "../naming";
import type { EventRenderInput } from "./types";

const DEFAULT_IDENTITY_SOURCE = "$request.header.Authorization";

const executeApiArn = (apiId: string, resource: string) =>
  sub(`arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${apiId}}/${resource}`);

/** `/users/{id}` -> `users/*`: the execute-api resource path of a route, path parameters wildcarded. */
function routeResourcePath(path: string): string {
  return subLiteral(path.replace(/\{[^}]*\}/g, "*").replace(/^\//, ""));
}

function cognitoAuthorizer(
  ctx: RenderContext,
  apiId: string,
  authorizer: CognitoAuthorizer,
  path: DefinitionPath,
  diagnostics: Diagnostic[],
): Record<string, CfValue> | undefined {
  const pool = authorizer.properties.userPoolName;
  if (!ctx.resourceOfType(pool, "user-auth-pool")) {
    diagnostics.push({
      severity: "error",
      code: "reference",
      message: `'${pool}' is not a user-auth-pool resource of this stack`,
      path: [...path, "properties", "userPoolName"],
    });
    return undefined;
  }
  return {
    ApiId: ref(apiId),
    AuthorizerType: "JWT",
    IdentitySource: authorizer.properties.identitySources ?? [DEFAULT_IDENTITY_SOURCE],
    JwtConfiguration: {
      // Cognito access tokens carry the app client id; API Gateway matches it against the audience.
      Audience: [ref(logicalIds.userPoolClient(pool))],
      Issuer: sub(`https://cognito-idp.\${AWS::Region}.amazonaws.com/\${${logicalIds.userPool(pool)}}`),
    },
  };
}

function lambdaAuthorizer(
  ctx: RenderContext,
  apiId: string,
  authorizer: LambdaAuthorizer,
  path: DefinitionPath,
  diagnostics: Diagnostic[],
): Record<string, CfValue> | undefined {
  const props = authorizer.properties;
  if (!ctx.resourceOfType(props.functionName, "function")) {
    diagnostics.push({
      severity: "error",
      code: "reference",
      message: `'${props.functionName}' is not a function resource of this stack`,
      path: [...path, "properties", "functionName"],
    });
    return undefined;
  }
  const cacheSeconds = props.cacheResultSeconds ?? 0;
  // API Gateway keys its authorizer cache on the identity sources, so caching needs at least one.
  if (cacheSeconds > 0 && !props.identitySources?.length) {
    diagnostics.push({
      severity: "error",
      code: "limit",
      message: "cacheResultSeconds above 0 requires identitySources (they are the cache key)",
      path: [...path, "properties", "cacheResultSeconds"],
    });
  }
  const properties: Record<string, CfValue> = {
    ApiId: ref(apiId),
    AuthorizerType: "REQUEST",
    AuthorizerUri: sub(
      "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${FunctionArn}/invocations",
      { FunctionArn: ctx.functionTarget(props.functionName).arn },
    ),
    AuthorizerPayloadFormatVersion: "2.0",
    EnableSimpleResponses: !props.iamResponse,
    AuthorizerResultTtlInSeconds: cacheSeconds,
  };
  if (props.identitySources?.length) properties.IdentitySource = props.identitySources;
  return properties;
}

export function renderHttpApiGatewayEvent({
  ctx,
  functionName,
  index,
  event,
  path,
}: EventRenderInput<HttpApiIntegration>): Fragment {
  const props = event.properties;
  const diagnostics: Diagnostic[] = [];
  const api = props.httpApiGatewayName;
  if (!ctx.resourceOfType(api, "http-api-gateway")) {
    return fragment(path, {
      diagnostics: [
        {
          severity: "error",
          code: "reference",
          message: `'${api}' is not an http-api-gateway resource of this stack`,
          path: [...path, "properties", "httpApiGatewayName"],
        },
      ],
    });
  }

  const apiId = logicalIds.httpApi(api);
  const target = ctx.functionTarget(functionName);
  const integrationId = logicalIds.event(functionName, index, "Integration");
  const method = props.method === "*" ? "ANY" : props.method;
  const resources: Record<string, CfResource> = {
    [integrationId]: {
      Type: "AWS::ApiGatewayV2::Integration",
      Properties: {
        ApiId: ref(apiId),
        IntegrationType: "AWS_PROXY",
        IntegrationUri: target.arn,
        PayloadFormatVersion: props.payloadFormat ?? DEFAULT_HTTP_PAYLOAD_FORMAT,
      },
    },
  };
  const permissions: InvokePermission[] = [
    {
      logicalId: logicalIds.event(functionName, index, "Permission"),
      functionName: target.name,
      principal: "apigateway.amazonaws.com",
      sourceArn: executeApiArn(apiId, `*/${props.method === "*" ? "*" : method}/${routeResourcePath(props.path)}`),
    },
  ];

  const route: Record<string, CfValue> = {
    ApiId: ref(apiId),
    RouteKey: `${method} ${props.path}`,
    Target: join("/", ["integrations", ref(integrationId)]),
  };

  const authorizer = props.authorizer;
  if (authorizer) {
    const authorizerPath = [...path, "properties", "authorizer"];
    const properties =
      authorizer.type === "cognito"
        ? cognitoAuthorizer(ctx, apiId, authorizer, authorizerPath, diagnostics)
        : lambdaAuthorizer(ctx, apiId, authorizer, authorizerPath, diagnostics);
    // Same configuration, same logical id and same resource: the merge keeps one per API.
    const configuration = JSON.stringify(properties ?? null);
    const authorizerId = logicalIds.httpApiAuthorizer(api, configuration);
    if (properties) {
      resources[authorizerId] = {
        Type: "AWS::ApiGatewayV2::Authorizer",
        Properties: { ...properties, Name: physicalNames.httpApiAuthorizer(authorizerId) },
      };
      route.AuthorizationType = authorizer.type === "cognito" ? "JWT" : "CUSTOM";
      route.AuthorizerId = ref(authorizerId);
      if (authorizer.type === "lambda") {
        permissions.push({
          logicalId: logicalIds.httpApiAuthorizerPermission(api, configuration),
          functionName: ctx.functionTarget(authorizer.properties.functionName).name,
          principal: "apigateway.amazonaws.com",
          sourceArn: executeApiArn(apiId, `authorizers/\${${authorizerId}}`),
        });
      }
    }
  } else {
    route.AuthorizationType = "NONE";
  }
  resources[logicalIds.event(functionName, index, "Route")] = { Type: "AWS::ApiGatewayV2::Route", Properties: route };

  return fragment(path, { resources, permissions, diagnostics });
}
