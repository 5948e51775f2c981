// The IAM documents a user needs to let Lambdaplane deploy into their account: the trust policy of
// the role, and a CloudFormation template that creates that role. Pure.

/** Where Lambdaplane's own AWS identity is configured: the principal the user's role must trust. */
export const PRINCIPAL_ENV = "LAMBDAPLANE_AWS_PRINCIPAL_ARN";

const PRINCIPAL_PATTERN = /^arn:aws[a-z-]*:(iam::\d{12}:(root|role\/[\w+=,.@/-]+|user\/[\w+=,.@/-]+)|sts::\d{12}:assumed-role\/[\w+=,.@-]+\/.+)$/;

/**
 * The principal from LAMBDAPLANE_AWS_PRINCIPAL_ARN: an IAM role, user or account root ARN, or a bare
 * 12-digit account id (its root). An assumed-role session ARN names its role instead, since trust
 * policies cannot name sessions.
 */
export function parsePrincipal(value: string | undefined): { ok: true; arn: string } | { ok: false; message: string } {
  const raw = value?.trim();
  if (!raw) {
    return {
      ok: false,
      message: `${PRINCIPAL_ENV} is not set: set it to the ARN of the IAM role (or account id) the Lambdaplane server runs as, so the trust policy can name it.`,
    };
  }
  if (/^\d{12}$/.test(raw)) return { ok: true, arn: `arn:aws:iam::${raw}:root` };
  if (!PRINCIPAL_PATTERN.test(raw)) {
    return { ok: false, message: `${PRINCIPAL_ENV} must be an IAM role, user or root ARN or a 12-digit account id; it is "${raw}".` };
  }
  const session = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([\w+=,.@-]+)\//.exec(raw);
  if (session) return { ok: true, arn: `arn:${session[1]}:iam::${session[2]}:role/${session[3]}` };
  return { ok: true, arn: raw };
}

export interface TrustPolicyInput {
  principalArn: string;
  externalId: string;
}

export function trustPolicy({ principalArn, externalId }: TrustPolicyInput) {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { AWS: principalArn },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "sts:ExternalId": externalId } },
      },
    ],
  };
}

/**
 * CloudFormation creates a stack's resources with the deploying identity's permissions, so the role
 * needs whatever the stacks contain (IAM roles, functions, queues, APIs, CDNs, tables...). As with
 * the AWS CDK's bootstrap, that is AdministratorAccess unless the user narrows it with this parameter.
 */
const DEFAULT_POLICY = "arn:aws:iam::aws:policy/AdministratorAccess";

export function roleTemplate(input: TrustPolicyInput & { connectionName: string }) {
  return {
    AWSTemplateFormatVersion: "2010-09-09",
    Description: `IAM role Lambdaplane assumes to deploy stacks into this account (connection "${input.connectionName}")`,
    Parameters: {
      RoleName: {
        Type: "String",
        Default: "lambdaplane-deploy",
        AllowedPattern: "[\\w+=,.@-]{1,64}",
        Description: "Name of the IAM role; paste its ARN into the Lambdaplane connection",
      },
      PolicyArns: {
        Type: "CommaDelimitedList",
        Default: DEFAULT_POLICY,
        Description:
          "Managed policies the role gets: what Lambdaplane and CloudFormation may create, change and read in your stacks. Narrow them to the services your stacks use.",
      },
    },
    Resources: {
      DeployRole: {
        Type: "AWS::IAM::Role",
        Properties: {
          RoleName: { Ref: "RoleName" },
          MaxSessionDuration: 3600,
          AssumeRolePolicyDocument: trustPolicy(input),
          ManagedPolicyArns: { Ref: "PolicyArns" },
        },
      },
    },
    Outputs: {
      RoleArn: { Description: "The role ARN to enter in Lambdaplane", Value: { "Fn::GetAtt": ["DeployRole", "Arn"] } },
    },
  };
}
