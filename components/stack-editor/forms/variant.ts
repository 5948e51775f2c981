// Switching a tagged object ({ type, properties }) to another type. Pure.

const propertiesOf = (value: unknown): Record<string, unknown> | undefined => {
  if (value === null || typeof value !== "object") return undefined;
  const properties = (value as { properties?: unknown }).properties;
  return properties !== null && typeof properties === "object" && !Array.isArray(properties) ? (properties as Record<string, unknown>) : undefined;
};

/**
 * The new type's object with what the previous one held at the same property keys (a Kafka secret ARN
 * between the SASL types), so a switch does not throw away a value the new type uses too; properties
 * the new type does not have are left behind. An empty previous value does not replace the new one's.
 */
export function switchVariant(created: unknown, previous: unknown): unknown {
  const next = propertiesOf(created);
  const before = propertiesOf(previous);
  if (!next || !before) return created;
  const carried = Object.fromEntries(
    Object.keys(next).map((key) => [key, before[key] !== undefined && before[key] !== "" ? before[key] : next[key]]),
  );
  return { ...(created as object), properties: carried };
}
