// IAM documents: statements, trust policies and the role resource shape.
import type { CfResource, CfValue } from "./cfn";

export interface IamStatement {
  Sid?: string;
  Effect: "Allow" | "Deny";
  Action: string[];
  Resource: CfValue[];
  Condition?: CfValue;
}

export const allow = (actions: string[], resources: CfValue[]): IamStatement => ({
  Effect: "Allow",
  Action: actions,
  Resource: resources,
});

export function assumeRolePolicy(servicePrincipals: string[]): CfValue {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Service: servicePrincipals },
        Action: ["sts:AssumeRole"],
      },
    ],
  };
}

export function roleResource(servicePrincipals: string[], managedPolicyArns: CfValue[] = []): CfResource {
  return {
    Type: "AWS::IAM::Role",
    Properties: {
      AssumeRolePolicyDocument: assumeRolePolicy(servicePrincipals),
      ...(managedPolicyArns.length > 0 ? { ManagedPolicyArns: managedPolicyArns } : {}),
    },
  };
}

const statementKey = (s: IamStatement) =>
  JSON.stringify([s.Sid ?? null, s.Effect, [...s.Action].sort(), s.Condition ?? null]);

/**
 * Statements that differ only in their resources are folded into one (resources in first-seen
 * order, duplicates dropped): the policy stays small, well under IAM's inline size limit.
 */
export function compactStatements(statements: IamStatement[]): IamStatement[] {
  const byKey = new Map<string, IamStatement>();
  const seenResources = new Map<string, Set<string>>();
  for (const statement of statements) {
    const key = statementKey(statement);
    const existing = byKey.get(key);
    if (!existing) {
      const unique = dedupe(statement.Resource);
      byKey.set(key, { ...statement, Action: [...new Set(statement.Action)], Resource: unique });
      seenResources.set(key, new Set(unique.map((r) => JSON.stringify(r))));
      continue;
    }
    const seen = seenResources.get(key)!;
    for (const resource of statement.Resource) {
      const k = JSON.stringify(resource);
      if (seen.has(k)) continue;
      seen.add(k);
      existing.Resource.push(resource);
    }
  }
  return [...byKey.values()];
}

function dedupe(values: CfValue[]): CfValue[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = JSON.stringify(v);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function policyDocument(statements: IamStatement[]): CfValue {
  return {
    Version: "2012-10-17",
    Statement: statements.map((s) => {
      const out: Record<string, CfValue> = {};
      if (s.Sid !== undefined) out.Sid = s.Sid;
      out.Effect = s.Effect;
      out.Action = s.Action;
      out.Resource = s.Resource;
      if (s.Condition !== undefined) out.Condition = s.Condition;
      return out;
    }),
  };
}
