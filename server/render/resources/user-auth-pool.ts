// user-auth-pool: a Cognito user pool whose users sign in with their email, and the app client
// that HTTP API cognito authorizers accept tokens from.
import type { UserAuthPool } from "@/lib/stack/schema";
import { getAtt, ref, type CfResource, type CfValue } from "../cfn";
import type { RenderContext } from "../context";
import { fragment, type DefinitionPath, type Fragment } from "../fragment";
import { logicalIds, physicalNames } from "../naming";

/** Stacktape's documented default for userVerificationType. */
const DEFAULT_USER_VERIFICATION = "email-code";

export function renderUserAuthPool(ctx: RenderContext, name: string, pool: UserAuthPool, path: DefinitionPath): Fragment {
  const props = pool.properties ?? {};
  const { stackName, stage } = ctx.options;
  const poolId = logicalIds.userPool(name);
  const clientId = logicalIds.userPoolClient(name);
  const verification = props.userVerificationType ?? DEFAULT_USER_VERIFICATION;

  const properties: Record<string, CfValue> = {
    UserPoolName: physicalNames.userPool(stackName, stage, name),
    UsernameAttributes: ["email"],
  };
  if (verification !== "none") {
    properties.AutoVerifiedAttributes = ["email"];
    properties.VerificationMessageTemplate = {
      DefaultEmailOption: verification === "email-link" ? "CONFIRM_WITH_LINK" : "CONFIRM_WITH_CODE",
    };
  }
  if (props.allowOnlyAdminsToCreateAccount !== undefined) {
    properties.AdminCreateUserConfig = { AllowAdminCreateUserOnly: props.allowOnlyAdminsToCreateAccount };
  }
  const policy = props.passwordPolicy;
  if (policy) {
    const passwordPolicy: Record<string, CfValue> = {};
    if (policy.minimumLength !== undefined) passwordPolicy.MinimumLength = policy.minimumLength;
    if (policy.requireLowercase !== undefined) passwordPolicy.RequireLowercase = policy.requireLowercase;
    if (policy.requireUppercase !== undefined) passwordPolicy.RequireUppercase = policy.requireUppercase;
    if (policy.requireNumbers !== undefined) passwordPolicy.RequireNumbers = policy.requireNumbers;
    if (policy.requireSymbols !== undefined) passwordPolicy.RequireSymbols = policy.requireSymbols;
    if (policy.temporaryPasswordValidityDays !== undefined) {
      passwordPolicy.TemporaryPasswordValidityDays = policy.temporaryPasswordValidityDays;
    }
    properties.Policies = { PasswordPolicy: passwordPolicy };
  }

  const resources: Record<string, CfResource> = {
    [poolId]: { Type: "AWS::Cognito::UserPool", Properties: properties },
    [clientId]: {
      Type: "AWS::Cognito::UserPoolClient",
      Properties: {
        UserPoolId: ref(poolId),
        ClientName: physicalNames.userPoolClient(stackName, stage, name),
        GenerateSecret: false,
        ExplicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
      },
    },
  };
  if (verification === "email-link") {
    // Verification links point at the pool's hosted domain, so link verification needs one.
    // Prefixes are global per region: lowercase, and a hash keeps two stacks' prefixes apart.
    resources[logicalIds.userPoolDomain(name)] = {
      Type: "AWS::Cognito::UserPoolDomain",
      Properties: {
        UserPoolId: ref(poolId),
        Domain: physicalNames.userPoolDomain(stackName, stage, name, ctx.options.region),
      },
    };
  }

  return fragment(path, {
    resources,
    outputs: {
      [logicalIds.output(name, "id")]: { Description: `ID of user pool ${name}`, Value: ref(poolId) },
      [logicalIds.output(name, "clientId")]: { Description: `ID of the app client of user pool ${name}`, Value: ref(clientId) },
      [logicalIds.output(name, "arn")]: { Description: `ARN of user pool ${name}`, Value: getAtt(poolId, "Arn") },
    },
  });
}
