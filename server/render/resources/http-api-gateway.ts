// http-api-gateway: an HTTP API with its $default stage, deployed automatically on every change.
// Routes, integrations and authorizers come from the functions' http-api-gateway events.
import type { Diagnostic } from "@/lib/stack/diagnostics";
import type { HttpApiGateway } from "@/lib/stack/schema";
import { getAtt, ref, type CfValue } from "../cfn";
import type { RenderContext } from "../context";
import { fragment, type DefinitionPath, type Fragment } from "../fragment";
import { logicalIds, physicalNames } from "../naming";

function corsConfiguration(
  cors: NonNullable<NonNullable<HttpApiGateway["properties"]>["cors"]>,
  path: DefinitionPath,
  diagnostics: Diagnostic[],
): Record<string, CfValue> {
  const origins = cors.allowedOrigins ?? ["*"];
  if (cors.allowCredentials && origins.includes("*")) {
    diagnostics.push({
      severity: "error",
      code: "conflict",
      message: "allowCredentials requires explicit allowedOrigins (browsers reject credentials with '*')",
      path: [...path, "allowCredentials"],
    });
  }
  const config: Record<string, CfValue> = {
    AllowOrigins: origins,
    AllowMethods: cors.allowedMethods ?? ["*"],
    AllowHeaders: cors.allowedHeaders ?? ["*"],
  };
  if (cors.allowCredentials !== undefined) config.AllowCredentials = cors.allowCredentials;
  if (cors.exposedResponseHeaders !== undefined) config.ExposeHeaders = cors.exposedResponseHeaders;
  if (cors.maxAge !== undefined) config.MaxAge = cors.maxAge;
  return config;
}

export function renderHttpApiGateway(ctx: RenderContext, name: string, api: HttpApiGateway, path: DefinitionPath): Fragment {
  const diagnostics: Diagnostic[] = [];
  const apiId = logicalIds.httpApi(name);
  const properties: Record<string, CfValue> = {
    Name: physicalNames.httpApi(ctx.options.stackName, ctx.options.stage, name),
    ProtocolType: "HTTP",
  };
  const cors = api.properties?.cors;
  if (cors?.enabled) {
    properties.CorsConfiguration = corsConfiguration(cors, [...path, "properties", "cors"], diagnostics);
  }
  return fragment(path, {
    resources: {
      [apiId]: { Type: "AWS::ApiGatewayV2::Api", Properties: properties },
      [logicalIds.httpApiStage(name)]: {
        Type: "AWS::ApiGatewayV2::Stage",
        Properties: { ApiId: ref(apiId), StageName: "$default", AutoDeploy: true },
      },
    },
    outputs: {
      [logicalIds.output(name, "url")]: { Description: `URL of HTTP API ${name}`, Value: getAtt(apiId, "ApiEndpoint") },
    },
    diagnostics,
  });
}
