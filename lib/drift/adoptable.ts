// Which drifted properties Adopt can write into a stack definition: vocabulary the drift view and
// the server share. Pure.

export const ADOPTABLE_PROPERTIES = ["MemorySize", "Timeout", "Runtime", "Architectures", "ReservedConcurrentExecutions"] as const;
export const ENVIRONMENT_PREFIX = "Environment.";

export function isAdoptable(d: { property: string }): boolean {
  return (ADOPTABLE_PROPERTIES as readonly string[]).includes(d.property) || d.property.startsWith(ENVIRONMENT_PREFIX);
}
