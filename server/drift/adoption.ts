import "server-only";
import type { Db } from "@/server/db/types";
import { ActionError, notFound } from "@/server/auth/errors";
import { runCompute } from "@/server/compute/pool";
import { isPricedRegion, PRICED_REGIONS } from "@/lib/cost";
import type { RevisionCode } from "@/server/stacks/revision-code";
import type { RevisionDiff } from "@/server/stacks/revision-diff";
import { MAX_VALUE_CHARS } from "./bound-results";
import type { DriftResults } from "./check-stage";
import { assertMaySeeEnvironment } from "./environment-values";
import type { DriftItem } from "./types";

// An adoption as people review it before saving: the stack's latest revision with the chosen live
// values of a drift check written in, printed, and compared with that revision (the revisions
// compare view shows it).

export interface AdoptionRequest {
  checkId: string;
  /** `<resource> <property>` of each drift to adopt. */
  picks: string[];
  /** Whether the person may see live environment values (environment-values.ts); adopting one shows it. */
  revealEnvironment: boolean;
}

export interface Adoption {
  stack: { id: string; name: string };
  stageName: string;
  base: { number: number; yaml: string; code: RevisionCode };
  yaml: string;
  adopted: string[];
  diff: RevisionDiff;
}

const key = (d: DriftItem) => `${d.resource} ${d.property}`;

export async function prepareAdoption(client: Db, organizationId: string, request: AdoptionRequest): Promise<Adoption> {
  assertMaySeeEnvironment(request.picks, request.revealEnvironment);
  const check = await client.driftCheck.findFirst({
    where: { id: request.checkId, stage: { stack: { organizationId } } },
    include: { stage: { select: { name: true, region: true, stack: { select: { id: true, name: true } } } } },
  });
  if (!check) throw notFound("Drift check not found.");
  const drifts = (check.results as unknown as DriftResults).drifts ?? [];
  const chosen = request.picks.map((pick) => {
    const d = drifts.find((x) => key(x) === pick);
    if (!d) throw new ActionError(400, `picks: the check found no drift "${pick}".`, { picks: `no drift "${pick}" in this check` });
    if (typeof d.live === "string" && d.live.length > MAX_VALUE_CHARS) {
      throw new ActionError(400, `picks: the live value of ${pick} was too long to store in full: change it in the editor instead.`, { picks: `${pick} is too long to adopt` });
    }
    return d;
  });
  const stack = check.stage.stack;
  const latest = await client.stackRevision.findFirst({ where: { stackId: stack.id }, orderBy: { number: "desc" }, select: { number: true, yaml: true, code: true } });
  if (!latest) throw notFound("The stack has no revision.");
  const doing = `Adopting live values into stack "${stack.name}"`;
  const result = await runCompute("adoptIntoYaml", [latest.yaml, chosen], { organizationId, doing });
  if (!result) throw new ActionError(409, `Revision ${latest.number} does not parse: fix it in the editor before adopting.`);
  if (!result.ok) throw new ActionError(400, `picks: ${result.problem}`, { picks: result.problem });
  const yaml = result.yaml;
  const base = { number: latest.number, yaml: latest.yaml, code: latest.code as RevisionCode };
  // The diff prices both sides: in the stage's region when it is priced.
  const region = isPricedRegion(check.stage.region) ? check.stage.region : PRICED_REGIONS[0];
  const diff = await runCompute("diffRevisions", [base, { number: latest.number + 1, yaml, code: base.code }, { stackName: stack.name, region, stage: check.stage.name }], {
    organizationId,
    doing,
  });
  return { stack, stageName: check.stage.name, base, yaml, adopted: result.adopted, diff };
}
