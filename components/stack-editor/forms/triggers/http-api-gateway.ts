import { DEFAULT_HTTP_PAYLOAD_FORMAT, HTTP_API_METHODS } from "@/lib/stack";
import type { TriggerSpec } from "../spec";

// Seed 000, "HTTP Api event" and HttpApiIntegration API reference.
export const httpApiTrigger: TriggerSpec<"http-api-gateway"> = {
  type: "http-api-gateway",
  label: "HTTP API route",
  help: "The function is triggered in a reaction to an incoming request to the specified HTTP API Gateway. HTTP API Gateway selects the route with the most-specific match.",
  // The authorizer has its own form (authorizer-editor.tsx): its fields depend on its type.
  fields: [
    { key: ["httpApiGatewayName"], label: "HTTP API", kind: "resource", resourceKinds: ["http-api-gateway"], required: true, help: "The http-api-gateway resource of this stack that receives the requests." },
    { key: ["method"], label: "Method", kind: "select", options: HTTP_API_METHODS, required: true, help: "HTTP method of the route; * matches any method." },
    { key: ["path"], label: "Path", kind: "text", required: true, help: "Route path, starting with '/', e.g. /hello or /users/{id}." },
    { key: ["payloadFormat"], label: "Payload format", kind: "select", options: ["1.0", "2.0"], defaultValue: DEFAULT_HTTP_PAYLOAD_FORMAT, help: "Format of the event the function receives from the API." },
  ],
  create: () => ({ type: "http-api-gateway", properties: { httpApiGatewayName: "", method: "GET", path: "/" } }),
};
