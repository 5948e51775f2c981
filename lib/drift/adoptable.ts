// Which drifted properties Adopt can write into a stack definition: vocabulary the drift view and
// the server share. Pure.

export const ADOPTABLE_PROPERTIES = ["MemorySize", "Timeout", "Runtime", "Architectures", "ReservedConcurrentExecutions"] as const;
export const ENVIRONMENT_PREFIX = "Environment.";

/** A hidden live value (environment-values.ts) is not adoptable by the person it is hidden from. */
export function isAdoptable(d: { property: string; liveHidden?: boolean }): boolean {
  if (d.liveHidden) return false;
  return (ADOPTABLE_PROPERTIES as readonly string[]).includes(d.property) || d.property.startsWith(ENVIRONMENT_PREFIX);
}
