// The HTTP API route's authorizer forms (seed 000, "Cognito authorizer" / "Lambda authorizer" and their API references).
import type { HttpApiAuthorizer } from "@/lib/stack";
import type { FieldSpec } from "../spec";

export type AuthorizerType = HttpApiAuthorizer["type"];

export const AUTHORIZER_TYPES: readonly { type: AuthorizerType; label: string; help: string }[] = [
  {
    type: "cognito",
    label: "Cognito user pool",
    help: "Only users authenticated with the user pool can access the route; the request must include their access token (Authorization: <access-token>). HTTP API uses JWT-based authorization.",
  },
  {
    type: "lambda",
    label: "Lambda function",
    help: "A function decides whether the client can access the route: it returns a simple response ({ isAuthorized, context }) or, with IAM response on, an IAM policy document.",
  },
];

export const AUTHORIZER_FIELDS: Record<AuthorizerType, readonly FieldSpec[]> = {
  cognito: [
    { key: ["userPoolName"], label: "User pool", kind: "resource", resourceKinds: ["user-auth-pool"], required: true, help: "The user-auth-pool resource of this stack whose users may call the route." },
    { key: ["identitySources"], label: "Identity sources (one per line)", kind: "lines", defaultValue: "$request.header.Authorization", help: "Where the token is read: one $request.header.<name> or $request.querystring.<name>." },
  ],
  lambda: [
    { key: ["functionName"], label: "Authorizer function", kind: "resource", resourceKinds: ["function"], required: true, help: "The function of this stack invoked to authorize each request." },
    { key: ["iamResponse"], label: "IAM policy response", kind: "boolean", defaultValue: false, help: "The function returns an IAM policy document instead of the simple { isAuthorized } response." },
    { key: ["identitySources"], label: "Identity sources (one per line)", kind: "lines", help: "$request.header.<name>, $request.querystring.<name> or $context.<variable>. Without them in the request, the authorizer is not invoked and the client gets 401. With caching they are the cache key; add $context.routeKey to cache per route." },
    { key: ["cacheResultSeconds"], label: "Cache result (seconds)", kind: "number", help: "0-3600. API Gateway reuses the authorizer's answer for the same identity sources within this time." },
  ],
};

/** A new authorizer of this type: its required reference left for the user to pick (reported until set). */
export function createAuthorizer(type: AuthorizerType): HttpApiAuthorizer {
  return type === "cognito" ? { type, properties: { userPoolName: "" } } : { type, properties: { functionName: "" } };
}
