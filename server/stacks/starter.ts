// What a new stack starts with: one function behind an HTTP API, in the seed's format.
export const STARTER_HANDLER_PATH = "src/handler.ts";

export const STARTER_YAML = `resources:
  api:
    type: http-api-gateway
  hello:
    type: function
    properties:
      packaging:
        type: stacktape-lambda-buildpack
        properties:
          entryfilePath: ${STARTER_HANDLER_PATH}
      memory: 512
      timeout: 10
      events:
        - type: http-api-gateway
          properties:
            httpApiGatewayName: api
            path: /hello
            method: GET
`;

export const STARTER_HANDLER = `export default async (event: { rawPath?: string }) => {
  return { statusCode: 200, body: JSON.stringify({ hello: "world", path: event.rawPath }) };
};
`;
