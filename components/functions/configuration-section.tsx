import type { FunctionConfiguration } from "@/lib/functions/types";
import { formatBytes } from "@/lib/functions/format";
import { Facts } from "./live-section";
import { ScrollX } from "@/components/ui/scroll-x";

const mono = (s: string | null) => (s ? <span className="font-mono">{s}</span> : null);

export function ConfigurationFacts({ c }: { c: FunctionConfiguration }) {
  return (
    <div className="flex flex-col gap-3">
      <Facts
        label="Configuration"
        rows={[
          ["Runtime", c.runtime ?? c.packageType],
          ["Architecture", c.architectures.join(", ") || null],
          ["Memory", c.memoryMb === null ? null : `${c.memoryMb} MB`],
          ["Timeout", c.timeoutSeconds === null ? null : `${c.timeoutSeconds} s`],
          ["Ephemeral storage", c.ephemeralStorageMb === null ? null : `${c.ephemeralStorageMb} MB`],
          ["Handler", mono(c.handler)],
          ["Role", mono(c.role)],
          ["State", c.state ? `${c.state}${c.stateReason ? `: ${c.stateReason}` : ""}` : null],
          ["Code size", c.codeSizeBytes === null ? null : formatBytes(c.codeSizeBytes)],
          ["Code SHA-256", mono(c.codeSha256)],
          ["Last modified", c.lastModified],
          ["Description", c.description],
        ]}
      />
      <Facts
        label="Layers and network"
        rows={[
          [
            "Layers",
            c.layers.length ? (
              <ul>
                {c.layers.map((l) => (
                  <li key={l.arn} className="font-mono">
                    {l.arn}
                    {l.codeSizeBytes === null ? "" : ` (${formatBytes(l.codeSizeBytes)})`}
                  </li>
                ))}
              </ul>
            ) : null,
          ],
          ["VPC", c.vpc ? `${c.vpc.vpcId ?? "?"}; subnets ${c.vpc.subnetIds.join(", ") || "none"}; security groups ${c.vpc.securityGroupIds.join(", ") || "none"}` : null],
        ]}
      />
    </div>
  );
}

export function EnvironmentTable({ c, canSeeValues }: { c: FunctionConfiguration; canSeeValues: boolean }) {
  if (c.environment.length === 0) return <p className="text-sm text-slate-600">No environment variables.</p>;
  return (
    <div className="flex flex-col gap-1">
      {c.environmentRedacted || !canSeeValues ? <p className="text-xs text-slate-600">Values are shown to the roles that may deploy (owners, admins, deployers).</p> : null}
      <ScrollX>
        <table aria-label="Environment variables" className="text-left text-sm">
          <thead>
            <tr className="text-slate-600">
              <th className="pr-4 font-medium">Name</th>
              <th className="font-medium">Value</th>
            </tr>
          </thead>
          <tbody>
            {c.environment.map((v) => (
              <tr key={v.name}>
                <td className="pr-4 font-mono">{v.name}</td>
                <td className="break-all font-mono">{v.value ?? <span className="text-slate-500">hidden</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollX>
    </div>
  );
}
