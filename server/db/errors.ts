/** Prisma's unique-constraint violation (P2002), raised when a race beats our own existence check. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";
}
