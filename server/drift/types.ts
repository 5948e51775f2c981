// The vocabulary of a drift check, shared by the comparator, the reader, the store and the view.

/** One property whose live value differs from what the stage's last deploy rendered. */
export interface DriftItem {
  /** The template's logical id (e.g. `ApiFunction`). */
  resource: string;
  /** `MemorySize`, `Environment.API_URL`, `CodeSha256`, ...; `(resource)` when the resource is gone. */
  property: string;
  deployed: unknown;
  /** null when the resource (or the property) no longer exists live, or when `liveHidden`. */
  live: unknown;
  /** The live value is not shown to this person (an environment value: environment-values.ts). */
  liveHidden?: boolean;
}

/** A property that could not be compared (a value CloudFormation resolves that the check cannot): never a drift. */
export interface UnknownProperty {
  resource: string;
  property: string;
  reason: string;
}

export type DriftStatus = "in_sync" | "drifted" | "unknown";

export interface DriftComparison {
  drifts: DriftItem[];
  unknown: UnknownProperty[];
}

export const RESOURCE_GONE = "(resource)";
