// One AWS::Lambda::Function as the stage's last deploy rendered it against the function as it runs.
// A property the template leaves out is compared with AWS's default for it (no drift while the live
// value is that default); values CloudFormation resolves that the check cannot are reported as
// unknown, never as drift. Pure.
import type { FunctionConfiguration } from "@aws-sdk/client-lambda";
import type { CfValue } from "@/server/render/cfn";
import { resolveValue, type ResolveScope } from "./resolve-value";
import { sameValue } from "./same-value";
import { RESOURCE_GONE, type DriftComparison } from "./types";

export interface DeployedFunction {
  logicalId: string;
  properties: Readonly<Record<string, CfValue>>;
  /** Hex SHA-256 of the zip Lambdaplane packaged for it; null when the code came from elsewhere. */
  codeSha256Hex: string | null;
}

export interface LiveFunction {
  configuration: FunctionConfiguration;
  /** GetFunctionConcurrency; null when none is reserved. */
  reservedConcurrency: number | null;
}

/** What Lambda applies when CreateFunction leaves a property out. */
export const LAMBDA_DEFAULTS = { MemorySize: 128, Timeout: 3, Architectures: ["x86_64"], EphemeralStorage: 512 } as const;

const roleName = (arn: string | undefined) => (arn ? arn.slice(arn.lastIndexOf("/") + 1) : null);
const sorted = (values: readonly string[] | undefined) => [...(values ?? [])].sort();
const hexToBase64 = (hex: string) => Buffer.from(hex, "hex").toString("base64");

export function compareFunction(deployed: DeployedFunction, live: LiveFunction | null, scope: ResolveScope): DriftComparison {
  const out: DriftComparison = { drifts: [], unknown: [] };
  const resource = deployed.logicalId;
  const props = deployed.properties;
  if (!live) {
    out.drifts.push({ resource, property: RESOURCE_GONE, deployed: scope.physicalIds[resource] ?? props.FunctionName ?? resource, live: null });
    return out;
  }
  const c = live.configuration;

  /** Compares a rendered property (or `fallback` when the template leaves it out) with the live value. */
  const check = (property: string, rendered: CfValue | undefined, fallback: unknown, liveValue: unknown, shape: (v: unknown) => unknown = (v) => v) => {
    if (rendered === undefined && fallback === undefined) return;
    let expected: unknown = fallback;
    if (rendered !== undefined) {
      const r = resolveValue(rendered, scope);
      if (!r.known) {
        out.unknown.push({ resource, property, reason: "CloudFormation resolves this value when it deploys" });
        return;
      }
      expected = r.value;
    }
    const want = shape(expected);
    const have = shape(liveValue);
    if (!sameValue(want, have)) out.drifts.push({ resource, property, deployed: want ?? null, live: have ?? null });
  };

  check("MemorySize", props.MemorySize, LAMBDA_DEFAULTS.MemorySize, c.MemorySize);
  check("Timeout", props.Timeout, LAMBDA_DEFAULTS.Timeout, c.Timeout);
  if (c.PackageType !== "Image") {
    check("Runtime", props.Runtime, undefined, c.Runtime);
    check("Handler", props.Handler, undefined, c.Handler);
  }
  check("Architectures", props.Architectures, LAMBDA_DEFAULTS.Architectures, c.Architectures ?? LAMBDA_DEFAULTS.Architectures);
  const storage = props.EphemeralStorage as { Size?: CfValue } | undefined;
  check("EphemeralStorage", storage?.Size, LAMBDA_DEFAULTS.EphemeralStorage, c.EphemeralStorage?.Size ?? LAMBDA_DEFAULTS.EphemeralStorage);
  check("Layers", props.Layers, [], (c.Layers ?? []).map((l) => l.Arn), (v) => sorted(v as string[]));
  const vpc = props.VpcConfig as { SubnetIds?: CfValue; SecurityGroupIds?: CfValue } | undefined;
  check("VpcConfig.SubnetIds", vpc?.SubnetIds, [], c.VpcConfig?.SubnetIds, (v) => sorted(v as string[]));
  check("VpcConfig.SecurityGroupIds", vpc?.SecurityGroupIds, [], c.VpcConfig?.SecurityGroupIds, (v) => sorted(v as string[]));
  check("ReservedConcurrentExecutions", props.ReservedConcurrentExecutions, null, live.reservedConcurrency);

  const role = props.Role;
  const roleAtt = role && typeof role === "object" && !Array.isArray(role) ? role["Fn::GetAtt"] : undefined;
  if (Array.isArray(roleAtt) && typeof roleAtt[0] === "string" && roleAtt[1] === "Arn") {
    // The role's ARN is GetAtt of a role in the stack: its physical id is the role's name.
    const name = scope.physicalIds[roleAtt[0]];
    if (name === undefined) out.unknown.push({ resource, property: "Role", reason: `the stack does not list ${roleAtt[0]}` });
    else check("Role", name, undefined, roleName(c.Role));
  } else {
    check("Role", role, undefined, c.Role);
  }

  const renderedVariables = ((props.Environment as { Variables?: Record<string, CfValue> } | undefined)?.Variables ?? {}) as Record<string, CfValue>;
  const liveVariables = c.Environment?.Variables ?? {};
  for (const key of [...new Set([...Object.keys(renderedVariables), ...Object.keys(liveVariables)])].sort()) {
    check(`Environment.${key}`, Object.hasOwn(renderedVariables, key) ? renderedVariables[key] : undefined, null, Object.hasOwn(liveVariables, key) ? liveVariables[key] : null);
  }

  if (deployed.codeSha256Hex && c.PackageType !== "Image") check("CodeSha256", hexToBase64(deployed.codeSha256Hex), undefined, c.CodeSha256);
  return out;
}
