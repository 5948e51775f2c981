import "server-only";
import type { Db } from "@/server/db/types";
import type { RevisionCode } from "./revision-code";

// Export: a revision's YAML as written, plus its handler files as a zip whose paths are relative to
// the YAML file, so unzipping the archive next to the YAML gives a folder that imports again as is
// (code-archive.ts, built in the compute pool).

export interface ExportedRevision {
  stackName: string;
  number: number;
  yaml: string;
  code: RevisionCode;
}

/** The given revision of a stack in the organization, or its latest; null when either does not exist. */
export async function findRevisionForExport(client: Db, organizationId: string, stackId: string, number?: number): Promise<ExportedRevision | null> {
  const revision = await client.stackRevision.findFirst({
    where: { stack: { id: stackId, organizationId }, ...(number !== undefined ? { number } : {}) },
    orderBy: { number: "desc" },
    select: { number: true, yaml: true, code: true, stack: { select: { name: true } } },
  });
  if (!revision) return null;
  return { stackName: revision.stack.name, number: revision.number, yaml: revision.yaml, code: revision.code as RevisionCode };
}

export function exportFileName(revision: Pick<ExportedRevision, "stackName" | "number">, part: "yaml" | "code"): string {
  return `${revision.stackName}-r${revision.number}${part === "yaml" ? ".yml" : "-code.zip"}`;
}
