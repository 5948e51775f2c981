import type { ResourceCostDelta } from "@/lib/cost";
import { primaryLogicalIds } from "@/server/render/naming";

/** The logical id a cost belongs to in the rendered template: the stack resource's own, or the cloudformationResources id. */
export function costLogicalId(r: Pick<ResourceCostDelta, "kind" | "type" | "resource">): string | null {
  if (r.kind === "cloudformation") return r.resource;
  if (r.kind === "resource" && Object.hasOwn(primaryLogicalIds, r.type)) return primaryLogicalIds[r.type as keyof typeof primaryLogicalIds](r.resource);
  return null;
}
