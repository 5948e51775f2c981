// A fragment is what one resource or one event contributes to the template. Fragments never
// touch each other's resources: role policies and invoke permissions are declared as data and
// materialized here, in the one place that merges fragments and rejects logical-id collisions.
import type { Diagnostic } from "@/lib/stack/diagnostics";
import type { CfOutput, CfResource, CfValue } from "./cfn";
import { compactStatements, policyDocument, type IamStatement } from "./iam";
import { physicalNames } from "./naming";

export type DefinitionPath = (string | number)[];

/** A statement to put into the inline policy of the role with logical id `role`. */
export interface RoleStatement {
  role: string;
  statement: IamStatement;
}

/** An `AWS::Lambda::Permission` that lets a push trigger invoke a function. */
export interface InvokePermission {
  logicalId: string;
  functionName: CfValue;
  principal: string;
  sourceArn?: CfValue;
  sourceAccount?: CfValue;
}

export interface Fragment {
  /** Where in the stack definition this fragment comes from; collisions are reported there. */
  source: DefinitionPath;
  resources: Record<string, CfResource>;
  policyStatements: RoleStatement[];
  permissions: InvokePermission[];
  outputs: Record<string, CfOutput>;
  diagnostics: Diagnostic[];
}

export function fragment(source: DefinitionPath, parts: Partial<Omit<Fragment, "source">> = {}): Fragment {
  return {
    source,
    resources: parts.resources ?? {},
    policyStatements: parts.policyStatements ?? [],
    permissions: parts.permissions ?? [],
    outputs: parts.outputs ?? {},
    diagnostics: parts.diagnostics ?? [],
  };
}

export function permissionResource(permission: InvokePermission): CfResource {
  const properties: Record<string, CfValue> = {
    Action: "lambda:InvokeFunction",
    FunctionName: permission.functionName,
    Principal: permission.principal,
  };
  if (permission.sourceArn !== undefined) properties.SourceArn = permission.sourceArn;
  if (permission.sourceAccount !== undefined) properties.SourceAccount = permission.sourceAccount;
  return { Type: "AWS::Lambda::Permission", Properties: properties };
}

export interface MergedFragments {
  resources: Record<string, CfResource>;
  /** The definition path of the fragment that produced each resource. */
  resourceSources: ReadonlyMap<string, DefinitionPath>;
  outputs: Record<string, CfOutput>;
  diagnostics: Diagnostic[];
}

const formatPath = (path: DefinitionPath) => (path.length ? path.join(".") : "(root)");

/**
 * Merges fragments in order. The same logical id from two fragments is allowed only when both
 * define exactly the same resource (shared infrastructure such as the default VPC); otherwise it
 * is an error at the later fragment's path. Output keys follow the same rule.
 */
export function mergeFragments(fragments: Fragment[]): MergedFragments {
  const resources: Record<string, CfResource> = {};
  const resourceSources = new Map<string, DefinitionPath>();
  const outputs: Record<string, CfOutput> = {};
  const outputSources = new Map<string, DefinitionPath>();
  const diagnostics: Diagnostic[] = [];

  const add = <T>(
    kind: string,
    target: Record<string, T>,
    sources: Map<string, DefinitionPath>,
    key: string,
    value: T,
    source: DefinitionPath,
  ) => {
    const previous = sources.get(key);
    if (previous === undefined) {
      target[key] = value;
      sources.set(key, source);
      return;
    }
    if (JSON.stringify(target[key]) === JSON.stringify(value)) return;
    diagnostics.push({
      severity: "error",
      code: "collision",
      message: `${kind} "${key}" is produced both by ${formatPath(previous)} and by ${formatPath(source)}; rename one of them`,
      path: source,
    });
  };

  for (const f of fragments) {
    diagnostics.push(...f.diagnostics);
    for (const [logicalId, resource] of Object.entries(f.resources)) {
      add("logical id", resources, resourceSources, logicalId, resource, f.source);
    }
    for (const permission of f.permissions) {
      add("logical id", resources, resourceSources, permission.logicalId, permissionResource(permission), f.source);
    }
    for (const [key, output] of Object.entries(f.outputs)) {
      add("output", outputs, outputSources, key, output, f.source);
    }
  }

  const statementsByRole = new Map<string, { statements: IamStatement[]; source: DefinitionPath }>();
  for (const f of fragments) {
    for (const { role, statement } of f.policyStatements) {
      const entry = statementsByRole.get(role) ?? { statements: [], source: f.source };
      entry.statements.push(statement);
      statementsByRole.set(role, entry);
    }
  }
  for (const [roleId, { statements, source }] of statementsByRole) {
    const role = resources[roleId];
    if (!role || role.Type !== "AWS::IAM::Role") {
      diagnostics.push({
        severity: "error",
        code: "render",
        message: `policy statements target role "${roleId}", which this stack does not define`,
        path: source,
      });
      continue;
    }
    resources[roleId] = {
      ...role,
      Properties: {
        ...role.Properties,
        Policies: [{ PolicyName: physicalNames.rolePolicy(roleId), PolicyDocument: policyDocument(compactStatements(statements)) }],
      },
    };
  }

  return { resources, resourceSources, outputs, diagnostics };
}
