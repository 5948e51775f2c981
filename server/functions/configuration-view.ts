// GetFunction's answer as the page shows it: only the fields it needs (never the code's presigned
// download URL), environment values withheld unless the viewer may see them. Pure.
import type { GetFunctionCommandOutput } from "@aws-sdk/client-lambda";
import type { EnvironmentVariable, FunctionConfiguration } from "@/lib/functions/types";

/** Names in order; values only when `reveal` (roles that may deploy), so they never reach other browsers. */
export function environmentView(variables: Record<string, string> | undefined, reveal: boolean): EnvironmentVariable[] {
  return Object.entries(variables ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => ({ name, value: reveal ? value : null }));
}

export function configurationView(out: Pick<GetFunctionCommandOutput, "Configuration">, revealEnvironment: boolean): FunctionConfiguration {
  const c = out.Configuration ?? {};
  const vpc = c.VpcConfig;
  const hasVpc = Boolean(vpc?.VpcId || vpc?.SubnetIds?.length || vpc?.SecurityGroupIds?.length);
  const environment = environmentView(c.Environment?.Variables, revealEnvironment);
  return {
    functionName: c.FunctionName ?? "",
    functionArn: c.FunctionArn ?? null,
    description: c.Description || null,
    state: c.State ?? null,
    stateReason: c.StateReason ?? null,
    packageType: c.PackageType ?? null,
    runtime: c.Runtime ?? null,
    architectures: c.Architectures ?? [],
    memoryMb: c.MemorySize ?? null,
    timeoutSeconds: c.Timeout ?? null,
    ephemeralStorageMb: c.EphemeralStorage?.Size ?? null,
    handler: c.Handler ?? null,
    role: c.Role ?? null,
    environment,
    environmentRedacted: !revealEnvironment && environment.length > 0,
    layers: (c.Layers ?? []).map((l) => ({ arn: l.Arn ?? "", codeSizeBytes: l.CodeSize ?? null })),
    vpc: hasVpc ? { vpcId: vpc?.VpcId || null, subnetIds: vpc?.SubnetIds ?? [], securityGroupIds: vpc?.SecurityGroupIds ?? [] } : null,
    codeSizeBytes: c.CodeSize ?? null,
    codeSha256: c.CodeSha256 ?? null,
    lastModified: c.LastModified ?? null,
  };
}
