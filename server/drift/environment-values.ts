import "server-only";
import { ActionError } from "@/server/auth/errors";
import { ENVIRONMENT_PREFIX } from "@/lib/drift/adoptable";
import type { DriftResults } from "./check-stage";
import type { DriftItem } from "./types";

// A function's environment values are as sensitive as the deploy that set them: the function view
// shows them only to people who may deploy (deploy:start), and so does the drift view. A value set
// in the AWS console (a password, say) is exactly the one nobody else could read from the YAML.

/** Lambda-level items ("Environment.KEY") and CloudFormation's own ("/Environment/Variables/KEY"). */
export function isEnvironmentProperty(property: string): boolean {
  return property.startsWith(ENVIRONMENT_PREFIX) || property === "/Environment" || property.startsWith("/Environment/");
}

const hidden = (d: DriftItem): DriftItem => (isEnvironmentProperty(d.property) ? { ...d, live: null, liveHidden: true } : d);

/** The results with every live environment value taken out (the item stays: that it drifted is not a secret). */
export function withoutEnvironmentValues(results: DriftResults): DriftResults {
  const cloudFormation = results.cloudFormation?.status === "checked" ? { ...results.cloudFormation, drifts: results.cloudFormation.drifts.map(hidden) } : results.cloudFormation;
  return { ...results, drifts: results.drifts.map(hidden), cloudFormation };
}

/** Adopting an environment value shows it (the revision diff) and writes it: only for people who may see it. */
export function assertMaySeeEnvironment(picks: readonly string[], revealEnvironment: boolean): void {
  if (revealEnvironment) return;
  const pick = picks.find((p) => isEnvironmentProperty(p.slice(p.indexOf(" ") + 1)));
  if (pick) throw new ActionError(403, `picks: '${pick}' is an environment value, which only people who may deploy see; ask one of them to adopt it.`, { picks: "environment values need the deploy permission" });
}
